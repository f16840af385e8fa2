"""CSV registers, streamed: the encoding decided on the file's start, then decoded line by line.

The encoding is chosen on the first megabyte (and the lines around the first non-ASCII byte when
that megabyte is all ASCII): strict UTF-8, then GB18030, then charset-normalizer's guess, each
accepted only when a known header appears. A file that is UTF-8 but for a few lines (GBK rows
pasted in) is UTF-8; those lines are not guessed at: their rows are marked unreadable with the
reason, and ``validate`` rejects them. Records are split by the ``csv`` module, not pandas, so a
row with more cells than the header is a row to report, not a file to refuse.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from graph.messages import say
from loaders.register.headers import map_headers
from loaders.register.model import RegisterError

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
            tried.append(say("register.encoding.invalid", encoding=encoding))
            if encoding == "utf-8-sig" and _mostly_utf8(sample):
                # Rows pasted from a GBK file into a UTF-8 one: the file is UTF-8, those rows are rejected.
                return "utf-8-sig" if sample.startswith(codecs.BOM_UTF8) else "utf-8"
            continue
        if _has_known_header(text):
            if encoding == "utf-8-sig" and not sample.startswith(codecs.BOM_UTF8):
                encoding = "utf-8"
            return encoding
        tried.append(say("register.encoding.no_header", encoding=encoding))
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is not None and best.encoding not in candidates:
        if _has_known_header(str(best)):
            return best.encoding
        tried.append(say("register.encoding.guessed_no_header", encoding=best.encoding))
    raise RegisterError("register.file.encoding", tried="; ".join(tried))


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
    return head + window[start : end + 1 if end >= at else len(window)]


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
                bad[number] = say(
                    "register.row.other_encoding",
                    codec=codec,
                    byte=exc.start + 1,
                    bytes=repr(exc.object[exc.start : exc.start + 4]),
                )
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


def _split(lines: Iterable[str], delimiter: str, bad_lines: dict[int, str], result: CsvRows) -> Iterator[list[str]]:
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
            raise RegisterError("register.file.csv_split", row=number + 1, detail=str(exc)) from exc
        number += 1
        if bad_lines:
            problem = next(
                (bad_lines.pop(n) for n in range(last_line + 1, reader.line_num + 1) if n in bad_lines), None
            )
            if problem is not None:
                result.unreadable[number] = problem
        last_line = reader.line_num
        yield record
