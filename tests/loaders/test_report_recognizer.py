"""The open-class recognizer (``loaders/reports/recognizer.py``): the model proposes, the rules decide.

Sentences written for the test on a made-up code table (provinces 91 and 92); no unit, village or
article of a real report. Each test shows one mechanism: what the rules alone miss, what the model's
proposal adds, and what the rules still refuse. The model is the real one, loaded from its package.
"""

from __future__ import annotations

import hashlib

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor, ReportDoc
from loaders.reports.recognizer import Recognizer, person_proposal_holds, unit_proposal_holds
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES


def _table() -> PlaceIndex:
    """The mechanisms' made-up table, with a county known by its short form (北岭县 for 北岭满族自治县)
    and, in the other province, a county whose name is that short form's tail (岭县) with a namesake village."""
    return PlaceIndex.from_places(
        [
            *PLACES,
            Place("district", "910103", "北岭满族自治县", "北岭满族自治县", "9101", None),
            Place("town", "910103101", "青溪镇", "青溪镇", "910103", "town"),
            Place("village", "910103101201", "望江村", "望江村村委会", "910103101", "village"),
            Place("district", "920102", "岭县", "岭县", "9201", None),
            Place("town", "920102101", "河口镇", "河口镇", "920102", "town"),
            Place("village", "920102101201", "望江村", "望江村村委会", "920102101", "village"),
        ]
    )


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return _table()


@pytest.fixture(scope="module")
def with_model(index: PlaceIndex) -> Extractor:
    return Extractor(index)


@pytest.fixture(scope="module")
def rules_only(index: PlaceIndex, with_model: Extractor) -> Extractor:
    return Extractor(index, matcher=with_model.matcher, model=False)


def _people(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}


# --- units of a kind the rules do not know --------------------------------------------------------


def test_a_unit_with_an_unknown_head_is_proposed_by_the_model_and_pairs(
    with_model: Extractor, rules_only: Extractor
) -> None:
    text = "西山县白石镇地处山区。甲市东港关务署与长岭村结对共建，修通了进村道路。"
    assert _links(rules_only, text) == set()  # 关务署 is no ending the rules know
    assert _links(with_model, text) == {("甲市东港关务署", "910102101203")}
    unit = next(f for f in _facts(with_model, text, "organization") if f.data["name"] == "甲市东港关务署")
    assert unit.evidence.method.startswith("model_")


def test_the_model_is_not_asked_where_the_rules_found_the_helper(index: PlaceIndex, with_model: Extractor) -> None:
    extractor = Extractor(index, matcher=with_model.matcher)
    assert extractor.recognizer is not None
    _links(extractor, "西山县白石镇地处山区。东湖区财政局与长岭村结对共建，修通了进村道路。")
    _links(extractor, "西山县白石镇地处山区，长岭村的道路去年修通了。")  # no relation stated
    assert extractor.recognizer.calls == 0


@pytest.mark.parametrize(
    ("surface", "holds"),
    [
        ("东港关务署", True),
        ("西山县", False),  # a bare place: the gazetteer's, not a unit
        ("长岭村", False),
        ("关务", False),  # too short to stand alone
        ("东港关务署，", False),
    ],
)
def test_the_rules_decide_which_proposed_units_stand(surface: str, holds: bool) -> None:
    assert unit_proposal_holds(surface, 0, len(surface), [], []) is holds


def test_a_proposed_unit_over_a_village_name_is_refused(with_model: Extractor) -> None:
    text = "西山县白石镇长岭村与石门村结对共建，两村合办了一家加工厂。"
    names = {f.data["name"] for f in _facts(with_model, text, "organization")}
    assert not any("村" in n for n in names)


# --- people: where a name ends, and names with a middle dot -----------------------------------------


def test_a_name_followed_by_any_verb_is_read_by_the_model(with_model: Extractor, rules_only: Extractor) -> None:
    text = "西山县白石镇长岭村党支部书记王建国讲了村里这几年的变化。"
    assert ("王建国", "党支部书记") not in _people(rules_only, text)
    assert ("王建国", "党支部书记") in _people(with_model, text)


def test_a_name_with_a_middle_dot_after_a_role(with_model: Extractor) -> None:
    text = "西山县白石镇长岭村第一书记艾合买提·吐尔逊带领队员走访农户。"
    assert ("艾合买提·吐尔逊", "第一书记") in _people(with_model, text)


def test_a_name_without_a_role_is_no_leader_and_a_byline_stays_a_byline(with_model: Extractor) -> None:
    text = "长岭村村民王建国说，路修好了，出门方便多了。（记者 李文清）"
    assert _people(with_model, text) == set()
    assert {f.data["name"] for f in _facts(with_model, text, "byline")} == {"李文清"}


