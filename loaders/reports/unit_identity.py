"""Stage 4a, unit identity: which unit mentions of one document are the same unit.

A unit named in full and later by a short form (秦皇岛某某管业有限公司 → 某某管业), with and without
its place (浙江省某集团, 省某集团, 某集团), or swallowed by the words before it (村里原本就有某集团)
is one unit with one uid. Same-named units of two places (甲市建材公司, 乙县建材公司) stay two. Also
here: units named by their role in the sentence (由某某协助帮扶) and a place named as one side of a
partnership (宁波方).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from loaders.places import PlaceIndex
from loaders.reports.lexicon import (
    AID_SOURCE_VERBS,
    BARE_LEVEL_PREFIXES,
    BOUNDARY_CHARS,
    CJK,
    CROSS_REGION_HELP_AFTER,
    CROSS_REGION_HELP_PHRASE_RE,
    ENTERPRISE_CHIEF_POSTS,
    GENERIC_ORG,
    LEFT_VERBS,
    LEVEL_SHORT_FORM_HEADS,
    NON_NAME_START,
    NOT_A_UNIT_BEFORE_CHIEF,
    NOT_NAME_BEFORE_YU,
    NOT_PLACE_SIDE_AFTER,
    ORG_LEAD_WORDS,
    ORG_SUFFIXES,
    PAIR_LIST_SEPARATORS,
    PAIR_LIST_VERBS,
    PARENT_NAME_DROPPED_IN_SHORT,
    PEOPLES_IN_OFFICIAL_NAME,
    PLACE_ACTS_ON_VILLAGE,
    PLACE_SIDE_WORD,
    REGION_AID_RE,
    SENDING_VERBS,
    SUBSIDIARY_DESCRIPTIONS,
    SURNAMES,
    UNIT_BY_ROLE_AFTER,
)
from loaders.reports.model import Mention
from loaders.reports.places import address_start, address_starts
from loaders.reports.reading import CJK_RE, SENTENCE_STOPS, span_end, span_start
from loaders.units import org_uid, unit_kind


def place_sides(text: str, places: list[Mention], index: PlaceIndex | None = None) -> list[Mention]:
    """``宁波方投入200万元``: a province, city or district named as one side of a partnership acts as a
    unit. The place is a mention of the text, or (cities are written without 市 here) a short name
    the index knows, set off by a clause boundary before it."""
    out: list[Mention] = []
    sides = [
        (p.start, p.end, p.place)
        for p in places
        if p.kind in ("province", "city", "district", "town") and p.place is not None
    ]
    starts = address_starts(p for p in places if p.is_place)
    if index is not None:
        for match in _SIDE_RE.finditer(text):
            start, end = match.span(1)
            if start > 0 and CJK_RE.match(text[start - 1]) and text[start - 1] not in BOUNDARY_CHARS:
                continue
            found = [q for level in ("province", "city", "district") for q in index.lookup(match.group(1), level)]
            if len(found) == 1:
                sides.append((start, end, found[0]))
        for aid in REGION_AID_RE.finditer(text):
            end = aid.start()
            for start in (end - 2, end - 3):
                if start < 0 or not re.fullmatch(f"[{CJK}]+", text[start:end]):
                    continue
                if (
                    start > 0
                    and CJK_RE.match(text[start - 1])
                    and text[start - 1] not in BOUNDARY_CHARS
                    and text[start - 2 : start] not in AID_SOURCE_VERBS
                ):
                    continue
                found = [q for level in ("province", "city", "district") for q in index.lookup(text[start:end], level)]
                if len(found) == 1 and not any(p.start < end and start < p.end for p in places):
                    sides.append((start, end, found[0]))  # 来自广州的帮扶资金: a city by its short name, giving
                    break
    seen: set[int] = set()
    for start, end, place in sides:
        if start in seen:
            continue
        first = address_start(starts, start)  # 上海市闵行区虹桥镇: the whole address
        batch = _BATCH_RE.match(text, end)  # 某省第十批援疆干部: the batch stands between
        helps = text.startswith(CROSS_REGION_HELP_AFTER, batch.end() if batch else end)
        if (
            (helps and _opens_clause(text, first))
            or (text[first - 1 : first] == "在" and CROSS_REGION_HELP_PHRASE_RE.match(text, end))
            or (_opens_clause(text, first) and _acts_on_a_village(text, end))
            or (REGION_AID_RE.match(text, end) and _village_in_sentence(text, first, places))
        ):
            # 某区对口帮扶某县 / 某市援藏干部为某村… / 某区某镇与某村结对: the place helps as a whole, named as
            # it is written; a town by its county too, since town names repeat across China
            seen.update({start, first})
            parent = index.get(place.parent_code or "") if index is not None and place.level == "town" else None
            out.append(
                Mention(
                    "organization",
                    first,
                    end,
                    text[first:end],
                    "region_as_helper",
                    0.6,
                    uid=org_uid((parent.name if parent else "") + place.name),
                    extra={
                        "org_kind": "government",
                        "district_code": place.code if place.level == "town" else place.code[:6],
                    },
                )
            )
            continue
        if place.level == "town":
            continue
        if text[end : end + 1] != PLACE_SIDE_WORD or text[end + 1 : end + 2] in NOT_PLACE_SIDE_AFTER:
            continue
        seen.add(start)
        out.append(
            Mention(
                "organization",
                start,
                end + 1,
                text[start : end + 1],
                "place_as_side",
                0.6,
                uid=org_uid(place.name + PLACE_SIDE_WORD),
                extra={"org_kind": "government", "district_code": place.code[:6]},
            )
        )
    return out


_BATCH_RE = re.compile(r"第[一二三四五六七八九十\d]{1,3}批")


_PLACE_ACTS_RE = re.compile(
    "(?:还|也|又|先后|分别|再次|已经|已|共|累计)?(?:"
    + "|".join(sorted(PLACE_ACTS_ON_VILLAGE, key=len, reverse=True))
    + ")[^，,。；;！!？?\n]{0,40}?"
    # …or in the clause right after, where that clause says where the money went (…300万元，在某村建设…)
    + "(?:[，,](?:在|为|用于|帮助)[^，,。；;！!？?\n]{0,30}?)?村"
)


def _acts_on_a_village(text: str, end: int) -> bool:
    """某区某镇与某村结对 / 某区投入资金为某村…: right after the place, a word of pairing or giving, and a
    village later in the same clause or in the next one, which says where the help went (…，在某村建设…)."""
    return _PLACE_ACTS_RE.match(text, end) is not None


def _village_in_sentence(text: str, pos: int, places: list[Mention]) -> bool:
    """A village named in the sentence that holds ``pos`` (某区帮扶资金…用于某村): where the region's aid went."""
    start, end = span_start(text, pos, SENTENCE_STOPS), span_end(text, pos, SENTENCE_STOPS)
    return any(p.kind == "village" and start <= p.start < end for p in places)


