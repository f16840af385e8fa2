"""Stage 6, relations: which helper pairs with or helps which village, sentence by sentence.

A sentence states a relation when it holds a trigger (``lexicon.PAIRING_TRIGGERS``: 结对, 包扶, 驻村,
联系点, 签订…协议; ``lexicon.ASSISTANCE_TRIGGERS``: 帮助, 捐赠, 援建, 投入…) and a recipient: a
village or town, a village's party branch (it stands for the village), or a word pointing back at a
village (该村, 这里是…结对村; ``references``). Each recipient gets the helper that governs it:

1. ``分别``: a list of helpers and a list of recipients of the same length pair in order;
2. the nearest helper before it in the sentence — skipping companions (会同某局的负责人, 按照某办的
   安排) — with the helpers listed together with it (A、B和C共同…) or the units a group word stands
   for (几家党支部 → the sentence before's party branches);
3. else the first helper after it (某村与某公司签约, 某村是某集团的联系点, 与该村签订协议的有A、B);
4. else, in a sentence without a subject of its own (还, 同时…), the previous sentence's helper.

A trigger must stand between the two or in the clause of one of them. Two villages joined by 与/和
with a pairing trigger and no unit in between pair with each other (村村结对): a community helps a
village; otherwise the first named is taken as the helper, and either side may be read as such.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from loaders.reports.amounts import EvidenceAt, amounts_after_recipients, dedupe_amounts, loose_amounts
from loaders.reports.bylines import byline_zones, inside
from loaders.reports.lexicon import (
    BENEFACTIVE_NOT_AFTER,
    BOUNDARY_CHARS,
    FIRST_SECRETARY_ROLE,
    LEFT_VERBS,
    LOCAL_LEVEL_PREFIXES,
    LOCAL_VISIT_VERBS,
    NARRATOR_PRONOUNS,
    NARRATOR_STATIONED_WORDS,
    NEIGHBOUR_AFTER,
    NEIGHBOUR_BEFORE,
    ORG_SUFFIXES,
    OVERSEEN_NOUNS,
    OVERSIGHT_VERBS,
    PAIR_RE,
    POSTS_NO_NAME_HOLDS_RE,
    ROW_FILLER_RE,
    ROW_HEADER_LINES,
    ROW_HEADER_WORDS,
    SLOGAN_NAMES_AFTER,
    STATIONED_BEFORE_VILLAGE,
    STATIONED_TEAM_ENDINGS,
    STATIONED_WORK_TRIGGERS,
    STREET_OFFICE_WORDS,
    TALK_VERBS,
    TOWN_GOVERNMENT_WORDS,
    TRIGGER_RE,
    VILLAGE_INSTITUTION_ENDINGS,
    VISITED_BEFORE,
)
from loaders.reports.model import Fact, Mention, ReportDoc, Sentence, entity_uid
from loaders.reports.pairing import (
    CLAUSE_BREAK,
    PAIRING,
    Pair,
    Trigger,
    both_sides,
    clause_subjectless,
    heads_its_line,
    helpers_before_recipient,
    is_companion,
    listed_with,
    pairs_in_sentence,
)
from loaders.reports.places import address_start, address_starts
from loaders.reports.references import (
    SentenceIndex,
    clause_end,
    clause_start,
    counted_village_references,
    group_references,
    plural_village_references,
    referent,
    unit_references,
    village_references,
)
from loaders.reports.secretaries import home_unit_pairs
from loaders.reports.topic import (
    DESCRIBING_RE,
    Topic,
    about_the_topic,
    continues_subject,
    names_village_life,
    own_team,
    stated,
    topics,
)
from loaders.reports.wrong_party import plays_another_part, visited_to_learn
from loaders.units import org_uid

__all__ = [
    "acts",
    "clause_subjectless",
    "district_near",
    "is_chain_prefix",
    "is_helper",
    "is_street_office",
    "relations",
    "street_office",
]


def relations(
    doc: ReportDoc, text: str, sents: list[Sentence], places: list[Mention], orgs: list[Mention], ev: EvidenceAt
) -> list[Fact]:
    """Pairing facts sentence by sentence, with the projects (amounts) of each sentence."""
    sent_no = SentenceIndex(sents)
    villages = [m for m in places if m.kind == "village"]
    # A unit named inside a credit (据某报报道（某报社记者张三）) is where the writer works, not a helper.
    credits = byline_zones(text)
    # A unit that hosts, issues, thanks, accompanies or backs another (``wrong_party``) helps no village there.
    helpers = [
        m for m in orgs if is_helper(m) and not inside(credits, m.start, m.end) and not plays_another_part(text, m)
    ]
    _mark_town_governments(helpers, places)
    offices = [street_office(m, text) for m in places if is_street_office(m, places, text)]
    helpers += offices
    # 该街道 points at the street office named before, as 该局 at a bureau.
    helpers += unit_references(text, sent_no, orgs + offices, doc.uid)
    helpers.sort(key=lambda m: m.start)
    groups = group_references(text, sent_no, helpers)
    # the one unit the credits name (文/某局 张三): the writer's, for a report told as 我 / 我们
    credited = {m.uid: m for m in orgs if m.kind == "organization" and inside(credits, m.start, m.end)}
    narrator = next(iter(credited.values())) if len(credited) == 1 else None
    recipients = [
        m
        for m in places
        if m.kind in ("village", "town")
        and not is_chain_prefix(m, places, text)
        and not is_street_office(m, places, text)
        and not visited_to_learn(text, m)
        and not a_landmark(text, m)
    ]
    # A village's party organization stands for the village, where the text names it.
    recipients += [_standing_for_owner(m) for m in orgs if m.extra.get("owner") is not None]
    recipients += village_references(text, sent_no, villages)
    recipients += counted_village_references(text, sent_no, places)
    recipients += plural_village_references(text, sent_no, places)
    recipients.sort(key=lambda m: m.start)

    named = sorted(orgs + [p for p in places if p.kind != "village" or p.place is not None], key=lambda m: m.start)

    def names_in(sent: Sentence) -> list[Mention]:
        return [n for n in named if sent.start <= n.start < sent.end]

    facts: list[Fact] = []
    summaries: set[int] = set()  # pairings of a sentence that names several helpers and several villages at once
    last_subject: Mention | None = None
    topic_of = topics(text, sents, places, orgs, recipients)
    for k, sent in enumerate(sents):
        helpers_in = [h for h in helpers if sent.start <= h.start < sent.end]
        groups_in = [g for g in groups if sent.start <= g[0].start < sent.end]
        recips_in = [r for r in recipients if sent.start <= r.start < sent.end]
        actors = [h for h in helpers_in if not is_companion(text, h)]
        villages_in = [r for r in recips_in if r.kind == "village"]
        local = functools.partial(_all_local, actors, villages_in, places)
        sent_names = names_in(sent)
        # A trigger inside a name is part of the name (专业合作社, 某援建指挥部): not a relation.
        triggers = [
            (m.start(), m.end(), m.group())
            for m in TRIGGER_RE.finditer(text, sent.start, sent.end)
            if not any(n.start <= m.start() < n.end for n in sent_names)
            and not in_event_slogan(text, m.start(), m.end())
            and not talked_about(text, m.start(), m.end())
            and not overseen(text, m.start(), m.end(), local)
        ]
        triggers += stationed(text, recips_in, places)
        triggers += benefactive(text, recips_in, helpers_in, places)
        triggers += stationed_teams(helpers_in, recips_in)
        subject = actors[0] if actors else (last_subject if clause_subjectless(text, sent) else None)
        both = None
        rows = listed_pairs_in_rows(text, sent, helpers_in, recips_in, sent_names, triggers)
        if narrator is not None and not helpers_in:
            rows += [(narrator, r, "pairing_the_writers_unit", 0.5) for r in recips_in if _narrator_stationed(text, r)]
        if rows:
            facts.extend(_pairing_facts(text, sent, rows, [(sent.start, sent.start, "帮扶单位")], ev))
        if triggers and not recips_in and not helpers_in and any(t[2] in PAIRING for t in triggers):
            both = both_sides(text, sent, last_subject, recipients)
            if both is not None:
                facts.extend(_pairing_facts(text, sent, [both], triggers, ev))
        topic = topic_of[k]
        if triggers and not recips_in and both is None and topic is not None:
            facts.extend(
                _pairing_facts(
                    text,
                    sent,
                    _topic_pairs(
                        text,
                        sent,
                        topic,
                        helpers_in,
                        groups_in,
                        triggers,
                        last_subject,
                        sents[k - 1].start if k else sent.start,
                    ),
                    triggers,
                    ev,
                )
            )
        if not triggers or not recips_in:
            # Amounts without a pair: only in sentences about pairing or gifts (the amounts' own test).
            if PAIR_RE.search(text, sent.start, sent.end) or helpers_in:
                facts.extend(loose_amounts(doc, text, sent, subject, recips_in, ev))
            last_subject = _subject_carried(text, actors) or last_subject
            continue
        passage_subject = (
            last_subject
            if last_subject is not None
            and last_subject.start >= sents[max(0, k - 2)].start
            and ("\n" not in text[last_subject.start : sent.start] or heads_its_line(text, last_subject))
            else None
        )
        helpers_in, groups_in = _outside_helpers_first(text, sent, helpers_in, groups_in, recips_in, places)
        pairs = pairs_in_sentence(text, sent, helpers_in, groups_in, recips_in, triggers, last_subject, passage_subject)
        pairs = _without_repeated_references(text, _stationed_senders_only(text, pairs, helpers_in))
        made = _pairing_facts(text, sent, pairs, triggers, ev)
        if _many_to_many(made) and _SUMMARY_COUNT_RE.search(text, sent.start, sent.end):
            summaries.update(id(f) for f in made)
        facts.extend(made)
        paired_amounts = amounts_after_recipients(doc, text, sent, pairs, ev)
        if not paired_amounts:
            paired_amounts = loose_amounts(doc, text, sent, subject, recips_in, ev)
        facts.extend(paired_amounts)
        last_subject = _subject_carried(text, actors) or last_subject
    return _assigned_after_summary(dedupe_amounts(facts), summaries)


def _subject_carried(text: str, actors: list[Mention]) -> Mention | None:
    """The helper a later sentence without a subject goes on with: the sentence's first unit that acts,
    not one its people went to (深入某小学义诊, 到某企业考察) — the place of a visit is no subject."""
    for h in actors:
        if not _VISITED_RE.search(text, max(0, h.start - 2), h.start):
            return h
    return None


# Verbs right before a unit that make it the place people go to (深入, 来到, 到, 赴), not who acts.
_VISITED_RE = re.compile("(?:" + "|".join(sorted(VISITED_BEFORE, key=len, reverse=True)) + ")$")


def home_unit_facts(
    sent_of: Callable[[int], Sentence],
    persons: list[tuple[Mention, str, Mention | None, bool]],
    orgs: list[Mention],
    facts: list[Fact],
    ev: EvidenceAt,
    text: str,
    places: Sequence[Mention],
) -> list[Fact]:
    """A first secretary's home unit helps the village they serve, where the report says the two apart; so
    does the unit a person is introduced with, where the report stations them in a village (``secretaries``)."""
    paired = {(f.data["helper_uid"], f.data["recipient_uid"]) for f in facts if f.kind == "pairing"}
    out: list[Fact] = []
    helpers = [o for o in orgs if is_helper(o)]
    for unit, village, method, conf in home_unit_pairs(text, persons, helpers, places):
        if (unit.uid, entity_uid(village)) in paired:
            continue
        word = FIRST_SECRETARY_ROLE if method == "pairing_first_secretary_home_unit" else "驻村"
        trigger = (village.start, village.end, word)
        out.extend(_pairing_facts(text, sent_of(village.start), [(unit, village, method, conf)], [trigger], ev))
    return out


def _topic_pairs(
    text: str,
    sent: Sentence,
    topic: Topic,
    helpers_in: list[Mention],
    groups_in: list[list[Mention]],
    triggers: list[Trigger],
    last_subject: Mention | None,
    previous_start: int,
) -> list[Pair]:
    """Help stated with a helper and no recipient (某局与其结对，投入资金…): to the passage's village.

    The helper is the one that governs the first trigger after it, as for a named village standing at
    that trigger; in a sentence going on with the previous one's subject (他们, 随后), that subject,
    only where a village word (村里, 村民) says the village is meant. Below a named recipient's
    confidence, and lower still when the village was named in an earlier paragraph.
    """
    ordered = sorted(
        t for t in triggers if stated(text, sent, t) or any(own_team(text, sent, h, t) for h in helpers_in)
    )
    if not ordered or topic.village.place is None and not topic.same_paragraph:
        return []  # a village the table lacks is carried no further than its own paragraph
    actors = [h for h in helpers_in if not is_companion(text, h)]
    described = _described_as_paired(text, sent, topic, actors, ordered)
    if described:
        return described
    chosen: list[Mention] = []
    at: Trigger | None = None
    if actors:
        at = next((t for t in ordered if t[0] >= actors[0].end), None)
        if at is None:
            return []
        chosen = helpers_before_recipient(text, _at(topic.village, at, text), helpers_in, groups_in)
        conf = about_the_topic(text, sent, chosen[0], ordered) if chosen else 0.0
    elif (
        last_subject is not None
        and not helpers_in
        and continues_subject(text, sent)
        and last_subject.start >= previous_start  # the subject of the sentence right before
    ):
        at = ordered[0]
        chosen = [last_subject]
        conf = 0.45 if topic.same_paragraph and names_village_life(text, sent) else 0.0
    else:
        return []
    if not conf:
        return []
    if not topic.same_paragraph:
        conf -= 0.1
    recipient = _at(topic.village, at, text)
    return [(h, recipient, "pairing_topic_village", conf) for h in chosen]


def _described_as_paired(
    text: str, sent: Sentence, topic: Topic, actors: list[Mention], ordered: list[Trigger]
) -> list[Pair]:
    """联合挂钩帮扶的某部和某局，…: a clause of pairing before 的 describes the units after it (and those listed
    with them) as the village's own helpers, though no trigger follows them."""
    for a in actors:
        at = next((t for t in ordered if t[2] in PAIRING and DESCRIBING_RE.fullmatch(text, t[1], a.start)), None)
        if at is None:
            continue
        conf = about_the_topic(text, sent, a, ordered)
        if not conf:
            return []
        if not topic.same_paragraph:
            conf -= 0.1
        recipient = _at(topic.village, at, text)
        return [(h, recipient, "pairing_topic_village", conf) for h in listed_with(text, a, actors)]
    return []


