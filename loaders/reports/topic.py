"""Stage 6b, topic: the village a passage is about, for help stated without naming the village.

Reports often name a village once — in the title, at a paragraph's opening (某村位于某镇东部…), or as
the place of a visit — and then say only who helps it (某局与其结对，先后投入资金…; 某公司捐建了…).
The topic is the one village the last sentences named (or pointed at with 该村): it is carried
forward, sentence by sentence, until

- a sentence names another village, or two or more villages (a list is no single topic);
- a sentence or a paragraph names a town, county or city that is not the village's own (a part of the
  article about another place) — a paragraph that names another village ends it at its start;
- ``TOPIC_SENTENCE_WINDOW`` sentences pass without the village named again (the title's village,
  which the whole article is about, is not dropped this way).

``relations`` asks for the topic only in a sentence that states help (a trigger and a helper) and
names no recipient of its own, and checks there that the sentence is about the village at all
(``about_the_topic``): not the helper's own work, not a wider area. Such links carry a confidence
below a named recipient's, so they can be reviewed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.reports.lexicon import (
    ASSIGNED_AS_VERBS,
    COUNTED_VILLAGE_REFERENCE_RE,
    COUNTED_VILLAGES_SCOPE_RE,
    CROSS_REGION_HELP_PHRASE_RE,
    OWN_WORK_WORDS,
    PAIRING_TRIGGERS,
    PLURAL_VILLAGE_REFERENCE_RE,
    POSTS_AFTER_STATIONED,
    SEVERAL_HELPERS_AFTER,
    STATIONED_IN_VILLAGE,
    TOPIC_ASSISTANCE_TRIGGERS,
    TOPIC_GENERIC_AFTER,
    TOPIC_SENTENCE_WINDOW,
    TOPIC_SUBJECT_CONTINUATIONS,
    TRIGGER_RE,
    UNIT_AS_OBJECT_BEFORE,
    VILLAGE_OWN_WORDS,
    WIDER_SCOPE_WORDS,
    WORK_NAMED_ORGAN_RE,
)
from loaders.reports.model import Mention, Sentence, entity_uid
from loaders.reports.references import SentenceIndex, referent

_VILLAGE_WORD_RE = re.compile("|".join(sorted(VILLAGE_OWN_WORDS, key=len, reverse=True)))
# Several villages, counted or pointed at (这两个村 that found no villages to point at is still several).
_WIDER_RE = re.compile(
    "|".join(WIDER_SCOPE_WORDS)
    + "|"
    + "|".join((COUNTED_VILLAGES_SCOPE_RE, COUNTED_VILLAGE_REFERENCE_RE, PLURAL_VILLAGE_REFERENCE_RE))
)
_OWN_WORK_RE = re.compile("|".join(OWN_WORK_WORDS))
_STRONG = frozenset(PAIRING_TRIGGERS) | frozenset(TOPIC_ASSISTANCE_TRIGGERS)
_PAIRING_WORDS = frozenset(PAIRING_TRIGGERS)
# 挂钩帮扶的某局, 结对的某公司: what stands between a pairing word and the unit it describes.
DESCRIBING_RE = re.compile("(?:帮扶|扶贫|共建|联系)?的")


@dataclass(frozen=True)
class Topic:
    village: Mention  # the village as named (or the referent of 该村)
    same_paragraph: bool  # named in the sentence's own paragraph (else carried from one before)


def _code_of(village: Mention) -> str | None:
    if village.place is not None:
        return village.place.code
    scope = village.extra.get("scope")
    return scope if isinstance(scope, str) and scope.isdigit() else None


def _is_its_own_place(place: Mention, village: Mention) -> bool:
    """The village's own town, county or city (its address), as far as codes tell."""
    code = _code_of(village)
    return place.place is not None and code is not None and code.startswith(place.place.code)


def paragraph_numbers(text: str, sents: list[Sentence]) -> list[int]:
    """The paragraph (line) each sentence stands in: a sentence after a line break opens a new one."""
    out: list[int] = []
    number = 0
    previous_end = 0
    for i, s in enumerate(sents):
        if i and "\n" in text[previous_end : s.start + 1]:
            number += 1
        out.append(number)
        previous_end = s.end
    return out


