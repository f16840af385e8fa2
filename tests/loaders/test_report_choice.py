"""Which of several units named beside a village helps it: the one that oversees, grants money, arranges the
pairing or hosts a visit is not the helper.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village or article.
Each family has several phrasings (the other party must not link) and the near forms that keep their link.
"""

from __future__ import annotations

import pytest

from loaders.places import PlaceIndex
from loaders.reports import Extractor
from tests.loaders.report_sentences import links as _links
from tests.loaders.test_report_mechanisms import PLACES

CHANGLING = "910102101203"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(PlaceIndex.from_places(PLACES))


def _helpers(extractor: Extractor, text: str) -> set[str]:
    return {h for h, c in _links(extractor, text) if c == CHANGLING}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团结对帮扶西山县白石镇长岭村。县委组织部副部长张某某一行到长岭村督导驻村帮扶工作。",
        "远航集团结对帮扶西山县白石镇长岭村。县乡村振兴局局长张某某到长岭村调研驻村帮扶工作。",
        "远航集团结对帮扶西山县白石镇长岭村。西山县委书记张某某到长岭村看望驻村帮扶干部。",
        "远航集团结对帮扶西山县白石镇长岭村。市委组织部干部李某某到长岭村考核驻村第一书记履职情况。",
    ],
)
def test_the_unit_that_oversees_the_stationed_work_is_no_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("远航集团党委书记张某某到西山县白石镇长岭村调研结对帮扶工作。", "远航集团"),
        ("远航集团党委书记张某某到西山县白石镇长岭村看望集团驻村帮扶干部。", "远航集团"),
        ("县交通局局长张某某到西山县白石镇长岭村调研结对帮扶工作。", "县交通局"),
    ],
)
def test_a_helpers_own_leader_visiting_its_work_keeps_the_link(extractor: Extractor, text: str, helper: str) -> None:
    assert _helpers(extractor, text) == {helper}


def test_an_inspecting_team_of_several_organs_is_no_helper(extractor: Extractor) -> None:
    text = "西山县委组织部、县乡村振兴局联合督查组到白石镇长岭村检查远航集团驻村工作队帮扶工作。"
    assert not _helpers(extractor, text) & {"西山县委组织部", "县乡村振兴局"}


@pytest.mark.parametrize(
    "text",
    [
        "县交通局积极向省发改委争取资金，帮扶西山县白石镇长岭村建成产业园。",
        "县交通局从省交通运输厅申请项目资金，帮扶西山县白石镇长岭村修建道路。",
        "县交通局多方向省财政厅、省农业农村厅争取资金，帮扶西山县白石镇长岭村发展产业。",
    ],
)
def test_the_organ_asked_for_money_is_no_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"县交通局"}


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇长岭村利用省财政厅衔接资金和远航集团帮扶资金建成冷库。",
        "远航集团结对帮扶西山县白石镇长岭村，整合省农业农村厅项目资金和集团帮扶资金建成冷库。",
    ],
)
def test_the_organ_of_public_funds_is_no_helper_and_the_giver_of_help_funds_is(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "县委统战部协调远航集团与西山县白石镇长岭村结成对子。",
        "县委统战部协调远航集团结对帮扶西山县白石镇长岭村。",
        "县工商联积极联系远航集团与西山县白石镇长岭村开展村企共建。",
    ],
)
def test_the_unit_brought_in_to_pair_is_the_helper_not_the_coordinator(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


def test_a_unit_brought_in_to_serve_the_helper_still_is_no_helper(extractor: Extractor) -> None:
    text = "远航集团驻西山县白石镇长岭村工作队协调县农商行为村民发放贷款。"
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团党委书记张某某一行与县委组织部副部长李某某、县交通局相关负责人深入结对帮扶村西山县白石镇长岭村调研。",
        "远航集团党委书记张某某，县委常委、组织部部长李某某，县交通局局长王某某一行来到西山县白石镇长岭村，看望慰问结对帮扶户。",
    ],
)
def test_the_county_organs_hosting_an_outside_helpers_visit_are_no_helpers(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "县交通局、远航集团分别结对帮扶西山县白石镇长岭村、石门村。",
        "县交通局与西山县白石镇长岭村结对帮扶，远航集团也来到长岭村捐赠物资。",
    ],
)
def test_a_county_organ_that_pairs_itself_keeps_its_link(extractor: Extractor, text: str) -> None:
    assert "县交通局" in _helpers(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "远航集团驻西山县白石镇长岭村工作队积极协调县交通局，为长岭村修通道路。",
        "远航集团驻白石镇长岭村工作队积极对接县水利局，为西山县白石镇长岭村解决饮水难题。",
    ],
)
def test_a_team_named_by_its_village_is_no_second_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团联合山海公司为西山县白石镇长岭村捐赠物资。",
        "远航集团联合山海公司走进西山县白石镇长岭村开展帮扶慰问。",
    ],
)
def test_a_unit_joined_by_lianhe_is_named_apart(extractor: Extractor, text: str) -> None:
    assert "远航集团联合山海公司" not in _helpers(extractor, text)
    assert "远航集团" in _helpers(extractor, text)


