"""Who sends, what kind of unit, what is a place: forms of the western pairing genre on sentences of our own.

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

CHANGLING, SHIMEN = "910102101203", "910102101204"
# A village whose name people shorten by leaving out a word inside it (桃李三村).
TAOLI = "910102101207"
SHORTENED = [Place("village", TAOLI, "桃李家园三村", "桃李家园三村村委会", "910102101", "village")]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES + SHORTENED))


def _people(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}


def test_the_sending_unit_is_the_helper_not_the_sent_persons_own_unit(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。远航建工集团按照要求，选派东湖分公司的王立新到长岭村担任驻村第一书记。"
    assert _links(extractor, text) == {("远航建工集团", CHANGLING)}
    assert ("王立新", "第一书记") in _people(extractor, text)


def test_the_pool_a_person_is_drawn_from_is_not_a_helper(extractor: Extractor) -> None:
    text = "甲市远山监测局从局机关中选派优秀干部担任西山县白石镇长岭村驻村第一书记。"
    assert {h for h, _ in _links(extractor, text)} == {"甲市远山监测局"}


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        # a military unit: 部队 is a unit's ending
        ("市人防办投资在西山县白石镇石门村修建广场，远岭部队投资在西山县白石镇长岭村修建服务中心。", "远岭部队"),
        # a head station of a field service, its name holding 推广 and 与 before its ending
        ("省林果研究与技术推广总站派驻西山县白石镇长岭村驻村工作队。", "省林果研究与技术推广总站"),
    ],
)
def test_field_stations_and_military_units_are_units(extractor: Extractor, text: str, helper: str) -> None:
    assert (helper, CHANGLING) in _links(extractor, text)


def test_a_wish_addressed_to_a_unit_is_not_part_of_its_name(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村干部表示感谢，并期望远山监测局一如既往支持长岭村发展。"
    assert {h for h, _ in _links(extractor, text)} == {"远山监测局"}


def test_a_street_written_as_its_office_before_its_own_village_is_an_address(extractor: Extractor) -> None:
    text = "东湖区民政局派驻凌波路街道办桃源社区工作队，帮助社区建起了食堂。"
    assert _links(extractor, text) == {("东湖区民政局", "910101001002")}


def test_a_team_named_by_one_village_is_not_the_helper_of_the_next_village(extractor: Extractor) -> None:
    text = "受表彰的有西山县白石镇长岭村驻村工作队、东湖区民政局派驻白石镇石门村驻村工作队。"
    assert {h for h, v in _links(extractor, text) if v == SHIMEN} == {"东湖区民政局"}


@pytest.mark.parametrize("office", ["甲市委办公室", "西山县政府办公室"])
def test_a_short_ending_that_starts_a_longer_one_gives_the_longer_name(extractor: Extractor, office: str) -> None:
    text = f"{office}赴双联点西山县白石镇长岭村开展节前慰问，为村委会送去慰问金。"
    assert {h for h, _ in _links(extractor, text)} == {office}


def test_stationed_in_a_village_before_a_post_names_no_village(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村召开座谈会，东湖区局新任驻村第一书记到村报到。"
    villages = {f.data["name"] for f in _facts(extractor, text, "place") if f.data["level"] == "village"}
    assert villages == {"长岭村"}


def test_a_unit_named_under_its_parent_and_later_alone_is_one_unit(extractor: Extractor) -> None:
    text = "国家远山监测局甲市局选派干部担任西山县白石镇长岭村第一书记。村干部期望甲市局继续支持长岭村发展。"
    helpers = {f.data["helper_uid"] for f in _facts(extractor, text, "pairing")}
    assert len(helpers) == 1


def test_names_before_their_roles_in_a_list_of_people_are_leaders(extractor: Extractor) -> None:
    text = "座谈会上，东湖区学院的林一帆院长、葛晓峰副书记、欧阳明亮副院长等先后发言。"
    assert {("林一帆", "院长"), ("葛晓峰", "副书记"), ("欧阳明亮", "副院长")} <= _people(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "会上，长岭村书记、石门村主任等先后发言。",  # a village before the role, not a name
        "会上，葛副主任、林常务副县长等先后发言。",  # a surname and a title, no name
    ],
)
def test_no_name_before_a_role_outside_a_list_of_named_people(extractor: Extractor, text: str) -> None:
    # one person alone (会上，某某副院长发言) is read where the model reads the name: test_report_people
    assert _people(extractor, text) == set()


def test_a_unit_listed_between_two_recipients_receives_with_them(extractor: Extractor) -> None:
    text = "四年来，远山公司帮助西山县白石镇长岭村、白石镇中心小学、石门村改善卫生条件。"
    assert _links(extractor, text) == {("远山公司", CHANGLING), ("远山公司", SHIMEN)}


def test_a_village_shortened_by_a_word_inside_its_name_is_its_towns_village(extractor: Extractor) -> None:
    text = "远山公司助力西山县白石镇桃李三村乡村振兴，启动了广场建设项目。"
    assert _links(extractor, text) == {("远山公司", TAOLI)}


def test_a_shortened_name_must_keep_both_ends_of_the_villages_name(extractor: Extractor) -> None:
    text = "远山公司助力西山县白石镇李家园村乡村振兴，启动了广场建设项目。"
    assert _links(extractor, text) == {("远山公司", None)}


def test_the_head_of_a_helping_group_is_a_leader(extractor: Extractor) -> None:
    text = "西山县副县长、省级单位驻西山县帮扶团副团长葛晓峰一行到白石镇长岭村调研。"
    assert ("葛晓峰", "副团长") in _people(extractor, text)


def test_a_street_office_before_its_village_is_dropped_even_when_the_street_was_not_resolved() -> None:
    from loaders.reports.model import Mention
    from loaders.reports.organizations import drop_street_addresses

    index = PlaceIndex.from_places(PLACES)
    text = "东湖区民政局派驻凌波路街道办桃源社区工作队。"
    street = Mention("organization", 8, 13, "凌波路街道", "unit_suffix_pattern", 0.85)
    bureau = Mention("organization", 0, 6, "东湖区民政局", "unit_suffix_pattern", 0.85)
    start = text.index("桃源社区")
    village = Mention("village", start, start + 4, "桃源社区", "village_exact", 0.95, place=index.get("910101001002"))
    assert drop_street_addresses(text, [bureau, street], [village], index) == [bureau]