def _at(village: Mention, trigger: Trigger, text: str) -> Mention:
    """The topic village standing at a trigger of the sentence (the evidence is the sentence's)."""
    return replace(
        village,
        start=trigger[0],
        end=trigger[1],
        surface=text[trigger[0] : trigger[1]],
        method="village_topic",
        extra={**village.extra, "refers_to": village},
    )


def benefactive(text: str, recipients: list[Mention], helpers: list[Mention], places: list[Mention]) -> list[Trigger]:
    """某局为某村量身定制发展规划: 为 right before a village, after a helper in its clause, is help by
    itself, whatever the verb (作为 / 成为 / 评为… 某村 are not)."""
    out: list[Trigger] = []
    starts = address_starts(p for p in places if p.is_place)
    for r in recipients:
        if r.kind != "village":
            continue
        start = address_start(starts, r.start)  # 为某县某镇某村: the address first
        if not text.endswith("为", 0, start):
            continue
        if text[start - 2 : start - 1] in BENEFACTIVE_NOT_AFTER:
            continue
        clause_start = max(text.rfind(c, 0, start) for c in "，,。；;！!？?\n") + 1
        if any(clause_start <= h.start and h.end <= start - 1 for h in helpers):
            out.append((start - 1, start, "为"))
    return out


def stationed(text: str, recipients: list[Mention], places: Sequence[Mention] = ()) -> list[Trigger]:
    """驻某村 / 派驻某村: the word before the village's name is a pairing trigger of its own, also where the
    village's county and town stand between (某厅驻某县某乡某村工作队)."""
    starts = address_starts(p for p in places if p.kind in ("city", "district", "town"))
    out: list[Trigger] = []
    for r in recipients:
        if r.kind != "village":
            continue
        start = address_start(starts, r.start)
        word = next((w for w in STATIONED_BEFORE_VILLAGE if text.endswith(w, 0, start)), None)
        if word:
            out.append((start - len(word), start, "驻村"))
    return out


