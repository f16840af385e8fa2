"""Stage 3, villages: village and community names, resolved inside the context the text gives.

Villages are not in the matcher (600,000 short names would match everywhere): a mention starts at a
village ending (村, 社区, 居委会…), its left edge is found from boundary characters and verbs, and
the name is looked up under a chain (镇 + 村), a town or district named earlier in the sentence, or
the document's region. A name the code table lacks, or one with several candidates, becomes an
unresolved village with its candidates, never a code. Review decisions (mention key → code) a
person recorded override the lookup.

Also: numbered villages whose prefix is left out (梅陇三村、六村), villages listed without 村
(A、B两个村), and a town's stem written right before its own village (航头长达村).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from loaders.places import ETHNIC_VILLAGE_RE, PlaceIndex, Resolution, _stem_normal, resolve
from loaders.reports.lexicon import (
    ASPECT_PARTICLES,
    BOUNDARY_CHARS,
    CJK,
    GENERIC_VILLAGE_CHARS,
    GENERIC_VILLAGE_WORDS,
    LEFT_VERBS,
    NOT_VILLAGE_AFTER_CUN,
    NUMERALS,
    PAIRED_CLAUSE_WORDS,
    POSTS_AFTER_STATIONED,
    SENDING_VERBS,
    STATION_WORDS_BEFORE_VILLAGE,
    STATIONED_IN_VILLAGE,
    UNLISTED_VILLAGE_FOLLOWERS,
    URBAN_COMMUNITY_ENDINGS,
    VILLAGE_ACTION_WORDS,
    VILLAGE_ENDINGS,
    VILLAGE_LIST_COUNTS,
    VILLAGE_NAME_FILLERS,
    VILLAGE_REFERENCES,
)
from loaders.reports.model import Mention, Sentence
from loaders.reports.reading import CJK_RE, left_limit
from loaders.units import name_key

GENERIC_VILLAGE_RE = re.compile(r"^(?:[" + GENERIC_VILLAGE_CHARS + r"\d]|" + "|".join(GENERIC_VILLAGE_WORDS) + ")+村$")
# What stands before a description of a village (一个偏远的小山村, 这个美丽的村), not before its name.
DESCRIBED_RE = re.compile(r"(?:一个|一座|这个|那个|这座|每个|各个)[^，,。、；;]{0,6}$")
# The rest of a clause that joins a village to its partner and pairs them (与某公司签订结对协议).
_PAIRED_CLAUSE_RE = re.compile("[与和同跟][^，,。；;！!？?\n]{2,20}?(?:" + "|".join(PAIRED_CLAUSE_WORDS) + ")")
# The same words inside a name the table lacks (一个小村, 所有村): a description, not a name.
DESCRIBED_NAME_RE = re.compile(r"(?:一个|一座|这个|那个|这座|每个|各个|所有|一些)|.*所有")
# Function characters that also start village names (同发村, 和平村, 向阳村, 为民村).
NAME_FUNCTION_STARTS = frozenset("和同向为与")
# The longest village name tried at every start (村 included), and the longest tried at its clear left edge only
# (transliterated names of the west: 阿克吐尔洪托格拉克村).
VILLAGE_NAME_MAX = 9
LONG_VILLAGE_NAME_MAX = 16
_COMPANY_AFTER_REGIMENT_RE = re.compile(r"[一二三四五六七八九十\d]{1,3}连(?![续接同片线环])")
_COMPANY_END_RE = re.compile(r"(?<![一二三四五六七八九十\d])[一二三四五六七八九十\d]{1,3}连$")
# A numbered village (某乡7村, the west's villages often go by their number): digits, then 村.
_NUMBERED_END_RE = re.compile(r"(?<!\d)\d{1,2}村$")
VILLAGE_END_RE = re.compile("村(?!" + "|".join(NOT_VILLAGE_AFTER_CUN) + ")|" + "|".join(VILLAGE_ENDINGS))
# A list of names without 村, then the word that makes them villages: 甲、乙两村, 甲和乙两个村, 甲、乙等3个村, 甲、乙等村.
_LIST_VILLAGES_RE = re.compile(
    f"((?:[{CJK}]{{2,4}}[、和及与])+[{CJK}]{{2,4}}?)(?:等?("
    + "|".join(VILLAGE_LIST_COUNTS)
    + "|\\d+)个?|等)(?:行政)?村"
)
# The count first, then the list after a colon: 结对的行政村共三个：甲坪、乙沟和丙湾.
_COUNT_THEN_VILLAGES_RE = re.compile(
    "村共?(?:有)?(?:"
    + "|".join(VILLAGE_LIST_COUNTS)
    + f"|\\d+)个?[：:]((?:[{CJK}]{{2,4}}[、和及])+[{CJK}]{{2,4}})(?=[，,。；;！!？?\\n]|$)"
)
# Names listed right after their town without 村 (某乡甲山、乙沟、丙湾6个帮扶村): three or more, the last
# ending the run of name characters (a count, 等 or punctuation follows).
_LIST_AFTER_TOWN_RE = re.compile(f"(?:[{CJK}]{{2,4}}、){{2,}}[{CJK}]{{2,4}}(?=等|[^{CJK}]|$)")
# How many of such a list must be the town's villages (exactly, as 某村) before any is taken as one.
LIST_AFTER_TOWN_MIN_FOUND = 2


class VillageFinder:
    """Finds the villages of one document; holds the index and the recorded review decisions."""

    def __init__(
        self,
        index: PlaceIndex,
        decisions: dict[str, str | None],
        ambiguous_towns: list[list[str]] | None = None,
        named_districts: list[str] | None = None,
    ) -> None:
        self.index = index
        self.decisions = decisions
        # Every district the document names (or names a town of), for villages outside its region.
        self.named_districts = named_districts or []
        # Codes of the towns a town name of the document could be (周庄镇 names several), those in
        # the document's provinces first: a village found under exactly one of them settles both.
        self.ambiguous_towns = ambiguous_towns or []
        # …and their names, to know a village written right after one (某乡某村 where 某乡 was not placed).
        self.ambiguous_town_names = tuple(
            sorted({p.name for tier in self.ambiguous_towns for c in tier if (p := index.get(c)) is not None})
        )

    def _village_candidates(self, text: str, admin_ends: dict[int, Mention]) -> Iterator[tuple[int, int]]:
        """(start, end) of every village ending (村, 社区, 居委会…) in the text, and of a 兵团 company (三连)
        right after its regiment (一五二团三连): 连 alone is too common a character to end a name elsewhere."""
        found = [(m.start(), m.end()) for m in VILLAGE_END_RE.finditer(text)]
        for match in _COMPANY_AFTER_REGIMENT_RE.finditer(text):
            town = admin_ends.get(match.start())
            if town is not None and town.place is not None and town.place.name.startswith("兵团"):
                found.append((match.end() - 1, match.end()))
        yield from sorted(found)

    def _resolve_village(
        self,
        surface: str,
        contexts: list[tuple[str, dict[str, str], bool]],
        fuzzy: bool = True,
        listed_after_town: bool = False,
    ) -> tuple[Resolution | None, str, dict[str, str]]:
        """Try contexts in order; a strict context (a chain) is not left for a broader one.
        ``listed_after_town``: the name follows, in a list, a village chained to the sentence's town."""
        last: tuple[Resolution | None, str, dict[str, str]] = (None, "", {})
        if surface.endswith("行政村") and len(surface) > 4:
            surface = surface[:-3] + "村"  # 阜康行政村: the table names the village 阜康村
        town_district: str | None = None
        for how, ctx, strict in contexts:
            if how == "region_others":
                res, ctx = self._in_exactly_one(surface, ctx["districts"].split(","))
                if res is not None:
                    return res, how, ctx
                continue
            res = _village_as_community_needs_town(
                surface, resolve(self.index, surface, "village", fuzzy=fuzzy, **ctx), ctx
            )
            if res.status == "resolved" and town_district is not None and res.place is not None:
                if not res.place.code.startswith(town_district):
                    # Placed in a town that lacks it: a namesake beyond the town's district is only a
                    # candidate, left for review, never the village's code.
                    res = dataclasses.replace(
                        res,
                        status="ambiguous",
                        place=None,
                        reason=f"not under the town the sentence names; a namesake in {res.place.code[:6]}",
                    )
            if res.status != "unknown":
                return res, how, ctx
            if how == "nearby" and "town" in ctx and listed_after_town:
                # Listed after a village of that town (甲镇乙村、丙村), the village was put in the town, which
                # has no such name: a same-sounding name elsewhere in the district, or a namesake in
                # another county, is another village, not this one; only the exact name in the town's own
                # district may still be it.
                fuzzy = False
                town_district = ctx["town"][:6]
            if last[0] is None:
                last = (res, how, ctx)
            if strict:
                return res, how, ctx
        return last

    def mentions(self, text: str, sents: list[Sentence], admin: list[Mention], region: list[str]) -> list[Mention]:
        admin_by_end = {m.end: m for m in admin if m.place is not None}
        admin_spans = [(m.start, m.end) for m in admin]
        out: list[Mention] = []
        named_here: dict[str, tuple[Resolution, str, dict[str, str]]] = {}
        # Names placed under their town (某镇某村) that the table lacks there: the same village later on.
        missing_here: dict[str, Mention] = {}
        res: Resolution | None
        sent_idx = 0
        # Where a list goes on after a numbered village (某乡7村、9村): the next item is of the same town.
        numbered_next: dict[int, Mention] = {}
        numbered_seen: dict[str, Mention] = {}
        for _vend_start, end in self._village_candidates(text, admin_by_end):
            while sent_idx < len(sents) - 1 and sents[sent_idx].end <= _vend_start:
                sent_idx += 1
            if text[end - 2 : end] in STATIONED_IN_VILLAGE and text.startswith(POSTS_AFTER_STATIONED, end):
                continue  # 新任驻村第一书记: the verb "stationed", not a village's name
            sent = sents[sent_idx] if sents else Sentence(0, len(text))
            if any(s < end and _vend_start < e for s, e in admin_spans):
                continue
            floor = max([e for s, e in admin_spans if e <= _vend_start] + [sent.start])
            left = left_limit(text, end, floor, VILLAGE_NAME_MAX)
            # 同发村, 和平村, 向阳村: a name may start with a character that is a function word
            # elsewhere; such a longer name is tried first, exactly (it must be in the table).
            first = left - 1 if left - 1 >= floor and text[left - 1 : left] in NAME_FUNCTION_STARTS else left
            # Context: chain (a town ending right where the name may start), nearby, region.
            best: Mention | None = None
            if DESCRIBED_RE.search(text, max(sent.start, left - 10), left):
                continue  # 是一个偏远的小山村: a description of a village, not its name
            for start in self._wider_starts(text, floor, first, end, admin_by_end, named_here) + list(
                range(first, end - 2)
            ):
                surface = text[start:end]
                if surface in missing_here and admin_by_end.get(start) is None:
                    # Named under its town and missing from the table there, the village said again alone
                    # is that one still: never a namesake the wider region happens to have.
                    best = dataclasses.replace(
                        missing_here[surface], start=start, end=end, extra=dict(missing_here[surface].extra)
                    )
                    break
                # 三个村, 各联村 read as words; 三联村, 五一村 are also names. Such a surface is taken only
                # as a village its own town has, the town named right before it or earlier in the sentence.
                generic = GENERIC_VILLAGE_RE.match(surface) is not None
                if surface in named_here and admin_by_end.get(start) is None:
                    # One sense per document: a name resolved once stands for that village throughout.
                    res, how, ctx = named_here[surface]
                    how = "same_name_in_document"
                    other = self._namesake_under_town_before(surface, start, sent, admin, res)
                    if other is not None:
                        res, how, ctx = other
                    best = self._village_mention(surface, start, end, res, how, ctx)
                    break
                contexts = self._village_contexts(start, sent, admin, region)
                if generic:
                    contexts = [c for c in contexts if c[0] == "chain" or (c[0] == "nearby" and "town" in c[1])]
                    sibling = _resolved_list_sibling(text, start, out)
                    if sibling is not None:
                        # 甲村、三多村、乙村: listed right after a village the table placed, the name is
                        # looked for in that village's town (exactly, as every such name is).
                        contexts.append(("list_sibling", {"town": sibling[:9]}, False))
                    if not contexts:
                        continue
                if start < first:
                    # A name holding a function character (色也克村, 琼让村) only right after its own town
                    # or county.
                    contexts = [c for c in contexts if c[0] == "chain"]
                    if not contexts:
                        continue
                if start != left:
                    # Only a name whose left edge is clear may be looked up beyond the district.
                    contexts = [c for c in contexts if c[0] not in ("region_all", "region_others")]
                    town_before = admin_by_end.get(left)
                    if town_before is not None and town_before.kind == "town" and town_before.place is not None:
                        # 某乡甲乙村委会: after its town the name starts at the town's end; a part of it (乙村) is
                        # looked up in that town only, never in the county's other towns.
                        contexts = [("nearby", {"town": town_before.place.code}, True)]
                # Same-sound matching only for the name with a clear left edge: trying it on every
                # substring would be slow and would find look-alikes inside ordinary words.
                res, how, ctx = self._resolve_village(
                    surface,
                    contexts,
                    fuzzy=start == left,
                    listed_after_town=_listed_after_town(text, start, sent, admin),
                )
                if (start < left or generic) and (res is None or res.status != "resolved" or res.fuzzy):
                    continue  # the function character joins the name only when the table has that name
                right_after_town = bool(self.ambiguous_town_names) and text.endswith(
                    self.ambiguous_town_names, max(0, start - 12), start
                )
                if (res is None or res.status == "unknown") and (start == left or right_after_town):
                    # the clear left edge, or a town the document's region does not hold right before it
                    res, how, ctx = self._under_ambiguous_town(surface, res, how, ctx)
                if res is None or res.status == "unknown":
                    continue
                best = self._village_mention(surface, start, end, res, how, ctx)
                if res.status == "resolved" and not res.fuzzy:
                    named_here.setdefault(surface, (res, how, ctx))
                break
            if best is None and end - left >= VILLAGE_NAME_MAX and left > floor:
                # 阿克吐尔洪托格拉克村: a transliterated name longer than the usual limit, taken only as the
                # exact name the table has in the text's own context, its left edge a clear boundary
                best = self._long_name(text, floor, end, sent, admin, region)
            if best is None and end - 2 >= left and end - 2 in admin_by_end:
                best = self._short_name_after_town(text, end - 2, end, admin_by_end[end - 2])
            company = _COMPANY_END_RE.search(text, max(0, end - 4), end) if text[end - 1] == "连" else None
            if best is None and company is not None and company.start() in admin_by_end:
                # 152团11连: digits are no name characters, so the company is read from its regiment's end
                best = self._short_name_after_town(text, company.start(), end, admin_by_end[company.start()])
            numbered = _NUMBERED_END_RE.search(text, max(0, end - 3), end) if text[end - 1] == "村" else None
            if best is None and numbered is not None:
                town = admin_by_end.get(numbered.start()) or numbered_next.get(numbered.start())
                if town is not None:
                    best = self._numbered_village(text, numbered.start(), end, town)
                    if best is not None and text[end : end + 1] in ("、", "和", "及"):
                        numbered_next[end + 1] = town
                    if best is not None:
                        numbered_seen.setdefault(best.surface, best)
                elif text[numbered.start() : end] in numbered_seen:
                    # 兼7村第一书记: the number the document placed under its town before is that village still
                    seen = numbered_seen[text[numbered.start() : end]]
                    best = dataclasses.replace(seen, start=numbered.start(), end=end, extra=dict(seen.extra))
            if best is None:
                best = self._unknown_village(text, left, end, sent, admin, admin_by_end, region, out)
                if (
                    best is not None
                    and best.place is None
                    and best.method.endswith("+chain")
                    and not text.startswith(VILLAGE_ENDINGS, best.end)  # 某村社区: the name goes on
                ):
                    missing_here.setdefault(best.surface, best)
            if best is not None and best.surface.startswith(VILLAGE_REFERENCES):
                best = None  # 该村村委会: the village pointed at and its committee, left to the references
            if best is not None:
                out.append(best)
                admin_spans.append((best.start, best.end))
        return out

    @staticmethod
    def _wider_starts(
        text: str,
        floor: int,
        first: int,
        end: int,
        admin_by_end: dict[int, Mention],
        named_here: dict[str, tuple[Resolution, str, dict[str, str]]],
    ) -> list[int]:
        """Starts left of the boundary characters for names that hold one: transliterated names of the
        west use 也, 让, 和, 都, 以 … as sounds (色也克村). Taken right after a town or county (then looked up
        there only, exactly), or where the document already resolved that name after one."""
        if first <= floor:
            return []
        if end - floor <= 10 and floor in admin_by_end and admin_by_end[floor].kind in ("town", "district"):
            if all(CJK_RE.match(ch) for ch in text[floor:end]):
                return [floor]
        wider = range(max(floor, end - 10), first)
        return [s for s in wider if text[s:end] in named_here and all(CJK_RE.match(ch) for ch in text[s:end])][:1]

    def _namesake_under_town_before(
        self, surface: str, start: int, sent: Sentence, admin: list[Mention], first: Resolution
    ) -> tuple[Resolution, str, dict[str, str]] | None:
        """甲镇普照村与乙镇的普照村结盟: a name the document resolved once is another village of that name
        when the sentence names another town before it that has exactly one village of that name."""
        towns = [m for m in admin if sent.start <= m.end <= start and m.kind == "town" and m.place is not None]
        if not towns or first.place is None or first.place.parent_code == towns[-1].place.code:  # type: ignore[union-attr]
            return None
        ctx = {"town": towns[-1].place.code}  # type: ignore[union-attr]
        res = resolve(self.index, surface, "village", fuzzy=False, **ctx)
        if res.status != "resolved" or res.place is None or res.place.code == first.place.code:
            return None
        return res, "nearby", ctx

    def _in_exactly_one(self, surface: str, districts: list[str]) -> tuple[Resolution | None, dict[str, str]]:
        """The village resolved exactly (no same-sound guess) under exactly one of ``districts``."""
        found = [
            (res, code)
            for code in districts
            if (
                res := _village_as_community_needs_town(
                    surface, resolve(self.index, surface, "village", fuzzy=False, district=code), {"district": code}
                )
            ).status
            == "resolved"
        ]
        if len(found) != 1:
            return None, {}
        res, code = found[0]
        return Resolution(res.status, res.place, res.candidates, res.method, min(res.confidence, 0.65), res.reason), {
            "district": code
        }

    def _under_ambiguous_town(
        self, surface: str, res: Resolution | None, how: str, ctx: dict[str, str]
    ) -> tuple[Resolution | None, str, dict[str, str]]:
        """The village under exactly one of the towns an ambiguous town name of the document may be."""
        for tier in self.ambiguous_towns:
            found = []
            for code in tier:
                candidate = resolve(self.index, surface, "village", fuzzy=False, town=code)
                if candidate.status == "resolved":
                    found.append((candidate, code))
            if len(found) == 1:
                candidate, code = found[0]
                return candidate, "ambiguous_town_settled", {"town": code}
            if found:
                break  # several towns of that name have the village: it stays unresolved
        return res, how, ctx

    def _long_name(
        self, text: str, floor: int, end: int, sent: Sentence, admin: list[Mention], region: list[str]
    ) -> Mention | None:
        """A village name longer than ``VILLAGE_NAME_MAX`` (up to ``LONG_VILLAGE_NAME_MAX``): only the name
        that starts at the clear left edge, exactly as the table has it (no same-sound match) in the text's
        context, as a name with a clear edge is looked up."""
        left = left_limit(text, end, floor, LONG_VILLAGE_NAME_MAX)
        if end - left <= VILLAGE_NAME_MAX or (left > floor and end - left >= LONG_VILLAGE_NAME_MAX):
            return None
        surface = text[left:end]
        res, how, ctx = self._resolve_village(surface, self._village_contexts(left, sent, admin, region), fuzzy=False)
        if res is None or res.status != "resolved":
            return None
        return self._village_mention(surface, left, end, res, how, ctx)

    def _short_name_after_town(self, text: str, start: int, end: int, town: Mention) -> Mention | None:
        """卫庄镇下村: a one-character name is a village only right after its town, and only if the table has it."""
        if town.kind != "town" or town.place is None:
            return None
        surface = text[start:end]
        ctx = {"town": town.place.code}
        res = resolve(self.index, surface, "village", fuzzy=False, **ctx)
        if res.status != "resolved":
            return None
        return self._village_mention(surface, start, end, res, "chain", ctx)

    def _numbered_village(self, text: str, start: int, end: int, town: Mention) -> Mention | None:
        """某乡7村、9村: a numbered village right after its town (or listed after one of that town's numbered
        villages) is that town's village; the table names it otherwise, so it stays unresolved for review
        unless the table has the number as its name."""
        if town.kind != "town" or town.place is None:
            return None
        found = self._short_name_after_town(text, start, end, town)
        if found is not None:
            return found
        ctx = {"town": town.place.code}
        res = Resolution("unknown", None, (), "numbered", 0.0, "a numbered village; the table names it otherwise")
        return self._village_mention(text[start:end], start, end, res, "chain", ctx)

    def _village_contexts(
        self, start: int, sent: Sentence, admin: list[Mention], region: list[str]
    ) -> list[tuple[str, dict[str, str], bool]]:
        contexts: list[tuple[str, dict[str, str], bool]] = []
        chain = next((m for m in admin if m.end == start and m.place is not None), None)
        if chain is not None:
            contexts.append(("chain", {chain.kind: chain.place.code}, True))  # type: ignore[union-attr]
            return contexts
        nearby = [
            m for m in admin if sent.start <= m.end <= start and m.place is not None and m.kind in ("town", "district")
        ]
        if nearby:
            m = nearby[-1]
            contexts.append(("nearby", {m.kind: m.place.code}, False))  # type: ignore[union-attr]
        if region:
            contexts.extend(("region", {"district": code}, False) for code in region[:1])
            contexts.append(("region_all", {"city": region[0][:4]}, False))
            others = [code for code in self.named_districts if code != region[0]]
            if others:
                # The document's other districts (东西部协作: the helper's district is named most, the
                # village's county less): taken only where exactly one of them has the name.
                contexts.append(("region_others", {"districts": ",".join(others)}, False))
        return contexts

    def _village_mention(
        self, surface: str, start: int, end: int, res: Resolution, how: str, ctx: dict[str, str]
    ) -> Mention:
        scope = next(iter(ctx.values()), "")
        key = f"{surface}@{scope}"
        if key in self.decisions:
            decided = self.decisions[key]
            place = self.index.get(decided) if decided else None
            res = Resolution(
                "resolved" if place else "unknown",
                place,
                (place,) if place else (),
                "review_decision",
                1.0,
                "decided by a person",
            )
        m = Mention(
            "village",
            start,
            end,
            surface,
            f"village_{res.method}+{how}",
            res.confidence,
            place=res.place,
            resolution=res,
            extra={"review_key": key, "scope": scope},
        )
        if res.status == "resolved" and res.place is not None:
            m.uid = res.place.code
            if how in ("region_all", "region_others") and m.confidence > 0.65:
                m.confidence = 0.65  # only the city was known: worth a look
        else:
            m.uid = f"village:{scope}:{name_key(surface)}"
            m.confidence = 0.5 if res.status == "ambiguous" else 0.4
        return m

    def _unknown_village(
        self,
        text: str,
        left: int,
        end: int,
        sent: Sentence,
        admin: list[Mention],
        admin_by_end: dict[int, Mention],
        region: list[str],
        found: list[Mention] | None = None,
    ) -> Mention | None:
        """A village name the code table lacks: only taken when its boundaries are clear."""
        suffix_len = 1 if text[end - 1] == "村" else 2 if text[end - 2 : end] in ("社区", "嘎查") else 3
        name_start = left
        # 某局驻甲村工作队: the unit, the word that stations it and the village run together; the name starts
        # after the station word when what follows it is a name's length.
        station = max(text.rfind(word, left, end - suffix_len) + len(word) for word in STATION_WORDS_BEFORE_VILLAGE)
        after_station = station > left and end - suffix_len - station >= 2
        if after_station:
            name_start = station
        if end - suffix_len - name_start < 2:
            return None
        surface = text[name_start:end]
        sibling_town = _town_of_list_sibling(text, name_start, sent, admin, found or [])
        if end - suffix_len - name_start > 4:
            # A longer name the table lacks is kept only right after its town, as one of the town's villages
            # spelt one character off (a transliteration: 阿某格某村 for the table's 阿某克某村).
            return self._respelt_after_town(surface, name_start, end, admin_by_end.get(name_start))
        if GENERIC_VILLAGE_RE.match(surface) or surface.endswith(("村委会", "居委会")) and len(surface) < 4:
            return None
        if surface.startswith(SENDING_VERBS) or surface.endswith(VILLAGE_ACTION_WORDS):
            # 向某镇派出新农村建设工作队, 某检察院驻村干警: a verb of sending or stationing makes no name the table lacks
            return None
        # Names in quotes are slogans (“结对百镇千村”); admin words inside are not a village name.
        if text[name_start - 1 : name_start] in '“"‘' or re.search("[镇乡区县市省]", surface[:-suffix_len]):
            return None
        chain = admin_by_end.get(name_start)
        followed = text[end : end + 3]
        after_verb = text[name_start - 2 : name_start] in LEFT_VERBS
        stem = surface[:-suffix_len]
        if GENERIC_VILLAGE_RE.match(stem + "村") or "村" in stem[:-1] or DESCRIBED_NAME_RE.match(stem):
            # 后进社区, 政村企村 (a slogan), 一个小村, 所有村: words about villages, no name the table lacks
            return None
        if any(m.end() == end for m in _LIST_VILLAGES_RE.finditer(text, max(sent.start, end - 30), end)):
            return None  # 甲、乙两村: the count and 村 close a list of names (the list's finder reads them)
        if after_verb and surface.startswith(ASPECT_PARTICLES):
            return None  # 担任过某村的…: the particle is the verb's, and what is left is too short to be sure of
        # A verb names never start after (结对帮扶甲村), or the word stationing a unit there, ends the name's left
        # as a boundary character does.
        clear_left = (
            chain is not None
            or name_start == sent.start
            or text[name_start - 1] in BOUNDARY_CHARS
            or after_verb
            or after_station
        )
        clear_right = (
            followed.startswith(("党支部", "党总支", "党委", "村委", "居委", "两委"))
            or (after_verb and followed[:1] in ("的", "、", "，", ",", "。"))
            # 甲村第一书记, 甲村工作队, 与甲村结对, 到甲村任第一书记: what a pairing says right after the village
            or text.startswith(UNLISTED_VILLAGE_FOLLOWERS, end)
            # 甲村与某公司签订结对协议, 甲村和某企业结对共建: joined to its partner in a clause that pairs them
            or (followed[:1] in "与和同跟" and _PAIRED_CLAUSE_RE.match(text, end) is not None)
        )
        # 沿河湾镇的玉家河村是…: a town named just before in the clause, the name set off on both sides.
        town_before = next(
            (
                m
                for m in reversed(admin)
                if m.kind == "town"
                and m.place is not None
                and sent.start <= m.end <= name_start
                and "，" not in text[m.end : name_start]
                and "," not in text[m.end : name_start]
            ),
            None,
        )
        if town_before is not None and text[name_start - 1 : name_start] == "的" and followed[:1] in "是的、，,。与和":
            clear_right = True
        if sibling_town is not None and chain is None and not (clear_left and clear_right):
            # 某镇甲村、乙村: listed right after a village read under its town, the name is that town's village
            # even where the table lacks it — kept without a code, for review, never looked up beyond the town.
            in_town = resolve(self.index, surface, "village", fuzzy=False, town=sibling_town)
            if in_town.status == "resolved":
                return None  # the finder before had its chance at the name; a second reading is not this one's
            kept = Resolution(
                "unknown",
                None,
                (),
                in_town.method,
                0.0,
                "listed with villages of the town named before it; not in the table",
            )
            return self._village_mention(surface, name_start, end, kept, "listed_in_town", {"town": sibling_town})
        if not (chain is not None or (clear_left and clear_right)):
            return None
        contexts = self._village_contexts(name_start, sent, admin, region)
        if not contexts:
            return None
        res, how, ctx = self._resolve_village(surface, contexts[:1] if chain else contexts)
        if res is None:
            return None
        if res.status == "unknown" and chain is not None and chain.kind == "town" and chain.place is not None:
            # 某镇某村 where the table has the village under another town of the same county (a town split or
            # merged since): that name (or its stem), in exactly one town of the county, at a confidence for review.
            moved = resolve(self.index, surface, "village", district=chain.place.code[:6], fuzzy=False)
            if moved.status == "resolved" and moved.place is not None:
                res = dataclasses.replace(
                    moved, confidence=min(moved.confidence, 0.6), reason=f"not under {chain.place.name}; {moved.reason}"
                )
                how, ctx = "town_moved", {"district": chain.place.code[:6]}
        if res.status == "unknown":
            res = Resolution("unknown", None, (), res.method, 0.0, res.reason)
        return self._village_mention(surface, name_start, end, res, how, ctx)

    def _respelt_after_town(self, surface: str, start: int, end: int, town: Mention | None) -> Mention | None:
        if town is None or town.kind != "town" or town.place is None:
            return None
        fits = [p for p in self.index.descendants(town.place.code, "village") if _one_character_off(surface, p.name)]
        if len(fits) != 1:
            return None
        res = Resolution("resolved", fits[0], (fits[0],), "respelt_name_in_town", 0.6, f"spelt as {fits[0].name}")
        mention = self._village_mention(surface, start, end, res, "chain", {"town": town.place.code})
        mention.confidence = 0.6  # for review: the table spells it otherwise
        return mention

    def town_stems_before_villages(self, text: str, villages: list[Mention], admin: list[Mention]) -> list[Mention]:
        """航头长达村: a resolved village preceded by its own town's stem names that town too."""
        out: list[Mention] = []
        ends = {m.end for m in admin}
        for v in villages:
            if v.place is None or v.start in ends:
                continue
            town = self.index.get(v.place.parent_code or "")
            if town is None:
                continue
            stem_ = _stem_normal(town.name, "town")
            if len(stem_) >= 2 and text[v.start - len(stem_) : v.start] == stem_:
                out.append(
                    Mention(
                        "town", v.start - len(stem_), v.start, stem_, "town_stem_before_its_village", 0.9, place=town
                    )
                )
        return out

    def ellipses(
        self, text: str, villages: list[Mention], admin: list[Mention], sents: list[Sentence], region: list[str]
    ) -> list[Mention]:
        """``梅陇三村、六村`` and ``梅陇三、六村``: a numbered village whose prefix is left out."""
        out: list[Mention] = []
        res: Resolution | None
        taken = {(m.start, m.end) for m in villages}
        for m in villages:
            if m.place is None:
                continue
            name = m.place.name
            num = re.match(f"^(.+?)([{NUMERALS}]+)(村|社区)$", name)
            if not num:
                continue
            prefix, suffix = num.group(1), num.group(3)
            # Following items: 、六村 / 、六村党支部
            pos = m.end
            while True:
                nxt = re.match(f"[、和及与]([{NUMERALS}]+){suffix}", text[pos:])
                if not nxt:
                    break
                start, end = pos + 1, pos + nxt.end()
                surface = text[start:end]
                res = resolve(self.index, prefix + surface, "village", town=m.place.parent_code)
                if (start, end) not in taken:
                    mention = self._village_mention(
                        surface, start, end, res, "ellipsis", {"town": m.place.parent_code or ""}
                    )
                    mention.method = f"village_ellipsis_{res.method}"
                    mention.extra["expanded"] = prefix + surface
                    out.append(mention)
                    taken.add((start, end))
                pos = end
        # 梅陇三、六村: a prefix+number, a list of numbers, then the suffix once.
        for match in re.finditer(f"([{CJK}]{{1,4}}?)([{NUMERALS}]+)((?:、[{NUMERALS}]+)+)(村|社区)", text):
            prefix = match.group(1)
            first_start = match.start(1)
            numbers = [match.group(2)] + match.group(3).strip("、").split("、")
            pos = match.start(2)
            for n in numbers:
                start = text.index(n, pos)
                end = start + len(n)
                pos = end
                surface_start = first_start if n == numbers[0] else start
                full = prefix + n + match.group(4)
                sent = next((s for s in sents if s.start <= start < s.end), Sentence(0, len(text)))
                contexts = self._village_contexts(first_start, sent, admin, region)
                res, how, ctx = self._resolve_village(full, contexts)
                if res is None or res.status == "unknown":
                    break
                span_end = match.end() if n == numbers[-1] else end
                if any(s < span_end and surface_start < e for s, e in taken):
                    continue
                mention = self._village_mention(text[surface_start:span_end], surface_start, span_end, res, how, ctx)
                mention.method = f"village_ellipsis_{res.method}+{how}"
                mention.extra["expanded"] = full
                out.append(mention)
                taken.add((surface_start, span_end))
        return out

    def list_villages(
        self, text: str, sents: list[Sentence], admin: list[Mention], region: list[str], taken: list[tuple[int, int]]
    ) -> list[Mention]:
        """``A、B两个村`` / ``行政村共两个：A和B``: names listed without 村, counted after or before."""
        out: list[Mention] = []
        counted_before = list(_COUNT_THEN_VILLAGES_RE.finditer(text))
        for match in list(_LIST_VILLAGES_RE.finditer(text)) + counted_before:
            pos = match.start(1)
            if match in counted_before:
                items = re.split("[、和及]", match.group(1))
            else:
                items = re.split("[、和及与]", match.group(1))
                # 甲和乙两个村: joined by a conjunction (which may also sit inside a name, 和平), the list is
                # taken only where its count says how many names it holds.
                if len(items) > 1 and "、" not in match.group(1) and _list_count(match.group(2) or "") != len(items):
                    continue
            read: list[tuple[int, str, int, int, Resolution, str, dict[str, str]]] = []
            for i, item in enumerate(items):
                item_start = text.index(item, pos)
                end = item_start + len(item)
                pos = end + 1
                # The first item may carry words before it (某镇的A、B两村): its longest ending that resolves.
                res = None
                whole = i > 0 or match in counted_before
                for name in [item] if whole else [item[k:] for k in range(len(item) - 1)]:
                    start = end - len(name)
                    if any(s < end and start < e for s, e in taken):
                        continue
                    sent = next((s for s in sents if s.start <= start < s.end), Sentence(0, len(text)))
                    res, how, ctx = self._resolve_village(
                        name + "村", self._village_contexts(start, sent, admin, region)
                    )
                    if (res is None or res.status == "unknown") and whole and len(name) == 2 and name[1] == "村":
                        # 石磨、陆村、白泥等村委会: a one-character name keeps its 村 where the others drop it;
                        # taken only as the table has it, exactly, in the list's context.
                        res, how, ctx = self._resolve_village(
                            name, self._village_contexts(start, sent, admin, region), fuzzy=False
                        )
                        if res is None or res.status != "resolved":
                            res = None
                    if res is not None and res.status != "unknown":
                        break
                if res is None or (res.status == "unknown" and not whole):
                    continue
                read.append((i, name, start, end, res, how, ctx))
            # An item the table lacks is still a village where the list says so: counted before (行政村共三个：…), or
            # one of the last N names before a count N and 村 (与甲、乙两个村: 与 may join the list to its unit)
            # where one of those N is the table's village.
            count = None if match in counted_before or "等" in match.group() else _list_count(match.group(2) or "")
            last_n = {i for i in range(len(items) - count, len(items))} if count and count <= len(items) else set()
            counted_after = any(r[4].status == "resolved" for r in read if r[0] in last_n)
            for i, name, start, end, res, how, ctx in read:
                if res.status == "unknown" and (
                    len(name) < 2
                    or not (
                        self._count_matches(match, items, counted_before) or (counted_after and i in last_n and i > 0)
                    )
                ):
                    continue
                mention = self._village_mention(name, start, end, res, how, ctx)
                mention.method = f"village_list_{res.method}+{how}"
                if mention.place is None:
                    # Not in the table: the village is still named as the list names it (甲、乙两村 → 甲村), so
                    # a planner reviewing it reads a village's name.
                    mention.extra["expanded"] = name + "村"
                out.append(mention)
        out += self._listed_after_town(text, admin, taken)
        return out

    def _listed_after_town(self, text: str, admin: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
        """``某乡甲山、乙沟、丙湾6个…``: a list right after its town names the town's villages without 村.

        Each name is looked up as 某村 under that town only and exactly; the list counts only where at least
        two of its names are the town's villages, so a list of crops or projects after a town gives none."""
        out: list[Mention] = []
        for town in admin:
            if town.kind != "town" or town.place is None:
                continue
            match = _LIST_AFTER_TOWN_RE.match(text, town.end)
            if match is None:
                continue
            found: list[Mention] = []
            pos = match.start()
            for item in match.group().split("、"):
                start, end = pos, pos + len(item)
                pos = end + 1
                if VILLAGE_END_RE.search(item[-1]) or any(s < end and start < e for s, e in taken):
                    continue  # 甲村、乙村 and names already read are the other finders'
                res = resolve(self.index, item + "村", "village", fuzzy=False, town=town.place.code)
                if res.status == "resolved" and res.method == "exact":
                    ctx = {"town": town.place.code}
                    mention = self._village_mention(item, start, end, res, "chain", ctx)
                    mention.method = f"village_list_after_town_{res.method}"
                    found.append(mention)
            if len(found) >= LIST_AFTER_TOWN_MIN_FOUND:
                out += found
        return out

    @staticmethod
    def _count_matches(match: re.Match[str], items: list[str], counted_before: list[re.Match[str]]) -> bool:
        """The list follows 行政村共N个： and holds N names."""
        if match not in counted_before:
            return False
        count = re.match(r"村共?有?(\d+|[两二三四五六七八九十])", match.group()).group(1)  # type: ignore[union-attr]
        numbers = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
        return (int(count) if count.isdigit() else numbers.get(count)) == len(items)

    # -- organizations and persons ------------------------------------------------------------------


# Villages of a list between a town and the name being resolved: 甲镇乙村、 (丙村).
_LISTED_VILLAGES_RE = re.compile(f"(?:[{CJK}]{{1,8}}?(?:村|社区|嘎查)[、和及与])+")


def _list_count(word: str) -> int | None:
    """The number a list's count word says (两 → 2, 3 → 3)."""
    numbers = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
    return int(word) if word.isdigit() else numbers.get(word)


def _middle_dropped(short: str, full: str) -> bool:
    """``short`` is ``full`` less a run of two or more characters inside it, keeping two or more at each
    end (滨河五村 of 滨河家园五村), or less one filler character after two or more (双山村 of 双山则村).

    >>> _middle_dropped("滨河五村", "滨河家园五村"), _middle_dropped("河五村", "滨河家园五村")
    (True, False)
    >>> _middle_dropped("双山村", "双山则村"), _middle_dropped("双山村", "双山坪村")
    (True, False)
    """
    cut = len(full) - len(short)
    if cut == 1 and len(short) >= 3:
        return any(
            full[i] in VILLAGE_NAME_FILLERS and full[:i] + full[i + 1 :] == short for i in range(2, len(full) - 1)
        )
    if cut < 2 or len(short) < 4:
        return False
    return any(full[:i] + full[i + cut :] == short for i in range(2, len(full) - cut - 1))


def _one_character_off(written: str, name: str) -> bool:
    """A transliterated name spelt with one character more inside it (昌某普村 for 昌普村, three characters or
    more before 村), or, in a long one (five or more before 村), one character other than the first differing.

    >>> _one_character_off("甲木乙村", "甲乙村"), _one_character_off("阿甲格丙丁戊村", "阿甲克丙丁戊村")
    (True, True)
    >>> _one_character_off("木甲乙村", "甲乙村"), _one_character_off("甲乙丙村", "甲乙丁村")
    (False, False)
    """
    written = re.sub("(?:村委会|村民委员会)$", "村", written)
    if not written.endswith("村") or not name.endswith("村"):
        return False
    a, b = written[:-1], name[:-1]
    if len(a) == len(b) + 1 and len(a) >= 3:
        return any(a[:i] + a[i + 1 :] == b for i in range(1, len(a) - 1))
    if len(a) == len(b) >= 5:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1 and a[0] == b[0]
    return False


def shortened_village_names(villages: list[Mention], index: PlaceIndex) -> None:
    """A village its town (named with it) lacks, whose name is one of that town's villages less a run of
    characters inside it (滨河五村 for the table's 滨河家园五村), or spelt one character off
    (``_one_character_off``), is that village when exactly one fits; it is kept at a low confidence, for
    review."""
    for m in villages:
        scope = m.extra.get("scope", "")
        if m.resolution is None or m.resolution.status != "unknown" or len(scope) != 9:
            continue
        fits = [
            p
            for p in index.descendants(scope, "village")
            if _middle_dropped(m.surface, p.name) or _one_character_off(m.surface, p.name)
        ]
        if len(fits) != 1:
            continue
        place = fits[0]
        m.place = place
        m.resolution = Resolution(
            "resolved", place, (place,), "shortened_name_in_town", 0.6, f"a short form of {place.name}"
        )
        m.uid = place.code
        m.confidence = 0.6
        m.method = f"{m.method}+shortened_name_in_town"


def _resolved_list_sibling(text: str, start: int, found: list[Mention]) -> str | None:
    """The code of the village listed right before ``start`` (甲村、 or 甲村和), if the table placed it.

    >>> from loaders.places import Place
    >>> v = Mention("village", 0, 3, "八里村", "t", 0.9, place=Place("village", "910102101203", "八里村", "八里村", "910102101", "village"))
    >>> _resolved_list_sibling("八里村、三多村", 4, [v])
    '910102101203'
    >>> _resolved_list_sibling("八里村有三多村", 4, [v]) is None
    True
    """
    if start < 1 or text[start - 1] not in "、和及与":
        return None
    prev = next((m for m in reversed(found) if m.end == start - 1), None)
    if prev is None or prev.place is None or len(prev.place.code) != 12:
        return None
    return prev.place.code


def _town_of_list_sibling(
    text: str, start: int, sent: Sentence, admin: list[Mention], found: list[Mention]
) -> str | None:
    """The town code of a list ``某镇甲村、乙村`` that the name at ``start`` goes on: the village right before it
    (after 、/和/及/与) is the table's village of that town, and the list runs from the town's name, village after
    village, up to ``start``."""
    if start < 1 or text[start - 1] not in "、和及与" or not _listed_after_town(text, start, sent, admin):
        return None
    prev = next((m for m in reversed(found) if m.end == start - 1 and m.kind == "village"), None)
    if prev is None:
        return None
    town = next(m for m in reversed(admin) if sent.start <= m.end <= start and m.place is not None and m.kind == "town")
    assert town.place is not None
    # The village before must be the table's, in that town: an unknown one may stand under a namesake town
    # of another county (a longer town name the table lacks, read by a shorter one inside it).
    code = prev.place.parent_code if prev.place is not None else None
    return town.place.code if code == town.place.code else None


def _listed_after_town(text: str, start: int, sent: Sentence, admin: list[Mention]) -> bool:
    """Whether the name at ``start`` follows, in a list, a village chained to a town of its sentence."""
    town = next(
        (m for m in reversed(admin) if sent.start <= m.end <= start and m.place is not None and m.kind == "town"),
        None,
    )
    return town is not None and _LISTED_VILLAGES_RE.fullmatch(text, town.end, start) is not None


def _village_as_community_needs_town(surface: str, res: Resolution, ctx: dict[str, str]) -> Resolution:
    """某村 that the table has only in another form — as 某社区 (matched by the stem both share), or with its
    nationality (某畲族村) — is that place only where the text names the town: within a whole county or region
    the stem may be another place's, and a village the table lacks must not take its code. Outside a town it
    is kept as a candidate for review."""
    place = res.place
    if (
        res.status != "resolved"
        or place is None
        or "town" in ctx
        or not surface.endswith("村")
        or not (
            place.name.endswith(URBAN_COMMUNITY_ENDINGS)
            or (ETHNIC_VILLAGE_RE.match(place.name) is not None and ETHNIC_VILLAGE_RE.match(surface) is None)
        )
    ):
        return res
    return dataclasses.replace(
        res,
        status="ambiguous",
        place=None,
        confidence=0.0,
        reason=f"{surface} is only {place.name} in {ctx}; a village's name read as a community needs its town",
    )