@pytest.mark.parametrize(
    ("name", "holds"),
    [
        ("王建国", True),
        ("欧阳明", True),
        ("艾合买提·吐尔逊", True),
        ("建国", False),  # no surname
        ("王建国讲话", False),  # too long for a surname and three characters
        ("贝史根尔", True),  # a transliterated name whose first syllable is a surname: the text must show its end
        ("·吐尔逊", False),
    ],
)
def test_the_rules_decide_which_proposed_names_stand(name: str, holds: bool) -> None:
    assert person_proposal_holds(name) is holds


def test_the_recognizer_reads_only_a_short_window_after_a_role() -> None:
    seen: list[str] = []

    def tagger(piece: str) -> list[tuple[str, str]]:
        seen.append(piece)
        return [(piece, "n")]

    recognizer = Recognizer(tagger)
    text = "这是一段很长的前文，" * 10 + "村党支部书记王建国讲了村里这几年的变化和打算。"
    pos = text.index("王建国")
    assert recognizer.name_after(text, pos) is None
    assert len(seen) == 1 and len(seen[0]) <= 16


# --- a county's short form ---------------------------------------------------------------------------


def test_a_county_short_form_does_not_make_the_tail_another_county(with_model: Extractor) -> None:
    text = "北岭满族自治县青溪镇望江村去年建起了冷库。北岭县委书记张明远到望江村调研，县财政局与望江村结对。"
    doc = ReportDoc("report:t", "t.txt", text, hashlib.sha256(text.encode()).hexdigest(), text[:20])
    extraction = with_model.extract(doc)
    assert not any(code.startswith("92") for code in extraction.region)
    codes = {f.data.get("code") for f in extraction.facts if f.kind == "place" and f.data["level"] == "village"}
    assert codes == {"910103101201"}


# --- rules added beside the model --------------------------------------------------------------------


def test_villages_listed_without_their_ending_after_a_count(rules_only: Extractor) -> None:
    text = "西山县白石镇地处山区。东湖区财政局结对帮扶的行政村共两个：长岭和石门。"
    assert _links(rules_only, text) == {("东湖区财政局", "910102101203"), ("东湖区财政局", "910102101204")}


def test_a_team_named_after_the_verb_that_sent_it_is_not_a_unit_with_the_words_before(rules_only: Extractor) -> None:
    text = "西山县白石镇地处山区。多年来先后派出驻村工作队帮扶长岭村。"
    names = {f.data["name"] for f in _facts(rules_only, text, "organization")}
    assert not any("派出" in n or "多年来" in n for n in names)


def test_bare_school_means_the_school_the_article_is_about(rules_only: Extractor) -> None:
    text = (
        "甲市农林学院与西山县白石镇结对多年。甲市农林学院师生到白石镇调研。"
        "调研组走访了白石镇中心学校。2021年学校开始帮扶长岭村，修建了冷库。"
    )
    assert ("甲市农林学院", "910102101203") in _links(rules_only, text)
    assert not any(helper == "白石镇中心学校" for helper, _ in _links(rules_only, text))


def test_names_listed_under_one_role_all_take_it(with_model: Extractor) -> None:
    text = "西山县白石镇长岭村、石门村分别迎来了第一书记王建国、李文清，两人都住在村里。"
    assert {("王建国", "第一书记"), ("李文清", "第一书记")} <= _people(with_model, text)


def test_a_role_after_the_comma_of_a_list_starts_its_own_person(with_model: Extractor) -> None:
    text = "长岭村党支部书记王建国、村委会主任李文清一同出席。"
    assert _people(with_model, text) >= {("王建国", "党支部书记")}
    assert ("村委会主任李", "党支部书记") not in _people(with_model, text)
    assert not any(name == "李文清" and role == "党支部书记" for name, role in _people(with_model, text))


# --- the blind check prints totals only --------------------------------------------------------------


def test_the_blind_totals_name_no_document_and_no_miss() -> None:
    from loaders.reports_eval import DevEvaluation, format_blind_totals

    ev = DevEvaluation()
    ev.scores["links"].tp, ev.scores["links"].fn = 3, 1
    ev.per_doc["g01"] = {}
    ev.misses.append("g01 links: 某局 → 某村")
    ev.wrong_codes.append("g01: 某村 → 000000000000")
    ev.bylines_as_leaders.append("g01: 某人")
    printed = format_blind_totals(ev)
    assert "links   P 1.00 R 0.75" in printed
    assert "wrong code: 1" in printed and "leaders: 1" in printed
    assert "g01" not in printed and "某" not in printed


