"""Read: the only register stage that touches files. CSV and workbooks become sheets of clean text cells.

- **CSV** is streamed: the encoding is chosen on the file's first megabyte (strict UTF-8, then
  GB18030, then charset-normalizer's guess, each accepted only when a known header appears), then
  the file is decoded line by line. A line that is not valid in that encoding (GBK rows pasted into
  a UTF-8 file) is not guessed at: its row is marked unreadable with the reason and rejected by
  ``validate``, and every other row still loads. So a 200 MB register never sits in memory whole.
- **xlsx/xlsm** are read with openpyxl's streaming sheet parser (the one behind its read-only
  mode) in one pass that yields the cells, the merged ranges and the formula cells that hold no
  computed value. openpyxl's public read-only worksheet exposes neither of the last two, and a
  full (non-read-only) load costs many times the memory, so ``_SheetParser`` extends the parser
  the read-only worksheet uses. Before any XML is parsed, the package's declared sizes are checked
  (``check_package``): a zip bomb is refused by name without being unpacked.
- **xls** (the old binary format) is read by pandas through xlrd.

Cells come out as pandas' ``read_excel(dtype=str)`` wrote them before (integers without ``.0``,
datetimes as ``2023-01-05 00:00:00``, Excel errors as ``nan``), NFKC-normalised and trimmed, so
codes keep their digits.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from loaders.register.headers import map_headers
from loaders.register.model import EXTENSIONS, RegisterError, Sheet

# --- cells ----------------------------------------------------------------------------------------

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_cell(value: Any) -> str:
    """NFKC-normalise a cell and trim it; zero-width and control characters go (a stray NUL or
    ESC would otherwise make a second unit of the same name, or an unknown village).

    >>> clean_cell("  ＡＢ１２ "), clean_cell("四滧村\\u200b"), clean_cell("四\\x00滧\\x1b村")
    ('AB12', '四滧村', '四滧村')
    """
    text = unicodedata.normalize("NFKC", str(value)).replace("\u200b", "").replace("\ufeff", "")
    return _CONTROL_RE.sub("", text).strip()


class CellCleaner:
    """``clean_cell`` once per distinct value: a register repeats its units, towns, dates and rounds
    on thousands of rows, and normalising them is most of reading. The memo is emptied when it
    grows past ``limit`` so a file of all-different cells cannot fill memory with it."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.seen: dict[Any, str] = {}

    def row(self, cells: Iterable[Any]) -> list[str]:
        seen = self.seen
        out = []
        for value in cells:
            text = seen.get(value)
            if text is None:
                if len(seen) >= self.limit:
                    seen.clear()
                text = seen[value] = clean_cell(value)
            out.append(text)
        return out


def _clean_rows(rows: Iterable[Sequence[Any]]) -> list[list[str]]:
    cleaner = CellCleaner()
    return [cleaner.row(row) for row in rows]


# --- CSV ------------------------------------------------------------------------------------------

_ENCODINGS = ("utf-8-sig", "gb18030")
SNIFF_BYTES = 1 << 20  # the encoding is decided on this much of the file (and on its first non-ASCII bytes)


def decode_csv(data: bytes) -> tuple[str, str]:
    """Decode a CSV file's bytes; return the text and the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with BOM are tried strictly first, then GB18030 (a
    superset of GBK and GB2312), then charset-normalizer's best guess. A decoding is only accepted
    when the text's first lines contain a known header, so a Big5 or Shift-JIS file that happens to
    decode as GB18030 is refused instead of being read as nonsense.

    Raises:
        RegisterError: no encoding yields a recognisable header row.

    >>> decode_csv("村名,类别\\n四滧村,经济薄弱村\\n".encode("gbk"))[1]
    'gb18030'
    >>> decode_csv("\\ufeff村名,类别\\n".encode("utf-8"))[1], decode_csv("村名,类别\\n".encode("utf-8"))[1]
    ('utf-8-sig', 'utf-8')
    """
    encoding = choose_encoding(data)
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    try:
        return data.decode(codec), encoding
    except UnicodeDecodeError:  # a UTF-8 file with a few foreign rows: they show as U+FFFD here
        return data.decode(codec, errors="replace"), encoding


