"""Planners' registers (台账): Excel/CSV ledgers of pairings, weak villages, projects and leaders.

Shaped ``read`` (the only step that touches files) → ``validate`` (pure: parses dates, codes,
years and amounts; returns rows and rejects) → ``resolve`` (pure: villages and towns to official
codes through ``loaders.places``) → ``write`` (the only step that touches Neo4j, batched
``UNWIND … MERGE``) → ``load`` (composes them and returns a report).

A row that cannot be read, parsed or resolved to exactly one place becomes an ``Issue`` with its
file, sheet, spreadsheet row number, column, reason and candidates; every other row still loads.
Nothing is dropped without an issue and no place is guessed. ``docs/registers.md`` lists the
columns each kind of register takes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from neo4j import Driver

from graph import records
from graph.db import BatchWriter, WriteCounts
from loaders.outage import OutageGuard
from loaders.personal import is_personal_header, mask_personal
from loaders.places import Place, PlaceIndex, Resolution, name_key, normalize, stem, to_simplified
from loaders.places import resolve as resolve_place
from loaders.units import org_uid, party_level, party_uid, unit_kind

Kind = Literal["pairings", "weak", "projects", "leaders"]
KINDS: tuple[Kind, ...] = ("pairings", "weak", "projects", "leaders")
EXTENSIONS = (".csv", ".xlsx", ".xlsm", ".xls")


class RegisterError(ValueError):
    """A register file cannot be read at all (unknown format, undecidable encoding, broken file)."""


# --- the one header table ------------------------------------------------------------------------

# Canonical field → the headers (Chinese or English) that name it. Headers are compared after
# ``header_key``: NFKC, simplified characters, lower case, no spaces/underscores/marks, and without a parenthesised part
# (``金额（万元）`` → ``金额``; for amounts the parenthesised unit becomes the column's unit).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "helper": ("帮扶单位", "结对单位", "帮扶方", "结对帮扶单位", "共建单位", "结对共建单位", "帮扶主体单位",
               "单位名称", "helper", "helper unit", "helper name", "unit name"),
    "party_org": ("党组织", "结对党组织", "帮扶党组织", "党组织名称", "党支部", "基层党组织", "所在党组织",
                  "party", "party org", "party organization", "party organisation", "party branch"),
    "paired_by": ("结对主体", "结对层级", "结对方", "paired by", "helper side"),
    "village": ("村", "村名", "村名称", "村庄", "行政村", "村居", "村社区", "结对村", "受援村", "帮扶村",
                "结对村社区", "薄弱村", "村委会", "village", "village name", "recipient"),
    "village_code": ("村代码", "村编码", "村级代码", "村区划代码", "统计用区划代码", "区划代码", "行政区划代码",
                     "代码", "village code", "code", "division code"),
    "town": ("镇", "街镇", "乡镇", "镇街", "乡镇街道", "街道", "所属镇", "所在镇", "所属街镇", "town",
             "township", "street"),
    "district": ("区", "区县", "县", "县区", "所属区", "所在区", "district", "county"),
    "city": ("市", "地市", "城市", "city"),
    "province": ("省", "省份", "province"),
    "since": ("开始日期", "开始时间", "起始日期", "起始时间", "结对日期", "结对时间", "任职日期", "任职时间",
              "任职开始", "since", "start", "start date", "from"),
    "until": ("结束日期", "结束时间", "截止日期", "终止日期", "离任日期", "离任时间", "until", "end",
              "end date", "to"),
    "programme": ("轮次", "批次", "结对轮次", "programme", "program", "round"),
    "pairing_kind": ("结对形式", "结对方式", "帮扶形式", "结对类型", "pairing kind", "form"),
    "category": ("类别", "类型", "村类别", "薄弱类型", "认定类别", "项目类别", "项目类型", "category", "type"),
    "year": ("年度", "年份", "认定年度", "实施年度", "year"),
    "name": ("姓名", "项目名称", "项目", "名称", "name", "project", "project name", "person", "person name"),
    "amount": ("金额", "资金", "投入资金", "帮扶资金", "数量", "amount", "value", "funds"),
    "amount_unit": ("计量单位", "金额单位", "amount unit"),
    # 单位 means both "unit of measure" and "organization"; the register's kind decides (FALLBACKS).
    "unit_or_org": ("单位", "unit"),
    "role": ("职务", "职位", "岗位", "担任职务", "role", "title", "position"),
    "organization": ("所在单位", "任职单位", "工作单位", "派出单位", "选派单位", "organization", "organisation",
                     "org", "affiliation"),
    "note": ("备注", "说明", "note", "notes", "remarks"),
    "seq": ("序号", "编号", "no", "#", "id"),
}

# Where a kind reads a field from when its own column is absent, in order.
FALLBACKS: dict[str, dict[str, tuple[str, ...]]] = {
    "pairings": {"helper": ("helper", "organization", "unit_or_org")},
    "projects": {"helper": ("helper", "organization"), "amount_unit": ("amount_unit", "unit_or_org")},
    "leaders": {"organization": ("organization", "helper", "unit_or_org")},
    "weak": {},
}

_MARKS_RE = re.compile(r"[\s_\-*：:./、]+")
_PAREN_RE = re.compile(r"[(\[【](.*?)[)\]】]")


def header_key(header: str) -> tuple[str, str | None]:
    """The comparable form of a header and its parenthesised part, if any.

    >>> header_key(" 金额（万元） "), header_key("Village_Code"), header_key("*村名"), header_key("類別")
    (('金额', '万元'), ('villagecode', None), ('村名', None), ('类别', None))
    """
    text = to_simplified(unicodedata.normalize("NFKC", header)).strip().lower()
    inner = _PAREN_RE.search(text)
    text = _PAREN_RE.sub("", text)
    return _MARKS_RE.sub("", text), (inner.group(1).strip() or None) if inner else None


HEADER_TABLE: dict[str, str] = {
    header_key(alias)[0]: fieldname for fieldname, aliases in HEADER_ALIASES.items() for alias in aliases
}


@dataclass(frozen=True)
class ColumnMap:
    """How one sheet's header row maps onto canonical fields."""

    fields: dict[str, int]  # canonical field → column index
    headers: list[str]  # the headers as written
    unit_hint: str | None = None  # the unit a header like 金额（万元） states
    unknown: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()  # fields two columns claim


