"""False links: units that are not the helper and villages that are not the recipient.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village or
article. Each test is a form of the genre where the nearest unit or village is the wrong one.
"""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from loaders.reports.model import Mention
from loaders.reports.reading import sentences
from loaders.reports.references import SentenceIndex, unit_references
from loaders.reports.unit_identity import unify_variants
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

CHANGLING, SHIMEN = "910102101203", "910102101204"
SHUANGLING = "910102101207"
# A village whose name holds a character that speech drops (双岭则村, said 双岭村).
FILLER_NAMED = [Place("village", SHUANGLING, "双岭则村", "双岭则村村委会", "910102101", "village")]
# One name in two towns of one county.
TWICE_IN_COUNTY = [
    Place("village", "910102102230", "红旗村", "红旗村村委会", "910102102", "village"),
    Place("village", "910102103230", "红旗村", "红旗村村委会", "910102103", "village"),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES + FILLER_NAMED + TWICE_IN_COUNTY))


def test_a_helper_after_a_nearer_village_is_not_the_earlier_villages(extractor: Extractor) -> None:
    text = "一行人先在西山县白石镇长岭村察看果园长势；之后来到石门村，参观由县交通局帮扶建起的村史馆。"
    assert _links(extractor, text) == {("县交通局", SHIMEN)}


def test_a_unit_named_only_by_its_leaders_post_goes_along(extractor: Extractor) -> None:
    text = "远航大学农学院教工党支部由农学院院长张某某、副书记李某某带队，前往西山县白石镇长岭村开展扶贫慰问。"
    assert {h for h, _ in _links(extractor, text)} == {"远航大学农学院教工党支部"}


def test_school_in_a_schools_own_report_is_that_school(extractor: Extractor) -> None:
    text = (
        "远航大学领导赴西山县白石镇长岭村调研\n来源：远航大学\n"
        "长岭村是我校农学院的定点帮扶村。农学院教师多次到农学院实验基地调研。"
        "校长张某某表示，学校会一如既往支持长岭村发展产业。"
    )
    said = [f for f in _facts(extractor, text, "pairing") if "一如既往" in f.evidence.sentence]
    assert {f.data.get("helper_unit_name") or f.data["helper_name"] for f in said} == {"远航大学"}


def test_a_team_named_only_by_its_batch_is_no_unit(extractor: Extractor) -> None:
    text = "远航集团定点帮扶西山县白石镇长岭村。张某某作为第三批工作队来到长岭村驻村。"
    assert {h for h, _ in _links(extractor, text)} == {"远航集团"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit and the village's cadres are listed as those who attend: no pairing
        ("县交通局和白石镇帮扶人员及西山县白石镇长岭村村两委干部参加了驻村第一书记交接座谈会。", set()),
        # a unit helping the village to take part is help
        ("县交通局帮助西山县白石镇长岭村参与乡村旅游推介会。", {("县交通局", CHANGLING)}),
        # 与 joins the two sides: a pairing
        ("县交通局与西山县白石镇长岭村党支部出席了结对共建签约仪式。", {("县交通局", CHANGLING)}),
    ],
)
def test_units_and_village_cadres_listed_as_attendees_are_no_pair(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _links(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trigger words inside a slogan that titles an event: the companions who go along are no helpers
        ("县交通局、县农业局赴西山县白石镇长岭村，开展“村企共建•结对帮扶促振兴”活动。", set()),
        # a quoted trigger alone still states the relation
        ("县交通局到西山县白石镇长岭村开展“结对帮扶”，修通了道路。", {("县交通局", CHANGLING)}),
    ],
)
def test_trigger_words_in_an_events_slogan_state_no_relation(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _links(extractor, text) == expected


def test_trigger_words_in_the_topic_of_talks_state_no_relation(extractor: Extractor) -> None:
    text = "座谈中，县交通局和西山县白石镇长岭村党支部负责同志介绍了基本情况，三方就深化结对共建等事项进行了深入探讨。"
    assert _links(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 及 between the two words of a set phrase that opens a name: part of the name
        ("远航集团通过思源及人公益基金会向西山县白石镇长岭村捐赠了图书。", "思源及人公益基金会"),
        # 及 in a list of units: each is its own
        ("县交通局及县农业局向西山县白石镇长岭村捐赠了图书。", "县农业局"),
    ],
)
def test_ji_inside_a_set_phrase_stays_in_the_name(extractor: Extractor, text: str, name: str) -> None:
    assert name in {f.data["name"] for f in _facts(extractor, text, "organization")}


def test_a_unit_after_a_word_of_means_is_the_channel_not_the_helper(extractor: Extractor) -> None:
    text = "远航集团通过思源及人公益基金会向西山县白石镇长岭村捐赠了图书。"
    assert _links(extractor, text) == {("远航集团", CHANGLING)}


def test_company_means_a_company_before_a_foundation(extractor: Extractor) -> None:
    text = (
        "远航实业有限公司走进西山县，通过思源及人公益基金会参与扶贫。思源及人公益基金会设在甲市。"
        "四年来，公司帮助西山县白石镇长岭村改善卫生条件。"
    )
    assert {f.data.get("helper_unit_name") or f.data["helper_name"] for f in _facts(extractor, text, "pairing")} == {
        "远航实业有限公司"
    }


@pytest.mark.parametrize(
    ("names", "joined"),
    [
        (["远航测试省分公司", "远航"], True),  # the brand and its branch in a region
        (["远航测试省分公司", "远航集团"], False),  # another unit of the brand's name
    ],
)
def test_a_brand_named_with_its_branch_is_one_unit(names: list[str], joined: bool) -> None:
    units = [
        Mention("organization", 20 * i, 20 * i + len(n), n, "test", 1.0, uid=f"org:{n}") for i, n in enumerate(names)
    ]
    unify_variants(units, [])
    assert (units[-1].uid == units[0].uid) is joined