def test_a_street_that_is_only_a_village_address_is_no_helper(rules_only: Extractor) -> None:
    text = "东湖区凌波路街道的桃源社区和西山县白石镇长岭村签下结对协议。"
    helpers = {helper for helper, _ in _links(rules_only, text)}
    assert not any(h.startswith("凌波路街道") for h in helpers)
    assert ("桃源社区", "910102101203") in _links(rules_only, text)


# --- people: a name opening a sentence, then what it is --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王建国，甲市职业技术学院党总支书记，目前在东湖区挂职。", ("王建国", "党总支书记")),
        ("李文清，东湖建材公司职工，2019年被选派到长岭村，担任驻村第一书记至今。", ("李文清", "第一书记")),
    ],
)
def test_a_name_opening_a_sentence_takes_the_post_the_sentence_gives_it(
    rules_only: Extractor, with_model: Extractor, text: str, expected: tuple[str, str]
) -> None:
    assert expected not in _people(rules_only, text)
    assert _people(with_model, text) == {expected}


@pytest.mark.parametrize("text", ["于是，他担任了村党支部书记。", "同时，长岭村党支部书记也参加了。"])
def test_a_word_opening_a_sentence_is_not_read_as_a_name(with_model: Extractor, text: str) -> None:
    assert _people(with_model, text) == set()


# --- issue 19, open round: the model decides where the rules only guess --------------------------


def test_a_headless_name_the_model_reads_as_verbs_is_no_unit(with_model: Extractor, rules_only: Extractor) -> None:
    text = "东湖区财政局党委表示将充分利用与长岭村的结对关系，加大帮扶力度。"
    assert ("充分利用", "910102101203") in _links(rules_only, text)  # X与某村: the rules take X for a unit
    units = {f.data["name"] for f in _facts(with_model, text, "organization")}
    assert "充分利用" not in units
    assert ("充分利用", "910102101203") not in _links(with_model, text)


def test_a_headless_name_the_model_reads_as_a_name_stays_a_unit(with_model: Extractor) -> None:
    text = "西山县白石镇地处山区。青松书院与长岭村结对共建，捐赠图书两千册。"
    assert ("青松书院", "910102101203") in _links(with_model, text)


def test_a_village_placed_in_a_town_that_lacks_it_takes_no_namesake_from_another_county(
    with_model: Extractor,
) -> None:
    text = "东湖区财政局与凌波路街道桃源社区、长岭村结对共建。"
    # 长岭村 is in 西山县, not under 凌波路街道: its namesake's code is not given to it.
    assert all(f.data.get("code") != "910102101203" for f in _facts(with_model, text, "place"))
    assert ("东湖区财政局", "910102101203") not in _links(with_model, text)
    assert ("东湖区财政局", "910101001002") in _links(with_model, text)


def test_the_model_reads_where_a_three_character_name_before_a_quote_ends(
    with_model: Extractor, rules_only: Extractor
) -> None:
    text = "东湖区财政局副局长张明以“驻村干部”的身份扎根长岭村。"
    assert ("张明以", "副局长") in _people(rules_only, text)  # the quote is all the rules see of its end
    assert _people(with_model, text) == {("张明", "副局长")}


def test_a_form_of_address_between_a_name_and_its_post_verb(rules_only: Extractor) -> None:
    text = "会上，李华同志作为驻村第一书记汇报了工作。"
    assert ("李华", "第一书记") in _people(rules_only, text)


