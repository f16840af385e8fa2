"""A first secretary's two ends: the unit that sent them and the village they serve, told apart.

The genre tells a first secretary's story over several sentences: 某村第一书记张三 … in one, and where
张三 comes from in another (张三是来自某局的干部, 张三，某局某科科长, 张三来自某公司). The unit that sends a
first secretary is the village's helper (选派单位 and 帮扶单位 are one in the rules of the work), so
where the sentences naming one person give the village they serve and the unit they come from, and no
sentence pairs the two already, that unit helps that village. Only a person the rules read with the
role 第一书记 and a village as its affiliation, and only a unit standing right after the person's name
(after a comma, 是 / 系 and 来自), count: a unit further on in the clause may be anyone's.
"""

from __future__ import annotations

import re

from loaders.reports.lexicon import FIRST_SECRETARY_ROLE, HOME_UNIT_LEAD_RE
from loaders.reports.model import Mention
from loaders.reports.pairing import Pair
from loaders.reports.people import ONE_ROLE

_CLAUSE_END = re.compile("[。；;！!？?\n]")
_SENTENCE_END = re.compile("[。！!？?\n]")
_LEAD = re.compile(HOME_UNIT_LEAD_RE)
# 从某局副局长到扎根一线: a post held before, at the unit right after 从, going on with 到.
_FORMER_POST_RE = re.compile(f"{ONE_ROLE}到")


def home_unit_pairs(
    text: str, persons: list[tuple[Mention, str, Mention | None, bool]], units: list[Mention]
) -> list[Pair]:
    """(unit, village) for each first secretary whose village and home unit the report names apart."""
    villages_of: dict[str, list[Mention]] = {}
    for person, role, affiliation, leader in persons:
        if leader and FIRST_SECRETARY_ROLE in role and affiliation is not None and affiliation.kind == "village":
            if affiliation.place is not None:
                villages_of.setdefault(person.surface, []).append(affiliation)
    starts = {u.start: u for u in units if u.kind == "organization"}
    pairs: list[Pair] = []
    for name, villages in villages_of.items():
        said = [_homes_at(text, found.end(), starts) for found in re.finditer(re.escape(name), text)]
        homes = [after for after, _ in said if after] + [before for _, before in said if before]
        for unit in {u.uid: u for u in homes}.values():
            for village in {v.uid: v for v in villages}.values():
                pairs.append((unit, village, "pairing_first_secretary_home_unit", 0.6))
    return pairs


def _homes_at(text: str, name_end: int, starts: dict[int, Mention]) -> tuple[Mention | None, Mention | None]:
    """The units a mention of the secretary ending at ``name_end`` says they come from: one right after the
    name (张三是来自某局的干部), and one opening the next sentence with a post held there before (…第一书记张三…。
    从某局副局长到扎根一线，…), its subject still the secretary — not across a paragraph, which may be
    about someone else."""
    stop = _CLAUSE_END.search(text, name_end)
    lead = _LEAD.match(text, name_end, stop.start() if stop else len(text))
    after = starts.get(lead.end()) if lead else None
    before = None
    sentence_end = _SENTENCE_END.search(text, name_end)
    if sentence_end is not None and sentence_end.group() != "\n" and text.startswith("从", sentence_end.end()):
        unit = starts.get(sentence_end.end() + 1)
        before = unit if unit is not None and _FORMER_POST_RE.match(text, unit.end) else None
    return after, before
