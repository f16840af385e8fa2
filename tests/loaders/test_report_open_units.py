"""Helpers written without a standard head (issue 19, round 9): organ committees, service centres, brands.

Sentences written for the test on the made-up code table of ``test_report_mechanisms``; every name is made up.
Each test shows one family of ways the genre names such a helper, several variants of it, and what stays no unit.
"""

from __future__ import annotations

import pytest

from loaders.reports import Extractor
from loaders.reports.recognizer import Recognizer, unit_proposal_holds
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES, PlaceIndex

LONGLING = "910102101203"
SHIMEN = "910102101204"  # 长岭村 has a namesake in 丙市南山区, whose aid the tests below name
OPENING = "西山县白石镇地处山区。"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


@pytest.fixture(scope="module")
def rules_only(extractor: Extractor) -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES), matcher=extractor.matcher, model=False)


def _units(extractor: Extractor, text: str) -> set[str]:
    return {f.data["name"] for f in _facts(extractor, OPENING + text, "organization")}


# --- bodies that serve a group of organs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("县直机关工委一行来到长岭村，给结对帮扶的困难家庭送去慰问品。", "县直机关工委"),
        ("市直机关工委与长岭村结成帮扶对子。", "市直机关工委"),
        ("区直机关事务管理局派出工作队进驻长岭村。", "区直机关事务管理局"),
        ("市委教育工委组织干部到长岭村结对帮扶。", "市委教育工委"),
    ],
)
def test_a_body_named_by_the_group_of_organs_it_serves_is_a_unit(rules_only: Extractor, text: str, helper: str) -> None:
    assert (helper, LONGLING) in _links(rules_only, OPENING + text)


@pytest.mark.parametrize(
    "text",
    ["县直机关单位与长岭村结对帮扶。", "县直各单位干部到长岭村开展结对帮扶。", "市直部门与长岭村结对帮扶。"],
)
def test_the_group_of_organs_itself_stays_no_unit(extractor: Extractor, text: str) -> None:
    assert _links(extractor, OPENING + text) == set()


def test_a_party_working_committee_of_a_street_stays_its_party_organization(rules_only: Extractor) -> None:
    units = {
        f.data["name"] for f in _facts(rules_only, OPENING + "凌波路街道党工委与长岭村党支部结对共建。", "party_org")
    }
    assert "凌波路街道党工委" in units


def test_a_zones_party_working_committee_and_administration_stay_one_name(rules_only: Extractor) -> None:
    text = OPENING + "甲市高新区党工委管委会与长岭村结对帮扶。"
    assert ("甲市高新区党工委管委会", LONGLING) in _links(rules_only, text)


# --- service centres named by their service alone ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("后勤服务中心党委书记带队前往长岭村，签订党建共建协议。", "后勤服务中心"),
        ("人才服务中心主任张三带队来到长岭村，开展结对帮扶。", "人才服务中心"),
        ("游客服务中心一行到长岭村开展结对帮扶活动。", "游客服务中心"),
    ],
)
def test_a_service_centre_with_its_own_party_body_leader_or_delegation_is_a_unit(
    rules_only: Extractor, text: str, helper: str
) -> None:
    assert (helper, LONGLING) in _links(rules_only, OPENING + text)


@pytest.mark.parametrize(
    "text",
    [
        "在便民服务中心，长岭村第一书记李四为结对帮扶户办理业务。",
        "长岭村党群服务中心主任王五介绍了结对帮扶情况。",
        "村民来到服务中心，与长岭村结对帮扶干部座谈。",
    ],
)
def test_a_service_centre_as_a_building_stays_no_unit(extractor: Extractor, text: str) -> None:
    assert not any("服务中心" in name for name in _units(extractor, text))


# --- a firm named by its brand before its chief's post -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("甲市恒瑞董事长刘强一行来到长岭村，捐赠化肥。", "甲市恒瑞"),
        ("近日，绿源农牧总经理张伟带队到结对帮扶的长岭村，捐赠化肥200吨。", "绿源农牧"),
        ("公司邀请金禾董事长王刚到长岭村考察结对帮扶项目。", "金禾"),
        ("青岚科技副总裁周敏来到结对帮扶的长岭村。", "青岚科技"),
    ],
)
def test_a_firm_named_by_its_brand_before_its_chief_and_the_chiefs_name_is_a_unit(
    rules_only: Extractor, text: str, helper: str
) -> None:
    assert (helper, LONGLING) in _links(rules_only, OPENING + text)