# --- issue 19, the western genre: names without a Han surname -------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("长岭村党支部书记扎西次仁表示，村里新建了温室大棚。", ("扎西次仁", "党支部书记")),
        ("白石镇党委书记次仁多吉、镇长白玛央金到长岭村调研。", ("白玛央金", "镇长")),
        ("长岭村村委会主任达瓦带队参加培训。", ("达瓦", "村委会主任")),
        ("长岭村党支部书记吉克阿布表示，村里的路修好了。", ("吉克阿布", "党支部书记")),
        # 沙 is a Han surname and 则 may follow a name: the Yi reading runs one character further
        ("长岭村党支部书记沙马拉则带领村民种植花椒。", ("沙马拉则", "党支部书记")),
        ("扎西次仁（长岭村党支部书记）介绍了村里的情况。", ("扎西次仁", "党支部书记")),
        ("据了解，白玛央金担任长岭村党支部书记已有五年。", ("白玛央金", "党支部书记")),
        ("长岭村党支部书记次旺罗布表示，村里变化大。", ("次旺罗布", "党支部书记")),
        ("长岭牧委会主任才让多杰表示，牧民收入增加了。", ("才让多杰", "牧委会主任")),
    ],
)
def test_tibetan_and_yi_names_after_a_role_are_read_by_the_rules(
    rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert person in _people(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "长岭村党支部书记扎西德勒的祝福送到了群众心中。",  # a greeting made of name syllables
        "长岭村第一书记格桑花开的季节来了。",  # a syllable, then a common noun
        "长岭村的多吉表示很满意。",  # no role
        "长岭嘎查达到了脱贫标准。",  # a village ending, then 达到
    ],
)
def test_name_syllables_without_a_role_or_before_a_common_word_are_no_name(with_model: Extractor, text: str) -> None:
    assert _people(with_model, text) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("长岭村党支部书记阿卜杜热合曼介绍，村里建起了馕坑。", ("阿卜杜热合曼", "党支部书记")),
        ("长岭村第一书记巴特尔表示，牧民收入增加了。", ("巴特尔", "第一书记")),
        # the model reads the role and the name as one person: the rules cut it where the role ends
        ("长岭村嘎查达巴特尔表示，牧民收入增加了。", ("巴特尔", "嘎查达")),
    ],
)
def test_uyghur_and_mongolian_names_after_a_role_are_read_by_the_model(
    with_model: Extractor, rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert person not in _people(rules_only, text)
    assert person in _people(with_model, text)


def test_a_western_name_credited_in_a_byline_is_no_leader(with_model: Extractor) -> None:
    text = "长岭村党支部书记达瓦表示，村里变化大。（通讯员 达瓦）"
    assert _people(with_model, text) == set()
    assert {f.data["name"] for f in _facts(with_model, text, "byline")} == {"达瓦"}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("长岭村党支部书记冶生福带领群众修路。", {("冶生福", "党支部书记")}),
        ("长岭村第一书记玉罕带领群众种茶。", {("玉罕", "第一书记")}),
        ("长岭村党支部书记刀建平说，村里变化大。", {("刀建平", "党支部书记")}),
        # Hui and other north-western family names
        ("长岭村第一书记哈建鸿说，村里变化大。", {("哈建鸿", "第一书记")}),
        # the same characters beginning ordinary words: the model reads no person there
        ("长岭村党支部书记岩石上刻着字。", set()),
        ("长岭村村委会主任玉米地里忙着。", set()),
    ],
)
def test_rare_family_names_of_the_west_are_asked_of_the_model(
    with_model: Extractor, rules_only: Extractor, text: str, people: set[tuple[str, str]]
) -> None:
    assert _people(rules_only, text) == set()
    assert _people(with_model, text) == people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("长岭村第一书记吐尔逊．买买提表示，村里变化大。", ("吐尔逊.买买提", "第一书记")),
        ("长岭村第一书记吐尔逊•买买提带领群众种棉花。", ("吐尔逊•买买提", "第一书记")),
        ("吐尔逊．买买提（长岭村党支部书记）介绍了情况。", ("吐尔逊.买买提", "党支部书记")),
    ],
)
def test_a_name_with_any_dot_between_its_parts_is_read_by_the_rules(
    rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert person in _people(rules_only, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a first part that reads as a Han name (赵 is a surname) does not end the name at the dot
        ("长岭村第一书记赵德提·阿不都热合曼介绍了情况。", ("赵德提·阿不都热合曼", "第一书记")),
        ("长岭村党支部书记艾山·吐尔逊表示，村里变化大。", ("艾山·吐尔逊", "党支部书记")),
    ],
)
def test_a_dotted_name_whose_first_part_looks_han_is_read_over_the_dot(
    rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    people = _people(rules_only, text)
    assert person in people and not any(person[0].startswith(name) and name != person[0] for name, _ in people)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("长岭村党支部书记热依拉·买买提说，村里变化大。", ("热依拉·买买提", "党支部书记")),
        ("长岭村第一书记买买提·吐尔逊说，今年要修路。", ("买买提·吐尔逊", "第一书记")),
    ],
)
def test_a_dotted_name_ended_by_a_one_character_word_before_punctuation_is_read_by_the_rules(
    with_model: Extractor, rules_only: Extractor, text: str, person: tuple[str, str]
) -> None:
    assert _people(rules_only, text) == {person}
    assert _people(with_model, text) == {person}


def test_a_dotted_name_that_a_one_character_word_may_end_inside_a_clause_is_left_to_the_model(
    rules_only: Extractor,
) -> None:
    text = "长岭村党支部书记热依拉·买买提在村里种菜。"
    assert _people(rules_only, text) == set()  # 买买提在 or 买买提 + 在: the rules cannot tell


def test_a_dot_the_model_reads_as_a_word_of_its_own_joins_the_name() -> None:
    def tagger(piece: str) -> list[tuple[str, str]]:
        return [("书记", "n"), ("阿卜杜热合曼", "PER"), ("·", "w"), ("买买提", "v"), ("表示", "v")]

    text = "书记阿卜杜热合曼·买买提表示"
    assert Recognizer(tagger).tag(text, 0, len(text)) == [(2, 12, "PER")]
