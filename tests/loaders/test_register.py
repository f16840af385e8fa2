"""Registers without the database: reading, encodings, headers, validation, dates, resolution, rejects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from loaders import register
from loaders.places import PlaceIndex
from loaders.register import (
    Issue,
    RegisterError,
    Sheet,
    ValueProblem,
    decode_csv,
    detect_kind,
    map_headers,
    parse_amount,
    parse_code,
    parse_date,
    parse_dated,
    parse_year,
    prepare,
    read,
    validate,
)
from loaders.units import unit_kind
from tests.conftest import REPO, TEST_PROVINCES
from tests.loaders.register_files import PAIRINGS_HEADER, WEAK_HEADER, pairing_row, weak_row, write_csv, write_xlsx

EXAMPLES = REPO / "data" / "examples"


@pytest.fixture(scope="module")
def index(gazetteer_dir: Path) -> PlaceIndex:
    return PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES)


def sheet(header: tuple[str, ...], *rows: tuple[str, ...], name: str = "结对") -> Sheet:
    return Sheet("t.xlsx", name, [list(header), *[list(r) for r in rows]])


# --- reading and encodings ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_reads_the_same_cells_in_every_supported_encoding(tmp_path: Path, encoding: str) -> None:
    rows = [pairing_row(), pairing_row(village="彷徨村", helper="崇明区机关事务管理局")]
    path = write_csv(tmp_path / "p.csv", PAIRINGS_HEADER, rows, encoding=encoding)
    [read_sheet] = read(path)
    assert read_sheet.cells == [list(PAIRINGS_HEADER), *[list(r) for r in rows]]
    assert read_sheet.name == "p"


def test_gbk_csv_is_reported_as_gb18030_and_utf8_without_bom_as_utf8() -> None:
    text = "村名,类别,年度\n四滧村,经济薄弱村,2022\n"
    assert decode_csv(text.encode("gbk"))[1] == "gb18030"
    assert decode_csv(text.encode("utf-8"))[1] == "utf-8"
    assert decode_csv(b"\xef\xbb\xbf" + text.encode("utf-8"))[1] == "utf-8-sig"


def test_big5_file_is_decoded_as_big5_not_misread_as_gb18030() -> None:
    text = "村名,類別,認定年度\n東興村,經濟薄弱村,2021\n"
    decoded, encoding = decode_csv(text.encode("big5"))
    assert decoded == text and encoding.lower().startswith("big5")


def test_file_without_any_known_header_is_refused_rather_than_guessed() -> None:
    with pytest.raises(RegisterError, match="看不出文件的编码"):
        decode_csv(b"foo,bar\n1,2\n")


def test_unsupported_extension_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("村,类别\n")
    with pytest.raises(RegisterError, match="不支持的文件类型"):
        read(tmp_path / "p.txt")


def test_workbook_yields_every_sheet_with_codes_kept_as_text(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "w.xlsx",
        {
            "结对": [PAIRINGS_HEADER, pairing_row(code="310151102216")],
            "薄弱村": [WEAK_HEADER, weak_row("四滧村", "堡镇", code="310151102216")],
        },
    )
    sheets = read(path)
    assert [s.name for s in sheets] == ["结对", "薄弱村"]
    assert sheets[0].cells[1][6] == "310151102216"


def test_helper_merged_over_several_rows_applies_to_each_row(tmp_path: Path) -> None:
    rows = [
        PAIRINGS_HEADER,
        pairing_row(),
        pairing_row(helper="", village="彷徨村"),
        pairing_row(helper="", village="堡渔村"),
    ]
    path = write_xlsx(tmp_path / "m.xlsx", {"结对": rows}, merges={"结对": ["A2:A4"]})
    result = validate(read(path)[0])
    assert [r.values["helper"] for r in result.rows] == ["上海浦江实业集团有限公司"] * 3 and not result.issues


def test_cells_are_nfkc_normalised_and_trimmed(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        PAIRINGS_HEADER,
        [pairing_row(helper=" 上海浦江实业集团有限公司 ", code="３１０１５１１０２２１６")],
    )
    cells = read(path)[0].cells[1]
    assert cells[0] == "上海浦江实业集团有限公司" and cells[6] == "310151102216"


# --- headers and kinds ---------------------------------------------------------------------------


def test_chinese_and_english_headers_map_to_the_same_fields() -> None:
    chinese = map_headers(["帮扶单位", "党组织", "村", "村代码", "镇", "区", "开始日期", "结束日期", "轮次"])
    english = map_headers(
        ["Helper", "Party Organization", "village", "Village_Code", "TOWN", "district", "since", "until", "programme"]
    )
    assert set(chinese.fields) == set(english.fields)


def test_amount_header_with_unit_in_brackets_gives_the_unit() -> None:
    assert map_headers(["项目名称", "村", "金额（万元）"]).unit_hint == "万元"


def test_two_columns_for_one_field_are_flagged() -> None:
    assert map_headers(["村", "村名", "类别"]).duplicates == ("village",)


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        (["帮扶单位", "村", "开始日期"], "pairings"),
        (["党组织", "镇"], "pairings"),
        (["村名", "类别", "认定年度"], "weak"),
        (["帮扶单位", "村", "项目名称", "金额", "单位"], "projects"),
        (["姓名", "职务", "派出单位", "村"], "leaders"),
        (["序号", "备注"], None),
    ],
)
def test_register_kind_is_detected_from_headers(headers: list[str], kind: str | None) -> None:
    assert detect_kind(map_headers(headers).fields) == kind


def test_unit_column_is_the_measure_in_projects_and_the_helper_in_pairings() -> None:
    projects = validate(
        sheet(("单位名称", "村", "项目名称", "金额", "单位"), ("某公司", "四滧村", "冷库", "80", "万元"))
    )
    assert projects.kind == "projects" and projects.rows[0].values["amount_unit"] == "万元"
    pairings = validate(sheet(("单位", "村", "开始日期"), ("某公司", "四滧村", "2021-01-01")), kind="pairings")
    assert pairings.rows[0].values["helper"] == "某公司"


def test_sheet_without_recognisable_headers_is_reported_not_silently_skipped() -> None:
    result = validate(sheet(("说明",), ("本表为填报说明",), name="说明"))
    assert not result.rows and result.issues and result.issues[0].code == "register.sheet.no_header"
    assert "表头" in result.issues[0].reason


def test_register_missing_a_required_column_rejects_the_sheet_with_its_row_count() -> None:
    result = validate(sheet(("村", "开始日期", "镇"), ("四滧村", "2021-01-01", "堡镇")), kind="pairings")
    assert result.data_rows == 1 and not result.rows
    assert result.issues[0].code == "register.sheet.missing_helper" and "帮扶单位" in result.issues[0].reason


# --- values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2023-01-05",
        "2023/1/5",
        "2023年1月5日",
        "20230105",
        "2023.1.5",
        "44931",
        "2023-01-05 00:00:00",
        "2023年01月05号",
    ],
)
def test_dates_in_every_register_format_parse_to_the_same_day(text: str) -> None:
    assert parse_date(text) == dt.date(2023, 1, 5)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2023-02-30", "register.date.not_real"),
        ("2023-13", "register.date.not_real"),
        ("明年", "register.date.not_date"),
        ("1234", "register.date.not_date"),
        ("5", "register.date.not_date"),
    ],
)
def test_bad_dates_are_problems_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(ValueProblem) as raised:
        parse_date(text)
    assert raised.value.code == why and text in str(raised.value)


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("2023年3月", "2023-03-01", "2023-03-31", "month"),
        ("2023-03", "2023-03-01", "2023-03-31", "month"),
        ("2023.3", "2023-03-01", "2023-03-31", "month"),
        ("2023/12", "2023-12-01", "2023-12-31", "month"),
        ("2024年2月份", "2024-02-01", "2024-02-29", "month"),
        ("2023", "2023-01-01", "2023-12-31", "year"),
        ("2023年", "2023-01-01", "2023-12-31", "year"),
        ("2023-03-05", "2023-03-05", "2023-03-05", "day"),
    ],
)
def test_month_and_year_dates_keep_their_precision(text: str, first: str, last: str, precision: str) -> None:
    dated = parse_dated(text)
    assert dated is not None
    assert (dated.first.isoformat(), dated.last.isoformat(), dated.precision) == (first, last, precision)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("3.10151102216e+11", "科学计数法"),
        ("3.10151102216E+11", "科学计数法"),
        ("10151102216", "只有 11 位，不是 12 位（前面的 0 丢了？）"),
        ("310151102216.0", "小数"),
        ("31015110221X", "不是代码"),
        ("3101511022160", "13 位"),
    ],
)
def test_malformed_codes_are_rejected_not_repaired(text: str, why: str) -> None:
    with pytest.raises(ValueProblem, match=why):
        parse_code(text)


def test_year_and_amount_parsing() -> None:
    assert parse_year("2023年") == 2023
    with pytest.raises(ValueProblem):
        parse_year("23")
    assert parse_amount("1,200", "元") == (1200.0, "元", 1200.0)
    assert parse_amount("50万元", "万元") == (50.0, "万元", 500000.0)
    with pytest.raises(ValueProblem, match="写的单位是万元，但给出的单位是元"):
        parse_amount("50万元", "元")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("静安区江北路街道", "street_office"),
        ("上海浦江实业集团有限公司", "enterprise"),
        ("某某集团", "enterprise"),
        ("上海市瀛东中学", "school"),
        ("某某学院", "school"),
        ("崇明区财政局", "government"),
        ("区卫健委", "government"),
        ("区委组织部", "government"),
        ("区人民政府", "government"),
        ("区政务服务中心", "institution"),
        ("上海市第九人民医院", "institution"),
        ("某研究所", "institution"),
        ("某农民专业合作社", "other"),
    ],
)
def test_organization_kind_follows_the_name_suffix(name: str, kind: str) -> None:
    assert unit_kind(name) == kind


# --- validation: rows and locations -----------------------------------------------------------------


def test_row_numbers_are_the_spreadsheets_own_below_a_title_row_and_blank_rows() -> None:
    s = Sheet(
        "t.xlsx",
        "结对",
        [
            ["崇明区结对帮扶台账"],
            [],
            list(PAIRINGS_HEADER),
            list(pairing_row()),
            [""] * 10,
            list(pairing_row(since="2023-02-30")),
        ],
    )
    result = validate(s)
    assert [r.row for r in result.rows] == [4]
    assert result.rows[0].source_loc == "sheet 结对!row 4"
    assert [(i.row, i.column, i.value) for i in result.issues] == [(6, "开始日期", "2023-02-30")]
    assert result.data_rows == 2


def test_evidence_is_the_row_as_header_equals_value() -> None:
    result = validate(sheet(PAIRINGS_HEADER, pairing_row()))
    assert (
        result.rows[0].evidence
        == "帮扶单位=上海浦江实业集团有限公司; 区=崇明区; 镇=堡镇; 村=四滧村; 开始日期=2021-03-01; 轮次=第三轮"
    )


def test_pairing_that_ends_before_it_starts_is_rejected() -> None:
    result = validate(sheet(PAIRINGS_HEADER, pairing_row(since="2023-01-01", until="2022-01-01")))
    assert not result.rows and "结束（2022-01-01）早于开始（2023-01-01）" == result.issues[0].reason


def test_paired_by_party_needs_a_named_party_organization() -> None:
    result = validate(sheet(PAIRINGS_HEADER, pairing_row(paired_by="党组织")))
    assert result.issues[0].code == "register.row.party_unnamed"
    ok = validate(sheet(PAIRINGS_HEADER, pairing_row(paired_by="党组织", party="某公司党支部")))
    assert ok.rows[0].values["paired_by"] == "party"


def test_party_organization_alone_is_the_helper() -> None:
    result = validate(sheet(PAIRINGS_HEADER, pairing_row(helper="", party="某公司党支部")))
    assert result.rows[0].values["paired_by"] == "party"


# --- resolution ---------------------------------------------------------------------------------------


def resolve_one(index: PlaceIndex, s: Sheet) -> tuple[list, list[Issue]]:
    result = validate(s)
    accepted, issues = register.resolve(result.rows, index)
    return accepted, result.issues + issues


def test_namesake_villages_resolve_to_their_own_town(index: PlaceIndex) -> None:
    accepted, issues = resolve_one(
        index,
        sheet(
            PAIRINGS_HEADER, pairing_row(village="红星村", town="中兴镇"), pairing_row(village="红星村", town="长兴镇")
        ),
    )
    assert not issues
    assert [t.code for _, t in accepted] == ["310151109203", "310151116216"]


def test_name_occurring_twice_in_district_without_town_is_rejected_with_both_candidates(index: PlaceIndex) -> None:
    accepted, [issue] = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(village="红星村", town="")))
    assert not accepted
    assert (
        issue.row == 2
        and issue.column == "村"
        and issue.code == "register.place.ambiguous"
        and "有歧义" in issue.reason
    )
    assert [c.split()[0] for c in issue.candidates] == ["310151109203", "310151116216"]


def test_unknown_village_is_rejected(index: PlaceIndex) -> None:
    accepted, [issue] = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(village="幸福新村")))
    assert not accepted and issue.code == "register.place.unknown"


def test_code_wins_when_name_agrees_and_is_rejected_when_name_disagrees(index: PlaceIndex) -> None:
    accepted, issues = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(code="310151102216", village="四滧村")))
    assert not issues and accepted[0][1].method == "register:village_code" and accepted[0][1].confidence == 1.0
    accepted, [issue] = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(code="310151102217", village="四滧村")))
    assert not accepted and "是彷徨村，不是四滧村" in issue.reason
    assert issue.candidates[0].startswith("310151102217 彷徨村")


def test_code_missing_from_the_gazetteer_is_rejected(index: PlaceIndex) -> None:
    accepted, [issue] = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(code="310151102299", village="")))
    assert not accepted and "不在代码表中" in issue.reason


def test_town_that_contradicts_the_code_is_rejected(index: PlaceIndex) -> None:
    accepted, [issue] = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(code="310151102216", town="中兴镇")))
    assert not accepted and issue.column == "镇" and "位于堡镇，不是中兴镇" in issue.reason


def test_town_alone_makes_a_town_level_pairing(index: PlaceIndex) -> None:
    accepted, issues = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(village="", town="竖新镇")))
    assert not issues and accepted[0][1].level == "town" and accepted[0][1].code == "310151105"


# --- the example registers and the rejects file -------------------------------------------------------


def test_example_registers_load_good_rows_and_reject_each_deliberate_mistake(index: PlaceIndex) -> None:
    rejected: list[tuple[str, int | None, str]] = []
    loaded = 0
    for path in register.expand([EXAMPLES]):
        accepted, report = prepare(path, index)
        loaded += len(accepted)
        rejected += [(i.file, i.row, i.code or "") for i in report.rejected]
        assert not [i for i in report.issues if i.severity == "warning"]
    # The leader dated 2022-03 (a month without a day) loads, with its precision kept.
    assert loaded == 41
    assert sorted(rejected) == sorted(
        [
            ("pairings.csv", 10, "register.place.ambiguous"),
            ("pairings.csv", 11, "register.place.unknown"),
            ("pairings.csv", 12, "register.date.not_real"),
            ("pairings.csv", 13, "register.code.too_short"),
            ("pairings.csv", 19, "register.code.scientific"),
            ("projects_and_leaders.xlsx", 9, "register.amount.bad"),
            ("weak_villages_gbk.csv", 12, "register.place.ambiguous"),
            ("weak_villages_gbk.csv", 19, "register.place.code_name_mismatch"),
            ("weak_villages_gbk.csv", 20, "register.place.unknown"),
        ]
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_rejects_report_opens_with_location_reason_and_candidates(tmp_path: Path, suffix: str) -> None:
    issue = Issue.coded(
        "p.csv",
        "p",
        10,
        "村",
        "红星村",
        "register.place.ambiguous",
        candidates=("310151109203 红星村", "310151116216 红星村"),
        where="崇明区",
        count=2,
        name="红星村",
    )
    path = register.write_issues(tmp_path / f"rejects{suffix}", [issue])
    frame = pd.read_excel(path, dtype=str) if suffix == ".xlsx" else pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    assert list(frame.columns) == ["文件", "工作表", "行号", "列", "值", "处理", "原因", "候选", "原因代码"]
    assert frame.iloc[0].to_dict() == {
        "文件": "p.csv",
        "工作表": "p",
        "行号": "10",
        "列": "村",
        "值": "红星村",
        "处理": "拒绝",
        "原因": "有歧义：在崇明区有 2 个地方叫“红星村”；请加上镇名或 12 位代码",
        "候选": "310151109203 红星村; 310151116216 红星村",
        "原因代码": "register.place.ambiguous",
    }
    assert issue.text("en") == "ambiguous: 2 places named 红星村 in 崇明区; add the town (镇) or the 12-digit code"


def test_same_sounding_misspelling_loads_with_a_warning_and_lower_confidence(index: PlaceIndex) -> None:
    accepted, [issue] = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(village="四效村")))
    assert accepted[0][1].code == "310151102216" and accepted[0][1].confidence < 0.9
    assert accepted[0][1].method == "register:name_fuzzy_pinyin"
    assert issue.severity == "warning" and issue.reason.startswith("按四滧村加载")


def test_code_with_a_misspelt_name_inside_its_town_is_accepted_with_the_fuzzy_method(index: PlaceIndex) -> None:
    accepted, issues = resolve_one(index, sheet(PAIRINGS_HEADER, pairing_row(code="310151102216", village="四效村")))
    assert not issues and accepted[0][1].method == "register:village_code+name_fuzzy_pinyin"


def test_village_code_agrees_with_the_official_committee_name(index: PlaceIndex) -> None:
    accepted, issues = resolve_one(
        index, sheet(PAIRINGS_HEADER, pairing_row(code="310151102216", village="四滧村村委会"))
    )
    assert not issues and accepted[0][1].method == "register:village_code"


@pytest.mark.parametrize(
    "name", ["玫琳凯（中國）有限公司", " 崇明区 财政局 ", "上海“申江”集团", "城厢区实验小学党总支"]
)
def test_unit_uids_use_the_same_name_key_as_the_report_loader(name: str) -> None:
    from loaders.reports import normal_key

    assert register.name_key(name) == normal_key(name)
