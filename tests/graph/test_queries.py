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


def test_batch_writes_are_refused_when_their_parameters_differ_from_the_header(driver) -> None:
    from graph.db import BatchWriter

    writer = BatchWriter(driver)
    with pytest.raises(InvalidInput, match="undeclared parameters \\['source'\\]"):
        writer.write("load/merge_provinces", [{"code": "99", "name": "x"}], params={"source": "y"})
    with pytest.raises(InvalidInput, match="missing parameters \\['source_id'\\]"):
        writer.write("load/merge_register_pairings", [])
    with pytest.raises(InvalidInput, match="missing parameters \\['uid'\\]"):
        writer.statement("load/mark_document_loaded", sha256=None)
    assert writer.counts.rows == 0


def test_batch_writes_report_rows_batches_and_no_retries_on_a_quiet_server(driver) -> None:
    from graph.db import BatchWriter

    writer = BatchWriter(driver, batch_size=2)
    rows = [{"code": f"9{i}", "name": f"测试省{i}", "full_name": f"测试省{i}"} for i in range(5)]
    try:
        counts = writer.write("load/merge_provinces", rows)
        assert (counts.rows, counts.batches, counts.retries) == (5, 3, 0)
    finally:
        driver.execute_query(
            "MATCH (p:Province) WHERE p.code STARTS WITH '9' AND p.name STARTS WITH '测试省' DETACH DELETE p"
        )


def test_only_a_concurrent_loads_lock_or_delete_is_tried_again_not_an_outage_or_a_bad_query() -> None:
    from neo4j.exceptions import ClientError, TransientError

    from graph.db import retryable_write_error

    def error(cls: type, code: str) -> Exception:
        return cls._hydrate_neo4j(code=code, message="x")  # type: ignore[attr-defined, no-any-return]  # the driver's own constructor

    assert retryable_write_error(error(TransientError, "Neo.TransientError.Transaction.DeadlockDetected"))
    assert retryable_write_error(error(TransientError, "Neo.TransientError.Transaction.LockAcquisitionTimeout"))
    assert retryable_write_error(error(ClientError, "Neo.ClientError.Statement.EntityNotFound"))
    assert not retryable_write_error(error(TransientError, "Neo.TransientError.General.DatabaseUnavailable"))
    assert not retryable_write_error(error(ClientError, "Neo.ClientError.Statement.SyntaxError"))
