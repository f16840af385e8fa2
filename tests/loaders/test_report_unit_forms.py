"""A unit's everyday forms beside its official name, and the posts of courts, procuratorates, police and public
institutions, proved on sentences written for the test over the made-up code table of test_report_mechanisms."""

from __future__ import annotations

import pytest

from loaders.places import Place, PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import facts as _facts
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES, _table


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_table())


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        # the level word alone before the name, once the report has named the place
        ("西山县农业农村局与白石镇长岭村结对帮扶。县农业农村局为长岭村修建了道路。", "西山县农业农村局"),
        ("甲市档案局与西山县白石镇长岭村结对。市档案局多次为长岭村募集资金。", "甲市档案局"),
        # …and 人民 of the official name dropped as well
        ("西山县人民检察院与白石镇长岭村结对帮扶。县检察院为长岭村修建了道路。", "西山县人民检察院"),
        ("甲市人民检察院选派干警到西山县白石镇长岭村担任第一书记。市检察院还为长岭村捐赠了图书。", "甲市人民检察院"),
        ("西山县人民政府与白石镇长岭村结对。县政府为长岭村修建了道路。", "西山县人民政府"),
        # 人民 dropped with the place kept
        ("西山县检察院与白石镇长岭村结对帮扶。西山县人民检察院为长岭村修建了道路。", "西山县检察院"),
        # a short form made of the name's own characters after its province
        ("测试省青峰山国有林管理局与西山县白石镇长岭村结对。青峰林局为长岭村捐赠了物资。", "测试省青峰山国有林管理局"),
    ],
)
def test_a_units_everyday_form_is_the_unit_named_in_full(extractor: Extractor, text: str, helper: str) -> None:
    assert _links(extractor, text) == {(helper, "910102101203")}


@pytest.mark.parametrize(
    "text",
    [
        # another level: a district's organ is not the city's
        "甲市委组织部与西山县白石镇长岭村结对。区委组织部为长岭村修建了道路。",
        # two places of the level named: which city's bureau is meant cannot be told
        "甲市档案局、丙市档案局与西山县白石镇长岭村结对。市档案局多次为长岭村募集资金。",
    ],
)
def test_a_level_word_alone_stays_apart_where_no_single_unit_fits(extractor: Extractor, text: str) -> None:
    assert len({helper for helper, _ in _links(extractor, text)}) >= 2


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "西山县人民检察院检察长王立平、副检察长李安到白石镇长岭村走访。",
            {("王立平", "检察长"), ("李安", "副检察长")},
        ),
        ("甲市中级人民法院副庭长赵小川到白石镇长岭村担任第一书记。", {("赵小川", "副庭长")}),
        ("西山县公安局政委周建、白石派出所副所长吴明到长岭村调研。", {("周建", "政委"), ("吴明", "副所长")}),
        ("甲市人民检察院党组书记、检察长孙海峰一行来到西山县白石镇长岭村。", {("孙海峰", "党组书记、检察长")}),
        ("白石派出所教导员冯军表示，将继续帮扶长岭村。", {("冯军", "教导员")}),
    ],
)
def test_posts_of_courts_procuratorates_police_and_public_institutions_are_roles(
    extractor: Extractor, text: str, people: set[tuple[str, str]]
) -> None:
    assert {(f.data["name"], f.data["role"]) for f in _facts(extractor, text, "person")} == people


def test_a_village_team_left_of_a_stationing_verb_is_no_unit(extractor: Extractor) -> None:
    text = (
        "为加强对选派驻村工作队员的管理，12月21日，西山县人民检察院检察长王立平到该院驻村工作队员所在村——"
        "白石镇长岭村开展现场办公，同时看望慰问该院驻村工作队员。"
    )
    assert _links(extractor, text) == {("西山县人民检察院", "910102101203")}


def test_a_county_named_like_a_conjunction_and_a_level_word_joins_two_units() -> None:
    # a table holding a county named 和县: between two units 和 is the conjunction, 县 the next unit's level word
    table = PlaceIndex.from_places([*PLACES, Place("district", "910103", "和县", "和县", "9101", None)])
    text = "西山县委统战部和县工商联挂钩帮扶白石镇长岭村。"
    assert _links(Extractor(table), text) == {("西山县委统战部", "910102101203"), ("县工商联", "910102101203")}


@pytest.mark.parametrize(
    ("text", "helpers"),
    [
        # a short name listed right after a unit shares its level word and acts with it: no building
        ("西山县住建局、行政服务中心一行来到白石镇长岭村开展结对帮扶。", {"西山县住建局", "行政服务中心"}),
        ("西山县住建局和行政服务中心与白石镇长岭村结对。", {"西山县住建局", "行政服务中心"}),
        # a building's own words keep it a building
        ("西山县住建局在白石镇长岭村党群服务中心与长岭村结对。", {"西山县住建局"}),
    ],
)
def test_a_service_centre_listed_with_a_unit_is_a_unit(extractor: Extractor, text: str, helpers: set[str]) -> None:
    assert {helper for helper, _ in _links(extractor, text)} == helpers


