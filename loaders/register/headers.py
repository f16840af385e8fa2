"""The one header table: which register column means which field, and which kind of register a sheet is.

Planners name their columns in Chinese or English, with units in brackets, stars for required
columns and traditional characters; ``header_key`` folds all of that away so one table
(``HEADER_ALIASES``) can map every spelling onto a canonical field. ``detect_kind`` then tells a
pairings register from a weak-village list, a project list or a list of leaders by the fields
its header row names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from loaders.places import to_simplified

Kind = Literal["pairings", "weak", "projects", "leaders"]
KINDS: tuple[Kind, ...] = ("pairings", "weak", "projects", "leaders")

# Canonical field → the headers (Chinese or English) that name it. Headers are compared after
# ``header_key``: NFKC, simplified characters, lower case, no spaces/underscores/marks, and without a parenthesised part
# (``金额（万元）`` → ``金额``; for amounts the parenthesised unit becomes the column's unit).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "helper": (
        "帮扶单位",
        "结对单位",
        "帮扶方",
        "结对帮扶单位",
        "共建单位",
        "结对共建单位",
        "帮扶主体单位",
        "单位名称",
        "helper",
        "helper unit",
        "helper name",
        "unit name",
    ),
    "party_org": (
        "党组织",
        "结对党组织",
        "帮扶党组织",
        "党组织名称",
        "党支部",
        "基层党组织",
        "所在党组织",
        "party",
        "party org",
        "party organization",
        "party organisation",
        "party branch",
    ),
    "paired_by": ("结对主体", "结对层级", "结对方", "paired by", "helper side"),
    "village": (
        "村",
        "村名",
        "村名称",
        "村庄",
        "行政村",
        "村居",
        "村社区",
        "结对村",
        "受援村",
        "帮扶村",
        "结对村社区",
        "薄弱村",
        "村委会",
        "village",
        "village name",
        "recipient",
    ),
    "village_code": (
        "村代码",
        "村编码",
        "村级代码",
        "村区划代码",
        "统计用区划代码",
        "区划代码",
        "行政区划代码",
        "代码",
        "village code",
        "code",
        "division code",
    ),
    "town": (
        "镇",
        "街镇",
        "乡镇",
        "镇街",
        "乡镇街道",
        "街道",
        "所属镇",
        "所在镇",
        "所属街镇",
        "town",
        "township",
        "street",
    ),
    "district": ("区", "区县", "县", "县区", "所属区", "所在区", "district", "county"),
    "city": ("市", "地市", "城市", "city"),
    "province": ("省", "省份", "province"),
    "since": (
        "开始日期",
        "开始时间",
        "起始日期",
        "起始时间",
        "结对日期",
        "结对时间",
        "任职日期",
        "任职时间",
        "任职开始",
        "since",
        "start",
        "start date",
        "from",
    ),
    "until": ("结束日期", "结束时间", "截止日期", "终止日期", "离任日期", "离任时间", "until", "end", "end date", "to"),
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
    "organization": (
        "所在单位",
        "任职单位",
        "工作单位",
        "派出单位",
        "选派单位",
        "organization",
        "organisation",
        "org",
        "affiliation",
    ),
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
