"""Fixtures of the reliability tests: the place index and large pairing registers of real villages."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from loaders import gazetteer
from loaders.places import PlaceIndex
from tests.conftest import TEST_PROVINCES
from tests.loaders.register_files import PAIRINGS_HEADER, write_csv

REGISTER_ROWS = 3000  # the 20-kill loop's file; the quick runs use its first QUICK_ROWS rows
QUICK_ROWS = 1000


@pytest.fixture(scope="session")
def index(gazetteer_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES)


@pytest.fixture(scope="session")
def registers(tmp_path_factory: pytest.TempPathFactory, driver: Driver, gazetteer_dir: Path) -> dict[int, Path]:
    """Pairings of real Shanghai villages by 60 units, villages given by code: rows → file."""
    if driver.execute_query("MATCH (v:Village) WHERE v.code STARTS WITH '31' RETURN count(v) AS n").records[0]["n"] < 1000:
        gazetteer.load(driver, gazetteer_dir, TEST_PROVINCES)
    villages = driver.execute_query(
        "MATCH (v:Village)-[:PART_OF]->(t:Town)-[:PART_OF]->(d:District) WHERE v.code STARTS WITH '31' "
        "RETURN d.name AS district, t.name AS town, v.name AS village, v.code AS code ORDER BY v.code LIMIT $n",
        n=REGISTER_ROWS).records
    assert len(villages) == REGISTER_ROWS
    rows = [(f"测试帮扶单位{i % 60:02d}有限公司", "", "", r["district"], r["town"], r["village"], r["code"],
             f"202{i % 4}-0{1 + i % 9}-15", "", "第三轮") for i, r in enumerate(villages)]
    folder = tmp_path_factory.mktemp("kill")
    return {n: write_csv(folder / f"pairings_{n}.csv", PAIRINGS_HEADER, rows[:n]) for n in (QUICK_ROWS, REGISTER_ROWS)}


