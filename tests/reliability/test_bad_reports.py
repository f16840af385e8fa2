"""Malformed reports: refused with a message naming the file, or extracted with evidence that holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from loaders import reports
from loaders.places import PlaceIndex
from loaders.reports import Extractor, ReportError, check_evidence
from tests.loaders.test_places import _index
from tests.reliability.badfiles import ReportCase, report_cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[ReportCase]:
    return report_cases(tmp_path_factory.mktemp("bad_reports"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_index())


def test_every_malformed_report_is_refused_with_its_name_or_extracted_with_true_evidence(
    corpus: list[ReportCase], extractor: Extractor,
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
            assert problem and "too long" in problem, case.name
            continue
        assert problem is None, case.name
        facts = extractor.extract(doc).facts
        check_evidence(doc, facts)
        surfaces = {f.evidence.surface for f in facts if f.kind == "place"}
        assert {"东湖区", "鲁玙村"} <= surfaces, case.name  # the Chinese sentence is still read
        assert not any("<" in f.evidence.surface or "\x00" in f.evidence.surface for f in facts), case.name


def test_a_5_mb_report_is_refused_quickly_as_too_long(corpus: list[ReportCase]) -> None:
    case = next(c for c in corpus if c.path.name == "huge.txt")
    assert case.path.stat().st_size >= 5 * 1024 * 1024
    problem = reports.validate(reports.read(case.path))
    assert problem and "too long" in problem and "split" in problem


def test_binary_junk_is_not_read_as_chinese(corpus: list[ReportCase]) -> None:
    case = next(c for c in corpus if c.path.name == "junk.txt")
    with pytest.raises(ReportError, match="not text"):
        reports.read(case.path)


@pytest.mark.neo4j
def test_loading_the_corpus_writes_the_readable_reports_and_lists_the_rest(
    graph: Driver, gazetteer_dir: Path, corpus: list[ReportCase],
) -> None:
    index = PlaceIndex.from_gazetteer(gazetteer_dir, ("31",))
    result = reports.load(graph, [c.path for c in corpus], index)
    refused = {c.path.name for c in corpus if c.rejected} | {"huge.txt"}
    assert len(result.rejected) == len(refused)
    assert all(any(name in msg for msg in result.rejected) for name in refused)
    written = {r["uid"] for r in graph.execute_query("MATCH (d:Document) WHERE d.uid STARTS WITH 'report:' "
                                                      "RETURN d.uid AS uid").records}
    assert written == {f"report:{c.path.stem}" for c in corpus if c.path.name not in refused}
