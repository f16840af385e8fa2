"""A unit and a village both read, tied by what the text says though no rule linked them before.

Sentences written for the test over the made-up code table of ``test_report_mechanisms``; no sentence
names a real unit, village or article. Each test is a family of the genre (a team a unit keeps in a
village, a pronoun for a unit's people, a first secretary sent by a unit in another sentence, words of
pairing and of help the lists lacked), with several variants, and the cases where the unit only
visits, reports or hosts.
"""

from __future__ import annotations

import pytest

from loaders.places import PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

CHANGLING, SHIMEN = "910102101203", "910102101204"
PLACE = "西山县白石镇长岭村"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


@pytest.mark.parametrize(
    "text",
    [
        f"{PLACE}是市交通局的双联点。",
        f"{PLACE}是市交通局的双联点，今年修通了道路。",
        f"市交通局赴双联点{PLACE}开展节前慰问。",
    ],
)
def test_a_village_named_as_a_units_shuanglian_point_is_its_pair(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        f"测试省林海慈善基金会长期关注乡村振兴。2020年，基金会捐赠20万元帮扶{PLACE}建设文化广场。",
        f"测试省林海慈善基金会（以下简称“基金会”）成立于2010年。基金会出资为{PLACE}修建了道路。",
        f"测试省林海慈善基金会成立于2010年。该基金会出资为{PLACE}修建了道路。",
    ],
)
def test_a_charity_called_by_its_kind_is_the_one_named_before(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("测试省林海慈善基金会", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        f"市交通局选派张明到村任第一书记。{PLACE}第一书记张明带领群众修路。",
        f"2021年，市交通局选派优秀干部张明驻村帮扶。{PLACE}第一书记张明带领群众修路。",
        f"{PLACE}第一书记张明带领群众修路。2021年，市交通局派出张明到村任职。",
        f"{PLACE}第一书记张明带领群众修路。张明是由市交通局选派的干部。",
    ],
)
def test_the_unit_that_sends_a_first_secretary_named_elsewhere_helps_their_village(
    extractor: Extractor, text: str
) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # the organ that assigns first secretaries from every unit is not the one they come from
        f"市委组织部选派张明到村任第一书记。{PLACE}第一书记张明带领群众修路。",
        # a unit whose leader only visits the secretary
        f"{PLACE}第一书记张明带领群众修路。市交通局局长李强看望了张明。",
    ],
)
def test_a_unit_that_does_not_send_the_secretary_is_not_their_villages_helper(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        f"{PLACE}位于山区。市交通局党员干部踊跃参与。他们为长岭村修建了道路。",
        f"{PLACE}位于山区。市交通局积极组织干部职工参与帮扶。他们先后为长岭村捐赠物资2万元。",
    ],
)
def test_they_after_a_sentence_about_a_units_people_is_that_unit(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph between: 他们 may be anyone
        f"{PLACE}位于山区。市交通局召开党组会议。\n他们为长岭村修建了道路。",
        # the unit two sentences back
        f"{PLACE}位于山区。市交通局召开党组会议。会议指出要做好服务。他们为长岭村修建了道路。",
        # the sentence before names villagers: 他们 may be them
        f"{PLACE}位于山区。市交通局局长李强看望了石门村村民。他们为长岭村捐赠了粮食。",
    ],
)
def test_they_does_not_reach_a_unit_it_may_not_point_at(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "helpers"),
    [
        (
            f"在“百企帮百村”行动中，{PLACE}与甲市远航有限公司、西山县红叶农业有限公司“结缘”。",
            {"甲市远航有限公司", "西山县红叶农业有限公司"},
        ),
        (f"{PLACE}与甲市远航有限公司结缘以来，道路修通了。", {"甲市远航有限公司"}),
        (f"因为定点帮扶，{PLACE}与甲市红星学院结下缘分。", {"甲市红星学院"}),
        (f"甲市远航有限公司与{PLACE}结下了不解之缘。", {"甲市远航有限公司"}),
    ],
)
def test_a_unit_and_a_village_tied_by_the_help_are_a_pair(extractor: Extractor, text: str, helpers: set[str]) -> None:
    assert _links(extractor, text) == {(h, CHANGLING) for h in helpers}


