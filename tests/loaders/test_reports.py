"""Report extraction: pure tests on made-up sentences over a small code table (no database)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from loaders.reports import Extractor, Fact, ReportDoc, check_evidence, read, rows_for_write
from tests.loaders.test_places import _index


def _doc(text: str, stem: str = "t") -> ReportDoc:
    return ReportDoc(f"report:{stem}", f"{stem}.txt", text, hashlib.sha256(text.encode()).hexdigest(), text[:20])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_index())


def _facts(extractor: Extractor, text: str, kind: str) -> list[Fact]:
    return [f for f in extractor.extract(_doc(text)).facts if f.kind == kind]


def test_chain_district_town_village_resolves_the_village(extractor: Extractor) -> None:
    places = _facts(extractor, "西山县青田镇四滧村举行活动。", "place")
    village = next(f for f in places if f.data["level"] == "village")
    assert village.data["code"] == "910102102202"
    assert "chain" in village.evidence.method


def test_namesake_village_without_town_stays_ambiguous_with_candidates(extractor: Extractor) -> None:
    text = "西山县召开会议。东湖区某某公司帮助红旗村修建道路3公里。"
    village = next(f for f in _facts(extractor, text, "place") if f.data["level"] == "village")
    assert village.data["status"] == "ambiguous" and village.data["code"] is None
    assert set(village.data["candidate_codes"]) == {"910102101201", "910102102201"}


def test_pairing_links_unit_to_each_listed_village_with_amount(extractor: Extractor) -> None:
    text = "西山县青田镇工作会议。新华置业集团对四滧村、红旗村进行帮困慰问,送上慰问金共计13000元。"
    pairings = _facts(extractor, text, "pairing")
    assert {p.data["helper_name"] for p in pairings} == {"新华置业集团"}
    assert {p.data["recipient_name"] for p in pairings} == {"四滧村", "红旗村"}
    projects = _facts(extractor, text, "project")
    money = next(p for p in projects if p.data["amount_unit"] == "元")
    assert money.data["amount_yuan"] == 13000 and len(money.data["recipient_uids"]) == 2


def test_reporter_is_not_taken_for_a_leader(extractor: Extractor) -> None:
    text = "本报讯记者王立春报道:青田镇党委书记张建国表示,要做好结对工作。责任编辑:李华"
    persons = _facts(extractor, text, "person")
    assert [(p.data["name"], p.data["role"]) for p in persons] == [("张建国", "党委书记")]
    assert {f.data["name"] for f in _facts(extractor, text, "byline")} == {"王立春", "李华"}


def test_unknown_village_in_chain_becomes_unresolved_node_under_the_town(extractor: Extractor) -> None:
    village = next(
        f for f in _facts(extractor, "西山县青田镇新丰村党支部开展共建。", "place") if f.data["level"] == "village"
    )
    assert village.data["status"] == "unknown" and village.data["code"] is None
    assert village.data["part_of"] == "910102102"
    assert village.data["uid"].startswith("village:910102102:")


def test_variant_character_is_resolved_but_flagged_fuzzy(extractor: Extractor) -> None:
    village = next(
        f
        for f in _facts(extractor, "东湖区漕溪镇鲁屿村党支部和某某公司结对。", "place")
        if f.data["level"] == "village"
    )
    assert village.data["code"] == "910101101201" and village.data["fuzzy"]
    assert village.evidence.confidence < 0.7


def test_numbered_community_ellipsis_expands_with_the_prefix(extractor: Extractor) -> None:
    # 柳园三村、柳园… only 三村 exists in the table, so the expansion must find it by prefix.
    places = _facts(extractor, "东湖区凌波街柳园三村党支部开展结对共建。", "place")
    assert any(f.data.get("code") == "910101001001" for f in places)
    town = next(f for f in places if f.data["level"] == "town")
    assert town.data["code"] == "910101001"


def test_traditional_text_is_matched_and_offsets_point_into_the_original(extractor: Extractor) -> None:
    text = "西山縣青田鎮四滧村舉行活動。"
    facts = extractor.extract(_doc(text)).facts
    village = next(f for f in facts if f.kind == "place" and f.data["level"] == "village")
    assert village.data["code"] == "910102102202"
    assert text[village.evidence.start : village.evidence.end] == village.evidence.surface


def test_every_fact_carries_verified_evidence(extractor: Extractor) -> None:
    doc = _doc("西山县青田镇工作会议。新华置业集团帮助四滧村建设道路2公里,全区12家单位结对帮扶8个村。")
    facts = extractor.extract(doc).facts
    check_evidence(doc, facts)
    for f in facts:
        e = f.evidence
        assert e.source_id == doc.uid and e.sha256 == doc.sha256 and e.method and 0 < e.confidence <= 1
        assert e.sentence and e.surface in e.sentence


def test_aggregate_statement_becomes_claims(extractor: Extractor) -> None:
    claims = _facts(extractor, "西山县共有12家单位结对帮扶8个行政村(其中5个为经济薄弱村)。", "claim")
    assert {(c.data["metric"], c.data["value"]) for c in claims} >= {
        ("helpers", 12.0),
        ("villages", 8.0),
        ("weak_villages", 5.0),
    }


def test_rows_for_write_keep_unresolved_villages_and_provenance(extractor: Extractor) -> None:
    doc = _doc("西山县召开会议。新华置业集团帮助红旗村修建道路3公里。")
    rows = rows_for_write(doc, extractor.extract(doc).facts)
    assert rows["villages"] and rows["villages"][0]["status"] == "ambiguous"
    assert rows["pairings"][0]["source_loc"].startswith("chars ")
    assert all(r["source_id"] == doc.uid for r in rows["pairings"] + rows["mentions"])


def test_read_accepts_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("西山县青田镇".encode("gb18030"))
    doc = read(path)
    assert doc.text == "西山县青田镇" and doc.uid == "report:gbk"


def test_extract_cli_prints_json_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import api.cli.reports as cli
    from api.cli import app

    monkeypatch.setattr(cli, "_index", lambda provinces: _index())
    path = tmp_path / "r.txt"
    path.write_text("西山县青田镇四滧村举行活动。", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    facts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(f.get("code") == "910102102202" for f in facts)


def test_amount_in_assistance_sentence_without_a_named_village_keeps_helper_and_lower_confidence(
    extractor: Extractor,
) -> None:
    text = "西山县召开会议。新华置业集团党支部到结对村开展帮困慰问,慰问金共计8000元。"
    money = next(p for p in _facts(extractor, text, "project") if p.data["amount_unit"] == "元")
    assert money.data["amount_yuan"] == 8000
    assert money.data["helper_name"] == "新华置业集团党支部" and money.data["recipient_uids"] == []
    assert money.evidence.method == "amount_in_assistance_sentence" and money.evidence.confidence < 0.7


def test_money_noun_with_bare_wan_reads_as_ten_thousand_yuan(extractor: Extractor) -> None:
    text = "西山县召开会议。新华置业集团帮困慰问,共发放慰问金3万左右。"
    money = next(p for p in _facts(extractor, text, "project") if p.data["amount_unit"] == "万元")
    assert money.data["amount"] == 3 and money.data["amount_yuan"] == 30000 and money.data["approximate"]


def test_sentence_without_assistance_words_yields_no_loose_amount(extractor: Extractor) -> None:
    assert _facts(extractor, "西山县召开会议。全县粮食产量达到3000吨。", "project") == []


def test_count_after_its_noun_is_a_claim_but_two_villages_are_not(extractor: Extractor) -> None:
    text = "西山县选派驻村第一书记15人,两个村结对共建。"
    claims = [(c.data["metric"], c.data["value"]) for c in _facts(extractor, text, "claim")]
    assert claims == [("first_secretaries", 15.0)]