def _opens_clause(text: str, start: int) -> bool:
    """Nothing but a clause break (or a date) stands before ``start``: the place is the clause's subject; or
    the clause receives its help (得到某区对口帮扶)."""
    before = text[max(0, start - 1) : start]
    return not before or before in "，,。；;：:！!？?\n 　年月日" or text.endswith(("得到", "受到", "接受"), 0, start)


_SIDE_RE = re.compile(f"([{CJK}]{{2,3}}?)" + PLACE_SIDE_WORD)


_UNIT_BY_ROLE_RE = re.compile(
    f"由([{CJK}]{{2,8}}?)(?:" + "|".join(sorted(UNIT_BY_ROLE_AFTER, key=len, reverse=True)) + ")"
)


def _unit_without_ending(surface: str, start: int, end: int, method: str) -> Mention:
    """A unit its structure names though it has no unit's ending (由某某协助帮扶, 甲村和某饮品): of the kind its
    name says, at 0.7."""
    return Mention(
        "organization",
        start,
        end,
        surface,
        method,
        0.7,
        uid=org_uid(surface),
        extra={"org_kind": unit_kind(surface)},
    )


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
        out.append(_unit_without_ending(surface, start, end, "unit_named_by_role_assignment"))
    return out


_APPOSITIVE_RE = re.compile(
    f"(?:^|(?<=[，,。；;：:！!？?\n 　]))([{CJK}]{{2,8}}?)?作为([{CJK}]{{2,20}}?(?:"
    + "|".join(sorted(SUBSIDIARY_DESCRIPTIONS, key=len, reverse=True))
    + "))(?=[，,。；;、])"
)


