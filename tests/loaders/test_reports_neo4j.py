"""Loading reports into Neo4j: idempotency, replacement of a changed report, traceability, review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from loaders import reports
from loaders.places import PlaceIndex
from tests.conftest import CORPUS, TEST_PROVINCES

pytestmark = pytest.mark.neo4j

REPORT = "000_9edabbf90e428618"


@pytest.fixture(scope="module")
def index(gazetteer_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES)


def _snapshot(driver: Driver) -> tuple[int, int]:
    rec = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels"
    ).records[0]
    return rec["nodes"], rec["rels"]


def test_loading_a_report_twice_changes_nothing(graph: Driver, index: PlaceIndex) -> None:
    path = CORPUS / f"{REPORT}.txt"
    first = reports.load(graph, [path], index)
    assert first.written == [f"report:{REPORT}"]
    after_first = _snapshot(graph)
    second = reports.load(graph, [path], index)
    assert second.unchanged == [f"report:{REPORT}"]
    assert _snapshot(graph) == after_first
    forced = reports.load(graph, [path], index, force=True)
    assert forced.written and _snapshot(graph) == after_first


def test_changed_report_replaces_its_old_facts(graph: Driver, index: PlaceIndex, tmp_path: Path) -> None:
    path = tmp_path / f"{REPORT}.txt"
    shutil.copy(CORPUS / f"{REPORT}.txt", path)
    reports.load(graph, [path], index)
    before = graph.execute_query(
        "MATCH ()-[r:PAIRED_WITH {source_id: $s}]->() RETURN count(r) AS n", s=f"report:{REPORT}"
    ).records[0]["n"]
    assert before > 0
    # Keep only the first two paragraphs: pairings from later paragraphs must disappear.
    path.write_text("\n".join(path.read_text(encoding="utf-8").split("\n")[:2]) + "\n", encoding="utf-8")
    reports.load(graph, [path], index)
    rows = graph.execute_query(
        "MATCH (h)-[r:PAIRED_WITH {source_id: $s}]->(v) RETURN h.name AS h, v.name AS v", s=f"report:{REPORT}"
    ).records
    assert 0 < len(rows) < before
    assert not any(r["h"] == "置业集团" for r in rows)
    sha = graph.execute_query("MATCH (d:Document {uid: $u}) RETURN d.sha256 AS s", u=f"report:{REPORT}").records
    assert sha[0]["s"] == reports.read(path).sha256


def test_every_loaded_fact_traces_back_to_its_text(graph: Driver, index: PlaceIndex) -> None:
    path = CORPUS / f"{REPORT}.txt"
    reports.load(graph, [path], index)
    text = path.read_text(encoding="utf-8")
    mentions = graph.execute_query(
        "MATCH (:Document {uid: $u})-[m:MENTIONS]->() RETURN m.start AS s, m.end AS e, m.surface AS surface, "
        "m.method AS method, m.confidence AS c",
        u=f"report:{REPORT}",
    ).records
    assert mentions
    for m in mentions:
        assert text[m["s"] : m["e"]] == m["surface"] and m["method"] and m["c"] is not None
    pairings = graph.execute_query(
        "MATCH ()-[r:PAIRED_WITH {source_id: $u}]->() RETURN r.evidence AS ev, r.source_loc AS loc",
        u=f"report:{REPORT}",
    ).records
    assert pairings and all(p["ev"] and p["loc"].startswith("chars ") for p in pairings)


def test_ambiguous_village_is_unresolved_node_never_a_wrong_code(graph: Driver, index: PlaceIndex) -> None:
    reports.load(graph, [CORPUS / f"{REPORT}.txt"], index)
    rows = graph.execute_query(
        "MATCH (h:Organization)-[:PAIRED_WITH]->(v:Village {name: '红星村'}) "
        "OPTIONAL MATCH (v)-[:PART_OF]->(p) RETURN v.resolved AS resolved, v.code AS code, v.status AS status, "
        "v.candidate_codes AS cands, p.code AS part_of"
    ).records
    assert rows
    for r in rows:
        assert r["resolved"] is False and r["code"] is None and r["status"] == "ambiguous"
        assert set(r["cands"]) == {"310151109203", "310151116216"} and r["part_of"] == "310151"


def test_review_decision_is_applied_on_reload(graph: Driver, index: PlaceIndex) -> None:
    from graph import queries

    path = CORPUS / f"{REPORT}.txt"
    reports.load(graph, [path], index)
    graph.execute_query(
        queries.get("review/merge_review_decision").text,
        uid="红星村@310151",
        surface="红星村",
        scope_code="310151",
        decided_code="310151109203",
        note="test",
        decided_at="2024-01-01",
        decided_by=None,  # as the command line records it; the API records the key's person
    )
    reports.load(graph, [path], index, force=True)
    rows = graph.execute_query(
        "MATCH (h:Organization {uid: 'org:静安寺街道'})-[r:PAIRED_WITH]->(v:Village) RETURN v.code AS code, "
        "r.source_id AS s"
    ).records
    assert "310151109203" in {r["code"] for r in rows}
    unresolved = graph.execute_query("MATCH (v:Village {uid: 'village:310151:红星村'}) RETURN count(v) AS n").records
    assert unresolved[0]["n"] == 0
