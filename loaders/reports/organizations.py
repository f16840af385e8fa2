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
from collections.abc import Callable

from loaders.reports.lexicon import (
    BOUNDARY_CHARS,
    CAPTION_IN_BRACKETS_RE,
    NAME_SAFE_VERBS,
    GENERIC_UNIT_RE,
    NUMERALS,
    WORDS_ACROSS_ENDING,
    NOT_NAME_BEFORE_YU,
    NOT_PLACE_SIDE_AFTER,
    PARTY_INFIX,
    PLACE_SIDE_WORD,
    UNIT_BY_ROLE_AFTER,
    UNIT_NAME_CONTINUES_MAX,
    CJK,
    COUNT_MEASURES,
    GENERIC_ORG,
    LEFT_VERBS,
    NON_NAME_START,
    NOT_PARTY_AFTER,
    NOT_UNIT_ENDINGS,
    FACILITY_ENDINGS,
    FACILITY_NAME_WORDS,
    ORG_LEAD_WORDS,
    ORG_SUFFIXES,
    PAIR_RE,
    PARTY_SUFFIXES,
    UNIT_ENDING_CONTINUES,
    UNIT_LEADING_VERBS,
    UNIT_LIST_NOUNS,
)
from loaders.places import PlaceIndex
from loaders.reports.model import Mention, Sentence
from loaders.reports.reading import CJK_RE, left_limit
from loaders.units import name_key, org_uid, party_level, party_uid, unit_kind

_PARTY_ENDING = "(?:" + "|".join(p for p, _ in PARTY_SUFFIXES) + f")(?![{NOT_PARTY_AFTER}])"
_UNIT_ENDING = "(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + ")"
# A unit: name characters (or a short bracketed part) up to a unit ending, maybe a party ending after.
ORG_RE = re.compile(
    r"(?:[" + CJK + r"A-Za-z0-9]|[(（][" + CJK + r"]{1,6}[)）])+?" + _UNIT_ENDING
    + r"(?:" + PARTY_INFIX + _PARTY_ENDING + r")?"
)
# The same name going on to a further ending (某银行|张家港分行, 某中心|医院): a sub-unit or the full head.
_CONTINUATION_RE = re.compile(
    r"(?:[" + CJK + r"A-Za-z0-9]|[(（][" + CJK + r"]{1,6}[)）]){0," + str(UNIT_NAME_CONTINUES_MAX) + r"}?"
    + r"(?:" + _UNIT_ENDING + r"(?:" + PARTY_INFIX + _PARTY_ENDING + r")?|" + PARTY_INFIX + _PARTY_ENDING + ")"
)
# What cannot stand inside one unit's name between two of its endings: punctuation, 和/与/及, 的.
NAME_BREAK_CHARS = frozenset("，,。、；;：:！!？?“”\"'‘’《》[]【】 \t\n\u3000和与及的了是等并或在从到向对为由把将被让给于以也都还"
                             "0123456789")
# Function characters that also start names (和平, 同心, 向阳, 为民): allowed at a list item's start.
NAME_FUNCTION_STARTS = frozenset("和同向为与")
# After a unit ending, these make it the start of a role word (局长, 院长, 委员), not another ending.
ROLE_AFTER_ENDING = frozenset("长员")
# A party ending (with its 机关 / ordinal) whose unit has no unit ending (区农业农村委机关党支部).
_PARTY_ENDING_RE = re.compile(PARTY_INFIX + _PARTY_ENDING)
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
        pos = 0
        while (match := ORG_RE.search(chunk, pos)) is not None:
            start, end = sent.start + match.start(), sent.start + match.end()
            end = _continue_name(text, end, sent.end)
            pos = end - sent.start
            left = unit_left_limit(text, end, max(start, sent.start), 30)
            left = _over_conjunction(text, left, sent.start)
            caption = CAPTION_IN_BRACKETS_RE.search(text, left, end)
            if caption:
                left = caption.end()
            if left > 0 and text[left - 1].isdigit() and text[left:left + 1] in "日月年号时":
                left += 1  # 26日两天…: the date's last character is not the unit's first
            # Brackets inside a name (玫琳凯(中国)有限公司) are kept: re-extend over them.
            while left > sent.start and text[left - 1] in "()（）" and re.search(
                    r"[(（][^()（）]{1,6}[)）]$", text[max(sent.start, left - 8):end]):
                inner = re.search(r"[(（][^()（）]{1,6}[)）]" , text[max(sent.start, left - 8):end])
                if not inner:
                    break
                left = left_limit(text, max(sent.start, left - 8) + inner.start(), sent.start, 20)
            # 以及和平之君…, 、同心公司: a name may start with a character that is a function word elsewhere.
            if left - 1 > sent.start and text[left - 1] in BOUNDARY_CHARS and CJK_RE.match(text[left - 1]) and (
                    text[left - 2] in "、，,；;：:" or text[left - 3:left - 1] in ("以及", "还有", "的有")):
                left -= 1
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
        if len(surface) < 2 or surface in GENERIC_ORG:
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
        # Every party ending not yet inside a name: the name before it, cut at a boundary or a verb.
        for match in _PARTY_ENDING_RE.finditer(text, sent.start, sent.end):
            end = match.end()
            if any(m.start < end <= m.end for m in out):
                continue
            left = left_limit(text, end, max(sent.start, end - 16), 16)
            surface = text[left:end]
            lead = ORG_LEAD_RE.match(surface)
            if lead:
                left += lead.end()
                surface = text[left:end]
            out.extend(org_from_surface(text, left, end, surface, place_by_end, party_only=True))
    return out


