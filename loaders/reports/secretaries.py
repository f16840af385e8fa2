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

from loaders.reports.lexicon import FIRST_SECRETARY_ROLE, HOME_UNIT_LEAD_RE, ROLE_CORES, ROLE_PREFIXES
from loaders.reports.model import Mention
from loaders.reports.pairing import Pair

_CLAUSE_END = re.compile("[。；;！!？?\n]")
_LEAD = re.compile(HOME_UNIT_LEAD_RE)


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
        homes = []
        for found in re.finditer(re.escape(name), text):
            stop = _CLAUSE_END.search(text, found.end())
            lead = _LEAD.match(text, found.end(), stop.start() if stop else len(text))
            unit = starts.get(lead.end()) if lead else None
            if unit is not None:
                homes.append(unit)
        homes += _former_post_opening_next(text, name, starts)
        for unit in {u.uid: u for u in homes}.values():
            for village in {v.uid: v for v in villages}.values():
                pairs.append((unit, village, "pairing_first_secretary_home_unit", 0.6))
    return pairs


# 从某局副局长到扎根一线: a post held before, at the unit right after 从, going on with 到.
_FORMER_POST_RE = re.compile(
    "(?:" + "|".join(ROLE_PREFIXES) + ")*(?:" + "|".join(sorted(ROLE_CORES, key=len, reverse=True)) + ")到"
)


def _former_post_opening_next(text: str, name: str, starts: dict[int, Mention]) -> list[Mention]:
    """某村第一书记张三…。从某局副局长到扎根一线，…: the sentence right after one naming the secretary opens
    with where they came from (从 + unit + post + 到), its subject still the secretary."""
    out = []
    for found in re.finditer(re.escape(name), text):
        stop = _SENTENCE_END.search(text, found.end())
        if stop is None or stop.group() == "\n":
            continue  # the next paragraph may be about someone else
        nxt = stop.end()
        unit = starts.get(nxt + 1) if text.startswith("从", nxt) else None
        if unit is not None and _FORMER_POST_RE.match(text, unit.end):
            out.append(unit)
    return out


_SENTENCE_END = re.compile("[。！!？?\n]")
