"""Malformed reports: refused with a message naming the file, or extracted with evidence that holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from loaders import reports
from loaders.places import PlaceIndex
from loaders.reports import Extractor, Fact, ReportError, check_evidence, reading
from tests.conftest import CORPUS, REPO, TEST_PROVINCES
from tests.loaders.test_places import _index
from tests.reliability.badfiles import GOOD_SENTENCE, ReportCase, report_cases
from tests.reliability.badreports import NAME_ENDINGS, corpus_texts, long_names, mixed_encodings, sentence_less

# The longest unit name the extractor takes (left_limit's bound on units is 30 characters) with room
# to spare; a 10,000-character run must never come out longer.
MAX_NAME = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[ReportCase]:
    return report_cases(tmp_path_factory.mktemp("bad_reports"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_index())


def test_every_malformed_report_is_refused_with_its_name_or_extracted_with_true_evidence(
    corpus: list[ReportCase],
    extractor: Extractor,
) -> None:
    for case in corpus:
        try:
            doc = reports.read(case.path)
        except ReportError as exc:
            assert case.rejected and case.path.name in str(exc), case.name
            continue
        problem = reports.validate(doc)
        if case.rejected:
            assert problem and case.rejected in problem and case.path.name in problem, case.name
            continue
        if len(doc.text) > reports.MAX_CHARS:
            assert problem and "太长" in problem, case.name
            continue
        assert problem is None, case.name
        facts = extractor.extract(doc).facts
        check_evidence(doc, facts)
        surfaces = {f.evidence.surface for f in facts if f.kind == "place"}
        assert {"东湖区", "鲁玙村"} <= surfaces, case.name  # the Chinese sentence is still read
        assert not any("<" in f.evidence.surface or "\x00" in f.evidence.surface for f in facts), case.name


def test_a_file_past_the_size_limit_is_refused_before_it_is_read(corpus: list[ReportCase]) -> None:
    case = next(c for c in corpus if c.path.name == "huge.txt")
    started = time.perf_counter()
    with pytest.raises(ReportError, match="太长.*请拆成几个文件"):
        reports.read(case.path)
    assert time.perf_counter() - started < 1  # the size is looked at, the bytes are not read


def test_binary_junk_is_not_read_as_chinese(corpus: list[ReportCase]) -> None:
    case = next(c for c in corpus if c.path.name == "junk.txt")
    with pytest.raises(ReportError, match="不是 UTF-8、UTF-16 或 GB18030 文本"):
        reports.read(case.path)


@pytest.mark.neo4j
def test_loading_the_corpus_writes_the_readable_reports_and_lists_the_rest(
    graph: Driver,
    gazetteer_dir: Path,
    corpus: list[ReportCase],
) -> None:
    index = PlaceIndex.from_gazetteer(gazetteer_dir, ("31",))
    result = reports.load(graph, [c.path for c in corpus], index)
    refused = {c.path.name for c in corpus if c.rejected}
    assert len(result.rejected) == len(refused)
    assert all(any(name in msg for msg in result.rejected) for name in refused)
    written = {
        r["uid"]
        for r in graph.execute_query("MATCH (d:Document) WHERE d.uid STARTS WITH 'report:' RETURN d.uid AS uid").records
    }
    assert written == {f"report:{c.path.stem}" for c in corpus if c.path.name not in refused}


# --- no sentence ends, names of 10,000 characters, mixed encodings (issue 15, item 5) ---------------


@pytest.fixture(scope="module")
def gazetteer_extractor(gazetteer_dir: Path) -> Extractor:
    return Extractor(PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES))


def _village_codes(facts: list[Fact]) -> set[str]:
    return {f.data["code"] for f in facts if f.kind == "place" and f.data["level"] == "village" and f.data.get("code")}


def test_a_text_without_sentence_ends_is_cut_into_bounded_sentences_and_still_read(
    tmp_path: Path,
    gazetteer_extractor: Extractor,
) -> None:
    extractor = gazetteer_extractor
    path = sentence_less(tmp_path / "one_line.txt", 2 * reading.PART_CHARS + 5_000)  # three parts
    doc = reports.read(path)
    assert reports.validate(doc) is None and not any(c in doc.text for c in "。！？\n")
    facts = extractor.extract(doc).facts
    check_evidence(doc, facts)
    assert max(len(f.evidence.sentence) for f in facts) <= reading.MAX_SENTENCE_CHARS
    assert max(len(f.evidence.surface) for f in facts if f.kind == "pairing") <= reading.MAX_SENTENCE_CHARS
    # At least half the villages the corpus resolves with its sentences are still resolved without
    # them (a town named in the same sentence is the context lost).
    with_sentences = set().union(
        *(_village_codes(extractor.extract(reports.read(p)).facts) for p in sorted(CORPUS.glob("*.txt")))
    )
    assert len(_village_codes(facts) & with_sentences) >= 0.5 * len(with_sentences)


def test_parts_cover_the_text_at_sentence_ends() -> None:
    text = "".join(corpus_texts())
    spans = list(reading.parts(text, 3_000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False)) and all(
        0 < e - s <= 3_000 for s, e in spans
    )
    ends = {s.end for s in reports.sentences(text)}
    assert all(end in ends for _, end in spans)


@pytest.mark.parametrize("ending", range(len(NAME_ENDINGS) + 1))
def test_a_name_of_ten_thousand_characters_is_not_taken_and_costs_no_time(
    tmp_path: Path,
    extractor: Extractor,
    ending: int,
) -> None:
    path = long_names(tmp_path)[ending]
    doc = reports.read(path)
    started = time.perf_counter()
    facts = extractor.extract(doc).facts
    assert time.perf_counter() - started < 10
    names = [
        v
        for f in facts
        for k, v in f.data.items()
        if isinstance(v, str) and k in ("name", "helper_name", "recipient_name", "surface")
    ]
    assert max(len(f.evidence.surface) for f in facts) <= MAX_NAME and max(map(len, names)) <= MAX_NAME
    assert {"东湖区", "鲁玙村"} <= {f.evidence.surface for f in facts if f.kind == "place"}
    if ending == len(NAME_ENDINGS):  # one character repeated: no name start anywhere in the run
        assert not any("某某" in f.evidence.surface for f in facts), [f.evidence.surface for f in facts]


def test_a_gbk_paragraph_and_a_nul_inside_utf8_are_read_and_named(
    tmp_path: Path, gazetteer_extractor: Extractor
) -> None:
    extractor = gazetteer_extractor
    mixed = mixed_encodings(tmp_path / "mixed.txt")
    doc = reports.read(mixed.path)
    assert mixed.gbk_paragraph in doc.text and "\x00" not in doc.text
    gbk_note, junk_note = doc.notes
    assert mixed.path.name in gbk_note and f"第 {mixed.gbk_lines[0]} 行按 GB18030" in gbk_note
    assert f"第 {mixed.junk_line} 行既不是 UTF-8 也不是 GB18030" in junk_note
    assert reports.validate(doc) is None
    start = doc.text.index(mixed.gbk_paragraph)
    facts = extractor.extract(doc).facts
    assert any(start <= f.evidence.start < start + len(mixed.gbk_paragraph) for f in facts)


def test_mostly_junk_with_a_line_of_chinese_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk_and_a_line.txt"
    path.write_bytes(b"\n".join([bytes(range(0x80, 0x100))] * 32 + [GOOD_SENTENCE.encode("utf-8")]))
    with pytest.raises(ReportError, match="不是 UTF-8、UTF-16 或 GB18030 文本"):
        reports.read(path)


@pytest.mark.neo4j
def test_bad_reports_through_the_upload_api_load_what_is_good_and_name_the_rest(
    graph: Driver,
    tmp_path: Path,
    corpus: list[ReportCase],
) -> None:
    from fastapi.testclient import TestClient
    from neomodel import db as neomodel_db

    from api.main import app
    from graph.settings import get_settings

    mixed = mixed_encodings(tmp_path / "mixed.txt")
    files = [
        sentence_less(tmp_path / "one_line.txt", reading.PART_CHARS + 5_000),
        mixed.path,
        *long_names(tmp_path / "names"),
        next(c.path for c in corpus if c.path.name == "huge.txt"),
    ]
    with TestClient(app) as client:
        response = client.post(
            "/uploads/reports",
            headers={"X-API-Key": get_settings().api_key.get_secret_value()},
            files=[("files", (p.name, p.open("rb"), "text/plain")) for p in files],
        )
    neomodel_db.set_connection(driver=graph)
    assert response.status_code == 200, response.text
    report = response.json()["report"]
    assert report["written"] == [f"report:{p.stem}" for p in files[:-1]]
    assert len(report["rejected"]) == 1 and "huge.txt" in report["rejected"][0] and "太长" in report["rejected"][0]
    assert any("mixed.txt" in n and "GB18030" in n for n in report["notes"])
    # A report's own text is kept on its Document (a review decision is applied to it at once, issue 20)
    # and the upload's audit entry lists its files and summary (issue 22); every other string, the
    # facts' evidence above all, is at most a sentence.
    longest = graph.execute_query(
        "MATCH (n) UNWIND keys(n) AS k WITH n, k, n[k] AS v WHERE v IS :: STRING "
        "AND NOT (n:Document AND k = 'text') AND NOT (n:AuditEntry AND k = 'details') RETURN max(size(v)) AS n "
        "UNION MATCH ()-[r]->() UNWIND keys(r) AS k WITH r[k] AS v WHERE v IS :: STRING RETURN max(size(v)) AS n"
    ).records
    assert max(r["n"] or 0 for r in longest) <= reading.MAX_SENTENCE_CHARS
    one_line = graph.execute_query("MATCH (d:Document {uid: 'report:one_line'}) RETURN d.text AS text").records
    assert [len(r["text"]) for r in one_line] == [len(reports.read(files[0]).text)]
    names = graph.execute_query("MATCH (n) WHERE n.name IS NOT NULL RETURN max(size(n.name)) AS n").records[0]["n"]
    assert names <= MAX_NAME


def _measured_load(paths: list[Path]) -> dict[str, Any]:
    """Load ``paths`` in a child process; what it did, its seconds and its own peak RSS."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.reliability.badreports", *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.neo4j
