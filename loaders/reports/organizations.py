"""Stage 4, units and party organizations named in the text.

A unit is found from its ending (公司, 局, 中心… in ``lexicon.ORG_SUFFIXES``), cut on the left at a
boundary character or a verb, without leading words (今年, 结对单位…). A party-organization ending
after it (某公司党支部) makes a party organization that belongs to the unit; after a village or
town (四滧村党支部) it makes the place's own party organization. A few units are named without an
ending, by the role the sentence gives them (X与<village>…结对, X等企业). Kinds, levels and uids
come from ``loaders/units.py``, shared with the register loader.
"""

from __future__ import annotations

import re

from loaders.reports.lexicon import (
    BOUNDARY_CHARS,
    CJK,
    COUNT_MEASURES,
    GENERIC_ORG,
    LEFT_VERBS,
    NON_NAME_START,
    NOT_PARTY_AFTER,
    NOT_UNIT_ENDINGS,
    ORG_LEAD_WORDS,
    ORG_SUFFIXES,
    PAIR_RE,
    PARTY_SUFFIXES,
    UNIT_ENDING_CONTINUES,
    UNIT_LEADING_VERBS,
    UNIT_LIST_NOUNS,
)
from loaders.reports.model import Mention, Sentence
from loaders.reports.reading import left_limit
from loaders.units import name_key, org_uid, party_level, party_uid, unit_kind

_PARTY_ENDING = "(?:" + "|".join(p for p, _ in PARTY_SUFFIXES) + f")(?![{NOT_PARTY_AFTER}])"
# A unit: name characters (or a short bracketed part) up to a unit ending, maybe a party ending after.
ORG_RE = re.compile(
    r"(?:[" + CJK + r"A-Za-z0-9]|[(（][" + CJK + r"]{1,6}[)）])+?(?:"
    + "|".join(ORG_SUFFIXES) + r")(?:" + _PARTY_ENDING + r")?"
)
# A party organization whose unit has no unit ending (区农业农村委机关党支部).
PARTY_ONLY_RE = re.compile(r"[" + CJK + r"A-Za-z0-9]{2,12}?" + _PARTY_ENDING)
# Dates and leading words that introduce a unit but are not part of its name.
ORG_LEAD_RE = re.compile(
    r"^(?:\d{4}年|\d{1,2}月|\d{1,2}日|" + "|".join(ORG_LEAD_WORDS) + r"|[一二三四五六七八九十]是)+"
)
_UNIT_BEFORE_PLACE_RE = re.compile(f"([{CJK}]{{2,4}})与(?=[{CJK}]{{2,12}}?(?:村|镇|街道|社区))")
_UNIT_IN_LIST_RE = re.compile(f"([{CJK}]{{2,6}})等(?:" + "|".join(UNIT_LIST_NOUNS) + ")")


def org_mentions(text: str, sents: list[Sentence], places: list[Mention]) -> list[Mention]:
    """Units and party organizations in the text (overlaps are left for ``drop_overlaps``)."""
    out: list[Mention] = []
    place_by_end = {m.end: m for m in places}
    for sent in sents:
        chunk = text[sent.start:sent.end]
        for match in ORG_RE.finditer(chunk):
            start, end = sent.start + match.start(), sent.start + match.end()
            left = left_limit(text, end, max(start, sent.start), 30)
            # Brackets inside a name (玫琳凯(中国)有限公司) are kept: re-extend over them.
            while left > sent.start and text[left - 1] in "()（）" and re.search(
                    r"[(（][^()（）]{1,6}[)）]$", text[max(sent.start, left - 8):end]):
                inner = re.search(r"[(（][^()（）]{1,6}[)）]" , text[max(sent.start, left - 8):end])
                if not inner:
                    break
                left = left_limit(text, max(sent.start, left - 8) + inner.start(), sent.start, 20)
            surface = text[left:end]
            lead = ORG_LEAD_RE.match(surface)
            if lead:
                left += lead.end()
                surface = text[left:end]
            out.extend(org_from_surface(text, left, end, surface, place_by_end))
    # Units named without a suffix whose role is plain: ``X与<place>…对接``, ``X等公司``.
    for match in _UNIT_BEFORE_PLACE_RE.finditer(text):
        start, end = match.start(1), match.end(1)
        surface = text[start:end]
        if any(m.start < end and start < m.end for m in places + out):
            continue
        sent = next((s for s in sents if s.start <= start < s.end), None)
        if sent is None or not PAIR_RE.search(text[start:sent.end]):
            continue
        if surface[:2] in LEFT_VERBS or surface[:2] in UNIT_LEADING_VERBS:
            start += 2
            surface = text[start:end]
        elif start > sent.start and text[start - 1] not in BOUNDARY_CHARS and text[start - 2:start] not in LEFT_VERBS:
            continue
        if len(surface) < 2:
            continue
        out.append(Mention("organization", start, end, surface, "unit_named_by_role_pairing", 0.6,
                           uid=org_uid(surface), extra={"org_kind": "other"}))
    for match in _UNIT_IN_LIST_RE.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in places + out):
            continue
        left = left_limit(text, end, start, 6)
        surface = text[left:end]
        out.append(Mention("organization", left, end, surface, "unit_named_by_role_list", 0.6,
                           uid=org_uid(surface), extra={"org_kind": "enterprise"}))
    for sent in sents:
        for match in PARTY_ONLY_RE.finditer(text, sent.start, sent.end):
            start, end = match.start(), match.end()
            if any(m.start < end and start < m.end for m in out):
                continue
            left = left_limit(text, end, max(sent.start, start - 4), 14)
            surface = text[left:end]
            lead = ORG_LEAD_RE.match(surface)
            if lead:
                left += lead.end()
                surface = text[left:end]
            out.extend(org_from_surface(text, left, end, surface, place_by_end, party_only=True))
    return out


