"""Leaders written in ways the role-then-name rules never met: families of phrasing of government and news
reports, each proved on sentences of our own over the made-up code table of ``test_report_mechanisms``."""

from __future__ import annotations

import pytest

from loaders.places import PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.test_report_mechanisms import PLACES


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


@pytest.fixture(scope="module")
def rules_only(extractor: Extractor) -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES), matcher=extractor.matcher, model=False)


def _people(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}


def _units(extractor: Extractor, text: str) -> set[str]:
    return {f.data["name"] for f in _facts(extractor, text, "organization")}


def test_a_common_surname_the_list_lacked_starts_a_name(extractor: Extractor) -> None:
    assert ("傅家宁", "主席") in _people(extractor, "县政协副主席、县工商联主席傅家宁带领企业家来到长岭村。")
    assert ("傅家宁", "党委副书记") in _people(extractor, "傅家宁是甲市远航公司的党委副书记。")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("孙启明董事长表示，公司将持续帮扶长岭村。", ("孙启明", "董事长")),
        ("邓华林书记一行来到长岭村。", ("邓华林", "书记")),
        ("据韩立春主任介绍，长岭村去年人均收入增加。", ("韩立春", "主任")),
        ("活动由蒋晓峰副局长主持。", ("蒋晓峰", "副局长")),
        ("“我们要把路修好。”梁国栋书记说。", ("梁国栋", "书记")),
        ("彭志远总经理带队到长岭村开展慰问。", ("彭志远", "总经理")),
        ("会上，谢文清院长介绍了帮扶情况。", ("谢文清", "院长")),
    ],
)
def test_a_name_before_its_role_is_a_leader_where_the_model_reads_the_name(
    extractor: Extractor, rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}
    assert _people(rules_only, text) == set()  # only the model shows where such a name starts


def test_a_name_read_into_a_units_ending_before_its_role_is_no_unit(extractor: Extractor) -> None:
    text = "活动由蒋晓峰局长主持，长岭村村民参加。"
    assert ("蒋晓峰", "局长") in _people(extractor, text)
    assert not any(u.startswith("蒋晓峰") for u in _units(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "车间主任表示，要抓好生产。",  # a word before the role, not a name
        "深入学习孙启明总书记重要讲话精神。",  # the role does not end: 重要
        "孙启明总书记指出，要做好帮扶。",  # the national leader the genre quotes
        "会上，孙启明主任科员发言。",  # a rank, not the role, follows
    ],
)
def test_no_leader_before_a_role_where_the_role_does_not_stand_alone(extractor: Extractor, text: str) -> None:
    assert _people(extractor, text) == set()


def test_the_repeat_of_a_leader_named_with_a_role_adds_no_second_role(extractor: Extractor) -> None:
    text = "长岭村党支部书记孙启明介绍了情况。随后，孙启明书记带大家参观了合作社。"
    assert _people(extractor, text) == {("孙启明", "党支部书记")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("前方指挥部总指挥邓华林到长岭村调研。", ("邓华林", "总指挥")),
        ("工作队副总指挥梁国栋表示，要做好产业帮扶。", ("梁国栋", "副总指挥")),
        ("援疆工作队领队韩立春介绍了帮扶情况。", ("韩立春", "领队")),
        ("医疗队领队、主任医师彭志远带领队员义诊。", ("彭志远", "领队")),
    ],
)
def test_the_heads_of_a_front_headquarters_and_of_a_team_are_roles(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}