def listed_pairs_in_rows(
    text: str,
    sent: Sentence,
    helpers: list[Mention],
    recipients: list[Mention],
    names: list[Mention],
    triggers: list[Trigger],
) -> list[Pair]:
    """Pairings set out as a table or a list rather than said: a line of only a unit and its villages (1 某局 某村,
    某局：某村) under a line naming the pairing (序号 帮扶单位 帮扶村, 结对帮扶名单), one unit to all the line's villages
    or, with as many of each, in order; and in a sentence of pairing, a village with its unit alone in brackets
    after it (甲村（某局）、乙村（某公司）), or a unit with its village so."""
    units = [h for h in helpers if h.kind in ("organization", "party_org") and h.uid]
    villages = [r for r in recipients if r.kind == "village" and "refers_to" not in r.extra]
    if not units or not villages:
        return []
    pairs: list[Pair] = []
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.start)
    line_end = len(text) if line_end < 0 else line_end
    if line_start <= sent.start and sent.end >= line_end - 1 and "。" not in text[line_start:line_end]:
        rest, pos = [], line_start
        for n in sorted(names, key=lambda m: m.start):
            if n.start >= pos:
                rest.append(text[pos : n.start])
                pos = n.end
        rest.append(text[pos:line_end])
        above = text[_lines_back(text, line_start, ROW_HEADER_LINES) : line_start]
        if _ROW_FILLER.fullmatch("".join(rest)) and any(w in above for w in ROW_HEADER_WORDS):
            if len(units) == 1:
                pairs += [(units[0], v, "pairing_listed_in_a_row", 0.7) for v in villages]
            elif len(units) == len(villages):
                pairs += [(u, v, "pairing_listed_in_a_row", 0.7) for u, v in zip(units, villages, strict=True)]
            return pairs
    if not any(t[2] in PAIRING for t in triggers):
        return []
    starts = {m.start: m for m in units + villages}
    for m in units + villages:
        if text[m.end : m.end + 1] not in "（(":
            continue
        inner = starts.get(m.end + 1)
        if inner is None or inner.kind == m.kind or text[inner.end : inner.end + 1] not in "）)":
            continue
        unit, village = (inner, m) if m.kind == "village" else (m, inner)
        if unit.kind in ("organization", "party_org") and village.kind == "village":
            pairs.append((unit, village, "pairing_named_in_brackets", 0.7))
    return pairs


