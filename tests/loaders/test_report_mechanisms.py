"""Each mechanism of the report extractor, proved on sentences written for the test.

The code table is made up (provinces 91 and 92, no real names); the sentences follow the genre's
forms — units with short names, references back (该村, 该院, 集团, 我校), lists distributed by 分别,
villages pairing each other, leaders named either way round — without copying any report.
"""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from loaders.reports.model import Mention
from loaders.reports.unit_identity import unify_variants
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links

# The made-up code table (also the base of test_report_recognizer's).
PLACES = [
    Place("province", "91", "测试省", "测试省", None, None),
    Place("city", "9101", "甲市", "甲市", "91", None),
    Place("district", "910101", "东湖区", "东湖区", "9101", None),
    Place("district", "910102", "西山县", "西山县", "9101", None),
    Place("town", "910101001", "凌波路街道", "凌波路街道", "910101", "street"),
    Place("town", "910102101", "白石镇", "白石镇", "910102", "town"),
    Place("town", "910102102", "青田镇", "青田镇", "910102", "town"),
    Place("town", "910102103", "卫河镇", "卫河镇", "910102", "town"),
    Place("village", "910101001002", "桃源社区", "桃源社区居委会", "910101001", "community"),
    Place("village", "910101001003", "杏园社区", "杏园社区居委会", "910101001", "community"),
    Place("village", "910102101203", "长岭村", "长岭村村委会", "910102101", "village"),
    Place("village", "910102101204", "石门村", "石门村村委会", "910102101", "village"),
    Place("village", "910102101205", "同乐村", "同乐村村委会", "910102101", "village"),
    Place("village", "910102101206", "后坪村", "后坪村村委会", "910102101", "village"),
    Place("village", "910102102202", "四滧村", "四滧村村委会", "910102102", "village"),
    Place("village", "910102102203", "白音嘎查村", "白音嘎查村民委员会", "910102102", "village"),
    # A name that also reads as words (五 + 联村, like 三个村 or 联系村), here and in another town.
    Place("village", "910102102204", "五联村", "五联村村委会", "910102102", "village"),
    Place("village", "910102103203", "五联村", "五联村村委会", "910102103", "village"),
    Place("village", "910102103201", "下村", "下村村委会", "910102103", "village"),
    Place("village", "910102103202", "小山村", "小山村村委会", "910102103", "village"),
    # Another province: a namesake village and a namesake town.
    Place("province", "92", "乙省", "乙省", None, None),
    Place("city", "9201", "丙市", "丙市", "92", None),
    Place("district", "920101", "南山区", "南山区", "9201", None),
    Place("town", "920101101", "卫河镇", "卫河镇", "920101", "town"),
    Place("village", "920101101201", "长岭村", "长岭村村委会", "920101101", "village"),
    Place("village", "920101101202", "柳泉村", "柳泉村村委会", "920101101", "village"),
]


def _table() -> PlaceIndex:
    return PlaceIndex.from_places(PLACES)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_table())