def units_described_as_subsidiaries(text: str, units: list[Mention], places: list[Mention]) -> list[Mention]:
    """``某物流作为某集团全资子公司，在某村开展驻村帮扶``: the phrase from 作为 to the subsidiary word says what the
    subject is; a unit read inside it (the parent, or the description taken for a name) does not act there and is
    dropped, and a subject without a unit's ending opening the clause is a unit, with its other mentions in the
    document (every later occurrence that no other name holds)."""
    out = list(units)
    for match in _APPOSITIVE_RE.finditer(text):
        d_start, d_end = match.span(2)
        out = [m for m in out if not (d_start - 2 <= m.start and m.end <= d_end)]
        if match.group(1) is None:
            continue
        start, end = match.span(1)
        lead = next((w for w in ORG_LEAD_WORDS if text.startswith(w, start) and len(w) < end - start - 1), "")
        start += len(lead)  # 近年来某物流作为…: the words that introduce the subject are no part of its name
        if any(m.start <= start < m.end or m.start < end <= m.end for m in out + places):
            continue  # the subject is a named unit already (某物流有限公司作为…) or a place
        subject = text[start:end]
        if subject[:1] in NON_NAME_START or subject in GENERIC_ORG:
            continue
        taken = [(m.start, m.end) for m in out + places]
        for other in re.finditer(re.escape(subject), text):
            o_start, o_end = other.span()
            if o_start != start and any(s <= o_start < e or s < o_end <= e for s, e in taken):
                continue
            if o_start != start and len(subject) < 4 and CJK_RE.match(text[o_start - 1 : o_start] or " "):
                continue  # a short name inside a longer run may be another word
            out.append(_unit_without_ending(subject, o_start, o_end, "unit_named_by_apposition"))
    return sorted(out, key=lambda m: m.start)


_PAIR_ITEM_RE = re.compile(
    f"[和与]([{CJK}]{{2,8}}?)(?=[、，,；;]|" + "|".join(sorted(PAIR_LIST_VERBS, key=len, reverse=True)) + ")"
)


_CHIEF_POST_RE = re.compile(
    "(" + "|".join(sorted(ENTERPRISE_CHIEF_POSTS, key=len, reverse=True)) + ")(?=[" + "".join(sorted(SURNAMES)) + "])"
)
# How far before a chief's post the enterprise's name may start; a longer run shows no clear left edge.
_CHIEF_UNIT_MAX = 8
_PLACE_KINDS = ("province", "city", "district", "town")