def _lines_back(text: str, line_start: int, n: int) -> int:
    """Where the line ``n`` lines above the one starting at ``line_start`` starts."""
    pos = line_start
    for _ in range(n):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", 0, pos - 1) + 1
    return pos


_ROW_FILLER = re.compile(ROW_FILLER_RE)


def _narrator_stationed(text: str, r: Mention) -> bool:
    """我们到达某村驻村不久 / 我被派驻到某村: the clause opens with the writer (not 我们村, not in quoted words) and
    says they are stationed in the village."""
    if r.kind != "village" or "refers_to" in r.extra:
        return False
    start, end = clause_start(text, r.start), clause_end(text, r.end)
    head = _NARRATOR_OPENING.match(text, start)
    before = text[:start]
    return (
        head is not None
        and head.end() <= r.start
        and before.count("“") <= before.count("”")
        and any(w in text[start:end] for w in NARRATOR_STATIONED_WORDS)
    )


_NARRATOR_OPENING = re.compile(
    r"\s*(?:[^，,。；;\n]{0,10}?(?:年|月|日|以来|后|时)[，,]?)?(?:" + "|".join(NARRATOR_PRONOUNS) + ")(?![村们])"
)


def stationed_teams(helpers: list[Mention], recipients: list[Mention]) -> list[Trigger]:
    """某局工作队 in a sentence naming a village: the team's ending says the unit is stationed, a pairing trigger at
    the end of its name — not for a team named by a village (甲村驻村工作队), which serves that village only."""
    if not any(r.kind == "village" for r in recipients):
        return []
    out: list[Trigger] = []
    for h in helpers:
        if h.kind != "organization" or "村" in h.surface[:-3]:
            continue
        ending = next((e for e in STATIONED_TEAM_ENDINGS if h.surface.endswith(e)), None)
        # the team of a named unit (某局工作队), not one named by its task (扶贫攻坚工作队)
        if ending and h.surface[: -len(ending)].endswith(ORG_SUFFIXES):
            out.append((h.end - len(ending), h.end, "驻村"))
    return out


