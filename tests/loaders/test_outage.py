"""``OutageGuard``: an unreachable server during a file's writes becomes ``LoadInterrupted`` naming the
file, its committed rows and what is left; other errors pass through unchanged."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ClientError, ServiceUnavailable

from graph.errors import DatabaseUnavailable, LoadInterrupted
from loaders.outage import OutageGuard


@pytest.mark.parametrize(
    "error",
    [ServiceUnavailable("connection refused"), DatabaseUnavailable("Neo4j is not reachable; retry shortly")],
    ids=["driver error", "graph.records' error"],
)
def test_an_outage_while_writing_the_second_file_names_it_and_what_is_left(error: Exception) -> None:
    guard = OutageGuard(["a.csv", "b.csv", "c.csv"])
    with guard.writing("a.csv"):
        guard.counting("written", 250)
    with pytest.raises(LoadInterrupted) as raised, guard.writing("b.csv"):
        guard.counting("written", 250)
        guard.counting("written", 250)
        raise error
    outage = raised.value
    assert (outage.source, outage.rows_committed, outage.loaded, outage.pending) == (
        "b.csv",
        500,
        ["a.csv"],
        ["b.csv", "c.csv"],
    )
    assert "while writing b.csv; 500 of its rows were committed" in str(outage)


def test_an_error_that_is_not_an_outage_passes_through() -> None:
    guard = OutageGuard(["a.csv"])
    with pytest.raises(ClientError), guard.writing("a.csv"):
        raise ClientError("syntax error")


def test_an_outage_before_any_write_says_nothing_was_written() -> None:
    guard = OutageGuard(["a.txt"])
    with pytest.raises(LoadInterrupted, match="before anything was written"), guard.reading():
        raise ServiceUnavailable("gone")