def units_named_by_their_chief(text: str, taken: list[Mention]) -> list[Mention]:
    """``某某农牧董事长张三一行来到某村``: the name right before an enterprise's chief post, with the holder's name
    after it, is the enterprise although it has no unit's ending (a firm by its brand). Its left edge must be clear:
    a boundary, the start of the text or a verb before it (邀请某某总经理…)."""
    out: list[Mention] = []
    for match in _CHIEF_POST_RE.finditer(text):
        end = match.start()
        start = end
        while (
            start > 0
            and end - start <= _CHIEF_UNIT_MAX
            and CJK_RE.match(text[start - 1])
            and (text[start - 1] not in BOUNDARY_CHARS)
        ):
            start -= 1
        if end - start > _CHIEF_UNIT_MAX:
            continue  # no boundary in reach: where the name starts cannot be told
        lead = next((w for w in ORG_LEAD_WORDS if text.startswith(w, start) and len(w) < end - start - 1), "")
        if lead:
            start += len(lead)  # 目前某某董事长…: the word that opens the clause is no part of the name
        # 邀请某某总经理, 公司邀请某某董事长: the name starts after the last verb before it
        start = max([start] + [i + 2 for i in range(start, end - 1) if text[i : i + 2] in LEFT_VERBS])
        sent_by = [i + len(v) for v in SENDING_VERBS for i in range(start, end) if text.startswith(v, i)]
        start = max([start, *sent_by])  # 选派某某总经理: the sender and its verb stand before
        surface = text[start:end]
        if (
            len(surface) < 2
            or surface[:1] in NON_NAME_START
            or surface in GENERIC_ORG
            or surface.endswith(ORG_SUFFIXES)  # 集团公司总经理: a unit's ending, which the rules read or refuse
            or surface.startswith(NOT_A_UNIT_BEFORE_CHIEF)
            or surface.endswith(NOT_A_UNIT_BEFORE_CHIEF)
            or any(
                m.start < end
                and start < m.end
                and not (m.kind in _PLACE_KINDS and m.start == start and m.end <= end - 2)
                for m in taken + out
            )
        ):
            continue  # read already — but a place may open the firm's name (某市某某董事长)
        out.append(_unit_without_ending(surface, start, end, "unit_named_by_chief"))
    return out


def units_named_in_pairs(text: str, units: list[Mention], places: list[Mention]) -> list[Mention]:
    """``甲村和某饮品、乙社区和某磁电进行了试点``: in two or more village–unit pairs listed one after another, the
    name joined to each village by 和 / 与 is a unit although it has no unit's ending (a firm by its brand)."""
    villages = sorted((p for p in places if p.kind == "village"), key=lambda p: p.start)
    items: list[tuple[Mention, int, int]] = []
    for v in villages:
        match = _PAIR_ITEM_RE.match(text, v.end)
        if match is not None:
            items.append((v, *match.span(1)))
    out: list[Mention] = []
    run: list[tuple[Mention, int, int]] = []
    for item in [*items, None]:
        if item is not None and (not run or (text[run[-1][2] : item[0].start] in PAIR_LIST_SEPARATORS)):
            run.append(item)
            continue
        if len(run) >= 2:
            for _, start, end in run:
                surface = text[start:end]
                if any(m.start < end and start < m.end for m in units + places):
                    continue  # named already (a unit with its ending, or a place)
                if surface[:1] in NON_NAME_START or surface in GENERIC_ORG or surface.endswith(NOT_NAME_BEFORE_YU):
                    continue  # 甲村和村民代表、乙村和党员群众…: people, not a unit
                out.append(_unit_without_ending(surface, start, end, "unit_named_in_pair_list"))
        run = [item] if item is not None else []
    return out


PlacePrefix = Callable[[str], int]


def no_place_prefix(name: str) -> int:
    return 0


def place_prefix_from(index: PlaceIndex) -> PlacePrefix:
    """How many leading characters of a unit's name are a place (秦皇岛某某公司 → 3), from the index."""

    @lru_cache(maxsize=4096)
    def length(name: str) -> int:
        for k in (4, 3, 2):
            head = name[:k]
            rest = name[k:]
            if (
                len(rest) >= 3
                and rest not in GENERIC_ORG
                and any(index.lookup(head, level) for level in ("province", "city", "district"))
            ):
                return k
        return 0

    return length


def _core(name: str, place_prefix: PlacePrefix) -> str:
    """A unit's name without a leading place or 省/自治区 (秦皇岛城发集团 → 城发集团, 省海港集团 → 海港集团).

    市/县/区 stay: 市委组织部 and 区委组织部 are different organs.
    """
    name = name[place_prefix(name) :]
    return re.sub("^(?:自治区|省)", "", name)


