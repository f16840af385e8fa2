"""Place resolution: pure tests on a small hand-made code table (no files, no database)."""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex, resolve, sounds_alike_one_off, stem, to_simplified


def _index() -> PlaceIndex:
    """Two districts; town 001 is a street, 101/102 are towns; namesake villages across towns."""
    p = [
        Place("province", "91", "测试省", "测试省", None, None),
        Place("city", "9101", "甲市", "甲市", "91", None),
        Place("district", "910101", "东湖区", "东湖区", "9101", None),
        Place("district", "910102", "西山县", "西山县", "9101", None),
        Place("town", "910101001", "凌波路街道", "凌波路街道", "910101", "street"),
        Place("town", "910101101", "漕溪镇", "漕溪镇", "910101", "town"),
        Place("town", "910102101", "白石镇", "白石镇", "910102", "town"),
        Place("town", "910102102", "青田镇", "青田镇", "910102", "town"),
        Place("village", "910101001001", "柳园三村", "柳园三村居委会", "910101001", "community"),
        Place("village", "910101101201", "鲁玙村", "鲁玙村村委会", "910101101", "village"),
        Place("village", "910102101201", "红旗村", "红旗村村委会", "910102101", "village"),
        Place("village", "910102102201", "红旗村", "红旗村村委会", "910102102", "village"),
        Place("village", "910102102202", "四滧村", "四滧村村委会", "910102102", "village"),
    ]
    return PlaceIndex.from_places(p)


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return _index()


def test_resolve_finds_village_by_short_or_full_name_within_town(index: PlaceIndex) -> None:
    for name in ("四滧村", "四滧村村委会", "四滧村民委员会"):
        res = resolve(index, name, "village", town="青田镇", district="西山县")
        assert res.status == "resolved" and res.place is not None and res.place.code == "910102102202", name


def test_resolve_flags_ambiguous_when_name_occurs_twice_in_district(index: PlaceIndex) -> None:
    res = resolve(index, "红旗村", "village", district="西山县")
    assert res.status == "ambiguous"
    assert res.place is None
    assert set(res.candidate_codes) == {"910102101201", "910102102201"}


def test_resolve_uses_town_to_choose_among_namesakes(index: PlaceIndex) -> None:
    res = resolve(index, "红旗村", "village", town="白石镇", district="西山县")
    assert res.status == "resolved" and res.place is not None and res.place.code == "910102101201"


def test_resolve_never_takes_namesake_outside_the_given_context(index: PlaceIndex) -> None:
    res = resolve(index, "红旗村", "village", district="东湖区")
    assert res.status == "unknown" and res.candidates == ()


def test_resolve_reads_traditional_characters(index: PlaceIndex) -> None:
    res = resolve(index, "紅旗村", "village", town="白石鎮", district="西山縣")
    assert res.status == "resolved" and res.place is not None and res.place.code == "910102101201"


def test_resolve_short_street_name_written_with_jie(index: PlaceIndex) -> None:
    res = resolve(index, "凌波街", "town", district="东湖区")
    assert res.status == "resolved" and res.place is not None and res.place.code == "910101001"


def test_resolve_district_without_its_suffix(index: PlaceIndex) -> None:
    res = resolve(index, "东湖", "district")
    assert res.status == "resolved" and res.place is not None and res.place.code == "910101"


def test_resolve_variant_character_with_same_pinyin_in_town_is_fuzzy(index: PlaceIndex) -> None:
    res = resolve(index, "鲁屿村", "village", town="漕溪镇")
    assert res.status == "resolved" and res.place is not None and res.place.code == "910101101201"
    assert res.fuzzy and res.confidence < 0.7


def test_resolve_same_pinyin_misspelling_only_within_context(index: PlaceIndex) -> None:
    inside = resolve(index, "曹溪镇", "town", district="东湖区")
    assert inside.status == "resolved" and inside.fuzzy and inside.place is not None
    assert inside.place.code == "910101101"
    assert resolve(index, "曹溪镇", "town").status == "unknown"  # no region: no sound-alike guess


def test_resolve_residents_committee_named_like_a_village(index: PlaceIndex) -> None:
    res = resolve(index, "柳园三村", "village", district="东湖区")
    assert res.status == "resolved" and res.place is not None and res.place.kind == "community"


def test_path_runs_from_province_to_the_place(index: PlaceIndex) -> None:
    assert [p.code for p in index.path("910102102202")] == ["91", "9101", "910102", "910102102", "910102102202"]


def test_lookup_within_prefix_filters_candidates(index: PlaceIndex) -> None:
    assert [p.code for p in index.lookup("红旗村", "village", within="910102102")] == ["910102102201"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("鲁屿", "鲁玙", True),
        ("曹泾", "漕泾", True),
        ("曹泾", "漕河", False),
        ("红星", "红星", False),
        ("红星", "红星村", False),
    ],
)
def test_sounds_alike_one_off_needs_one_same_sounding_difference(a: str, b: str, same: bool) -> None:
    assert sounds_alike_one_off(a, b) is same


def test_stem_and_simplified_keep_lengths_meaningful() -> None:
    assert stem("凌波路街道", "town") == "凌波路"
    assert to_simplified("鎮區縣") == "镇区县"
    assert len(to_simplified("崇明區（測試）")) == len("崇明區（測試）")


@pytest.mark.slow
def test_index_of_all_china_builds_in_seconds() -> None:
    import time
    from pathlib import Path

    from loaders.gazetteer import EXPECTED_COUNTS, ensure_downloaded

    data_dir = ensure_downloaded(Path.home() / ".cache" / "revkg" / "gazetteer")
    started = time.perf_counter()
    index = PlaceIndex.from_gazetteer(data_dir)
    assert time.perf_counter() - started < 60
    assert len(index) == sum(EXPECTED_COUNTS.values())


def test_names_with_characters_the_traditional_map_would_alter_still_match_exactly() -> None:
    # 乾 is both a traditional form (of 干) and a simplified character in its own right; fullwidth
    # brackets appear in official names of ethnic-minority communities.
    from loaders.places import Place, PlaceIndex, resolve

    town = Place("town", "310113102", "测试镇", "测试镇", "310113", "town")
    places = [
        town,
        Place("village", "310113102016", "乾溪新村一", "乾溪新村一居委会", "310113102", "community"),
        Place("village", "310113102017", "罗山（畲族）社区", "罗山（畲族）社区居委会", "310113102", "community"),
    ]
    index = PlaceIndex.from_places(places)
    for name, code in (
        ("乾溪新村一", "310113102016"),
        ("罗山(畲族)社区", "310113102017"),
        ("罗山（畲族）社区", "310113102017"),
    ):
        result = resolve(index, name, "village", town="310113102")
        assert (result.status, result.method, result.place.code if result.place else None) == (
            "resolved",
            "exact",
            code,
        )
