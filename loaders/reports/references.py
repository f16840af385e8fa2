"""Stage 4b, references: words that point back at a village or a unit named elsewhere.

- villages: 该村, 这个村, 村里, 我们村 → the village named last (within a few sentences); 这里 and 它
  only where their clause says what the place is to a helper (这里是集团的结对村, 它的帮扶单位);
- units: 该院, 该行, 该中心 → the nearest unit before with that head; a bare head as a clause's subject
  or object (集团, 机关, 企业) → the unit with that head the document names most;
- the publisher speaking of itself (我校, 我局, 本公司) → the unit that publishes the report (named in
  the title or the 来源 line, else the first unit of that kind), or, when the document names none, a
  unit flagged for review instead of being dropped;
- groups (几家党支部, 各单位) → the units of that kind named in the sentence before.

A reference is a Mention that copies its referent's identity (kind, uid, place) and keeps the
referent in ``extra["refers_to"]``. References make no place or unit facts of their own: they only
let the relation stage see who is meant.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from loaders.reports.lexicon import (
    BARE_UNIT_REFERENCES,
    CJK,
    CLAUSE_GOES_ON,
    COUNTED_VILLAGE_REFERENCE_RE,
    GROUP_REFERENCE_RE,
    PLURAL_VILLAGE_REFERENCE_RE,
    REFERENCE_HEADS,
    REFERENCE_LEFT_CONTEXT,
    REFERENCE_NOT_AFTER,
    REFERENCE_SENTENCE_WINDOW,
    SELF_REFERENCES,
    SPEECH_VERBS,
    STATIONED_AT_WEAK_REFERENCE,
    UNIT_REFERENCE_RE,
    VILLAGE_REFERENCES,
    VILLAGE_ROLE_NOUNS_RE,
    VILLAGERS_WHO_SPEAK,
    WEAK_VILLAGE_REFERENCES,
)
from loaders.reports.model import Mention, Sentence
from loaders.reports.publisher import source_field
from loaders.reports.reading import span_end, span_start
from loaders.units import org_uid, unit_kind

_VILLAGE_REFERENCE_RE = re.compile("|".join(sorted(VILLAGE_REFERENCES, key=len, reverse=True)))
# A bare 社区 / 嘎查 opening a clause and pairing with another (同时社区与某村结对): the community the report
# is about. Only as the subject before 与 — elsewhere the bare word is common (社区居民, 社区食堂).
_BARE_COMMUNITY_SUBJECT_RE = re.compile(
    "(?:(?<=^)|(?<=[，,。；;！!？?\n])|" + "|".join(f"(?<={w})" for w in CLAUSE_GOES_ON) + ")(社区|嘎查)(?=与)",
    re.MULTILINE,
)
_GROUP_RE = re.compile(GROUP_REFERENCE_RE)
_COUNTED_VILLAGES_RE = re.compile(COUNTED_VILLAGE_REFERENCE_RE)
_PLURAL_VILLAGES_RE = re.compile(PLURAL_VILLAGE_REFERENCE_RE)
_LINE_BREAKS_RE = re.compile(r"\n(?:\s*\n)*")  # a paragraph break, blank lines and all
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# What ends a clause for a reference (and for the writer's own clause in ``relations``).
CLAUSE_STOPS = "，,。；;！!？?\n"
_CJK_RE = re.compile(f"[{CJK}]")


def _refer(referent: Mention, start: int, end: int, surface: str, method: str, factor: float) -> Mention:
    return replace(
        referent,
        start=start,
        end=end,
        surface=surface,
        method=method,
        confidence=round(referent.confidence * factor, 3),
        extra={**referent.extra, "refers_to": referent},
    )


def referent(m: Mention) -> Mention:
    """The named mention a reference stands for (the mention itself when it is a name)."""
    return m.extra.get("refers_to", m)


class SentenceIndex:
    """Which sentence a character offset falls in."""

    def __init__(self, sents: list[Sentence]) -> None:
        self.starts = [s.start for s in sents]

    def __call__(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1


def village_references(text: str, sent_no: SentenceIndex, villages: list[Mention]) -> list[Mention]:
    """该村 / 这个村 / 村里 → the nearest village named before it, a few sentences back at most."""
    named = sorted((v for v in villages if v.kind == "village"), key=lambda v: v.start)
    ends = [v.end for v in named]
    out: list[Mention] = []
    spoken = _speakers_villages(text, named)
    for (q_start, q_end), village in spoken:
        # “我们村…，某公司和我们结成对子”某村党支部书记张三说: in a village cadre's words, 我们 is the village.
        for match in _SPEAKERS_OWN_RE.finditer(text, q_start, q_end):
            out.append(_refer(village, match.start(), match.end(), match.group(), "village_reference_speaker", 0.8))
    for match in _VILLAGE_REFERENCE_RE.finditer(text):
        start, end = match.span()
        word = match.group()
        if any(v.start <= start < v.end for v in named):
            continue
        if any(q_start <= start < q_end for (q_start, q_end), _ in spoken):
            continue  # 我们村 in a village cadre's quoted words: taken above
        if word in WEAK_VILLAGE_REFERENCES:
            clause = text[clause_start(text, start) : clause_end(text, end)]
            stationed_at = text[max(0, start - 3) : start].endswith(STATIONED_AT_WEAK_REFERENCE)
            if not stationed_at and not re.search(VILLAGE_ROLE_NOUNS_RE, clause):
                continue
        i = bisect.bisect_right(ends, start) - 1
        if i < 0:
            continue
        village = named[i]
        if sent_no(start) - sent_no(village.start) > REFERENCE_SENTENCE_WINDOW:
            continue
        out.append(_refer(village, start, end, word, "village_reference", 0.9))
    for match in _BARE_COMMUNITY_SUBJECT_RE.finditer(text):
        start, end = match.span(1)
        same_kind = [v for v in named if v.end <= start and v.surface.endswith(match.group(1))]
        if same_kind and sent_no(start) - sent_no(same_kind[-1].start) <= REFERENCE_SENTENCE_WINDOW:
            out.append(_refer(same_kind[-1], start, end, match.group(1), "village_reference_bare_subject", 0.8))
    return out


# The speaker's own village in their quoted words (我们村, 我村, 我们 as a party to the relation).
_SPEAKERS_OWN_RE = re.compile("我们村|我村|我们(?![的都也要将会还一])")
_QUOTE_RE = re.compile("“([^“”]{4,300})”")
# After the quote: the village, a post there (村党支部书记, 村委会主任, 支书) or one of its people (村民, 脱贫户:
# `VILLAGERS_WHO_SPEAK`), a name, a word of speech.
_SPEAKER_AFTER_RE = re.compile(
    f"[{CJK}]{{0,3}}?(?:(?:党支部|党总支|村委会|村民委员会)?(?:第一书记|副书记|书记|主任|支书|村长)"
    f"|{'|'.join(VILLAGERS_WHO_SPEAK)})[{CJK}]{{2,4}}?"
    "(?:" + "|".join(SPEECH_VERBS) + ")"
)


def _speakers_villages(text: str, named: list[Mention]) -> list[tuple[tuple[int, int], Mention]]:
    """Quotes whose speaker holds a post in a village named right after the quote: (quote span, village)."""
    out: list[tuple[tuple[int, int], Mention]] = []
    for quote in _QUOTE_RE.finditer(text):
        after = quote.end()
        village = next((v for v in named if after <= v.start <= after + 8), None)
        if village is None or _SPEAKER_AFTER_RE.match(text, village.end) is None:
            continue
        out.append(((quote.start(1), quote.end(1)), village))
    return out


def counted_village_references(text: str, sent_no: SentenceIndex, places: list[Mention]) -> list[Mention]:
    """这两个村 / 两村 → the last villages named before it, as many as it counts, one mention for each.

    The count must match: the villages are the distinct ones named last within a few sentences, and
    the reference is dropped when fewer are named there. A count inside a place's name (三村镇) is no
    reference.
    """
    named = sorted((v for v in places if v.kind == "village"), key=lambda v: v.start)
    out: list[Mention] = []
    for match in _COUNTED_VILLAGES_RE.finditer(text):
        start, end = match.span()
        if any(p.start < end and start < p.end for p in places):
            continue
        digit = match.group("shown") or match.group("bare")
        count = int(digit) if digit.isdigit() else _COUNTS[digit]
        found: dict[str | None, Mention] = {}
        for v in reversed([v for v in named if v.end <= start]):
            if not _near_enough(text, sent_no, v, start) or len(found) == count:
                break
            found.setdefault(v.uid, v)
        if len(found) != count:
            continue
        group = sorted(found.values(), key=lambda v: v.start)
        out += [
            replace(m, extra={**m.extra, "counted_with": [v.uid for v in group]})
            for m in (_refer(v, start, end, match.group(), "village_reference_counted", 0.85) for v in group)
        ]
    return out


def _near_enough(text: str, sent_no: SentenceIndex, village: Mention, pos: int) -> bool:
    """A village a plural may point back at: a few sentences back, or anywhere in the paragraph before
    or the plural's own (a paragraph names the villages, the next says who helps 这两个村)."""
    return (
        sent_no(pos) - sent_no(village.start) <= REFERENCE_SENTENCE_WINDOW
        or len(_LINE_BREAKS_RE.findall(text, village.end, pos)) <= 1
    )


