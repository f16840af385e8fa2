"""Links through people: a person's unit helps the village the report puts the person in.

Reports often state a pairing only through a person. The person is introduced with their unit — as one of
its leaders (某学院党委副书记张三, 某公司董事长张三) or its staff (某局干部张三) — and elsewhere stationed in a
village (张三驻长岭村, 他来到长岭村任第一书记, 张三是某村的包村领导), helping it (张三的结亲对象就在某村), or, as
the unit's only leader in the sentence, going to it in a sentence about help (张三一行来到某村察看帮扶项目).
That unit then helps that village, at 0.5: below a pairing the text states. A government or party committee
over the village (县政府, 某镇党委) governs it and is no helper, and what a person says of a village puts them
nowhere. A district's or city's leaders (区委书记, 区长) going to villages of another county about help bring
their region as the helper (东西部协作); their own villages they govern.

``secretaries`` uses the posts read here for a first secretary's home unit too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.reports.lexicon import (
    FIRST_SECRETARY_ROLE,
    JURISDICTION_BODY_WORDS,
    PERSON_HELP_WORDS,
    PERSON_POST_AT_VILLAGE_RE,
    PERSON_STATIONED_WORDS,
    PERSON_VISIT_HELP_WORDS,
    PERSON_VISIT_WORDS,
    SPEECH_VERBS,
    STAFF_BEFORE_NAME,
    SURNAMES,
    VILLAGE_INSTITUTION_ENDINGS,
)
from loaders.reports.model import Mention
from loaders.reports.pairing import Pair, same_sentence
from loaders.reports.people import ONE_ROLE, ROLE_CORE
from loaders.reports.reading import span_end
from loaders.reports.wrong_party import visited_to_learn
from loaders.units import org_uid


def units_of_people(
    text: str, persons: list[tuple[Mention, str, Mention | None, bool]], units: list[Mention]
) -> dict[str, list[Mention]]:
    """The units each person is read with, by name: the post the people stage read (某学院党委副书记张三 →
    某学院) and a unit's staff (某局干部张三)."""
    helper_uids = {u.uid for u in units}
    out: dict[str, list[Mention]] = {}
    for person, _role, affiliation, leader in persons:
        if leader and affiliation is not None and affiliation.kind == "organization" and affiliation.uid in helper_uids:
            if not affiliation.surface.endswith(VILLAGE_INSTITUTION_ENDINGS):
                out.setdefault(person.surface, []).append(affiliation)
    for name, staff_of in _staff_of_units(text, units).items():
        out.setdefault(name, []).extend(staff_of)
    return out


_STAFF_RE = re.compile("(?:的)?(?:一名|一位)?(?:" + "|".join(sorted(STAFF_BEFORE_NAME, key=len, reverse=True)) + ")|的")


