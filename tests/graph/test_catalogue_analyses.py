"""The analyses catalogue as analysts meet it: headers, Browser examples, the guide built from them."""

from __future__ import annotations

import re

import pytest
from neo4j import Driver

from graph import queries
from graph.browser import GUIDE, render_guide

ANALYSES = queries.catalogue("analyses")
_EXAMPLE = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+)$")


def examples(query: queries.NamedQuery) -> dict[str, str]:
    return {m.group(1): m.group(2) for line in query.text.splitlines() if (m := _EXAMPLE.match(line))}


@pytest.mark.parametrize("query", ANALYSES, ids=[q.name for q in ANALYSES])
def test_every_analysis_declares_what_it_uses_and_gives_a_browser_example_for_each_param(query) -> None:
    assert query.description
    assert queries.used_params(query) == query.param_names
    assert set(examples(query)) == query.param_names, "each @param needs a // :param example for Browser"
    assert all(p.type in {"STRING", "INTEGER", "DATE", "LIST", "FLOAT", "BOOLEAN", "MAP"} for p in query.params)


@pytest.mark.neo4j
@pytest.mark.parametrize("query", ANALYSES, ids=[q.name for q in ANALYSES])
def test_every_analysis_compiles_with_its_browser_example_values(driver: Driver, query) -> None:
    # The examples are Cypher expressions (date('2024-06-30'), 3, null): let the server evaluate them.
    values = {}
    for name, expression in examples(query).items():
        values[name] = driver.execute_query(f"RETURN {expression} AS v").records[0]["v"]
    with driver.session() as session:
        session.run("EXPLAIN " + query.text, values).consume()


def test_the_committed_browser_guide_is_rendered_from_the_current_catalogue() -> None:
    assert GUIDE.read_text(encoding="utf-8") == render_guide(), "run: python -m graph.browser"