def test_a_federation_keeps_lianhe_in_its_name(extractor: Extractor) -> None:
    assert _helpers(extractor, "县妇女联合会与西山县白石镇长岭村结对帮扶。") == {"县妇女联合会"}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团党委任命工作队进驻西山县白石镇长岭村开展帮扶。",
        "远航集团党委组建工作队进驻西山县白石镇长岭村开展帮扶。",
    ],
)
def test_a_team_named_by_the_verb_that_forms_it_is_no_unit(extractor: Extractor, text: str) -> None:
    assert not any(h.endswith("工作队") for h in _helpers(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "远航集团所属山海公司与西山县白石镇长岭村签订帮扶协议。",
        "远航集团旗下山海公司结对帮扶西山县白石镇长岭村。",
    ],
)
def test_a_parent_and_the_unit_it_owns_are_two_names(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"山海公司"}


@pytest.mark.parametrize(
    "text",
    [
        "7月26日，市委编办副主任张某某、山海电厂总会计师李某某，带领市委编办驻长岭村工作队正式进驻西山县白石镇长岭村开展工作。",
        "县档案局局长张某某、山海电厂副厂长李某某带领县档案局驻长岭村第一书记王某某来到西山县白石镇长岭村。",
    ],
)
def test_the_unit_whose_stationed_team_is_named_is_the_villages_helper(extractor: Extractor, text: str) -> None:
    assert "山海电厂" not in _helpers(extractor, text)
    assert any(h.startswith(("市委编办", "县档案局")) for h in _helpers(extractor, text))


def test_units_listed_before_the_stationed_team_send_it_together(extractor: Extractor) -> None:
    text = "县人防办、县新华书店驻长岭村工作队进驻西山县白石镇长岭村开展帮扶。"
    assert {"县人防办", "县新华书店"} <= _helpers(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "白石镇党委、镇政府与远航集团驻村工作队在长岭村召开帮扶座谈会。西山县白石镇长岭村是远航集团的帮扶村。",
        "远航集团结对帮扶西山县白石镇长岭村，乡党委与远航集团工作队共同帮助长岭村发展产业。",
    ],
)
def test_a_town_organ_named_by_its_level_alone_is_no_helper_of_a_village(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"镇政府", "乡党委"}
    assert "远航集团" in _helpers(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "远航集团驻西山县白石镇长岭村工作队队员黄某某入户走访。为了支持长岭村，黄某某从山海医保中心募款，为村里的学校配备了电脑。",
        "远航集团驻西山县白石镇长岭村工作队队员黄某某入户走访。为了支持长岭村，黄某某向山海基金会募集资金，为村里修建广场。",
    ],
)
def test_the_unit_money_is_raised_from_is_no_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "县委组织部副部长张某某送远航集团驻村工作队进驻西山县白石镇长岭村。",
        "县委组织部副部长张某某送远航集团驻长岭村工作队进驻西山县白石镇长岭村。",
    ],
)
def test_a_name_holding_a_leaders_post_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not any("部长" in h for h in _helpers(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "西山县委组织部向白石镇长岭村选派第一书记张某某，帮助村里发展产业。",
        "今年以来，西山县委组织部为白石镇长岭村等12个村选派了驻村第一书记。",
        "市委组织部统筹选派远航集团干部张某某到西山县白石镇长岭村担任第一书记。",
    ],
)
def test_the_organization_department_that_selects_secretaries_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not any(h.endswith("组织部") for h in _helpers(extractor, text))


def test_an_organization_departments_own_secretary_keeps_its_link(extractor: Extractor) -> None:
    text = "市委组织部驻西山县白石镇长岭村第一书记张某某带领村民修路。"
    assert _helpers(extractor, text) == {"市委组织部"}


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇长岭村驻村第一书记张某某（远航集团派驻）向县委组织部汇报工作。",
        "西山县白石镇长岭村第一书记张某某向县乡村振兴局报告帮扶项目进展。",
    ],
)
def test_the_unit_reported_to_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"县委组织部", "县乡村振兴局"}


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇长岭村党支部与远航集团党委结对共建。县委组织部相关负责人出席签约仪式。",
        "远航集团向西山县白石镇长岭村捐赠物资，县民政局、镇党委有关负责人出席捐赠仪式。",
        "远航集团结对帮扶西山县白石镇长岭村，县乡村振兴局领导参加了签约仪式。",
    ],
)
def test_local_organs_attending_as_guests_are_no_helpers(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"县委组织部", "县民政局", "镇党委", "县乡村振兴局"}