def _staff_of_units(text: str, units: list[Mention]) -> dict[str, list[Mention]]:
    """某局干部张三, 某局的张三: the names written right after a unit and a word for its staff (or 的), by name.

    Where the name ends the text does not always show (某局干部杨某刚到村时): of the two readings, two or three
    characters, the one the report repeats more often is the name; only a name said again is kept, since
    only another mention can put the person in a village.
    """
    out: dict[str, list[Mention]] = {}
    for unit in units:
        staff = _STAFF_RE.match(text, unit.end)
        if staff is None or text[staff.end() : staff.end() + 1] not in SURNAMES:
            continue
        short, long = text[staff.end() : staff.end() + 2], text[staff.end() : staff.end() + 3]
        if len(long) < 3 or not all(_is_cjk(ch) for ch in long):
            continue
        name = long if text.count(long) >= text.count(short) else short
        if text.count(name) >= 2:
            out.setdefault(name, []).append(unit)
    return out


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_STOP = "，,。；;！!？?\n"
_SENTENCE_STOP = "。；;！!？?\n"
_POST_AT_VILLAGE = re.compile(PERSON_POST_AT_VILLAGE_RE)
# What may open a clause before its subject: a time (2021年，/ 去年3月 / 两年来), an adverb of time.
_TIME_LEAD = re.compile(
    r"^(?:[^，,。；;！!？?\n]{0,10}?(?:年|月|日|以来|来|后|期间|时))?[，,]?(?:此后|随后|之后|后来|同年|当年)?[，,]?$"
)
# A role right before the name (董事长张三): the name is still the clause's subject.
_ROLE_BEFORE = re.compile(f"{ONE_ROLE}$")
# Words opening a sentence for the person or the group named in the one before (他来到某村…, 代表团一行先后来到…).
_FOLLOWERS = ("他们", "他", "她", "代表团一行", "考察团一行", "调研组一行", "代表团", "考察团", "调研组", "一行")
_FOLLOWER_RE = re.compile(
    f"[ \u3000]*(?:[^，,。；;！!？?\n]{{0,10}}?(?:年|月|日|以来|后|期间|时)[，,]?)?(?:{'|'.join(_FOLLOWERS)})"
)
_SENTENCE_MARK = re.compile("[。！!？?\n]")
_ROLE_IN = re.compile(ONE_ROLE)
_CLAUSE_AFTER_NAME = re.compile("[^，,。；;！!？?\n]{0,16}")
# Stationed in the village without naming it: a verb of staying, then a word for the village or its office.
_STATIONED_IN_THE_VILLAGE = re.compile("(?:驻村|住村|(?:住在|住进|扎根|吃住在|驻在|驻扎在)(?:村|该村))")
_LAST_ROLE_CORE = re.compile(f"(?:{ROLE_CORE})$")


def _person_at_village(
    text: str,
    persons: list[tuple[Mention, str, Mention | None, bool]],
    posts: dict[str, list[Mention]],
    places: Sequence[Mention],
    units: list[Mention],
) -> list[Pair]:
    """A person read with their unit, stationed in a village, or visiting it to help, in a clause of their own."""
    if not posts:
        return []
    villages = sorted((p for p in places if p.kind == "village"), key=lambda p: p.start)
    pairs: list[Pair] = []
    for name, homes in posts.items():
        ends = [found.end() for found in re.finditer(re.escape(name), text) if _opens_clause(text, found.start())]
        ends += pronouns_after(text, name, persons)
        ends += _titles_of(text, name, persons)
        # a first secretary going to a village goes to serve there: no word of help is needed
        sent = any(p.surface == name and FIRST_SECRETARY_ROLE in role for p, role, _a, lead in persons if lead)
        for end in ends:
            alone = not _others_in_sentence(text, end, name, persons)
            for village in _village_of_clause(text, end, villages, units, homes, alone, sent):
                for unit in {u.uid: u for u in homes}.values():
                    if village.surface not in unit.surface and not own_body(unit, village, places):
                        pairs.append((unit, village, "pairing_person_home_unit", 0.5))
    return pairs


def _titles_of(text: str, name: str, persons: list[tuple[Mention, str, Mention | None, bool]]) -> list[int]:
    """张局长, 李董事长: the person called by surname and post (a deputy's too: 副局长 张某 is 张局长), where no
    other leader of the report has that surname and post; where each such mention, as its clause's subject, ends."""
    out: list[int] = []
    for title in {_title(name, role) for p, role, _a, lead in persons if lead and p.surface == name}:
        if title is None or any(
            lead and p.surface != name and _title(p.surface, r) == title for p, r, _a, lead in persons
        ):
            continue
        out += [m.end() for m in re.finditer(re.escape(title), text) if _opens_clause(text, m.start())]
    return out


def _title(name: str, role: str) -> str | None:
    """张卫东 局长 → 张局长; 常务副局长 and 党委书记 by their post's last word too (张局长, 张书记)."""
    post = _LAST_ROLE_CORE.search(role.split("、")[-1])
    if post is None or len(name) < 2:
        return None
    return name[0] + post.group().removeprefix("副")


def _opens_clause(text: str, start: int) -> bool:
    """The name is its clause's subject: only a time, or the person's own role, stands before it."""
    clause_start = max(text.rfind(c, 0, start) for c in _STOP) + 1
    before = text[clause_start:start].strip()
    return not before or _TIME_LEAD.match(before) is not None or _ROLE_BEFORE.search(before) is not None