def map_headers(headers: Sequence[str]) -> ColumnMap:
    """Map a header row through ``HEADER_TABLE``.

    >>> m = map_headers(["序号", "帮扶单位", "村名", "金额（万元）", "Remarks", "颜色"])
    >>> sorted(m.fields), m.unit_hint, m.unknown
    (['amount', 'helper', 'note', 'seq', 'village'], '万元', ('颜色',))
    """
    fields: dict[str, int] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    unit_hint = None
    for i, header in enumerate(headers):
        if not header.strip():
            continue
        key, inner = header_key(header)
        name = HEADER_TABLE.get(key)
        if name is None:
            unknown.append(header)
            continue
        if name in fields:
            duplicates.append(name)
            continue
        fields[name] = i
        if name == "amount" and inner:
            unit_hint = inner
    return ColumnMap(fields, list(headers), unit_hint, tuple(unknown), tuple(duplicates))


def detect_kind(fields: Iterable[str]) -> Kind | None:
    """Which register a set of canonical fields describes, or None when it is unclear.

    >>> detect_kind(["helper", "village", "since"]), detect_kind(["village", "category", "year"])
    ('pairings', 'weak')
    >>> detect_kind(["helper", "village", "name", "amount"]), detect_kind(["name", "role", "village"])
    ('projects', 'leaders')
    """
    f = set(fields)
    place = bool(f & {"village", "village_code", "town"})
    if "role" in f and "name" in f:
        return "leaders"
    if place and ("amount" in f or ("name" in f and f & {"helper", "organization"})):
        return "projects"
    if place and "category" in f and not f & {"helper", "party_org", "organization", "name"}:
        return "weak"
    if place and f & {"helper", "party_org", "organization", "unit_or_org"}:
        return "pairings"
    return None


# --- issues ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """A row (or sheet, or file) that was rejected, or loaded with a warning, and why."""

    file: str
    sheet: str | None
    row: int | None  # the row number the spreadsheet shows (1-based, header included)
    column: str | None  # the header as written
    value: str | None
    reason: str
    candidates: tuple[str, ...] = ()
    severity: Literal["rejected", "warning"] = "rejected"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
            "value": self.value, "severity": self.severity, "reason": self.reason,
            "candidates": "; ".join(self.candidates),
        }


ISSUE_COLUMNS = ("file", "sheet", "row", "column", "value", "severity", "reason", "candidates")


