"""Stage 7, amounts and claims: money and goods given (project facts) and counts the report states.

An amount after a group of paired recipients is a project of their helper; an amount in a sentence
about assistance that names no pair is kept with a lower confidence (it lands in review). A claim
is a count the report makes about the work ("结对64个行政村", "选派第一书记27人"), to compare with
what the graph holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from loaders.money import to_yuan
from loaders.reports.lexicon import (
    AMOUNT_QUALIFIERS,
    AMOUNT_UNITS,
    ASSISTANCE_WORDS,
    CATEGORY_WORDS,
    CJK,
    CLAIM_COUNT_LINKS,
    CLAIM_COUNT_MEASURES,
    CLAIM_MEASURES,
    CLAIM_METRIC,
    CLAIM_NOUNS,
    CLAIM_NOUNS_BEFORE_COUNT,
    CLAIM_SENTENCE_WORDS,
    CN_DIGITS,
    CN_UNITS,
    LOOSE_UNITS,
    MONEY_NOUNS,
    PAIR_RE,
)
from loaders.reports.model import Evidence, Fact, Mention, ReportDoc, Sentence, entity_uid

_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
_QUALIFIER = "(" + "|".join(AMOUNT_QUALIFIERS) + ")?"
# Groups: 1 qualifier, 2 number, 3 多/余, 4 万/亿, 5 unit, 6 多/余/左右.
AMOUNT_RE = re.compile(_QUALIFIER + "(" + _NUM + r")(多|余)?(万|亿)?(" + "|".join(AMOUNT_UNITS) + r")(多|余|左右)?")
# Reports drop 元 after a money noun ("慰问金5万左右", "资金约3万"): the noun says it is money.
BARE_MONEY_RE = re.compile(
    "(?:"
    + "|".join(MONEY_NOUNS)
    + ")"
    + _QUALIFIER
    + "("
    + _NUM
    + r")(多|余)?(万|亿)(?!元)(左右)?(?!["
    + "\u4e00-\u9fff"
    + r"])"
)
_ASSISTANCE_RE = re.compile(PAIR_RE.pattern + "|" + "|".join(ASSISTANCE_WORDS))
_CLAIM_SENTENCE_RE = re.compile("|".join(CLAIM_SENTENCE_WORDS))
CLAIM_RE = re.compile(
    r"(?<![每第])(" + _NUM + r")(?:余|多)?(" + "|".join(CLAIM_MEASURES) + r")((?:[" + CJK + r"()（）“”\"、]){0,10})"
    r"(" + "|".join(CLAIM_NOUNS) + ")"
)
# The count after its noun: "选派第一书记27人", "结对村达64个". The number must end the phrase, or
# "第一书记3人小组" would read as a count of secretaries.
CLAIM_NOUN_FIRST_RE = re.compile(
    "("
    + "|".join(CLAIM_NOUNS_BEFORE_COUNT)
    + ")(?:"
    + "|".join(CLAIM_COUNT_LINKS)
    + ")?("
    + _NUM
    + r")(?:余|多)?("
    + "|".join(CLAIM_COUNT_MEASURES)
    + r")(?!["
    + CJK
    + r"])"
)
_CLAIM_NOUNS_LONGEST_FIRST = sorted(CLAIM_METRIC, key=len, reverse=True)

EvidenceAt = Callable[[int, int, str, float], Evidence]


def parse_number(s: str) -> float | None:
    """Arabic or simple Chinese numerals.

    >>> parse_number("6.9"), parse_number("二十六"), parse_number("十"), parse_number("两")
    (6.9, 26.0, 10.0, 2.0)
    """
    try:
        return float(s)
    except ValueError:
        pass
    total, current = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
        else:
            return None
    return float(total + current)


def amounts_after_recipients(
    doc: ReportDoc, text: str, sent: Sentence, pairs: list[tuple[Mention, Mention, str, float]], ev: EvidenceAt
) -> list[Fact]:
    """Amounts after a group of recipients (万北村、启瀛村…), up to the next group or the sentence end.

    A group is recipients of one helper separated only by 、/和/及; its project benefits all.
    """
    facts: list[Fact] = []
    groups: list[tuple[Mention, list[Mention]]] = []
    for helper, recipient, _, _ in sorted(pairs, key=lambda p: p[1].start):
        if (
            groups
            and groups[-1][0] is helper
            and re.fullmatch(r"[、和及与,，]?", text[groups[-1][1][-1].end : recipient.start])
        ):
            groups[-1][1].append(recipient)
        else:
            groups.append((helper, [recipient]))
    for i, (helper, recipients) in enumerate(groups):
        begin = recipients[-1].end
        stop = groups[i + 1][1][0].start if i + 1 < len(groups) else sent.end
        for match in AMOUNT_RE.finditer(text, begin, stop):
            value = parse_number(match.group(2))
            if value is None:
                continue
            unit = _amount_unit(match)
            if unit in ("人", "名", "户") and text[match.end() : match.end() + 1] == "次":
                continue
            data = _project_data(
                doc,
                text,
                match.start(2),
                match.end(5),
                value,
                unit,
                begin,
                stop,
                helper,
                recipients,
                bool(match.group(1) or match.group(3) or match.group(6)),
            )
            facts.append(Fact("project", data, ev(match.start(2), match.end(5), "amount_after_recipients", 0.75)))
    return facts


def loose_amounts(
    doc: ReportDoc, text: str, sent: Sentence, helper: Mention | None, recipients: list[Mention], ev: EvidenceAt
) -> list[Fact]:
    """Money and goods in a sentence about assistance that names no helper–recipient pair.

    "慰问金共计10000元" after a list of branches, "资金约196万元" after "结对单位共开展…": the amount is
    real and worth keeping, but who gave it to whom is only as certain as the sentence makes it, so
    these facts carry a lower confidence and land in review.
    """
    if not _ASSISTANCE_RE.search(text[sent.start : sent.end]):
        return []
    found: list[tuple[int, int, float, str, bool]] = []
    for match in AMOUNT_RE.finditer(text, sent.start, sent.end):
        unit = _amount_unit(match)
        value = parse_number(match.group(2))
        if value is None or unit not in LOOSE_UNITS:
            continue
        found.append(
            (match.start(2), match.end(5), value, unit, bool(match.group(1) or match.group(3) or match.group(6)))
        )
    for match in BARE_MONEY_RE.finditer(text, sent.start, sent.end):
        value = parse_number(match.group(2))
        if value is None or any(a <= match.start(2) < b for a, b, *_ in found):
            continue
        found.append(
            (
                match.start(2),
                match.end(4),
                value,
                match.group(4) + "元",
                bool(match.group(1) or match.group(3) or match.group(5)),
            )
        )
    facts: list[Fact] = []
    for start, end, value, unit, approximate in sorted(found):
        data = _project_data(doc, text, start, end, value, unit, sent.start, sent.end, helper, recipients, approximate)
        facts.append(Fact("project", data, ev(start, end, "amount_in_assistance_sentence", 0.6 if helper else 0.45)))
    return facts


def claims(doc: ReportDoc, text: str, sents: list[Sentence], region: list[str], ev: EvidenceAt) -> list[Fact]:
    """Counts stated in sentences about the pairing work, scoped to the document's first district."""
    facts: list[Fact] = []
    for sent in sents:
        chunk = text[sent.start : sent.end]
        if not _CLAIM_SENTENCE_RE.search(chunk):
            continue
        for match in CLAIM_RE.finditer(text, sent.start, sent.end):
            value = parse_number(match.group(1))
            # "两个村", "一个贫困户" point back at entities the sentence or the one before named;
            # an aggregate worth comparing with the graph counts more than that.
            if value is None or value <= 2:
                continue
            said = match.group(3) + match.group(4)
            noun = next((n for n in _CLAIM_NOUNS_LONGEST_FIRST if said.endswith(n)), match.group(4))
            metric = CLAIM_METRIC.get(noun, "count")
            start, end = match.start(1), match.end(4)
            data = {
                "uid": f"claim:{doc.uid}:{start}-{end}",
                "metric": metric,
                "value": value,
                "unit": match.group(2) + noun,
                "scope_code": region[0] if region else None,
            }
            facts.append(Fact("claim", data, ev(start, end, "count_noun_pattern", 0.7)))
        for match in CLAIM_NOUN_FIRST_RE.finditer(text, sent.start, sent.end):
            value = parse_number(match.group(2))
            if value is None or value <= 2:
                continue
            noun = match.group(1)
            start, end = match.start(1), match.end(3)
            data = {
                "uid": f"claim:{doc.uid}:{start}-{end}",
                "metric": CLAIM_METRIC.get(noun, "count"),
                "value": value,
                "unit": match.group(3) + noun,
                "scope_code": region[0] if region else None,
            }
            facts.append(Fact("claim", data, ev(start, end, "noun_count_pattern", 0.65)))
    return facts


