"""Pagination and CSV / Excel downloads for the tabular analyses (planners live in Excel).

``EXPORTS`` is the one table of what each analysis shows as a table: its columns, their Chinese headers
and the title its file is named by. The API's ``format=csv|xlsx``, ``revkg analyze … --out`` and the
tables ``revkg analyze`` prints all take their columns from it, and nowhere else.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import quote

from fastapi import Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

T = TypeVar("T")
Format = Literal["json", "csv", "xlsx"]
Headers = Literal["zh", "en"]

FORMAT_QUERY = Query("json", description="json，或下载 csv / xlsx（Excel）· json, or download as csv / xlsx (Excel)")
HEADERS_QUERY = Query(
    "zh", description="下载的表头：zh 中文，en 英文字段名 · download headers: zh Chinese, en the JSON keys"
)
LIMIT_QUERY = Query(100, ge=1, le=10000, description="每页条数 · page size")
# Neo4j slices lists with 32-bit indexes; offset + limit past 2**31 made the query fail (500).
OFFSET_QUERY = Query(0, ge=0, le=1_000_000_000, description="跳过的条数 · rows to skip")
AS_OF_QUERY = Query(
    None, description="判断结对是否有效的日期，默认今天 · the day pairings are judged on (default today)"
)

# The header of every column any download holds, by its JSON key. A table whose ``code`` or ``name``
# means something narrower says so in its own ``labels``.
LABELS: dict[str, str] = {
    "code": "代码",
    "name": "名称",
    "province": "省份",
    "district_code": "区县代码",
    "district": "区县",
    "district_names": "所在区县",
    "town_code": "街镇代码",
    "town": "街镇",
    "village_code": "村代码",
    "village": "村名",
    "weak_categories": "薄弱类别",
    "nearest_helpers": "最近的帮扶单位",
    "villages": "村数",
    "weak_villages": "薄弱村数",
    "paired_weak_villages": "已结对薄弱村数",
    "coverage_ratio": "覆盖率",
    "paired_villages": "已结对村数",
    "villages_with_one_helper": "仅一个帮扶单位的村数",
    "unresolved_villages": "待核实村名数",
    "helpers": "帮扶单位数",
    "claims": "报告所称",
    "uid": "标识",
    "kind": "类型",
    "label": "类别",
    "weak_share": "薄弱村占比",
    "towns": "街镇数",
    "districts": "区县数",
    "projects": "项目数",
    "money_yuan": "金额（元）",
    "spread_thin": "过于分散",
    "carrying_many": "负担重",
    "cluster": "群落",
    "size": "规模",
    "cohesion": "内聚度",
    "shared": "共享资源",
    "rank": "排名",
    "helper": "帮扶单位",
    "helper_uid": "帮扶单位标识",
    "score": "得分",
    "reasons": "理由",
    "key": "代码或标识",
    "path": "行政路径",
    "hops": "跳数",
    "relationships": "关系",
    "as_of": "判断日期",
    "cost": "成本",
    "pair_cost": "匹配成本",
    "load_cost": "负担成本",
    "load_before": "结对前村数",
    "load_after": "结对后村数",
    "maximum": "上限",
    "fixed": "规划人指定",
}

# Columns that hold codes: text in Excel, so 12-digit village codes keep every digit and leading zeros.
CODE_COLUMNS = frozenset({"code", "district_code", "town_code", "village_code", "key"})


@dataclass(frozen=True)
class Export:
    """One downloadable table: its title (names the file), its columns, and headers that differ from ``LABELS``."""

    title: str
    stem: str  # the English file name, for clients that cannot read RFC 5987 names
    columns: tuple[str, ...]
    labels: Mapping[str, str] = field(default_factory=dict)

    def headers(self, language: Headers = "zh", columns: Sequence[str] | None = None) -> list[str]:
        """The header row: Chinese labels, or the JSON keys with ``language="en"``.

        >>> EXPORTS["uncovered_weak_villages"].headers()[:3]
        ['区县代码', '区县', '街镇代码']
        """
        keys = list(columns or self.columns)
        if language == "en":
            return keys
        return [self.labels.get(k) or LABELS.get(k, k) for k in keys]


# Coverage per district and per town: the same figures, only the area's level differs.
COVERAGE_COLUMNS = (
    "code",
    "name",
    "villages",
    "weak_villages",
    "paired_weak_villages",
    "coverage_ratio",
    "paired_villages",
    "villages_with_one_helper",
    "helpers",
    "projects",
    "claims",
    "unresolved_villages",
)

EXPORTS: dict[str, Export] = {
    "uncovered_weak_villages": Export(
        "未结对薄弱村",
        "uncovered_weak_villages",
        ("district_code", "district", "town_code", "town", "code", "village", "weak_categories", "nearest_helpers"),
        {"code": "村代码"},
    ),
    "coverage_by_district": Export(
        "各区县结对覆盖率",
        "coverage_by_district",
        COVERAGE_COLUMNS,
        {"code": "区县代码", "name": "区县"},
    ),
    "coverage_by_town": Export(
        "各街镇结对覆盖率",
        "coverage_by_town",
        COVERAGE_COLUMNS,
        {"code": "街镇代码", "name": "街镇"},
    ),
    "helper_load": Export(
        "帮扶单位负担",
        "helper_load",
        (
            "uid",
            "name",
            "kind",
            "villages",
            "weak_villages",
            "weak_share",
            "towns",
            "districts",
            "district_names",
            "projects",
            "money_yuan",
            "spread_thin",
            "carrying_many",
        ),
        {"name": "帮扶单位", "villages": "结对村数", "weak_villages": "结对薄弱村数"},
    ),
    "shared_resource_clusters": Export(
        "资源共享群落",
        "shared_resource_clusters",
        ("cluster", "size", "cohesion", "label", "uid", "name", "shared"),
    ),
    "pairing_suggestions": Export(
        "结对推荐",
        "pairing_suggestions",
        ("village_code", "village", "town", "district", "rank", "helper", "helper_uid", "score", "reasons"),
    ),
    # One row per assignment, then one per village the plan could not cover (no helper; the reason).
    "pairing_plan": Export(
        "结对方案",
        "pairing_plan",
        (
            "district",
            "town",
            "village_code",
            "village",
            "helper",
            "helper_uid",
            "cost",
            "load_before",
            "load_after",
            "maximum",
            "fixed",
            "reasons",
        ),
        {"reasons": "理由（未能安排的原因）"},
    ),
    "search": Export("搜索结果", "search", ("label", "key", "name", "path")),
    # Printed by ``revkg analyze paths`` only: the API answers with the nested paths as JSON.
    "paths": Export("关联路径", "paths", ("hops", "path", "relationships")),
    "audit": Export(
        "审计记录",
        "audit",
        ("at", "who", "role", "route", "action", "target", "details"),
        {
            "at": "时间（北京时间）",
            "who": "操作人",
            "role": "角色",
            "route": "接口",
            "action": "操作",
            "target": "对象",
            "details": "变更内容",
        },
    ),
    "users": Export(
        "用户",
        "users",
        ("name", "role", "key_id", "created_at", "rotated_at", "revoked_at"),
        {
            "name": "用户名",
            "role": "角色",
            "key_id": "密钥编号",
            "created_at": "创建时间",
            "rotated_at": "更换密钥时间",
            "revoked_at": "吊销时间",
        },
    ),
    # The loader's issue columns (loaders.register.ISSUE_COLUMNS) are set where the rejects are written.
    "load_rejects": Export(
        "导入未通过的行",
        "load_rejects",
        (),
        {
            "file": "文件",
            "sheet": "工作表",
            "row": "行号",
            "column": "列",
            "value": "值",
            "severity": "级别",
            "reason": "原因",
            "candidates": "候选",
            "code": "原因代码",
        },
    ),
}


class Page(BaseModel, Generic[T]):
    """One page of an analysis: ``total`` rows in all, ``items`` from ``offset``."""

    total: int
    limit: int
    offset: int
    items: list[T]


def page(rows: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    """The ``Page`` fields for one slice of ``rows``.

    >>> page([1, 2, 3], limit=2, offset=1)
    {'total': 3, 'limit': 2, 'offset': 1, 'items': [2, 3]}
    """
    return {"total": len(rows), "limit": limit, "offset": offset, "items": list(rows[offset : offset + limit])}


def _native(value: Any) -> Any:
    """Neo4j's temporal values as Python's (the driver's ``Date`` has ``to_native``)."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def cell(value: Any) -> Any:
    """A value as one spreadsheet cell: lists joined, nested records named, dates as ISO text.

    >>> cell(["经济薄弱村", "贫困村"])
    '经济薄弱村; 贫困村'
    >>> cell([{"name": "崇明区民政局", "uid": "org:崇明区民政局"}])
    '崇明区民政局'
    >>> cell({"metric": "结对村数", "value": 12.0, "graph_value": 9})
    '结对村数: 报告 12 / 图谱 9'
    """
    value = _native(value)
    if isinstance(value, list):
        return "; ".join(str(cell(v)) for v in value)
    if isinstance(value, dict):
        if "metric" in value:  # a report's claim, beside what the graph holds for it
            return f"{value['metric']}: 报告 {value['value']:g} / 图谱 {value.get('graph_value')}"
        return value.get("name") or json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, date):
        return value.isoformat()
    return value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """Text that Excel would take for a formula, prefixed with ``'`` so it stays text.

    >>> defuse("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> defuse(-3), defuse("崇明区")
    (-3, '崇明区')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_cell(value: Any) -> Any:
    """A value for a download: dates stay dates (the writer formats them), the rest as ``cell``, defused."""
    value = _native(value)
    if isinstance(value, date):
        return value
    return defuse(cell(value))


def _display_width(value: Any) -> int:
    """Columns a value takes in Excel: a CJK character is about two Latin ones."""
    text = value.isoformat() if isinstance(value, date) else str(value if value is not None else "")
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def table_bytes(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    fmt: Literal["csv", "xlsx"],
    sheet_name: str = "revkg",
    headers: Sequence[str] | None = None,
    as_of: date | None = None,
) -> bytes:
    """``rows`` as CSV (UTF-8 with BOM, so Excel reads Chinese) or as an .xlsx workbook.

    ``headers`` label the columns (the keys themselves when omitted). In the workbook, code columns
    are text, dates are dates, each column is as wide as its longest value (within reason), the
    header row has filters, and ``as_of`` (the day the figures are judged on) is in the printed
    page's header and on a second sheet 说明 beside the table's title.
    """
    header_row = list(headers or columns)
    table = [[export_cell(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(header_row)
        writer.writerows([[v.isoformat() if isinstance(v, date) else v for v in r] for r in table])
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    import xlsxwriter

    body = io.BytesIO()
    # No string is ever turned into a formula, a number or a link: what the graph holds is what the cell holds.
    book = xlsxwriter.Workbook(
        body, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    sheet = book.add_worksheet(_sheet_name(sheet_name))
    bold = book.add_format({"bold": True})
    as_text = book.add_format({"num_format": "@"})
    as_date = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, header_row, bold)
    for i, row in enumerate(table, start=1):
        for j, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, datetime):
                sheet.write_datetime(i, j, value, as_date)
            elif isinstance(value, date):
                sheet.write_datetime(i, j, datetime(value.year, value.month, value.day), as_date)
            elif columns[j] in CODE_COLUMNS or isinstance(value, str):
                sheet.write_string(i, j, str(value), as_text if columns[j] in CODE_COLUMNS else None)
            else:
                sheet.write(i, j, value)
    for j, _ in enumerate(columns):
        widest = max([_display_width(header_row[j])] + [_display_width(r[j]) for r in table[:1000]])
        sheet.set_column(j, j, min(max(widest + 2, 8), 60), as_text if columns[j] in CODE_COLUMNS else None)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table), len(columns) - 1)
    day = (as_of or date.today()).isoformat()
    sheet.set_header(f"&L{sheet_name}&R判断日期 {day}")
    about = book.add_worksheet("说明")
    about.write_row(0, 0, ["内容", sheet_name], bold)
    about.write_row(1, 0, ["判断日期", day])
    about.write_row(2, 0, ["行数", len(table)])
    about.set_column(0, 1, 16)
    book.close()
    return body.getvalue()


def _sheet_name(name: str) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "revkg"


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(
    export: Export, fmt: str, scope: str | None = None, as_of: date | None = None, ascii_only: bool = False
) -> str:
    """What the download holds and when: ``未结对薄弱村_崇明区_2025-01-01.xlsx``.

    >>> file_name(EXPORTS["uncovered_weak_villages"], "xlsx", "崇明区", date(2025, 1, 1))
    '未结对薄弱村_崇明区_2025-01-01.xlsx'
    >>> file_name(EXPORTS["uncovered_weak_villages"], "csv", "崇明区", date(2025, 1, 1), ascii_only=True)
    'uncovered_weak_villages_2025-01-01.csv'
    """
    day = (as_of or date.today()).isoformat()
    parts = [export.stem if ascii_only else export.title]
    if scope and not ascii_only:
        parts.append(_UNSAFE_IN_FILE_NAMES.sub("_", scope.strip())[:40])
    parts.append(day)
    return "_".join(p for p in parts if p) + f".{fmt}"


MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def download(
    rows: Iterable[dict[str, Any]],
    export: Export,
    fmt: Literal["csv", "xlsx"],
    headers: Headers = "zh",
    scope: str | None = None,
    as_of: date | None = None,
) -> StreamingResponse:
    """``rows`` as a .csv or .xlsx attachment whose name says what it holds, for where and when.

    ``filename`` is the ASCII fallback; ``filename*`` (RFC 5987) the Chinese name browsers show.
    """
    name = file_name(export, fmt, scope, as_of)
    body = io.BytesIO(table_bytes(rows, export.columns, fmt, export.title, export.headers(headers), as_of))
    fallback = file_name(export, fmt, scope, as_of, ascii_only=True)
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"},
    )
