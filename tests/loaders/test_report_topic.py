"""Help whose village is named only before: the village a passage is about, on sentences written for the test.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village or
article. A sentence that states help (a trigger and a helper) and names no village takes the village
the passage is about; the guards keep it from sentences about the helper alone, a wider area or
another place.
"""

from __future__ import annotations

import pytest

from loaders.places import PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

CHANGLING, SHIMEN = "910102101203", "910102101204"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph opens on the village, the next sentence says who helps it
        "西山县白石镇长岭村位于白石镇东部，是省定经济薄弱村。2021年以来，县交通局与其结对，先后投入资金80万元。",
        "西山县白石镇长岭村位于白石镇东部。县交通局捐建了一座文化礼堂。",
        "西山县白石镇长岭村位于白石镇东部。县交通局与对方签订了结对帮扶协议。",
        # the title names the village, the body only the helper
        "西山县白石镇长岭村：真情帮扶暖民心\n近年来，县交通局捐建了一座文化礼堂，还修通了道路。",
        # the place of a visit, the help in the next sentence
        "县交通局一行来到西山县白石镇长岭村。他们为村里捐赠了图书300册。",
    ],
)
def test_help_naming_no_village_goes_to_the_village_the_passage_is_about(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("县交通局", CHANGLING)}


def test_help_to_the_passages_village_is_less_sure_than_help_to_a_named_one(extractor: Extractor) -> None:
    named = _facts(extractor, "县交通局为西山县白石镇长岭村捐建了一座文化礼堂。", "pairing")
    topic = _facts(extractor, "西山县白石镇长岭村位于山区。县交通局捐建了一座文化礼堂。", "pairing")
    assert [f.evidence.method for f in topic] == ["pairing_topic_village"]
    assert topic[0].evidence.confidence < named[0].evidence.confidence
    assert topic[0].evidence.surface.startswith("县交通局")  # the evidence is the helper's own sentence