_UNIT_NAME_BOUNDARY = BOUNDARY_CHARS - {"之"}


def unit_left_limit(text: str, end: int, floor: int, max_len: int) -> int:
    """``left_limit`` for unit names: words that are verbs elsewhere but common in names (建设, 发展)
    and 之 (和平之君) do not end a unit's name."""
    start = end
    while start > floor and end - start < max_len:
        ch = text[start - 1]
        if ch in ")）":
            opening = max(text.rfind("(", floor, start), text.rfind("（", floor, start))
            if opening >= 0 and 1 <= start - opening - 2 <= 6 and opening > floor:
                start = opening
                continue
            break
        if ch in _UNIT_NAME_BOUNDARY or not CJK_RE.match(ch):
            break
        word = text[start - 2:start]
        if start - 2 >= floor and word in LEFT_VERBS and word not in NAME_SAFE_VERBS and end - start >= 2:
            break
        start -= 1
    return start


def _continue_name(text: str, end: int, stop: int) -> int:
    """Extend a unit's name over a further ending with nothing between that a name cannot hold.

    ``某银行张家港分行``, ``某中心医院``, ``某集团江西区域公司第一党支部`` are one name each, but
    ``某银行和某银行`` and ``某局的党支部`` are not: a boundary character or a verb ends the name.
    """
    while end < stop:
        nxt = _CONTINUATION_RE.match(text, end, stop)
        if nxt is None:
            break
        between = text[end:nxt.end()]
        if any(ch in NAME_BREAK_CHARS for ch in between) or any(
                between[i:i + 2] in LEFT_VERBS and between[i:i + 2] not in NAME_SAFE_VERBS
                for i in range(len(between) - 1)):
            break
        if party_level(text[end - 6:end]):
            break  # a party organization ends the name: what follows is another one
        if text[nxt.end():nxt.end() + 1] in ROLE_AFTER_ENDING:
            break  # 某局局长: the second 局 starts a role word
        if re.match(f"[{NUMERALS}]+[个家名所支]", between):
            break  # 某党支部两个党支部分别…: a count of units follows, not a sub-unit
        end = nxt.end()
    return end


def _over_conjunction(text: str, left: int, floor: int) -> int:
    """Official names may hold 与 (自然资源与规划局, 科技与产业化发展中心): take the part before it too.

    The part before 与 (two to six characters, not a word for people such as 领导) joins the name when
    a clause boundary stands before it, or when it follows a unit's own ending that starts the whole
    name (住建部科技与…).
    """
    if left - 1 <= floor or text[left - 1] != "与":
        return left
    conj = left - 1
    for length in range(2, 7):
        start = conj - length
        if start < floor or not CJK_RE.match(text[start]) or text[start] in BOUNDARY_CHARS:
            return left
        part = text[start:conj]
        if part.endswith(NOT_NAME_BEFORE_YU) or re.search(_UNIT_ENDING + "$", part) or any(
                ch in NON_NAME_START or ch in "镇乡县区市省村" for ch in part):
            return left
        before = text[start - 1:start] if start > floor else ""
        if not before or before in BOUNDARY_CHARS or not CJK_RE.match(before):
            return start
        if before in "省市县区":  # 县自然资源与规划局, 某某县自然资源与规划局: the prefix belongs to the name
            return unit_left_limit(text, start, floor, 12)
        if re.search("(?:" + _UNIT_ENDING[3:-1] + "|部)$", text[max(floor, start - 6):start]):
            return left_limit(text, start, floor, 12)
    return left