def choose_encoding(sample: bytes) -> str:
    """The encoding ``decode_csv`` would pick for a file starting with (or made of) ``sample``.

    Raises:
        RegisterError: no encoding yields a recognisable header row.
    """
    tried: list[str] = []
    candidates: list[str] = []
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates.append("utf-16")
    candidates.extend(_ENCODINGS)
    for encoding in candidates:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            tried.append(f"{encoding}: not valid")
            if encoding == "utf-8-sig" and _mostly_utf8(sample):
                # Rows pasted from a GBK file into a UTF-8 one: the file is UTF-8, those rows are rejected.
                return "utf-8-sig" if sample.startswith(codecs.BOM_UTF8) else "utf-8"
            continue
        if _has_known_header(text):
            if encoding == "utf-8-sig" and not sample.startswith(codecs.BOM_UTF8):
                encoding = "utf-8"
            return encoding
        tried.append(f"{encoding}: decodes but no known header in the first lines")
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None and best.encoding not in candidates:
        if _has_known_header(str(best)):
            return best.encoding
        tried.append(f"{best.encoding} (charset-normalizer): no known header")
    raise RegisterError("cannot tell the file's encoding (" + "; ".join(tried) + "); save it as UTF-8 CSV or .xlsx")


def _mostly_utf8(sample: bytes) -> bool:
    """Whether a sample that is not all valid UTF-8 is UTF-8 with a few foreign lines: its header is
    readable as UTF-8 and more than half of its non-ASCII lines are valid UTF-8."""
    lines = [line for line in sample.split(b"\n") if not line.isascii()]
    valid = 0
    for line in lines:
        try:
            line.decode("utf-8-sig")
            valid += 1
        except UnicodeDecodeError:
            pass
    return valid * 2 > len(lines) and _has_known_header(sample.decode("utf-8-sig", errors="replace"))


def _has_known_header(text: str) -> bool:
    lines = text.splitlines()[:10]
    return any(len(map_headers(_split_line(line)).fields) >= 2 for line in lines)


def _split_line(line: str) -> list[str]:
    delimiter = _delimiter(line)
    return next(csv.reader([line], delimiter=delimiter), [])


def _delimiter(sample: str) -> str:
    first = sample.splitlines()[0] if sample else ""
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _sample(handle: IO[bytes]) -> bytes:
    """The bytes the encoding is chosen on: the first ``SNIFF_BYTES`` cut at a line end, plus, when
    those are all ASCII, the lines around the file's first non-ASCII byte (an English header over
    Chinese rows must not be taken for UTF-8 when the rows are GBK)."""
    head = handle.read(SNIFF_BYTES)
    more = handle.read(1)
    if not more:
        return head
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[: len(head) - len(head) % 2]  # UTF-16: whole code units; lines are not cut here
    head = head[: head.rfind(b"\n") + 1] or head
    if not head.isascii():
        return head
    window = more + handle.read(SNIFF_BYTES)
    while window and window.isascii():
        window = handle.read(SNIFF_BYTES)
    if not window:
        return head
    at = next(i for i, b in enumerate(window) if b >= 0x80)
    start = window.rfind(b"\n", 0, at) + 1
    end = window.rfind(b"\n")
    return head + window[start:end + 1 if end >= at else len(window)]


def _ascii_safe(encoding: str) -> bool:
    """Whether a newline byte can only be a newline in this encoding, so lines can be decoded one by one."""
    name = codecs.lookup(encoding).name
    return not name.startswith(("utf-16", "utf-32")) and "\n".encode(name) == b"\n"


@dataclass
class CsvRows:
    """A CSV file's rows, read lazily: ``rows`` yields each record's raw cells; ``unreadable`` fills in
    (1-based record number → reason) as records that were not valid in the file's encoding go by."""

    encoding: str
    rows: Iterator[list[str]]
    unreadable: dict[int, str] = field(default_factory=dict)


def open_csv(path: Path) -> CsvRows:
    """Stream a CSV register: decide its encoding, then decode and split it record by record.

    Raises:
        RegisterError: the encoding cannot be told (before any row is read); while iterating, a
            record the csv module cannot split (the message names its row).
    """
    with path.open("rb") as handle:
        sample = _sample(handle)
    encoding = choose_encoding(sample)
    if not _ascii_safe(encoding):
        text = io.TextIOWrapper(path.open("rb"), encoding=encoding, newline="")
        first = text.readline()
        text.seek(0)
        result = CsvRows(encoding, iter(()))
        result.rows = _split(text, _delimiter(first), {}, result)
        return result
    codec = "utf-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    newline = b"\r" if b"\r" in sample and b"\n" not in sample else b"\n"
    first_line = sample.split(newline, 1)[0].removeprefix(codecs.BOM_UTF8)
    delimiter = _delimiter(first_line.decode(codec, errors="replace"))
    bad_lines: dict[int, str] = {}
    result = CsvRows(encoding, iter(()))
    result.rows = _split(_decoded_lines(path, codec, newline, bad_lines), delimiter, bad_lines, result)
    return result


