"""A first secretary's two ends: the unit that sent them and the village they serve, told apart.

The genre tells a first secretary's story over several sentences: 某村第一书记张三 … in one, and where
张三 comes from in another (张三是来自某局的干部, 张三，某局某科科长, 张三来自某公司). The unit that sends a
first secretary is the village's helper (选派单位 and 帮扶单位 are one in the rules of the work), so
where the sentences naming one person give the village they serve and the unit they come from, and no
sentence pairs the two already, that unit helps that village. Only a person the rules read with the
role 第一书记 and a village as its affiliation, and only a unit standing right after the person's name
(after a comma, 是 / 系, 来自 or an opening bracket), or a post the people stage read for the same name
elsewhere (张三现任某局副局长), count: a unit further on in the clause may be anyone's.

A stationed team's leader whose team is named by its village (某村驻村工作队队长张三) counts as a first
secretary, and so does one named without a village in a report naming one village only. The other way
round — a person read with their unit and put in a village elsewhere — is ``person_links``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.reports.lexicon import (
    ASSIGNING_ORGAN_ENDINGS,
    BARE_SECRETARY_AFTER,
    FIRST_SECRETARY_ROLE,
    HOME_UNIT_LEAD_RE,
    SECRETARY_HELP_WORDS,
    SENDS_SECRETARIES_RE,
    SENT_BY_UNIT_RE,
)
from loaders.reports.model import Mention
from loaders.reports.pairing import Pair
from loaders.reports.people import ONE_ROLE
from loaders.reports.person_links import own_body, person_link_pairs, pronouns_after, units_of_people
from loaders.reports.reading import SENTENCE_STOPS, span_end, span_start

_CLAUSE_END = re.compile("[。；;！!？?\n]")
_SENTENCE_END = re.compile("[。！!？?\n]")
_LEAD = re.compile(HOME_UNIT_LEAD_RE)
# 从某局副局长到扎根一线: a post held before, at the unit right after 从, going on with 到.
_FORMER_POST_RE = re.compile(f"{ONE_ROLE}到")
# 张三从某局来到村里 / 被派到某村: a verb of going or being sent right after the unit the person left.
_LEFT_FOR_RE = re.compile("(?:来到|到|下派|派驻|选派|被派|调到|调任|走进)")
# 某局选派干部张三 (right before the name, read backwards from it): the unit that sends the person.
_SENT_BY_RE = re.compile(f"(?:{SENT_BY_UNIT_RE})$")


def home_unit_pairs(
    text: str,
    persons: list[tuple[Mention, str, Mention | None, bool]],
    units: list[Mention],
    places: Sequence[Mention] = (),
) -> list[Pair]:
    """(unit, village) for each first secretary whose village and home unit the report names apart, and for
    each person introduced with their unit and stationed in (or visiting to help) a village elsewhere."""
    villages_of: dict[str, list[Mention]] = {}
    resolved = {v.place.code: v for v in places if v.kind == "village" and v.place is not None}
    for person, role, affiliation, leader in persons:
        if not leader:
            continue
        if FIRST_SECRETARY_ROLE in role and affiliation is not None and affiliation.kind == "village":
            if affiliation.place is not None:
                villages_of.setdefault(person.surface, []).append(affiliation)
        elif FIRST_SECRETARY_ROLE in role and affiliation is None and len(resolved) == 1:
            # 驻村第一书记张三 in a report naming one village only: that village is the one they serve
            villages_of.setdefault(person.surface, []).extend(resolved.values())
        elif role.endswith("队长") and affiliation is not None and affiliation.kind == "organization":
            # 某村驻村工作队队长张三: the team is named by the village it is stationed in
            team_village = _village_opening(affiliation, places)
            if team_village is not None:
                villages_of.setdefault(person.surface, []).append(team_village)
    starts = {u.start: u for u in units if u.kind == "organization"}
    ends = {u.end: u for u in units if u.kind == "organization"}
    posts = units_of_people(text, persons, units)
    pairs: list[Pair] = []
    for name, villages in villages_of.items():
        found_at = list(re.finditer(re.escape(name), text))
        # 他来自某局 / 他是某局干部 opening the sentence after one naming the secretary alone
        said = [
            _homes_at(text, end, starts) for end in [f.end() for f in found_at] + pronouns_after(text, name, persons)
        ]
        homes = [after for after, _ in said if after] + [before for _, before in said if before]
        homes += [u for u in (_came_from_before(text, found.start(), ends) for found in found_at) if u is not None]
        homes += [u for u in (_sent_by(text, found.start(), ends) for found in found_at) if u is not None]
        homes += posts.get(name, [])  # 张三现任某局副局长 … 张三任某村第一书记: the same name's post elsewhere
        for unit in {u.uid: u for u in homes}.values():
            for village in {v.uid: v for v in villages}.values():
                if village.surface not in unit.surface and not own_body(unit, village, places):
                    pairs.append((unit, village, "pairing_first_secretary_home_unit", 0.6))
    # A first secretary whose unit sends them (某局派驻的第一书记张三) or whom the text says comes from it (张三来自某局)
    # is that unit's person where they go to a village (张三终于到了某村), as a unit's staff are.
    for person, role, _affiliation, leader in persons:
        if not leader or FIRST_SECRETARY_ROLE not in role or person.surface in villages_of:
            continue
        found_at = list(re.finditer(re.escape(person.surface), text))
        sent_by = [u for u in (_sent_by(text, f.start(), ends) for f in found_at) if u is not None]
        sent_by += [after for after, _ in (_homes_at(text, f.end(), starts) for f in found_at) if after]
        if sent_by:
            posts.setdefault(person.surface, []).extend(u for u in sent_by if u not in posts[person.surface])
    pairs += person_link_pairs(text, persons, posts, places, units)
    pairs += _bare_secretaries(text, units, places)
    return pairs


_SENDS_SECRETARIES = re.compile(SENDS_SECRETARIES_RE)


def _bare_secretaries(text: str, units: list[Mention], places: Sequence[Mention]) -> list[Pair]:
    """某学院省派第一书记…。在第一书记的帮助下，某村成立了合作社: where the report names one unit as the sender of
    first secretaries, a village helped by 第一书记 written bare in its sentence, no other unit there, is that unit's."""
    senders = {
        u.uid: u
        for u in units
        if u.kind == "organization"
        and _SENDS_SECRETARIES.match(text, u.end)
        and not u.surface.endswith(ASSIGNING_ORGAN_ENDINGS)
    }
    if len(senders) != 1:
        return []
    sender = next(iter(senders.values()))
    villages = [p for p in places if p.kind == "village" and p.place is not None]
    pairs: list[Pair] = []
    for found in re.finditer(FIRST_SECRETARY_ROLE, text):
        start = found.start()
        if start and text[start - 1] not in BARE_SECRETARY_AFTER:
            continue
        lo, hi = span_start(text, start, SENTENCE_STOPS), span_end(text, start, SENTENCE_STOPS)
        if not any(w in text[lo:hi] for w in SECRETARY_HELP_WORDS):
            continue
        if any(lo <= u.start < hi and u.uid != sender.uid for u in units if u.kind == "organization"):
            continue
        pairs += [(sender, v, "pairing_the_reports_secretaries", 0.45) for v in villages if lo <= v.start < hi]
    return pairs


