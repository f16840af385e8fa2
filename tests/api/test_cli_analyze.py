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
    result = runner.invoke(app, ["analyze", "uncovered", "--district", "崇明区", "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["彷徨村", "新建村", "东新村"]


def test_analyze_helpers_prints_a_table(demo: Driver) -> None:
    result = runner.invoke(app, ["analyze", "helpers", "--as-of", AS_OF.isoformat()], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "崇明区民政局" in result.output and "Helper load" in result.output


def test_analyze_coverage_per_town_to_csv_and_an_unknown_district_exits_1(demo: Driver, tmp_path: Path) -> None:
    out = tmp_path / "coverage.csv"
    ok = runner.invoke(app, ["analyze", "coverage", "--level", "town", "--parent", "310151", "--as-of", AS_OF.isoformat(), "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    assert "堡镇" in out.read_text(encoding="utf-8-sig")
    bad = runner.invoke(app, ["analyze", "uncovered", "--district", "不存在区"])
    assert bad.exit_code == 1