@pytest.mark.long
@pytest.mark.timeout(3600)
def test_five_megabytes_without_sentence_ends_long_names_and_mixed_encodings_load_in_bounded_memory(
    graph: Driver,
    tmp_path: Path,
) -> None:
    five_mb = sentence_less(tmp_path / "five_mb.txt", 1_900_000)  # the corpus runs 2.8 bytes a character
    assert five_mb.stat().st_size >= 5 * 1024 * 1024
    cases = {
        "5 MB, no sentence ends": [five_mb],
        "names of 10,000 characters": long_names(tmp_path / "names"),
        "GBK paragraph + NUL in UTF-8": [mixed_encodings(tmp_path / "mixed.txt").path],
    }
    for what, paths in cases.items():
        result = _measured_load(paths)
        print(
            f"\n{what}: {len(result['written'])} written, {len(result['rejected'])} rejected, "
            f"{result['facts']} facts, {result['seconds']} s, peak RSS {result['peak_rss_mb']} MB"
        )
        assert result["written"] == [f"report:{p.stem}" for p in paths] and not result["rejected"], result
        assert result["peak_rss_mb"] < 1500 and result["seconds"] < 1200, result
    longest = graph.execute_query("MATCH (n) WHERE n.name IS NOT NULL RETURN max(size(n.name)) AS n").records[0]["n"]
    assert longest <= MAX_NAME


def test_a_gbk_report_keeps_a_short_line_with_a_rare_character(tmp_path: Path) -> None:
    path = tmp_path / "gbk_lines.txt"
    path.write_bytes("崇明区堡镇\n四滧村\n与上海浦江实业集团有限公司结对。".encode("gbk"))  # 滧 is GBK, not GB2312
    doc = reports.read(path)
    assert doc.text.splitlines() == ["崇明区堡镇", "四滧村", "与上海浦江实业集团有限公司结对。"] and not doc.notes


def test_a_sentence_with_fenbie_and_no_recipient_after_it_is_still_read(tmp_path: Path, extractor: Extractor) -> None:
    path = tmp_path / "fenbie.txt"
    path.write_text("上海浦江实业集团有限公司、凌波路街道与东湖区漕溪镇鲁玙村分别结对共建。", "utf-8")
    facts = extractor.extract(reports.read(path)).facts  # raised IndexError in pairing._recipient_list
    assert {f.evidence.surface for f in facts if f.kind == "place"} >= {"鲁玙村"}