def place_sides(text: str, places: list[Mention]) -> list[Mention]:
    """``宁波方投入200万元``: a city or district named as one side of a partnership acts as a unit."""
    out: list[Mention] = []
    for p in places:
        if p.kind not in ("province", "city", "district") or p.place is None:
            continue
        if text[p.end:p.end + 1] != PLACE_SIDE_WORD or text[p.end + 1:p.end + 2] in NOT_PLACE_SIDE_AFTER:
            continue
        surface = text[p.start:p.end + 1]
        out.append(Mention("organization", p.start, p.end + 1, surface, "place_as_side", 0.6,
                           uid=org_uid(p.place.name + PLACE_SIDE_WORD),
                           extra={"org_kind": "government", "district_code": p.place.code[:6]}))
    return out


_UNIT_BY_ROLE_RE = re.compile(f"由([{CJK}]{{2,8}}?)(?:" + "|".join(sorted(UNIT_BY_ROLE_AFTER, key=len, reverse=True)) + ")")


def units_named_by_role(text: str, taken: list[Mention]) -> list[Mention]:
    """``由某某协助帮扶``, ``由某某负责包扶``: the name after 由 is a unit although it has no ending."""
    out: list[Mention] = []
    for match in _UNIT_BY_ROLE_RE.finditer(text):
        start, end = match.span(1)
        if any(m.start < end and start < m.end for m in taken):
            continue
        surface = text[start:end]
        if surface[:1] in NON_NAME_START or surface in GENERIC_ORG:
            continue
        out.append(Mention("organization", start, end, surface, "unit_named_by_role_assignment", 0.7,
                           uid=org_uid(surface), extra={"org_kind": unit_kind(surface)}))
    return out


PlacePrefix = Callable[[str], int]


def no_place_prefix(name: str) -> int:
    return 0


def place_prefix_from(index: PlaceIndex) -> PlacePrefix:
    """How many leading characters of a unit's name are a place (秦皇岛某某公司 → 3), from the index."""
    def length(name: str) -> int:
        for k in (4, 3, 2):
            head = name[:k]
            rest = name[k:]
            if len(rest) >= 3 and rest not in GENERIC_ORG and any(
                    index.lookup(head, level) for level in ("province", "city", "district")):
                return k
        return 0
    return length


def _core(name: str, place_prefix: PlacePrefix) -> str:
    """A unit's name without a leading place or 省/自治区 (秦皇岛城发集团 → 城发集团, 省海港集团 → 海港集团).

    市/县/区 stay: 市委组织部 and 区委组织部 are different organs.
    """
    name = name[place_prefix(name):]
    return re.sub("^(?:自治区|省)", "", name)


def short_forms(text: str, units: list[Mention], places: list[Mention],
                place_prefix: PlacePrefix = no_place_prefix) -> list[Mention]:
    """A unit named once in full and then by a short form (秦皇岛某某管业有限公司 → 某某管业).

    The short form is the full name less a leading place and a trailing legal ending; every later
    occurrence of it that is not inside another name is the same unit (same uid).
    """
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in units + places]
    seen: set[str] = set()
    for u in units:
        if u.kind != "organization" or u.method.startswith(("unit_named", "place_as")):
            continue
        core = _core(u.surface, place_prefix)
        for p in places:
            if p.start == u.start and p.end < u.end:
                core = text[p.end:u.end]
        core = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|公司)$", "", core)
        core = re.sub(r"^[(（][^)）]*[)）]", "", core)
        if len(core) < 3 or core == u.surface or core in seen or core in GENERIC_ORG:
            continue
        seen.add(core)
        for match in re.finditer(re.escape(core), text):
            start, end = match.span()
            if any(s <= start < e or s < end <= e for s, e in taken):
                continue
            if len(core) < 4 and CJK_RE.match(text[start - 1:start] or " ") and \
                    text[start - 1] not in BOUNDARY_CHARS and text[start - 2:start] not in LEFT_VERBS:
                continue  # a short form of three characters inside a longer run may be another word
            out.append(Mention("organization", start, end, core, "unit_short_form", 0.75, uid=u.uid,
                               extra={**u.extra, "full_name": u.surface}))
            taken.append((start, end))
    return out


def trim_to_known_names(text: str, units: list[Mention], places: list[Mention],
                        place_prefix: PlacePrefix = no_place_prefix) -> None:
    """村里原本就有城发集团: a unit whose name ends with another unit's name (or its name less a leading
    place) from the document, after words that are not a place, is that unit; its left edge moves to
    where the known name starts."""
    place_starts = {p.start for p in places}
    known = {u.surface for u in units if u.kind == "organization"}
    known |= {_core(n, place_prefix) for n in known}
    names = sorted(known, key=len)
    for u in units:
        if u.kind != "organization":
            continue
        for name in names:
            if len(name) >= len(u.surface) or len(name) < 3 or not u.surface.endswith(name):
                continue
            if name[0] in "省市县区州镇乡" or name in GENERIC_ORG:
                continue  # 县农业农村局 is the short form of 某县农业农村局, not another unit
            cut = u.end - len(name)
            prefix = text[u.start:cut]
            if cut in place_starts or any(p.start == u.start and p.end == cut for p in places) or \
                    place_prefix(u.surface) == len(prefix):
                break  # 秦皇岛城发集团: a place before the name belongs to it
            if re.fullmatch(f"[{CJK}]*(?:省|市|县|区|州|自治区)", prefix):
                break  # 省海港集团: an administrative prefix belongs to it
            u.start, u.surface = cut, name
            u.uid = org_uid(name)
            break


