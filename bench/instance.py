"""The benchmark's own managed Neo4j instance, and the ways a phase starts from an empty store.

Community edition cannot ``CREATE OR REPLACE DATABASE``, and deleting 700,000 nodes through Cypher
takes longer than the loads being measured, so an empty graph is made by stopping the server and
removing the ``neo4j`` database's store and transaction logs (``system`` and the password stay).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from neo4j import Driver

from bench.context import baseline_query
from graph.db import connect
from graph.schema import install_schema
from graph.server import LocalNeo4j
from graph.settings import Settings

BENCH_SETTINGS: dict[str, Any] = {
    "instance": "bench",
    "bolt_port": 27687,
    "http_port": 27474,
    "heap_size": "4g",
    "pagecache_size": "6g",
    "neo4j_uri": None,
    "environment": "development",
}

# Several people may benchmark on one machine; each names its own instance through these.
BENCH_OVERRIDES = {
    "REVKG_BENCH_INSTANCE": ("instance", str),
    "REVKG_BENCH_BOLT_PORT": ("bolt_port", int),
    "REVKG_BENCH_HTTP_PORT": ("http_port", int),
    "REVKG_BENCH_HEAP_SIZE": ("heap_size", str),
    "REVKG_BENCH_PAGECACHE_SIZE": ("pagecache_size", str),
}


SMALL_GRAPH_NODES = 100_000


def bench_settings() -> Settings:
    chosen = dict(BENCH_SETTINGS)
    for variable, (field, convert) in BENCH_OVERRIDES.items():
        if os.environ.get(variable):
            chosen[field] = convert(os.environ[variable])
    return Settings(**chosen)


class BenchServer:
    """One ``LocalNeo4j`` instance the benchmark may wipe at will."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or bench_settings()
        self.server = LocalNeo4j(self.settings)
        self._driver: Driver | None = None

    @property
    def import_dir(self) -> Path:
        return self.server.import_dir

    def driver(self) -> Driver:
        if self._driver is None:
            self.server.start()
            self._driver = connect(self.settings)
        return self._driver

    def close_driver(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def stop(self) -> None:
        self.close_driver()
        self.server.stop()

    def fresh(self, *, schema: bool = True) -> Driver:
        """An empty ``neo4j`` database with revkg's schema (unless told not to).

        A small graph is deleted through Cypher (quick runs); a large one by stopping the server and
        removing the store, which is faster than deleting hundreds of thousands of nodes.
        """
        if self._driver is not None and self.server.pid() is not None:
            n = self._driver.execute_query(baseline_query("count_nodes")).records[0]["n"]
            if n <= SMALL_GRAPH_NODES:
                with self._driver.session() as session:
                    session.run(baseline_query("delete_all_nodes")).consume()
                if schema:
                    install_schema()
                    await_indexes(self._driver)
                return self._driver
        self.stop()
        self.server.write_config()
        self.server.remove_database_store()
        driver = self.driver()
        if schema:
            install_schema()
            await_indexes(driver)
        return driver

    def admin_import(self, args: list[str], log: Path) -> float:
        """Run ``neo4j-admin database import full neo4j <args>`` into an emptied, stopped instance.

        Returns the tool's wall time in seconds (JVM start-up included, as a user would see it).
        """
        self.close_driver()
        return self.server.import_full(args, log)

    def versions(self) -> dict[str, str]:
        rec = self.driver().execute_query(baseline_query("server_version")).records[0]
        return {"neo4j": f"{rec['v']} {rec['edition']}"}

    def memory(self) -> dict[str, Any]:
        """Heap and page-cache figures the server reports about itself (JMX beans are off)."""
        out: dict[str, Any] = {"heap_max": self.settings.heap_size, "pagecache_size": self.settings.pagecache_size}
        pid = self.server.pid()
        if pid:
            out["rss_bytes"] = _rss(pid)
            out["peak_rss_bytes"] = _rss(pid, "VmHWM")
        return out


def _rss(pid: int, field: str = "VmRSS") -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def await_indexes(driver: Driver, timeout_s: int = 600) -> None:
    with driver.session() as session:
        session.run(baseline_query("await_indexes"), timeout_s=timeout_s).consume()


@contextmanager
def running(server: BenchServer) -> Iterator[BenchServer]:
    try:
        yield server
    finally:
        server.stop()
