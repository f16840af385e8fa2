"""``revkg analyze …`` against the test server: readable tables and .csv / .xlsx files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from api.cli import app
from tests.conftest import reset_to_spine
from tests.factories import AS_OF, build_chongming

pytestmark = pytest.mark.neo4j

runner = CliRunner()


@pytest.fixture
def demo(graph: Driver) -> Iterator[Driver]:
    from neomodel import db as neomodel_db

    reset_to_spine(graph)
    build_chongming(graph)
    yield graph
    neomodel_db.set_connection(driver=graph)  # each command handed neomodel its own driver and closed it


def test_analyze_uncovered_for_chongming_writes_an_excel_file(demo: Driver, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "uncovered.xlsx"
    result = runner.invoke(
        app, ["analyze", "uncovered", "--district", "崇明区", "--as-of", AS_OF.isoformat(), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["区县代码", "区县", "街镇代码", "街镇", "村代码", "村名"]
    rows = list(sheet.iter_rows(min_row=2))
    assert [r[header.index("村名")].value for r in rows] == ["彷徨村", "新建村", "东新村"]
    assert all(r[header.index("村代码")].data_type == "s" for r in rows)


def test_analyze_out_to_a_folder_names_the_file_for_what_where_and_when_with_english_headers(
    demo: Driver,
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(
        app,
        [
            "analyze",
            "uncovered",
            "--district",
            "崇明区",
            "--as-of",
            AS_OF.isoformat(),
            "--out",
            str(tmp_path),
            "--headers",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    written = tmp_path / "未结对薄弱村_崇明区_2024-06-30.xlsx"
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    assert [c.value for c in load_workbook(written).active[1]][4:6] == ["code", "village"]


def test_analyze_helpers_prints_a_table(demo: Driver) -> None:
    result = runner.invoke(app, ["analyze", "helpers", "--as-of", AS_OF.isoformat()], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "崇明区民政局" in result.output and "Helper load" in result.output


def test_analyze_coverage_per_town_to_csv_and_an_unknown_district_exits_1(demo: Driver, tmp_path: Path) -> None:
    out = tmp_path / "coverage.csv"
    ok = runner.invoke(
        app,
        [
            "analyze",
            "coverage",
            "--level",
            "town",
            "--parent",
            "310151",
            "--as-of",
            AS_OF.isoformat(),
            "--out",
            str(out),
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "堡镇" in out.read_text(encoding="utf-8-sig")
    bad = runner.invoke(app, ["analyze", "uncovered", "--district", "不存在区"])
    assert bad.exit_code == 1