def write_issues(path: Path, issues: Sequence[Issue]) -> Path:
    """Write the rejects report as .xlsx (planners open it in Excel) or .csv (UTF-8 with BOM)."""
    frame = pd.DataFrame([i.as_dict() for i in issues], columns=list(ISSUE_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
            frame.to_excel(writer, sheet_name="rejects", index=False)
            sheet = writer.sheets["rejects"]
            for i, width in enumerate((22, 12, 6, 14, 24, 9, 70, 60)):
                sheet.set_column(i, i, width)
            sheet.autofilter(0, 0, len(frame), len(ISSUE_COLUMNS) - 1)
            sheet.freeze_panes(1, 0)
    else:
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


# --- read -----------------------------------------------------------------------------------------


@dataclass
class Sheet:
    """One sheet as read: every cell a NFKC-normalised string, and where its header row was."""

    file: str
    name: str
    cells: list[list[str]]  # all rows of the sheet, including any title rows above the header
    encoding: str | None = None  # for CSV files
    uncomputed: frozenset[tuple[int, int]] = frozenset()  # 0-based (row, column) of formulas with no value

    def header_index(self, scan: int = 10) -> int | None:
        """0-based index of the row that maps the most known headers (at least two), if any."""
        best, best_score = None, 1
        for i, row in enumerate(self.cells[:scan]):
            score = len(map_headers(row).fields)
            if score > best_score:
                best, best_score = i, score
        return best


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_cell(value: Any) -> str:
    """NFKC-normalise a cell and trim it; zero-width and control characters go (a stray NUL or
    ESC would otherwise make a second unit of the same name, or an unknown village).

    >>> clean_cell("  ＡＢ１２ "), clean_cell("四滧村\\u200b"), clean_cell("四\\x00滧\\x1b村")
    ('AB12', '四滧村', '四滧村')
    """
    text = unicodedata.normalize("NFKC", str(value)).replace("\u200b", "").replace("\ufeff", "")
    return _CONTROL_RE.sub("", text).strip()


_ENCODINGS = ("utf-8-sig", "gb18030")


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
    tried: list[str] = []
    candidates: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates.append("utf-16")
    candidates.extend(_ENCODINGS)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            tried.append(f"{encoding}: not valid")
            continue
        if _has_known_header(text):
            if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
                encoding = "utf-8"
            return text, encoding
        tried.append(f"{encoding}: decodes but no known header in the first lines")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        text = str(best)
        if _has_known_header(text):
            return text, best.encoding
        tried.append(f"{best.encoding} (charset-normalizer): no known header")
    raise RegisterError("cannot tell the file's encoding (" + "; ".join(tried) + "); save it as UTF-8 CSV or .xlsx")


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


def read(path: Path) -> list[Sheet]:
    """Read every sheet of a register: .xlsx/.xlsm/.xls workbooks, or a .csv file (one sheet
    named after the file, as Excel shows it). Cells are strings, so codes keep their digits.

    Raises:
        RegisterError: unsupported extension, unreadable workbook, or undecidable CSV encoding.
    """
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise RegisterError(f"unsupported file type {suffix!r}; use one of {', '.join(EXTENSIONS)}")
    if suffix == ".csv":
        text, encoding = decode_csv(path.read_bytes())
        # csv, not pandas: a row with more cells than the header is a row to report, not a file to refuse.
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
        except csv.Error as exc:
            raise RegisterError(f"cannot split the CSV into cells: {exc}") from exc
        return [Sheet(path.name, path.stem, _clean_rows(rows), encoding)]
    try:
        frames = pd.read_excel(path, sheet_name=None, header=None, dtype=str, keep_default_na=False)
        merged, formulas = sheet_extras(path) if suffix in (".xlsx", ".xlsm") else ({}, {})
    except Exception as exc:  # openpyxl/xlrd/zipfile raise many types for a broken workbook
        raise RegisterError(f"cannot open the workbook: {type(exc).__name__}: {exc}") from exc
    sheets = []
    for name, frame in frames.items():
        cells = _cells(frame)
        fill_merged(cells, merged.get(str(name), []))
        sheets.append(Sheet(path.name, str(name), cells, uncomputed=formulas.get(str(name), frozenset())))
    return sheets


_MERGE_RE = re.compile(r'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
# A formula cell whose computed value was never stored (the file was written by a program, not saved
# by Excel): pandas reads it as blank, which would load the row without that value.
_UNCOMPUTED_RE = re.compile(r'<(?:\w+:)?c\s[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*'
                            r'(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
_SHEET_TAG_RE = re.compile(r"<(?:\w+:)?sheet\b[^>]*>")
_REL_TAG_RE = re.compile(r"<(?:\w+:)?Relationship\b[^>]*>")


def _attr(tag: str, name: str) -> str:
    match = re.search(rf'\s{re.escape(name)}="([^"]*)"', tag)
    return match.group(1) if match else ""


def merged_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Each sheet's merged ranges as 1-based (first row, first column, last row, last column)."""
    return sheet_extras(path)[0]


def sheet_extras(path: Path) -> tuple[dict[str, list[tuple[int, int, int, int]]], dict[str, frozenset[tuple[int, int]]]]:
    """Each sheet's merged ranges as 1-based (first row, first column, last row, last column), and
    its formula cells that hold no computed value, as 0-based (row, column).

    Read straight from the .xlsx package (pandas drops both, openpyxl needs a full non-streaming
    load to expose them).
    """
    import html
    import zipfile

    def column(letters: str) -> int:
        n = 0
        for ch in letters:
            n = n * 26 + ord(ch) - 64
        return n

    out: dict[str, list[tuple[int, int, int, int]]] = {}
    uncomputed: dict[str, frozenset[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        book = package.read("xl/workbook.xml").decode("utf-8")
        rels = {_attr(t, "Id"): _attr(t, "Target")
                for t in _REL_TAG_RE.findall(package.read("xl/_rels/workbook.xml.rels").decode("utf-8"))}
        for tag in _SHEET_TAG_RE.findall(book):
            sheet_name, target = _attr(tag, "name"), rels.get(_attr(tag, "r:id"), "")
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if member not in names:
                continue
            xml = package.read(member).decode("utf-8")
            at = xml.rfind("</sheetData>")
            out[html.unescape(sheet_name)] = [
                (int(r1), column(c1), int(r2), column(c2))
                for c1, r1, c2, r2 in _MERGE_RE.findall(xml, max(at, 0))
            ]
            if "<f" in xml:
                uncomputed[html.unescape(sheet_name)] = frozenset(
                    (int(r) - 1, column(c) - 1) for c, r in _UNCOMPUTED_RE.findall(xml))
    return out, uncomputed


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


def _cells(frame: pd.DataFrame) -> list[list[str]]:
    return _clean_rows(frame.itertuples(index=False, name=None))


def _clean_rows(rows: Iterable[Sequence[Any]]) -> list[list[str]]:
    """``clean_cell`` over every cell, once per distinct value: a register repeats its units,
    towns, dates and rounds on thousands of rows, and normalising them is most of reading."""
    seen: dict[Any, str] = {}

    def clean(value: Any) -> str:
        out = seen.get(value)
        if out is None:
            out = seen[value] = clean_cell(value)
        return out

    return [[clean(v) for v in row] for row in rows]


# --- validate: values -------------------------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?(?:\.0+)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


class ValueProblem(ValueError):
    """A cell's value cannot be used; the message says why in words a planner can act on."""


def parse_date(text: str) -> dt.date | None:
    """A register date: 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日, 20230105, an Excel serial number
    (44931), or a datetime Excel stored at midnight. Empty → None.

    Raises:
        ValueProblem: anything else, including a month or year without a day.

    >>> [parse_date(s).isoformat() for s in ("2023-01-05", "2023/1/5", "2023年1月5日", "20230105", "2023.1.5", "44931")]
    ['2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05']
    >>> parse_date("")
    """
    text = text.strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            y, m, d = (int(g) for g in match.groups())
            try:
                return dt.date(y, m, d)
            except ValueError as exc:
                raise ValueProblem(f"{text!r} is not a real date ({exc})") from exc
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        serial = int(float(text))
        if 20000 <= serial <= 80000:  # 1954–2119: the range an Excel serial in a register can take
            return _EXCEL_EPOCH + dt.timedelta(days=serial)
    if re.fullmatch(r"\d{4}(年|[-/.]\d{1,2}|年\d{1,2}月)?", text):
        raise ValueProblem(f"{text!r} has no day; write the full date (2023-01-05)")
    raise ValueProblem(f"{text!r} is not a date (write 2023-01-05, 2023/1/5 or 2023年1月5日)")


@lru_cache(maxsize=8192)
def _parse_date_once(text: str) -> tuple[dt.date | None, str | None]:
    """``parse_date`` as (date, None) or (None, the problem), memoised: dates repeat down a register."""
    try:
        return parse_date(text), None
    except ValueProblem as exc:
        return None, str(exc)


def parse_code(text: str, digits: int = 12) -> str | None:
    """An official code kept as a string of exactly ``digits`` digits. Empty → None.

    Raises:
        ValueProblem: scientific notation, a decimal part, or a wrong number of digits (Excel
            turned the code into a number and it lost digits): never repaired by guessing.

    >>> parse_code("310151102216")
    '310151102216'
    >>> parse_code("3.10151102216e+11")
    Traceback (most recent call last):
    ...
    loaders.register.ValueProblem: '3.10151102216e+11' is in scientific notation: Excel stored the code as a number and may have lost digits; format the column as text and type the 12-digit code again
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[+-]?\d+(\.\d*)?[eE][+-]?\d+", text):
        raise ValueProblem(
            f"{text!r} is in scientific notation: Excel stored the code as a number and may have lost "
            f"digits; format the column as text and type the {digits}-digit code again"
        )
    if re.fullmatch(r"\d+\.\d+", text):
        raise ValueProblem(f"{text!r} has a decimal part; a code is {digits} digits written as text")
    if not text.isdigit():
        raise ValueProblem(f"{text!r} is not a code: a code is {digits} digits")
    if len(text) != digits:
        hint = " (leading digits lost?)" if len(text) < digits else ""
        raise ValueProblem(f"{text!r} has {len(text)} digits, not {digits}{hint}")
    return text


def parse_year(text: str) -> int | None:
    """A year such as 2023, 2023年 or 2023年度. Empty → None.

    >>> parse_year("2023年度"), parse_year("")
    (2023, None)
    """
    text = text.strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})(?:年度?)?", text)
    if not match or not 1949 <= int(match.group(1)) <= 2100:
        raise ValueProblem(f"{text!r} is not a year (write 2023)")
    return int(match.group(1))


# Money units normalised to 元; other units are kept as written and have no 元 value.
MONEY_UNITS = {"元": 1.0, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "亿元": 1e8, "万": 1e4, "亿": 1e8}
_AMOUNT_RE = re.compile(r"^(?:¥|￥|rmb)?\s*(\d+(?:\.\d+)?)\s*([^\d\s.,][^\d]*)?$", re.IGNORECASE)


def parse_amount(text: str, unit: str | None) -> tuple[float | None, str | None, float | None]:
    """An amount, its unit and its value in 元 (money units only). Thousands separators are allowed;
    a unit written in the cell (``50万元``) must agree with the unit column or header, if any.

    >>> parse_amount("50", "万元"), parse_amount("1,200元", None), parse_amount("3.5公里", None)
    ((50.0, '万元', 500000.0), (1200.0, '元', 1200.0), (3.5, '公里', None))
    >>> parse_amount("", None)
    (None, None, None)
    """
    text = text.strip().replace(",", "").replace("，", "")
    unit = (unit or "").strip() or None
    if not text:
        return None, unit, None
    match = _AMOUNT_RE.match(text)
    if not match:
        raise ValueProblem(f"{text!r} is not an amount (write a number such as 50 or 50万元)")
    value = float(match.group(1))
    written = (match.group(2) or "").strip() or None
    if written and unit and written != unit:
        raise ValueProblem(f"{text!r} says {written} but the unit given is {unit}")
    unit = written or unit
    yuan = value * MONEY_UNITS[unit] if unit in MONEY_UNITS else None
    return value, unit, yuan


# --- validate: rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceRef:
    """The place a row names, as written."""

    village_code: str | None = None
    village: str | None = None
    town: str | None = None
    district: str | None = None
    city: str | None = None
    province: str | None = None

    @property
    def names_village(self) -> bool:
        return bool(self.village_code or self.village)


@dataclass
class RegisterRow:
    """One accepted row: parsed values, the place it names, and where it came from."""

    kind: Kind
    file: str
    sheet: str
    row: int
    evidence: str
    values: dict[str, Any]
    place: PlaceRef
    columns: dict[str, str]  # canonical field → header as written (for issues)

    @property
    def source_loc(self) -> str:
        return f"sheet {self.sheet}!row {self.row}"


@dataclass
class SheetResult:
    """What validation made of one sheet."""

    file: str
    sheet: str
    kind: Kind | None
    rows: list[RegisterRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    data_rows: int = 0  # non-blank rows under the header


_PARTY_WORDS = ("党组织", "党委", "党支部", "党总支", "支部", "party", "branch")
_UNIT_WORDS = ("单位", "unit", "organization", "organisation", "org")


def _render(headers: Sequence[str], cells: Sequence[str]) -> str:
    return "; ".join(f"{h}={v}" for h, v in zip(headers, cells) if h.strip() and v)


def validate(sheet: Sheet, kind: Kind | None = None) -> SheetResult:
    """Parse one sheet into rows of ``kind`` (detected from the headers when None) and issues.

    Pure: touches neither files nor the database. Blank rows are skipped; every other row is
    either returned or reported.
    """
    result = SheetResult(sheet.file, sheet.name, kind)
    header_at = sheet.header_index()
    if header_at is None:
        if any(any(c for c in row) for row in sheet.cells):
            result.issues.append(Issue(sheet.file, sheet.name, None, None, None,
                                       "no header row recognised in the first 10 rows; sheet skipped "
                                       "(see docs/registers.md for the column names)", severity="warning"))
        return result
    columns = map_headers(sheet.cells[header_at])
    header_row_number = header_at + 1
    body = [(header_row_number + 1 + offset, cells) for offset, cells in enumerate(sheet.cells[header_at + 1:])
            if any(cells)]
    result.data_rows = len(body)
    for dup in columns.duplicates:
        result.issues.append(Issue(sheet.file, sheet.name, header_row_number, sheet.cells[header_at][columns.fields[dup]],
                                   None, f"two columns mean {dup}; only the first is read", severity="warning"))
    detected = kind or detect_kind(columns.fields)
    result.kind = detected
    if detected is None:
        result.issues.append(Issue(sheet.file, sheet.name, header_row_number, None, None,
                                   "cannot tell which register this is from its headers "
                                   f"({', '.join(h for h in columns.headers if h)}); pass --kind"))
        return result
    fields = _fields_for_kind(columns.fields, detected)
    missing = _missing_columns(fields, detected)
    if missing:
        result.issues.append(Issue(sheet.file, sheet.name, header_row_number, None, None,
                                   f"a {detected} register needs a column for {missing}; sheet skipped"))
        return result
    headers = columns.headers
    header_of = {f: headers[i] for f, i in fields.items()}
    # Leaders' phone and ID numbers never reach the graph (loaders/personal.py): their columns are
    # not read, and such numbers in any other cell are masked.
    personal = {i for i, h in enumerate(headers) if h and is_personal_header(header_key(h)[0]) and i not in fields.values()}
    masked: dict[str, str] = {}
    if personal:
        result.issues.append(Issue(sheet.file, sheet.name, header_row_number, "、".join(headers[i] for i in sorted(personal)),
                                   None, "personal numbers (phone, ID card) are not stored; column not read",
                                   severity="warning"))
    for number, raw in body:
        cells = ["" if i in personal else _masked(c, masked) for i, c in enumerate(raw)]
        blank_formula = next((f for f, i in fields.items() if (number - 1, i) in sheet.uncomputed), None)
        if blank_formula is not None:
            result.issues.append(Issue(sheet.file, sheet.name, number, headers[fields[blank_formula]], None,
                                       "formula with no computed value (the file was not saved by Excel); "
                                       "open it in Excel and save, or type the value"))
            continue
        get = {f: (cells[i] if i < len(cells) else "") for f, i in fields.items()}
        row_or_issue = _validate_row(sheet, detected, number, get, header_of, columns.unit_hint,
                                     _render(headers, cells))
        if isinstance(row_or_issue, Issue):
            result.issues.append(row_or_issue)
        else:
            result.rows.append(row_or_issue)
    return result


def _masked(cell: str, seen: dict[str, str]) -> str:
    """``mask_personal`` once per distinct cell of a sheet (units, towns and dates repeat)."""
    out = seen.get(cell)
    if out is None:
        out = seen[cell] = mask_personal(cell)
    return out


def _fields_for_kind(fields: dict[str, int], kind: Kind) -> dict[str, int]:
    out = {f: i for f, i in fields.items() if f not in ("unit_or_org", "seq", "note")}
    for target, sources in FALLBACKS[kind].items():
        for source in sources:
            if source in fields:
                out[target] = fields[source]
                break
    return out


def _missing_columns(fields: dict[str, int], kind: Kind) -> str | None:
    has_place = bool(fields.keys() & {"village", "village_code"})
    if kind == "pairings":
        if not fields.keys() & {"helper", "party_org"}:
            return "the helper (帮扶单位 or 党组织)"
        if not has_place and "town" not in fields:
            return "the village (村 or 村代码) or town (镇)"
    elif kind == "weak":
        if not has_place:
            return "the village (村 or 村代码)"
        if "category" not in fields:
            return "the category (类别)"
    elif kind == "projects":
        if "name" not in fields:
            return "the project name (项目名称)"
        if not has_place and "town" not in fields:
            return "the village (村 or 村代码) or town (镇)"
    elif kind == "leaders":
        if "name" not in fields:
            return "the person (姓名)"
        if "role" not in fields:
            return "the role (职务)"
        if not fields.keys() & {"village", "village_code", "town", "party_org", "organization"}:
            return "where the post is (村, 党组织 or 单位)"
    return None


def _validate_row(
    sheet: Sheet, kind: Kind, number: int, get: dict[str, str], header_of: dict[str, str],
    unit_hint: str | None, evidence: str,
) -> RegisterRow | Issue:
    def issue(fieldname: str | None, reason: str) -> Issue:
        column = header_of.get(fieldname) if fieldname else None
        value = get.get(fieldname) if fieldname else None
        return Issue(sheet.file, sheet.name, number, column, value or None, reason)

    values: dict[str, Any] = {}
    try:
        code = parse_code(get.get("village_code", ""))
    except ValueProblem as exc:
        return issue("village_code", f"village code {exc}")
    place = PlaceRef(code, get.get("village") or None, get.get("town") or None, get.get("district") or None,
                     get.get("city") or None, get.get("province") or None)
    for f in ("since", "until"):
        if f in get:
            date, problem = _parse_date_once(get[f])
            if problem is not None:
                return issue(f, f"bad date: {problem}")
            values[f] = date
    if values.get("since") and values.get("until") and values["until"] < values["since"]:
        return issue("until", f"ends ({values['until']}) before it starts ({values['since']})")
    if "year" in get:
        try:
            values["year"] = parse_year(get["year"])
        except ValueProblem as exc:
            return issue("year", str(exc))
    for f in ("helper", "party_org", "programme", "pairing_kind", "category", "name", "role", "organization"):
        values[f] = get.get(f) or None

    if kind == "pairings":
        if not (values["helper"] or values["party_org"]):
            return issue("helper" if "helper" in get else "party_org", "no helper unit or party organization")
        side = _normalise_side(get.get("paired_by", ""))
        if side is None:
            return issue("paired_by", "结对主体 must say 单位 (unit) or 党组织 (party organization)")
        if side == "party" and not values["party_org"]:
            return issue("party_org", "the register says the party organization pairs, but none is named")
        values["paired_by"] = side if side != "auto" else ("unit" if values["helper"] else "party")
        if not place.names_village and not place.town:
            return issue("village", "no village or town named")
    elif kind == "weak":
        if not place.names_village:
            return issue("village", "no village named")
        if not values["category"]:
            return issue("category", "no category (类别) given")
    elif kind == "projects":
        if not values["name"]:
            return issue("name", "no project name")
        if not place.names_village and not place.town:
            return issue("village", "no village or town named")
        try:
            amount, unit, yuan = parse_amount(get.get("amount", ""), get.get("amount_unit") or unit_hint)
        except ValueProblem as exc:
            return issue("amount", str(exc))
        values.update(amount=amount, amount_unit=unit, amount_yuan=yuan)
    elif kind == "leaders":
        if not values["name"]:
            return issue("name", "no person named")
        if not values["role"]:
            return issue("role", "no role (职务) given")
        if not (place.names_village or place.town or values["party_org"] or values["organization"]):
            return issue("village", "no village, party organization or unit to hold the role in")
    return RegisterRow(kind, sheet.file, sheet.name, number, evidence, values, place, header_of)


def _normalise_side(text: str) -> str | None:
    key = text.strip().lower()
    if not key:
        return "auto"
    if any(w in key for w in _PARTY_WORDS):
        return "party"
    if any(w in key for w in _UNIT_WORDS):
        return "unit"
    return None


# --- resolve ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """The official place a row is about."""

    level: Literal["village", "town"]
    code: str
    method: str
    confidence: float


def describe(place: Place, index: PlaceIndex) -> str:
    """``310151109203 红星村 (上海市/市辖区/崇明区/中兴镇)`` for candidate lists."""
    chain = "/".join(p.name for p in index.path(place.code)[:-1])
    return f"{place.code} {place.name} ({chain})"


class Resolver:
    """Resolves rows' places through ``loaders.places.resolve``, caching repeated names."""

    def __init__(self, index: PlaceIndex) -> None:
        self.index = index
        self._cache: dict[tuple[Any, ...], Resolution] = {}
        # (place code, town, district, city as written) → the contradiction, if any: rows repeat them.
        self._context: dict[tuple[Any, ...], tuple[str, str, str, tuple[str, ...]] | None] = {}

    def _resolve(self, name: str, level: str, ref: PlaceRef, town: str | None = None) -> Resolution:
        key = (name, level, town, ref.district, ref.city, ref.province)
        found = self._cache.get(key)
        if found is None:
            found = resolve_place(self.index, name, level, town=town, district=ref.district, city=ref.city,
                                  province=ref.province)
            self._cache[key] = found
        return found

    def target(self, row: RegisterRow) -> tuple[Target | None, list[Issue]]:
        """The row's place, and issues: a reject (then no target) or warnings (target kept)."""
        ref = row.place
        col = row.columns
        loc = (row.file, row.sheet, row.row)
        if ref.village_code:
            place = self.index.get(ref.village_code)
            if place is None or place.level != "village":
                return None, [Issue(*loc, col.get("village_code"), ref.village_code,
                                    f"village code {ref.village_code} is not in the code table")]
            method, confidence = "register:village_code", 1.0
            if ref.village and not _names_match(ref.village, place, "village"):
                res = self._resolve(ref.village, "village", ref, town=place.parent_code)
                if res.status != "resolved" or res.place is None or res.place.code != place.code:
                    return None, [Issue(*loc, col.get("village"), ref.village,
                                        f"village code {place.code} is {place.name}, not {ref.village}",
                                        (describe(place, self.index),))]
                method, confidence = f"register:village_code+name_{res.method}", min(1.0, res.confidence + 0.05)
            return self._with_context(row, place, Target("village", place.code, method, confidence), [])
        if ref.village:
            return self._from_resolution(row, self._resolve(ref.village, "village", ref, town=ref.town), "village",
                                         ref.village)
        if ref.town:
            return self._from_resolution(row, self._resolve(ref.town, "town", ref), "town", ref.town)
        if row.kind == "leaders":  # a post in a party organization or unit needs no place
            return None, []
        return None, [Issue(*loc, None, None, "no place named")]

    def _from_resolution(self, row: RegisterRow, res: Resolution, level: Literal["village", "town"],
                         value: str) -> tuple[Target | None, list[Issue]]:
        column = row.columns.get(level)
        loc = (row.file, row.sheet, row.row)
        candidates = tuple(describe(p, self.index) for p in res.candidates)
        if res.status == "ambiguous":
            return None, [Issue(*loc, column, value,
                                f"ambiguous: {res.reason}; add the town (镇) or the 12-digit code", candidates)]
        if res.status != "resolved" or res.place is None:
            return None, [Issue(*loc, column, value, f"unknown: {res.reason}")]
        warnings = []
        if res.fuzzy:
            warnings.append(Issue(*loc, column, value, f"loaded as {res.place.name}: {res.reason}", candidates,
                                  severity="warning"))
        target = Target(level, res.place.code, f"register:name_{res.method}", res.confidence)
        return self._with_context(row, res.place, target, warnings)

    def _with_context(self, row: RegisterRow, place: Place, target: Target,
                      warnings: list[Issue]) -> tuple[Target | None, list[Issue]]:
        contradiction = self._check_context(row, place)
        if contradiction is not None:
            return None, [contradiction]
        return target, warnings

    def _check_context(self, row: RegisterRow, place: Place) -> Issue | None:
        """A town/district/city the row gives must be the place's own: a contradiction is a reject."""
        key = (place.code, row.place.town, row.place.district, row.place.city)
        if key not in self._context:
            self._context[key] = self._context_problem(row.place, place)
        problem = self._context.get(key)
        if problem is None:
            return None
        level, given, reason, candidates = problem
        return Issue(row.file, row.sheet, row.row, row.columns.get(level), given, reason, candidates)

    def _context_problem(self, ref: PlaceRef, place: Place) -> tuple[str, str, str, tuple[str, ...]] | None:
        path = {p.level: p for p in self.index.path(place.code)}
        for level, given in (("town", ref.town), ("district", ref.district), ("city", ref.city)):
            if not given or level == place.level or level not in path:
                continue
            official = path[level]
            if given.isdigit():
                if given != official.code:
                    return (level, given,
                            f"{place.name} ({place.code}) lies in {official.name} ({official.code}), not {given}",
                            (describe(place, self.index),))
            elif not _names_match(given, official, level):
                return (level, given, f"{place.name} ({place.code}) lies in {official.name}, not {given}",
                        (describe(place, self.index),))
        return None


def _names_match(given: str, place: Place, level: str) -> bool:
    g = normalize(given)
    forms = {place.name, place.full_name, stem(place.name, level)}
    if level == "city" and place.name in ("市辖区", "县"):
        return True  # municipalities: the register names the city as 上海/上海市
    return g in forms or stem(g, level) == stem(place.name, level)


Resolved = tuple[RegisterRow, "Target | None"]


def resolve(rows: Iterable[RegisterRow], index: PlaceIndex) -> tuple[list[Resolved], list[Issue]]:
    """Resolve each row's village or town to an official code; rejects and warnings as issues.

    The target is None only for a leader whose post is a party organization or unit and who is
    tied to no place.
    """
    resolver = Resolver(index)
    accepted: list[Resolved] = []
    issues: list[Issue] = []
    for row in rows:
        target, found = resolver.target(row)
        issues.extend(found)
        if target is not None or not any(i.severity == "rejected" for i in found):
            accepted.append((row, target))
    return accepted, issues


# --- write --------------------------------------------------------------------------------------------

_FACTS = {"pairings": "pairings", "weak": "designations", "projects": "projects", "leaders": "leaders"}


def _fact_query(kind: str, fresh: bool) -> str:
    """``create_`` when the file's old facts were just deleted (a MERGE would look up, row by row,
    edges that cannot exist), ``merge_`` when an unchanged file is written again."""
    return f"load/{'create' if fresh else 'merge'}_register_{_FACTS[kind]}"


def source_id(file_name: str) -> str:
    return f"register:{file_name}"


@lru_cache(maxsize=65536)
def _org(name: str | None) -> dict[str, Any]:
    if not name:
        return {"org_uid": None, "org_name": None, "org_kind": None}
    return {"org_uid": org_uid(name), "org_name": name, "org_kind": unit_kind(name)}


@lru_cache(maxsize=65536)
def _party(name: str | None) -> dict[str, Any]:
    if not name:
        return {"party_uid": None, "party_name": None, "party_level": None}
    # The column says it is a party organization, so a name without a party ending is "other".
    return {"party_uid": party_uid(name), "party_name": name, "party_level": party_level(name) or "other"}


def to_params(row: RegisterRow, target: Target | None, sid: str) -> dict[str, Any]:
    """Everything one row states, as a flat map; ``Batches`` splits it into the write queries' rows."""
    v = row.values
    base: dict[str, Any] = {
        "source_loc": row.source_loc, "evidence": row.evidence,
        "method": target.method if target else f"register:{row.kind}",
        "confidence": target.confidence if target else 1.0,
        "village_uid": target.code if target and target.level == "village" else None,
        "town_code": target.code if target and target.level == "town" else None,
    }
    if row.kind == "pairings":
        base.update(_org(v["helper"]), **_party(v["party_org"]))
        base["helper_uid"] = base["party_uid"] if v["paired_by"] == "party" else base["org_uid"]
        base.update(since=v.get("since"), until=v.get("until"), programme=v["programme"], kind=v["pairing_kind"])
    elif row.kind == "weak":
        base.update(category=normalize(v["category"]), year=v.get("year"))
    elif row.kind == "projects":
        base.update(_org(v["helper"]))
        base.update(uid=f"project:{sid}#{row.source_loc}", name=v["name"], category=v["category"],
                    amount=v["amount"], amount_unit=v["amount_unit"], amount_yuan=v["amount_yuan"],
                    year=v.get("year"))
    elif row.kind == "leaders":
        base.update(_org(v["organization"]), **_party(v["party_org"]))
        post: str | None
        if base["party_uid"]:
            post = base["party_uid"]
            base["party_parent_uid"] = base["village_uid"] or base["org_uid"]
            base["village_uid"] = base["town_code"] = None
        else:
            base["party_parent_uid"] = None
            post = None if (base["village_uid"] or base["town_code"]) else base["org_uid"]
        base["post_uid"] = post
        affiliation = base["org_uid"] or post or base["village_uid"] or base["party_parent_uid"] or base["town_code"]
        base.update(person_uid=f"person:{name_key(v['name'])}@{affiliation}", person_name=v["name"],
                    role=v["role"], since=v.get("since"), until=v.get("until"))
    return base


# The keys each fact query reads from a row (the rest of ``to_params`` goes to the node queries).
_FACT_KEYS: dict[str, tuple[str, ...]] = {
    "pairings": ("source_loc", "evidence", "method", "confidence", "helper_uid", "village_uid", "town_code",
                 "since", "until", "programme", "kind"),
    "weak": ("source_loc", "evidence", "method", "confidence", "village_uid", "category", "year"),
    "projects": ("uid", "source_loc", "evidence", "method", "confidence", "org_uid", "name", "category", "amount",
                 "amount_unit", "amount_yuan", "year", "village_uid", "town_code"),
    "leaders": ("source_loc", "evidence", "method", "confidence", "person_uid", "role", "since", "until",
                "post_uid", "village_uid", "town_code"),
}


@dataclass
class Batches:
    """One file's rows split into what each write query takes: every unit, party organization,
    person and membership once (the first row naming it wins, as ``ON CREATE`` did per row),
    then one fact row per register row."""

    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    parties: dict[str, dict[str, Any]] = field(default_factory=dict)
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in KINDS})

    def add(self, kind: str, p: dict[str, Any]) -> None:
        if p.get("org_uid") and p["org_uid"] not in self.organizations:
            self.organizations[p["org_uid"]] = {"uid": p["org_uid"], "name": p["org_name"], "kind": p["org_kind"]}
        if p.get("party_uid") and p["party_uid"] not in self.parties:
            self.parties[p["party_uid"]] = {"uid": p["party_uid"], "name": p["party_name"], "level": p["party_level"]}
        if kind == "pairings" and p["party_uid"] and p["org_uid"]:
            self._member(p, p["org_uid"], confidence=1.0)
        elif kind == "leaders":
            if p["party_uid"] and p["party_parent_uid"]:
                self._member(p, p["party_parent_uid"], confidence=p["confidence"])
            if p["person_uid"] not in self.persons:
                self.persons[p["person_uid"]] = {"uid": p["person_uid"], "name": p["person_name"]}
        self.facts[kind].append({k: p[k] for k in _FACT_KEYS[kind]})

    def _member(self, p: dict[str, Any], parent: str, confidence: float) -> None:
        key = (p["party_uid"], parent)
        if key not in self.memberships:
            self.memberships[key] = {"party_uid": p["party_uid"], "parent_uid": parent, "source_loc": p["source_loc"],
                                     "evidence": p["evidence"], "method": p["method"], "confidence": confidence}


def write(
    driver: Driver,
    file_name: str,
    path: Path,
    sha256: str,
    rows: Sequence[Resolved],
    *,
    database: str = "neo4j",
    batch_size: int = 10000,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[WriteCounts, bool]:
    """Write one file's resolved rows; returns the counts and whether the file had changed.

    The file's ``Document`` node keeps the checksum of its last complete load: when it differs
    (or a load was interrupted), every fact the file contributed before is deleted first, so a
    changed file replaces its old facts. Writing the same file again re-merges the same keys (the
    graph stays the same, and a changed gazetteer or resolver is taken into account).
    Nodes are merged first, each once per file, so the fact queries only match their endpoints.
    """
    sid = source_id(file_name)
    writer = BatchWriter(driver, database=database, batch_size=batch_size)
    document = records.write(driver, "load/merge_register_document", database, uid=sid, title=file_name,
                             path=str(path))
    previous = document[0]["previous"] if document else None
    changed = previous != sha256
    removed_facts = 0
    if changed:
        removed_facts = writer.statement("load/delete_register_facts", source_id=sid).relationships_deleted
    batches = Batches()
    for row, target in rows:
        batches.add(row.kind, to_params(row, target, sid))
    # The node rows are not the register's rows: only the fact batches are reported to on_batch.
    for name, nodes in (("load/merge_register_organizations", batches.organizations),
                        ("load/merge_register_party_organizations", batches.parties),
                        ("load/merge_register_persons", batches.persons)):
        if nodes:
            writer.write(name, list(nodes.values()))
    if batches.memberships:
        writer.write(f"load/{'create' if changed else 'merge'}_register_memberships",
                     list(batches.memberships.values()), params={"source_id": sid})
    for kind, params in batches.facts.items():
        if params:
            writer.write(_fact_query(kind, changed), params, params={"source_id": sid},
                         on_batch=on_batch)
    # Designation batches recompute their own villages' flags; only removed edges need the full pass.
    if removed_facts:
        writer.statement("load/refresh_village_weak")
    writer.statement("load/mark_register_loaded", uid=sid, sha256=sha256)
    return writer.counts, changed


# --- load -------------------------------------------------------------------------------------------


@dataclass
class SheetSummary:
    file: str
    sheet: str
    kind: str | None
    rows: int  # non-blank data rows
    loaded: int
    rejected: int
    warnings: int


@dataclass
class LoadReport:
    """What ``load`` did: per-sheet counts, every issue, and Neo4j's write counters."""

    sheets: list[SheetSummary] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file → {encoding, sha256, changed}
    writes: WriteCounts = field(default_factory=WriteCounts)
    seconds: float = 0.0

    @property
    def rejected(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "rejected"]

    def loaded(self, kind: str | None = None) -> int:
        return sum(s.loaded for s in self.sheets if kind is None or s.kind == kind)

    def summary(self) -> str:
        kinds = ", ".join(f"{self.loaded(k)} {k}" for k in KINDS if self.loaded(k))
        return (f"{len(self.files)} register file(s): {kinds or 'nothing'} loaded, "
                f"{len(self.rejected)} rows rejected, {len(self.issues) - len(self.rejected)} warnings")


def prepare(path: Path, index: PlaceIndex, kind: Kind | None = None) -> tuple[list[Resolved], LoadReport]:
    """Read, validate and resolve one file without touching the database."""
    report = LoadReport()
    try:
        sheets = read(path)
    except (RegisterError, OSError) as exc:
        report.issues.append(Issue(path.name, None, None, None, None, f"file not read: {exc}"))
        return [], report
    report.files[path.name] = {"encoding": sheets[0].encoding if sheets else None}
    accepted: list[Resolved] = []
    for sheet in sheets:
        result = validate(sheet, kind)
        resolved, issues = resolve(result.rows, index)
        accepted.extend(resolved)
        all_issues = sorted(result.issues + issues, key=lambda i: (i.row or 0, i.severity))
        report.issues.extend(all_issues)
        if result.kind is not None or all_issues:
            # Every non-blank data row is either loaded (perhaps with a warning) or rejected.
            report.sheets.append(SheetSummary(
                sheet.file, sheet.name, result.kind, result.data_rows, len(resolved),
                result.data_rows - len(resolved), sum(1 for i in all_issues if i.severity == "warning"),
            ))
    return accepted, report


def load(
    driver: Driver,
    paths: Iterable[Path],
    index: PlaceIndex,
    *,
    kind: Kind | None = None,
    database: str = "neo4j",
    batch_size: int = 10000,
    on_rows: Callable[[str, int], None] | None = None,
) -> LoadReport:
    """Load register files: every good row is written, every other row is in ``report.issues``.

    ``on_rows("read", n)`` is told how many rows a file will write, ``on_rows("written", n)`` how
    many each batch held. A file that cannot be read leaves its old facts in the graph untouched.

    Raises:
        LoadInterrupted: Neo4j became unreachable; it names the file and what a re-run must load.
    """
    started = time.perf_counter()
    report = LoadReport()
    paths = list(paths)
    # Preparing is Python work and writing mostly waits on Neo4j, so the next file is read,
    # validated and resolved in a second thread while the current one is written.
    guard = OutageGuard([p.name for p in paths], on_rows)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="register-prepare") as pool:
        upcoming = [pool.submit(prepare, paths[0], index, kind)] if paths else []
        for i, path in enumerate(paths):
            accepted, file_report = upcoming.pop().result()
            if i + 1 < len(paths):
                upcoming.append(pool.submit(prepare, paths[i + 1], index, kind))
            with guard.writing(path.name):
                _write_prepared(driver, path, accepted, file_report, report, database, batch_size, guard.counting)
    report.seconds = time.perf_counter() - started
    return report


def _write_prepared(
    driver: Driver, path: Path, accepted: list[Resolved], file_report: LoadReport, report: LoadReport,
    database: str, batch_size: int, on_rows: Callable[[str, int], None] | None,
) -> None:
    """The database half of ``load`` for one prepared file; adds to ``report``."""
    report.sheets.extend(file_report.sheets)
    report.issues.extend(file_report.issues)
    if path.name not in file_report.files:
        return
    accepted, unloaded = _drop_places_missing_from_graph(driver, accepted, database)
    report.issues.extend(unloaded)
    for summary in report.sheets:
        lost = sum(1 for i in unloaded if i.sheet == summary.sheet and i.file == summary.file)
        summary.loaded -= lost
        summary.rejected += lost
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    if on_rows:
        on_rows("read", len(accepted))
    counts, changed = write(
        driver, path.name, path, sha, accepted, database=database, batch_size=batch_size,
        on_batch=(lambda n: on_rows("written", n)) if on_rows else None,
    )
    report.writes.add(counts)
    report.files[path.name] = {**file_report.files[path.name], "sha256": sha, "changed": changed}


def _drop_places_missing_from_graph(
    driver: Driver, accepted: list[Resolved], database: str
) -> tuple[list[Resolved], list[Issue]]:
    """Rows whose official place has no node yet (its province's gazetteer is not loaded) become issues."""
    codes = sorted({t.code for _, t in accepted if t is not None})
    if not codes:
        return accepted, []
    found = records.read(driver, "load/missing_register_places", database, codes=codes)
    missing = set(found[0]["missing"]) if found else set()
    if not missing:
        return accepted, []
    kept: list[Resolved] = []
    issues: list[Issue] = []
    for row, target in accepted:
        if target is not None and target.code in missing:
            issues.append(Issue(row.file, row.sheet, row.row, None, target.code,
                                f"{target.code} is in the code table but not in the graph; load the gazetteer "
                                f"first (revkg load gazetteer --provinces {target.code[:2]})"))
        else:
            kept.append((row, target))
    return kept, issues


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to load: the paths given, with folders expanded to their register files (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in EXTENSIONS and not p.name.startswith(("~$", "."))))
        else:
            out.append(path)
    return out