def _village_opening(team: Mention, places: Sequence[Mention]) -> Mention | None:
    """The village a team's name opens with (某村驻村工作队), where the name is a stationed team's."""
    if "工作队" not in team.surface:
        return None
    return next(
        (
            p
            for p in places
            if p.kind == "village" and p.place is not None and p.start == team.start and p.end < team.end
        ),
        None,
    )


def _came_from_before(text: str, name_start: int, ends: dict[int, Mention]) -> Mention | None:
    """来自某局的张三: the unit the person comes from, written before the name."""
    unit = ends.get(name_start - 1)
    if unit is None or text[name_start - 1 : name_start] != "的" or not text.endswith("来自", 0, unit.start):
        return None
    return unit


def _sent_by(text: str, name_start: int, ends: dict[int, Mention]) -> Mention | None:
    """某局选派干部张三 / 由某公司派出的张三: the unit whose verb of sending the name follows, where the same
    person is a village's first secretary in another sentence (or this one) — the unit that sends a first
    secretary is the village's helper. Not the organ that assigns them (市委组织部选派张三…)."""
    sent = _SENT_BY_RE.search(text, max(0, name_start - 16), name_start)
    if sent is None:
        return None
    unit = ends.get(sent.start())
    if unit is None or unit.surface.endswith(ASSIGNING_ORGAN_ENDINGS):
        return None
    return unit


def _homes_at(text: str, name_end: int, starts: dict[int, Mention]) -> tuple[Mention | None, Mention | None]:
    """The units a mention of the secretary ending at ``name_end`` says they come from: one right after the
    name (张三是来自某局的干部), and one opening the next sentence with a post held there before (…第一书记张三…。
    从某局副局长到扎根一线，…), its subject still the secretary — not across a paragraph, which may be
    about someone else."""
    stop = _CLAUSE_END.search(text, name_end)
    lead = _LEAD.match(text, name_end, stop.start() if stop else len(text))
    after = starts.get(lead.end()) if lead else None
    if after is None and text.startswith("从", name_end):
        # 张三从某局来到村里: the unit they left for the village
        unit = starts.get(name_end + 1)
        after = unit if unit is not None and _LEFT_FOR_RE.match(text, unit.end) else None
    before = None
    sentence_end = _SENTENCE_END.search(text, name_end)
    if sentence_end is not None and sentence_end.group() != "\n" and text.startswith("从", sentence_end.end()):
        unit = starts.get(sentence_end.end() + 1)
        before = unit if unit is not None and _FORMER_POST_RE.match(text, unit.end) else None
    return after, before
