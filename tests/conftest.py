"""Shared fixtures: a real Neo4j test server, started by the project's own code.

The test server is a separate managed instance (``REVKG_INSTANCE=test``, its own ports and
data folder), so running the tests never touches the graph ``revkg up`` serves. Set
``REVKG_INSTANCE``, ``REVKG_BOLT_PORT``/``REVKG_HTTP_PORT`` to run several test servers side by side;
the API port the tests serve on is picked free at run time.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    """A port nothing listens on right now (the kernel picks it), for servers a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


os.environ.setdefault("REVKG_ENVIRONMENT", "test")
os.environ.setdefault("REVKG_INSTANCE", "test")
os.environ.setdefault("REVKG_BOLT_PORT", "17687")
os.environ.setdefault("REVKG_HTTP_PORT", "17474")
# The API the Browser test serves, and that the test server's post-connect commands point at: never
# the 8000 a `make up` on the same machine holds.
os.environ.setdefault("REVKG_API_PORT", str(free_port()))
os.environ.setdefault("REVKG_WARM_ON_START", "false")  # each test's app would warm the graph again
os.environ.setdefault("REVKG_HEAP_SIZE", "1g")
os.environ.setdefault("REVKG_PAGECACHE_SIZE", "1g")
os.environ.pop("REVKG_NEO4J_URI", None)

from neo4j import Driver, GraphDatabase  # noqa: E402

from graph.db import connect  # noqa: E402
from graph.schema import install_schema  # noqa: E402
from graph.server import LocalNeo4j  # noqa: E402
from graph.settings import Settings, get_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
TEST_PROVINCES = ("31", "35")  # 上海, 福建: where the corpus reports come from

# Labels of the administrative spine that the gazetteer fixture loads once per session.
SPINE_LABELS = ("Province", "City", "District", "Town")


@contextmanager
def own_managed_server(settings: Settings, instance: str) -> Iterator[LocalNeo4j]:
    """A started managed server of its own (own folder, free ports, little memory), removed afterwards."""
    own = settings.model_copy(
        update={
            "instance": instance,
            "bolt_port": free_port(),
            "http_port": free_port(),
            "heap_size": "512m",
            "pagecache_size": "256m",
        }
    )
    server = LocalNeo4j(own)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.home, ignore_errors=True)


def plain_driver(settings: Settings) -> Driver:
    """A bare driver to ``settings``' server (no connectivity check): for a server a test starts itself."""
    return GraphDatabase.driver(
        settings.bolt_uri, auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value())
    )


@pytest.fixture(scope="session")
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(settings)
    server.start()
    yield server
    if os.environ.get("REVKG_KEEP_TEST_SERVER") != "1":
        server.stop()


@pytest.fixture(scope="session")
def driver(neo4j_server: LocalNeo4j, settings: Settings) -> Iterator[Driver]:
    drv = connect(settings)
    install_schema()
    yield drv
    drv.close()


@pytest.fixture(scope="session")
def gazetteer_dir(settings: Settings) -> Path:
    from loaders.gazetteer import ensure_downloaded

    return ensure_downloaded(settings.home / "gazetteer")


def reset_to_spine(driver: Driver) -> None:
    """Remove everything but the gazetteer's spine and reset villages to their loaded state."""
    driver.execute_query(
        "MATCH (n) WHERE NOT (n:Province OR n:City OR n:District OR n:Town OR (n:Village AND n.resolved = true)) "
        "DETACH DELETE n"
    )
    driver.execute_query("MATCH (:Village)-[r]->() WHERE type(r) <> 'PART_OF' DELETE r")
    driver.execute_query(
        "MATCH (v:Village) WHERE v.weak OR size(v.weak_categories) > 0 SET v.weak = false, v.weak_categories = []"
    )


def wipe(driver: Driver) -> None:
    """Delete every node, in batches (``CALL … IN TRANSACTIONS`` needs an auto-commit transaction)."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture
def graph(driver: Driver, gazetteer_dir: Path) -> Iterator[Driver]:
    """The test server with Shanghai and Fujian's gazetteer loaded; cleaned back after the test."""
    from loaders.gazetteer import load

    loaded = driver.execute_query(
        "MATCH (v:Village) WHERE v.code IN ['350304100201', '310151102216'] RETURN count(v) AS n"
    ).records[0]["n"]
    if loaded < 2:
        load(driver, gazetteer_dir, TEST_PROVINCES)
    yield driver
    reset_to_spine(driver)


@pytest.fixture
def empty_graph(driver: Driver) -> Iterator[Driver]:
    """The test server with nothing in it (schema kept); wiped again afterwards."""
    wipe(driver)
    yield driver
    wipe(driver)