def pronouns_after(text: str, name: str, persons: list[tuple[Mention, str, Mention | None, bool]]) -> list[int]:
    """他 / 她 opening the sentence right after one whose only leader is ``name`` (after a time: 2021年，他…)."""
    out: list[int] = []
    for person, _role, _aff, leader in persons:
        if not leader or person.surface != name:
            continue
        sentence_start = max(text.rfind(c, 0, person.start) for c in "。！!？?\n") + 1
        end = next((m.end() for m in re.finditer("[。！!？?\n]", text[person.end :])), None)
        if end is None:
            continue
        end += person.end
        others = {p.surface for p, _r, _a, lead in persons if lead and sentence_start <= p.start < end}
        if others != {name}:
            continue  # two leaders in that sentence: which one 他 is, the text does not say
        follower = _follower_at(text, end)
        if follower is not None:
            out.append(follower)
    return out


def _sentence_end(text: str, pos: int) -> int | None:
    """Where the sentence holding ``pos`` ends (after its mark), or None at the text's end."""
    found = _SENTENCE_MARK.search(text, pos)
    return found.end() if found is not None else None


def _follower_at(text: str, sentence_start: int) -> int | None:
    """Where a word standing for the people just named (他, 她, 代表团一行, 一行) ends, when it opens the sentence
    starting at ``sentence_start`` (after a time: 2021年，他…)."""
    found = _FOLLOWER_RE.match(text, sentence_start)
    return found.end() if found is not None else None


def _others_in_sentence(
    text: str, at: int, name: str, persons: list[tuple[Mention, str, Mention | None, bool]]
) -> bool:
    """Another leader is named in the sentence of ``at`` (甲公司董事长张三、乙公司经理李四一行…)."""
    start = max(text.rfind(c, 0, at) for c in "。！!？?\n") + 1
    end = min((i for i in (text.find(c, at) for c in "。！!？?\n") if i >= 0), default=len(text))
    return any(lead and p.surface != name and start <= p.start < end for p, _r, _a, lead in persons)


def _village_of_clause(
    text: str,
    name_end: int,
    villages: list[Mention],
    units: list[Mention],
    homes: list[Mention],
    alone: bool,
    sent: bool = False,
) -> list[Mention]:
    """The village the clause after a person's name stations them in (驻某村, 到某村任第一书记), or takes them
    to in a sentence about help (来到结对村某村察看帮扶项目) where they are the only leader named: a group of
    several units' leaders visiting says nothing of which unit helps. None where another unit stands between."""
    # The clauses after the name go on with it as their subject (他主动请缨，到某村驻村), to the sentence's end.
    stop = min((i for i in (text.find(c, name_end) for c in _SENTENCE_STOP) if i >= 0), default=len(text))
    village = next((v for v in villages if name_end <= v.start < stop and v.start - name_end <= 20), None)
    if village is None:
        later = _later_clause_village(text, name_end, stop, villages)
        if later is not None:
            return [later]
    if village is None:
        return _the_one_village(text, name_end, villages)
    home_uids = {h.uid for h in homes}
    if any(name_end <= u.start < village.start and u.uid not in home_uids for u in units):
        return []  # 张三陪同某局局长到某村: the unit between is the one that goes
    gap = text[name_end : village.start]
    if _ROLE_IN.search(gap):
        return []  # 张三陪同县委书记李四到某村: another leader goes, the person goes along
    if any(w in gap for w in SPEECH_VERBS) or "、" in gap:
        return []  # 张三说，某村…: what the person says of a village, not where they are
    listed = _listed_with(text, village, villages)
    if any(w in gap for w in PERSON_STATIONED_WORDS + PERSON_HELP_WORDS) or _POST_AT_VILLAGE.match(
        text, listed[-1].end
    ):
        return listed
    if alone and any(w in gap for w in PERSON_VISIT_WORDS) and not visited_to_learn(text, village):
        sentence_end = min((i for i in (text.find(c, village.end) for c in "。！!？?\n") if i >= 0), default=len(text))
        if sent or any(w in text[name_end:sentence_end] for w in PERSON_VISIT_HELP_WORDS):
            return listed
    return []


