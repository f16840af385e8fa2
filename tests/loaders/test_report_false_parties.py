"""False links on unseen text: a name that is no name, and the wrong party of a true statement.

Over the made-up code table of ``test_report_mechanisms``; no sentence names a real unit, village or
article. Each family has several phrasings of the genre (bad) and the near forms that must keep their link (good).
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


def _helpers(extractor: Extractor, text: str) -> set[str]:
    return {h for h, _ in _links(extractor, text)}


# --- the wrong party: hosts, thankers, issuers, hosts who accompany, a unit that supports the helper ---------


@pytest.mark.parametrize(
    "text",
    [
        "由远航集团、山海公司主办，青禾网承办的“乡村行”采访团一行来到西山县白石镇长岭村，走访结对帮扶户。",
        "本次活动由县文联主办、县作家协会承办，采风团走进西山县白石镇长岭村开展帮扶慰问。",
        "远航集团和山海公司联合主办的采访活动走进西山县白石镇长岭村，记者走访了帮扶项目。",
    ],
)
def test_the_host_of_an_event_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"远航集团", "山海公司", "县文联", "县作家协会"}


@pytest.mark.parametrize(
    "text",
    [
        "西山县政府及长岭村村委会相关负责人感谢远航集团对长岭村的帮扶。",
        "县民政局和长岭村干部群众衷心感谢远航集团长期以来的结对帮扶。",
        "西山县政府、长岭村村委会向远航集团致以感谢，感谢集团多年帮扶。",
    ],
)
def test_the_side_that_thanks_is_no_helper(extractor: Extractor, text: str) -> None:
    assert "西山县政府" not in _helpers(extractor, text) and "县民政局" not in _helpers(extractor, text)


def test_the_unit_thanked_still_helps(extractor: Extractor) -> None:
    assert "县交通局" in _helpers(extractor, "西山县白石镇长岭村村民感谢县交通局的结对帮扶。")


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇长岭村是贫困村。省委组织部、省扶贫办联合印发选派第一书记的文件。",
        "西山县白石镇长岭村是贫困村。省委组织部、省扶贫办联合下发文件，选派第一书记驻村帮扶。",
        "西山县白石镇长岭村是贫困村。市农业农村局出台通知，要求各帮扶单位驻村帮扶。",
    ],
)
def test_the_organ_that_issues_a_document_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"省委组织部", "省扶贫办", "市农业农村局"}


@pytest.mark.parametrize(
    "text",
    [
        "县委常委、政法委书记张某某专程到帮扶村陪同远航大学新委派的帮扶干部对接，一行深入长岭村、石门村调研。",
        "在县农业局局长李某某的陪同下，远航集团董事长张某某一行来到西山县白石镇长岭村开展帮扶。",
        "县农业局局长李某某陪同远航集团董事长张某某一行来到西山县白石镇长岭村开展帮扶。",
    ],
)
def test_the_host_who_accompanies_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"政法委", "县农业局"}


@pytest.mark.parametrize(
    "text",
    [
        "远航银行青田支行选派干部驻西山县白石镇石门村。最终在省分行的大力支持下，向石门村捐赠基础设施资金10万元。",
        "远航银行青田支行选派干部驻西山县白石镇石门村。在总行的关心支持下，为石门村修建了文化广场。",
    ],
)
def test_a_unit_that_supports_an_unnamed_subject_is_no_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航银行青田支行"}


def test_a_unit_that_supports_a_village_still_helps(extractor: Extractor) -> None:
    assert "山海公司" in _helpers(extractor, "在山海公司的大力支持下，西山县白石镇石门村建成了冷库，帮扶村民增收。")


# --- names that are no names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "当时村里只有老人与孩子留守，远航集团把西山县白石镇长岭村列为对口帮扶村。",
        "村里仅有老人与妇女留守，远航集团把西山县白石镇长岭村确定为结对帮扶村。",
        "年轻人外出务工，大多老人与儿童在长岭村留守，远航集团与西山县白石镇长岭村结对帮扶。",
    ],
)
def test_a_clause_is_no_headless_unit(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航集团"}


@pytest.mark.parametrize(
    "text",
    [
        "远航大学再次组成乡村振兴工作队进驻西山县白石镇石门村。",
        "远航集团随即组建帮扶工作队进驻西山县白石镇石门村。",
        "远航大学又一次组成驻村工作队进驻西山县白石镇石门村。",
    ],
)
def test_a_units_name_does_not_run_over_an_adverb_and_verb(extractor: Extractor, text: str) -> None:
    assert all(not any(w in h for w in ("再次", "随即", "又一次", "组成", "组建")) for h in _helpers(extractor, text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("远航大学乡村振兴工作队进驻西山县白石镇石门村。", "远航大学乡村振兴工作队"),
        ("远航集团再生资源有限公司与西山县白石镇石门村结对帮扶。", "远航集团再生资源有限公司"),
        ("远航大学继续教育学院与西山县白石镇石门村结对帮扶。", "远航大学继续教育学院"),
    ],
)
def test_long_unit_names_survive(extractor: Extractor, text: str, name: str) -> None:
    assert name in _helpers(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "从2008年远航大学首次向西山县白石镇派出新农村建设工作队以来，该校一直帮扶石门村。",
        "远航集团向西山县白石镇选派青年驻村，帮扶石门村。",
    ],
)
def test_a_village_name_holds_no_sending_verb(extractor: Extractor, text: str) -> None:
    villages = {f.data["name"] for f in _facts(extractor, text, "place") if f.data["level"] == "village"}
    assert not any(v.startswith(("派出", "选派")) for v in villages)


@pytest.mark.parametrize(
    "text",
    [
        "远航集团认真学习贯彻总书记关于“三农”工作重要论述，帮扶西山县白石镇长岭村。",
        "中组部、中农办联合印发选派“第一书记”文件。",
        "村党支部书记关于“两委”换届的意见得到了群众支持。",
    ],
)
def test_a_word_after_a_role_is_no_person(extractor: Extractor, text: str) -> None:
    assert not {f.data["name"] for f in _facts(extractor, text, "person")} & {"关于", "文件"}


@pytest.mark.parametrize(
    "text",
    [
        "采访团来到西山县白石镇长岭村，了解县民委驻村工作队帮扶村民的事迹。",
        "今年6月2日，以县民委经济科科长刘某某带队的驻村工作队进驻西山县白石镇长岭村。",
        "工作队进驻西山县白石镇长岭村，并县民委一道开展结对帮扶。",
    ],
)
def test_a_boundary_word_after_a_comma_opens_no_unit(extractor: Extractor, text: str) -> None:
    assert not any(h[:1] in "了以并" for h in _helpers(extractor, text))


def test_a_conjunction_after_a_comma_still_opens_a_name(extractor: Extractor) -> None:
    assert "和平公司" in _helpers(extractor, "今年以来，和平公司与西山县白石镇长岭村结对帮扶。")


@pytest.mark.parametrize(
    "text, bad",
    [
        ("远航集团委托县农技站为西山县白石镇长岭村提供技术帮扶。", "远航集团委"),
        ("远航集团委派技术骨干到西山县白石镇长岭村开展帮扶。", "远航集团委"),
        ("县电视台记者跟随远航集团帮扶干部来到西山县白石镇长岭村。", "随远航集团"),
        ("县电视台记者随同远航集团帮扶干部来到西山县白石镇长岭村。", "同远航集团"),
    ],
)
def test_a_verb_is_no_part_of_a_units_name(extractor: Extractor, text: str, bad: str) -> None:
    assert bad not in _helpers(extractor, text)


def test_a_commission_by_its_short_name_is_still_one(extractor: Extractor) -> None:
    assert "区农业农村委" in _helpers(extractor, "区农业农村委结对帮扶西山县白石镇长岭村。")


# --- a helper of one village is not every village's ----------------------------------------------------------
SHIMEN_, TONGLE = SHIMEN, "910102101205"


@pytest.mark.parametrize(
    "text",
    [
        "西山县白石镇长岭村由县交通局帮扶，石门村由县水利局帮扶，同乐村由县农业局帮扶。",
        "县交通局结对帮扶白石镇长岭村；与此同时，石门村、同乐村也分别得到县水利局和县农业局的帮扶。",
        "县交通局结对帮扶白石镇长岭村，石门村则由县水利局负责帮扶，同乐村由县农业局包扶。",
    ],
)
def test_a_villages_own_clause_names_its_helper(extractor: Extractor, text: str) -> None:
    found = _links(extractor, text)
    assert ("县交通局", SHIMEN_) not in found and ("县交通局", TONGLE) not in found
    assert ("县水利局", SHIMEN_) in found and ("县水利局", TONGLE) not in found


def test_the_helper_of_an_earlier_clause_still_helps_a_village_without_its_own(extractor: Extractor) -> None:
    text = "县交通局结对帮扶白石镇长岭村，石门村也得到了帮扶。"
    assert ("县交通局", CHANGLING) in _links(extractor, text)


def test_the_helper_named_after_its_villages_role(extractor: Extractor) -> None:
    text = "县交通局干部到西山县白石镇长岭村开展帮扶，石门村的帮扶单位县水利局也派人参加。"
    assert ("县交通局", SHIMEN_) not in _links(extractor, text)


# --- a unit named in a title, a slogan or a document's name ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "在“万企联万村 共走振兴路”行动签约仪式上，西山县白石镇长岭村与远航公司签订结对协议。",
        "远航集团在西山县白石镇长岭村举办“山海公司杯”帮扶篮球赛。",
        "县交通局转发《山海公司关于结对帮扶西山县白石镇长岭村的通知》。",
    ],
)
def test_a_unit_named_in_a_title_is_no_helper(extractor: Extractor, text: str) -> None:
    assert not _helpers(extractor, text) & {"万企联", "山海公司"}


@pytest.mark.parametrize(
    "text, unit",
    [
        ("“远航集团”与西山县白石镇长岭村结对帮扶。", "远航集团"),
        ("“山海公司帮我们修了路，还建了冷库。”西山县白石镇长岭村村民说，山海公司结对帮扶长岭村。", "山海公司"),
    ],
)
def test_a_quote_of_a_name_or_of_speech_keeps_its_unit(extractor: Extractor, text: str, unit: str) -> None:
    assert unit in _helpers(extractor, text)


def test_a_village_the_table_lacks_is_not_where_a_unit_is_stationed(extractor: Extractor) -> None:
    text = "西山县白石镇长岭村是贫困村。远航市检察院驻村干警与村干部逐户摸排，联合挂钩帮扶的县委统战部开展帮扶。"
    villages = {f.data["name"] for f in _facts(extractor, text, "place") if f.data["level"] == "village"}
    assert not any(v.endswith("驻村") for v in villages)


def test_a_village_before_its_post_is_no_person(extractor: Extractor) -> None:
    text = "张某某是远航市检察院下派段村的第一任第一书记。"
    assert "段村" not in {f.data["name"] for f in _facts(extractor, text, "person")}


# --- the press, the judges, the inspectors, those who pass a gift on, units brought in -----------------------


@pytest.mark.parametrize(
    "text, bad",
    [
        ("县融媒体中心记者来到西山县白石镇长岭村，采访驻村帮扶工作。", "县融媒体中心"),
        ("远航日报社采访团走进西山县白石镇长岭村，记录结对帮扶成果。", "远航日报社"),
        ("县委组织部授予西山县白石镇长岭村党支部“五星党支部”称号，远航集团结对帮扶该村。", "县委组织部"),
        ("县妇联表彰西山县白石镇长岭村帮扶巾帼典型。", "县妇联"),
        ("市委组织部考核组到西山县白石镇长岭村检查驻村帮扶工作。", "市委组织部"),
        ("县乡村振兴局督导组到西山县白石镇长岭村督查帮扶工作。", "县乡村振兴局"),
        ("远航集团捐赠的物资由县民政局转交西山县白石镇长岭村。", "县民政局"),
        ("远航集团驻村工作队协调县农商行为西山县白石镇长岭村发放贷款。", "县农商行"),
        ("远航集团积极争取县交通局资金，帮助西山县白石镇长岭村修路。", "县交通局"),
    ],
)
def test_a_unit_in_another_part_is_no_helper(extractor: Extractor, text: str, bad: str) -> None:
    assert bad not in _helpers(extractor, text)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("县交通局领导到西山县白石镇长岭村检查帮扶项目进展。", "县交通局"),
        ("远航集团与县教育局共同为西山县白石镇长岭村小学捐赠图书。", "县教育局"),
        ("远航集团向西山县白石镇长岭村捐赠图书。", "远航集团"),
        ("县交通局联系帮扶西山县白石镇长岭村。", "县交通局"),
    ],
)
def test_a_unit_that_acts_keeps_its_link(extractor: Extractor, text: str, unit: str) -> None:
    assert unit in _helpers(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "县交通局驻西山县白石镇长岭村第一书记张三，带领村民到石门村学习经验。",
        "县交通局驻西山县白石镇长岭村工作队组织村干部赴石门村参观学习。",
    ],
)
def test_a_village_visited_to_learn_from_is_no_recipient(extractor: Extractor, text: str) -> None:
    found = _links(extractor, text)
    assert ("县交通局", CHANGLING) in found and ("县交通局", SHIMEN) not in found


def test_a_helpers_own_survey_team_keeps_its_link(extractor: Extractor) -> None:
    assert "县交通局" in _helpers(extractor, "县交通局调研组到西山县白石镇长岭村调研结对帮扶工作。")


@pytest.mark.parametrize(
    "text",
    [
        "县交通局局长张三、副局长李四到西山县白石镇长岭村调研帮扶工作。",
        "远航大学党委书记张三，常务副校长李四到西山县白石镇长岭村走访结对帮扶户。",
    ],
)
def test_a_deputys_post_is_no_unit(extractor: Extractor, text: str) -> None:
    assert not any(h.startswith(("副", "常务副")) for h in _helpers(extractor, text))


def test_a_name_opening_with_fu_survives(extractor: Extractor) -> None:
    assert "远航副食品公司" in _helpers(extractor, "远航副食品公司与西山县白石镇长岭村结对帮扶。")


# --- a company called by its level alone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, full",
    [
        (
            "西山县白石镇长岭村是贫困村，测试省远航电力公司作为帮扶单位驻村帮扶。"
            "3月22日，省公司副总经理张三一行深入长岭村走访帮扶户。",
            "测试省远航电力公司",
        ),
        (
            "远航银行测试省分行结对帮扶西山县白石镇长岭村。省分行行长张三一行深入长岭村走访帮扶户。",
            "远航银行测试省分行",
        ),
    ],
)
def test_a_company_called_by_its_level_alone_is_the_one_named_in_full(
    extractor: Extractor, text: str, full: str
) -> None:
    found = [f for f in _facts(extractor, text, "pairing") if f.data["recipient_level"] == "village"]
    assert {f.data["helper_uid"] for f in found} == {
        next(f.data["helper_uid"] for f in found if f.data["helper_name"] == full)
    }


def test_a_level_short_form_with_two_candidates_stays_apart(extractor: Extractor) -> None:
    text = (
        "测试省远航电力公司和测试省山海建设公司结对帮扶西山县白石镇长岭村。省公司副总经理张三一行深入长岭村走访帮扶户。"
    )
    uids = {f.data["name"]: f.data["uid"] for f in _facts(extractor, text, "organization")}
    assert uids["省公司"] not in (uids["测试省远航电力公司"], uids["测试省山海建设公司"])


@pytest.mark.parametrize(
    "text, full",
    [
        (
            "甲市西山县人民检察院结对帮扶西山县白石镇长岭村。县检察院将竭尽所能帮助长岭村发展集体经济。",
            "甲市西山县人民检察院",
        ),
        ("东湖区档案局结对帮扶西山县白石镇长岭村。区档案局多次募集资金帮助长岭村困难家庭。", "东湖区档案局"),
    ],
)
def test_an_organ_written_with_its_level_alone_is_the_one_named_in_full(
    extractor: Extractor, text: str, full: str
) -> None:
    found = [f for f in _facts(extractor, text, "pairing") if f.data["recipient_level"] == "village"]
    assert len({f.data["helper_uid"] for f in found}) == 1 and full in {f.data["helper_name"] for f in found}


def test_an_organ_by_its_level_with_two_namesakes_stays_apart(extractor: Extractor) -> None:
    text = "东湖区交通局和南山区交通局结对帮扶西山县白石镇长岭村。区交通局干部多次到长岭村走访。"
    uids = {f.data["name"]: f.data["uid"] for f in _facts(extractor, text, "organization")}
    assert uids["区交通局"] not in (uids["东湖区交通局"], uids["南山区交通局"])


def test_a_short_form_leaving_out_the_opening_place_is_the_unit(extractor: Extractor) -> None:
    text = "测试省远航山国有林管理局定点帮扶西山县白石镇长岭村。远航林局将进一步做好长岭村驻村帮扶工作。"
    found = [f for f in _facts(extractor, text, "pairing") if f.data["recipient_level"] == "village"]
    assert len({f.data["helper_uid"] for f in found}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "远航物流公司作为山海集团全资子公司，在西山县白石镇长岭村开展驻村帮扶。",
        "远航物流公司作为山海集团的下属企业，结对帮扶西山县白石镇长岭村。",
        "山海集团子公司远航物流公司结对帮扶西山县白石镇长岭村。",
    ],
)
def test_a_parent_named_to_describe_the_helper_is_no_helper(extractor: Extractor, text: str) -> None:
    assert _helpers(extractor, text) == {"远航物流公司"}


@pytest.mark.parametrize(
    "text",
    [
        "远航银行青田支行选派干部驻西山县白石镇石门村。最终向石门村捐赠资金10万元，体现了山海银行的社会责任与担当。",
        "远航银行青田支行选派干部驻西山县白石镇石门村。该行为石门村修建了文化广场，展现了山海银行的良好形象。",
    ],
)
def test_a_unit_praised_in_a_closing_clause_is_no_helper(extractor: Extractor, text: str) -> None:
    assert "山海银行" not in _helpers(extractor, text)
