"""Stage 2, administrative places: provinces, cities, districts and towns named in the text, resolved.

The ``Matcher`` finds gazetteer names (an Aho-Corasick automaton built once per index); the
document's region is the districts its names point to most; each district or town mention is then
resolved by the most precise context the text gives — an explicit chain (区 + 镇), a place named
earlier in the sentence, the region, and (districts only) the whole country. Town names misspelt
by sound (曹/漕) and bare stems of towns the text names in full are found last.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from loaders.places import CODE_LENGTH, PlaceIndex, _stem_normal, resolve, sounds_alike_one_off
from loaders.reports.lexicon import BOUNDARY_CHARS, CONJUNCTIONS_BEFORE_LEVEL, ORG_SUFFIXES
from loaders.reports.model import Mention
from loaders.reports.reading import CJK_RE


@dataclass
class Matcher:
    """Aho-Corasick automaton over the names of provinces, cities, districts and towns.

    Villages are not in the automaton (600k short names would match everywhere); they are found
    from their suffixes and checked against the index inside the context the text gives.
    """

    index: PlaceIndex
    automaton: Any
    seconds: float

    @classmethod
    def build(cls, index: PlaceIndex) -> Matcher:
        import ahocorasick

        started = time.perf_counter()
        auto = ahocorasick.Automaton()
        forms: dict[str, set[tuple[str, str]]] = {}
        for level in ("province", "city", "district", "town"):
            keys = index._keys[level]  # noqa: SLF001 - the matcher is the index's companion
            for key in keys["exact"]:
                if len(key) >= 2:
                    forms.setdefault(key, set()).add((level, "exact"))
            for key in keys["alias"]:
                # A street's short form is written with 街 (凌云路街道 → 凌云街); bare it matches anything.
                form = key + "街" if level == "town" and not key.endswith(("乡", "镇", "苏木")) else key
                if len(key) >= 2:
                    forms.setdefault(form, set()).add((level, "alias"))
            if level in ("province", "district"):
                for key in keys["stem"]:
                    if len(key) >= 2:
                        forms.setdefault(key, set()).add((level, "stem"))
            if level == "town":
                # A township made a town (or the other way) is still written with its old level word: 某乡 for
                # the table's 某镇. Resolved by its stem inside the text's context, as other stems are.
                for key in keys["exact"]:
                    other = _OTHER_TOWN_WORD.get(key[-1:])
                    if other is not None and len(key) >= 3:
                        forms.setdefault(key[:-1] + other, set()).add((level, "stem"))
                    if key.endswith(STREET_WORD) and len(key) >= len(STREET_WORD) + 2:
                        # A town made a street since (撤镇设街道) is written as it was in older reports: 某镇 or
                        # 某乡 for the table's 某街道, resolved by the stem inside the text's context.
                        for word in FORMER_TOWN_WORDS:
                            forms.setdefault(key[: -len(STREET_WORD)] + word, set()).add((level, "stem"))
        for key, tags in forms.items():
            auto.add_word(key, (key, tuple(sorted(tags))))
        auto.make_automaton()
        return cls(index, auto, time.perf_counter() - started)

    def scan(self, text: str) -> list[tuple[int, int, str, tuple[tuple[str, str], ...]]]:
        """Leftmost-longest, non-overlapping matches: (start, end, key, ((level, tier), …))."""
        found = [(end + 1 - len(key), end + 1, key, tags) for end, (key, tags) in self.automaton.iter(text)]
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[tuple[int, int, str, tuple[tuple[str, str], ...]]] = []
        last_end = -1
        for m in found:
            if m[0] >= last_end:
                out.append(m)
                last_end = m[1]
            elif out and m[0] == out[-1][0] and m[1] > out[-1][1]:
                out[-1] = m
                last_end = m[1]
        return out


def admin_mentions(matcher: Matcher, text: str) -> list[Mention]:
    """Every gazetteer name in the text, its level chosen from the levels the name has (unresolved)."""
    out: list[Mention] = []
    for start, end, key, tags in matcher.scan(text):
        levels = {lv for lv, _ in tags}
        tiers = {t for _, t in tags}
        level = min(levels, key=lambda lv: -CODE_LENGTH[lv]) if len(levels) > 1 else next(iter(levels))
        # A name that is also a town and a district (or city) is read as the broader unit
        # unless it carries the town's own suffix.
        if "district" in levels and level == "town" and not key.endswith(("镇", "乡", "街道")):
            level = "district"
        method = "gazetteer_" + ("exact" if "exact" in tiers else "alias" if "alias" in tiers else "stem")
        if method == "gazetteer_stem" and _starts_village_name(matcher.index, text, start, end):
            continue
        out.append(Mention(level, start, end, key, method, 0.0, extra={"levels": sorted(levels)}))
    out = drop_conjunction_and_level(text, out)
    return drop_units_named_like_towns(matcher.index, text, drop_tails_of_short_forms(text, out))


def drop_conjunction_and_level(text: str, admin: list[Mention]) -> list[Mention]:
    """某县委统战部和县工商联: a county whose name is a conjunction and a level word (和县) read right after a unit's
    ending and before more name is the conjunction and the next unit's level word, not that county."""
    return [
        m
        for m in admin
        if not (
            m.kind == "district"
            and len(m.surface) == 2
            and m.surface[0] in CONJUNCTIONS_BEFORE_LEVEL
            and text.endswith(ORG_SUFFIXES, 0, m.start)
            and CJK_RE.match(text[m.end : m.end + 1] or " ")
        )
    ]