def test_numbered_villages_after_their_town_are_villages_kept_for_review(extractor: Extractor) -> None:
    text = (
        "远航农科院选派干部赴西山县白石镇7村、9村、12村，开展驻村工作。"
        "远航农科院副院长张某某任工作队总领队兼7村第一书记。"
    )
    villages = {
        (f.data["surface"], f.data["status"]) for f in _facts(extractor, text, "place") if f.data["level"] == "village"
    }
    assert villages == {("7村", "unknown"), ("9村", "unknown"), ("12村", "unknown")}
    recipients = {f.data["recipient_name"] for f in _facts(extractor, text, "pairing")}
    assert recipients == {"7村", "9村", "12村"}


def test_a_number_and_cun_without_a_town_before_is_no_village(extractor: Extractor) -> None:
    text = "县交通局帮扶的3村在西山县，去年为其修路。"
    assert not [f for f in _facts(extractor, text, "place") if f.data["level"] == "village"]


@pytest.mark.parametrize(
    ("short", "found"),
    [("川工大", True), ("县人大", False)],  # a university's short name; a people's congress is no school
)
def test_we_the_school_is_a_universitys_short_name_the_report_names(short: str, found: bool) -> None:
    text = f"看望慰问{short}驻村干部。座谈会上，我校派驻某村的第一书记作了汇报。"
    units = [Mention("organization", 4, 7, short, "test", 0.8, uid=f"org:{short}")]
    sents = sentences(text)
    refs = unit_references(text, SentenceIndex(sents), units, "report:t")
    we = next(m for m in refs if m.surface == "我校")
    assert (we.uid == f"org:{short}") is found


def test_a_town_written_with_its_old_level_word_is_that_town(extractor: Extractor) -> None:
    text = "县交通局帮扶西山县白石乡长岭村修通道路。"
    towns = {(f.data["surface"], f.data["code"]) for f in _facts(extractor, text, "place") if f.data["level"] == "town"}
    assert towns == {("白石乡", "910102101")}


@pytest.mark.parametrize(
    ("village", "code"),
    [
        ("双岭村", SHUANGLING),  # the table's 双岭则村 less its filler character
        ("双岭坪村", None),  # 坪 is part of a name, not a filler: another village the table lacks
    ],
)
def test_a_village_less_a_filler_character_is_the_towns_village(
    extractor: Extractor, village: str, code: str | None
) -> None:
    text = f"县交通局结对帮扶西山县白石镇{village}以来，修通了道路。"
    assert _links(extractor, text) == {("县交通局", code)}


@pytest.mark.parametrize(
    ("count", "within"),
    [("三个村", True), ("两个村", False)],  # a count of all three; a count that is not theirs pairs no more
)
def test_villages_summed_by_their_count_all_pair_with_each_other(
    extractor: Extractor, count: str, within: bool
) -> None:
    text = f"西山县白石镇长岭村与青田镇的四滧村、五联村{count}的党总支共同签署了党建联盟合作协议。"
    sihao, wulian = "910102102202", "910102102204"
    expected = {("长岭村", sihao), ("长岭村", wulian)} | ({("四滧村", wulian)} if within else set())
    assert _links(extractor, text) == expected


def test_concluding_a_tie_is_a_pairing_word(extractor: Extractor) -> None:
    text = "县交通局与西山县白石镇长岭村缔结友好单位。"
    assert _links(extractor, text) == {("县交通局", CHANGLING)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first village's short clause goes on into one opening with 和 and the second village's address
        ("东湖区凌波路街道桃源社区带着礼物，和西山县白石镇及该镇长岭村结成对子。", {("桃源社区", CHANGLING)}),
        # two clauses between: the villages are not joined
        ("东湖区凌波路街道桃源社区带着礼物，来到山区，和西山县白石镇及该镇长岭村结成对子。", set()),
    ],
)
def test_a_village_whose_clause_goes_on_with_he_and_another_village_pairs_with_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _links(extractor, text) == expected


@pytest.mark.parametrize(
    ("town", "code"),
    [
        ("青田镇", CHANGLING),  # the county has 长岭村 in exactly one other town: that one, kept for review
        ("卫河镇", CHANGLING),
    ],
)
def test_a_village_its_town_lacks_is_the_countys_one_village_of_that_name(
    extractor: Extractor, town: str, code: str
) -> None:
    text = f"县交通局结对帮扶西山县{town}长岭村以来，修通了道路。"
    villages = [f for f in _facts(extractor, text, "place") if f.data["level"] == "village"]
    assert [(f.data["code"], f.evidence.confidence <= 0.6) for f in villages] == [(code, True)]


def test_a_village_its_town_lacks_and_two_towns_of_the_county_have_stays_unresolved(extractor: Extractor) -> None:
    text = "县交通局结对帮扶西山县白石镇红旗村以来，修通了道路。"  # 红旗村 is in 青田镇 and in 卫河镇
    villages = [f for f in _facts(extractor, text, "place") if f.data["level"] == "village"]
    assert [f.data["code"] for f in villages] == [None]


def test_zhucun_is_the_visiting_teams_word_for_being_stationed(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。远航农业大学第三批“访惠聚”住村工作队住村以来，迅速融入当地生活。"
    assert _links(extractor, text) == {("远航农业大学", CHANGLING)}
