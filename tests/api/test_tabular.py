"""Downloads as a planner opens them in Excel: headers, cell types, widths, names, no formulas."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook

from api.tabular import EXPORTS, LABELS, file_name, table_bytes

ROWS = [
    {
        "code": "350304100201",
        "village": '=HYPERLINK("http://evil.example","点我")',
        "since": date(2024, 1, 31),
        "villages": 3,
        "weak_categories": ["经济薄弱村", "+1 的村"],
    },
    {"code": "012345678901", "village": "@SUM(A1:A2)", "since": None, "villages": -2, "weak_categories": []},
]
COLUMNS = ["code", "village", "since", "villages", "weak_categories"]


def workbook_rows(data: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [tuple(c for c in row) for row in sheet.iter_rows()]


def test_xlsx_keeps_codes_as_text_dates_as_dates_and_numbers_as_numbers() -> None:
    rows = workbook_rows(table_bytes(ROWS, COLUMNS, "xlsx"))
    first, second = rows[1], rows[2]
    assert (first[0].data_type, first[0].value) == ("s", "350304100201")
    assert second[0].value == "012345678901"  # the leading zero survives
    assert first[2].is_date and first[2].value == datetime(2024, 1, 31)
    assert (first[3].data_type, first[3].value) == ("n", 3) and second[3].value == -2


def test_no_exported_cell_is_a_formula_in_xlsx_or_csv() -> None:
    rows = workbook_rows(table_bytes(ROWS, COLUMNS, "xlsx"))
    cells = [c for row in rows[1:] for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert rows[1][1].value.startswith("'=HYPERLINK") and rows[2][1].value == "'@SUM(A1:A2)"
    text = table_bytes(ROWS, COLUMNS, "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text
    assert not any(line.split(",")[1].startswith(("=", "+", "@")) for line in text.splitlines()[1:])


def test_xlsx_columns_are_as_wide_as_their_longest_value() -> None:
    wide = [{"code": "310151", "village": "上海市崇明区新河镇新建村村民委员会"}]
    sheet = load_workbook(io.BytesIO(table_bytes(wide, ["code", "village"], "xlsx"))).active
    # 17 CJK characters take about 34 Latin widths; a six-digit code about 8
    assert sheet.column_dimensions["B"].width >= 34 > sheet.column_dimensions["A"].width >= 8


def test_every_export_column_has_a_chinese_header() -> None:
    for name, export in EXPORTS.items():
        headers = export.headers()
        assert all(h != key for h, key in zip(headers, export.columns, strict=True)), name
        assert export.headers("en") == list(export.columns)
    assert LABELS["weak_categories"] == "薄弱类别" and LABELS["nearest_helpers"] == "最近的帮扶单位"


def test_file_names_say_what_where_and_when_and_drop_path_characters() -> None:
    uncovered = EXPORTS["uncovered_weak_villages"]
    assert file_name(uncovered, "xlsx", "崇明区", date(2025, 1, 1)) == "未结对薄弱村_崇明区_2025-01-01.xlsx"
    assert file_name(uncovered, "csv", "../etc/passwd", date(2025, 1, 1)) == "未结对薄弱村_.._etc_passwd_2025-01-01.csv"
    assert file_name(EXPORTS["helper_load"], "xlsx", None, date(2025, 1, 1)) == "帮扶单位负担_2025-01-01.xlsx"