def topics(
    text: str, sents: list[Sentence], places: list[Mention], orgs: list[Mention], recipients: list[Mention]
) -> list[Topic | None]:
    """For each sentence, the village the passage is about before the sentence names anything itself."""
    if not sents:
        return []
    paragraphs = paragraph_numbers(text, sents)
    sent_no = SentenceIndex(sents)
    unit_starts = sorted((o.start, o.end) for o in orgs)
    # Per sentence: the villages it names (or points at), and the towns and counties it names outside a
    # unit's name (东湖区商务局 names a unit, not a place the passage is about).
    villages_in: list[list[Mention]] = [[] for _ in sents]
    places_in: list[list[Mention]] = [[] for _ in sents]
    for r in recipients:
        if r.kind == "village" and sent_no(r.start) >= 0:
            villages_in[sent_no(r.start)].append(referent(r))
    for p in places:
        if (
            p.kind in ("town", "district", "city", "province")
            and sent_no(p.start) >= 0
            and not _inside(unit_starts, p.start)
        ):
            places_in[sent_no(p.start)].append(p)
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    for i, para in enumerate(paragraphs):
        first_of.setdefault(para, i)
        last_of[para] = i
    title_line = paragraphs[-1] > 0  # the first line is a title when more lines follow

    def foreign(i: int, topic: Mention) -> bool:
        """Sentence ``i`` names another village, or a town or county that is not the topic's own."""
        return any(entity_uid(v) != entity_uid(topic) for v in villages_in[i]) or any(
            not _is_its_own_place(p, topic) for p in places_in[i]
        )

    out: list[Topic | None] = []
    topic: Mention | None = None
    named_at = 0  # the sentence that last named the topic
    named_in = 0  # …and its paragraph
    from_title = False
    for i in range(len(sents)):
        para = paragraphs[i]
        if topic is not None and i and para != paragraphs[i - 1]:
            # A paragraph about another village or place ends the topic at its start.
            if any(foreign(j, topic) for j in range(first_of[para], last_of[para] + 1)):
                topic = None
        if topic is not None and not from_title and i - named_at > TOPIC_SENTENCE_WINDOW:
            topic = None
        if topic is not None and any(not _is_its_own_place(p, topic) for p in places_in[i]):
            topic = None  # the sentence is about another place
        out.append(Topic(topic, named_in == para) if topic is not None else None)
        named = {entity_uid(v): v for v in villages_in[i]}
        if len(named) == 1:
            topic = next(iter(named.values()))
            named_at, named_in = i, para
            from_title = title_line and para == 0
        elif len(named) > 1:
            topic = None
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` falls inside one of the ``(start, end)`` spans."""
    return any(s <= pos < e for s, e in spans)


def about_the_topic(text: str, sent: Sentence, helper: Mention, triggers: list[tuple[int, int, str]]) -> float:
    """How surely a sentence with a helper and no recipient states help to the topic village (0: not).

    The helper must come before a trigger (it is the one who acts); a sentence about a wider area
    (全县, 5个村) is not; a helper's own work (召开党组会议) is not unless a village word (村里, 村民)
    says the village is meant; a weak trigger (提供, 落实) needs such a word too.
    """
    body = text[sent.start : sent.end]
    before = text[max(sent.start, helper.start - 4) : helper.start]
    helped_under = before.endswith("在") and CROSS_REGION_HELP_PHRASE_RE.match(text, helper.end) is not None
    if before.endswith(UNIT_AS_OBJECT_BEFORE) and not before.endswith(ASSIGNED_AS_VERBS) and not helped_under:
        # 在某公司的帮扶下 is the one frame where a unit after 在 is the helper, not the place of the help
        return 0.0  # 向某中学捐赠, 到某医院慰问: the unit receives the help or hosts it
    named = referent(helper).surface
    if TRIGGER_RE.search(named) and not re.search(WORK_NAMED_ORGAN_RE, named):
        return 0.0  # a work team named by its task (精准扶贫工作队), a name run into its verb (果蔬引进公司)
    if text.startswith(SEVERAL_HELPERS_AFTER, helper.end) or any(word in named for word in ("各", "下属")):
        return 0.0  # several helpers at once (某党委等单位, 集团下属各党支部): a summary, not one helper's help
    after = [t for t in triggers if t[0] >= helper.end and (stated(text, sent, t) or own_team(text, sent, helper, t))]
    # 联合挂钩帮扶的某部和某局: a clause of pairing before 的 describes the helper as the village's own
    after += [
        t
        for t in triggers
        if t[2] in _PAIRING_WORDS and DESCRIBING_RE.fullmatch(text, t[1], helper.start) and stated(text, sent, t)
    ]
    if not after or _WIDER_RE.search(body):
        return 0.0
    village_word = _VILLAGE_WORD_RE.search(text, helper.end, sent.end) is not None
    if village_word:
        return 0.6
    if _OWN_WORK_RE.search(body) or not any(t[2] in _STRONG for t in after):
        return 0.0
    return 0.5


def own_team(text: str, sent: Sentence, helper: Mention, trigger: tuple[int, int, str]) -> bool:
    """某厅驻村工作队, 某局机关驻村第一书记: the unit's own team or secretary stationed in a village, named right
    after the unit, says the unit is stationed there (a team named only by its task says nothing of who sent it)."""
    if trigger[0] != helper.end or trigger[2] not in STATIONED_IN_VILLAGE:
        return False
    before = text[sent.start : trigger[0]]
    if before.count("“") > before.count("”"):
        return False
    return text.startswith(POSTS_AFTER_STATIONED, trigger[1])


def stated(text: str, sent: Sentence, trigger: tuple[int, int, str]) -> bool:
    """The trigger states help here: not inside quotes (a slogan, “百企帮百村”), not a name for the work
    in general (帮扶工作, 结对活动)."""
    before = text[sent.start : trigger[0]]
    if before.count("“") > before.count("”") or before.count("《") > before.count("》"):
        return False
    return not text.startswith(TOPIC_GENERIC_AFTER, trigger[1])


def names_village_life(text: str, sent: Sentence) -> bool:
    """The sentence holds a word of a village's own life (村里, 村民, 全村)."""
    return _VILLAGE_WORD_RE.search(text, sent.start, sent.end) is not None


def continues_subject(text: str, sent: Sentence) -> bool:
    """The sentence goes on with the previous one's subject (他们, 一行人, 随后); the words that already
    do so for a named village (还, 同时, 公司) are left to ``relations``, where the subject may be a bare
    head that stands for a unit."""
    head = text[sent.start : sent.start + 8].lstrip()
    return head.startswith(TOPIC_SUBJECT_CONTINUATIONS)


__all__ = [
    "Topic",
    "about_the_topic",
    "continues_subject",
    "own_team",
    "names_village_life",
    "paragraph_numbers",
    "stated",
    "topics",
]
