"""Village names as the code table writes them and as reports of the west say them, on a made-up table.

Transliterated names hold characters that are function words elsewhere (也, 让, 和); a village may share
its town's or county's name; pastoral villages are 牧委会 in the table and 村 in the news; a rural
community's committee is a 村民委员会. Each is resolved to its code after its town, and again later
in the document where the name stands alone.
"""

from __future__ import annotations

import pytest

from loaders.gazetteer import short_village_name
from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from loaders.reports_eval import probe_village_names
from tests.loaders.report_sentences import links


def _village(code: str, full_name: str, town: str) -> Place:
    return Place("village", code, short_village_name(full_name), full_name, town, "village")


PLACES = [
    Place("province", "93", "丁省", "丁省", None, None),
    Place("city", "9301", "戊州", "戊州", "93", None),
    Place("district", "930101", "木措县", "木措县", "9301", None),
    Place("town", "930101101", "木措镇", "木措镇", "930101", "town"),
    Place("town", "930101201", "青岗乡", "青岗乡", "930101", "township"),
    Place("town", "930101202", "索多乡", "索多乡", "930101", "township"),
    _village("930101101201", "木措村委会", "930101101"),
    _village("930101201201", "阿也让村委会", "930101201"),
    _village("930101201202", "青岗滩村民委员会", "930101201"),
    _village("930101202201", "赛尔吉牧委会", "930101202"),
    _village("930101202202", "东沟社区村民委员会", "930101202"),
    _village("930101202203", "西沟社区村村民委员会", "930101202"),
    _village("930101202204", "前槐村村村委会", "930101202"),
    Place("village", "930101101001", "拉则岗", "拉则岗居委会", "930101101", "community"),
    # Another county of the same prefecture, with a village the first county's town lacks.
    Place("district", "930102", "草原县", "草原县", "9301", None),
    Place("town", "930102101", "河源镇", "河源镇", "930102", "town"),
    _village("930102101201", "下街村委会", "930102101"),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


def test_pastoral_committees_and_rural_communities_get_the_names_people_use() -> None:
    assert short_village_name("赛尔吉牧委会") == "赛尔吉村"
    assert short_village_name("东沟社区村民委员会") == "东沟社区"


@pytest.mark.parametrize(
    ("placed", "later", "code"),
    [
        # a name holding 也 and 让, which end a name anywhere else
        ("木措县青岗乡阿也让村", "阿也让村", "930101201201"),
        ("木措县阿也让村", "阿也让村", "930101201201"),
        # the village shares its town's and county's name
        ("木措县木措镇木措村", "木措村", "930101101201"),
        # the town's name begins the village's
        ("木措县青岗乡青岗滩村", "青岗滩村", "930101201202"),
        # a pastoral committee, by its table name and by the name the news uses
        ("木措县索多乡赛尔吉牧委会", "赛尔吉牧委会", "930101202201"),
        ("木措县索多乡赛尔吉村", "赛尔吉村", "930101202201"),
        # a rural community's villagers' committee, in either way the table writes it
        ("木措县索多乡东沟社区", "东沟社区", "930101202202"),
        ("木措县索多乡西沟社区", "西沟社区", "930101202203"),
        # 前槐村, whose committee the table writes 前槐村村村委会
        ("木措县索多乡前槐村", "前槐村", "930101202204"),
        # a residents' committee the table names without a suffix (拉则岗居委会)
        ("木措县木措镇拉则岗社区", "拉则岗社区", "930101101001"),
    ],
)
def test_a_village_of_the_west_is_resolved_after_its_town_and_later_alone(
    extractor: Extractor, placed: str, later: str, code: str
) -> None:
    text = f"{placed}是经济薄弱村。县发改局与{later}结对帮扶，修通了道路。"
    assert links(extractor, text) == {("县发改局", code)}


def test_a_name_holding_a_function_word_is_not_taken_without_its_town(extractor: Extractor) -> None:
    # Without the town right before it, 也 ends the name as in ordinary text: no village is made up.
    text = "木措县召开会议。县发改局也让村里修通了道路。"
    assert links(extractor, text) == set()


def test_a_village_missing_under_its_town_is_not_a_namesake_of_the_prefecture_when_named_again(
    extractor: Extractor,
) -> None:
    # The town has no 下街村; the county next door has one. Said again alone, it is still the village of
    # 木措镇 the table lacks: paired, unresolved, never given the neighbour's code.
    text = "木措县木措镇下街村是经济薄弱村。县发改局与下街村结对帮扶，修通了道路。"
    assert links(extractor, text) == {("县发改局", None)}


def test_the_code_table_probe_pairs_every_village_of_this_table_with_its_own_code(extractor: Extractor) -> None:
    probe = probe_village_names(extractor.index, extractor, seed=1, count=100, provinces=None)
    villages = [p for p in PLACES if p.level == "village"]
    assert (probe.total, probe.found, probe.wrong) == (len(villages), len(villages), 0)