def org_from_surface(text: str, start: int, end: int, surface: str, place_by_end: dict[int, Mention],
                     party_only: bool = False) -> list[Mention]:
    """The unit and/or party organization a matched name makes, or nothing when it is not a name.

    ``party_only``: the match came from the party ending alone, so the unit before it is less sure.
    """
    level = party_level(surface)
    unit_end = end
    if level:
        for suffix, _ in PARTY_SUFFIXES:
            if surface.endswith(suffix):
                unit_end = end - len(suffix)
                break
    unit_surface = text[start:unit_end]
    out: list[Mention] = []
    owner = place_by_end.get(unit_end)
    if owner is not None and owner.start >= start:
        # 四滧村党支部 / 新河镇党委: a place's own party organization.
        if level and owner.kind in ("village", "town"):
            out.append(Mention("party_org", start, end, surface, "party_org_of_place", owner.confidence,
                               uid=f"party:{owner.uid or (owner.place.code if owner.place else '')}:{surface[len(unit_surface):]}",
                               extra={"party_level": level, "owner": owner}))
        return out
    if len(unit_surface) < 2 or unit_surface in GENERIC_ORG or name_key(unit_surface) in GENERIC_ORG:
        return out
    if unit_surface.endswith(NOT_UNIT_ENDINGS) or unit_surface[:1] in NON_NAME_START:
        return out
    # 局面, 中心村, 中心组: the suffix is the start of another word.
    if not level and text[unit_end:unit_end + 1] in UNIT_ENDING_CONTINUES:
        return out
    if start > 0 and text[start - 1].isdigit() and unit_surface[:1] in COUNT_MEASURES:
        return out
    if party_only and (not level or len(unit_surface) < 3):
        return out
    if unit_surface.endswith(("村", "社区")):
        return out
    if any(ch in unit_surface for ch in "，。；"):
        return out
    unit_uid = org_uid(unit_surface)
    if len(unit_surface) >= 2 and (not party_only or len(unit_surface) >= 2):
        out.append(Mention("organization", start, unit_end, unit_surface, "unit_suffix_pattern" if not party_only else "unit_before_party_org",
                           0.85 if not party_only else 0.6, uid=unit_uid, extra={"org_kind": unit_kind(unit_surface)}))
    if level:
        out.append(Mention("party_org", start, end, surface, "party_org_suffix_pattern", 0.85,
                           uid=party_uid(surface), extra={"party_level": level, "unit_uid": unit_uid}))
    return out


def drop_overlaps(orgs: list[Mention], places: list[Mention]) -> list[Mention]:
    """Each mention once; a unit inside a place name or inside a longer unit is dropped."""
    orgs = sorted(orgs, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in orgs:
        key = (m.start, m.end, m.kind)
        if key in seen:
            continue
        if m.kind == "organization" and any(p.start <= m.start and m.end <= p.end for p in places):
            continue
        if m.kind == "organization" and any(o.kind == "organization" and o.start <= m.start and m.end <= o.end
                                            and (o.start, o.end) != (m.start, m.end) for o in out):
            continue
        seen.add(key)
        out.append(m)
    return out
