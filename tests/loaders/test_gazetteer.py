"""The national code table: reading, naming, kinds, and loading provinces into Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import gazetteer
from loaders.gazetteer import AdminRecord, read, short_village_name, town_kind, validate, village_kind


def test_full_table_has_the_bureaus_published_counts(gazetteer_dir: Path) -> None:
    counts = dict.fromkeys(gazetteer.LEVELS, 0)
    for record in read(gazetteer_dir):
        counts[record.level] += 1
    assert counts == gazetteer.EXPECTED_COUNTS


def test_reading_one_province_yields_only_its_codes(gazetteer_dir: Path) -> None:
    records = list(read(gazetteer_dir, ["31"]))
    assert records and all(r.code.startswith("31") for r in records)
    assert sum(r.level == "province" for r in records) == 1


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("310151102216", "village"),
        ("310104015035", "community"),
        ("110101001001", "community"),
        ("150521101501", "community"),
        ("310151102399", "village"),
        ("310151102650", "village"),
    ],
)
def test_village_kind_follows_the_codes_last_three_digits(code: str, kind: str) -> None:
    assert village_kind(code) == kind


def test_short_name_drops_committee_suffix_but_keeps_village_character() -> None:
    assert short_village_name("四滧村村委会") == "四滧村"
    assert short_village_name("水库村民委员会") == "水库村"
    assert short_village_name("梅陇三村居委会") == "梅陇三村"
    assert short_village_name("居委会") == "居委会"


def test_town_kind_reads_suffix_before_code_range() -> None:
    assert town_kind("310151102", "堡镇") == "town"
    assert town_kind("310151401", "前卫农场") == "other"
    assert town_kind("310104015", "漕河泾街道") == "street"


def test_validate_rejects_code_outside_its_parent() -> None:
    bad = AdminRecord("village", "310151102216", "四滧村", "四滧村村委会", "310151103")
    assert "parent" in (validate(bad) or "")
    assert validate(AdminRecord("town", "31015110", "堡镇", "堡镇", "310151")) is not None


@pytest.mark.neo4j
def test_loaded_province_has_its_counts_and_the_part_of_chain(empty_graph, gazetteer_dir: Path) -> None:
    report = gazetteer.load(empty_graph, gazetteer_dir, ["31"])
    expected = dict.fromkeys(gazetteer.LEVELS, 0)
    for record in read(gazetteer_dir, ["31"]):
        expected[record.level] += 1
    assert report.counts == expected and not report.rejected
    for label, level in (
        ("Province", "province"),
        ("City", "city"),
        ("District", "district"),
        ("Town", "town"),
        ("Village", "village"),
    ):
        n = empty_graph.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n").records[0]["n"]
        assert n == expected[level], label
    chain = empty_graph.execute_query(
        "MATCH (v:Village {code: $code})-[:PART_OF]->(t:Town)-[:PART_OF]->(d:District)-[:PART_OF]->(c:City)-[:PART_OF]->(p:Province) "
        "RETURN v.name AS v, v.full_name AS vf, v.kind AS kind, t.code AS t, t.name AS tn, d.code AS d, d.name AS dn, c.code AS c, p.code AS p",
        code="310151102216",
    ).records
    assert len(chain) == 1
    row = chain[0]
    assert (row["v"], row["vf"], row["kind"]) == ("四滧村", "四滧村村委会", "village")
    assert (row["t"], row["tn"], row["d"], row["dn"], row["c"], row["p"]) == (
        "310151102",
        "堡镇",
        "310151",
        "崇明区",
        "3101",
        "31",
    )
    orphans = empty_graph.execute_query(
        "MATCH (v:Village) WHERE NOT (v)-[:PART_OF]->(:Town) RETURN count(v) AS n"
    ).records[0]["n"]
    assert orphans == 0


@pytest.mark.neo4j
def test_communities_and_villages_get_their_kinds_in_the_graph(empty_graph, gazetteer_dir: Path) -> None:
    gazetteer.load(empty_graph, gazetteer_dir, ["31"])
    kinds = {
        r["code"]: r["kind"]
        for r in empty_graph.execute_query(
            "MATCH (v:Village) WHERE v.code IN ['310151102216', '310104015035'] RETURN v.code AS code, v.kind AS kind"
        ).records
    }
    assert kinds == {"310151102216": "village", "310104015035": "community"}


@pytest.mark.neo4j
def test_loading_twice_leaves_the_same_graph(empty_graph, gazetteer_dir: Path) -> None:
    def snapshot() -> tuple[int, int, int]:
        rec = empty_graph.execute_query(
            "MATCH (n) WITH count(n) AS nodes "
            "MATCH ()-[r]->() WITH nodes, count(r) AS rels "
            "MATCH (v:Village) RETURN nodes, rels, sum(size(v.name) + size(v.full_name)) AS chars"
        ).records[0]
        return rec["nodes"], rec["rels"], rec["chars"]

    gazetteer.load(empty_graph, gazetteer_dir, ["31"])
    first = snapshot()
    second_report = gazetteer.load(empty_graph, gazetteer_dir, ["31"])
    assert snapshot() == first
    assert second_report.writes.nodes_created == 0 and second_report.writes.relationships_created == 0


@pytest.mark.neo4j
def test_reloading_gazetteer_keeps_weak_designations(empty_graph, gazetteer_dir: Path) -> None:
    gazetteer.load(empty_graph, gazetteer_dir, ["31"])
    empty_graph.execute_query(
        "MATCH (v:Village {code: '310151102216'}) SET v.weak = true, v.weak_categories = ['经济薄弱村']"
    )
    gazetteer.load(empty_graph, gazetteer_dir, ["31"])
    row = empty_graph.execute_query(
        "MATCH (v:Village {code: '310151102216'}) RETURN v.weak AS w, v.weak_categories AS c"
    ).records[0]
    assert row["w"] is True and row["c"] == ["经济薄弱村"]