@pytest.mark.parametrize(
    ("text", "helpers"),
    [
        # a unit's further branches by their bare names stand in the list of signing parties
        (
            "仪式上，西山县城管局城管大队支部、机关支部、物业支部和远航电信客户部支部与白石镇长岭村支部进行签约。",
            {"西山县城管局城管大队支部", "远航电信客户部支部"},
        ),
        (
            "西山县城管局市政支部、环卫支部和远航酒业销售第一支部与白石镇长岭村支部签订共建协议。",
            {"西山县城管局市政支部", "远航酒业销售第一支部"},
        ),
    ],
)
def test_a_units_branches_listed_by_bare_names_do_not_end_the_list(
    extractor: Extractor, text: str, helpers: set[str]
) -> None:
    assert {helper for helper, _ in _links(extractor, text)} == helpers


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        # the description taken for a name
        ("远航物流作为华夏石化集团全资子公司，在西山县白石镇长岭村开展驻村帮扶工作。", "远航物流"),
        ("近年来远航物流作为华夏石化集团控股子公司，在西山县白石镇长岭村开展驻村帮扶。", "远航物流"),
        # the parent inside the description taken for the helper
        ("远航物流有限公司作为华夏石化集团的全资子公司，在西山县白石镇长岭村开展驻村帮扶工作。", "远航物流有限公司"),
        ("远航物流有限公司作为华夏石化集团下属企业，与西山县白石镇长岭村结对。", "远航物流有限公司"),
    ],
)
def test_a_subsidiary_described_after_zuowei_is_the_helper_not_its_parent(
    extractor: Extractor, text: str, helper: str
) -> None:
    assert {h for h, _ in _links(extractor, text)} == {helper}


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        (
            "远航新能源科技有限公司党支部与西山县白石镇长岭村党支部联建后，企业出资20万元，为该村修建道路。",
            "远航新能源科技有限公司党支部",
        ),
        ("甲市检察院党组选派干警担任西山县白石镇长岭村第一书记。甲市检察院为长岭村修建了道路。", "甲市检察院党组"),
    ],
)
def test_a_unit_beside_its_own_party_organization_is_one_helper(extractor: Extractor, text: str, helper: str) -> None:
    assert _links(extractor, text) == {(helper, "910102101203")}


@pytest.mark.parametrize(
    "text",
    [
        "今年，白石镇2个村与企业联建，长岭村和远航饮品公司、石门村和华峰磁电公司进行了试点。",
        "白石镇长岭村与远航饮品公司、石门村与华峰磁电公司结成对子。",
        "白石镇开展村企联建，远航饮品公司和长岭村、华峰磁电公司和石门村签订了协议。",
        # firms named by their brand alone, known as units by their place in the pairs
        "今年，白石镇2个村与企业联建，长岭村和远航饮品、石门村和华峰磁电进行了试点。",
        "白石镇长岭村与远航饮品、石门村与华峰磁电结成对子。",
    ],
)
def test_village_unit_pairs_listed_one_after_another_pair_each_with_its_own(extractor: Extractor, text: str) -> None:
    villages = {code: helper for helper, code in _links(extractor, text) if code and code.startswith("9101021012")}
    assert villages == {
        "910102101203": next(h for h in ("远航饮品公司", "远航饮品") if h in text),
        "910102101204": next(h for h in ("华峰磁电公司", "华峰磁电") if h in text),
    }


def test_two_villages_joined_by_he_name_no_unit(extractor: Extractor) -> None:
    text = "白石镇长岭村和石门村、青田镇四滧村和五联村签订了结对协议。"
    assert not any(f.data["name"] in ("石门村", "五联村") for f in _facts(extractor, text, "organization"))


@pytest.mark.parametrize(
    ("text", "helpers"),
    [
        (
            "甲市检察院选派干警到西山县白石镇长岭村担任驻村第一书记。驻村干警与村干部逐户摸排，"
            "联合挂钩帮扶的西山县委统战部和县工商联，对症下药，为贫困户配准药方。",
            {"甲市检察院", "西山县委统战部", "县工商联"},
        ),
        (
            "甲市检察院选派干警到西山县白石镇长岭村担任驻村第一书记。驻村干警联合挂钩的西山县委统战部，为贫困户配准药方。",
            {"甲市检察院", "西山县委统战部"},
        ),
    ],
)
def test_units_described_by_a_pairing_clause_help_the_passages_village(
    extractor: Extractor, text: str, helpers: set[str]
) -> None:
    assert _links(extractor, text) == {(h, "910102101203") for h in helpers}


def test_people_joined_to_villages_in_pairs_are_no_units(extractor: Extractor) -> None:
    text = "白石镇开展结对共建，长岭村和村民代表、石门村和党员群众签订了协议。"
    assert not any(f.data["name"] in ("村民代表", "党员群众") for f in _facts(extractor, text, "organization"))