def unify_variants(units: list[Mention], places: list[Mention], place_prefix: PlacePrefix = no_place_prefix) -> None:
    """One uid for the names of one unit in a document: 浙江省某集团, 省某集团 and 某集团 are one unit.

    Names equal once a leading place is taken off (``_core``) are one unit when at most one of them
    names a place: 秦皇岛城发集团 and 城发集团 are one, 甲市建材公司 and 乙县建材公司 are two. The group
    takes the uid of its longest name, remembered as ``full_name``. Party organizations whose name
    ends another's of the document (某支行党支部 in 某银行某支行党支部) are that one.
    """
    place_ends = {p.start: p.end for p in places}

    def core(m: Mention) -> str:
        name = m.extra.get("full_name", m.surface) if m.method == "unit_short_form" else m.surface
        end = place_ends.get(m.start)
        if end is not None and end < m.end:
            return re.sub("^(?:自治区|省)", "", name[end - m.start:])
        return _core(name, place_prefix)

    groups: dict[str, list[Mention]] = {}
    for m in units:
        if m.kind == "organization":
            groups.setdefault(core(m), []).append(m)
    for key, members in groups.items():
        places_named = {_place_part(m.extra.get("full_name", m.surface), key) for m in members} - {""}
        if len(places_named) > 1:
            continue  # 甲市建材公司 and 乙县建材公司: two units
        longest = max(members, key=lambda m: len(m.extra.get("full_name", m.surface)))
        for m in members:
            m.uid = longest.uid
            m.extra["full_name"] = longest.extra.get("full_name", longest.surface)
    parties = sorted((m for m in units if m.kind == "party_org" and m.extra.get("owner") is None),
                     key=lambda m: m.start)
    for m in parties:
        if len(m.surface) < 6:
            continue  # 第一党支部 alone could belong to any unit
        longer = [o for o in parties if len(o.surface) > len(m.surface) and o.surface.endswith(m.surface)]
        if longer:
            m.uid = longer[0].uid


def _place_part(full: str, key: str) -> str:
    """The place a full name starts with (浙江 of 浙江省海港集团); 省 alone names none."""
    prefix = full[:len(full) - len(key)] if full.endswith(key) else full
    return re.sub("(?:省|自治区)$", "", prefix)


def _starts_like_no_name(text: str, start: int, name: str) -> bool:
    """A unit's name does not start with a function word or a count (三家公司) — except a name that
    starts a list item (以及和平之君…, 、同心公司) or a place name with a numeral (九江项目部)."""
    first = name[:1]
    if first not in NON_NAME_START:
        return False
    if first in NUMERALS:
        return name[1:2] in COUNT_MEASURES or name[1:2] in "项批类届年月日次"
    if first not in NAME_FUNCTION_STARTS or name[1:2] in "该这那其":
        return True
    return not (text[start - 1:start] in ("、", "，", ",") or text[start - 2:start] in ("以及", "还有", "的有"))


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
        infix = re.search(PARTY_INFIX + "$", text[start:unit_end])
        if infix and infix.group():
            unit_end -= len(infix.group())
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
    facility = next((e for e in FACILITY_ENDINGS if unit_surface.endswith(e)), None)
    if facility is not None:
        prefix = unit_surface[:-len(facility)]
        if len(prefix) <= 2 or any(w in prefix for w in FACILITY_NAME_WORDS):
            return out  # 党群服务中心, 紫岭村党群服务中心: a building, not a unit
    if unit_surface.endswith(NOT_UNIT_ENDINGS) or _starts_like_no_name(text, start, unit_surface):
        return out
    # 局面, 中心村, 中心组: the suffix is the start of another word.
    if not level and text[unit_end:unit_end + 1] in UNIT_ENDING_CONTINUES:
        return out
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in NUMERALS) and re.match(
            f"^[余多]?[{COUNT_MEASURES}]", unit_surface):
        return out  # 29余家机关: a count of units, not a unit
    if GENERIC_UNIT_RE.match(unit_surface) or text[unit_end - 1:unit_end + 1] in WORDS_ACROSS_ENDING:
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
