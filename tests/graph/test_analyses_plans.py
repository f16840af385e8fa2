"""The catalogue's analyses reach a given place, village or helper through indexes, not scans.

Each case runs with ``PROFILE`` on the demo graph: an operator that scans a label or relationship
type and touched the store is a scan that ran; a branch guarded off for this filter may still
appear in the plan but must not run. Scans over the few provinces, cities and weak categories are
allowed (hundreds of nodes at most).

The planner chooses by the graph's statistics and keeps a chosen plan in its cache; the tests before
this file empty and refill the graph, and a plan chosen on other statistics (one cached while the
District label was nearly empty, say) may scan where it should seek: a fresh-clone CI run once found
no seek in helper_load. The queries whose speed depends on a seek
name the index (``USING INDEX``), and each case first resamples the indexes and clears the plan
cache (``db.prepareForReplanning``), so what is checked is the plan this graph gets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from graph import queries
from tests.conftest import reset_to_spine
from tests.factories import AS_OF, Chongming, build_chongming

pytestmark = pytest.mark.neo4j

K = Chongming()
SCANS = (
    "NodeByLabelScan",
    "AllNodesScan",
    "RelationshipTypeScan",
    "UnionNodeByLabelsScan",
    "IntersectionNodeByLabelsScan",
)
SMALL_LABELS = ("Province", "City", "WeakCategory")
SEEKS = ("NodeIndexSeek", "NodeUniqueIndexSeek", "MultiNodeIndexSeek", "NodeIndexContainsScan")

CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "analyses/uncovered_weak_villages",
        {"as_of": AS_OF, "province": None, "district": "310151", "town": None, "nearest": 3, "offset": 0, "limit": 100},
    ),
    (
        "analyses/uncovered_weak_villages",
        {
            "as_of": AS_OF,
            "province": None,
            "district": None,
            "town": "310151102",
            "nearest": 3,
            "offset": 0,
            "limit": 100,
        },
    ),
    (
        "analyses/uncovered_weak_villages",
        {"as_of": AS_OF, "province": "31", "district": None, "town": None, "nearest": 3, "offset": 0, "limit": 100},
    ),
    (
        "analyses/helper_load",
        {"as_of": AS_OF, "district": "310151", "spread_towns": 3, "many_villages": 5, "offset": 0, "limit": 100},
    ),
    ("analyses/coverage_by_district", {"as_of": AS_OF, "parent": "31", "offset": 0, "limit": 100}),
    ("analyses/coverage_by_town", {"as_of": AS_OF, "parent": "310151"}),
    ("analyses/shared_resource_pairings", {"as_of": AS_OF, "province": None, "district": "310151"}),
    ("analyses/shared_resource_pairings", {"as_of": AS_OF, "province": "31", "district": None}),
    ("analyses/shared_resource_hubs", {"helpers": [K.civil_affairs, K.bank_party], "villages": [K.mihang]}),
    (
        "analyses/pairing_suggestions",
        {"as_of": AS_OF, "village": K.xinjian_xinhe, "district": None, "capacity": 5, "per_village": 1},
    ),
    (
        "analyses/pairing_suggestions",
        {"as_of": AS_OF, "village": None, "district": "310151", "capacity": 5, "per_village": 1},
    ),
    ("analyses/village_profile", {"code": K.mihang, "as_of": AS_OF}),
    ("analyses/entity_evidence", {"id": K.bank}),
    ("analyses/organization_profile", {"uid": K.bank, "as_of": AS_OF}),
    ("analyses/paths", {"source": K.civil_affairs, "target": K.bank, "max_paths": 5}),
    ("lookup/places_named", {"value": "崇明区", "level": "district"}),
    ("lookup/places_named", {"value": "堡镇", "level": "town"}),
    ("lookup/places_named", {"value": "上海市", "level": "province"}),
]


@pytest.fixture
def demo(graph: Driver) -> Iterator[Driver]:
    reset_to_spine(graph)
    build_chongming(graph)
    graph.execute_query("CALL db.prepareForReplanning()")
    yield graph


def operators(plan: Any) -> Iterator[Any]:
    yield plan
    for child in plan.get("children", []):
        yield from operators(child)


def scans_that_ran(profile: Any) -> list[str]:
    found = []
    for op in operators(profile):
        kind = op["operatorType"].split("@")[0]
        details = op.get("args", {}).get("Details", "")
        if any(s in kind for s in SCANS) and (op.get("rows") or op.get("dbHits")):
            if not any(f":{label}" in details for label in SMALL_LABELS):
                found.append(f"{kind} {details}")
    return found


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_a_filtered_analysis_seeks_through_an_index_and_runs_no_scan(
    demo: Driver, name: str, params: dict[str, Any]
) -> None:
    query = queries.get(name)
    query.check_params(params)
    with demo.session() as session:
        explained = session.run("EXPLAIN " + query.text, params).consume().plan
        profile = session.run("PROFILE " + query.text, params).consume().profile
    assert any(op["operatorType"].split("@")[0] in SEEKS for op in operators(explained)), "no index seek"
    assert scans_that_ran(profile) == []


def test_the_scan_check_sees_a_scan_that_ran(demo: Driver) -> None:
    with demo.session() as session:
        profile = session.run("PROFILE MATCH (v:Village) WHERE v.full_name = '米行村村委会' RETURN v").consume().profile
    assert scans_that_ran(profile)