def short_forms(
    text: str, units: list[Mention], places: list[Mention], place_prefix: PlacePrefix = no_place_prefix
) -> list[Mention]:
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
                core = text[p.end : u.end]
        core = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团公司|公司)$", "", core)
        core = re.sub(r"^[(（][^)）]*[)）]", "", core)
        if len(core) < 3 or core == u.surface or core in seen or core in GENERIC_ORG:
            continue
        seen.add(core)
        for match in re.finditer(re.escape(core), text):
            start, end = match.span()
            if any(s <= start < e or s < end <= e for s, e in taken):
                continue
            if (
                len(core) < 4
                and CJK_RE.match(text[start - 1 : start] or " ")
                and text[start - 1] not in BOUNDARY_CHARS
                and text[start - 2 : start] not in LEFT_VERBS
            ):
                continue  # a short form of three characters inside a longer run may be another word
            out.append(
                Mention(
                    "organization",
                    start,
                    end,
                    core,
                    "unit_short_form",
                    0.75,
                    uid=u.uid,
                    extra={**u.extra, "full_name": u.surface},
                )
            )
            taken.append((start, end))
    return out


def trim_to_known_names(
    text: str, units: list[Mention], places: list[Mention], place_prefix: PlacePrefix = no_place_prefix
) -> None:
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
            prefix = text[u.start : cut]
            if (
                cut in place_starts
                or any(p.start == u.start and p.end == cut for p in places)
                or place_prefix(u.surface) == len(prefix)
            ):
                break  # 秦皇岛城发集团: a place before the name belongs to it
            if re.fullmatch(f"[{CJK}]*(?:省|市|县|区|州|自治区)(?:委|政府)?", prefix):
                break  # 省海港集团, 市委政法委: an administrative prefix (or its party committee) belongs to it
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
            return _without_peoples(re.sub("^(?:自治区|省)", "", name[end - m.start :]))
        return _without_peoples(_core(name, place_prefix))

    groups: dict[str, list[Mention]] = {}
    for m in units:
        if m.kind == "organization":
            groups.setdefault(core(m), []).append(m)
    places_of: dict[str, str] = {}
    for key, members in groups.items():
        places_named = {_place_part(_without_peoples(m.extra.get("full_name", m.surface)), key) for m in members}
        places_named -= {""}
        if len(places_named) > 1:
            continue  # 甲市建材公司 and 乙县建材公司: two units
        places_of[key] = next(iter(places_named), "")
        longest = max(members, key=lambda m: len(m.extra.get("full_name", m.surface)))
        for m in members:
            m.uid = longest.uid
            m.extra["full_name"] = longest.extra.get("full_name", longest.surface)
    _unify_bare_level_forms(groups, places_of)
    _unify_abbreviations([m for m in units if m.kind == "organization"], place_prefix)
    _unify_brand_with_branch([m for m in units if m.kind == "organization"])
    _unify_level_short_forms([m for m in units if m.kind == "organization"])
    _unify_organs_by_level([m for m in units if m.kind == "organization"])
    parties = sorted(
        (m for m in units if m.kind == "party_org" and m.extra.get("owner") is None), key=lambda m: m.start
    )
    for m in parties:
        if len(m.surface) < 6:
            continue  # 第一党支部 alone could belong to any unit
        longer = [o for o in parties if len(o.surface) > len(m.surface) and o.surface.endswith(m.surface)]
        if longer:
            m.uid = longer[0].uid


def _without_peoples(name: str) -> str:
    """某县人民检察院 → 某县检察院: 人民 of an organ's official name, which everyday writing drops."""
    return _PEOPLES_RE.sub("", name) if "人民" in name else name


_PEOPLES_RE = re.compile("人民(?=" + "|".join(PEOPLES_IN_OFFICIAL_NAME) + ")")


def _unify_bare_level_forms(groups: dict[str, list[Mention]], places_of: dict[str, str]) -> None:
    """某县农业农村局 … 县农业农村局, 某市人民检察院 … 市检察院: a unit written with its level word alone is the
    unit of the same name whose place ends in that word, when exactly one of the document's units is; 市委组织部
    next to a county's 县委组织部 stays apart (the level differs), as do two cities' bureaus."""
    for key, members in groups.items():
        if key[:1] not in BARE_LEVEL_PREFIXES or len(key) < 3 or places_of.get(key, "x"):
            continue
        fits = [
            other
            for name, other in groups.items()
            if name == key[1:] and places_of.get(name, "").endswith(key[0]) and len(places_of[name]) > 1
        ]
        if len(fits) != 1:
            continue
        target = max(fits[0], key=lambda m: len(m.extra.get("full_name", m.surface)))
        for m in members:
            m.uid = target.uid
            m.extra["full_name"] = target.extra.get("full_name", target.surface)