# The level characters a unit's name may start with (县林业局, 市社会事务局).
_ADMIN_PREFIX_CHARS = "省市县区州旗盟"
# Endings a town's own name has, never a unit's (a town called 某某街道 is a town).
_TOWN_WORDS = ("镇", "乡", "街道", "苏木", "办事处")


def drop_units_named_like_towns(index: PlaceIndex, text: str, admin: list[Mention]) -> list[Mention]:
    """The table holds a few towns named like organs (a forestry bureau, a development zone's committee:
    林业局, 社会事务局, 某开发区管委会). Written after a place that does not hold that town (某县林业局) or
    after a bare level character (县林业局), such a name is that place's unit, left to the unit rules."""
    out: list[Mention] = []
    prev: Mention | None = None
    for m in admin:
        unit_like = (
            m.kind == "town"
            and not m.surface.endswith(_TOWN_WORDS)
            and any(m.surface.endswith(head) for head in ORG_SUFFIXES)
        )
        if unit_like:
            if prev is not None and prev.end == m.start and prev.kind in ("province", "city", "district"):
                owners = [p.code for p in index.lookup(prev.surface, prev.kind)]
                towns = index.lookup(m.surface, "town")
                if not any(t.code.startswith(o) for t in towns for o in owners):
                    prev = m
                    continue
            elif m.start > 0 and text[m.start - 1] in _ADMIN_PREFIX_CHARS:
                prev = m
                continue
        out.append(m)
        prev = m
    return out


def drop_tails_of_short_forms(text: str, admin: list[Mention]) -> list[Mention]:
    """丰宁县 for 丰宁满族自治县: a county written by its short form holds another county's full name at its
    end (宁县). That tail is dropped when the characters before it start the full name of a district the
    document names: they are the short form's first part, not a word before a place."""
    districts = {m.surface for m in admin if m.kind == "district"}
    out = []
    for m in admin:
        cut = m.kind == "district" and any(
            m.start - k >= 0
            and CJK_CHAR_RE.match(text[m.start - k])
            and any(
                full != m.surface and len(full) > len(m.surface) and full.startswith(text[m.start - k : m.end - 1])
                for full in districts
            )
            for k in (1, 2)
        )
        if not cut:
            out.append(m)
    return out