def test_a_verb_ending_in_a_roles_first_character_gives_no_role(extractor: Extractor) -> None:
    assert _people(extractor, "村干部带领队伍到田间，伍家湾的群众也来了。") == set()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("甲市职业技术学院党委副书记、教授孙启明带队来到长岭村。", "党委副书记、教授"),
        ("学院副院长、副教授谢文清介绍了情况。", "副院长、副教授"),
    ],
)
def test_a_professors_title_closes_a_chain_of_roles(extractor: Extractor, text: str, role: str) -> None:
    assert {r for _, r in _people(extractor, text)} == {role}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("卢海峰现为长岭村驻村第一书记。", ("卢海峰", "第一书记")),
        ("蒋晓峰挂职长岭村第一书记以来，走遍了全村。", ("蒋晓峰", "第一书记")),
        ("孙启明自2021年起担任长岭村第一书记。", ("孙启明", "第一书记")),
        ("邓华林于2022年5月任长岭村党支部书记，带领村民发展产业。", ("邓华林", "党支部书记")),
        ("现任长岭村党支部书记的韩立春，原是一名退伍军人。", ("韩立春", "党支部书记")),
        ("长岭村第一书记（邓华林）介绍了村里情况。", ("邓华林", "第一书记")),
    ],
)
def test_a_post_held_now_since_a_date_or_named_before_the_bracketed_name(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert person in _people(extractor, text)


def test_zi_ends_a_name_only_before_a_date(extractor: Extractor) -> None:
    # 自 of 自身 is no end of a name: 邓华 uses 自身 (the model reads it), not 邓华用
    text = "白石镇长岭村第一书记邓华用自身专业特长，指导村民种植。"
    assert _people(extractor, text) == {("邓华", "第一书记")}


@pytest.mark.parametrize(
    "text",
    [
        "深入学习总书记关于“三农”工作的重要论述。",
        "按照选派第一书记文件要求，加强管理。",
        "局长办公会研究决定，由村党支部书记成立合作社。",
    ],
)
def test_a_word_starting_with_a_surnames_character_after_a_role_is_no_name(extractor: Extractor, text: str) -> None:
    assert _people(extractor, text) == set()


def test_a_transliterated_name_ends_before_a_conjunction(extractor: Extractor) -> None:
    text = "工作队副队长阿里木·吐尔逊和村委会的干部一起入户走访。"
    assert {n for n, _ in _people(extractor, text)} == {"阿里木·吐尔逊"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("市海事局干部孙启明下派到长岭村担任第一书记，带领村民致富。", ("孙启明", "第一书记")),
        ("县财政局干部邓华林派驻长岭村任第一书记以来，修通了道路。", ("邓华林", "第一书记")),
        ("甲市远航公司职工韩立春被选派到长岭村担任第一书记。", ("韩立春", "第一书记")),
        ("县农业局党员蒋晓峰挂职长岭村第一书记。", ("蒋晓峰", "第一书记")),
        ("去年，县委组织部选派哈明远到长岭村担任第一书记。", ("哈明远", "第一书记")),
    ],
)
def test_a_person_after_their_post_noun_goes_down_to_a_post(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("在县文联副主席贝史根尔的陪同下，我们来到长岭村。", ("贝史根尔", "副主席")),
        ("村委会主任阿依努尔介绍，村里建了合作社。", ("阿依努尔", "村委会主任")),
    ],
)
def test_a_long_transliterated_name_after_a_role_is_read_where_the_text_shows_its_end(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}


def test_a_four_character_reading_that_does_not_visibly_end_is_no_name(extractor: Extractor) -> None:
    assert {n for n, _ in _people(extractor, "镇党委书记王建国讲了三点意见。")} <= {"王建国"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("县农机厂厂长孙启明表示，要帮村里修好农机。", ("孙启明", "厂长")),
        ("国营林场场长邓华林带领职工植树。", ("邓华林", "场长")),
        ("县人民检察院检察长韩立春带队走访长岭村。", ("韩立春", "检察长")),
        ("一连连长蒋晓峰介绍，连队种植了红枣。", ("蒋晓峰", "连长")),
        ("团政委梁国栋到长岭村调研。", ("梁国栋", "政委")),
        ("中心幼儿园园长谢文清说，孩子们很开心。", ("谢文清", "园长")),
    ],
)
def test_heads_of_factories_farms_kindergartens_procuratorates_and_companies_are_roles(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("长岭村的第一书记是孙启明。", ("孙启明", "第一书记")),
        ("担任第一书记的是邓华林，他来自县财政局。", ("邓华林", "第一书记")),
        ("工作队队长为韩立春，队员有两名。", ("韩立春", "队长")),
    ],
)
def test_a_role_then_shi_or_wei_then_the_name_closing_the_clause(
    extractor: Extractor, rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}
    assert _people(rules_only, text) == set()