def plural_village_references(text: str, sent_no: SentenceIndex, places: list[Mention]) -> list[Mention]:
    """这些村 / 上述村 → the villages of the last sentence before it that names two or more (within a few
    sentences), one mention for each; none when the last sentences named one village or none."""
    named = sorted((v for v in places if v.kind == "village"), key=lambda v: v.start)
    out: list[Mention] = []
    for match in _PLURAL_VILLAGES_RE.finditer(text):
        start, end = match.span()
        if any(p.start < end and start < p.end for p in places):
            continue
        by_sentence: dict[int, dict[str | None, Mention]] = {}
        for v in named:
            if v.end <= start and _near_enough(text, sent_no, v, start):
                by_sentence.setdefault(sent_no(v.start), {}).setdefault(v.uid, v)
        several = [vs for _, vs in sorted(by_sentence.items()) if len(vs) >= 2]
        if not several:
            continue
        group = sorted(several[-1].values(), key=lambda v: v.start)
        out += [
            replace(m, extra={**m.extra, "counted_with": [v.uid for v in group]})
            for m in (_refer(v, start, end, match.group(), "village_reference_plural", 0.8) for v in group)
        ]
    return out


def clause_end(text: str, pos: int) -> int:
    return span_end(text, pos, CLAUSE_STOPS)