def test_a_villager_taking_up_a_trade_is_no_pair(extractor: Extractor) -> None:
    assert _links(extractor, f"{PLACE}村民张某与电商结缘，开起了网店。") == set()


@pytest.mark.parametrize(
    "text",
    [
        f"甲市远航有限公司吸纳{PLACE}300多名劳动力就业。",
        f"甲市远航有限公司带动{PLACE}200户群众增收。",
        f"甲市远航有限公司收购{PLACE}农户的土豆50吨。",
    ],
)
def test_work_and_sales_a_firm_gives_a_villages_people_are_help(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("甲市远航有限公司", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        f"{PLACE}党支部带动群众种植花椒，石门村也跟着学。",
        f"{PLACE}的花椒产业带动了石门村发展。",
        "甲市远航有限公司带动全县200户群众增收。",
    ],
)
def test_a_village_leading_another_or_a_firm_helping_a_county_is_no_unit_village_help(
    extractor: Extractor, text: str
) -> None:
    assert _links(extractor, text) == set()


def test_units_listed_after_a_founding_verb_are_all_founded(extractor: Extractor) -> None:
    text = f"{PLACE}与市交通局结对共建，带动能人回村成立甲市红花劳务有限公司和甲市青叶劳务有限公司两家公司。"
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        (f"{PLACE}群众对市交通局工作队赞不绝口。", "市交通局工作队"),
        (f"市交通局工作队驻扎在{PLACE}。", "市交通局工作队"),
        (f"市交通局工作队在{PLACE}走访农户。", "市交通局工作队"),
        (f"甲市远航有限公司驻村工作队在{PLACE}住了三年。", "甲市远航有限公司"),
    ],
)
def test_a_units_stationed_team_with_a_village_is_the_unit_there(extractor: Extractor, text: str, helper: str) -> None:
    assert _links(extractor, text) == {(helper, CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # a team named by its village serves that village only
        f"{PLACE}驻村工作队到石门村学习经验。",
        # a team named by its task is no unit's
        f"2015年底，甲省军区向{PLACE}派出了扶贫攻坚工作队。扶贫攻坚工作队仍然留驻在长岭村。",
        # an inspecting group is no stationed team
        f"市委组织部考核组到{PLACE}检查驻村工作。",
        # a meeting about the village
        f"市交通局召开会议，研究{PLACE}道路建设问题。",
    ],
)
def test_teams_and_units_that_only_visit_inspect_or_discuss_are_not_stationed(extractor: Extractor, text: str) -> None:
    assert ("扶贫攻坚工作队", CHANGLING) not in _links(extractor, text)
    assert not {h for h, _ in _links(extractor, text)} - {"甲省军区"}


