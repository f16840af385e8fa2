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
