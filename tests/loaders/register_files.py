"""Register files for tests: CSV in any encoding, workbooks with several sheets (test data in one place)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

PAIRINGS_HEADER = ("帮扶单位", "党组织", "结对主体", "区", "镇", "村", "村代码", "开始日期", "结束日期", "轮次")
WEAK_HEADER = ("区", "镇", "村", "村代码", "类别", "年度")


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([list(header), *[list(r) for r in rows]])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(
    path: Path, sheets: dict[str, Sequence[Sequence[Any]]], merges: dict[str, list[str]] | None = None
) -> Path:
    """A workbook with one sheet per entry; each value is the sheet's rows (header row included).

    ``merges`` maps a sheet name to ranges to merge (``"A2:A4"``), as planners merge a helper's cell.
    """
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for ref in (merges or {}).get(name, []):
            sheet.merge_cells(ref)
    book.save(path)
    return path


def pairing_row(
    helper: str = "上海浦江实业集团有限公司",
    village: str = "四滧村",
    town: str = "堡镇",
    district: str = "崇明区",
    code: str = "",
    since: str = "2021-03-01",
    until: str = "",
    party: str = "",
    paired_by: str = "",
    programme: str = "第三轮",
) -> tuple[str, ...]:
    return (helper, party, paired_by, district, town, village, code, since, until, programme)


def weak_row(
    village: str, town: str, district: str = "崇明区", code: str = "", category: str = "经济薄弱村", year: str = "2022"
) -> tuple[str, ...]:
    return (district, town, village, code, category, year)
