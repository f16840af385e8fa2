"""Property tests: the register parsers and the report extractor never crash on arbitrary input.

Each parser either returns a value or raises its own, documented error with a message; the
extractor never raises and every fact's evidence points at its surface string. The default run
is short (200 examples each); ``-m long`` runs 5,000.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.register import (
    HEADER_TABLE,
    RegisterError,
    ValueProblem,
    clean_cell,
    decode_csv,
    map_headers,
    parse_amount,
    parse_code,
    parse_date,
    parse_year,
)
from loaders.reports import Extractor, ReportDoc, check_evidence
from tests.loaders.test_places import _index

QUICK = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like register cells: digits, separators, 年月日, units, CJK, and anything at all.
cell_text = st.one_of(
    st.text(),
    st.text(alphabet="0123456789-/.年月日号 :T+eE,万元亿", max_size=24),
    st.from_regex(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?", fullmatch=True),
    st.from_regex(r"[0-9０-９]{9,14}(\.\d+)?", fullmatch=True),
)
headers = st.lists(st.one_of(st.sampled_from(sorted(HEADER_TABLE)), st.text(max_size=12)), max_size=12)


def _cell_properties(value: str) -> None:
    cleaned = clean_cell(value)
    assert cleaned == cleaned.strip() and clean_cell(cleaned) == cleaned  # idempotent
    try:
        day = parse_date(cleaned)
        assert day is None or isinstance(day, dt.date)
    except ValueProblem as exc:
        assert str(exc)
    try:
        code = parse_code(cleaned)
        assert code is None or (code.isdigit() and len(code) == 12 and code == cleaned)
    except ValueProblem as exc:
        assert str(exc)
    try:
        year = parse_year(cleaned)
        assert year is None or 1949 <= year <= 2100
    except ValueProblem:
        pass
    try:
        parse_amount(cleaned, None)
    except ValueProblem:
        pass


def _headers_properties(row: list[str]) -> None:
    mapped = map_headers(row)
    assert all(0 <= i < len(row) for i in mapped.fields.values())
    assert len(set(mapped.fields.values())) == len(mapped.fields)


def _csv_properties(rows: list[list[str]], encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        text, used = decode_csv(data)
    except RegisterError as exc:
        assert "编码" in str(exc) and exc.code == "register.file.encoding"
        return
    assert isinstance(text, str) and used


csv_rows = st.lists(
    st.lists(st.one_of(st.sampled_from(sorted(HEADER_TABLE)), st.text(max_size=8)), max_size=6), max_size=6
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16", "big5"])
report_text = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(
            [
                "东湖区",
                "漕溪镇",
                "鲁玙村",
                "凌波路街道",
                "红旗村",
                "与",
                "结对",
                "帮扶",
                "，",
                "。",
                "有限公司",
                "党支部",
                "书记",
                "张三",
                "投入",
                "50万元",
                "\n",
                "区",
                "镇",
                "村",
                "\x00",
                "👨‍👩‍👧",
                "ﬁ",
                "Ⅻ",
                "㍿",
                "\u0301",
                "\ud7ff",
                "（",
                "）",
            ]
        ),
        max_size=60,
    ).map("".join),
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_index())


def _extract_properties(extractor: Extractor, text: str) -> None:
    doc = ReportDoc(
        "report:fuzz", "fuzz.txt", text, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), text[:20]
    )
    facts = extractor.extract(doc).facts
    check_evidence(doc, facts)
    for f in facts:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.surface


@QUICK
@given(cell_text)
def test_register_cell_parsers_return_a_value_or_a_reason(value: str) -> None:
    _cell_properties(value)


@QUICK
@given(headers)
def test_header_mapping_maps_each_column_once(row: list[str]) -> None:
    _headers_properties(row)


@QUICK
@given(csv_rows, encodings)
def test_csv_decoding_returns_text_or_names_the_encodings_tried(rows: list[list[str]], encoding: str) -> None:
    _csv_properties(rows, encoding)


def test_extractor_never_raises_and_evidence_points_at_its_surface(extractor: Extractor) -> None:
    @QUICK
    @given(report_text)
    def run(text: str) -> None:
        _extract_properties(extractor, text)

    run()


@pytest.mark.long
def test_long_fuzz_of_every_parser(extractor: Extractor) -> None:
    @LONG
    @given(cell_text, headers, csv_rows, encodings, report_text)
    def run(value: str, row: list[str], rows: list[list[str]], encoding: str, text: str) -> None:
        _cell_properties(value)
        _headers_properties(row)
        _csv_properties(rows, encoding)
        _extract_properties(extractor, text)

    run()