def _region_over_itself(helper: Mention, recipient: Mention) -> bool:
    """某县对口帮扶工作…，某村…: a region acting as a whole helps places elsewhere, never its own villages."""
    if helper.method != "region_as_helper":
        return False
    place = referent(recipient).place
    return place is not None and place.code.startswith(helper.extra["district_code"])


def _mark_town_governments(helpers: list[Mention], places: list[Mention]) -> None:
    """某乡政府: a unit that is a town's name and its government word; its town is kept on it."""
    towns = {p.start: p for p in places if p.kind == "town" and p.place is not None}
    for h in helpers:
        town = towns.get(h.start)
        if town is not None and town.place is not None and h.surface[len(town.surface) :] in TOWN_GOVERNMENT_WORDS:
            h.extra["own_town"] = town.place.code


_TOWN_LEVELS = ("镇", "乡", "苏木")


def _own_town_government(helper: Mention, recipient: Mention) -> bool:
    """好水乡政府要帮助水磨村…: a town's government and one of the town's own villages are no pair."""
    if recipient.kind == "village" and any(
        helper.surface == level + w for level in _TOWN_LEVELS for w in TOWN_GOVERNMENT_WORDS
    ):
        return True  # 镇政府, 乡党委 named by the level alone: the village's own town, in a report about the village
    town = helper.extra.get("own_town")
    place = referent(recipient).place
    return isinstance(town, str) and place is not None and place.code.startswith(town)


def _villages_own_institution(helper: Mention, recipient: Mention) -> bool:
    """摆某小学 and 摆某村: a school, clinic or cooperative named by the village is the village's own."""
    place = referent(recipient).place
    if helper.kind != "organization" or place is None or not helper.surface.endswith(VILLAGE_INSTITUTION_ENDINGS):
        return False
    if helper.surface.startswith("村"):
        return True  # 村小学, 村卫生室: the village's own, named by the bare word for it
    stem = re.sub("(?:村|社区|嘎查|牧委会|居委会)$", "", place.name)
    return len(stem) >= 2 and helper.surface.startswith(stem)


def _standing_for_owner(party: Mention) -> Mention:
    """The village (or town) a place's party organization belongs to, at the party organization's span."""
    owner: Mention = party.extra["owner"]
    return Mention(
        owner.kind,
        party.start,
        party.end,
        owner.surface,
        owner.method,
        owner.confidence,
        place=owner.place,
        resolution=owner.resolution,
        uid=owner.uid,
        extra={**owner.extra, "party": party, "refers_to": owner},
    )


def _pairing_facts(text: str, sent: Sentence, pairs: list[Pair], triggers: list[Trigger], ev: EvidenceAt) -> list[Fact]:
    """Pairing facts. Names are taken as matched (``text``: simplified characters, full-width forms folded), as
    people's and places' are, so one unit written in either script is one name; the evidence keeps them as written."""
    facts: list[Fact] = []
    done: set[tuple[str | None, str | None]] = set()
    for helper, recipient, method, conf in pairs:
        key = (helper.uid, entity_uid(recipient))
        if key in done or _region_over_itself(helper, recipient) or _own_town_government(helper, recipient):
            continue
        if _villages_own_institution(helper, recipient):
            continue  # 某村小学 is helped with its village
        done.add(key)
        kind = _nearest_trigger(triggers, recipient)
        if kind not in PAIRING and conf > 0.7:
            conf = 0.7
        if helper.extra.get("needs_name"):
            conf = min(conf, 0.45)  # 我校 with no school named: a person must say which unit it is
        named = referent(helper)
        in_text = text[named.start : named.end]
        helper_name = named.extra.get("full_name", named.surface)
        if helper_name == named.surface:
            helper_name = in_text
        owner = named.extra.get("owner")
        if owner is not None and "expanded" in owner.extra:
            helper_name = owner.extra["expanded"] + named.surface[len(owner.surface) :]
        data = {
            "helper_uid": helper.uid,
            "helper_name": helper_name,
            "helper_kind": helper.kind,
            "helper_org_kind": helper.extra.get("org_kind"),
            "helper_district_code": helper.extra.get("district_code"),
            "helper_place_code": owner.place.code if owner is not None and owner.place else None,
            "recipient_uid": entity_uid(recipient),
            "recipient_name": text[referent(recipient).start : referent(recipient).end],
            "recipient_full_name": recipient.extra.get(
                "expanded", recipient.place.name if recipient.place else referent(recipient).surface
            ),
            "recipient_level": recipient.kind,
            "recipient_code": recipient.place.code if recipient.place else None,
            "relation": kind,
        }
        in_sentence = helper.start >= sent.start
        start = min(helper.start, recipient.start) if in_sentence else recipient.start
        end = max(helper.end, recipient.end) if in_sentence else recipient.end
        facts.append(Fact("pairing", data, ev(start, end, method, conf * min(1.0, recipient.confidence + 0.1))))
    return facts


