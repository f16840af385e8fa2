"""Helper → village links: how reports name helpers and villages, on sentences written for the test.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village or
article. Each test is a form of the genre (counted references back to villages, short forms of a
unit's name, groups that are no unit), checked against what the rules must and must not link.
"""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from loaders.reports.model import Mention
from loaders.reports.unit_identity import unify_variants
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

CHANGLING, SHIMEN, TONGLE = "910102101203", "910102101204", "910102101205"
# Two villages of one name in two towns of one county.
LIUXI_QINGTIAN, LIUXI_WEIHE = "910102102210", "910102103210"
NAMESAKES = [
    Place("village", LIUXI_QINGTIAN, "柳溪村", "柳溪村村委会", "910102102", "village"),
    Place("village", LIUXI_WEIHE, "柳溪村", "柳溪村村委会", "910102103", "village"),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES + NAMESAKES))


def test_a_counted_reference_points_at_the_villages_named_before(extractor: Extractor) -> None:
    text = "西山县白石镇的长岭村、石门村位于山区。市委宣传部结对帮扶这两个村以来，修通了道路。"
    assert _links(extractor, text) == {("市委宣传部", CHANGLING), ("市委宣传部", SHIMEN)}


def test_a_counted_reference_takes_as_many_villages_as_it_counts(extractor: Extractor) -> None:
    text = "西山县白石镇的长岭村、石门村和同乐村位于山区。县交通局结对帮扶这两个村以来，修通了道路。"
    assert _links(extractor, text) == {("县交通局", SHIMEN), ("县交通局", TONGLE)}


@pytest.mark.parametrize(
    "text",
    [
        # fewer villages named than the reference counts: it points at none
        "西山县白石镇的长岭村位于山区。县交通局结对帮扶这两个村以来，修通了道路。",
        # a count without a demonstrative introduces new villages
        "西山县白石镇的长岭村位于山区。县交通局结对帮扶两个村以来，修通了道路。",
    ],
)
def test_a_count_that_cannot_point_back_links_no_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_two_villages_counted_as_the_subject_of_a_pairing_pair_with_each_other(extractor: Extractor) -> None:
    text = "西山县白石镇的长岭村拿出资金，和石门村合办了一家工厂，两村为此签订联建协议。"
    assert _links(extractor, text) == {("长岭村", SHIMEN)}


def test_villages_counted_as_what_a_helper_acts_on_do_not_pair_with_each_other(extractor: Extractor) -> None:
    text = "西山县白石镇的长岭村、石门村位于山区。县交通局结对帮扶以来，为两村修建了道路。"
    assert _links(extractor, text) == {("县交通局", CHANGLING), ("县交通局", SHIMEN)}


def test_an_organ_of_a_party_committee_keeps_its_committee_and_its_short_form_is_it(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。市委政法委结对帮扶长岭村以来，开通了“政法委帮扶村”账号。政法委还为该村修了路。"
    assert {f.data["helper_name"] for f in _facts(extractor, text, "pairing")} == {"市委政法委"}


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        (["中国远航银行甲省分行", "中行甲省分行"], True),  # the first part shortened, the rest as written
        (["中国远航银行甲省分行", "远行甲省分行"], False),  # not the full name's first character
        (["中国远航银行甲省分行", "中行乙省分行"], False),  # another province's branch
        (["市委政法委", "政法委"], True),  # the organ less the committee that leads it
        (["市委政法委", "县委政法委", "政法委"], False),  # two organs fit: neither is taken
    ],
)
def test_a_short_form_of_part_of_a_name_is_that_unit(names: list[str], joined: bool) -> None:
    units = [
        Mention("organization", 20 * i, 20 * i + len(n), n, "test", 1.0, uid=f"org:{n}") for i, n in enumerate(names)
    ]
    unify_variants(units, [])
    assert (units[-1].uid == units[0].uid) is joined


def test_units_of_several_levels_at_once_are_a_group_not_a_unit(extractor: Extractor) -> None:
    text = "省市县财政部门党支部与长岭村党支部签约共建。西山县白石镇长岭村位于山区。"
    units = {f.data["name"] for f in _facts(extractor, text, "organization") + _facts(extractor, text, "party_org")}
    assert not any(name.startswith("省市县") for name in units)
    assert _links(extractor, text) == set()


@pytest.mark.parametrize("unit", ["省市场监管局", "县乡村振兴局"])
def test_a_name_starting_with_two_level_words_is_still_a_unit(extractor: Extractor, unit: str) -> None:
    text = f"西山县白石镇长岭村位于山区。{unit}与长岭村结对以来，修通了道路。"
    assert _links(extractor, text) == {(unit, CHANGLING)}


