"""Fixtures of the reliability tests: the place index and large pairing registers of real villages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver
from neomodel import db as neomodel_db

from graph.db import connect
from graph.schema import install_schema
from graph.server import LocalNeo4j
from graph.settings import Settings
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
    if (
        driver.execute_query("MATCH (v:Village) WHERE v.code STARTS WITH '31' RETURN count(v) AS n").records[0]["n"]
        < 1000
    ):
        gazetteer.load(driver, gazetteer_dir, TEST_PROVINCES)
    villages = driver.execute_query(
        "MATCH (v:Village)-[:PART_OF]->(t:Town)-[:PART_OF]->(d:District) WHERE v.code STARTS WITH '31' "
        "RETURN d.name AS district, t.name AS town, v.name AS village, v.code AS code ORDER BY v.code LIMIT $n",
        n=REGISTER_ROWS,
    ).records
    assert len(villages) == REGISTER_ROWS
    rows = [
        (
            f"测试帮扶单位{i % 60:02d}有限公司",
            "",
            "",
            r["district"],
            r["town"],
            r["village"],
            r["code"],
            f"202{i % 4}-0{1 + i % 9}-15",
            "",
            "第三轮",
        )
        for i, r in enumerate(villages)
    ]
    folder = tmp_path_factory.mktemp("kill")
    return {n: write_csv(folder / f"pairings_{n}.csv", PAIRINGS_HEADER, rows[:n]) for n in (QUICK_ROWS, REGISTER_ROWS)}


@dataclass
class OwnServer:
    """A managed Neo4j instance of a test module's own, which it may kill, stop and restart."""

    server: LocalNeo4j
    driver: Driver

    @property
    def settings(self) -> Settings:
        return self.server.settings

    def env(self) -> dict[str, str]:
        """The environment a ``revkg`` command or loader child needs to reach this instance."""
        s = self.settings
        return {
            **os.environ,
            "REVKG_INSTANCE": s.instance,
            "REVKG_BOLT_PORT": str(s.bolt_port),
            "REVKG_HTTP_PORT": str(s.http_port),
            "REVKG_HEAP_SIZE": s.heap_size,
            "REVKG_PAGECACHE_SIZE": s.pagecache_size,
            "REVKG_LOCK_TIMEOUT_S": str(s.lock_timeout_s),
        }


@pytest.fixture(scope="session")
def own_server(settings: Settings, driver: Driver, gazetteer_dir: Path) -> Iterator[OwnServer]:
    """A second instance beside the session's, with a 2 s lock wait so a held lock gives a transient
    error quickly; Shanghai and Fujian's gazetteer loaded. Its ports are ``REVKG_OWN_PORT_OFFSET`` (10)
    above the session's; ``REVKG_OWN_SUFFIX`` names it apart, so two runs can share a session server."""
    offset = int(os.environ.get("REVKG_OWN_PORT_OFFSET", "10"))
    own = settings.model_copy(
        update={
            "instance": f"{settings.instance}-own{os.environ.get('REVKG_OWN_SUFFIX', '')}",
            "bolt_port": settings.bolt_port + offset,
            "http_port": settings.http_port + offset,
            "heap_size": "768m",
            "pagecache_size": "256m",
            "lock_timeout_s": 2,
        }
    )
    server = LocalNeo4j(own)
    server.start()
    own_driver = connect(own)
    try:
        try:
            install_schema()  # through neomodel, which connect() pointed at this instance ...
        finally:
            neomodel_db.set_connection(driver=driver)  # ... and back at the session's for the other tests
        gazetteer.load(own_driver, gazetteer_dir, TEST_PROVINCES)
        yield OwnServer(server, own_driver)
    finally:
        own_driver.close()
        LocalNeo4j(own).stop()  # whoever started it last (a `revkg neo4j start` in a test), by its pid file
