"""Who sends, what kind of unit, what is a place: forms of the western pairing genre on sentences of our own.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village,
person or article. Each test is one mechanism, checked against what the rules must and must not find.
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


def _people(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")}


def test_the_sending_unit_is_the_helper_not_the_sent_persons_own_unit(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村位于山区。远航建工集团按照要求，选派东湖分公司的王立新到长岭村担任驻村第一书记。"
    assert _links(extractor, text) == {("远航建工集团", CHANGLING)}
    assert ("王立新", "第一书记") in _people(extractor, text)


def test_the_pool_a_person_is_drawn_from_is_not_a_helper(extractor: Extractor) -> None:
    text = "甲市远山监测局从局机关中选派优秀干部担任西山县白石镇长岭村驻村第一书记。"
    assert {h for h, _ in _links(extractor, text)} == {"甲市远山监测局"}