def _later_clause_village(text: str, name_end: int, stop: int, villages: list[Mention]) -> Mention | None:
    """…张三带领考察团到某县调研…，并与某村贫困户结对认亲: a later clause of the person's sentence going on with them
    (并, 还, 同时) and pairing with or helping a village there."""
    for found in _GOES_ON_CLAUSE.finditer(text, name_end, stop):
        end = span_end(text, found.end(), _STOP)
        clause = text[found.end() : end]
        village = next((v for v in villages if found.end() <= v.start < end), None)
        if village is None:
            continue
        # another leader in the clause (not a role read across the village's address: 白石镇长岭村)
        roles = [
            m for m in _ROLE_IN.finditer(text, found.end(), end) if not village.start - 6 <= m.start() < village.end
        ]
        if any(w in clause for w in PERSON_HELP_WORDS) and not roles:
            if not any(w in text[name_end:end] for w in SPEECH_VERBS):
                return village
    return None


# A later clause with the same subject: 并 / 还 / 同时 right after a comma.
_GOES_ON_CLAUSE = re.compile("[，,](?:并|还|同时|随后)")


def _the_one_village(text: str, name_end: int, villages: list[Mention]) -> list[Mention]:
    """张三驻村以来 / 张三和同伴住在村委会: stationed in "the village" unnamed, in a report that names one village
    only (by its code), which is that one."""
    clause = _CLAUSE_AFTER_NAME.match(text, name_end)
    if clause is None or not _STATIONED_IN_THE_VILLAGE.search(clause.group()):
        return []
    if any(w in clause.group() for w in SPEECH_VERBS) or _ROLE_IN.search(clause.group()):
        return []  # 张三介绍驻村干部…: what the person speaks of, or another person
    named = {v.place.code: v for v in villages if v.place is not None}
    return list(named.values()) if len(named) == 1 else []


def _listed_with(text: str, first: Mention, villages: list[Mention]) -> list[Mention]:
    """The village and those listed right after it (甲村、乙村和丙村)."""
    listed = [first]
    for v in villages:
        if v.start > listed[-1].end and text[listed[-1].end : v.start] in ("、", "和", "及", "与"):
            listed.append(v)
    return listed


def own_body(unit: Mention, village: Mention, places: Sequence[Mention]) -> bool:
    """县政府, 某镇党委, 西山县委: a government or party committee over the village's own place (or a bare
    level word, which names the report's own county or town) is no helper of that village."""
    rest = unit.surface
    place = next((p for p in places if p.start == unit.start and p.end < unit.end and p.place is not None), None)
    if place is not None and place.place is not None:
        rest = unit.surface[len(place.surface) :]
        if village.place is None or not village.place.code.startswith(place.place.code):
            return False
    elif rest[:1] in "省市县区州镇乡旗":
        rest = rest[1:]
    else:
        return False
    return rest in JURISDICTION_BODY_WORDS


# 区委书记 / 县委副书记 / 市长 / 副区长: a leader of a district's or city's party committee or government.
_REGION_LEVELS = "区县市州旗盟"


def _region_leaders_at_villages(
    text: str,
    persons: list[tuple[Mention, str, Mention | None, bool]],
    places: Sequence[Mention],
    units: list[Mention],
) -> list[Pair]:
    """区委书记张三、区长李四到某县某镇某村实地查看帮扶项目: leaders of a district or city going to villages of
    another county in a sentence about help bring their region's help (东西部协作, 对口帮扶): the region
    helps those villages, at 0.5. The region is the place named before the role (南山区副区长), or, for a
    bare level word (区委书记, 区长), the place of that level the report names most. Its own villages they
    govern: a village inside the region, or one whose address the text does not give outside it, is no pair.
    """
    villages = sorted((p for p in places if p.kind == "village"), key=lambda p: p.start)
    leaders = [(p, r, a) for p, r, a, lead in persons if lead]
    regions = [_region_of(text, p, r, places) for p, r, _a in leaders]
    pairs: list[Pair] = []
    for (person, _role, _aff), region in zip(leaders, regions, strict=True):
        if region is None or region.place is None:
            continue
        # the leaders listed together (区委书记甲、区长乙先后到…) are all the region's: the last one's clause goes on
        others = [
            r
            for (p, _r, _a), r in zip(leaders, regions, strict=True)
            if p.surface != person.surface and same_sentence(text, p.start, person.start)
        ]
        if any(r is None or r.place is None or r.place.code != region.place.code for r in others):
            continue
        ends = [person.end]
        sentence_end = _sentence_end(text, person.end)
        follower = _follower_at(text, sentence_end) if sentence_end is not None else None
        if follower is not None:
            ends.append(follower)  # 区委书记甲、区长乙率团到某县考察。代表团一行先后来到某村…
        for end in ends:
            for village in _village_of_clause(text, end, villages, units, [], True):
                if _outside(text, village, region, places):
                    pairs.append((_as_helper(region), village, "pairing_region_leader_visit", 0.5))
    return pairs