def _nearest_trigger(triggers: list[Trigger], m: Mention) -> str:
    return min(triggers, key=lambda t: min(abs(t[0] - m.end), abs(m.start - t[1])))[2]


def is_helper(m: Mention) -> bool:
    if m.kind == "organization":
        return POSTS_NO_NAME_HOLDS_RE.search(m.surface) is None
    return m.kind == "party_org" and m.extra.get("owner") is None


def is_street_office(m: Mention, places: list[Mention], text: str = "") -> bool:
    """A 街道 named on its own acts as its office (街道办事处), the usual urban helper; one that is only
    a village's address (某街道的某村, with ``text``) does not."""
    return (
        m.kind == "town"
        and m.place is not None
        and m.place.kind == "street"
        and m.surface.endswith("街道")
        and not is_chain_prefix(m, places, text)
    )


def acts(text: str, m: Mention) -> bool:
    """The street is the subject of a clause (starts it, or is followed by a verb-like word)."""
    before = text[m.start - 1 : m.start]
    return not before or before in BOUNDARY_CHARS or text[m.start - 2 : m.start] in LEFT_VERBS


def street_office(m: Mention, text: str = "") -> Mention:
    """The street's office as a unit; ``某街道办事处`` keeps its full name."""
    assert m.place is not None
    end = m.end
    for word in STREET_OFFICE_WORDS:
        if text.startswith(word, m.end):
            end = m.end + len(word)
            break
    return Mention(
        "organization",
        m.start,
        end,
        m.surface + text[m.end : end],
        m.method,
        m.confidence,
        place=None,
        uid=org_uid(m.place.name),
        extra={"org_kind": "street_office", "district_code": m.place.code[:6], "town_code": m.place.code},
    )


def is_chain_prefix(m: Mention, places: Iterable[Mention], text: str = "") -> bool:
    """崇明区堡镇四滧村, 溪尾镇的老区基点村仙洋村: the town is only the village's address here."""
    for p in places:
        if p.kind != "village" or p.start < m.end:
            continue
        if p.start == m.end:
            return True
        gap = text[m.end : p.start]
        if gap in STREET_OFFICE_WORDS and p.place is not None and m.place is not None:
            # 某街道办某村: the street written as its office, then one of its own villages: an address.
            if p.place.code.startswith(m.place.code):
                return True
        if gap.startswith("的") and len(gap) <= 8 and not any(ch in CLAUSE_BREAK + "、和与及" for ch in gap):
            return True
    return False


def district_near(m: Mention, places: list[Mention]) -> str | None:
    for p in places:
        if p.end == m.start and p.place is not None and p.kind in ("district", "town"):
            return p.place.code[:6]
    return None


def in_event_slogan(text: str, start: int, end: int) -> bool:
    """开展“某某共建•结对帮扶促振兴”活动: the trigger is a word of a slogan that titles an event.

    A quoted trigger alone (开展“结对帮扶”) still states the relation; the slogan must say more than it.
    """
    opened = text.rfind("“", max(0, start - 30), start)
    if opened < 0 or "”" in text[opened:start]:
        return False
    closed = text.find("”", end, end + 30)
    if closed < 0 or "“" in text[end:closed]:
        return False
    if closed - opened - 1 < (end - start) + 3:
        return False
    return text.startswith(SLOGAN_NAMES_AFTER, closed + 1)


def talked_about(text: str, start: int, end: int) -> bool:
    """三方就深化结对共建等事项进行了深入探讨: the trigger is in the topic of talks (就 … 进行探讨)."""
    opened = text.rfind("就", max(0, start - 20), start)
    if opened < 0 or any(c in text[opened:start] for c in "，,。；;！？!?\n"):
        return False
    return _TALK_AFTER_RE.match(text, end) is not None


_TALK_AFTER_RE = re.compile(
    "[^，,。；;！？!?\n]{0,24}?(?:进行|展开|开展)了?(?:深入|充分|广泛|热烈|友好)?的?(?:" + "|".join(TALK_VERBS) + ")"
)


# A verb of oversight not opening another word (督导 but not 督导组, 检查 but not 检查下).
_OVERSIGHT_RE = re.compile("(?:" + "|".join(OVERSIGHT_VERBS) + ")(?![下组])")
_LOCAL_VISIT_RE = re.compile("(?:" + "|".join(LOCAL_VISIT_VERBS) + ")(?![下组])")
_OVERSEEN_AFTER_RE = re.compile(f"[^{CLAUSE_BREAK}]{{0,6}}?(?:" + "|".join(OVERSEEN_NOUNS) + ")")