@pytest.mark.parametrize("text", ["村党支部书记是党员，也是致富能手。", "第一书记为群众办实事。"])
def test_a_word_after_a_role_and_shi_is_no_name(extractor: Extractor, text: str) -> None:
    assert _people(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    ["孙启明、邓华林两位副局长到长岭村走访。", "孙启明和邓华林两名第一书记轮流驻村。"],
)
def test_names_joined_before_a_counted_role_each_take_it(extractor: Extractor, text: str) -> None:
    assert {n for n, _ in _people(extractor, text)} == {"孙启明", "邓华林"}
    assert not any("副局" in u for u in _units(extractor, text))  # 某某两位副局长 names no unit


def test_one_name_before_a_counted_role_is_no_list(extractor: Extractor) -> None:
    assert _people(extractor, "村里来了两位第一书记，长岭村的孙启明也来了。") == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("孙启明（男，汉族，1975年出生，中共党员，现任长岭村党支部书记）带领村民修路。", ("孙启明", "党支部书记")),
        ("2020年，孙启明当选长岭村党支部书记。", ("孙启明", "党支部书记")),
        ("孙启明从县财政局来到长岭村任第一书记。", ("孙启明", "第一书记")),
        ("邓华林来到长岭村担任第一书记以来，走遍了全村。", ("邓华林", "第一书记")),
    ],
)
def test_a_biography_in_brackets_an_election_and_a_move_to_a_post(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(extractor, text) == {person}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("县里成立了以孙启明为组长的工作专班。", ("孙启明", "组长")),
        ("工作组由三人组成，孙启明为组长，邓华林为副组长。", ("孙启明", "组长")),
    ],
)
def test_a_name_then_wei_and_a_role_closing_the_clause(
    extractor: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert person in _people(extractor, text)


@pytest.mark.parametrize("text", ["孙启明为村民办实事。", "长岭村为示范村。"])
def test_wei_before_no_role_gives_no_leader(extractor: Extractor, text: str) -> None:
    assert _people(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("据次仁多吉书记介绍，长岭村去年增收。", ("次仁多吉", "书记")),
        ("“路修好了。”吉克阿布主任说。", ("吉克阿布", "主任")),
        ("会上，阿里木·吐尔逊书记介绍了情况。", ("阿里木·吐尔逊", "书记")),
    ],
)
def test_a_western_name_before_its_role_is_a_leader(extractor: Extractor, text: str, person: tuple[str, str]) -> None:
    assert _people(extractor, text) == {person}


def test_a_greeting_before_a_role_is_no_name(extractor: Extractor) -> None:
    assert _people(extractor, "大家齐声说扎西德勒书记好。") == set()


def test_a_rank_after_the_name_stands_between_it_and_its_post(extractor: Extractor) -> None:
    text = "42岁的孙启明中校，是甲市军分区驻长岭村工作队队长，也是长岭村第一书记。"
    assert ("孙启明", "队长") in _people(extractor, text)


def test_the_repeat_of_a_leader_whose_post_a_verb_gives_adds_no_second_role(extractor: Extractor) -> None:
    text = "孙启明书记带大家参观了合作社。孙启明是长岭村第一书记。"
    assert _people(extractor, text) == {("孙启明", "第一书记")}


def test_yiji_after_a_name_ends_it(extractor: Extractor) -> None:
    text = "县税务局局长揭文林以及税务专家一行来到长岭村。"
    assert _people(extractor, text) == {("揭文林", "局长")}
