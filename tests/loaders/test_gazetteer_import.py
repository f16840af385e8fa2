"""The code table's first load into an empty managed graph through neo4j-admin import.

Run as a user runs it (``revkg load gazetteer`` in a subprocess) on a managed instance of its own:
the empty graph is built offline, the server is up again afterwards with every constraint and index
online, and the next load goes through Bolt and finds nothing to add.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph.schema import schema_from_models
from graph.server import LocalNeo4j
from graph.settings import Settings
from loaders import gazetteer
from loaders.gazetteer_import import first_load, graph_is_empty
from tests.conftest import REPO, own_managed_server, plain_driver

pytestmark = [pytest.mark.neo4j, pytest.mark.timeout(900)]

PROVINCE = "31"  # 上海: 6,509 villages


@pytest.fixture(scope="module")
def instance(settings: Settings) -> Iterator[LocalNeo4j]:
    with own_managed_server(settings, f"import-test-{os.getpid()}") as server:
        yield server


def _revkg(s: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVKG_")}
    env.update(
        REVKG_INSTANCE=s.instance,
        REVKG_BOLT_PORT=str(s.bolt_port),
        REVKG_HTTP_PORT=str(s.http_port),
        REVKG_HEAP_SIZE=s.heap_size,
        REVKG_PAGECACHE_SIZE=s.pagecache_size,
        REVKG_ENVIRONMENT="development",
    )
    revkg = Path(sys.executable).parent / "revkg"
    return subprocess.run([str(revkg), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=800)


def _counts(drv: Driver) -> dict[str, int]:
    rows = drv.execute_query("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n").records
    counts = {r["label"]: r["n"] for r in rows}
    counts["PART_OF"] = drv.execute_query("MATCH ()-[r:PART_OF]->() RETURN count(r) AS n").records[0]["n"]
    return counts


def test_a_first_load_whose_code_table_cannot_be_read_leaves_the_server_running(
    instance: LocalNeo4j, tmp_path: Path
) -> None:
    # The server stops while the importer's files are written; a code table that fails there
    # must not leave the planner's server down.
    with pytest.raises(OSError):
        first_load(instance.settings, tmp_path / "no-such-table", [PROVINCE])
    with plain_driver(instance.settings) as drv:
        assert graph_is_empty(drv, instance.settings.neo4j_database)


def test_the_first_load_into_an_empty_managed_graph_is_an_offline_import_and_reloads_go_through_bolt(
    instance: LocalNeo4j, gazetteer_dir: Path
) -> None:
    s = instance.settings
    with plain_driver(s) as drv:
        assert graph_is_empty(drv, s.neo4j_database)
    expected = gazetteer.count_rows(gazetteer_dir, [PROVINCE])

    first = _revkg(s, "load", "gazetteer", "--provinces", PROVINCE)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "neo4j-admin 导入" in first.stdout  # the first load says it goes through the importer
    assert f"村居 {expected['village']:,}" in first.stdout

    with plain_driver(s) as drv:
        counts = _counts(drv)
        assert {label: counts[label] for label in ("Province", "City", "District", "Town", "Village")} == {
            "Province": 1,
            "City": expected["city"],
            "District": expected["district"],
            "Town": expected["town"],
            "Village": expected["village"],
        }
        assert counts["PART_OF"] == sum(expected.values()) - expected["province"]
        village = drv.execute_query(
            "MATCH (v:Village {code: '310151102216'})-[:PART_OF]->(t:Town)-[:PART_OF]->(d:District) "
            "RETURN v {.*} AS v, t.code AS town, d.code AS district"
        ).records[0]
        assert village["town"] == "310151102" and village["district"] == "310151"
        assert village["v"]["uid"] == "310151102216" and village["v"]["resolved"] is True
        assert village["v"]["weak"] is False and village["v"]["name"] and village["v"]["full_name"]
        states = drv.execute_query("SHOW INDEXES YIELD name, state RETURN name, state").records
        assert states and all(r["state"] == "ONLINE" for r in states)
        constraints = {r["name"] for r in drv.execute_query("SHOW CONSTRAINTS YIELD name RETURN name").records}
        declared = {st.split()[2] for st in schema_from_models() if st.startswith("CREATE CONSTRAINT")}
        assert declared <= constraints

    again = _revkg(s, "load", "gazetteer", "--provinces", PROVINCE)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "neo4j-admin 导入" not in again.stdout
    with plain_driver(s) as drv:
        assert _counts(drv) == counts