def clause_start(text: str, pos: int) -> int:
    return span_start(text, pos, CLAUSE_STOPS)


def _fits_head(name: str, head: str) -> bool:
    """该行 fits 某银行某分行, 该院 fits 某中心医院, 企业 and 公司 fit any enterprise."""
    if head in ("企业", "公司", "集团公司"):
        return unit_kind(name) in ("enterprise", "other")
    if head == "行":
        return name.endswith(("银行", "分行", "支行", "农发行", "农商行"))
    if head == "院":
        return name.endswith(("医院", "学院", "研究院", "设计院", "卫生院"))
    if head == "单位":
        return True
    if head in ("校", "学校"):  # 学校 for the university or college the report names
        if name.endswith(("学校", "中学", "小学", "大学", "学院", "党校", "职校", "校")):
            return True
        # 西工大, 川大: a university's short name (its first characters and 大), not a congress (人大)
        return 2 <= len(name) <= 4 and name.endswith("大") and not name.endswith("人大")
    return name.endswith(head)


def publisher(text: str, units: list[Mention]) -> Mention | None:
    """The unit that publishes the report: in the 来源 line, the title, or else None."""
    named = [u for u in units if u.kind == "organization" and "refers_to" not in u.extra]
    source = source_field(text)
    if source:
        for u in named:
            if source[0] <= u.start < source[1]:
                return u
    title_end = text.find("\n") if 0 < text.find("\n") < 120 else 0
    return next((u for u in named if u.start < title_end), None)


# Bare words that mean the unit the whole article is about (the one it names most), not the nearest one.
WHOLE_ARTICLE_REFERENCES = ("学校",)


def unit_references(text: str, sent_no: SentenceIndex, units: list[Mention], doc_uid: str) -> list[Mention]:
    """该院 / 该行 / 集团 / 机关 / 我校 → the unit meant; references already inside a name are skipped."""
    named = sorted((u for u in units if u.kind == "organization"), key=lambda u: u.start)
    taken = [(u.start, u.end) for u in units]
    counts = Counter(u.uid for u in named)
    the_publisher = publisher(text, units)
    out: list[Mention] = []
    for match in UNIT_REFERENCE_RE.finditer(text):
        start, end = match.span()
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue
        word = match.group()
        if word in SELF_REFERENCES:
            out.append(_self_reference(word, start, end, named, the_publisher, doc_uid))
            continue
        if word in BARE_UNIT_REFERENCES:
            prev = text[start - 1 : start]
            after_date = (
                prev in "年月日" and text[start - 2 : start - 1].isdigit()
            )  # 2010年学校…: a date, then the subject
            if prev and _CJK_RE.match(prev) and prev not in REFERENCE_LEFT_CONTEXT and not after_date:
                continue
            if text[end : end + 1] in REFERENCE_NOT_AFTER:
                continue
            if (
                word in WHOLE_ARTICLE_REFERENCES
                and the_publisher is not None
                and _fits_head(the_publisher.surface, word)
            ):
                # 学校 in a school's own report is that school, not one of its colleges the report names
                # more often (我校某学院的帮扶村…学校会继续支持该村).
                out.append(_refer(the_publisher, start, end, word, "unit_reference_publisher", 0.8))
                continue
            candidates = [u for u in named if u.end <= start and _fits_head(u.surface, word)] or [
                u for u in named if _fits_head(u.surface, word)
            ]
            if not candidates:
                continue
            if word == "公司" and any(u.surface.endswith("公司") for u in candidates):
                # 公司 is a company the article names, before a foundation or body it runs (某基金会).
                candidates = [u for u in candidates if u.surface.endswith("公司")]
            # The sentence nearest before that names such a unit; in it, the unit the article names
            # most (浙江省某集团、某某港集团的书记… then 集团 means the first), the first on a tie.
            if word in WHOLE_ARTICLE_REFERENCES:  # 学校: the school the article is about, not the last one visited
                most = max(counts[c.uid] for c in candidates)
                candidates = [u for u in candidates if counts[u.uid] == most]
            nearest = max(sent_no(u.start) for u in candidates)
            best = max((u for u in candidates if sent_no(u.start) == nearest), key=lambda u: (counts[u.uid], -u.start))
            out.append(_refer(best, start, end, word, "unit_reference_bare", 0.8))
            continue
        head = word.removeprefix("该").removeprefix("这家")
        before = [u for u in named if u.end <= start and _fits_head(u.surface, head)]
        if before:
            # The nearest such unit, unless within the last few sentences the article names another of
            # that kind more often (该行 after a branch named once in passing means the bank it is about).
            recent = [u for u in before if sent_no(start) - sent_no(u.start) <= 3]
            best = max(recent, key=lambda u: (counts[u.uid], u.start)) if recent else before[-1]
            out.append(_refer(best, start, end, word, "unit_reference", 0.85))
    return [m for m in out if m is not None]