def _decoded_lines(path: Path, codec: str, newline: bytes, bad: dict[int, str]) -> Iterator[str]:
    """Each physical line decoded strictly; a line that fails is decoded with replacement characters
    and its 1-based number recorded in ``bad`` with the reason."""
    with path.open("rb") as handle:
        for number, raw in enumerate(_raw_lines(handle, newline), start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                yield raw.decode(codec)
            except UnicodeDecodeError as exc:
                bad[number] = (f"not valid {codec} at byte {exc.start + 1} of the row ({exc.object[exc.start:exc.start + 4]!r}): "
                               f"the file is {codec} but this row is in another encoding (pasted from a GBK file?); "
                               f"save the whole file as UTF-8 CSV and load it again")
                yield raw.decode(codec, errors="replace")


def _raw_lines(handle: IO[bytes], newline: bytes) -> Iterator[bytes]:
    if newline == b"\n":
        yield from handle
        return
    rest = b""
    while chunk := handle.read(1 << 16):
        rest += chunk
        *lines, rest = rest.split(newline)
        for line in lines:
            yield line + newline
    if rest:
        yield rest


def _split(lines: Iterable[str], delimiter: str, bad_lines: dict[int, str],
           result: CsvRows) -> Iterator[list[str]]:
    # csv, not pandas: a row with more cells than the header is a row to report, not a file to refuse.
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    last_line = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise RegisterError(f"cannot split the CSV into cells at row {number + 1}: {exc}") from exc
        number += 1
        if bad_lines:
            problem = next((bad_lines.pop(n) for n in range(last_line + 1, reader.line_num + 1) if n in bad_lines), None)
            if problem is not None:
                result.unreadable[number] = problem
        last_line = reader.line_num
        yield record


# --- workbooks ------------------------------------------------------------------------------------

MAX_UNPACKED_BYTES = 1 << 30  # all parts of a workbook together, as the package declares them
MAX_RATIO = 200  # unpacked/packed size of one part, checked for parts of more than RATIO_FLOOR bytes
RATIO_FLOOR = 50 << 20


def check_package(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than a register can hold, before unpacking.

    The sizes are the ones the zip declares; zipfile never returns more than a part declares (it
    stops there and fails its CRC check), so a lying header cannot get past this either.

    Raises:
        RegisterError: not a zip package, or too big / too compressed to be a register.
    """
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise RegisterError(f"cannot open the workbook: {type(exc).__name__}: {exc}") from exc
    total = sum(p.file_size for p in parts)
    biggest = max(parts, key=lambda p: p.file_size, default=None)
    if biggest is None:
        return
    ratio = biggest.file_size / max(biggest.compress_size, 1)
    if total > MAX_UNPACKED_BYTES or (biggest.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
        raise RegisterError(
            f"refused {path.name}: its parts unpack to {total / 2**20:,.0f} MiB ({biggest.filename} alone "
            f"{biggest.file_size / 2**20:,.0f} MiB from {biggest.compress_size / 2**10:,.0f} KiB, {ratio:,.0f}:1); "
            f"a register workbook stays under {MAX_UNPACKED_BYTES >> 20:,} MiB and {MAX_RATIO}:1 — "
            "this looks like a zip bomb, not a register")


def _cell_text(value: Any, data_type: str) -> Any:
    """A cell as pandas' openpyxl reader gave it (its ``_convert_cell``), before ``str``."""
    if value is None:
        return ""
    if data_type == "e":
        return math.nan
    if data_type == "n":
        whole = int(value)
        return whole if whole == value else float(value)
    return value


def _read_workbook(path: Path) -> list[Sheet]:
    book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        sheets = []
        for worksheet in book.worksheets:
            cells, merged, uncomputed = _read_sheet(book, worksheet)
            fill_merged(cells, merged)
            sheets.append(Sheet(path.name, worksheet.title, cells, uncomputed=uncomputed))
        return sheets
    finally:
        book.close()


def _read_sheet(book: Any, worksheet: Any) -> tuple[list[list[str]], list[tuple[int, int, int, int]],
                                                   frozenset[tuple[int, int]]]:
    """One sheet's rows (trailing blanks trimmed and rows padded as pandas did), merged ranges and
    uncomputed formula cells, in one streaming pass."""
    rows: list[list[Any]] = []
    uncomputed: set[tuple[int, int]] = set()
    with worksheet._get_source() as source:  # the read-only worksheet's own way to its XML part
        parser = _SheetParser(source, worksheet._shared_strings, data_only=True, epoch=book.epoch,
                              date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for number, cells in parser.parse():
            while len(rows) < number - 1:
                rows.append([])
            width = cells[-1]["column"] if cells else 0
            row: list[Any] = [""] * width
            for cell in cells:
                if cell["data_type"] == _UNCOMPUTED:
                    uncomputed.add((number - 1, cell["column"] - 1))
                row[cell["column"] - 1] = _cell_text(cell["value"], cell["data_type"])
            while row and row[-1] == "":
                row.pop()
            rows.append(row)
        merged = [] if parser.merged_cells is None else [
            (r1, c1, r2, c2)
            for c1, r1, c2, r2 in (range_boundaries(m.ref) for m in parser.merged_cells.mergeCell)
        ]
    while rows and not rows[-1]:
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    cleaner = CellCleaner()
    cells = [cleaner.row(str(v) for v in [*r, *[""] * (width - len(r))]) for r in rows]
    return cells, merged, frozenset(uncomputed)


_UNCOMPUTED = "uncomputed"


class _SheetParser(WorkSheetParser):  # type: ignore[misc]  # openpyxl ships no type hints
    """openpyxl's sheet parser, reading cached values, that also marks a formula with none."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        # A formula whose value was never stored (written by a program, not saved by Excel) would
        # read as blank and load the row without that value.
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["data_type"] = _UNCOMPUTED
        return cell


def fill_merged(cells: list[list[str]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    """Give every cell of a range merged over several rows the value of its top-left cell.

    A unit merged over the rows of its five villages is what the sheet shows for each row; leaving
    the lower rows blank would reject them for a missing helper.

    >>> cells = [["帮扶单位", "村"], ["某公司", "甲村"], ["", "乙村"]]
    >>> fill_merged(cells, [(2, 1, 3, 1)]); cells[2]
    ['某公司', '乙村']
    """
    for r1, c1, r2, c2 in ranges:
        if r2 <= r1 or r1 > len(cells) or c1 > len(cells[r1 - 1]):
            continue  # merges within one row are titles or headers: nothing to fill
        value = cells[r1 - 1][c1 - 1]
        for r in range(r1, min(r2, len(cells)) + 1):
            row = cells[r - 1]
            for c in range(c1, min(c2, len(row)) + 1):
                row[c - 1] = value


# --- files ----------------------------------------------------------------------------------------


@dataclass
class SheetStream:
    """One sheet whose rows are read as they are consumed (a CSV), or already in memory (a workbook)."""

    file: str
    name: str
    rows: Iterator[list[str]]
    encoding: str | None = None
    uncomputed: frozenset[tuple[int, int]] = frozenset()
    unreadable: dict[int, str] = field(default_factory=dict)


def open_sheets(path: Path) -> list[SheetStream]:
    """Every sheet of a register, CSV rows streamed. File-level problems are raised here, before
    any row is read; a CSV that cannot be split further down raises while its rows are read.

    Raises:
        RegisterError: unsupported extension, unreadable or oversized workbook, or undecidable CSV encoding.
    """
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise RegisterError(f"unsupported file type {suffix!r}; use one of {', '.join(EXTENSIONS)}")
    if suffix == ".csv":
        opened = open_csv(path)
        cleaner = CellCleaner()
        rows = (cleaner.row(record) for record in opened.rows)
        return [SheetStream(path.name, path.stem, rows, opened.encoding, unreadable=opened.unreadable)]
    return [SheetStream(s.file, s.name, iter(s.cells), uncomputed=s.uncomputed) for s in _read_book(path, suffix)]


def _read_book(path: Path, suffix: str) -> list[Sheet]:
    if suffix in (".xlsx", ".xlsm"):
        check_package(path)
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _read_workbook(path)
        frames = pd.read_excel(path, sheet_name=None, header=None, dtype=str, keep_default_na=False)
    except RegisterError:
        raise
    except Exception as exc:  # openpyxl/xlrd/zipfile raise many types for a broken workbook
        raise RegisterError(f"cannot open the workbook: {type(exc).__name__}: {exc}") from exc
    return [Sheet(path.name, str(name), _clean_rows(frame.itertuples(index=False, name=None)))
            for name, frame in frames.items()]


def read(path: Path) -> list[Sheet]:
    """Read every sheet of a register into memory: .xlsx/.xlsm/.xls workbooks, or a .csv file (one
    sheet named after the file, as Excel shows it). Cells are strings, so codes keep their digits.

    Raises:
        RegisterError: unsupported extension, unreadable workbook, or undecidable CSV encoding.
    """
    return [Sheet(s.file, s.name, list(s.rows), s.encoding, s.uncomputed, s.unreadable) for s in open_sheets(path)]