@pytest.mark.parametrize(
    "text",
    [
        "王刚董事长一行来到长岭村，开展结对帮扶。",  # a chief called by name and post
        "新任董事长李明到长岭村开展结对帮扶。",
        "集团党委书记、董事长陈红到长岭村开展结对帮扶。",
        "该企业董事长赵四来到结对帮扶的长岭村。",
        "创始人兼董事长钱七来到结对帮扶的长岭村。",
    ],
)
def test_no_unit_is_read_before_a_chiefs_post_without_a_name_of_a_firm(rules_only: Extractor, text: str) -> None:
    assert not any(
        f.evidence.method == "unit_named_by_chief" for f in _facts(rules_only, OPENING + text, "organization")
    )


# --- a firm by its two-character brand, giving -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [("金禾捐赠长岭村化肥200吨。", "金禾"), ("此外，华润出资50万元，帮助长岭村修建道路。", "华润")],
)
def test_a_two_character_brand_the_model_reads_is_a_unit_where_it_opens_its_clause_and_gives(
    extractor: Extractor, rules_only: Extractor, text: str, helper: str
) -> None:
    assert _links(rules_only, OPENING + text) == set()
    assert (helper, LONGLING) in _links(extractor, OPENING + text)


@pytest.mark.parametrize(
    "text",
    [
        "政协捐赠长岭村图书，开展结对帮扶。",  # a bare organ, left to its place
        "中央捐赠长岭村化肥，开展帮扶。",
        "由金禾为长岭村捐赠化肥，开展帮扶。",  # not opening its clause
    ],
)
def test_no_two_character_unit_is_proposed_without_a_brand_opening_its_clause(extractor: Extractor, text: str) -> None:
    assert not any(len(name) == 2 for name, _ in _links(extractor, OPENING + text))


# --- field stations, depots and state forest farms ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("县种子站为长岭村捐赠资金，开展帮扶。", "县种子站"),
        ("西山县林场与长岭村结对帮扶。", "西山县林场"),
        ("县农技推广站与长岭村结对帮扶。", "县农技推广站"),
        ("长岭村与军粮库结对共建，企业以资金反哺乡村。", "军粮库"),
    ],
)
def test_a_field_station_depot_or_forest_farm_is_a_unit(rules_only: Extractor, text: str, helper: str) -> None:
    assert (helper, LONGLING) in _links(rules_only, OPENING + text)


@pytest.mark.parametrize(
    "text",
    [
        "东湖区财政局帮助长岭村建设生态农场，开展帮扶。",
        "东湖区财政局帮扶长岭村，村里的家庭农场发展起来了。",
        "东湖区财政局结对帮扶长岭村，在原粮站旧址建起扶贫车间。",
    ],
)
def test_a_farm_or_building_the_help_makes_is_no_unit(rules_only: Extractor, text: str) -> None:
    assert _units(rules_only, text) == {"东湖区财政局"}


# --- the publisher named on the text's last line -----------------------------------------------------


def test_a_unit_closing_the_text_is_read_so_the_publisher_on_the_last_line_is_known(rules_only: Extractor) -> None:
    text = OPENING + "我局驻长岭村工作队组织村民开展培训。\n来源：东湖区财政局"
    assert ("东湖区财政局", LONGLING) in _links(rules_only, text)


# --- a team named by the committee that sends it and where it is stationed ----------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("7月10日，省委驻西山县帮扶工作队邀请甲市青禾农业有限公司专家到长岭村培训村民。", "省委驻西山县帮扶工作队"),
        ("市委驻西山县帮扶工作队协调资金50万元，帮助长岭村修建道路。", "市委驻西山县帮扶工作队"),
        ("省委驻西山县扶贫工作队协调资金50万元，帮助长岭村修建道路。", "省委驻西山县扶贫工作队"),
    ],
)
def test_a_team_named_by_its_committee_and_station_keeps_its_task_word(
    rules_only: Extractor, text: str, helper: str
) -> None:
    assert (helper, LONGLING) in _links(rules_only, OPENING + text)


def test_a_units_own_aid_team_is_still_read_as_the_unit(rules_only: Extractor) -> None:
    text = OPENING + "东湖区财政局帮扶工作队协调资金50万元，帮助长岭村修建道路。"
    assert _links(rules_only, text) == {("东湖区财政局", LONGLING)}


# --- a region named by the aid it gives ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("利用丙市南山区帮扶资金200万元，石门村建起了冷库。", "丙市南山区"),
        ("来自丙市的东西部协作资金建起了石门村的扶贫车间。", "丙市"),
        ("南山区援建的石门村冷库今年投入使用。", "南山区"),
        ("乙省对口支援资金300万元用于石门村修建道路。", "乙省"),
    ],
)
def test_a_region_of_another_province_named_by_its_aid_helps_the_village_of_the_sentence(
    rules_only: Extractor, text: str, helper: str
) -> None:
    assert (helper, SHIMEN) in _links(rules_only, OPENING + text)