@pytest.mark.parametrize(
    "text",
    [
        # the helper's own work: a meeting, no village word
        "西山县白石镇长岭村位于山区。县交通局召开党组会议，研究部署帮扶工作。",
        # a wider area than the village
        "西山县白石镇长岭村位于山区。县交通局为全县投入资金2000万元。",
        "西山县白石镇长岭村位于山区。县交通局今年共帮扶12个村。",
        # a sentence about another place
        "西山县白石镇长岭村位于山区。县交通局在青田镇捐建了一座学校。",
        # a list of villages is no single topic
        "西山县白石镇的长岭村、石门村位于山区。县交通局捐建了一座文化礼堂。",
        # the work in general, a slogan, several helpers at once
        "西山县白石镇长岭村位于山区。县交通局将把帮扶工作做实做细。",
        "西山县白石镇长岭村位于山区。县交通局响应“百企帮百村”倡议。",
        "西山县白石镇长岭村位于山区。县交通局等单位捐建了一座文化礼堂。",
        # help to another unit, at another unit, or to the helper's own people
        "西山县白石镇长岭村位于山区。县交通局向东湖中学捐赠图书300册。",
        "西山县白石镇长岭村位于山区。县交通局到县人民医院慰问了住院职工。",
        "西山县白石镇长岭村位于山区。县交通局慰问了退休老干部。",
        # a work team named by its task is no helper to carry the help
        "西山县白石镇长岭村位于山区。精准扶贫工作队捐建了一座文化礼堂。",
        # the village named too long before
        "西山县白石镇长岭村位于山区。天晴。天阴。下雨。刮风。下雪。起雾。县交通局捐建了一座文化礼堂。",
    ],
)
def test_a_sentence_not_about_the_passages_village_takes_no_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_a_new_paragraph_on_another_village_takes_over(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。\n县交通局捐建了一座文化礼堂，又在石门村修通了道路。\n县财政局捐建了一所学校。"
    # the third paragraph names no village: the second paragraph named another one, so 长岭村 is no longer it
    assert ("县财政局", CHANGLING) not in _links(extractor, text)


def test_a_paragraph_naming_another_village_ends_the_topic_at_its_start(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。\n县财政局捐建了一所学校。西山县白石镇石门村地处河谷。"
    assert _links(extractor, text) == set()


def test_a_paragraph_about_another_town_ends_the_topic(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。\n青田镇地处河谷，县财政局捐建了一所学校。"
    assert _links(extractor, text) == set()


def test_a_paragraph_about_another_city_ends_the_topic_and_the_villages_own_city_does_not(
    extractor: Extractor,
) -> None:
    assert _links(extractor, "西山县白石镇长岭村位于山区。\n丙市的县财政局捐建了一所学校。") == set()
    assert _links(extractor, "西山县白石镇长岭村位于山区。\n甲市的县财政局捐建了一所学校。") == {
        ("县财政局", CHANGLING)
    }


def test_the_villages_own_town_does_not_end_the_topic(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。\n白石镇今年雨水充足。县财政局捐建了一所学校。"
    assert ("县财政局", CHANGLING) in _links(extractor, text)


def test_a_sentence_going_on_with_the_subject_needs_a_village_word(extractor: Extractor) -> None:
    text = "县交通局一行来到西山县白石镇长岭村。随后，他们捐赠了图书300册。"
    assert _links(extractor, text) == set()  # no 村里 / 村民: the gift may be anyone's


@pytest.mark.parametrize(
    "text",
    [
        "县委组织部将西山县白石镇长岭村定为县交通局的帮扶村。",
        "西山县白石镇长岭村被县委组织部确定为县交通局联系点。",
        "县委组织部确定县交通局为西山县白石镇长岭村的帮扶单位。",
        # the village named before: the assignment names no village of its own
        "西山县白石镇长岭村位于山区。2019年，县委组织部将其定为县交通局的帮扶村。",
    ],
)
def test_the_unit_a_village_is_assigned_to_is_its_helper_not_the_organ_that_assigns(
    extractor: Extractor, text: str
) -> None:
    assert _links(extractor, text) == {("县交通局", CHANGLING)}


def test_villages_assigned_together_all_go_to_the_unit(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村、石门村被县委组织部确定为县交通局联系点。"
    assert _links(extractor, text) == {("县交通局", CHANGLING), ("县交通局", SHIMEN)}


@pytest.mark.parametrize("word", ["这些村", "上述村", "以上村"])
def test_an_uncounted_plural_points_at_the_villages_named_together_before(extractor: Extractor, word: str) -> None:
    text = f"西山县白石镇的长岭村、石门村位于山区，交通不便。县交通局结对帮扶{word}以来，修通了道路。"
    assert _links(extractor, text) == {("县交通局", CHANGLING), ("县交通局", SHIMEN)}


@pytest.mark.parametrize(
    "text",
    [
        # one village named before: a plural cannot point at it, nor may the topic stand for it
        "西山县白石镇长岭村位于山区。县交通局结对帮扶这些村以来，修通了道路。",
        # the villagers of several villages are no reference to them
        "西山县白石镇的长岭村、石门村位于山区。县交通局来到后，这些村民很高兴。",
    ],
)
def test_a_plural_with_no_villages_to_point_at_links_none(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_what_a_visitor_does_in_later_clauses_it_does_in_the_village_visited(extractor: Extractor) -> None:
    text = "县交通局党支部来到西山县白石镇长岭村，开展主题党日活动，捐赠图书300册。"
    assert _links(extractor, text) == {("县交通局党支部", CHANGLING)}


def test_a_visit_reaches_no_further_than_the_next_village_named(extractor: Extractor) -> None:
    text = "县交通局党支部来到西山县白石镇长岭村，开展主题党日活动，随后前往石门村捐赠图书300册。"
    assert _links(extractor, text) == {("县交通局党支部", SHIMEN)}


def test_a_village_named_in_passing_does_not_take_help_two_clauses_on(extractor: Extractor) -> None:
    text = "县交通局党支部结束了对西山县白石镇长岭村的调查，整理了资料，捐赠图书300册。"
    assert _links(extractor, text) == set()


def test_a_later_clause_going_on_with_the_subject_states_help_to_the_same_village(extractor: Extractor) -> None:
    text = "至于西山县白石镇长岭村，县交通局动员群众建设养殖基地，同时对返乡大学生创业给予支持。"
    assert _links(extractor, text) == {("县交通局", CHANGLING)}


def test_a_clause_going_on_after_another_helper_and_village_is_theirs(extractor: Extractor) -> None:
    text = "县交通局调研了西山县白石镇长岭村，县财政局则前往石门村，并捐赠图书300册。"
    assert _links(extractor, text) == {("县财政局", SHIMEN)}


def test_a_clause_that_does_not_go_on_with_the_subject_states_nothing_for_the_village(extractor: Extractor) -> None:
    text = "至于西山县白石镇长岭村，县交通局动员群众建设养殖基地，返乡大学生创业得到了支持。"
    assert _links(extractor, text) == set()


def test_a_village_the_table_lacks_is_the_topic_of_its_own_paragraph_only(extractor: Extractor) -> None:
    same = "西山县白石镇红星村位于山区。县交通局捐建了一座文化礼堂。"
    later = "西山县白石镇红星村位于山区。\n县交通局捐建了一座文化礼堂。"
    assert _links(extractor, same) == {("县交通局", None)}
    assert _links(extractor, later) == set()


def test_a_helper_doing_anything_for_a_village_helps_it(extractor: Extractor) -> None:
    text = "县交通局为西山县白石镇长岭村量身定制了发展规划。"
    assert _links(extractor, text) == {("县交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        "县交通局作为西山县白石镇长岭村的邻居，常来常往。",  # 作为: a verb, not "for"
        "为西山县白石镇长岭村量身定制发展规划，是县交通局的心愿。",  # no helper before it in its clause
    ],
)
def test_wei_that_is_part_of_a_verb_or_has_no_helper_states_no_help(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_help_at_the_occasion_opened_before_goes_to_its_village_from_its_helper(extractor: Extractor) -> None:
    text = "县交通局在西山县白石镇长岭村召开座谈会。会上，为村里捐赠了办公电脑10台。"
    assert _links(extractor, text) == {("县交通局", CHANGLING)}


@pytest.mark.parametrize(
    "text",
    [
        # the helper is not the subject of the sentence right before
        "县交通局在西山县白石镇长岭村召开座谈会。天晴。会上，为村里捐赠了办公电脑10台。",
        # a team named by its task does nothing by its name
        "县交通局在西山县白石镇长岭村召开座谈会。会上，慰问组观看了村里的演出。",
    ],
)
def test_an_occasion_without_its_subject_or_act_takes_no_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == set()


def test_a_counted_reference_reaches_back_over_the_paragraph_before(extractor: Extractor) -> None:
    text = (
        "西山县白石镇的长岭村、石门村位于山区。天晴。天阴。下雨。刮风。\n\n县交通局结对帮扶这两个村以来，修通了道路。"
    )
    assert _links(extractor, text) == {("县交通局", CHANGLING), ("县交通局", SHIMEN)}


def test_a_counted_reference_does_not_reach_over_a_whole_paragraph(extractor: Extractor) -> None:
    text = (
        "西山县白石镇的长岭村、石门村位于山区。\n天晴。天阴。下雨。刮风。\n县交通局结对帮扶这两个村以来，修通了道路。"
    )
    assert _links(extractor, text) == set()


def test_a_units_own_stationed_team_names_the_passage_village(extractor: Extractor) -> None:
    # 某局机关驻村工作队 right after the unit: the unit is stationed in the village the passage is about.
    text = "西山县白石镇长岭村的水渠工地上一片忙碌。县交通局机关驻村工作队的队员正和村民一起查看渠道。"
    assert _links(extractor, text) == {("县交通局机关", CHANGLING)}
    # In a villager's quoted words it is not read, nor is a team named only by its task.
    quoted = "西山县白石镇长岭村的水渠工地上一片忙碌。村民说：“县交通局驻村工作队的队员天天来。”"
    assert _links(extractor, quoted) == set()
