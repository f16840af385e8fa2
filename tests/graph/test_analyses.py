"""Every analysis against expectations computed by hand from ``tests.factories.build_chongming``."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

import graspologic_native
import networkx as nx
import pytest
from neo4j import Driver

from graph import analyses, records
from graph.errors import InvalidInput, NotFound
from graph.search import search
from tests.conftest import reset_to_spine
from tests.factories import AS_OF, Chongming, build_chongming, pairing

pytestmark = pytest.mark.neo4j

K = Chongming()


@pytest.fixture
def demo(graph: Driver) -> Iterator[Driver]:
    reset_to_spine(graph)  # whatever an earlier session left behind
    build_chongming(graph)
    yield graph


def codes(rows: list[dict]) -> list[str]:
    return [r["code"] for r in rows]


# --- uncovered weak villages -------------------------------------------------------------------


def test_uncovered_lists_ended_future_and_never_paired_weak_villages_of_chongming(demo: Driver) -> None:
    rows = analyses.uncovered_weak_villages(demo, AS_OF, district="崇明区")
    # 彷徨 (pairing ended 2023-12-31), 新建村/新河 (never paired), 东新 (pairing starts 2024-09-01)
    assert codes(rows) == [K.panghuang, K.xinjian_xinhe, K.dongxin]
    assert rows[0]["town"] == "堡镇" and rows[0]["district"] == "崇明区"
    assert rows[0]["weak_categories"] == ["经济薄弱村"]


def test_uncovered_kept_between_calls_drops_a_village_paired_after_it(demo: Driver) -> None:
    first = analyses.uncovered_weak_villages(demo, AS_OF, district="310151")
    again = analyses.uncovered_weak_villages(demo, AS_OF, district="310151")
    assert again == first and again[0] is not first[0]  # the same answer, as rows of its own
    again[0]["nearest_helpers"].append({"uid": "changed by a caller"})
    assert analyses.uncovered_weak_villages(demo, AS_OF, district="310151") == first
    pairing(demo, K.education, K.xinjian_xinhe, since=date(2024, 1, 1), source_loc="sheet 结对!row 98")
    after = analyses.uncovered_weak_villages(demo, AS_OF, district="310151")
    assert codes(after) == [c for c in codes(first) if c != K.xinjian_xinhe]


def test_uncovered_counts_a_pairing_through_the_party_branch_as_cover(demo: Driver) -> None:
    rows = analyses.uncovered_weak_villages(demo, AS_OF, district="310151")
    assert K.wuxiao not in codes(rows)  # paired only by 上海农商银行崇明支行党委


def test_uncovered_respects_since_and_until_on_other_days(demo: Driver) -> None:
    before_end = codes(analyses.uncovered_weak_villages(demo, date(2023, 6, 1), district="310151"))
    after_start = codes(analyses.uncovered_weak_villages(demo, date(2024, 10, 1), district="310151"))
    assert K.panghuang not in before_end and K.baoxi in before_end  # 堡西 paired only from 2024-01-01
    assert K.dongxin not in after_start and K.panghuang in after_start


def test_uncovered_lists_same_town_helpers_first_then_district_helpers(demo: Driver) -> None:
    rows = {r["code"]: r for r in analyses.uncovered_weak_villages(demo, AS_OF, district="崇明区")}
    panghuang = [(h["name"], h["same_town"], h["villages_paired"]) for h in rows[K.panghuang]["nearest_helpers"]]
    assert panghuang == [("崇明区民政局", True, 5), ("上海农商银行崇明支行", True, 2), ("静安区南京西路街道", False, 2)]
    dongxin = [h["name"] for h in rows[K.dongxin]["nearest_helpers"]]
    assert dongxin == ["静安区南京西路街道", "崇明区民政局", "上海农商银行崇明支行"]


def test_uncovered_filters_by_town_name_and_tells_namesake_villages_apart(demo: Driver) -> None:
    rows = analyses.uncovered_weak_villages(demo, AS_OF, town="新河镇")
    assert codes(rows) == [K.xinjian_xinhe]  # the weak 新建村; its namesake in 长兴镇 is not weak
    assert rows[0]["town"] == "新河镇"


def test_uncovered_for_a_province_or_all_of_china_finds_the_same_chongming_villages(demo: Driver) -> None:
    expected = [K.panghuang, K.xinjian_xinhe, K.dongxin]  # 东新 is weak by designation only
    assert codes(analyses.uncovered_weak_villages(demo, AS_OF, province="上海市")) == expected
    assert codes(analyses.uncovered_weak_villages(demo, AS_OF, province="31")) == expected
    assert codes(analyses.uncovered_weak_villages(demo, AS_OF)) == expected
    assert analyses.uncovered_weak_villages(demo, AS_OF, province="35") == []  # 福建: no weak village
    with pytest.raises(NotFound, match="no province"):
        analyses.uncovered_weak_villages(demo, AS_OF, province="不存在省")


def test_uncovered_narrowest_scope_wins_and_a_town_outside_the_district_finds_nothing(demo: Driver) -> None:
    assert codes(analyses.uncovered_weak_villages(demo, AS_OF, district="崇明区", province="31")) == [
        K.panghuang,
        K.xinjian_xinhe,
        K.dongxin,
    ]
    assert analyses.uncovered_weak_villages(demo, AS_OF, district="310151", province="35") == []
    assert analyses.uncovered_weak_villages(demo, AS_OF, district="310116", town="新河镇") == []


def test_uncovered_page_is_cut_in_the_database_and_reports_the_total(demo: Driver) -> None:
    total, rows = analyses.uncovered_weak_villages_page(demo, AS_OF, district="崇明区", limit=1, offset=1)
    assert (total, codes(rows)) == (3, [K.xinjian_xinhe])
    assert rows[0]["nearest_helpers"][0]["name"] == "崇明区民政局"  # 新河镇 has no helper: district ones
    assert analyses.uncovered_weak_villages_page(demo, AS_OF, province="31", limit=10, offset=3) == (3, [])
    assert analyses.uncovered_weak_villages_page(demo, AS_OF, province="35", limit=10) == (0, [])


def test_uncovered_refuses_an_unknown_district_and_an_ambiguous_town_name(demo: Driver) -> None:
    with pytest.raises(NotFound, match="no district"):
        analyses.uncovered_weak_villages(demo, AS_OF, district="不存在区")
    shared_name = demo.execute_query(
        "MATCH (t:Town) WITH t.name AS name, count(*) AS n WHERE n = 2 RETURN name ORDER BY name LIMIT 1"
    ).records[0]["name"]
    with pytest.raises(InvalidInput, match="names 2"):
        analyses.uncovered_weak_villages(demo, AS_OF, town=shared_name)


# --- coverage --------------------------------------------------------------------------------


def test_coverage_of_chongming_counts_distinct_helpers_and_sets_the_claim_beside_the_graph(demo: Driver) -> None:
    rows = {r["code"]: r for r in analyses.coverage(demo, AS_OF, "district", parent="上海市")}
    cm = rows["310151"]
    assert cm["villages"] == 268  # 村委会 of 崇明区 in the 2023 code table
    assert cm["weak_villages"] == 7
    assert cm["paired_weak_villages"] == 4  # 四滧, 五滧 (party branch), 米行, 堡西
    assert cm["coverage_ratio"] == pytest.approx(0.571)
    assert cm["paired_villages"] == 8
    assert cm["villages_with_one_helper"] == 7  # all but 米行 (民政局 twice + 银行 and its 党委 = 2 helpers)
    assert cm["helpers"] == 3  # 民政局, 银行 (with its 党委), 南京西路街道
    assert cm["claims"] == [
        {
            "metric": "villages_paired",
            "value": 64.0,
            "unit": None,
            "source_id": "report:003_9de6edaabdfc1f7f",
            "source_loc": "chars 300-340",
            "evidence": "报告所称崇明区结对村数：64",
            "graph_value": 8,
        }
    ]


def test_coverage_of_a_district_without_weak_villages_has_no_ratio(demo: Driver) -> None:
    rows = {r["code"]: r for r in analyses.coverage(demo, AS_OF, "district", parent="31")}
    minhang = rows[K.district_without_weak]
    assert minhang["weak_villages"] == 0 and minhang["coverage_ratio"] is None
    assert rows["310116"]["weak_villages"] == 1 and rows["310116"]["coverage_ratio"] == 1.0


def test_coverage_per_town_splits_chongming_by_town(demo: Driver) -> None:
    rows = {r["name"]: r for r in analyses.coverage(demo, AS_OF, "town", parent="崇明区")}
    assert rows["堡镇"]["villages"] == 18
    assert (rows["堡镇"]["weak_villages"], rows["堡镇"]["paired_weak_villages"]) == (4, 3)
    assert (rows["竖新镇"]["weak_villages"], rows["竖新镇"]["paired_weak_villages"]) == (2, 1)
    assert rows["新河镇"]["coverage_ratio"] == 0.0


def test_coverage_pages_count_only_their_districts_and_agree_with_the_whole_table(demo: Driver) -> None:
    whole = analyses.coverage(demo, AS_OF, "district", parent="上海市")
    assert len(whole) == 16  # 上海's districts
    for offset, limit in ((0, 5), (13, 5), (16, 5)):
        assert analyses.coverage_page(demo, AS_OF, "district", parent="31", limit=limit, offset=offset) == (
            16,
            whole[offset : offset + limit],
        )
    assert analyses.coverage_page(demo, AS_OF, "district", parent="3101", limit=1)[0] == 16  # the city
    assert analyses.coverage_page(demo, AS_OF, "district", parent="福建省", limit=1)[0] > 0


def test_coverage_per_town_needs_a_district(demo: Driver) -> None:
    with pytest.raises(InvalidInput, match="needs the district"):
        analyses.coverage(demo, AS_OF, "town", parent=None)


# --- helper load -------------------------------------------------------------------------------


def test_helper_load_ranks_helpers_and_flags_the_busy_and_the_spread(demo: Driver) -> None:
    rows = analyses.helper_load(demo, AS_OF)
    assert [r["uid"] for r in rows] == [K.civil_affairs, K.street, K.bank]
    civil, street, bank = rows
    assert (civil["villages"], civil["weak_villages"], civil["weak_share"]) == (5, 2, 0.4)
    assert (civil["projects"], civil["money_yuan"]) == (1, 500000.0)
    assert civil["carrying_many"] and not civil["spread_thin"]
    assert (street["villages"], street["towns"], street["districts"]) == (3, 3, 2)
    assert street["spread_thin"] and not street["carrying_many"]
    # the bank's own pairing and its party committee's count once per village, projects via the committee
    assert (bank["villages"], bank["weak_share"], bank["projects"], bank["money_yuan"]) == (2, 1.0, 1, 200000.0)


def test_helper_load_leaves_out_ended_and_not_yet_started_pairings(demo: Driver) -> None:
    uids = [r["uid"] for r in analyses.helper_load(demo, AS_OF)]
    assert K.education not in uids and K.hospital not in uids


def test_helper_load_filtered_to_jinshan_keeps_only_the_street_office(demo: Driver) -> None:
    assert [r["uid"] for r in analyses.helper_load(demo, AS_OF, district="金山区")] == [K.street]


def test_helper_load_page_keeps_the_ranking_and_sums_projects_for_the_page(demo: Driver) -> None:
    total, rows = analyses.helper_load_page(demo, AS_OF, limit=1, offset=2)
    assert total == 3 and [r["uid"] for r in rows] == [K.bank]
    assert (rows[0]["projects"], rows[0]["money_yuan"], rows[0]["villages"]) == (1, 200000.0, 2)
    assert analyses.helper_load_page(demo, AS_OF, district="310151", limit=5, offset=3) == (3, [])


def test_helper_load_kept_between_calls_sees_a_pairing_written_after_it(demo: Driver) -> None:
    first = analyses.helper_load_page(demo, AS_OF, limit=10)
    assert analyses.helper_load_page(demo, AS_OF, limit=10) == first  # kept while nothing is written
    bank = next(r for r in first[1] if r["uid"] == K.bank)
    pairing(demo, K.bank, K.sixiao, since=date(2023, 1, 1), source_loc="sheet 结对!row 99")
    total, rows = analyses.helper_load_page(demo, AS_OF, limit=10)
    after = next(r for r in rows if r["uid"] == K.bank)
    assert total == first[0] and after["villages"] == bank["villages"] + 1
    assert after["weak_villages"] == bank["weak_villages"] + 1


# --- shared-resource clusters ----------------------------------------------------------------


def test_clusters_separate_the_street_office_and_its_villages(demo: Driver) -> None:
    clusters = analyses.shared_resource_clusters(demo, AS_OF, district="崇明区")
    street = next(c for c in clusters if any(h["uid"] == K.street for h in c["helpers"]))
    assert {v["uid"] for v in street["villages"]} == {K.xinjian_changxing, K.baoxi}
    assert street["size"] == 3 and street["cohesion"] == 1.0
    assert {
        "kind": "helper",
        "uid": K.street,
        "name": "静安区南京西路街道",
        "members": sorted([K.xinjian_changxing, K.baoxi]),
    } in street["shared"]
    civil = next(c for c in clusters if any(h["uid"] == K.civil_affairs for h in c["helpers"]))
    assert {K.yonghe, K.huayuan, K.taoyuan, K.sixiao} <= {v["uid"] for v in civil["villages"]}
    assert 0 < civil["cohesion"] < 1


def test_clusters_are_the_same_on_every_run(demo: Driver) -> None:
    first = analyses.shared_resource_clusters(demo, AS_OF)
    assert analyses.shared_resource_clusters(demo, AS_OF) == first


def test_clusters_of_shanghai_are_those_of_all_of_china_when_all_pairings_lie_there(demo: Driver) -> None:
    assert analyses.shared_resource_clusters(demo, AS_OF, province="上海市") == analyses.shared_resource_clusters(
        demo, AS_OF
    )
    assert analyses.shared_resource_clusters(demo, AS_OF, province="35") == []


@pytest.mark.parametrize("members", [analyses.CLIQUE_LIMIT, analyses.CLIQUE_LIMIT + 1])
def test_a_resource_shared_by_many_ties_them_through_one_stand_in_not_pairwise(members: int) -> None:
    hub = {
        "kind": "resource",
        "hub_uid": "resource:funds",
        "hub_name": "funds",
        "helper_uids": [],
        "village_uids": [f"v{i}" for i in range(members)],
        "village_names": [f"村{i}" for i in range(members)],
    }
    projection = analyses.build_projection([], [hub])
    ends = {end for tie in projection.ties for end in tie}
    if members <= analyses.CLIQUE_LIMIT:
        assert len(projection.ties) == members * (members - 1) // 2
    else:
        assert len(projection.ties) == members and len(ends) == members + 1
        assert len(projection.members) == members  # the stand-in is no member


def test_hub_rows_give_each_project_and_resource_once_with_all_its_members(demo: Driver) -> None:
    rows = records.read(
        demo, "analyses/shared_resource_hubs", helpers=[K.civil_affairs, K.bank], villages=[K.mihang, K.sixiao]
    )
    hubs = {(r["kind"], r["hub_uid"]): (sorted(r["helper_uids"]), sorted(r["village_uids"])) for r in rows}
    assert len(hubs) == len(rows)
    # 银行 funds 医疗站 through 银行党委; 医院 funds it too but was not asked for.
    assert hubs["project", "project:米行村医疗站"] == ([K.bank], [K.mihang])
    assert hubs["project", "project:四滧村光伏"] == ([K.civil_affairs], [K.sixiao])
    assert hubs["resource", "resource:funds"] == (sorted([K.bank, K.civil_affairs]), [K.sixiao])
    assert all(len(r["village_names"]) == len(r["village_uids"]) for r in rows)


def _random_ties(seed: int, nodes: int, ties: int) -> dict[tuple[str, str], float]:
    rng = random.Random(seed)
    names = [f"n{i:03d}" for i in range(nodes)]
    found: dict[tuple[str, str], float] = {}
    for _ in range(ties):
        a, b = sorted(rng.sample(names, 2))
        found[a, b] = found.get((a, b), 0.0) + rng.choice([0.5, 1.0])
    return found


def test_components_found_on_integer_ids_are_the_graph_s_connected_components() -> None:
    ties = _random_ties(seed=7, nodes=400, ties=330)
    parts, part_of = analyses.connected_parts(ties)
    expected = sorted(sorted(c) for c in nx.connected_components(nx.Graph(list(ties))))
    assert sorted(sorted(p) for p in parts) == expected
    assert all(node in parts[part] for node, part in part_of.items())


def test_leiden_sees_each_component_alone_with_its_ties_in_sorted_order_and_the_seed() -> None:
    ties = _random_ties(seed=11, nodes=300, ties=420)
    expected: list[set[str]] = []
    for component in nx.connected_components(nx.Graph(list(ties))):
        edges = sorted((a, b, w) for (a, b), w in ties.items() if a in component)
        if len(component) <= 2:
            expected.append(set(component))
            continue
        _, community_of = graspologic_native.leiden(edges, seed=analyses.CLUSTER_SEED)
        for number in set(community_of.values()):
            expected.append({node for node, c in community_of.items() if c == number})
    assert analyses.communities_by_component(ties) == sorted(expected, key=min)


def test_a_component_s_communities_do_not_depend_on_the_other_components() -> None:
    first = _random_ties(seed=3, nodes=120, ties=200)
    others = {(f"x{a}", f"x{b}"): w for (a, b), w in _random_ties(seed=5, nodes=150, ties=260).items()}
    alone = analyses.communities_by_component(first)
    together = analyses.communities_by_component({**first, **others})
    assert [c for c in together if not min(c).startswith("x")] == alone


# --- pairing suggestions -------------------------------------------------------------------------


def test_suggestions_for_a_village_rank_by_town_resources_capacity_and_closeness(demo: Driver) -> None:
    rows = analyses.pairing_suggestions(demo, AS_OF, village=K.xinjian_xinhe)
    # 民政局 is full (5 of 5). 银行: district 2 + capacity 3/5; 教育局: education matches the town's
    # 助学计划 1.5 + capacity 5/5; 街道: district 2 + capacity 2/5.
    assert [(r["helper"], r["score"]) for r in rows] == [
        ("上海农商银行崇明支行", 2.6),
        ("崇明区教育局", 2.5),
        ("静安区南京西路街道", 2.4),
    ]
    assert rows[1]["resource_matches"] == ["education"]
    assert any("教育" in reason for reason in rows[1]["reasons"])


def test_suggestions_kept_between_calls_leave_out_a_helper_paired_with_the_village_after_them(demo: Driver) -> None:
    first = analyses.pairing_suggestions(demo, AS_OF, village=K.xinjian_xinhe)
    assert analyses.pairing_suggestions(demo, AS_OF, village=K.xinjian_xinhe) == first
    top = first[0]["helper_uid"]
    pairing(demo, top, K.xinjian_xinhe, since=date(2024, 1, 1), source_loc="sheet 结对!row 97")
    after = analyses.pairing_suggestions(demo, AS_OF, village=K.xinjian_xinhe)
    assert top not in {r["helper_uid"] for r in after}


def test_suggestions_for_a_district_cover_each_uncovered_weak_village(demo: Driver) -> None:
    rows = analyses.pairing_suggestions(demo, AS_OF, district="崇明区", per_village=3)
    by_village: dict[str, list[dict]] = {}
    for r in rows:
        by_village.setdefault(r["village_code"], []).append(r)
    assert set(by_village) == {K.panghuang, K.xinjian_xinhe, K.dongxin}
    panghuang = [(r["helper"], r["score"], r["hops"]) for r in by_village[K.panghuang]]
    # 教育局 paired with 彷徨 until 2023-12-31: one hop away, so 2 / 1 for closeness
    assert panghuang == [
        ("上海农商银行崇明支行", 3.6, None),
        ("崇明区教育局", 3.0, 1),
        ("静安区南京西路街道", 2.4, None),
    ]
    assert "曾与该村结对" in by_village[K.panghuang][1]["reasons"]


def test_suggestions_ranked_among_nearby_and_idle_helpers_match_ranking_every_helper(demo: Driver) -> None:
    # Two idle helpers (医院: pairing not started, 教育局: ended): with two places to fill only nearby
    # and idle helpers are ranked; with three, every helper is. The first two must agree.
    def top(rows: list[dict], n: int) -> dict[str, list[tuple[str, float]]]:
        out: dict[str, list[tuple[str, float]]] = {}
        for r in rows:
            out.setdefault(r["village_code"], []).append((r["helper_uid"], r["score"]))
        return {k: v[:n] for k, v in out.items()}

    for scope in ({"village": K.xinjian_xinhe}, {"village": K.sixiao}, {"district": "崇明区"}):
        pruned = analyses.pairing_suggestions(demo, AS_OF, per_village=2, **scope)
        full = analyses.pairing_suggestions(demo, AS_OF, per_village=3, **scope)
        assert pruned and top(pruned, 2) == top(full, 2), scope


def test_suggestions_need_a_village_or_a_district(demo: Driver) -> None:
    with pytest.raises(InvalidInput):
        analyses.pairing_suggestions(demo, AS_OF)
    with pytest.raises(NotFound):
        analyses.pairing_suggestions(demo, AS_OF, village="310151999999")


# --- connections, evidence, profiles ------------------------------------------------------------


def test_paths_between_two_helpers_go_through_a_shared_village_not_the_spine(demo: Driver) -> None:
    rows = analyses.paths(demo, K.civil_affairs, K.bank)
    assert rows and all(r["hops"] == 2 for r in rows)
    middles = {r["nodes"][1]["key"] for r in rows}
    assert K.mihang in middles
    assert all(rel["type"] != "PART_OF" for r in rows for rel in r["relationships"])


def test_paths_name_the_key_that_names_nothing(demo: Driver) -> None:
    with pytest.raises(NotFound, match="org:nobody"):
        analyses.paths(demo, K.civil_affairs, "org:nobody")


def test_evidence_of_a_village_lists_each_sourced_pairing_separately(demo: Driver) -> None:
    facts = analyses.evidence(demo, K.mihang)
    pairings = [f for f in facts if f["relationship"] == "PAIRED_WITH"]
    assert len(pairings) == 4  # 民政局 from the register and from the report, 银行, 银行党委
    assert {f["source_id"] for f in pairings} == {"register:chongming-pairings.xlsx", "report:003_9de6edaabdfc1f7f"}
    assert all(f["evidence"] for f in pairings)


def test_evidence_of_an_organization_includes_its_party_branch_facts(demo: Driver) -> None:
    facts = analyses.evidence(demo, K.bank)
    assert {(f["subject_key"], f["other_key"]) for f in facts if f["relationship"] == "PAIRED_WITH"} == {
        (K.bank, K.mihang),
        (K.bank_party, K.mihang),
        (K.bank_party, K.wuxiao),
    }


def test_village_profile_shows_helpers_via_party_and_the_path(demo: Driver) -> None:
    profile = analyses.village_profile(demo, K.wuxiao, AS_OF)
    assert (profile["province"], profile["district"], profile["town"]) == ("上海市", "崇明区", "堡镇")
    assert [(h["name"], h["via"]) for h in profile["helpers"]] == [("上海农商银行崇明支行", "上海农商银行崇明支行党委")]
    with pytest.raises(NotFound):
        analyses.village_profile(demo, "310151000000", AS_OF)


def test_organization_profile_lists_pairings_in_force_only(demo: Driver) -> None:
    profile = analyses.organization_profile(demo, K.education, AS_OF)
    assert profile["pairings"] == [] and profile["resources"] == ["education"]
    street = analyses.organization_profile(demo, K.street, AS_OF)
    assert sorted(p["key"] for p in street["pairings"]) == sorted([K.xinjian_changxing, K.baoxi, K.zengfeng])


# --- search ---------------------------------------------------------------------------------------


def test_search_by_name_tells_namesakes_apart_by_their_path(demo: Driver) -> None:
    rows = [r for r in search(demo, "新建村", limit=50) if r["path"][:2] == ["上海市", "崇明区"]]
    assert sorted((r["key"], r["path"][2]) for r in rows) == [
        (K.xinjian_xinhe, "新河镇"),
        (K.xinjian_changxing, "长兴镇"),
    ]


def test_search_by_code_partial_name_and_pinyin(demo: Driver) -> None:
    assert search(demo, K.sixiao, limit=1)[0]["name"] == "四滧村"
    assert any(r["key"] == K.civil_affairs for r in search(demo, "民政局"))
    assert search(demo, "chongmingqu", limit=1)[0]["key"] == "310151"
    assert any(r["key"] == "310151" for r in search(demo, "cmq", limit=50))


def test_search_refuses_an_empty_query(demo: Driver) -> None:
    with pytest.raises(InvalidInput):
        search(demo, "  ")


# --- empty database -------------------------------------------------------------------------------


def test_every_analysis_answers_empty_on_an_empty_database(empty_graph: Driver) -> None:
    assert analyses.uncovered_weak_villages(empty_graph, AS_OF) == []
    assert analyses.coverage(empty_graph, AS_OF) == []
    assert analyses.helper_load(empty_graph, AS_OF) == []
    assert analyses.shared_resource_clusters(empty_graph, AS_OF) == []
    with pytest.raises(NotFound):
        analyses.paths(empty_graph, "a", "b")
    assert analyses.evidence(empty_graph, "x") == []
    assert search(empty_graph, "村") == []
    with pytest.raises(NotFound):
        analyses.coverage(empty_graph, AS_OF, "town", parent="崇明区")


@pytest.mark.parametrize(
    "module", ["common", "coverage", "uncovered", "helpers", "clusters", "suggestions", "profiles"]
)
def test_analysis_helpers_do_what_their_examples_say(module: str) -> None:
    import doctest
    import importlib

    failures, _ = doctest.testmod(importlib.import_module(f"graph.analyses.{module}"))
    assert failures == 0
