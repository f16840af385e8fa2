"""Schema installation: idempotent, and every declared key becomes a uniqueness constraint."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from graph.schema import ALL_NODE_CLASSES, install_schema, schema_from_models

pytestmark = pytest.mark.neo4j


def _schema_snapshot(driver) -> tuple[set[str], set[str]]:
    constraints = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    indexes = {r["name"] for r in driver.execute_query("SHOW INDEXES YIELD name").records}
    return constraints, indexes


def test_applying_schema_twice_changes_nothing(driver) -> None:
    install_schema()
    first = _schema_snapshot(driver)
    install_schema()
    assert _schema_snapshot(driver) == first


def test_every_label_has_a_unique_natural_key(driver) -> None:
    constraints = driver.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' "
        "RETURN labelsOrTypes[0] AS label, properties[0] AS prop"
    ).records
    keyed = {r["label"] for r in constraints}
    assert {cls.__label__ for cls in ALL_NODE_CLASSES} <= keyed
    spine = {(r["label"], r["prop"]) for r in constraints}
    for label in ("Province", "City", "District", "Town", "Village"):
        assert (label, "code") in spine


def test_duplicate_village_code_is_refused_by_the_database(empty_graph) -> None:
    empty_graph.execute_query("CREATE (:Village {uid: 'a', code: '310151102216', name: 'x'})")
    with pytest.raises(ConstraintError):
        empty_graph.execute_query("CREATE (:Village {uid: 'b', code: '310151102216', name: 'y'})")


def test_unresolved_villages_without_code_can_coexist(empty_graph) -> None:
    empty_graph.execute_query(
        "CREATE (:Village {uid: 'unresolved:310151102:甲村', name: '甲村', resolved: false, status: 'unknown'}), "
        "(:Village {uid: 'unresolved:310151103:甲村', name: '甲村', resolved: false, status: 'unknown'})"
    )
    n = empty_graph.execute_query("MATCH (v:Village {name: '甲村'}) WHERE v.code IS NULL RETURN count(v) AS n").records[
        0
    ]["n"]
    assert n == 2


def test_schema_statements_are_all_idempotent_forms() -> None:
    assert all("IF NOT EXISTS" in s for s in schema_from_models())


def test_a_full_text_index_declared_with_other_labels_is_rebuilt_as_declared(driver) -> None:
    def labels() -> list[str]:
        rec = driver.execute_query(
            "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE name = 'entity_names' RETURN labelsOrTypes"
        ).records
        return sorted(rec[0]["labelsOrTypes"]) if rec else []

    install_schema()
    declared = labels()
    assert "Organization" in declared and "Village" not in declared
    driver.execute_query("DROP INDEX entity_names")
    driver.execute_query("CREATE FULLTEXT INDEX entity_names FOR (n:Village|Organization) ON EACH [n.name]")
    install_schema()
    assert labels() == declared
