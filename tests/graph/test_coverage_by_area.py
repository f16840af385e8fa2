"""Coverage per province and per city, counted by code prefix for the console's overviews."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph import analyses
from tests.conftest import reset_to_spine
from tests.factories import AS_OF, build_chongming

pytestmark = pytest.mark.neo4j


def test_coverage_by_area_adds_up_to_the_per_district_coverage(graph: Driver) -> None:
    reset_to_spine(graph)
    build_chongming(graph)
    provinces = {row["code"]: row for row in analyses.coverage_by_area(graph, AS_OF)}
    districts = analyses.coverage(graph, AS_OF, "district", "31")
    for key in ("villages", "weak_villages", "paired_weak_villages"):
        assert provinces["31"][key] == sum(d[key] for d in districts), key
    # 崇明 4 of 7 weak villages paired, 金山's 增丰村 paired: 5 of 8 in 上海
    assert (provinces["31"]["weak_villages"], provinces["31"]["paired_weak_villages"]) == (8, 5)
    assert provinces["35"]["weak_villages"] == 0 and provinces["35"]["coverage_ratio"] is None
    cities = analyses.coverage_by_area(graph, AS_OF, "35")
    assert {c["code"][:2] for c in cities} == {"35"} and len(cities) > 1
    assert sum(c["villages"] for c in cities) == provinces["35"]["villages"]


def test_the_kept_overview_counts_see_a_write_committed_after_them(graph: Driver) -> None:
    reset_to_spine(graph)
    build_chongming(graph)
    before = {row["code"]: row for row in analyses.coverage_by_area(graph, AS_OF)}
    assert {row["code"]: row for row in analyses.coverage_by_area(graph, AS_OF)} == before  # kept, unchanged
    map_before = analyses.weak_coverage_by_district(graph, AS_OF, "31")
    # one more weak village in 上海: the next overview and coverage map count it
    records = graph.execute_query(
        "MATCH (v:Village)-[:PART_OF*1..2]->(d:District) WHERE d.code STARTS WITH '31' AND v.code IS NOT NULL"
        " AND NOT coalesce(v.weak, false) AND NOT EXISTS { (v)-[:DESIGNATED_AS]->() }"
        " WITH v, d LIMIT 1 SET v.weak = true RETURN d.code AS district"
    ).records
    district = records[0]["district"]
    after = {row["code"]: row for row in analyses.coverage_by_area(graph, AS_OF)}
    assert after["31"]["weak_villages"] == before["31"]["weak_villages"] + 1
    assert after["31"]["paired_weak_villages"] == before["31"]["paired_weak_villages"]
    map_after = analyses.weak_coverage_by_district(graph, AS_OF, "31")
    was = map_before.get(district, {"weak_villages": 0})["weak_villages"]
    assert map_after[district]["weak_villages"] == was + 1