@pytest.mark.parametrize(
    "text",
    [
        f"{PLACE}位于山区。市交通局高度重视帮扶工作。帮扶干部为长岭村修建了道路。",
        f"{PLACE}位于山区。市交通局高度重视帮扶工作。工作队为长岭村争取资金50万元。",
        f"市交通局高度重视帮扶工作。局党组多次研究帮扶事项，为{PLACE}修建了道路。",
        f"市交通局高度重视帮扶工作。2022年以来，累计为{PLACE}投入资金200万元。",
        # a heading naming the unit alone, the body the village
        f"一、市交通局\n2022年以来，累计为{PLACE}投入资金200万元。",
        f"（二）市交通局：\n先后为{PLACE}修建道路5公里。",
    ],
)
def test_a_sentence_going_on_without_the_units_name_takes_the_unit_before(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph between, the unit's line not a heading
        f"市交通局召开党组会议。\n2022年以来，累计为{PLACE}投入资金200万元。",
        # the unit two sentences back
        f"市交通局召开党组会议。会议强调要抓好安全生产。2022年以来，累计为{PLACE}投入资金200万元。",
        # a heading that names no unit
        f"一、基本情况\n2022年以来，累计为{PLACE}投入资金200万元。",
        # the village's own people
        f"{PLACE}召开村民大会。党员干部为长岭村捐款2万元。",
        # someone speaks: the next sentence's subject is not the unit
        f"市交通局局长李强说，今年要做好服务。村民们为{PLACE}修建了道路。",
    ],
)
def test_a_unit_not_right_before_or_not_the_subject_does_not_go_on(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_a_unit_invited_to_send_its_experts_to_a_village_helps_with_the_one_that_invites(
    extractor: Extractor,
) -> None:
    text = f"市交通局邀请甲市远航有限公司技术专家到{PLACE}为村民开展培训。"
    assert _links(extractor, text) == {("市交通局", CHANGLING), ("甲市远航有限公司", CHANGLING)}


def test_a_unit_invited_to_a_ceremony_is_no_helper(extractor: Extractor) -> None:
    text = f"市交通局邀请甲市远航有限公司参加在{PLACE}举行的签约仪式。"
    assert ("甲市远航有限公司", CHANGLING) not in _links(extractor, text)


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        (f"{PLACE}新修的道路，由市交通局投资建设。", "市交通局"),
        (f"甲市远航有限公司投资500万元在{PLACE}建设光伏电站。", "甲市远航有限公司"),
    ],
)
def test_money_a_unit_invests_in_a_village_is_help(extractor: Extractor, text: str, helper: str) -> None:
    assert _links(extractor, text) == {(helper, CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇结对帮扶名单\n序号 帮扶单位 帮扶村\n1 市交通局 长岭村\n2 市水利局 石门村",
        "西山县白石镇结对帮扶安排如下：\n市交通局：长岭村\n市水利局：石门村",
        "西山县白石镇结对帮扶安排如下：长岭村（市交通局）、石门村（市水利局）。",
        "西山县白石镇挂包安排：市交通局（长岭村）、市水利局（石门村）。",
    ],
)
def test_pairings_set_out_as_rows_or_in_brackets_pair_each_unit_with_its_village(
    extractor: Extractor, text: str
) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING), ("市水利局", SHIMEN)}