def test_short_form_of_a_county_bureau_is_a_unit_and_pairs(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村地处山区。县发改局与长岭村结对以来，修通了道路。"
    assert _links(extractor, text) == {("县发改局", "910102101203")}


@pytest.mark.parametrize(
    "unit",
    [
        "县农业农村委",
        "市发改委",
        "省农业农村厅",
        "市中级人民法院",
        "县人武部",
        "区人民检察院",
        "县交通委",
        "市商务委",
        "县委组织部",
        "县委办",
    ],
)
def test_commissions_departments_and_courts_by_their_usual_names_pair(extractor: Extractor, unit: str) -> None:
    text = f"西山县白石镇长岭村地处山区。{unit}与白石镇长岭村结对帮扶。"
    assert _links(extractor, text) == {(unit, "910102101203")}


@pytest.mark.parametrize(
    "unit",
    [
        "西山县发展和改革局",
        "西山县住房和城乡建设局",
        "甲市人力资源和社会保障局",
        "西山县文化和旅游局",
        "甲市林业和草原局",
    ],
)
def test_a_department_whose_official_name_joins_two_fields_with_he_is_one_unit(extractor: Extractor, unit: str) -> None:
    text = f"西山县白石镇长岭村地处山区。{unit}和县财政局与长岭村结对以来，修通了道路。"
    assert _links(extractor, text) == {(unit, "910102101203"), ("县财政局", "910102101203")}


def test_a_county_bureau_whose_name_holds_nongcun_is_no_villages_own_team(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。西山县农业农村委与长岭村签订结对协议，投入资金修路。"
    assert _links(extractor, text) == {("西山县农业农村委", "910102101203")}


def test_units_that_send_a_joint_team_are_the_helpers_not_the_team(extractor: Extractor) -> None:
    # short forms in 办 and a bookshop are units; the team named by its task is not
    text = "西山县白石镇长岭村地处山区。县人防办、县新华书店联合驻村扶贫工作队为长岭村修通了道路。"
    assert _links(extractor, text) == {("县人防办", "910102101203"), ("县新华书店", "910102101203")}


@pytest.mark.parametrize("firm", ["甲市丰禾米业", "西山县青峰果业", "甲市云雾茶业"])
def test_a_farm_firm_known_by_its_trade_is_a_unit(extractor: Extractor, firm: str) -> None:
    text = f"西山县白石镇长岭村地处山区。{firm}与长岭村结对帮扶，收购村民的农产品。"
    assert _links(extractor, text) == {(firm, "910102101203")}


@pytest.mark.parametrize("opening", ["地处城区。同时", "地处城区，"])
def test_a_bare_community_opening_a_clause_before_yu_is_the_community_named_before(
    extractor: Extractor, opening: str
) -> None:
    text = f"东湖区凌波路街道桃源社区{opening}社区与西山县白石镇长岭村结对，互派干部。"
    pairs = {(f.data["helper_uid"], f.data["recipient_code"]) for f in _facts(extractor, text, "pairing")}
    assert pairs == {("party:910101001002:党组织", "910102101203")}
    assert not any(f.data["name"].endswith("社区") for f in _facts(extractor, text, "organization"))


def test_in_a_village_cadres_quoted_words_women_is_their_village(extractor: Extractor) -> None:
    text = (
        "西山县召开会议。“我们村以前很穷，甲市东湖建材公司和我们结成对子后，路修通了。”白石镇石门村党支部书记王志刚说。"
    )
    assert _links(extractor, text) == {("甲市东湖建材公司", "910102101204")}


def test_a_name_does_not_start_after_zoujin(extractor: Extractor) -> None:
    text = "记者来到西山县白石镇，走近东湖建材公司，了解到该公司与长岭村结对。"
    assert not any(f.data["name"].startswith("走近") for f in _facts(extractor, text, "organization"))


def test_a_name_does_not_start_before_tongguo(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村的贫困户通过信用社贷款入股，县发改局与长岭村结对帮扶。"
    names = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert not any(n.startswith("贫困户") for n in names)


@pytest.mark.parametrize(
    ("sentence", "helper"),
    [
        ("兵团第十三师与西山县白石镇长岭村结对帮扶。", "兵团第十三师"),
        ("今年，五师派出工作队入驻西山县白石镇长岭村。", "五师"),
    ],
)
def test_the_corps_and_its_numbered_divisions_are_units(extractor: Extractor, sentence: str, helper: str) -> None:
    assert _links(extractor, "西山县白石镇召开会议。" + sentence) == {(helper, "910102101203")}


def test_a_unit_ends_before_a_time_word_and_a_count_of_teams_is_no_unit(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。五师今年有多个工作队入驻西山县白石镇长岭村。"
    assert _links(extractor, text) == {("五师", "910102101203")}
    assert not any(
        "今年" in f.data["name"] or f.data["name"].startswith("有") for f in _facts(extractor, text, "organization")
    )


def test_ruzhu_with_an_unknown_short_place_before_the_village_is_a_pairing(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市东湖建材公司的工作队今年入驻西州白石镇长岭村。"  # 西州: no place of the table
    assert _links(extractor, text) == {("甲市东湖建材公司", "910102101203")}


def test_every_unit_of_a_list_after_anzhao_instructs_and_does_not_help(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市东湖建材公司按照县委、县政府办党组安排部署，派出工作队入驻西山县白石镇长岭村。"
    assert _links(extractor, text) == {("甲市东湖建材公司", "910102101203")}


def test_units_listed_after_you_are_the_villages_helpers(extractor: Extractor) -> None:
    text = "白石镇长岭村的帮扶单位有县交通委、县粮食局和甲市东湖建材公司。"
    assert _links(extractor, text) == {
        ("县交通委", "910102101203"),
        ("县粮食局", "910102101203"),
        ("甲市东湖建材公司", "910102101203"),
    }


def test_party_and_village_bodies_ending_in_wei_are_not_commissions(extractor: Extractor) -> None:
    text = "白石镇党委、长岭村村委和村两委班子成员参加。"
    names = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert not any(n.endswith("委") for n in names)


def test_a_hall_of_a_village_is_not_a_unit(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村新建了村民议事厅，县发改局与长岭村结对。"
    names = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert "村民议事厅" not in names and "议事厅" not in names


def test_unit_cut_inside_a_place_name_is_not_a_unit(extractor: Extractor) -> None:
    text = "白石镇地处山区。县委办派驻同乐村工作队队长王刚介绍，路修好了。"  # 同 read as a preposition: 乐村工作队
    names = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert not any(n.startswith("乐村") for n in names)


def test_unit_name_takes_its_longest_ending_not_the_first(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市中心医院向石门村捐赠了一批药品。"
    assert _links(extractor, text) == {("甲市中心医院", "910102101204")}


def test_a_bank_and_its_branch_are_one_name(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。工商银行甲市分行与石门村签订结对协议。"
    assert _links(extractor, text) == {("工商银行甲市分行", "910102101204")}


def test_verb_before_a_unit_is_not_part_of_its_name(extractor: Extractor) -> None:
    text = "西山县白石镇举行建设银行捐赠仪式，受赠的是长岭村和石门村。"
    assert _links(extractor, text) == {("建设银行", "910102101203"), ("建设银行", "910102101204")}


def test_official_name_holding_yu_is_kept_whole(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县自然资源与规划局与长岭村结对共建。"
    assert _links(extractor, text) == {("县自然资源与规划局", "910102101203")}


def test_party_branch_with_ordinal_belongs_to_its_unit(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市人民医院第三党支部与长岭村党支部结对共建。"
    party = next(f for f in _facts(extractor, text, "party_org") if f.data["name"] == "甲市人民医院第三党支部")
    assert party.data["belongs_to"] == "org:甲市人民医院"
    assert _links(extractor, text) == {("甲市人民医院第三党支部", "910102101203")}


def test_short_form_of_a_company_named_in_full_earlier_is_the_same_unit(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市恒远管业有限公司的代表来到石门村。一个月前，由恒远管业协助帮扶石门村。"
    pairings = [f for f in _facts(extractor, text, "pairing") if f.data["recipient_code"] == "910102101204"]
    assert {f.data["helper_uid"] for f in pairings} == {"org:甲市恒远管业有限公司"}


def test_a_village_name_that_reads_as_words_is_taken_under_the_town_named_before_it(extractor: Extractor) -> None:
    text = "县发改局结对帮扶的青田镇四滧村和五联村都已脱贫。"
    assert _links(extractor, text) == {("县发改局", "910102102202"), ("县发改局", "910102102204")}


def test_a_village_name_that_reads_as_words_is_taken_in_the_town_of_the_village_listed_before_it(
    extractor: Extractor,
) -> None:
    text = "西山县召开大会。县发改局结对帮扶四滧村、五联村，两村都已脱贫。"
    assert _links(extractor, text) == {("县发改局", "910102102202"), ("县发改局", "910102102204")}


@pytest.mark.parametrize(
    ("listed", "codes"),
    [
        ("长岭和石门两个村", {"910102101203", "910102101204"}),
        ("长岭、石门和同乐三个村", {"910102101203", "910102101204", "910102101205"}),
        ("长岭和石门三个村", set()),  # the count does not fit the names: 和 may be inside a name
    ],
)
def test_village_names_joined_by_he_and_counted_are_each_a_village(
    extractor: Extractor, listed: str, codes: set[str]
) -> None:
    text = f"西山县白石镇召开会议。县发改局帮扶的{listed}都修通了道路。"
    assert {code for _, code in _links(extractor, text)} == codes


def test_a_village_name_that_reads_as_words_gets_no_code_without_its_town(extractor: Extractor) -> None:
    links = _links(extractor, "西山县召开大会，县发改局与五联村结对。")
    assert not any(code in ("910102102204", "910102103203") for _, code in links)


def test_a_centre_for_the_old_is_a_facility_not_a_helper(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村，市里援建的后坪屯老年活动中心和石门村卫生室都已启用。"
    units = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert not any("老年活动中心" in u for u in units)
    assert not any(helper.endswith("老年活动中心") for helper, _ in _links(extractor, text))


def test_a_short_form_made_of_a_units_own_characters_is_that_unit(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村与青禾轻工业学校结对三年。今年春节，青轻校又向长岭村捐赠了图书。"
    assert _links(extractor, text) == {("青禾轻工业学校", "910102101203")}


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        (["青禾轻工业学校", "青轻校"], True),
        (["青禾轻工业学校", "青峰轻工学校", "青轻校"], False),  # two units fit: neither is taken
        (["青禾轻工局", "青轻校"], False),  # a bureau's characters, but not a school's ending
    ],
)
def test_a_short_form_is_joined_only_to_the_one_unit_it_fits(names: list[str], joined: bool) -> None:
    units = [
        Mention("organization", 10 * i, 10 * i + len(n), n, "test", 1.0, uid=f"org:{n}") for i, n in enumerate(names)
    ]
    unify_variants(units, [])
    assert (units[-1].uid == "org:青禾轻工业学校") is joined


def test_facility_is_not_a_unit_but_a_social_service_centre_is(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村党群服务中心举行仪式，与该村签订协议的有石门村和春晖社会服务中心。"
    units = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert "春晖社会服务中心" in units and not any("党群服务中心" in u for u in units)


def test_one_unit_named_with_and_without_its_city_is_one_unit_but_two_cities_units_are_two(
    extractor: Extractor,
) -> None:
    one = "西山县白石镇召开会议。甲市远航集团来到长岭村调研。该村原本就有远航集团的帮扶。"
    assert {f.data["helper_uid"] for f in _facts(extractor, one, "pairing")} == {"org:甲市远航集团"}
    two = "西山县白石镇召开会议。甲市建材公司与长岭村结对，丙市建材公司与石门村结对。"
    assert {(f.data["helper_uid"], f.data["recipient_code"]) for f in _facts(extractor, two, "pairing")} == {
        ("org:甲市建材公司", "910102101203"),
        ("org:丙市建材公司", "910102101204"),
    }


# --- relations ---------------------------------------------------------------------------------------


def test_prepositional_helper_and_village_reference(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村地处山区。在县卫生局机关党支部的帮扶下，该村修通了水泥路。"
    assert _links(extractor, text) == {("县卫生局机关党支部", "910102101203")}


def test_branch_pairs_with_this_village_named_in_an_earlier_clause(extractor: Extractor) -> None:
    text = "西山县白石镇石门村是个老村，县财政局机关党支部和这个村支部结对多年。"
    assert _links(extractor, text) == {("县财政局机关党支部", "910102101204")}


def test_lists_distributed_by_fenbie_pair_in_order(extractor: Extractor) -> None:
    text = "东湖区凌波路街道召开会议。东湖建材公司党支部、西山物流集团党支部两个党支部分别与白石镇长岭村、石门村结对。"
    assert _links(extractor, text) == {("东湖建材公司党支部", "910102101203"), ("西山物流集团党支部", "910102101204")}


def test_recipients_before_fenbie_pair_in_order_with_helpers_after(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。长岭村、石门村分别由县审计局、县财政局结对帮扶。"
    assert _links(extractor, text) == {("县审计局", "910102101203"), ("县财政局", "910102101204")}


def test_pairs_listed_with_dashes(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。结对情况如下：县审计局—长岭村；县财政局—石门村；县水利局—后坪村。"
    assert _links(extractor, text) == {
        ("县审计局", "910102101203"),
        ("县财政局", "910102101204"),
        ("县水利局", "910102101206"),
    }


def test_publisher_speaking_of_itself_is_the_unit_named_in_the_title(extractor: Extractor) -> None:
    text = "甲市第一中学：城乡结对显成效\n近日，我校与西山县白石镇长岭村签订城乡党组织结对帮扶协议。"
    assert _links(extractor, text) == {("甲市第一中学", "910102101203")}


@pytest.mark.parametrize(
    "source_line",
    [
        "来源：甲市东湖建材公司",
        "发布机构：甲市东湖建材公司　发布日期：2024-03-01",
        "信息来源 | 甲市东湖建材公司",
        "版权所有：甲市东湖建材公司　地址：甲市东湖路1号",  # the site's footer
    ],
)
def test_publisher_speaking_of_itself_is_the_unit_of_the_source_line_whatever_its_label(
    extractor: Extractor, source_line: str
) -> None:
    # another company of the body comes first: without the source line 我公司 would be taken for it
    text = f"城乡结对显成效\n甲市西湖物流公司参加了签约仪式。近日，我公司与西山县白石镇长岭村签订结对帮扶协议。\n{source_line}\n"
    assert ("甲市东湖建材公司", "910102101203") in _links(extractor, text)
    assert ("甲市西湖物流公司", "910102101203") not in _links(extractor, text)


def test_a_unit_whose_call_the_publisher_answers_is_not_the_helper(extractor: Extractor) -> None:
    text = "城乡结对\n我院积极响应县文明办号召，与西山县白石镇长岭村开展结对共建活动。\n版权所有：甲市中心医院\n"
    assert _links(extractor, text) == {("甲市中心医院", "910102101203")}


def test_self_reference_without_a_named_publisher_is_kept_for_review(extractor: Extractor) -> None:
    text = "近日，我校与西山县白石镇长岭村签订结对帮扶协议。"
    pairing = next(f for f in _facts(extractor, text, "pairing") if f.data["recipient_code"] == "910102101203")
    assert pairing.data["helper_name"] == "我校" and pairing.evidence.confidence < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇召开会议。长岭村是东湖建材公司的联系点。",
        "西山县白石镇召开会议。东湖建材公司挂钩帮扶长岭村。",
        "西山县白石镇召开会议。东湖建材公司与长岭村党建联建。",
        "西山县白石镇召开会议。驻长岭村第一书记、东湖建材公司干部王建国介绍了情况。",
        "西山县白石镇长岭村地处山区，东湖建材公司一直以来都是它的帮扶单位。",
    ],
)
def test_pairing_phrasings_of_the_genre(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("东湖建材公司", "910102101203")}


@pytest.mark.parametrize(
    ("text", "helper", "code"),
    [
        ("区卫健委党委与白石镇长岭村党总支签订“党建联建”协议。", "区卫健委党委", "910102101203"),
        ("县人社局驻同乐村工作队开展入户走访。", "县人社局", "910102101205"),
        ("后坪村是县水利局的定点帮扶村。", "县水利局", "910102101206"),
        ("县供销社为石门村送去慰问金5000元。", "县供销社", "910102101204"),
        ("长岭村在县财政局的帮助下，建起了光伏电站。", "县财政局", "910102101203"),
        ("西山县白石镇长岭村第一书记张三（县人社局派驻）介绍了情况。", "县人社局", "910102101203"),
        ("今年以来，县交通局投入资金80万元，为石门村修建产业路。", "县交通局", "910102101204"),
    ],
)
def test_more_phrasings_of_the_genre(extractor: Extractor, text: str, helper: str, code: str) -> None:
    assert _links(extractor, "西山县白石镇召开会议。" + text) == {(helper, code)}


@pytest.mark.parametrize(
    "text",
    [
        "县水利局挂包长岭村以来，修通了产业路。",
        "县水利局挂联长岭村，帮助村里发展产业。",
        "县水利局包抓长岭村，选派干部驻村。",
        "县水利局分包长岭村的乡村振兴工作。",
        "县水利局认领长岭村后，组织干部走访农户。",
        "县水利局干部蹲点长岭村三个月。",
        "县水利局党支部帮建长岭村党支部。",
        "县水利局党支部帮带长岭村党支部。",
        "县水利局支援长岭村修建了饮水工程。",
    ],
)
def test_regional_words_for_taking_charge_of_a_village_pair_it(extractor: Extractor, text: str) -> None:
    helpers = {helper for helper, code in _links(extractor, "西山县白石镇召开会议。" + text) if code == "910102101203"}
    assert helpers and helpers <= {"县水利局", "县水利局党支部"}


def test_a_programme_named_for_east_west_cooperation_pairs_nothing(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。访问团前往东湖建材公司和长岭村考察，感受东西部协作的成果。"
    assert _links(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "helper", "code"),
    [
        ("乙省丙市南山区卫河镇与西山县白石镇长岭村结对帮扶。", "乙省丙市南山区卫河镇", "910102101203"),
        ("2021年，丙市南山区对口帮扶西山县白石镇石门村。", "丙市南山区", "910102101204"),
        ("南山区出资100万元为西山县白石镇同乐村修建道路。", "南山区", "910102101205"),
        ("此外，丙市南山区还与西山县白石镇后坪村签订了帮扶协议。", "丙市南山区", "910102101206"),
        # sending its cadres there, and money whose next clause says where it went
        ("南山区援派干部孙浩挂职西山县白石镇长岭村第一书记。", "南山区", "910102101203"),
        ("丙市南山区选派干部孙浩到西山县白石镇石门村任第一书记。", "丙市南山区", "910102101204"),
        ("在东西部协作中，南山区投入协作资金300万元，在西山县白石镇同乐村建设了蔬菜大棚。", "南山区", "910102101205"),
        ("南山区投入资金300万元，用于西山县白石镇后坪村修建道路。", "南山区", "910102101206"),
    ],
)
def test_a_place_of_another_region_opening_the_clause_helps_the_village_it_acts_on(
    extractor: Extractor, text: str, helper: str, code: str
) -> None:
    assert _links(extractor, text) == {(helper, code)}


@pytest.mark.parametrize(
    "text",
    [
        "西山县投入资金500万元，为白石镇长岭村修建道路。",
        "西山县出资100万元为白石镇长岭村修建道路。",
        "南山区与西山县结对以来，白石镇长岭村发展起来了。",
        "会上，南山区卫河镇的干部介绍了经验，长岭村党支部书记也作了发言。",
        "西山县选派干部孙浩到白石镇长岭村任第一书记。",
        "西山县投入资金300万元，在白石镇长岭村建设了蔬菜大棚。",
    ],
)
def test_a_place_does_not_help_its_own_villages_nor_one_it_does_not_act_on(extractor: Extractor, text: str) -> None:
    assert _links(extractor, "西山县白石镇召开会议。" + text) == set()


def test_gai_hang_means_the_bank_the_passage_is_about_not_a_branch_named_once_in_passing(extractor: Extractor) -> None:
    text = (
        "西山县白石镇长岭村是东湖银行的帮扶村。东湖银行党委多次到村调研。东湖银行还联动西山县支行党支部，"
        "开展党建活动。两年来，该行向长岭村捐赠资金20万元。"
    )
    assert _links(extractor, text) == {("东湖银行", "910102101203")}


def test_a_city_named_as_one_side_of_a_partnership_acts_as_a_helper(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。按照协议，丙市方投入200万元，对白石镇石门村的道路实施改造。"
    assert _links(extractor, text) == {("丙市方", "910102101204")}


def test_village_missing_from_the_table_after_its_town_is_kept_unresolved_and_paired(extractor: Extractor) -> None:
    text = "西山县召开会议。白石镇的岭头村是一个低收入村，由县委办负责包扶。"
    pairing = next(f for f in _facts(extractor, text, "pairing"))
    assert pairing.data["helper_name"] == "县委办" and pairing.data["recipient_code"] is None
    assert pairing.data["recipient_uid"] == "village:910102101:岭头村" and pairing.evidence.confidence < 0.5


def test_a_party_body_that_only_names_a_leaders_post_leaves_the_unit_as_helper(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市第二人民医院党委书记周华一行来到长岭村，为村民开展义诊。"
    assert _links(extractor, text) == {("甲市第二人民医院", "910102101203")}
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("周华", "党委书记")]


def test_first_secretary_then_the_unit_he_comes_from_then_his_name(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村第一书记、甲市审计局干部陈刚说，自驻村以来村里变化很大。"
    assert _links(extractor, text) == {("甲市审计局", "910102101203")}
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("陈刚", "第一书记")]


@pytest.mark.parametrize("trade", ["教研员", "医师"])
def test_first_secretary_then_his_trade_at_the_unit_he_comes_from_then_his_name(
    extractor: Extractor, trade: str
) -> None:
    text = f"西山县白石镇长岭村“第一书记”、甲市教育科学研究院{trade}陈刚说，自驻村以来村里变化很大。"
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("陈刚", "第一书记")]


def test_a_meeting_of_departments_and_model_villages_pairs_nothing(extractor: Extractor) -> None:
    text = (
        "西山县召开乡村振兴工作推进会，县农业农村局、县财政局、县交通局等部门负责人参加会议，"
        "白石镇长岭村、石门村作为示范村作了交流发言。"
    )
    assert _links(extractor, text) == set()


def test_a_village_name_starting_with_a_function_word_in_a_list(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县文旅局帮扶长岭村、石门村和同乐村。"
    assert {code for _, code in _links(extractor, text)} == {"910102101203", "910102101204", "910102101205"}


def test_bare_head_refers_to_the_unit_the_article_is_about(extractor: Extractor) -> None:
    text = "甲市远航集团党委书记来到西山县白石镇长岭村调研。这里是集团的结对村。集团将帮助长岭村发展产业。"
    assert _links(extractor, text) == {("甲市远航集团", "910102101203")}


def test_group_word_stands_for_the_branches_of_the_sentence_before(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲报社党支部携手乙公司党支部、丙集团党支部来到白石镇。几家党支部共向长岭村捐赠2万元。"
    helpers = {h for h, code in _links(extractor, text) if code == "910102101203"}
    assert helpers == {"甲报社党支部", "乙公司党支部", "丙集团党支部"}


def test_companion_units_are_not_helpers(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。东湖区凌波路街道办事处会同甲市国土局的负责人，前往石门村开展对口帮扶。"
    assert _links(extractor, text) == {("凌波路街道办事处", "910102101204")}


def test_both_sides_after_a_sentence_naming_them_pair(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。东湖建材公司党支部来到长岭村座谈。双方签订了结对共建协议。"
    pairing = next(f for f in _facts(extractor, text, "pairing"))
    assert (pairing.data["helper_name"], pairing.data["recipient_code"]) == ("东湖建材公司党支部", "910102101203")
    assert pairing.evidence.method == "pairing_both_sides_named_before"


def test_both_sides_as_a_possessor_pairs_nothing(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。东湖建材公司党支部来到长岭村座谈。推动了双方党组织的共同进步，共建成效明显。"
    assert _facts(extractor, text, "pairing") == []


def test_village_to_village_pairing_lets_either_side_help(extractor: Extractor) -> None:
    text = "西山县召开会议。白石镇长岭村与青田镇四滧村签订结对共建协议。"
    pairings = _facts(extractor, text, "pairing")
    assert len(pairings) == 1
    sides = {pairings[0].data["recipient_code"], pairings[0].data["helper_place_code"]}
    assert sides == {"910102101203", "910102102202"}


def test_community_helps_the_village_it_pairs_with(extractor: Extractor) -> None:
    text = "东湖区召开会议。长岭村党支部和凌波路街道桃源社区党支部结对共建。"
    pairing = next(f for f in _facts(extractor, text, "pairing"))
    assert pairing.data["helper_place_code"] == "910101001002"
    assert pairing.data["recipient_code"] == "910102101203"


def test_a_sentence_naming_units_and_a_village_without_a_trigger_pairs_nothing(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。东湖建材公司的员工参观了长岭村的果园。"
    assert _links(extractor, text) == set()


def test_a_trigger_inside_a_name_is_not_a_relation(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。众兴专业合作社的社员参观了长岭村的果园。"
    assert _links(extractor, text) == set()


def test_village_named_as_a_leaders_post_is_not_a_recipient(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县农业局局长、长岭村党支部书记张建国参加了第一书记座谈会。"
    assert _links(extractor, text) == set()


# --- places ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["后进村", "先进村", "示范村", "薄弱村", "空壳村", "重点村", "贫困村", "行政村", "自然村"]
)
def test_descriptive_village_words_are_not_village_names(extractor: Extractor, word: str) -> None:
    text = f"西山县白石镇召开会议。县农业局帮扶的{word}修通了道路。"
    assert not [f for f in _facts(extractor, text, "place") if f.data["level"] == "village"]


def test_a_description_with_a_quantifier_is_not_a_name(extractor: Extractor) -> None:
    text = "西山县卫河镇后坪一带，是一个偏远的小山村，县农业局一直是它的帮扶单位。"
    assert not [f for f in _facts(extractor, text, "place") if f.data.get("code") == "910102103202"]


def test_one_character_village_name_right_after_its_town(extractor: Extractor) -> None:
    text = "西山县农发行扶贫工作队来到他们的帮扶村卫河镇下村，慰问贫困户。"
    assert ("西山县农发行扶贫工作队", "910102103201") in _links(extractor, text)


def test_village_named_once_with_its_town_keeps_its_code_later(extractor: Extractor) -> None:
    text = "东湖区开展活动。队伍来到西山县白石镇石门村调研。会后，还围绕东湖建材公司与石门村开展村企结对进行了商议。"
    assert _links(extractor, text) == {("东湖建材公司", "910102101204")}


def test_branch_named_after_a_village_belongs_to_the_namesake_inside_the_region(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。西山县农业局与长岭村党支部结对共建。"
    party = next(f for f in _facts(extractor, text, "party_org") if f.data["name"].startswith("长岭村"))
    assert party.data["belongs_to"] == "910102101203"


def test_village_in_the_documents_second_district_is_found_when_only_it_has_the_name(extractor: Extractor) -> None:
    # East–West cooperation: the helper's district is named most, the village's county once.
    text = (
        "南山区召开协作会议。南山区卫河镇与西山县建立协作关系。南山区组织部、南山区财政局参加。"
        "会后，南山区农业局与后坪村签订结对帮扶协议。"
    )
    assert _links(extractor, text) == {("南山区农业局", "910102101206")}


def test_ambiguous_town_is_settled_by_the_village_named_under_it(extractor: Extractor) -> None:
    text = "卫河镇组织工作队前往东湖区：柳泉村的党支部书记一同前往。"
    village = next(f for f in _facts(extractor, text, "place") if f.data["level"] == "village")
    assert village.data["code"] == "920101101202"


# --- people ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("西山县白石镇长岭村党支部书记张卫东介绍，村里变化很大。", ("张卫东", "党支部书记")),
        ("张卫东（长岭村党总支书记）参加了会议。", ("张卫东", "党总支书记")),
        ("会上，马建华作为县工商联副主席发言。", ("马建华", "副主席")),
        ("担任支部书记的李春梅主持了仪式。", ("李春梅", "支部书记")),
        ("镇党委副书记、镇长刘欣参加活动。", ("刘欣", "党委副书记、镇长")),
        ("市派“第一书记”赵强一同参加。", ("赵强", "第一书记")),
        ("东湖建材公司董事长欧阳明表示，将继续帮扶。", ("欧阳明", "董事长")),
        ("县人社局副局长洪伟带队走访。", ("洪伟", "副局长")),
        ("驻村第一书记兼工作队队长冯明亮每天都在村里走访。", ("冯明亮", "第一书记兼工作队队长")),
        ("村支书钟国庆带着记者参观了新建的冷库。", ("钟国庆", "支书")),
        ("王海军，男，1978年出生，现任白石镇长岭村党支部书记。", ("王海军", "党支部书记")),
        ("县科技局选派科技特派员王晓峰常驻白石镇长岭村。", ("王晓峰", "特派员")),
        ("驻村第一书记赖小军说，路修好了。", ("赖小军", "第一书记")),
        # a role the lists do not hold, last in a chain after a known one
        ("东湖区审计局党组成员、总审计师邵文边走边看。", ("邵文", "党组成员、总审计师")),
        ("白石镇党委副书记、苏木达钟立新为企业颁发证书。", ("钟立新", "党委副书记、苏木达")),
        ("东湖建材公司副总经理、总工程师洪伟到场指导。", ("洪伟", "副总经理、总工程师")),
        # a name after a role, its other role in brackets
        ("村“两委”成员张卫东（合作社社长）带路。", ("张卫东", "社长")),
        # a name, a verb of post, the post
        ("马建华现任东湖建材公司董事长。", ("马建华", "董事长")),
        ("李春梅原任甲市东湖建材公司党委书记、总经理，后调任他职。", ("李春梅", "党委书记")),
        # a name, 是, the post ending the clause; a name with a middle dot
        ("阿依古丽·买买提是长岭村第一书记。", ("阿依古丽·买买提", "第一书记")),
        ("赵强是白石镇长岭村党支部书记，也是致富带头人。", ("赵强", "党支部书记")),
        ("他叫赵强，是长岭村第一书记。", ("赵强", "第一书记")),
        ("工作队队长由赵强担任。", ("赵强", "队长")),
        ("作为县财政局派驻长岭村的第一书记，赵强每天都在村里。", ("赵强", "第一书记")),
        ("赵强任长岭村第一书记以来，修通了道路。", ("赵强", "第一书记")),
        # a speaker stating their own role
        ("钟国庆说：“作为村党支部书记，我得带头。”", ("钟国庆", "党支部书记")),
        ("钟国庆表示，作为驻村第一书记，要把路修好。", ("钟国庆", "第一书记")),
    ],
)
def test_leader_is_found_with_role_either_way_round(extractor: Extractor, text: str, expected: tuple[str, str]) -> None:
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [expected]


def test_one_helper_with_villages_listed_before_fenbie_pairs_with_each(extractor: Extractor) -> None:
    text = "县财政局与白石镇长岭村、石门村分别签订了结对协议。"
    assert _links(extractor, text) == {("县财政局", "910102101203"), ("县财政局", "910102101204")}


def test_villages_listed_before_their_helper_all_receive_and_none_helps(extractor: Extractor) -> None:
    text = "白石镇长岭村、石门村与县税务局举行结对签约仪式。"
    assert _links(extractor, text) == {("县税务局", "910102101203"), ("县税务局", "910102101204")}


def test_a_units_leaders_visiting_its_paired_village_stand_for_the_unit(extractor: Extractor) -> None:
    assert _links(extractor, "日前，县体育局领导带队到结对村白石镇长岭村调研。") == {("县体育局", "910102101203")}


def test_an_administrative_village_and_a_counted_list_after_its_town_resolve(extractor: Extractor) -> None:
    assert _links(extractor, "县财政局结对帮扶的白石镇长岭行政村位于山区。") == {("县财政局", "910102101203")}
    text = "县财政局与西山县白石镇的长岭、石门两村结对。"
    assert _links(extractor, text) == {("县财政局", "910102101203"), ("县财政局", "910102101204")}


@pytest.mark.parametrize("ending", ["等村", "等3个村", "等三个村", "等村庄"])
def test_a_list_of_names_closed_by_deng_and_cun_is_a_list_of_villages(extractor: Extractor, ending: str) -> None:
    text = f"县财政局在西山县白石镇长岭、石门{ending}开展结对帮扶。"
    assert _links(extractor, text) == {("县财政局", "910102101203"), ("县财政局", "910102101204")}


def test_an_opening_clause_since_the_pairing_states_the_relation_for_the_sentence(extractor: Extractor) -> None:
    text = "自结对以来，甲市职业技术学院先后为白石镇长岭村培训村干部300余人次。"
    assert _links(extractor, text) == {("甲市职业技术学院", "910102101203")}
    assert _links(extractor, "自结对以来，甲市职业技术学院先后在白石镇长岭村举办讲座三场。") == {
        ("甲市职业技术学院", "910102101203")
    }
    assert _links(extractor, "入冬以来，甲市职业技术学院先后在白石镇长岭村举办讲座三场。") == set()


def test_units_that_form_a_pair_with_a_village_pair(extractor: Extractor) -> None:
    text = "经县委组织部牵线，县交通局与白石镇长岭村结成对子。"
    assert _links(extractor, text) == {("县交通局", "910102101203")}


def test_money_raised_for_a_village_is_assistance(extractor: Extractor) -> None:
    assert _links(extractor, "今年，县财政局为白石镇长岭村争取项目资金30万元。") == {("县财政局", "910102101203")}


def test_a_gacha_is_a_village_and_can_be_referred_back_to(extractor: Extractor) -> None:
    assert _links(extractor, "县财政局与西山县青田镇白音嘎查结对共建。") == {("县财政局", "910102102203")}
    text = "西山县青田镇白音嘎查党支部书记张卫东介绍，县交通局帮扶该嘎查修建了牧道。"
    assert _links(extractor, text) == {("县交通局", "910102102203")}


def test_a_units_staff_act_for_it_unless_another_unit_acts(extractor: Extractor) -> None:
    assert _links(extractor, "县人民医院的专家到白石镇长岭村开展义诊。") == {("县人民医院", "910102101203")}
    text = "县卫健局组织县人民医院的专家到白石镇长岭村开展义诊。"
    assert _links(extractor, text) == {("县卫健局", "910102101203")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县财政局选派干部张卫东同志到白石镇长岭村任第一书记。", ("张卫东", "第一书记")),
        ("县财政局选派李春梅到长岭村担任驻村第一书记，为期两年。", ("李春梅", "第一书记")),
        ("去年，县财政局派出年轻干部马建华，到长岭村担任第一书记。", ("马建华", "第一书记")),
        # the name first, then 被 and the verb that sent or appointed them
        ("2021年，张卫东被选派到长岭村担任第一书记。", ("张卫东", "第一书记")),
        ("李春梅被任命为长岭村党支部书记。", ("李春梅", "党支部书记")),
        ("马建华被县财政局派驻长岭村任第一书记以来，跑遍了全村。", ("马建华", "第一书记")),
    ],
)
def test_a_person_sent_to_a_post_is_a_leader_with_that_role(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [expected]


@pytest.mark.parametrize(
    "unit",
    [
        "甲市海关",
        "甲市妇幼保健院",
        "甲市图书馆",
        "甲市慈善总会",
        "甲市公安局交警支队",
        "甲市消防救援支队",
        "甲军分区",
        "甲市东湖区人民政府",
    ],
)
def test_customs_institutions_brigades_and_governments_are_units_that_pair(extractor: Extractor, unit: str) -> None:
    for text in (f"{unit}与西山县白石镇长岭村结对帮扶。", f"{unit}结对帮扶西山县白石镇长岭村以来，修通了道路。"):
        assert _links(extractor, text) == {(unit, "910102101203")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("西山县白石镇长岭村是民盟甲市委的帮扶村。", {("民盟甲市委", "910102101203")}),
        ("西山县白石镇长岭村是华康药业的帮扶村。", {("华康药业", "910102101203")}),
        ("西山县白石镇长岭村是贫困村，也是甲市农科院的定点帮扶村。", {("甲市农科院", "910102101203")}),
        (
            "西山县白石镇长岭村是甲市农科院和华康药业的挂包村。",
            {("甲市农科院", "910102101203"), ("华康药业", "910102101203")},
        ),
        # a level or a region before 的 is no unit's name
        ("西山县白石镇长岭村是县里的帮扶村。", set()),
        ("西山县白石镇长岭村是省级的帮扶村。", set()),
    ],
)
def test_the_words_before_de_bangfucun_name_the_helper_of_any_kind(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _links(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "甲市东湖建材公司牵手西山县白石镇长岭村，共谋发展。",
        "甲市东湖建材公司与西山县白石镇长岭村结穷亲。",
        # the first secretary's own unit, after 来自, which is no part of its name
        "西山县白石镇长岭村第一书记张卫东来自甲市东湖建材公司。",
        "来自甲市东湖建材公司的驻村第一书记张卫东扎根西山县白石镇长岭村三年。",
    ],
)
def test_joining_hands_and_a_first_secretary_coming_from_a_unit_pair_it(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("甲市东湖建材公司", "910102101203")}


@pytest.mark.parametrize("batch", ["第三批", "首批", "新一轮"])
def test_a_teams_batch_is_no_unit_and_the_unit_before_it_sent_the_team(extractor: Extractor, batch: str) -> None:
    text = f"县财政局{batch}驻村工作队进驻西山县白石镇长岭村。"
    assert _links(extractor, text) == {("县财政局", "910102101203")}


@pytest.mark.parametrize(
    ("home", "unit"),
    [
        ("张卫东是来自甲市东湖建材公司的干部，2021年到村任职。", "甲市东湖建材公司"),
        ("张卫东，来自县财政局，今年45岁。", "县财政局"),
        ("张卫东系县财政局干部。", "县财政局"),
    ],
)
def test_a_first_secretarys_home_unit_named_apart_helps_the_village_they_serve(
    extractor: Extractor, home: str, unit: str
) -> None:
    text = f"西山县白石镇长岭村地处山区。长岭村第一书记张卫东带领村民修路。{home}"
    assert _links(extractor, text) == {(unit, "910102101203")}


@pytest.mark.parametrize(
    "text",
    [
        # a unit the person speaks of is not where they come from
        "西山县白石镇长岭村第一书记张卫东带领村民修路。张卫东说，县财政局给了很大支持。",
        # the village's own secretary comes from no helper
        "西山县白石镇长岭村党支部书记张卫东带领村民修路。张卫东是来自县财政局的干部。",
    ],
)
def test_only_a_first_secretarys_own_home_unit_helps_their_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_bare_customs_means_the_customs_named_before(extractor: Extractor) -> None:
    text = "甲市海关定点帮扶西山县白石镇。在白石镇，海关投资援建了长岭村的养殖场。"
    assert _links(extractor, text) == {("甲市海关", "910102101203")}


def test_a_role_read_inside_a_places_name_is_not_the_persons(extractor: Extractor) -> None:
    text = "张卫东作为西山县白石镇长岭村的驻村第一书记，带领村民修路。"  # 镇长 of 白石镇长岭村 is no role
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("张卫东", "第一书记")]


def test_being_named_for_a_prize_is_no_post(extractor: Extractor) -> None:
    assert _facts(extractor, "张卫东被评为优秀第一书记。", "person") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("作为长岭村第一书记，张卫东始终把群众放在心上。", ("张卫东", "第一书记")),
        ("作为县财政局派驻长岭村的第一书记，李春梅扎根村里两年。", ("李春梅", "第一书记")),
        ("长岭村的第一书记叫马建华，是县财政局的干部。", ("马建华", "第一书记")),
        ("长岭村党支部书记名叫张卫东。", ("张卫东", "党支部书记")),
    ],
)
def test_a_role_stated_before_the_name_in_its_own_clause_is_the_persons(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [expected]


def test_helper_introduced_as_the_villages_own_pairs_although_the_village_names_a_post(
    extractor: Extractor,
) -> None:
    text = "白石镇长岭村党支部书记张卫东介绍，帮扶单位甲市东湖建材公司捐赠了10万元。"
    assert _links(extractor, text) == {("甲市东湖建材公司", "910102101203")}
    assert _links(extractor, "白石镇长岭村党支部书记张卫东介绍，甲市东湖建材公司捐赠了10万元。") == set()


@pytest.mark.parametrize(
    "text",
    [
        "来源：甲市日报　作者：王丽　责任编辑：陈晨",
        "（记者 孙浩 通讯员 李强 周敏）",
        "（黄明／文　吴亮／图）",
        "编辑:郭涛\n责编:刘洋\n监审:王强",
        # a credit that reads like a role, a writer beside a unit, names after a unit, a name before its credit
        "白石镇长岭村修通了道路。\n值班主任：韩立 审核：邵青",
        "作者：东湖区委组织部 马建华，区委组织部副部长",
        "甲市融媒体中心 记者 唐亮 通讯员 吕新 白杨",
        "本报甲市讯(王东记者白晓李波)长岭村的冬天很冷。",
        "长岭村党支部书记带领村民修路。 韩立 摄",
        "（通讯员：吴其安、叶新、黄杰，均为东湖区老促会特邀）",
    ],
)
def test_bylines_are_never_leaders(extractor: Extractor, text: str) -> None:
    assert _facts(extractor, text, "person") == []


def test_a_credited_writer_is_a_leader_nowhere_in_the_report(extractor: Extractor) -> None:
    text = "作者：马建华\n白石镇长岭村党支部书记马建华表示，路修好了。"
    assert _facts(extractor, text, "person") == []
    assert [f.data["name"] for f in _facts(extractor, text, "byline")] == ["马建华"]


def test_a_captions_other_clause_keeps_its_leader_beside_a_credit(extractor: Extractor) -> None:
    text = "（左一为长岭村党支部书记张卫东，记者 李强 摄）"
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("张卫东", "党支部书记")]
    assert [f.data["name"] for f in _facts(extractor, text, "byline")] == ["李强"]


@pytest.mark.parametrize("name", ["韩立", "扎西顿珠", "阿依古丽·买买提"])
@pytest.mark.parametrize(
    "note",
    [
        "（本文作者系长岭村驻村第一书记 {name}）",
        "（作者为县水利局驻长岭村第一书记 {name}）",
        "{name}（作者系县水利局派驻长岭村第一书记）",
    ],
)
def test_an_author_whose_note_gives_a_post_is_credited_not_a_leader(extractor: Extractor, note: str, name: str) -> None:
    note = note.format(name=name)
    for text in (f"白石镇长岭村修通了道路。\n{note}", f"{note}\n白石镇长岭村修通了道路。"):
        assert _facts(extractor, text, "person") == []
        assert [f.data["name"] for f in _facts(extractor, text, "byline")] == [name]


def test_an_author_named_right_after_the_post_in_the_note_is_no_leader(extractor: Extractor) -> None:
    assert _facts(extractor, "白石镇长岭村修通了道路。（作者是西山县驻长岭村第一书记韩立）", "person") == []


def test_a_note_that_mentions_the_author_without_introducing_them_keeps_the_leader(extractor: Extractor) -> None:
    text = "长岭村党支部书记韩立（作者认为这是关键）带领村民修路。"
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("韩立", "党支部书记")]


@pytest.mark.parametrize(
    "credit",
    [
        "撰稿人：驻村第一书记 韩立",
        "执笔：驻村第一书记 韩立",
        "驻村第一书记 韩立 报送",
        "（驻村第一书记 韩立 撰）",
        "（驻村第一书记 韩立 整理）",
        "口述：驻村第一书记 韩立 整理：邵青",
    ],
)
def test_a_writer_credited_with_their_post_is_no_leader(extractor: Extractor, credit: str) -> None:
    text = f"白石镇长岭村修通了道路。\n{credit}"
    assert _facts(extractor, text, "person") == []
    assert "韩立" in [f.data["name"] for f in _facts(extractor, text, "byline")]


@pytest.mark.parametrize("line", ["作者简介：韩立，县水利局干部。", "全媒体记者：韩立 邵青"])
def test_a_credit_words_own_tail_is_no_name(extractor: Extractor, line: str) -> None:
    names = [f.data["name"] for f in _facts(extractor, f"白石镇长岭村修通了道路。\n{line}", "byline")]
    assert "简介" not in names and "全媒体" not in names


def test_a_sentence_about_a_reporter_is_no_credits_line(extractor: Extractor) -> None:
    text = "记者了解到，县财政局局长张卫东多次到长岭村调研。"
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("张卫东", "局长")]


def test_a_form_of_address_is_not_a_name(extractor: Extractor) -> None:
    text = "东湖建材公司董事长孟先生表示，要回报农村。公司党支部曹书记参加了座谈。"
    assert _facts(extractor, text, "person") == []


@pytest.mark.parametrize(
    "text",
    [
        "赵强是书记的好帮手。",  # 是 + a role that does not end the clause
        "第一书记、党员赵强参加了会议。",  # a post after the role, not a role
        "钟国庆说，村党支部书记的担子重。",  # a speaker quoting another's role
        "于是，他担任了村党支部书记。",  # a sentence opening with a word, not a name
        "作为第一书记，他每天都在村里。",  # a pronoun after the role's clause
        "主体责任书记要扛在肩上。",  # 任 inside a word
    ],
)
def test_a_name_near_a_role_it_does_not_hold_is_not_a_leader(extractor: Extractor, text: str) -> None:
    assert _facts(extractor, text, "person") == []


def test_a_school_named_by_its_bare_kind_is_no_unit(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。甲市理工大学机械学院教工支部由学院院长王志刚带队，前往白石镇长岭村慰问。"
    assert not any(f.data["name"] == "学院" for f in _facts(extractor, text, "organization"))
    assert ("学院", "910102101203") not in _links(extractor, text)


def test_a_team_named_by_its_batch_is_no_unit(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县发改局选派的第三批工作队进驻白石镇长岭村。"
    assert _links(extractor, text) == {("县发改局", "910102101203")}


def test_a_member_of_a_team_holds_no_leading_role(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村驻村工作队队员王志刚每天走访农户，队长李建国说，路修好了。"
    assert [(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")] == [("李建国", "队长")]


def test_role_followed_by_ordinary_words_is_not_a_leader(extractor: Extractor) -> None:
    text = "要深入学习总书记关于全面推进乡村振兴的重要论述，率先实施村党组织书记任前培训。"
    assert _facts(extractor, text, "person") == []


# --- input as found ----------------------------------------------------------------------------------


def test_a_variant_character_opencc_leaves_alone_reads_as_the_tables_form() -> None:
    table = PlaceIndex.from_places(
        PLACES[:4]
        + [
            Place("town", "910102104", "狸山镇", "狸山镇", "910102", "town"),
            Place("village", "910102104201", "岚村", "岚村村委会", "910102104", "village"),
        ]
    )
    # a one-character village is taken only under its town, and the town is written with the variant
    text = "縣發改局走訪結對村貍山鎮嵐村,修通了道路."
    assert {code for _, code in _links(Extractor(table), text)} == {"910102104201"}


def test_traditional_characters_half_width_punctuation_and_no_paragraph_breaks(extractor: Extractor) -> None:
    text = "來源:甲市日報 時間:2024-03-01 瀏覽量:2301 西山縣白石鎮長嶺村地處山區,縣發改局與長嶺村結對以來,修通了道路."
    # Units are named in simplified characters, as people and places are (one unit, whichever script a page uses);
    # the evidence keeps the page's own characters.
    assert _links(extractor, text) == {("县发改局", "910102101203")}
    (pairing,) = _facts(extractor, text, "pairing")
    assert "縣發改局" in pairing.evidence.surface
    assert {f.data["name"] for f in _facts(extractor, text, "organization")} == {"县发改局"}


@pytest.mark.parametrize(
    "text",
    [
        "结对共建——和平之光服务中心第一党支部到西山县长岭村开展活动。",
        "西山县白石镇长岭村地处山区。和平之光服务中心与长岭村结对以来，修通了道路。",
    ],
)
def test_a_name_opening_a_clause_with_a_function_character_keeps_it(extractor: Extractor, text: str) -> None:
    # 和 after a dash or at a sentence's start joins nothing: it is the name's first character (和平…).
    helpers = {helper for helper, _ in _links(extractor, text)}
    assert helpers and all(h.startswith("和平之光服务中心") for h in helpers)


def test_a_town_named_like_an_organ_is_a_unit_after_another_county() -> None:
    # The table has towns named like organs (a forestry bureau); after a county that does not hold one,
    # or after a bare 县, the name is that county's bureau.
    table = PlaceIndex.from_places([*PLACES, Place("town", "920101401", "林业局", "林业局", "920101", "town")])
    extractor = Extractor(table)
    text = "西山县林业局与白石镇长岭村结对以来，修通了道路。"
    assert _links(extractor, text) == {("西山县林业局", "910102101203")}
    text = "西山县白石镇长岭村地处山区。县林业局与长岭村结对以来，修通了道路。"
    assert _links(extractor, text) == {("县林业局", "910102101203")}


def test_a_role_inside_a_town_before_a_village_names_no_person() -> None:
    # 白石镇长柏村: 镇长 reads across the town and the village, and 柏村 (a surname and 村) would be a name.
    table = PlaceIndex.from_places(
        [*PLACES, Place("village", "910102101207", "长柏村", "长柏村村委会", "910102101", "village")]
    )
    text = "西山县白石镇长岭村地处山区。县发改局重建了白石镇长柏村的道路。"
    assert _facts(Extractor(table), text, "person") == []


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("县发改局党委委员和浩表示，将帮助长岭村。", {("和浩", "党委委员")}),
        ("县发改局由主任和辉勇带队，来到长岭村。", {("和辉勇", "主任")}),
        ("县发改局副局长和丽、科长王明来到长岭村。", {("和丽", "副局长"), ("王明", "科长")}),
        # 和 joining a role and a group, or two roles: no name
        ("县发改局书记和村民一起座谈，主任和副主任、局长和大家表示感谢。", set()),
    ],
)
def test_a_surname_that_is_also_a_conjunction_names_a_person_after_a_role(
    extractor: Extractor, text: str, people: set[tuple[str, str]]
) -> None:
    assert {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")} == people


def test_verbs_of_telling_and_talking_over_end_a_name(extractor: Extractor) -> None:
    text = "长岭村党支部书记鄂斌帅道出了心里话。县发改局干部找到村党支部书记苏桂思商量。"
    people = {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}
    assert people == {("鄂斌帅", "党支部书记"), ("苏桂思", "党支部书记")}


def test_a_branch_of_an_academy_named_after_it_is_one_name(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。中国农业科学院甲市分院与长岭村结对。"
    assert _links(extractor, text) == {("中国农业科学院甲市分院", "910102101203")}


def test_a_branch_word_alone_starts_no_unit(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。大部分院校与长岭村结对。"
    assert _links(extractor, text) == set()


@pytest.mark.parametrize("office", ["测试省人民政府驻甲市办事处", "测试省人民政府驻成都办事处", "甲市人民政府驻京办"])
def test_an_organs_office_in_another_city_is_part_of_its_name(extractor: Extractor, office: str) -> None:
    text = f"西山县白石镇召开会议。{office}驻长岭村工作队为村民办实事。"
    assert _links(extractor, text) == {(office, "910102101203")}


def test_fenbie_with_lists_of_different_lengths_pairs_nothing(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县发改局、县财政局、县教育局分别进驻长岭村、石门村。"
    assert _links(extractor, text) == set()


def test_fenbie_after_a_list_read_only_in_part_pairs_nothing(extractor: Extractor) -> None:
    # 某某会 is no unit the rules know: the list before 分别 still holds three units, not one.
    text = "西山县白石镇召开会议。县发改局、市贸促会、县教育局分别进驻长岭村、石门村、同乐村、后坪村。"
    assert _links(extractor, text) == set()


def test_fenbie_with_lists_of_one_length_still_pairs_in_order(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。县发改局、县财政局分别进驻长岭村、石门村。"
    assert _links(extractor, text) == {("县发改局", "910102101203"), ("县财政局", "910102101204")}


def test_a_bare_bureau_kind_does_not_cut_the_full_names_down_to_it(extractor: Extractor) -> None:
    text = (
        "西山县白石镇召开会议。本文记述测试省机关事务管理局挂钩帮扶西山县的实践。管理局坚持统筹推进挂钩帮扶工作。"
        "测试机关事务管理局定点帮扶的白石镇长岭村。"
    )
    assert _links(extractor, text) == {("测试机关事务管理局", "910102101203")}


def test_a_name_then_shangren_takes_the_post_after_it(extractor: Extractor) -> None:
    # 上任 (took the post up) ends the name as 任 does: not 张科上 with 任.
    text = "西山县白石镇召开会议。2021年7月，张科上任长岭村第四轮驻村第一书记，现实给了他一个下马威。"
    people = {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}
    assert people == {("张科", "第一书记")}


def test_a_sentence_opening_with_paichu_is_sent_by_the_unit_the_report_went_on_with(extractor: Extractor) -> None:
    text = (
        "西山县白石镇召开会议。2017年，甲市中心医院加大了扶贫工作力度。一是拨出专项资金。二是派出第一书记。"
        "派出3名青年骨干分别担任白石镇长岭村、石门村、同乐村党组织第一书记。"
    )
    assert _links(extractor, text) == {
        ("甲市中心医院", "910102101203"),
        ("甲市中心医院", "910102101204"),
        ("甲市中心医院", "910102101205"),
    }


@pytest.mark.parametrize("levels", ["县三级机关", "各级机关"])
def test_organs_of_several_levels_are_no_unit(extractor: Extractor, levels: str) -> None:
    text = f"西山县白石镇召开会议。从省、市、{levels}和企事业单位中选派干部到长岭村任第一书记。"
    assert _links(extractor, text) == set()


def test_he_closing_a_list_of_villages_pairs_no_village_with_another(extractor: Extractor) -> None:
    # 甲、乙和丙 is one list: no village helps 同乐村 because 和 stands before it.
    text = "西山县白石镇召开会议。派出3名青年骨干分别担任白石镇长岭村、石门村和同乐村党组织第一书记。"
    assert _links(extractor, text) == set()


def test_yu_after_a_list_of_villages_still_pairs_them(extractor: Extractor) -> None:
    text = "西山县白石镇召开会议。长岭村、石门村与同乐村签订结对协议。"
    assert _links(extractor, text) == {("长岭村", "910102101205"), ("石门村", "910102101205")}


def test_a_village_the_table_has_only_as_a_community_needs_its_town(extractor: Extractor) -> None:
    # 杏园村 shares its stem with the district's 杏园社区: without the town it may be a village the table
    # lacks, so it takes no code (kept for review); named under its town, the community is meant.
    alone = "东湖区召开会议。区审计局干部常年驻杏园村，与杏园村结对帮扶。"
    assert _links(extractor, alone) == {("区审计局", None)}
    under_town = "东湖区召开会议。区审计局干部常年驻凌波路街道杏园村，与该村结对帮扶。"
    assert _links(extractor, under_town) == {("区审计局", "910101001003")}


def test_villages_joined_by_he_after_a_unit_are_its_recipients(extractor: Extractor) -> None:
    # 和 after a unit acting in the clause lists the unit's villages; they do not pair with each other.
    text = "按照县委部署，县审计局牵头白石镇长岭村和青田镇四滧村定点帮扶任务。"
    assert _links(extractor, text) == {("县审计局", "910102101203"), ("县审计局", "910102102202")}
    # Without a unit before them, two villages joined by 和 with a pairing word still pair with each other.
    assert _links(extractor, "西山县召开会议。白石镇长岭村和青田镇四滧村结对共建。") == {("长岭村", "910102102202")}


def test_a_unit_inside_a_credit_is_no_helper(extractor: Extractor) -> None:
    # The newspaper that employs the reporter is named in the credit bracket: it helps nobody.
    text = "本网讯 据甲市日报报道（甲市日报社记者张三）近日，东湖区负责人带队到西山县考察，并与白石镇长岭村贫困户结对认亲。"
    assert not any(helper.startswith("甲市日报") for helper, _ in _links(extractor, text))
    # A unit after the credit still pairs.
    text = "本网讯 据甲市日报报道（甲市日报社记者张三）近日，县审计局与白石镇长岭村结对共建。"
    assert _links(extractor, text) == {("县审计局", "910102101203")}


def test_an_enterprise_chief_officer_is_a_role_not_a_unit_ending(extractor: Extractor) -> None:
    # 总会 ends charities' names, but in 总会计师 it starts a post: the unit is the plant, the person its officer.
    text = "西山县召开会议。县审计局副局长王五、青河电厂总会计师张三带领工作队进驻白石镇长岭村。"
    units = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert "青河电厂" in units and not any(u.endswith("总会") for u in units)
    people = {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}
    assert ("张三", "总会计师") in people


def test_gai_jiedao_points_at_the_street_office_named_before(extractor: Extractor) -> None:
    # 该街道 is the street office that helps, as 该局 is a bureau named before.
    text = "东湖区凌波路街道到西山县白石镇开展协作。该街道于去年对口帮扶白石镇，在长岭村投入帮扶资金30万元。"
    assert ("凌波路街道", "910102101203") in _links(extractor, text)


def test_a_village_named_without_its_nationality() -> None:
    # The table names the village with its nationality (竹溪畲族村); the news leaves it out. Under its town the
    # village is found; from the county alone it stays a candidate, as the text may mean a village the table lacks.
    table = PlaceIndex.from_places(
        [
            *PLACES,
            Place("village", "910102102205", "竹溪畲族村", "竹溪畲族村村委会", "910102102", "village"),
            Place("village", "910102103205", "桐林社区", "桐林社区居委会", "910102103", "community"),
            Place("village", "910102103206", "桐林瑶族村", "桐林瑶族村村委会", "910102103", "village"),
        ]
    )
    ex = Extractor(table, model=False)
    assert _links(ex, "县审计局与西山县青田镇竹溪村签订结对帮扶协议。") == {("县审计局", "910102102205")}
    assert _links(ex, "西山县召开会议。县审计局与竹溪村签订结对帮扶协议。") == {("县审计局", None)}
    # A community of the same stem keeps its own name.
    assert _links(ex, "西山县卫河镇桐林社区地处城郊。县审计局与桐林社区签订结对帮扶协议。") == {
        ("县审计局", "910102103205")
    }


def test_a_democratic_party_chair_is_a_role_not_a_commission(extractor: Extractor) -> None:
    # 主委 (the chair of a democratic party's committee) ends in 委 like a commission's short name, but is a post.
    for text in (
        "西山县召开会议。会后，芳芳副主委代表民盟县委会与白石镇长岭村签署了结对帮扶协议。",
        "西山县召开会议。会后，专职副主委王五代表民盟县委会与白石镇长岭村签署了结对帮扶协议。",
    ):
        assert _links(extractor, text) == {("民盟县委会", "910102101203")}


def test_a_committee_the_table_writes_clipped_is_found_by_its_name() -> None:
    # The table writes some committees with a clipped word (某嘎查委会, 某村村民委会): the news names the village.
    table = PlaceIndex.from_places(
        [
            *PLACES,
            Place("village", "910102102207", "巴彦塔拉嘎查委会", "巴彦塔拉嘎查委会", "910102102", "village"),
            Place("village", "910102102208", "沙河村村民委会", "沙河村村民委会", "910102102", "village"),
        ]
    )
    ex = Extractor(table, model=False)
    assert _links(ex, "县审计局与西山县青田镇巴彦塔拉嘎查签订结对帮扶协议。") == {("县审计局", "910102102207")}
    assert _links(ex, "县审计局与西山县青田镇沙河村签订结对帮扶协议。") == {("县审计局", "910102102208")}


def test_a_person_named_after_a_post_is_no_unit_named_by_its_role(extractor: Extractor) -> None:
    # 张三与村干部… reads like a unit named without its ending (X与…), but the report named 张三 after a post.
    text = (
        "西山县白石镇长岭村位于山区。县审计局副局长王晓明驻村以来走访农户。"
        "于是，王晓明与当地村干部、党支部决定，以养殖业为突破口，制订了帮扶方案。"
    )
    units = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert "王晓明" not in units
    assert all(helper != "王晓明" for helper, _ in _links(extractor, text))


def test_a_school_a_student_is_admitted_to_is_no_helper(extractor: Extractor) -> None:
    # 考取大学的贫困学生: the verb of admission is no part of a unit's name, and a bare 大学 is no unit.
    text = "西山县白石镇长岭村位于山区。同时，捐赠5万元打造长岭村图书室，看望慰问了困难村民及当年考取大学的贫困学生。"
    assert not any("大学" in f.data["name"] for f in _facts(extractor, text, "organization"))
    assert not any("大学" in helper for helper, _ in _links(extractor, text))


def test_a_conjunction_before_a_bare_head_is_no_unit(extractor: Extractor) -> None:
    # 和厂里…: 和 before the bare head 厂 is a conjunction, not a name (和平厂 would be one).
    text = (
        "甲市卷烟厂与西山县白石镇长岭村结对帮扶。这位老党员将组织关系转入长岭村党支部，"
        "和厂里派驻村的另一名队员王五一起走访农户。"
    )
    units = {f.data["name"] for f in _facts(extractor, text, "organization")}
    assert "和厂" not in units
    assert all(helper != "和厂" for helper, _ in _links(extractor, text))


def test_a_first_secretarys_former_post_in_the_next_sentence_names_the_home_unit(extractor: Extractor) -> None:
    # The sentence after the one naming the secretary opens with where they came from: 从某局副局长到…
    text = "西山县召开会议。今年35岁的白石镇长岭村第一书记王五画了一张地图。从县审计局副局长到扎根一线，他走遍了全村。"
    assert _links(extractor, text) == {("县审计局", "910102101203")}
    # In the next paragraph the subject may be someone else.
    text = (
        "西山县召开会议。今年35岁的白石镇长岭村第一书记王五画了一张地图。\n从县审计局副局长到扎根一线，他走遍了全村。"
    )
    assert _links(extractor, text) == set()


@pytest.mark.parametrize(
    "listed",
    [
        "白石镇长岭村、竹溪村",
        "白石镇长岭村和竹溪村",
        "白石镇长岭村、石门村及竹溪村",
    ],
)
def test_a_village_listed_with_its_towns_villages_the_table_lacks_is_kept_without_a_code(
    extractor: Extractor, listed: str
) -> None:
    # 竹溪村 is no village of the table; listed right after a village read under 白石镇, it is that town's
    # village all the same: a link with no code, for review.
    text = f"西山县召开会议。县审计局与{listed}共同开展结对帮扶。"
    assert ("县审计局", None) in _links(extractor, text)
    kept = [f for f in _facts(extractor, text, "place") if f.data.get("name") == "竹溪村"]
    assert kept and all(f.data.get("code") is None and f.data.get("part_of") == "910102101" for f in kept)


def test_a_name_listed_after_no_village_of_its_town_is_not_kept(extractor: Extractor) -> None:
    # Without a town before the list there is no town to keep the unknown name under.
    text = "西山县召开会议。县审计局到长岭村、竹溪村开展调研。"
    assert ("县审计局", None) not in _links(extractor, text)
    # Nor after a village the table lacks: the town may be a namesake read inside a longer name.
    text = "西山县召开会议。县审计局到白石镇松林村、竹溪村开展调研。"
    assert [f.data["name"] for f in _facts(extractor, text, "place") if f.data.get("name") == "竹溪村"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "县审计局驻竹溪村工作队为村民办实事。",
        "县审计局与竹溪村结对共建。",
        "县审计局与竹溪村签订结对帮扶协议。",
        "县审计局结对帮扶竹溪村，修通了道路。",
        "县审计局派驻竹溪村第一书记张三说。",
        "县审计局定点帮扶竹溪村。",
    ],
)
def test_a_village_the_table_lacks_is_kept_where_the_pairing_sets_its_name_off(
    extractor: Extractor, sentence: str
) -> None:
    # 竹溪村 is in no town of the table. Its name set off on the left (a boundary, a verb, 驻) and on the right (a
    # post or team kept there, the pairing word, punctuation after a verb), the link is kept without a code.
    assert _links(extractor, "西山县召开会议。" + sentence) == {("县审计局", None)}


@pytest.mark.parametrize(
    "sentence",
    [
        "县审计局干部张三担任过竹溪村的第一书记。",  # 过 is the verb's, not the name's
        "县审计局带动其他村第一书记共同开展销售。",  # the other villages
        "兵团各师驻地方村工作队继续落实政策。",  # the local villages, as against the 兵团's
        "县审计局加强农业农村、规划资源等机关党建。",  # the field of work
        "组织多家企业挂钩攻坚贫困村，发扬致富思源精神。",  # a kind of village
        "各家企业要各自结对帮扶一个村，通过资金支持。",  # a count, no name
        "县审计局帮扶所有村第一书记开展培训。",
        "县审计局开展政村企村结对帮扶。",  # a slogan
        "县审计局第一书记带动后进社区、村庄发展。",  # a description of a community
    ],
)
def test_words_before_a_village_ending_that_name_no_village_are_not_kept(extractor: Extractor, sentence: str) -> None:
    text = "西山县召开会议。" + sentence
    assert not any(code is None for _, code in _links(extractor, text))
    assert [f.data["name"] for f in _facts(extractor, text, "place") if f.data.get("level") == "village"] == []


def test_a_listed_village_without_a_code_is_named_with_its_ending(extractor: Extractor) -> None:
    # 五联 is a village of two towns of the county: listed without 村 and given no code, it is still 五联村 in review.
    text = "西山县召开会议。县审计局与长岭、五联两个村签订结对帮扶协议。"
    names = {f.data["recipient_full_name"]: f.data["recipient_code"] for f in _facts(extractor, text, "pairing")}
    assert names == {"长岭村": "910102101203", "五联村": None}


def test_a_town_made_a_street_is_found_by_its_former_name() -> None:
    # The table names the place 石桥街道; older reports still call it 石桥镇 (or 石桥乡).
    table = PlaceIndex.from_places(
        [
            *PLACES,
            Place("town", "910101002", "石桥街道", "石桥街道", "910101", "street"),
            Place("village", "910101002201", "柳湾村", "柳湾村村委会", "910101002", "village"),
            # a namesake in another street of the district: only the town tells which
            Place("town", "910101003", "莲塘街道", "莲塘街道", "910101", "street"),
            Place("village", "910101003201", "柳湾村", "柳湾村村委会", "910101003", "village"),
        ]
    )
    ex = Extractor(table, model=False)
    for town in ("石桥镇", "石桥乡"):
        assert _links(ex, f"县审计局与东湖区{town}柳湾村签订结对帮扶协议。") == {("县审计局", "910101002201")}


@pytest.mark.parametrize("listed", ["长岭、竹溪两个村", "竹溪、长岭两个村", "长岭、石门和竹溪三个村"])
def test_a_counted_list_keeps_the_names_the_table_lacks_without_a_code(extractor: Extractor, listed: str) -> None:
    # The count is the number of names and one of them is the table's village: 竹溪 is a village too, given no code.
    text = f"西山县召开会议。县审计局与{listed}签订结对帮扶协议。"
    assert ("县审计局", None) in _links(extractor, text)
    kept = {
        f.data["recipient_full_name"] for f in _facts(extractor, text, "pairing") if f.data["recipient_code"] is None
    }
    assert kept == {"竹溪村"}


@pytest.mark.parametrize(
    "listed",
    [
        "竹溪、松林两个村",  # none of the names is the table's: nothing says these are villages rather than words
        "长岭、竹溪等3个村",  # 等: the count is not the number of names
    ],
)
def test_a_list_not_counted_name_by_name_keeps_no_name_the_table_lacks(extractor: Extractor, listed: str) -> None:
    text = f"西山县召开会议。县审计局与{listed}签订结对帮扶协议。"
    assert ("县审计局", None) not in _links(extractor, text)


def test_a_one_character_village_keeps_its_ending_in_a_list_of_names_without_it(extractor: Extractor) -> None:
    # 下村 is a one-character name: written without 村 it would be no name, so the list keeps it whole.
    text = "西山县卫河镇召开会议。县审计局挂钩的小山、下村等村委会修通了道路。"
    assert _links(extractor, text) == {("县审计局", "910102103202"), ("县审计局", "910102103201")}
    # Taken only as the table has it: 上村 is none of its villages.
    text = "西山县卫河镇召开会议。县审计局挂钩的小山、上村等村委会修通了道路。"
    assert _links(extractor, text) == {("县审计局", "910102103202")}


@pytest.mark.parametrize(
    ("sentence", "helper"),
    [
        ("竹溪村与县审计局签订结对帮扶协议。", "县审计局"),
        ("竹溪村和青河电厂结对共建。", "青河电厂"),
        ("竹溪村同县审计局缔结友好村。", "县审计局"),
    ],
)
def test_a_village_the_table_lacks_joined_to_its_partner_in_a_pairing_clause_is_kept(
    extractor: Extractor, sentence: str, helper: str
) -> None:
    assert _links(extractor, "西山县召开会议。" + sentence) == {(helper, None)}


def test_a_village_the_table_lacks_joined_to_another_without_a_pairing_is_not_kept(extractor: Extractor) -> None:
    text = "西山县召开会议。竹溪村和松林村的群众一起劳动。"
    assert [f for f in _facts(extractor, text, "place") if f.data.get("level") == "village"] == []
