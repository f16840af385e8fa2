"""Villages listed after their town without 村, and units the help founds: forms of the western genre.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village,
person or article. Each test is one mechanism, checked against what the rules must and must not find.
"""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

CHANGLING, SHIMEN, TONGLE = "910102101203", "910102101204", "910102101205"
# A residents' committee named like its county (the table names it without a suffix), and a township of
# another province with one village, for texts whose region lies elsewhere.
XISHAN_COMMITTEE, XIABA = "910102101210", "920101102201"
MORE = [
    Place("village", XISHAN_COMMITTEE, "西山", "西山居委会", "910102101", "community"),
    Place("town", "920101102", "远桥乡", "远桥乡", "920101", "township"),
    Place("village", XIABA, "下坝村", "下坝村村委会", "920101102", "village"),
    # transliterated names a report may spell one character off
    Place("village", "910102101211", "昌普村", "昌普村", "910102101", "village"),
    Place("village", "910102101212", "阿克苏巴格村", "阿克苏巴格村", "910102101", "village"),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES + MORE))


def _villages(extractor: Extractor, text: str) -> set[str]:
    return {
        f.data["code"] for f in _facts(extractor, text, "place") if f.data["level"] == "village" and f.data.get("code")
    }


def test_names_listed_right_after_their_town_without_cun_are_its_villages(extractor: Extractor) -> None:
    text = "本次活动中，远山大学共为西山县白石镇长岭、石门、同乐3个帮扶点提供了春耕物资。"
    assert {v for h, v in _links(extractor, text) if h == "远山大学"} == {CHANGLING, SHIMEN, TONGLE}


def test_a_list_after_a_town_that_holds_fewer_than_two_of_its_villages_names_none(extractor: Extractor) -> None:
    text = "西山县白石镇小麦、长岭、土豆长势良好，远山大学为农户送去化肥。"
    assert _villages(extractor, text) == set()


@pytest.mark.parametrize(
    "clause",
    [
        "融资20万元成立了远帆种养专业合作社",  # founded, then named after 了
        "帮助村民开办红岩砖厂",  # the name after 开办, never over it
        "发展青禾农民专业合作社",  # the verb read into the name
    ],
)
def test_a_unit_the_help_founds_is_not_a_helper(extractor: Extractor, clause: str) -> None:
    text = f"远山监测局结对帮扶西山县白石镇长岭村，{clause}，筹集资金用于长岭村道路建设。"
    assert {h for h, _ in _links(extractor, text)} == {"远山监测局"}


def test_a_department_whose_official_name_starts_with_fazhan_is_still_a_unit(extractor: Extractor) -> None:
    text = "发展和改革局派驻西山县白石镇长岭村工作队，帮助长岭村修建道路。"
    assert ("发展和改革局", CHANGLING) in _links(extractor, text)


@pytest.mark.parametrize("phrase", ["帮扶支持下", "直接帮助下", "的大力帮扶下"])
def test_a_region_helps_in_the_phrase_zai_region_help_xia_said_without_de(extractor: Extractor, phrase: str) -> None:
    text = f"近年来，在丙市南山区{phrase}，西山县白石镇长岭村修通了道路。"
    assert {v for _, v in _links(extractor, text)} == {CHANGLING}


def test_help_under_a_unit_goes_to_the_village_the_passage_is_about(extractor: Extractor) -> None:
    # the unit after ，在 is read (在 starts no name), and 在某局的帮扶下 makes it the helper, not a place
    text = (
        "走进西山县白石镇长岭村，道路整洁。“以前出行很难。”村党支部书记李明说，在远山监测局的帮扶下，村里修通了道路。"
    )
    assert _links(extractor, text) == {("远山监测局", CHANGLING)}


def test_a_residents_committee_named_like_its_county_is_a_village_not_the_county(extractor: Extractor) -> None:
    text = "东湖区民政局驻西山县西山居委会工作队帮助居民修通了道路。"
    assert _links(extractor, text) == {("东湖区民政局", XISHAN_COMMITTEE)}


def test_here_after_a_verb_of_stationing_points_at_the_village_named_before(extractor: Extractor) -> None:
    # the sentence names another village too, so only the reference gives the first its helper
    text = "西山县白石镇长岭村海拔很高，交通闭塞。去年，远山监测局驻村工作队就进驻在这里，还帮助石门村修了路。"
    assert ("远山监测局", CHANGLING) in _links(extractor, text)


def test_a_village_right_after_a_town_outside_the_region_is_found_under_that_town(extractor: Extractor) -> None:
    text = (
        "东湖区召开驻村工作会议，东湖区各单位参加。凌波路街道作了发言。"
        "远桥乡下坝村海拔很高，交通闭塞。去年，东湖区民政局工作队进驻下坝村，修通了道路。"
    )
    assert XIABA in _villages(extractor, text)


@pytest.mark.parametrize("team", ["前两批驻村工作队", "第三批驻村工作队", "驻村扶贫工作队"])
def test_a_team_named_only_by_its_batch_and_task_is_no_helper(extractor: Extractor, team: str) -> None:
    text = f"在{team}努力的基础上，西山县白石镇长岭村又争取到了项目资金。"
    assert _links(extractor, text) == set()


