"""The workbook reader gives the rows the pandas-and-regex reader gave: same cells, merges, formulas.

The oracle is independent of ``loaders/register/read.py``: cells from ``pandas.read_excel(dtype=str)``
(what the register loader read with before) except Excel error cells, kept as Excel shows them; merged
ranges, error cells and value-less formulas from a full (non-read-only) openpyxl load, which exposes
them through its public API.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from loaders.register import clean_cell, fill_merged, read
from tests.conftest import REPO
from tests.loaders.register_files import PAIRINGS_HEADER, pairing_row, write_xlsx
from tests.reliability.badfiles import (
    empty_sheets,
    excel_dates,
    formula_cells_cached,
    formula_cells_xlsx,
    formulas,
    merged_cells,
    missing_required_column,
    numeric_code_cells,
    unknown_kind,
    wrong_columns_xlsx,
)


def every_value_type(folder: Path) -> Path:
    """Integers, floats, booleans, dates, times, errors, blanks, gaps between rows, a title row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "类型"
    sheet.append(["2023年结对台账"])
    sheet.append(list(PAIRINGS_HEADER))
    sheet.append(
        [
            "a",
            1,
            1.0,
            1.5,
            True,
            dt.datetime(2023, 1, 5),
            dt.date(2023, 1, 5),
            dt.time(12, 30),
            0.1 + 0.2,
            3.10151102216e11,
            1e20,
            None,
            " ",
            "",
        ]
    )
    sheet.append(["#N/A", "#DIV/0!", 12345678901234567890.0, 1 / 3, 2.5e-7, -0.0, "  ＡＢ１２ ", "四滧村\u200b"])
    sheet["A8"] = "after a gap"
    sheet["C9"] = "=1+1"
    second = book.create_sheet("合并")
    for row in [PAIRINGS_HEADER, pairing_row(), pairing_row(helper=""), pairing_row(helper="")]:
        second.append(list(row))
    second.merge_cells("A2:A4")
    second.merge_cells("B1:C1")
    path = folder / "every_type.xlsx"
    book.save(path)
    return path


def expected(path: Path) -> list[tuple[str, list[list[str]], frozenset[tuple[int, int]]]]:
    frames = pd.read_excel(path, sheet_name=None, header=None, dtype=str, keep_default_na=False)
    full = load_workbook(path)  # not read-only: merged ranges and formulas are public here
    out = []
    for name, frame in frames.items():
        cells = [[clean_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        ws = full[str(name)]
        fill_merged(cells, [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges])
        values = load_workbook(path, data_only=True)[str(name)]
        # Excel error cells (#N/A, #DIV/0! …) are read as Excel shows them, so validate can read them
        # as empty with a warning (issue 20 §3); pandas made them NaN, which became the text "nan".
        for row in values.iter_rows():
            for c in row:
                if c.data_type == "e":
                    cells[c.row - 1][c.column - 1] = clean_cell(c.value)
        uncomputed = frozenset(
            (c.row - 1, c.column - 1)
            for row in ws.iter_rows()
            for c in row
            if c.data_type == "f" and values.cell(c.row, c.column).value is None
        )
        out.append((str(name), cells, uncomputed))
    return out


CASES = (
    empty_sheets,
    excel_dates,
    formulas,
    formula_cells_xlsx,
    formula_cells_cached,
    merged_cells,
    missing_required_column,
    numeric_code_cells,
    unknown_kind,
    wrong_columns_xlsx,
)


@pytest.mark.parametrize("make", [every_value_type, *CASES], ids=lambda f: f.__name__)
def test_workbook_rows_merges_and_formulas_read_as_before(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    made = make(tmp_path)
    path = made if isinstance(made, Path) else made.path
    got = [(s.name, s.cells, s.uncomputed) for s in read(path)]
    assert got == expected(path)


def test_example_workbook_reads_as_before() -> None:
    path = REPO / "data" / "examples" / "projects_and_leaders.xlsx"
    got = [(s.name, s.cells, s.uncomputed) for s in read(path)]
    assert got == expected(path)
    assert sum(len(cells) for _, cells, _ in got) > 10


def test_merged_helper_fills_its_rows_and_header_merges_are_left_alone(tmp_path: Path) -> None:
    path = every_value_type(tmp_path)
    merged = next(s for s in read(path) if s.name == "合并")
    assert [row[0] for row in merged.cells] == ["帮扶单位", *["上海浦江实业集团有限公司"] * 3]
    # A merge within one row (a title or a header) fills nothing: openpyxl blanked C1 when merging.
    assert merged.cells[0][:3] == ["帮扶单位", "党组织", ""]


def test_a_workbook_written_without_the_regex_reader_s_namespace_prefixes_reads_the_same(tmp_path: Path) -> None:
    # xlsxwriter and openpyxl write the sheet XML differently (inline vs shared strings, prefixes);
    # both go through one parser.
    a = write_xlsx(tmp_path / "a.xlsx", {"结对": [PAIRINGS_HEADER, pairing_row()]})
    b = formula_cells_cached(tmp_path).path
    assert read(a)[0].cells[1] == list(pairing_row())
    assert read(b)[0].cells[1][0] == "上海浦江实业集团有限公司"
