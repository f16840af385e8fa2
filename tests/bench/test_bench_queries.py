"""The bench's own queries (``bench/cypher/``): headers match what the text uses, and each compiles."""

from __future__ import annotations

import pytest
from neo4j import Driver

from bench.context import BENCH_CYPHER, baseline_named_query
from graph import queries

NAMES = sorted(p.stem for p in BENCH_CYPHER.glob("*.cypher"))


def test_every_bench_query_has_a_description_and_declares_exactly_the_params_it_uses() -> None:
    assert len(NAMES) > 10
    for name in NAMES:
        query = baseline_named_query(name)
        assert query.description, f"bench/cypher/{name}.cypher has no description header"
        assert queries.used_params(query) == query.param_names, name


@pytest.mark.neo4j
def test_every_bench_query_compiles_with_explain(driver: Driver) -> None:
    for name in NAMES:
        query = baseline_named_query(name)
        with driver.session() as session:
            session.run("EXPLAIN " + query.text, {p: None for p in query.param_names}).consume()