def _unify_brand_with_branch(units: list[Mention]) -> None:
    """某某宁夏分公司 … 某某通过基金会捐赠: a company named by its brand and, in the same report, by its branch
    (the brand, a region, 分公司) is one helper; the branch's uid is taken, as it says more."""
    for m in units:
        if len(m.surface) < 2 or m.surface in GENERIC_ORG:
            continue
        branch = next(
            (
                o
                for o in units
                if _BRANCH_RE.fullmatch(o.surface[len(m.surface) :])
                and o.surface.startswith(m.surface)
                and o.uid != m.uid
            ),
            None,
        )
        if branch is not None:
            m.uid = branch.uid
            m.extra["full_name"] = branch.extra.get("full_name", branch.surface)


_BRANCH_RE = re.compile(f"[{CJK}]{{2,6}}?(?:分公司|分行|支行)")


def _unify_level_short_forms(units: list[Mention]) -> None:
    """省公司 / 市分行 in a report that names 某省电力公司 / 某银行某市分行: a company or bank called by its level
    and head alone (`LEVEL_SHORT_FORM_HEADS`) is the one unit of the document whose name holds that level word and
    ends in that head; where several do, it stays apart."""
    for m in units:
        short = _LEVEL_SHORT_RE.fullmatch(m.surface)
        if short is None:
            continue
        level, head = short.group(1), short.group(2)
        fits = {
            o.uid: o
            for o in units
            if o is not m
            and len(o.surface) > len(m.surface)
            and o.surface.endswith(head)
            and level in o.surface[: len(o.surface) - len(head)]
            and _LEVEL_SHORT_RE.fullmatch(o.surface) is None
        }
        if len(fits) == 1:
            full = next(iter(fits.values()))
            m.uid = full.uid
            m.extra["full_name"] = full.extra.get("full_name", full.surface)


_LEVEL_SHORT_RE = re.compile("([省市县区州])(" + "|".join(LEVEL_SHORT_FORM_HEADS) + ")")


def _unify_organs_by_level(units: list[Mention]) -> None:
    """市检察院 / 县档案局 in a report that names 某某市人民检察院 / 某某县档案局: an organ written with its level word
    alone is the one unit of the document written with a place before that level word and the same name after it
    (人民 left out, as 人民检察院 / 人民法院 / 人民政府 are commonly written); two such units leave it alone."""
    for m in units:
        if m.surface[:1] not in _LEVELS or len(m.surface) < 4 or m.extra.get("full_name", m.surface) != m.surface:
            continue
        level, rest = m.surface[0], m.surface[1:]
        fits = {}
        for o in units:
            if o is m or o.surface[:1] in _LEVELS:
                continue
            for written in (rest, "人民" + rest):
                place = o.surface[: len(o.surface) - len(written)]
                if o.surface.endswith(written) and len(place) >= 3 and place.endswith(level):
                    fits[o.uid] = o
        if len(fits) == 1:
            full = next(iter(fits.values()))
            m.uid = full.uid
            m.extra["full_name"] = full.extra.get("full_name", full.surface)


_LEVELS = "省市县区州"


def _is_initials(short: str, full: str) -> bool:
    """``某轻校`` of ``某某轻工业学校``: the short name takes the full one's first character, then some of
    its characters in order, and ends on a character of the full name's ending (校 of 学校, 行 of 银行).

    >>> _is_initials("哈轻校", "哈尔滨轻工业学校"), _is_initials("哈轻校", "哈尔滨市轻工局")
    (True, False)
    """
    if not 2 <= len(short) <= 4 or len(full) < len(short) + 2 or short[0] != full[0] or short[-1] not in full[-2:]:
        return False
    rest = iter(full[1:-1] if short[-1] == full[-1] else full[1:-2])
    return all(ch in rest for ch in short[1:-1])


