"""Links through people: a person's unit helps the village the report puts that person in (``secretaries``).

Sentences of our own on the made-up code table of ``test_report_mechanisms``: a person is introduced with
their unit in one sentence and stationed in, or sent to help, a village in another; and the cases that are
no pairing (a county's or town's own leaders in one of its villages, a person only speaking of a village,
a group of several units' leaders, a leader going along with another).
"""

from __future__ import annotations

import pytest

from loaders.reports import Extractor
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import _table

CHANGLING = "910102101203"
INTRO = "西山县白石镇长岭村地处山区。"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_table())


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the person's post in one sentence, stationed in the village in a later one, without 第一书记
        ("张卫东是甲市东湖职业学院的党委副书记。2021年，张卫东来到长岭村驻村，和同伴住在村委会。", "甲市东湖职业学院"),
        ("甲市东湖职业学院党委副书记张卫东介绍了学院情况。两年来，张卫东一直驻在长岭村。", "甲市东湖职业学院"),
        ("甲市东湖职业学院党委副书记张卫东介绍了学院。张卫东和同伴住在长岭村村委会。", "甲市东湖职业学院"),
        # the post taken at the village, after its name
        ("县财政局局长张卫东介绍了情况。2021年起，张卫东任长岭村第一书记。", "县财政局"),
        # the person as the subject of help or pairing
        ("甲市援疆前方指挥部总指挥张卫东介绍了情况。张卫东的“结亲”对象就在长岭村。", "甲市援疆前方指挥部"),
        ("甲市东湖建材公司董事长张卫东介绍了情况。张卫东结对帮扶长岭村的五户村民。", "甲市东湖建材公司"),
        # the cadre the unit answers for the village with
        ("县财政局局长张卫东介绍情况。张卫东是长岭村的包村领导。", "县财政局"),
        # a unit's leader going to the village in a sentence about help
        ("甲市东湖建材公司董事长张卫东出席会议。随后，张卫东来到长岭村，为贫困户送去米面油。", "甲市东湖建材公司"),
        ("甲市东湖建材公司董事长张卫东介绍了公司情况。随后，张卫东一行来到长岭村，察看帮扶项目。", "甲市东湖建材公司"),
    ],
)
def test_a_person_read_with_their_unit_and_later_stationed_in_a_village_links_the_unit(
    extractor: Extractor, text: str, unit: str
) -> None:
    assert _links(extractor, INTRO + text) == {(unit, CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        "张卫东是县财政局的副局长。2021年，他来到长岭村任第一书记。",
        "县财政局副局长张卫东工作认真。他主动请缨，到长岭村驻村。",
    ],
)
def test_he_opening_the_next_sentence_is_the_person_named_alone_before(extractor: Extractor, text: str) -> None:
    assert _links(extractor, INTRO + text) == {("县财政局", CHANGLING)}


def test_he_after_a_sentence_naming_two_leaders_is_nobody_we_can_tell(extractor: Extractor) -> None:
    text = "甲市东湖建材公司董事长张卫东和县财政局局长李明出席会议。他来到长岭村驻村。"
    assert _links(extractor, INTRO + text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the name's end is not shown after it (杨波刚到…): the reading the report repeats is the name
        "县财政局干部杨波刚到长岭村时，村里没有路。杨波连续当了6年长岭村“第一书记”。",
        "县财政局职工张卫东工作认真。张卫东驻长岭村两年。",
    ],
)
def test_a_units_staff_member_stationed_in_a_village_links_the_unit(extractor: Extractor, text: str) -> None:
    assert _links(extractor, INTRO + text) == {("县财政局", CHANGLING)}