@pytest.mark.parametrize(
    "text",
    [
        "西山县帮扶资金200万元用于石门村修建道路。",  # the village's own county
        "白石镇帮扶资金200万元用于石门村修建道路。",
        "中央帮扶资金、社会帮扶资金共200万元用于石门村修建道路。",
        "丙市南山区帮扶资金200万元用于产业发展。",  # no village in the sentence
    ],
)
def test_no_region_helps_by_aid_its_own_village_or_no_village(rules_only: Extractor, text: str) -> None:
    assert _links(rules_only, OPENING + text) == set()


# --- a partner joined after the village --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("长岭村与绿源农牧结对共建，发展养殖产业。", "绿源农牧"),
        ("长岭村同青岚蓝天农牧签订结对帮扶协议。", "青岚蓝天农牧"),
    ],
)
def test_the_model_reads_a_partner_joined_after_the_village(
    extractor: Extractor, rules_only: Extractor, text: str, helper: str
) -> None:
    assert _links(rules_only, OPENING + text) == set()
    assert (helper, LONGLING) in _links(extractor, OPENING + text)


@pytest.mark.parametrize("text", ["长岭村与种植大户李强签订结对帮扶协议。", "长岭村和周边村庄结对共建，共同发展。"])
def test_a_person_or_neighbours_joined_after_the_village_are_no_unit(extractor: Extractor, text: str) -> None:
    assert _links(extractor, OPENING + text) == set()


# --- a firm written with its city before its brand -------------------------------------------------------


def test_a_place_the_model_reads_right_before_a_unit_is_part_of_its_name() -> None:
    words = [("近年来", "TIME"), ("，", "w"), ("甲市", "LOC"), ("青禾", "ORG"), ("以", "p"), ("党建", "n")]
    text = "".join(w for w, _ in words)
    spans = Recognizer(tagger=lambda _: words).tag(text, 0, len(text))
    assert [(text[s:e], tag) for s, e, tag in spans] == [("甲市青禾", "ORG")]


def test_a_place_the_model_reads_before_a_person_stays_a_place() -> None:
    words = [("甲市", "LOC"), ("张三", "PER"), ("来到", "v")]
    text = "".join(w for w, _ in words)
    spans = Recognizer(tagger=lambda _: words).tag(text, 0, len(text))
    assert [(text[s:e], tag) for s, e, tag in spans] == [("甲市", "LOC"), ("张三", "PER")]


def test_a_generic_unit_or_a_sender_before_a_chiefs_post_is_no_brand(rules_only: Extractor) -> None:
    text = OPENING + "青岚酒业集团与长岭村结对，并选派集团公司总经理朱强担任长岭村党支部副书记。"
    assert not any(f.evidence.method == "unit_named_by_chief" for f in _facts(rules_only, text, "organization"))


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("长岭村开展“青葱心向党、崇尚新时代”结对共建活动。", False),  # a slogan in quotes
        ("长岭村学习《崇尚新时代》结对共建读本。", False),  # a title
        ("长岭村与崇尚新时代结对共建。", True),
    ],
)
def test_a_slogan_or_title_in_quotes_is_no_unit_the_model_proposes(text: str, holds: bool) -> None:
    start = text.index("崇尚新时代")
    assert unit_proposal_holds(text, start, start + 5, [], []) is holds


# --- a helper listed with units the rules read ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["东湖区财政局、东湖区林业局、绿源农牧结对帮扶长岭村。", "东湖区财政局、绿源农牧、东湖区林业局结对帮扶长岭村。"],
)
def test_the_model_reads_a_helper_listed_with_units_the_rules_read(
    extractor: Extractor, rules_only: Extractor, text: str
) -> None:
    assert ("绿源农牧", LONGLING) not in _links(rules_only, OPENING + text)
    assert ("绿源农牧", LONGLING) in _links(extractor, OPENING + text)


@pytest.mark.parametrize(
    "text", ["东湖区财政局、张三等到长岭村开展结对帮扶。", "东湖区财政局、东湖区林业局干部职工到长岭村开展结对帮扶。"]
)
def test_a_person_or_staff_listed_after_a_unit_is_no_unit(extractor: Extractor, text: str) -> None:
    assert {name for name, _ in _links(extractor, OPENING + text)} <= {"东湖区财政局", "东湖区林业局"}