CJK_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")
# The level word a town had before a township became a town (乡 → 镇), or the other way.
_OTHER_TOWN_WORD = {"镇": "乡", "乡": "镇"}
# The level word of a street (某街道), and the words the same place went by as a town before it became one.
STREET_WORD = "街道"
FORMER_TOWN_WORDS = ("镇", "乡")


_VILLAGE_AFTER_STEM_RE = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:村|社区|居委会|嘎查|牧委会)")


def address_starts(places: Iterable[Mention]) -> dict[int, int]:
    """For each place, where it ends → where it starts: what ``address_start`` walks back over."""
    starts: dict[int, int] = {}
    for p in places:
        starts.setdefault(p.end, p.start)
    return starts


def address_start(starts: dict[int, int], pos: int) -> int:
    """Where the address ending at ``pos`` begins: back over the places written one right after another
    before it (某市某区某镇 before 某村), ``starts`` from ``address_starts``."""
    while pos in starts and starts[pos] < pos:
        pos = starts[pos]
    return pos


def _starts_village_name(index: PlaceIndex, text: str, start: int, end: int) -> bool:
    """惠安堡村: a county's short name (惠安) that begins a village name the table has is that village's."""
    match = _VILLAGE_AFTER_STEM_RE.match(text, end)
    return match is not None and bool(index.lookup(text[start : match.end()], "village"))


def _inside_village_name(index: PlaceIndex, text: str, start: int, end: int) -> bool:
    """白杨滩村, 巴斯某某东村: a town's short name at the start or inside a village name the table has."""
    match = _VILLAGE_AFTER_STEM_RE.match(text, end)
    if match is None:
        return False
    return any(
        all(CJK_CHAR_RE.match(ch) and ch not in BOUNDARY_CHARS for ch in text[begin:start])
        and bool(index.lookup(text[begin : match.end()], "village"))
        for begin in range(start, max(start - 4, 0) - 1, -1)
    )


def document_region(index: PlaceIndex, text: str, admin: list[Mention]) -> list[str]:
    """The districts a document is about: the ones its place names point to most."""
    votes: defaultdict[str, float] = defaultdict(float)  # a name shared by districts splits its vote
    title_end = text.find("\n", 1) if "\n" in text[1:] else min(len(text), 80)
    for m in admin:
        weight = 3 if m.start < max(title_end, 80) else 1
        if m.kind == "district":
            if m.method == "gazetteer_stem":
                continue
            cands = index.lookup(m.surface, "district")
            if len(cands) == 1:
                votes[cands[0].code] += weight
            elif 1 < len(cands) <= 3:
                for c in cands:
                    votes[c.code] += weight / len(cands)
        elif m.kind == "town":
            cands = index.lookup(m.surface, "town")
            if len(cands) == 1:
                votes[cands[0].code[:6]] += weight * 0.5
    if not votes:
        return []
    top = sorted(votes.items(), key=lambda item: item[1], reverse=True)  # as Counter.most_common, ties in order
    best = top[0][1]
    return [code for code, v in top if v >= max(1.0, best / 3)][:4]


def named_cities(index: PlaceIndex, admin: list[Mention]) -> list[str]:
    """The codes of the cities a document names by a name no other city has, in the order first named."""
    codes: list[str] = []
    for m in admin:
        if m.kind == "city":
            cands = index.lookup(m.surface, "city")
            if len(cands) == 1 and cands[0].code not in codes:
                codes.append(cands[0].code)
    return codes