def _is_abbreviation(short: str, full: str) -> bool:
    """A short form of ``full``: made of its own characters (``_is_initials``), or its name with the
    first part so shortened and the rest as written (中行某省分行 of 中国银行某省分行), or its name less
    the party committee that leads the organ (政法委 of 市委政法委), or its own name after its parent's
    (某省局 of 某总局某省局).

    >>> _is_abbreviation("中行甲省分行", "中国银行甲省分行"), _is_abbreviation("政法委", "市委政法委")
    (True, True)
    >>> _is_abbreviation("甲行乙省分行", "中国银行乙省分行")
    False
    """
    if _is_initials(short, full):
        return True
    if re.fullmatch("(?:省|市|县|区|州)委", full[: len(full) - len(short)]) and full.endswith(short):
        return True
    # A unit named under its parent (某总局某省局, 某集团某分公司), later by its own name alone (某省局).
    parent = full[: len(full) - len(short)]
    if len(short) >= 3 and full.endswith(short) and len(parent) >= 3 and parent.endswith(ORG_SUFFIXES):
        return True
    tail = 0
    while tail < min(len(short), len(full)) and short[-1 - tail] == full[-1 - tail]:
        tail += 1
    # The shared rest is three characters or more; the shortened part keeps two or more.
    return any(
        _is_initials(short[: len(short) - t], head) or _is_initials(short[: len(short) - t], _plain_parent(head))
        for t in range(tail, 2, -1)
        for head in [full[: len(full) - t]]
    )


_COUNTRY_RE = re.compile(PARENT_NAME_DROPPED_IN_SHORT[0])
_COMPANY_FORM_RE = re.compile(PARENT_NAME_DROPPED_IN_SHORT[1])


def _plain_parent(name: str) -> str:
    """中国建设银行股份有限公司 → 建设银行: a parent named in its registered form (with the company form), as
    its short form is made from (建行); a name without the company form is left as written, so 中国某银行 is
    shortened from its first character only.

    >>> _plain_parent("中国建设银行股份有限公司"), _is_abbreviation("建行甲市分行", "中国建设银行股份有限公司甲市分行")
    ('建设银行', True)
    >>> _plain_parent("中国建设银行")
    '中国建设银行'
    """
    if "公司" not in name or not _COMPANY_FORM_RE.search(name):  # the cheap test first: most names hold no 公司
        return name
    return _COUNTRY_RE.sub("", _COMPANY_FORM_RE.sub("", name))


def _unify_abbreviations(units: list[Mention], place_prefix: PlacePrefix = no_place_prefix) -> None:
    """A short form of a unit's name (某轻校, 中行某分行, 政法委) is that unit, when one unit of the
    document fits it; two that fit leave it alone. The short form may leave out the place the full name
    opens with (某山林局 of 某省某山国有林管理局)."""
    names = {m.extra.get("full_name", m.surface): m for m in units}
    # Each name's forms without its place, worked out once: the pairs below are many.
    forms = {name: (_core(name, place_prefix), place_prefix(name)) for name in names}
    for m in units:
        if m.extra.get("full_name", m.surface) != m.surface:
            continue  # already one of a longer name's forms
        short = m.surface
        fits = {
            name: other
            for name, other in names.items()
            # every form of shortening keeps one of the name's last two characters last
            if short[-1:] in name[-2:]
            and (
                _is_abbreviation(short, name)
                or _is_abbreviation(short, forms[name][0])
                or (0 < forms[name][1] < len(name) and _is_initials(short, name[forms[name][1] :]))
            )
        }
        if len(fits) == 1:
            ((name, other),) = fits.items()
            m.uid = other.uid
            m.extra["full_name"] = name


def _place_part(full: str, key: str) -> str:
    """The place a full name starts with (浙江 of 浙江省海港集团); 省 alone names none."""
    prefix = full[: len(full) - len(key)] if full.endswith(key) else full
    return re.sub("(?:省|自治区)$", "", prefix)
