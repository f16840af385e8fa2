"""Stage 5, persons: a name right after a role word (第一书记王某), with the unit or place it serves.

The affiliation is the unit or place that ends where the role starts (堡镇党委书记: 堡镇). A name
after a byline role (记者, 通讯员) is the article's author, kept apart from the leaders.
"""

from __future__ import annotations

import re

from loaders.reports.lexicon import (
    AFFILIATION_PARTY_WORDS,
    AFTER_NAME_WORDS,
    CJK,
    NON_NAME_START,
    NOT_LEADER_ROLES,
    ROLES,
    SURNAMES,
)
from loaders.reports.model import Mention

# role, an optional separator, a two- or three-character name, then a word, punctuation or a digit.
PERSON_RE = re.compile(
    "(" + "|".join(ROLES + NOT_LEADER_ROLES) + r")[:：\s]?([" + CJK + r"]{2,3}?)"
    r"(?=" + "|".join(AFTER_NAME_WORDS) + r"|[，,。、；;:：\s(（]|\d|$)"
)


def persons(text: str, orgs: list[Mention], places: list[Mention]) -> list[tuple[Mention, str, Mention | None, bool]]:
    """(person mention, role, affiliation mention, is_leader)."""
    out: list[tuple[Mention, str, Mention | None, bool]] = []
    for match in PERSON_RE.finditer(text):
        role, name = match.group(1), match.group(2)
        start, end = match.start(2), match.end(2)
        if name[0] not in SURNAMES or name[0] in NON_NAME_START:
            continue
        if role in NOT_LEADER_ROLES:
            out.append((Mention("person", start, end, name, "byline_role", 0.8), role, None, False))
            continue
        # Affiliation: the organization or place that ends where the role starts.
        role_start = match.start(1)
        affiliation = None
        for m in orgs + places:
            if m.end == role_start or (m.end <= role_start and role_start - m.end <= 2
                                       and text[m.end:role_start] in AFFILIATION_PARTY_WORDS):
                affiliation = m
        out.append((Mention("person", start, end, name, "role_then_name", 0.85 if affiliation else 0.65),
                    role, affiliation, True))
    return out