def resolve_admin(
    index: PlaceIndex,
    m: Mention,
    prev: Mention | None,
    sentence_places: list[Mention],
    region: list[str],
    cities: Sequence[str] = (),
) -> None:
    """Resolve a district or town mention: chain, then nearby, then region, then the cities the document
    names (``cities``: a report about one city often names its towns without their county); drop namesakes."""
    if m.kind not in ("district", "town"):
        lvl_cands = index.lookup(m.surface, m.kind)
        if len(lvl_cands) == 1:
            m.place, m.confidence = lvl_cands[0], 0.9
        return
    contexts: list[tuple[str, dict[str, str]]] = []
    chained = prev is not None and prev.end == m.start and prev.place is not None
    if chained and prev is not None and prev.place is not None:
        contexts.append(("chain", {prev.kind: prev.place.code}))
    for p in reversed(sentence_places):
        if p.place is not None and CODE_LENGTH[p.kind] < CODE_LENGTH[m.kind] and p is not prev:
            contexts.append(("nearby", {p.kind: p.place.code}))
            break
    if not chained and prev is not None and prev.place is not None and prev in sentence_places:
        if CODE_LENGTH[prev.kind] < CODE_LENGTH[m.kind]:
            # The place named last, with words between the two (某市某局与某镇): nearby as well.
            contexts.append(("nearby", {prev.kind: prev.place.code}))
    for code in region:
        contexts.append(("region", {"district": code} if m.kind == "town" else {"city": code[:4]}))
    for code in cities:
        contexts.append(("document_city", {"city": code}))
    if m.kind == "district":
        contexts.append(("national", {}))
    for how, ctx in contexts:
        res = resolve(index, m.surface, m.kind, **ctx)  # type: ignore[arg-type]
        if res.status == "resolved" and res.place is not None:
            if m.method == "gazetteer_stem" and how == "national":
                continue
            m.place, m.resolution = res.place, res
            m.confidence = res.confidence
            m.method = f"{m.method}+{how}"
            return


def town_misspellings(index: PlaceIndex, text: str, admin: list[Mention], region: list[str]) -> list[Mention]:
    """Town names not in the code table but sounding like a town of the region (曹/漕)."""
    taken = [(m.start, m.end) for m in admin]
    out: list[Mention] = []
    for match in re.finditer(r"镇|乡|街道", text):
        end = match.end()
        for length in (3, 4):
            start = end - length
            if start < 0 or any(s < end and start < e for s, e in taken):
                continue
            surface = text[start:end]
            if not all(CJK_RE.match(c) for c in surface) or any(c in BOUNDARY_CHARS for c in surface):
                continue
            for code in region:
                res = resolve(index, surface, "town", district=code)
                if res.status == "resolved" and res.fuzzy and res.place is not None:
                    out.append(
                        Mention(
                            "town",
                            start,
                            end,
                            surface,
                            "gazetteer_fuzzy_pinyin+region",
                            res.confidence,
                            place=res.place,
                            resolution=res,
                        )
                    )
                    taken.append((start, end))
                    break
            else:
                continue
            break
    # The bare stem of a region town (来漕泾开展, 曹泾区域) when its full name is used elsewhere.
    named = {m.place.code for m in admin + out if m.place is not None and m.kind == "town"}
    for code in named:
        place = index.get(code)
        if place is None:
            continue
        stem_ = _stem_normal(place.name, "town")
        if len(stem_) < 2 or stem_ == place.name:
            continue
        # Only spans that keep all but one character of the stem can sound like it.
        near = "|".join(re.escape(stem_[:i]) + "." + re.escape(stem_[i + 1 :]) for i in range(len(stem_)))
        for match in re.finditer(f"(?=({near}))", text):
            start = match.start()
            surface = match.group(1)
            if surface != stem_ and not sounds_alike_one_off(surface, stem_):
                continue
            end = start + len(stem_)
            if any(s < end and start < e for s, e in taken):
                continue
            if text.startswith(("村", "社区", "居委", "嘎查", "牧委会"), end) or _inside_village_name(
                index, text, start, end
            ):
                continue  # 福田河村, 白杨滩村: the stem is part of a village's name here
            fuzzy = surface != stem_
            out.append(
                Mention(
                    "town",
                    start,
                    end,
                    surface,
                    "town_stem_fuzzy_pinyin" if fuzzy else "town_stem",
                    0.6 if fuzzy else 0.8,
                    place=place,
                )
            )
            taken.append((start, end))
    return out
