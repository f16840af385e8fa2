"""The western genre (issue 19): village-level names and helpers of the west, on sentences of our own.

The code table is the mechanisms' made-up one with a made-up pastoral county (province 93): a township
whose villages are written X村 in the text and stored as X村委会, X村 or X牧委会 in the table. No real
unit, village or article is named.
"""

from __future__ import annotations

import pytest

from loaders.gazetteer import short_village_name
from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

WEST = [
    Place("province", "93", "高原自治区", "高原自治区", None, None),
    Place("city", "9301", "雪山地区", "雪山地区", "93", None),
    Place("district", "930101", "云岭县", "云岭县", "9301", None),
    Place("town", "930101201", "拉康乡", "拉康乡", "930101", "township"),
    Place("village", "930101201201", "帕玉村", "帕玉村委会", "930101201", "village"),
    Place("village", "930101201202", "岗果村", "岗果村", "930101201", "village"),
    Place("village", "930101201203", short_village_name("德庆牧委会"), "德庆牧委会", "930101201", "village"),
    # the table keeps a note in brackets in some names
    Place(
        "village", "930101201204", "格玛村民委员会（农村社区）", "格玛村民委员会（农村社区）", "930101201", "village"
    ),
    # transliterated names longer than nine characters
    Place("village", "930101201205", "阿克吐尔洪托格拉克村", "阿克吐尔洪托格拉克村委会", "930101201", "village"),
    Place(
        "village", "930101201206", "克孜勒苏喀拉库勒阿依玛克村", "克孜勒苏喀拉库勒阿依玛克村", "930101201", "village"
    ),
    # a city of the 兵团 with two regiments (towns) and their companies (villages), named as the table names them
    Place("city", "9390", "自治区直辖县级行政区划", "自治区直辖县级行政区划", "93", None),
    Place("district", "939001", "绿洲市", "绿洲市", "9390", None),
    Place("town", "939001500", "兵团一五二团", "兵团一五二团", "939001", "other"),
    Place("village", "939001500500", "二连生活区", "二连生活区", "939001500", "community"),
    Place("village", "939001500501", "十一连生活区", "十一连生活区", "939001500", "community"),
    Place("town", "939001501", "兵团第九师一六三团", "兵团第九师一六三团", "939001", "other"),
    Place("village", "939001501501", "三连队", "三连队", "939001501", "community"),
]
CONTEXT = "云岭县拉康乡地处高原。"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES + WEST), model=False)


# --- village level ----------------------------------------------------------------------------------


@pytest.mark.parametrize("village", ["德庆牧委会", "德庆村"])
def test_a_pastoral_committee_is_a_village_written_either_way(extractor: Extractor, village: str) -> None:
    text = f"{CONTEXT}东湖区财政局与拉康乡{village}结对帮扶，捐赠了20万元。"
    assert _links(extractor, text) == {("东湖区财政局", "930101201203")}


def test_a_village_whose_table_name_holds_a_note_in_brackets_is_found_by_its_name(extractor: Extractor) -> None:
    text = f"{CONTEXT}东湖区财政局与拉康乡格玛村结对帮扶。"
    assert _links(extractor, text) == {("东湖区财政局", "930101201204")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("东湖区财政局为阿克吐尔洪托格拉克村捐赠了200只羊。", "930101201205"),
        ("东湖区财政局与拉康乡克孜勒苏喀拉库勒阿依玛克村结对。", "930101201206"),
    ],
)
def test_a_transliterated_village_name_longer_than_the_usual_limit_is_found_exactly(
    extractor: Extractor, text: str, code: str
) -> None:
    assert _links(extractor, CONTEXT + text) == {("东湖区财政局", code)}


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("一五二团二连", "939001500500"),
        ("152团11连", "939001500501"),
        ("一五二团十一连", "939001500501"),
        ("兵团一五二团二连", "939001500500"),
        ("一六三团三连", "939001501501"),  # 兵团第九师一六三团, 三连队 in the table
    ],
)
def test_a_company_after_its_regiment_is_a_village(extractor: Extractor, place: str, code: str) -> None:
    assert _links(extractor, f"东湖区财政局与{place}结对帮扶。") == {("东湖区财政局", code)}


def test_lian_that_starts_a_word_after_a_regiment_is_no_company(extractor: Extractor) -> None:
    text = "一五二团连续三年获得表彰，东湖区财政局与该团结对。"
    assert not [f for f in _facts(extractor, text, "place") if f.data["level"] == "village"]


# --- helpers of the west ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "测试省财政厅驻云岭县拉康乡帕玉村工作队为群众办实事。",
        "测试省财政厅驻拉康乡帕玉村工作队队长王明表示，工作队为群众办实事。",
    ],
)
def test_a_unit_stationed_in_a_village_named_with_its_county_and_town_pairs(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("测试省财政厅", "930101201201")}


@pytest.mark.parametrize(
    "text",
    [
        f"{CONTEXT}农业农村部定点帮扶云岭县，在拉康乡帕玉村援建了冷库。",
        f"{CONTEXT}农业农村部驻帕玉村第一书记王明带领群众种青稞。",
    ],
)
def test_a_ministry_named_alone_is_a_central_helper(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("农业农村部", "930101201201")}


def test_a_ministry_named_as_what_it_awards_is_no_helper(extractor: Extractor) -> None:
    text = f"{CONTEXT}帕玉村的扶贫车间入选教育部第三届典型项目。"
    assert _links(extractor, text) == set()
    assert "教育部" not in {f.data["name"] for f in _facts(extractor, text, "organization")}


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        (f"{CONTEXT}东湖区援藏干部为帕玉村争取资金50万元。", "东湖区"),
        (f"{CONTEXT}甲市对口支援云岭县，在拉康乡帕玉村援建了卫生室。", "甲市"),
        (f"{CONTEXT}2020年以来，东湖区对口帮扶云岭县，为帕玉村修建了水渠。", "东湖区"),
        (f"{CONTEXT}帕玉村得到东湖区对口帮扶。", "东湖区"),
        (f"{CONTEXT}在东湖区的帮扶下，帕玉村建起了冷库。", "东湖区"),
        (f"{CONTEXT}测试省第十批援藏干部为帕玉村争取资金50万元。", "测试省"),
        # the headquarters the region sends is named as the helper
        (f"{CONTEXT}甲市援藏前方指挥部为拉康乡帕玉村捐赠了办公设备。", "甲市援藏前方指挥部"),
        # a unit of the helping district named at the village stays its helper
        (f"{CONTEXT}东湖区对口帮扶云岭县，东湖区财政局与帕玉村结对。", "东湖区财政局"),
        (f"{CONTEXT}东湖区对口帮扶云岭县，东湖区凌波路街道与帕玉村结对。", "凌波路街道"),
    ],
)
def test_an_eastern_region_helping_as_a_whole_is_the_helper(extractor: Extractor, text: str, helper: str) -> None:
    assert _links(extractor, text) == {(helper, "930101201201")}


def test_a_region_is_no_helper_of_its_own_villages(extractor: Extractor) -> None:
    text = f"{CONTEXT}云岭县对口帮扶工作取得成效，帕玉村修通了路。"
    assert _links(extractor, text) == set()


def test_a_region_that_is_not_the_subject_of_the_help_is_no_helper(extractor: Extractor) -> None:
    text = f"{CONTEXT}记者从东湖区了解到，帕玉村今年修建了水渠。"
    assert _links(extractor, text) == set()
