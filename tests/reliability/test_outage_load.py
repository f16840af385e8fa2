"""A load cut off by a Neo4j outage fails loudly (``LoadInterrupted``: the file, its committed rows,
what to re-run), and re-running it once Neo4j is back gives the full
graph: the same checksum as a load that was never interrupted.

The session's own test server is stopped from inside the loader's progress callback, right after a
batch was committed, so the outage always falls between two batches of the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.db import connect
from graph.errors import LoadInterrupted
from graph.server import LocalNeo4j
from graph.settings import Settings
from loaders import register
from loaders.places import PlaceIndex
from tests.conftest import reset_to_spine
from tests.reliability.conftest import QUICK_ROWS
from tests.reliability.graphsum import graph_sum

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]  # a server stop and start: ~1-2 min on the shared machine
BATCH = 100


def test_register_load_cut_by_an_outage_is_completed_by_a_rerun(
    graph: Driver, neo4j_server: LocalNeo4j, settings: Settings, index: PlaceIndex, registers: dict[int, Path]
) -> None:
    path = registers[QUICK_ROWS]
    sid = register.source_id(path.name)
    reset_to_spine(graph)
    register.load(graph, [path], index, batch_size=BATCH)
    expected = graph_sum(graph, facts_only=True)
    reset_to_spine(graph)

    written: list[int] = []

    def stop_after_two_batches(stage: str, n: int) -> None:
        if stage == "written":
            written.append(n)
            if len(written) == 2:
                neo4j_server.stop()

    loader = connect(settings, retry_s=3)  # a loader's own driver; short retry so the failure is quick
    try:
        with pytest.raises(LoadInterrupted) as interrupted:
            register.load(loader, [path], index, batch_size=BATCH, on_rows=stop_after_two_batches)
    finally:
        loader.close()
        neo4j_server.start()
    assert sum(written) == 2 * BATCH
    # The error says which file, how much of it is in, and that the re-run must load it again.
    outage = interrupted.value
    assert (outage.source, outage.rows_committed, outage.loaded, outage.pending) == (
        path.name,
        2 * BATCH,
        [],
        [path.name],
    )
    assert f"while writing {path.name}; {2 * BATCH} of its rows were committed" in str(outage)

    partial = graph.execute_query(
        "MATCH ()-[r:PAIRED_WITH {source_id: $sid}]->() RETURN count(r) AS n, "
        "head(collect { MATCH (d:Document {uid: $sid}) RETURN d.sha256 }) AS sha",
        sid=sid,
    ).records[0]
    assert partial["n"] == 2 * BATCH and partial["sha"] is None  # what was committed survived; not marked done

    again = register.load(graph, [path], index, batch_size=BATCH)
    assert again.files[path.name]["changed"]  # the unfinished file is redone in full
    assert graph_sum(graph, facts_only=True) == expected