def test_a_department_named_with_he_is_one_name_after_its_organ(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。当天，测试省财政厅预算和绩效处党支部与长岭村党支部签下共建协议。"
    assert _links(extractor, text) == {("测试省财政厅预算和绩效处党支部", CHANGLING)}


def test_a_unit_and_a_department_joined_by_he_stay_two(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。当天，县财政局和绩效处党支部与长岭村党支部签下共建协议。"
    assert {helper for helper, _ in _links(extractor, text)} == {"县财政局", "绩效处党支部"}


def test_an_adverb_before_a_village_is_not_a_unit(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。三家单位的党组织共同与长岭村党支部结对共建。"
    assert "共同" not in {f.data["name"] for f in _facts(extractor, text, "organization")}


def test_a_units_named_as_a_persons_former_post_does_not_act(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。张三原任远航公司总经理，上月带队到长岭村签约结对。"
    assert not any(helper.endswith("远航公司") for helper, _ in _links(extractor, text))


def test_a_party_committee_listed_before_fenbie_is_the_helper_not_its_unit(extractor: Extractor) -> None:
    text = "西山县白石镇的长岭村、石门村位于山区。县交通局和远航公司党委分别结对长岭村和石门村。"
    assert _links(extractor, text) == {("县交通局", CHANGLING), ("远航公司党委", SHIMEN)}


def test_a_namesake_under_another_town_named_before_it_is_the_other_village(extractor: Extractor) -> None:
    text = "西山县青田镇柳溪村位于山区。青田镇柳溪村与卫河镇的柳溪村、小山村签订党建联盟协议。"
    villages = [f.data["code"] for f in _facts(extractor, text, "place") if f.data["level"] == "village"]
    assert villages == [LIUXI_QINGTIAN, LIUXI_QINGTIAN, LIUXI_WEIHE, "910102103202"]
    assert ("柳溪村", LIUXI_WEIHE) in _links(extractor, text)


def test_a_name_said_again_without_another_town_keeps_its_first_sense(extractor: Extractor) -> None:
    text = "西山县青田镇柳溪村位于山区。县交通局与柳溪村结对以来，修通了道路。"
    assert _links(extractor, text) == {("县交通局", LIUXI_QINGTIAN)}


def test_a_bank_branch_speaking_of_itself_as_the_branch_is_that_branch(extractor: Extractor) -> None:
    text = "远航银行甲市分行负责人到长岭村调研。西山县白石镇长岭村是该分行的建设点，分行也是长岭村的挂点帮扶单位。"
    assert _links(extractor, text) == {("远航银行甲市分行", CHANGLING)}


def test_a_counted_list_item_the_table_lacks_is_still_a_village_flagged_unresolved(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县交通局结对帮扶的行政村共3个：长岭、石门和麻岗。"
    villages = {(f.data["surface"], f.data["status"]) for f in _facts(extractor, text, "place")}
    assert ("麻岗", "unknown") in villages
    assert _links(extractor, text) == {("县交通局", CHANGLING), ("县交通局", SHIMEN), ("县交通局", None)}


def test_a_word_before_an_uncounted_list_is_not_taken_for_a_village(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。会上表彰了先进、模范两个村的做法。"
    assert not [f for f in _facts(extractor, text, "place") if f.data["level"] == "village"]


@pytest.mark.parametrize(
    ("source", "self_word", "helper"),
    [
        ("来源：远航大学新闻中心", "我校", "远航大学"),  # the office that publishes speaks for its unit
        ("来源：远航大学党委宣传部", "我校", "远航大学"),
        ("来源：测试省财政厅", "我厅", "测试省财政厅"),  # 我厅 is a reference, not a unit named 我厅
        ("来源：测试省财政厅办公室", "我厅", "测试省财政厅"),
        ("来源：远航银行甲市分行", "我行", "远航银行甲市分行"),
    ],
)
def test_the_publisher_speaking_of_itself_is_the_unit_its_source_line_names(
    extractor: Extractor, source: str, self_word: str, helper: str
) -> None:
    text = f"一则消息\n{source}\n\n西山县白石镇长岭村是{self_word}的定点帮扶村。近日，{self_word}干部到长岭村调研。"
    assert _links(extractor, text) == {(helper, CHANGLING)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words before 有 and a place are not the unit's (帮扶方面有某区某局)
        ("西山县白石镇召开会议。在帮扶方面有东湖区经发局与长岭村结对共建。", {("东湖区经发局", CHANGLING)}),
        # 联合 before another organ's prefix is a verb, and both organs act
        (
            "西山县白石镇召开会议。县交通局联合县财政局到长岭村开展结对帮扶。",
            {("县交通局", CHANGLING), ("县财政局", CHANGLING)},
        ),
        # a clause opening with an adverb (将继续与某村结对) names no unit: the speaker's unit acts
        ("西山县白石镇召开会议。县交通局负责人表示，将继续与长岭村结对。", {("县交通局", CHANGLING)}),
    ],
)
def test_words_around_a_name_do_not_become_part_of_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _links(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    ["年初，县交通局被确定帮建西山县白石镇长岭村。", "西山县白石镇长岭村是县交通局的帮包村。"],
)
def test_regional_words_for_a_standing_assignment_state_a_pairing(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("县交通局", CHANGLING)}