def test_a_county_unit_taking_part_in_pairing_keeps_its_link(extractor: Extractor) -> None:
    assert _helpers(extractor, "县交通局参加结对帮扶西山县白石镇长岭村。") == {"县交通局"}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团结对帮扶西山县白石镇长岭村。山海公司结对帮扶石门村，与长岭村相邻。",
        "远航集团结对帮扶西山县白石镇长岭村。山海公司结对帮扶石门村，距长岭村3公里。",
        "远航集团结对帮扶西山县白石镇长岭村。山海公司结对帮扶石门村，毗邻长岭村。",
    ],
)
def test_a_village_named_as_a_landmark_is_no_recipient(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团结对帮扶西山县白石镇长岭村。长岭村的村民在山海公司的扶贫车间就业。",
        "远航集团结对帮扶西山县白石镇长岭村。长岭村有30名村民到山海公司务工。",
    ],
)
def test_the_unit_villagers_work_at_is_no_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团驻西山县白石镇长岭村第一书记张某某，与山海公司驻石门村第一书记李某某一起交流经验。",
        "远航集团结对帮扶西山县白石镇长岭村，引进山海公司在长岭村建设扶贫车间。",
    ],
)
def test_no_name_starts_with_yu_or_a_verb_that_brings_a_unit_in(extractor: Extractor, text: str) -> None:
    assert not any(h.startswith(("与", "引进")) for h, _ in _links(extractor, text))


SHIMEN = "910102101204"


@pytest.mark.parametrize(
    "text",
    [
        "远航集团、山海公司、县交通局等15家单位结对帮扶西山县白石镇长岭村、石门村等15个村。其中，远航集团帮扶长岭村，山海公司帮扶石门村。",
        "远航集团、山海公司等单位结对帮扶西山县白石镇长岭村、石门村等村。远航集团驻长岭村，山海公司驻石门村。",
    ],
)
def test_a_summary_of_helpers_and_villages_yields_to_each_ones_own_village(extractor: Extractor, text: str) -> None:
    assert _links(extractor, text) == {("远航集团", CHANGLING), ("山海公司", SHIMEN)}


def test_two_units_visiting_two_villages_together_help_both(extractor: Extractor) -> None:
    text = "市住建局、市档案局一行来到西山县白石镇长岭村和石门村，开展结对帮扶慰问活动。市住建局为长岭村捐赠物资。"
    assert {("市档案局", CHANGLING), ("市档案局", SHIMEN), ("市住建局", SHIMEN)} <= _links(extractor, text)


def test_a_reference_back_to_villages_already_named_adds_no_recipient(extractor: Extractor) -> None:
    text = "远航集团帮扶长岭村、山海公司帮扶石门村以来，西山县白石镇两村面貌焕然一新。"
    assert _links(extractor, text) == {("远航集团", CHANGLING), ("山海公司", SHIMEN)}


def test_a_reference_in_a_clause_of_its_own_help_stays(extractor: Extractor) -> None:
    text = "远航集团结对帮扶西山县白石镇长岭村，山海公司也为该村捐赠了物资。"
    assert _helpers(extractor, text) == {"远航集团", "山海公司"}


def test_a_reference_stays_where_the_named_villages_have_no_helper_yet(extractor: Extractor) -> None:
    text = "山海农商银行联系西山县白石镇长岭村、石门村，该行在两村选出贫困户各20户，结对帮扶。"
    found = _links(extractor, text)
    assert ("山海农商银行", CHANGLING) in found and ("山海农商银行", SHIMEN) in found


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("远航集团董事长张某某到西山县白石镇视察。集团驻村工作队为长岭村修建了道路。", "远航集团"),
        ("远航集团结对帮扶西山县白石镇长岭村。集团工作队为长岭村修建了道路。", "远航集团"),
        ("山海大学结对帮扶西山县白石镇长岭村。学校工作队为长岭村修建了道路。", "山海大学"),
    ],
)
def test_a_team_named_by_its_units_bare_kind_is_that_units(extractor: Extractor, text: str, helper: str) -> None:
    assert _helpers(extractor, text) == {helper}


@pytest.mark.parametrize(
    "text",
    [
        "远航集团依托山海公司的销售渠道，帮助西山县白石镇长岭村销售农产品。",
        "远航集团依托山海公司的冷链物流，帮助西山县白石镇长岭村把蔬菜卖到城里。",
    ],
)
def test_the_unit_a_helper_relies_on_is_its_resource_not_a_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}