@pytest.mark.parametrize(
    "home",
    [
        "张卫东（县财政局干部）说，路修通了。",  # in brackets after the name
        "张卫东现任县财政局副局长。",  # a post the people stage reads for the same name
    ],
)
def test_a_first_secretarys_home_unit_in_brackets_or_as_a_post_elsewhere(extractor: Extractor, home: str) -> None:
    text = f"{INTRO}长岭村第一书记张卫东带领村民修路。{home}"
    assert _links(extractor, text) == {("县财政局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # a county's or town's own government or party committee governs its villages
        "县政府副县长张卫东主持召开会议。随后，张卫东来到长岭村察看帮扶项目。",
        "白石镇党委副书记张卫东主持会议。张卫东到长岭村检查帮扶工作。",
        "测试省人民政府副省长张卫东听取汇报。张卫东到长岭村调研帮扶项目。",
        # a visit that is not about help, or only a call (慰问 alone is also what a county's bureaus do everywhere)
        "县财政局局长张卫东出席会议。随后，张卫东来到长岭村慰问困难群众。",
        "县水利局局长张卫东主持会议。随后，张卫东来到长岭村查看水利工程。",
        # the organization department looking in on a village's first secretary
        "县委组织部部长张卫东出席会议。随后，张卫东来到长岭村看望驻村第一书记。",
        # what the person says of a village
        "甲市东湖建材公司董事长张卫东介绍了公司。张卫东说，长岭村驻村工作做得好。",
        "县财政局干部杨波介绍了情况。杨波说，长岭村第一书记很辛苦。",
        # going along with another leader, or named as an object
        "甲市东湖建材公司董事长张卫东出席。张卫东陪同县委书记李明到长岭村检查帮扶工作。",
        "甲市东湖建材公司董事长张卫东出席。村民们感谢张卫东到长岭村帮扶。",
        # the village's own committee and people who are no unit's leaders
        "长岭村村委会主任张卫东介绍了帮扶项目。",
        "记者张卫东来到长岭村采访帮扶工作。",
    ],
)
def test_no_link_through_a_person_who_governs_speaks_or_goes_along(extractor: Extractor, text: str) -> None:
    assert _links(extractor, INTRO + text) == set()


def test_several_units_leaders_visiting_together_say_nothing_of_which_helps(extractor: Extractor) -> None:
    text = (
        "甲市东湖建材公司董事长张卫东、县财政局局长李明介绍了情况。"
        "甲市东湖建材公司董事长张卫东、县财政局局长李明一行来到长岭村座谈。随后，张卫东一行来到长岭村察看帮扶项目。"
    )
    assert ("县财政局", CHANGLING) not in _links(extractor, INTRO + text)


@pytest.mark.parametrize(
    "text",
    [
        "南山区副区长张卫东到西山县白石镇长岭村实地查看需帮扶项目。",
        "南山区召开会议。区委书记张卫东、区长李明先后到西山县白石镇长岭村实地查看需帮扶项目。",
        "南山区副区长张卫东一行到西山县白石镇长岭村调研东西部协作项目。",
    ],
)
def test_a_regions_leaders_visiting_another_countys_village_about_help_bring_the_region(
    extractor: Extractor, text: str
) -> None:
    assert ("南山区", CHANGLING) in _links(extractor, text)


def test_a_countys_own_leaders_visiting_its_village_govern_it(extractor: Extractor) -> None:
    text = "西山县召开会议。县委书记张卫东、县长李明先后到白石镇长岭村实地查看帮扶项目。"
    assert _links(extractor, text) == set()


@pytest.mark.parametrize("post", ["副局长", "常务副局长"])
def test_a_deputys_post_after_a_unit_is_no_second_unit(extractor: Extractor, post: str) -> None:
    text = f"{INTRO}县财政局{post}张卫东担任长岭村第一书记。"
    assert {f.data["name"] for f in _facts(extractor, text, "organization")} == {"县财政局"}
    assert _links(extractor, text) == {("县财政局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        "长岭村第一书记张卫东带领村民修路。他的派出单位县财政局也投入了资金。",  # what the unit is, then its name
        "张卫东现任县财政局副局长。2021年起，张卫东任长岭村第一书记。",  # the person and 现任 before the name
    ],
)
def test_words_before_a_units_name_are_no_part_of_it(extractor: Extractor, text: str) -> None:
    assert {f.data["name"] for f in _facts(extractor, INTRO + text, "organization")} == {"县财政局"}


