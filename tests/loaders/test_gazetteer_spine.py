"""A complete spine or a clear failure: after any gazetteer load the graph is checked per province and
level against the code table, what is short is loaded again, and a load that does not finish says so
and exits non-zero."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver
from neo4j.exceptions import TransientError
from typer.testing import CliRunner

from api.cli import app
from loaders import gazetteer

pytestmark = pytest.mark.neo4j
runner = CliRunner()
TOWN = "350304100"  # a town of 福建 荔城区 whose villages this test takes apart and the check puts back


def test_the_spine_check_counts_per_province_what_the_code_table_holds(graph: Driver, gazetteer_dir: Path) -> None:
    check = gazetteer.check_spine(graph, gazetteer_dir, ["31", "35"])
    assert check.missing == {}
    assert check.loaded["31"] == check.expected["31"] and check.expected["31"]["province"] == 1
    assert check.expected["35"]["village"] > 10_000


def test_units_missing_or_cut_from_their_parent_are_found_and_loaded_again(graph: Driver, gazetteer_dir: Path) -> None:
    villages = graph.execute_query(
        "MATCH (v:Village)-[r:PART_OF]->(:Town {code: $town}) RETURN v.code AS code ORDER BY code", town=TOWN
    ).records
    assert len(villages) >= 3
    gone, cut = villages[0]["code"], [r["code"] for r in villages[1:3]]
    graph.execute_query("MATCH (v:Village {code: $code}) DETACH DELETE v", code=gone)
    graph.execute_query("MATCH (v:Village)-[r:PART_OF]->() WHERE v.code IN $codes DELETE r", codes=cut)

    assert gazetteer.check_spine(graph, gazetteer_dir, ["35"]).missing == {"35": {"village": 3}}
    completed = gazetteer.complete_spine(graph, gazetteer_dir, ["31", "35"])
    assert completed.completed == ["35"] and completed.missing == {}
    back = graph.execute_query(
        "MATCH (v:Village)-[:PART_OF]->(:Town {code: $town}) RETURN count(v) AS n", town=TOWN
    ).records[0]["n"]
    assert back == len(villages)


def test_a_province_still_short_after_loading_again_is_an_error_naming_it(
    graph: Driver, gazetteer_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = graph.execute_query(
        "MATCH (v:Village)-[:PART_OF]->(:Town {code: $town}) RETURN v.code AS code LIMIT 1", town=TOWN
    ).records[0]["code"]
    graph.execute_query("MATCH (v:Village {code: $code}) DETACH DELETE v", code=code)
    try:
        monkeypatch.setattr(gazetteer, "load", lambda *args, **kwargs: None)  # a load that writes nothing
        with pytest.raises(gazetteer.GazetteerIncomplete, match="35: 1 village"):
            gazetteer.complete_spine(graph, gazetteer_dir, ["35"])
    finally:
        monkeypatch.undo()
        gazetteer.complete_spine(graph, gazetteer_dir, ["35"])


def test_a_gazetteer_load_that_does_not_finish_says_so_and_exits_non_zero(
    graph: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise TransientError._hydrate_neo4j(code="Neo.TransientError.General.DatabaseUnavailable", message="gone")

    monkeypatch.setattr(gazetteer, "load", broken)
    result = runner.invoke(app, ["load", "gazetteer", "--provinces", "31"])
    assert result.exit_code == 3
    assert "区划代码表没有加载完" in result.output and "再运行" in result.output