def overseen(text: str, start: int, end: int, local: Callable[[], bool]) -> bool:
    """县委组织部副部长到某村督导驻村帮扶工作: the trigger names the work a unit oversees, not its relation.

    A verb of oversight (``OVERSIGHT_VERBS``; for the village's own county or town also a visit's verb,
    ``LOCAL_VISIT_VERBS``, where the trigger names the stationed work) stands earlier in the trigger's clause, and a noun of what is overseen (工作, 干部, 成效)
    closes the object after it.
    """
    opened = start
    while opened > max(0, start - 16) and text[opened - 1] not in CLAUSE_BREAK:
        opened -= 1
    before = text[opened:start]
    if not _OVERSIGHT_RE.search(before):
        stationed_work = any(w in text[max(0, start - 16) : end] for w in STATIONED_WORK_TRIGGERS)
        if not (stationed_work and _LOCAL_VISIT_RE.search(before) and local()):
            return False
    return _OVERSEEN_AFTER_RE.match(text, end) is not None or text.startswith(OVERSEEN_NOUNS, end)


def is_local(h: Mention, villages: list[Mention], places: list[Mention]) -> bool:
    """县乡村振兴局, 镇党委, 西山县委组织部: a unit of the county or town that governs the sentence's villages.

    A bare level word (``LOCAL_LEVEL_PREFIXES``) where no place of the table opens the name (乡村振兴局 is no 乡),
    or a county or town of the table opening it that holds one of the villages.
    """
    opening = [p for p in places if p.start == h.start and p.place is not None]
    if opening:
        codes = [v.place.code for v in villages if v.place is not None]
        return any(
            p.kind in ("district", "town") and any(c.startswith(p.place.code) for c in codes)
            for p in opening
            if p.place
        )
    if h.surface.startswith("乡村"):
        return False
    return h.surface.startswith(LOCAL_LEVEL_PREFIXES)


def _all_local(actors: list[Mention], villages: list[Mention], places: list[Mention]) -> bool:
    return bool(actors) and bool(villages) and all(is_local(h, villages, places) for h in actors)


# A unit named by its leader or its people (县交通局局长张三, 县委组织部相关负责人), and a visit to the village.
_LEADER_AFTER_RE = re.compile(
    "(?:常务)?副?(?:局长|部长|书记|主任|县长|乡长|镇长|负责人|相关负责人|主要负责人|领导|党组书记)"
)
_VISIT_RE = re.compile("来到|深入|走进|前往|赴|到")


def _outside_helpers_first(
    text: str,
    sent: Sentence,
    helpers: list[Mention],
    groups: list[list[Mention]],
    recipients: list[Mention],
    places: list[Mention],
) -> tuple[list[Mention], list[list[Mention]]]:
    """某集团党委书记张三一行与县委组织部副部长李四、县交通局负责人来到某村…: where a sentence names a unit from
    outside beside the village's own county or town organs, the outside unit is the helper and the local organs
    host, guide or go along. Not in a 分别 sentence, which gives each unit its own village."""
    villages = [r for r in recipients if r.kind == "village"]
    if not villages or "分别" in text[sent.start : sent.end]:
        return helpers, groups
    actors = [h for h in helpers if h.kind == "organization" and not is_companion(text, h)]
    local = [h for h in actors if is_local(h, villages, places) and _LEADER_AFTER_RE.match(text, h.end)]
    if not _VISIT_RE.search(text, sent.start, sent.end):
        return helpers, groups
    if not local or len(local) == len(actors):
        return helpers, groups
    dropped = {id(h) for h in local}
    kept_groups = [[m for m in g if id(m) not in dropped] for g in groups]
    return [h for h in helpers if id(h) not in dropped], [g for g in kept_groups if g]


# 驻 and the village (with its address), then the team or post it names: 某局驻某村工作队, 某局驻某县某村第一书记.
_STATIONED_NAMING_RE = re.compile(
    f"驻([^{CLAUSE_BREAK}。！？]{{1,20}}?)(?:“访惠聚”|访惠聚|帮扶)?(?:工作队|工作组|第一书记)"
)


def _stationed_senders_only(text: str, pairs: list[Pair], helpers: list[Mention]) -> list[Pair]:
    """某局副主任张三、某电厂总会计师李四，带领某局驻某村工作队进驻某村: where the sentence names the village's
    stationed team or first secretary by the unit that sent it, that unit (with the units listed right before it)
    is the village's helper there; another unit whose people go along is not."""
    senders: dict[str | None, list[Mention]] = {}
    for h in helpers:
        named = _STATIONED_NAMING_RE.search(h.surface) or _STATIONED_NAMING_RE.match(text, h.end)
        if named is None:
            continue
        place = named.group(1)
        for _, r, _, _ in pairs:
            name = referent(r).surface
            if len(name) >= 2 and name in place:
                senders.setdefault(entity_uid(r), []).append(h)
    if not senders:
        return pairs
    kept: list[Pair] = []
    for pair in pairs:
        h, r = pair[0], pair[1]
        named_by = senders.get(entity_uid(r))
        if named_by is None or any(h is s or _listed_right_before(text, h, s, helpers) for s in named_by):
            kept.append(pair)
    return kept