def test_a_verb_of_speaking_about_a_unit_is_not_part_of_its_name(extractor: Extractor) -> None:
    text = "东湖区民政局多年帮扶西山县白石镇长岭村。说起该局的扶贫之路，长岭村是绕不开的一站。"
    assert {h for h, _ in _links(extractor, text)} == {"东湖区民政局"}


def test_the_committee_of_the_village_pointed_at_is_no_village_of_its_own(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。记者来到该村村委会，这里也是远山监测局驻村工作队的办公地。"
    names = {f.data["name"] for f in _facts(extractor, text, "place") if f.data["level"] == "village"}
    assert names == {"长岭村"}


def test_a_unit_people_come_from_starts_after_laizi(extractor: Extractor) -> None:
    text = "来自东湖区民政局的3名队员在西山县白石镇长岭村驻村。"
    assert _links(extractor, text) == {("东湖区民政局", CHANGLING)}


def test_a_towns_own_government_is_no_helper_of_the_towns_village(extractor: Extractor) -> None:
    text = "远山监测局对口帮扶西山县白石镇长岭村。局长要求，白石镇政府要帮助长岭村做好养殖园区的选址工作。"
    assert _links(extractor, text) == {("远山监测局", CHANGLING)}


@pytest.mark.parametrize("institution", ["长岭小学", "长岭种植专业合作社"])
def test_a_school_or_clinic_named_by_the_village_is_no_helper_of_it(extractor: Extractor, institution: str) -> None:
    text = f"走进西山县白石镇长岭村，{institution}的建设项目已被纳入对口帮扶计划。"
    assert {h for h, _ in _links(extractor, text)} & {institution} == set()


def test_a_branch_written_with_its_banks_short_name_is_the_branch_named_in_full(extractor: Extractor) -> None:
    text = "中国远航银行股份有限公司甲市分行向西山县白石镇长岭村捐赠资金。长岭村是远行甲市分行帮扶的贫困村。"
    helpers = {f.data["helper_uid"] for f in _facts(extractor, text, "pairing")}
    assert helpers == {"org:中国远航银行股份有限公司甲市分行"}


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("昌木普村委会", "910102101211"),  # one character more inside the name
        ("阿克索巴格村", "910102101212"),  # a long name with one character differing
    ],
)
def test_a_name_spelt_one_character_off_right_after_its_town_is_that_village(
    extractor: Extractor, written: str, code: str
) -> None:
    text = f"东湖区慈善会向西山县白石镇{written}捐赠了一辆车。"
    assert _links(extractor, text) == {("东湖区慈善会", code)}


def test_a_part_of_a_name_after_its_town_is_not_looked_up_in_the_countys_other_towns(extractor: Extractor) -> None:
    # 青田镇 has no 木岭村 and no 岭村 of its own; 白石镇's 长岭村 ends like it but is another village
    text = "东湖区慈善会向西山县青田镇木长岭村捐赠了一辆车。"
    assert CHANGLING not in _villages(extractor, text)


def test_a_name_goes_on_over_a_western_given_names_ending(extractor: Extractor) -> None:
    text = "东湖区民政局派驻的第一书记马成别克从甲市出发，来到西山县白石镇长岭村。"
    assert {f.data["name"] for f in _facts(extractor, text, "person")} == {"马成别克"}


@pytest.mark.parametrize(
    "text",
    [
        "王立新与刘海涛，作为长岭村的两任驻村第一书记，一个即将离开，一个刚刚到任。",
        "王立新和刘海涛作为长岭村的驻村第一书记，每天走访农户。",
    ],
)
def test_names_joined_before_zuowei_all_take_the_post(extractor: Extractor, text: str) -> None:
    people = {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}
    assert people == {("王立新", "第一书记"), ("刘海涛", "第一书记")}


@pytest.mark.parametrize("charity", ["远方慈善总会", "甲市慈善会", "远方扶贫开发促进会"])
def test_charities_named_as_societies_are_units(extractor: Extractor, charity: str) -> None:
    text = f"车队一路南行，驶入西山县白石镇长岭村。两天一夜，{charity}捐赠的物资，送到了村民家门口。"
    assert _links(extractor, text) == {(charity, CHANGLING)}


def test_a_name_then_a_comma_then_xianren_holds_the_posts_after_it(extractor: Extractor) -> None:
    text = "王立新，现任远山大学合作处副处长、派驻长岭村第一书记、白石镇党委委员、副镇长。"
    assert {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")} == {("王立新", "副处长")}


def test_a_unit_of_another_clause_did_not_send_the_first_secretary_named_at_the_village(
    extractor: Extractor,
) -> None:
    text = "这里是甲市文联采风的重点，当我接受采访西山县白石镇长岭村第一书记王立新的任务后，便驱车出发。"
    assert _links(extractor, text) == set()


def test_a_unit_that_stations_a_first_secretary_in_the_same_clause_pairs_with_the_village(
    extractor: Extractor,
) -> None:
    text = "远山监测局驻西山县白石镇长岭村第一书记王立新介绍了村里的变化。"
    assert _links(extractor, text) == {("远山监测局", CHANGLING)}