@pytest.mark.parametrize(
    "text",
    [
        # a stationed team's leader, the team named by its village: the home unit as a first secretary's
        "长岭村驻村工作队队长张卫东带领村民修路。张卫东是县财政局干部。",
        "县财政局副局长张卫东出席会议。长岭村驻村工作队队长张卫东带领村民修路。",
        # a first secretary without a village, in a report naming one village only
        "驻村第一书记张卫东带领村民修路。张卫东是县财政局干部。",
        # the unit the secretary left for the village, and 他 opening the next sentence
        "长岭村第一书记张卫东介绍情况。2019年，张卫东从县财政局来到村里。",
        "长岭村第一书记张卫东带领村民修路。他来自县财政局。",
        # the unit the secretary comes from written before the name
        "长岭村第一书记张卫东带领村民修路。2019年，来自县财政局的张卫东到村任职。",
        # a person of the unit written with 的
        "县财政局的张卫东介绍了情况。张卫东驻长岭村两年。",
        # the leader called by surname and post
        "县财政局局长张卫东出席会议。随后，张局长一行来到长岭村察看帮扶项目。",
    ],
)
def test_more_ways_of_naming_the_person_and_their_unit(extractor: Extractor, text: str) -> None:
    assert _links(extractor, INTRO + text) == {("县财政局", CHANGLING)}


def test_a_first_secretary_without_a_village_in_a_report_of_several_villages_gets_none(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村和石门村地处山区。驻村第一书记张卫东带领村民修路。张卫东是县财政局干部。"
    assert _links(extractor, text) == set()


def test_a_surname_and_post_shared_by_two_leaders_is_neither(extractor: Extractor) -> None:
    text = "县财政局局长张卫东和县水利局局长张明出席会议。随后，张局长一行来到长岭村察看帮扶项目。"
    assert _links(extractor, INTRO + text) == set()


def test_a_surname_and_post_is_no_unit(extractor: Extractor) -> None:
    text = f"{INTRO}县财政局局长张卫东出席会议。张局长说，路修通了。"
    assert {f.data["name"] for f in _facts(extractor, text, "organization")} == {"县财政局"}


@pytest.mark.parametrize(
    "text",
    [
        "张卫东是甲市东湖职业学院的党委副书记。张卫东和同伴住在村委会。",
        "甲市东湖职业学院党委副书记张卫东工作认真。张卫东驻村以来，走遍了全村。",
    ],
)
def test_stationed_in_the_village_unnamed_in_a_report_naming_one_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, INTRO + text) == {("甲市东湖职业学院", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # two villages: which one is "the village", the text does not say
        "西山县白石镇长岭村和石门村地处山区。县财政局副局长张卫东工作认真。张卫东驻村以来，走遍了全村。",
        # speaking of stationed cadres
        f"{INTRO}县财政局副局长张卫东工作认真。张卫东介绍驻村干部的工作。",
    ],
)
def test_the_unnamed_village_only_where_one_is_named_and_the_person_stays_there(
    extractor: Extractor, text: str
) -> None:
    assert _links(extractor, text) == set()


def test_the_delegation_opening_the_next_sentence_is_the_region_leaders_group(extractor: Extractor) -> None:
    text = (
        "近日，南山区委书记孙立率南山区党政代表团到西山县考察东西部协作工作。"
        "代表团一行先后来到白石镇长岭村、后坪村，实地察看了协作项目。"
    )
    assert _links(extractor, text) == {("南山区", CHANGLING), ("南山区", "910102101206")}


def test_a_villages_own_school_named_by_the_bare_word_is_no_helper(extractor: Extractor) -> None:
    text = "甲市东湖职业学院定点帮扶西山县白石镇石门村。今年3月，学院为村小学捐赠了图书。"
    assert all(helper != "村小学" for helper, _ in _links(extractor, text))


def test_a_leaders_post_name_and_verb_before_the_bureaus_own_word_are_no_unit(extractor: Extractor) -> None:
    # 局班子成员: the bureau's own team, 局 after 带领 with the post and the name before it
    text = f"{INTRO}县财政局党组书记、局长吴涛带领局班子成员，深入结对帮扶的长岭村，走访慰问贫困户。"
    assert {f.data["name"] for f in _facts(extractor, text, "organization")} == {"县财政局"}
    assert _links(extractor, text) == {("县财政局", CHANGLING)}