def _self_reference(
    word: str, start: int, end: int, named: list[Mention], the_publisher: Mention | None, doc_uid: str
) -> Mention:
    head = word[1:]
    if the_publisher is not None and _fits_head(the_publisher.surface, _head_for_self(head)):
        return _refer(the_publisher, start, end, word, "self_reference", 0.9)
    if the_publisher is not None:
        # 来源：某大学新闻中心 / 某厅办公室 and 我校 / 我厅: the office that publishes speaks for its unit.
        unit = _unit_within(the_publisher, _head_for_self(head))
        if unit is not None:
            return _refer(unit, start, end, word, "self_reference_publishers_unit", 0.85)
    first = next((u for u in named if _fits_head(u.surface, _head_for_self(head))), None)
    if first is not None:
        return _refer(first, start, end, word, "self_reference_first_unit", 0.7)
    # Nobody named: keep the unit, flagged for review (its name is the publisher's own word).
    return Mention(
        "organization",
        start,
        end,
        word,
        "self_reference_unnamed",
        0.4,
        uid=org_uid(f"{word}@{doc_uid}"),
        extra={"org_kind": "other", "needs_name": True},
    )


def _unit_within(publisher: Mention, head: str) -> Mention | None:
    """The unit a publisher's name starts with, ending in ``head`` (某大学 of 某大学党委宣传部), else None.

    >>> m = Mention("organization", 3, 11, "远航大学新闻中心", "t", 0.8, uid="org:远航大学新闻中心")
    >>> _unit_within(m, "校").surface, _unit_within(m, "局")
    ('远航大学', None)
    """
    name = publisher.surface
    cut = next((k for k in range(len(name) - 2, 2, -1) if _fits_head(name[:k], head)), None)
    if cut is None:
        return None
    return Mention(
        "organization",
        publisher.start,
        publisher.start + cut,
        name[:cut],
        "publishers_unit",
        publisher.confidence,
        uid=org_uid(name[:cut]),
        extra={"org_kind": unit_kind(name[:cut])},
    )


def _head_for_self(head: str) -> str:
    return {"司": "公司", "单位": "单位", "会": "会"}.get(head, head)


def group_references(text: str, sent_no: SentenceIndex, helpers: list[Mention]) -> list[list[Mention]]:
    """几家党支部 / 各单位 → (the reference, then every unit of that kind named in the sentence before)."""
    out: list[list[Mention]] = []
    for match in _GROUP_RE.finditer(text):
        here = sent_no(match.start())
        wanted_party = match.group().endswith(("党支部", "党组织", "支部"))
        members = [
            h
            for h in helpers
            if sent_no(h.start) == here - 1 and "refers_to" not in h.extra and (h.kind == "party_org") == wanted_party
        ]
        if len(members) < 2:
            continue
        out.append([_refer(m, match.start(), match.end(), match.group(), "group_reference", 0.85) for m in members])
    return out


__all__ = [
    "SentenceIndex",
    "counted_village_references",
    "group_references",
    "plural_village_references",
    "publisher",
    "referent",
    "unit_references",
    "village_references",
    "REFERENCE_HEADS",
]
