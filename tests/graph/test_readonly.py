"""The read-only runner's guards, each on its own: the plan check, and READ access underneath it."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph import readonly
from graph.errors import InvalidInput

pytestmark = pytest.mark.neo4j


def test_read_access_refuses_a_write_even_when_the_plan_check_is_bypassed(
    graph: Driver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(readonly, "refusal", lambda query_type, operators: None)
    with pytest.raises(InvalidInput, match="refused"):
        readonly.run_read_only(graph, "CREATE (:Intruder {name: 'x'})")
    assert not graph.execute_query("MATCH (n:Intruder) RETURN n LIMIT 1").records


def test_a_statement_that_does_not_compile_is_reported_as_invalid(graph: Driver) -> None:
    with pytest.raises(InvalidInput, match="does not compile"):
        readonly.run_read_only(graph, "MATCH (n RETURN n")


def test_parameters_reach_the_statement_as_parameters(graph: Driver) -> None:
    result = readonly.run_read_only(graph, "MATCH (d:District {code: $code}) RETURN d.name AS name", {"code": "310151"})
    assert result.rows == [{"name": "崇明区"}] and not result.truncated