def _amount_unit(match: re.Match[str]) -> str:
    """The unit of an ``AMOUNT_RE`` match, with its 万/亿 folded in (万 + 元 → 万元) and ㎡ spelled out."""
    unit = match.group(5)
    if match.group(4):
        unit = match.group(4) + unit if unit != "元" else match.group(4) + "元"
    return "平方米" if unit in ("㎡", "m2") else unit


def _project_data(
    doc: ReportDoc,
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str,
    begin: int,
    stop: int,
    helper: Mention | None,
    recipients: list[Mention],
    approximate: bool,
) -> dict[str, Any]:
    """A project fact's data; its name is the clause around the amount, within ``begin``–``stop``."""
    clause_start = max(begin, *(text.rfind(c, begin, start) + 1 for c in "，,；;"))
    clause_end = min([i for i in (text.find(c, end, stop) for c in "，,；;。") if i >= 0] + [stop])
    name = text[clause_start:clause_end].strip()[:40] or unit
    return {
        "uid": f"project:{doc.uid}:{start}-{end}",
        "name": name,
        "amount": value,
        "amount_unit": unit,
        "amount_yuan": to_yuan(value, unit),
        "helper_uid": helper.uid if helper else None,
        "helper_name": helper.surface if helper else None,
        "recipient_uids": [entity_uid(r) for r in recipients],
        "recipient_codes": [r.place.code if r.place else None for r in recipients],
        "approximate": approximate,
        "category": _project_category(name),
    }


def _project_category(s: str) -> str:
    for words, category in CATEGORY_WORDS:
        if any(word in s for word in words):
            return category
    return "other"


def dedupe_amounts(facts: list[Fact]) -> list[Fact]:
    """The facts with each project once (a sentence's amounts can be found by both amount rules)."""
    seen: set[str] = set()
    out: list[Fact] = []
    for f in facts:
        if f.kind == "project":
            if f.data["uid"] in seen:
                continue
            seen.add(f.data["uid"])
        out.append(f)
    return out
