"""The named-query catalogue: headers parse, parameters are checked, every file compiles."""

from __future__ import annotations

import pytest

from graph import queries
from graph.errors import InvalidInput


def test_every_catalogue_file_declares_exactly_the_params_it_uses() -> None:
    for query in queries.catalogue():
        if query.name.startswith("schema/"):
            continue
        assert query.description, f"{query.name} has no description header"
        assert queries.used_params(query) == query.param_names, query.name


def test_check_params_refuses_undeclared_and_missing_parameters() -> None:
    query = queries.get("load/merge_villages")
    query.check_params({"rows": []})
    with pytest.raises(InvalidInput, match="undeclared"):
        query.check_params({"rows": [], "extra": 1})
    with pytest.raises(InvalidInput, match="missing"):
        query.check_params({})


def test_unknown_or_escaping_names_are_refused() -> None:
    with pytest.raises(KeyError):
        queries.get("../pyproject")
    with pytest.raises(KeyError):
        queries.get("analyses/no_such_query")


@pytest.mark.neo4j
def test_every_catalogue_query_compiles_with_explain(driver) -> None:
    for query in queries.catalogue():
        if query.name.startswith("schema/"):
            continue
        params = {name: None for name in query.param_names}
        with driver.session() as session:
            session.run("EXPLAIN " + query.text, **params).consume()
