"""Context a sentence leans on: where a town is looked for, and which unit a sentence naming none goes on with.

Two cities each have a town named 卫河镇 with a village named 柳泉村: only the city the report names can
settle which one is meant.
"""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import links as _links

PLACES = [
    Place("province", "91", "测试省", "测试省", None, None),
    Place("city", "9101", "甲市", "甲市", "91", None),
    Place("district", "910102", "西山县", "西山县", "9101", None),
    Place("town", "910102103", "卫河镇", "卫河镇", "910102", "town"),
    Place("village", "910102103201", "柳泉村", "柳泉村村委会", "910102103", "village"),
    Place("village", "910102103202", "长岭村", "长岭村村委会", "910102103", "village"),
    Place("province", "92", "乙省", "乙省", None, None),
    Place("city", "9201", "丙市", "丙市", "92", None),
    Place("district", "920101", "南山区", "南山区", "9201", None),
    Place("town", "920101101", "卫河镇", "卫河镇", "920101", "town"),
    Place("village", "920101101201", "柳泉村", "柳泉村村委会", "920101101", "village"),
]
JIA_LIUQUAN, JIA_CHANGLING, BING_LIUQUAN = "910102103201", "910102103202", "920101101201"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


@pytest.mark.parametrize(("city", "village"), [("甲市", JIA_LIUQUAN), ("丙市", BING_LIUQUAN)])
def test_a_town_after_its_city_with_words_between_is_looked_for_in_that_city(
    extractor: Extractor, city: str, village: str
) -> None:
    assert _links(extractor, f"{city}第一医院与卫河镇柳泉村结对。") == {(f"{city}第一医院", village)}


@pytest.mark.parametrize(("city", "village"), [("甲市", JIA_LIUQUAN), ("丙市", BING_LIUQUAN)])
def test_a_town_named_without_its_county_is_looked_for_in_the_city_the_report_names(
    extractor: Extractor, city: str, village: str
) -> None:
    text = f"{city}第一医院今年加大了帮扶力度。医院领导多次调研。第一医院与卫河镇柳泉村结成对子。"
    assert {code for _, code in _links(extractor, text)} == {village}


def test_a_town_no_named_city_settles_stays_unplaced(extractor: Extractor) -> None:
    text = "某医院与卫河镇柳泉村结对。"
    assert {code for _, code in _links(extractor, text)} <= {None}


def test_villages_joined_by_he_before_a_sending_word_are_where_the_unit_sends_people(extractor: Extractor) -> None:
    text = "甲市第一医院选派两名干部分别担任卫河镇柳泉村和长岭村党组织第一书记。"
    assert _links(extractor, text) == {("甲市第一医院", JIA_LIUQUAN), ("甲市第一医院", JIA_CHANGLING)}


def test_villages_joined_by_he_before_a_mutual_pairing_word_still_pair_each_other(extractor: Extractor) -> None:
    text = "甲市西山县卫河镇柳泉村和长岭村结对共建，共同发展产业。"
    assert ("柳泉村", JIA_CHANGLING) in _links(extractor, text)


def test_the_place_of_a_visit_is_not_the_subject_a_later_sentence_goes_on_with(extractor: Extractor) -> None:
    text = "甲市第一医院今年加大了帮扶工作力度。医疗队深入新华小学开展义诊。派出两名骨干担任卫河镇柳泉村第一书记。"
    helpers = {helper for helper, code in _links(extractor, text) if code == JIA_LIUQUAN}
    assert helpers == {"甲市第一医院"}


PASSAGE = "甲市第一医院高度重视帮扶工作，多次召开专题会议研究。"


def test_a_pairing_with_no_unit_named_goes_to_the_unit_the_sentence_before_was_about(extractor: Extractor) -> None:
    text = PASSAGE + "今年5月，两名骨干到卫河镇柳泉村担任第一书记。"
    assert _links(extractor, text) == {("甲市第一医院", JIA_LIUQUAN)}


@pytest.mark.parametrize(
    "later",
    [
        "\n今年5月，两名骨干到卫河镇柳泉村担任第一书记。",  # another paragraph
        "院里的医生很多。病房已经更新。门诊楼也已落成。今年5月，两名骨干到卫河镇柳泉村担任第一书记。",  # too far
        "今年5月，村民在卫河镇柳泉村收到了一批图书。",  # no pairing word
    ],
)
def test_the_unit_the_passage_was_about_is_not_carried_beyond_its_reach(extractor: Extractor, later: str) -> None:
    assert _links(extractor, PASSAGE + later) == set()


AUTONOMOUS = [
    Place("province", "93", "丁省", "丁省", None, None),
    Place("city", "9301", "戊市", "戊市", "93", None),
    Place("district", "930102", "青松彝族自治县", "青松彝族自治县", "9301", None),
    Place("town", "930102201", "云岭傈僳族乡", "云岭傈僳族乡", "930102", "town"),
    Place("town", "930102202", "石坝乌孜别克乡", "石坝乌孜别克乡", "930102", "town"),
    Place("village", "930102201201", "石桥村", "石桥村村委会", "930102201", "village"),
    Place("village", "930102202201", "石桥村", "石桥村村委会", "930102202", "village"),
]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("青松县云岭乡石桥村", "930102201201"),  # the county and the township without their nationalities
        ("青松县云岭傈僳族乡石桥村", "930102201201"),  # the county without its nationality
        ("青松县石坝乌孜别克族乡石桥村", "930102202201"),  # with 族 where the table has none
        ("青松县石坝乡石桥村", "930102202201"),
    ],
)
def test_autonomous_counties_and_ethnic_townships_are_found_by_their_short_names(written: str, code: str) -> None:
    extractor = Extractor(PlaceIndex.from_places(AUTONOMOUS))
    assert _links(extractor, f"戊市某局帮扶{written}，修通了道路。") == {("戊市某局", code)}