@pytest.mark.parametrize(
    "text",
    [
        # no line above names a pairing
        "活动现场照片\n市交通局 长岭村\n西山县白石镇",
        # two units and three villages in one row: which goes with which is not said
        "西山县白石镇结对帮扶名单\n序号 帮扶单位 帮扶村\n1 市交通局、市水利局 长岭村、石门村、同乐村",
        # a unit in brackets in a sentence that states no pairing
        f"{PLACE}（市交通局）召开会议。",
    ],
)
def test_a_line_or_bracket_that_sets_out_no_pairing_pairs_nothing(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇有长岭村和石门村。甲市红星学院派驻的第一书记张明从甲市出发。张明终于到了长岭村。",
        "西山县白石镇有长岭村和石门村。第一书记张明来自甲市红星学院。张明终于到了长岭村。",
        f"甲市红星学院派驻的第一书记张明从甲市出发。他终于抵达{PLACE}。",
    ],
)
def test_a_first_secretary_a_unit_sends_who_goes_to_a_village_serves_there(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("甲市红星学院", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # a unit's leader going to a village on no business of help
        "西山县白石镇有长岭村和石门村。甲市红星学院党委书记张明从甲市出发。张明终于到了长岭村。",
        # a first secretary going to another village to learn from it
        f"甲市红星学院派驻的第一书记张明在{PLACE}工作。张明到石门村学习经验。",
    ],
)
def test_a_leader_or_a_secretary_going_elsewhere_links_no_other_village(extractor: Extractor, text: str) -> None:
    assert ("甲市红星学院", SHIMEN) not in _links(extractor, text)
    assert len(_links(extractor, text)) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "驻村手记\n文/市交通局 张明\n我们到达西山县白石镇长岭村驻村不久，就开展了走访。",
        "驻村手记\n作者：市交通局 张明\n2021年，我被派驻到西山县白石镇长岭村担任第一书记。",
    ],
)
def test_a_report_told_by_a_stationed_cadre_links_the_unit_its_credits_name(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # 我们 in a villager's quoted words
        "驻村手记\n文/市交通局 张明\n“我们西山县白石镇长岭村驻村干部很辛苦。”村民说。",
        # the writer visits to learn
        "驻村手记\n文/市交通局 张明\n我们到达西山县白石镇长岭村参观学习。",
        # 我们村: a village speaking of itself
        "驻村手记\n文/市交通局 张明\n我们村在西山县白石镇长岭村旁边，驻村干部常来。",
    ],
)
def test_we_not_the_stationed_writer_links_no_unit(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_a_leaders_later_clause_going_on_with_them_pairs_their_region_with_a_village(extractor: Extractor) -> None:
    text = (
        "5月25日，甲市东湖区委书记张明带领区属部门负责人深入西山县调研对口帮扶工作，详细了解产业发展情况，"
        "并与白石镇长岭村贫困户结对认亲。"
    )
    assert _links(extractor, text) == {("东湖区", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # what the leader says they will do
        "5月25日，甲市东湖区委书记张明深入西山县调研，详细了解产业发展情况，并表示将与白石镇长岭村结对帮扶。",
        # the later clause is another leader's
        "5月25日，甲市东湖区委书记张明深入西山县调研，详细了解产业发展情况，并看望了白石镇长岭村党支部书记王刚结对帮扶的农户。",
    ],
)
def test_a_later_clause_that_is_speech_or_another_leaders_pairs_no_region(extractor: Extractor, text: str) -> None:
    assert ("东湖区", CHANGLING) not in _links(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        f"“多亏了市交通局帮我们修了路。”{PLACE}村民王大爷说。",
        f"“市交通局为我们捐了2万元。”{PLACE}脱贫户李大妈说。",
    ],
)
def test_we_in_a_villagers_quoted_words_is_their_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("市交通局", CHANGLING)}


def test_we_in_a_visitors_quoted_words_is_no_village(extractor: Extractor) -> None:
    text = f"“市交通局帮我们做了很多事。”市水利局干部王某在{PLACE}说。"
    assert ("市交通局", CHANGLING) not in _links(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "甲市红星学院省派第一书记交出亮眼答卷\n在第一书记的帮助下，西山县白石镇长岭村成立了合作社，村集体收入增加了。",
        "甲市红星学院选派干部担任第一书记已有十年。\n第一书记带领西山县白石镇长岭村群众种植花椒。",
    ],
)
def test_a_bare_first_secretary_in_a_report_naming_one_sender_is_that_units(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("甲市红星学院", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # the organ that assigns secretaries from every unit
        "市委组织部召开第一书记座谈会\n在第一书记的帮助下，西山县白石镇长岭村成立了合作社。",
        # two units send secretaries: which one's is not said
        "甲市红星学院和市交通局派驻第一书记\n在第一书记的帮助下，西山县白石镇长岭村成立了合作社。",
        # the village's own secretary, named by the village
        "甲市红星学院省派第一书记交出亮眼答卷\n西山县白石镇石门村第一书记带领群众修路。",
    ],
)
def test_a_bare_first_secretary_without_one_sender_is_no_units(extractor: Extractor, text: str) -> None:
    assert ("甲市红星学院", CHANGLING) not in _links(extractor, text)
    assert ("甲市红星学院", SHIMEN) not in _links(extractor, text)