def _listed_right_before(text: str, h: Mention, sender: Mention, helpers: list[Mention]) -> bool:
    """甲局、乙局驻某村工作队: 甲局 stands in the list that ends with the sender, joined by 、 / 和 / 与 / 及 only."""
    if h.end > sender.start:
        return False
    between = [m for m in helpers if h.end <= m.start and m.end <= sender.start]
    pos = h.end
    for m in sorted(between, key=lambda m: m.start):
        if not re.fullmatch("[、和与及]?", text[pos : m.start]):
            return False
        pos = m.end
    return re.fullmatch("[、和与及]", text[pos : sender.start]) is not None


def a_landmark(text: str, village: Mention) -> bool:
    """某村，与长岭村相邻 / 距长岭村3公里: the village says where another place lies; it receives nothing there."""
    if village.kind != "village":
        return False
    before = text[max(0, village.start - 3) : village.start]
    if re.search("[与和同][^，,。；;]{0,0}$", before) and text.startswith(NEIGHBOUR_AFTER, village.end):
        return True
    return before.endswith(NEIGHBOUR_BEFORE)


# …等15家单位, …等12个村: a sentence that sums up units or villages by 等 and a count.
_SUMMARY_COUNT_RE = re.compile(
    "等(?:[0-9一二三四五六七八九十百余多]+[家个所名])?(?:帮扶单位|单位|企业|部门|机关|行政村|贫困村|重点村|村)"
)


def _village_links(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.kind == "pairing" and f.data.get("recipient_level") == "village"]


def _many_to_many(made: list[Fact]) -> bool:
    """甲、乙、丙等15家单位结对帮扶A村、B村等15个村: several helpers and several villages, some helper given
    more than one of them — with 等 and a count (``_SUMMARY_COUNT_RE``), a summary, not a statement of who helps
    which village."""
    links = _village_links(made)
    helpers = {f.data["helper_uid"] for f in links}
    villages = {f.data["recipient_uid"] for f in links}
    if len(helpers) < 2 or len(villages) < 2:
        return False
    return any(sum(1 for f in links if f.data["helper_uid"] == h) > 1 for h in helpers)


def _assigned_after_summary(facts: list[Fact], summaries: set[int]) -> list[Fact]:
    """…等15家单位结对帮扶A村、B村等15个村。其中，甲帮扶A村，乙帮扶B村: where another sentence gives a helper of
    the summary its own village among the summary's villages, the summary's other villages are not that helper's."""
    if not summaries:
        return facts
    links = _village_links(facts)
    own: dict[str, set[str]] = {}
    for f in links:
        if id(f) not in summaries:
            own.setdefault(f.data["helper_uid"], set()).add(f.data["recipient_uid"])
    summary_villages = {f.data["recipient_uid"] for f in links if id(f) in summaries}
    dropped: set[int] = set()
    for f in links:
        if id(f) not in summaries:
            continue
        assigned = own.get(f.data["helper_uid"], set()) & summary_villages
        if assigned and f.data["recipient_uid"] not in assigned:
            dropped.add(id(f))
        elif not assigned and any(own.get(g.data["helper_uid"]) for g in links if id(g) in summaries):
            # a helper the later sentences give no village of the summary, while others get theirs: its links
            # stay only for villages nobody else is given
            taken = {v for vs in own.values() for v in vs}
            if f.data["recipient_uid"] in taken:
                dropped.add(id(f))
    return [f for f in facts if id(f) not in dropped]


def _without_repeated_references(text: str, pairs: list[Pair]) -> list[Pair]:
    """甲局帮扶A村、乙局帮扶B村以来，两村面貌一新: a reference (两村, 该村) back to a village the same sentence has
    named and paired with another helper, in a clause that states no help of its own, adds no pairing. The
    reference stays where its own clause gives help (山海公司也为该村捐赠) and where the named villages found no
    helper in the sentence (某行包挂A村、B村，该行在两村选出贫困户…结对帮扶)."""

    def repeated(h: Mention, r: Mention) -> bool:
        if "refers_to" not in r.extra:
            return False
        if not any(
            q.start < r.start and entity_uid(q) == entity_uid(r) and g.uid != h.uid
            for g, q, _, _ in pairs
            if "refers_to" not in q.extra
        ):
            return False
        start, end = r.start, r.end
        while start > 0 and text[start - 1] not in CLAUSE_BREAK + "。！？!?\n":
            start -= 1
        while end < len(text) and text[end] not in CLAUSE_BREAK + "。！？!?\n":
            end += 1
        return TRIGGER_RE.search(text, start, end) is None and text[r.start - 1 : r.start] not in "为给向对帮"

    return [p for p in pairs if not repeated(p[0], p[1])]
