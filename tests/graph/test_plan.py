"""The pairing plan on the demo graph (``tests.factories.build_chongming``), read from the real test
server, and its acceptance as planner decisions in one transaction; expectations worked by hand.

On 2024-06-30 崇明区 has three uncovered weak villages: 彷徨 (堡镇, 教育局's pairing ended), 新建村 (新河镇,
whose 助学 project uses education) and 东新 (竖新镇, 第一人民医院 pairs from 2024-09-01). The supply:
民政局 (5 villages), 农商银行 (2, through its 党委), 南京西路街道 (3, seated in 静安区 310106, the
paired region that brings in 第一人民医院), 教育局 (0, provides education) and 第一人民医院 (0).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j import Driver

from graph import analyses, decisions
from graph.errors import Conflict, InvalidInput, NotFound
from tests.conftest import reset_to_spine
from tests.factories import AS_OF, Chongming, build_chongming

pytestmark = pytest.mark.neo4j

K = Chongming()


@pytest.fixture
def demo(graph: Driver) -> Iterator[Driver]:
    reset_to_spine(graph)
    build_chongming(graph)
    yield graph


def pairs(plan: analyses.Plan) -> dict[str, str]:
    return {row["village_code"]: row["helper_uid"] for row in plan.rows}


def test_plan_for_chongming_with_capacity_3_takes_the_cheapest_assignment_worked_by_hand(demo: Driver) -> None:
    plan = analyses.pairing_plan(demo, "崇明区", AS_OF, capacity=3)
    # 彷徨 → 教育局 (paired before: 10 - 2 - 2/1 + load 2×1/3), 东新 → 医院 (1 hop: 10 - 2 + 2/3),
    # 新建村 → 教育局 (education: 10 - 1.5 + 2×2/3); 民政局 and 街道 are full, 银行 (room 1) costs 10.
    assert pairs(plan) == {K.panghuang: K.education, K.xinjian_xinhe: K.education, K.dongxin: K.hospital}
    assert plan.objective["total_cost"] == 25.167
    assert plan.objective["villages_covered"] == 3 and plan.infeasible == []
    assert plan.objective["largest_load"] == 2
    assert plan.scope == {"level": "district", "code": "310151", "name": "崇明区"}
    helpers = {h["helper_uid"]: (h["load_before"], h["load_after"]) for h in plan.helpers}
    assert helpers == {K.education: (0, 2), K.hospital: (0, 1)}


def test_each_row_gives_its_cost_and_the_suggestions_reasons_in_chinese(demo: Driver) -> None:
    plan = analyses.pairing_plan(demo, "310151", AS_OF, capacity=3)
    panghuang = next(r for r in plan.rows if r["village_code"] == K.panghuang)
    assert panghuang["cost"] == 6.667 and panghuang["pair_cost"] == 6.0
    assert any("曾与该村结对" in reason for reason in panghuang["reasons"])
    xinjian = next(r for r in plan.rows if r["village_code"] == K.xinjian_xinhe)
    assert any("教育" in reason for reason in xinjian["reasons"])


def test_helpers_come_from_the_area_and_its_paired_regions_not_the_whole_country(demo: Driver) -> None:
    from tests.factories import organization, provides

    organization(demo, "org:福建某企业", "福建某企业", "enterprise", "350304")
    provides(demo, "org:福建某企业", "education")
    plan = analyses.pairing_plan(demo, "崇明区", AS_OF, capacity=3)
    offered = {c["helper_uid"] for rows in plan.candidates.values() for c in rows}
    assert K.hospital in offered  # seated in 静安区, where 南京西路街道 pairs into 崇明区 from
    assert "org:福建某企业" not in offered


def test_a_village_no_helper_has_room_for_is_reported_with_the_reason(demo: Driver) -> None:
    plan = analyses.pairing_plan(demo, "崇明区", AS_OF, capacity=1)
    # Only 教育局 and 医院 have room (one each): 新建村 is left, its candidates' room went elsewhere.
    assert set(pairs(plan)) == {K.panghuang, K.dongxin}
    assert [(r["village_code"], r["reason_code"]) for r in plan.infeasible] == [
        (K.xinjian_xinhe, "plan.capacity_taken")
    ]
    assert plan.infeasible[0]["reason"] == "候选帮扶单位的余量已全部分给其他村（覆盖村数已最多）"


def test_skipping_and_fixing_re_solve_around_the_planners_choice(demo: Driver) -> None:
    plan = analyses.pairing_plan(demo, "崇明区", AS_OF, capacity=3, skipped=[K.panghuang], fixed=[(K.dongxin, K.bank)])
    assert pairs(plan) == {K.dongxin: K.bank, K.xinjian_xinhe: K.education}
    assert [r["village_code"] for r in plan.skipped] == [K.panghuang]
    assert next(r for r in plan.rows if r["village_code"] == K.dongxin)["fixed"] is True


def test_capacity_per_kind_and_per_helper_override_the_maximum(demo: Driver) -> None:
    plan = analyses.pairing_plan(
        demo, "崇明区", AS_OF, capacity=3, capacity_by_kind={"government": 1}, capacity_by_helper={K.hospital: 0}
    )
    assert K.hospital not in pairs(plan).values()
    assert list(pairs(plan).values()).count(K.education) <= 1


def test_an_unknown_or_ambiguous_scope_is_refused_with_a_coded_error(demo: Driver) -> None:
    with pytest.raises(NotFound) as unknown:
        analyses.pairing_plan(demo, "不存在区", AS_OF)
    assert unknown.value.code == "plan.scope_unknown"
    demo.execute_query("CREATE (:District {code: '999901', name: '崇明区'})")
    try:
        with pytest.raises(InvalidInput) as ambiguous:
            analyses.pairing_plan(demo, "崇明区", AS_OF)
        assert ambiguous.value.code == "plan.scope_ambiguous" and "310151" in ambiguous.value.message()
    finally:
        demo.execute_query("MATCH (d:District {code: '999901'}) DELETE d")


def test_a_city_and_a_province_plan_cover_the_district_villages_too(demo: Driver) -> None:
    city = analyses.pairing_plan(demo, "3101", AS_OF, capacity=3)
    province = analyses.pairing_plan(demo, "上海市", AS_OF, capacity=3)
    assert city.scope["level"] == "city" and province.scope["level"] == "province"
    # 金山区's 增丰村 is covered; the three 崇明区 villages are the whole demand of Shanghai
    assert set(pairs(province)) == set(pairs(city)) == {K.panghuang, K.xinjian_xinhe, K.dongxin}


def test_accepting_records_every_row_in_one_transaction_and_the_villages_leave_the_uncovered_list(
    demo: Driver,
) -> None:
    plan = analyses.pairing_plan(demo, "崇明区", AS_OF, capacity=3)
    chosen = [(r["helper_uid"], r["village_code"]) for r in plan.rows]
    recorded = decisions.record_pairings(demo, chosen, AS_OF, "区委组织部 结对方案", "张三")
    assert len(recorded) == 3 and len({d["batch_uid"] for d in recorded}) == 1
    assert all(d["decided_by"] == "张三" and d["pairing_source_id"] == "planner" for d in recorded)
    assert analyses.uncovered_weak_villages(demo, AS_OF, district="崇明区") == []
    decisions.undo(demo, recorded[0]["uid"], "李四")
    back = analyses.uncovered_weak_villages(demo, AS_OF, district="崇明区")
    assert [r["code"] for r in back] == [recorded[0]["village_code"]]


def test_accepting_writes_nothing_when_one_row_conflicts_or_names_nothing(demo: Driver) -> None:
    with pytest.raises(Conflict) as conflict:
        # 民政局 is paired with 四滧村 already
        decisions.record_pairings(demo, [(K.education, K.panghuang), (K.civil_affairs, K.sixiao)], AS_OF, "", "张三")
    assert conflict.value.code == "plan.accept_conflict"
    with pytest.raises(NotFound):
        decisions.record_pairings(demo, [(K.education, K.panghuang), ("org:没有", K.dongxin)], AS_OF, "", "张三")
    assert decisions.decisions(demo, K.panghuang) == []
    assert len(analyses.uncovered_weak_villages(demo, AS_OF, district="崇明区")) == 3