def _region_of(text: str, person: Mention, role: str, places: Sequence[Mention]) -> Mention | None:
    """The district or city whose party committee or government the person leads (南山区副区长, 区委书记), or None."""
    role_start = person.start - len(role)
    if text[role_start : person.start] != role:
        return None
    first = role.split("、")[0]
    core = first.removeprefix("副")
    if core[:1] in _REGION_LEVELS and core[1:] == "长":
        level, anchor = core[0], role_start  # 区长, 副县长: the level word is the role's own
    elif (
        first in ("书记", "副书记")
        and text[role_start - 2 : role_start - 1] in _REGION_LEVELS
        and text[role_start - 1 : role_start] == "委"
    ):
        level, anchor = text[role_start - 2], role_start - 2  # 区委书记
    else:
        return None
    # 南山区副区长; 南山区委书记, where the place's level word is its committee's too
    named = next(
        (p for p in places if p.kind in ("district", "city") and p.place is not None and p.end in (anchor, anchor + 1)),
        None,
    )
    if named is not None:
        return named  # 南山区副区长, 南山区区委书记
    if anchor > 0 and text[anchor - 1] not in "、，,。；;：:\n ":
        return None  # 某镇长, 某某区长: a name of a place the table does not place, or no level word at all
    of_level = [
        p for p in places if p.kind in ("district", "city") and p.place is not None and p.surface.endswith(level)
    ]
    counts: dict[str, int] = {}
    for p in of_level:
        assert p.place is not None
        counts[p.place.code] = counts.get(p.place.code, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    top = [code for code, n in counts.items() if n == best]
    if len(top) != 1:
        return None  # two places of that level named as often: which one the leader's is, the text does not say
    return next(p for p in of_level if p.place is not None and p.place.code == top[0])


def _outside(text: str, village: Mention, region: Mention, places: Sequence[Mention]) -> bool:
    """The village lies outside the region: by its own code, or by the county or town written before it."""
    assert region.place is not None
    code = region.place.code
    if village.place is not None:
        return not village.place.code.startswith(code)
    ends = {p.end: p for p in places if p.is_place}
    at = village.start
    while at in ends:
        before = ends[at]
        if before.place is not None and before.kind in ("district", "town", "city"):
            return not before.place.code.startswith(code) and not code.startswith(before.place.code)
        at = before.start
    return False


def _as_helper(region: Mention) -> Mention:
    """The region as the helping side, named as the report writes it."""
    assert region.place is not None
    return Mention(
        "organization",
        region.start,
        region.end,
        region.surface,
        "region_as_helper",
        0.6,
        uid=org_uid(region.place.name),
        extra={"org_kind": "government", "district_code": region.place.code[:6]},
    )


def person_link_pairs(
    text: str,
    persons: list[tuple[Mention, str, Mention | None, bool]],
    posts: dict[str, list[Mention]],
    places: Sequence[Mention],
    units: list[Mention],
) -> list[Pair]:
    """(unit, village) for each person read with their unit and put in a village elsewhere, and (region,
    village) for a district's or city's leaders visiting another county's villages about help."""
    return _person_at_village(text, persons, posts, places, units) + _region_leaders_at_villages(
        text, persons, places, units
    )
