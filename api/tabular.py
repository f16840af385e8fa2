"""Pagination and CSV / Excel downloads for the tabular analyses (planners live in Excel)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import quote

from fastapi import Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

T = TypeVar("T")
Format = Literal["json", "csv", "xlsx"]

FORMAT_QUERY = Query("json", description="json，或下载 csv / xlsx（Excel）· json, or download as csv / xlsx (Excel)")
LIMIT_QUERY = Query(100, ge=1, le=10000, description="每页条数 · page size")
# Neo4j slices lists with 32-bit indexes; offset + limit past 2**31 made the query fail (500).
OFFSET_QUERY = Query(0, ge=0, le=1_000_000_000, description="跳过的条数 · rows to skip")
AS_OF_QUERY = Query(None, description="判断结对是否有效的日期，默认今天 · the day pairings are judged on (default today)")


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
    return {"total": len(rows), "limit": limit, "offset": offset, "items": list(rows[offset:offset + limit])}


def cell(value: Any) -> Any:
    """A value as one spreadsheet cell: lists joined, nested records named, dates as ISO text.

    >>> cell(["经济薄弱村", "贫困村"])
    '经济薄弱村; 贫困村'
    >>> cell([{"name": "崇明区民政局", "uid": "org:崇明区民政局"}])
    '崇明区民政局'
    """
    if isinstance(value, list):
        return "; ".join(str(cell(v)) for v in value)
    if isinstance(value, dict):
        return value.get("name") or json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, date):
        return value.isoformat()
    return value


def table_bytes(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: Literal["csv", "xlsx"],
                sheet_name: str = "revkg") -> bytes:
    """``rows`` as CSV (UTF-8 with BOM, so Excel reads Chinese) or as an .xlsx workbook."""
    table = [[cell(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(columns)
        writer.writerows(table)
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    import xlsxwriter  # type: ignore[import-untyped]

    body = io.BytesIO()
    book = xlsxwriter.Workbook(body, {"in_memory": True})
    sheet = book.add_worksheet(sheet_name[:31])
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, list(columns), bold)
    for i, row in enumerate(table, start=1):
        sheet.write_row(i, 0, row)
    sheet.freeze_panes(1, 0)
    book.close()
    return body.getvalue()


MEDIA_TYPES = {"csv": "text/csv; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def download(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: Literal["csv", "xlsx"],
             stem: str) -> StreamingResponse:
    """``rows`` as a .csv or .xlsx attachment named ``stem``."""
    body = io.BytesIO(table_bytes(rows, columns, fmt, stem))
    filename = f"{stem}.{fmt}"
    return StreamingResponse(
        body, media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
    )
