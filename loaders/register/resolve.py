"""Resolve (pure): each row's village or town to one official code, or an issue saying why not.

A 12-digit code is looked up and must agree with any name given beside it; a name is resolved
through ``loaders.places.resolve`` in the context the row gives (town, district, city, province).
Ambiguous or unknown names are rejected with their candidates, never guessed; a fuzzy match loads
with a warning and a lower confidence; a town or district that contradicts the place is a reject.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from loaders.places import Place, PlaceIndex, Resolution, normalize, stem
from loaders.places import resolve as resolve_place
from loaders.register.model import Issue, PlaceRef, RegisterRow, Resolved, Target


def describe(place: Place, index: PlaceIndex) -> str:
    """``310151109203 红星村 (上海市/市辖区/崇明区/中兴镇)`` for candidate lists."""
    chain = "/".join(p.name for p in index.path(place.code)[:-1])
    return f"{place.code} {place.name} ({chain})"


class Resolver:
    """Resolves rows' places through ``loaders.places.resolve``, caching repeated names."""

    MEMO_LIMIT = 200_000

    def __init__(self, index: PlaceIndex) -> None:
        self.index = index
        self._cache: dict[tuple[Any, ...], Resolution] = {}
        # (parent code, level, town, district, city as written) → the contradiction, if any: a register
        # repeats its towns and districts on every row, while the villages under them mostly come once.
        self._context: dict[tuple[Any, ...], tuple[str, str, str] | None] = {}

    def _resolve(self, name: str, level: str, ref: PlaceRef, town: str | None = None) -> Resolution:
        key = (name, level, town, ref.district, ref.city, ref.province)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= self.MEMO_LIMIT:
                self._cache.clear()  # a memo: bounded for a file of all-different names
            found = resolve_place(
                self.index, name, level, town=town, district=ref.district, city=ref.city, province=ref.province
            )
            self._cache[key] = found
        return found

    def target(self, row: RegisterRow) -> tuple[Target | None, list[Issue]]:
        """The row's place, and issues: a reject (then no target) or warnings (target kept)."""
        ref = row.place
        col = row.columns
        loc = (row.file, row.sheet, row.row)
        if ref.village_code:
            place = self.index.get(ref.village_code)
            if place is None or place.level != "village":
                return None, [
                    Issue.coded(
                        *loc,
                        col.get("village_code"),
                        ref.village_code,
                        "register.place.code_unknown",
                        code=ref.village_code,
                    )
                ]
            method, confidence = "register:village_code", 1.0
            if ref.village and not _names_match(ref.village, place, "village"):
                res = self._resolve(ref.village, "village", ref, town=place.parent_code)
                if res.status != "resolved" or res.place is None or res.place.code != place.code:
                    return None, [
                        Issue.coded(
                            *loc,
                            col.get("village"),
                            ref.village,
                            "register.place.code_name_mismatch",
                            candidates=(describe(place, self.index),),
                            code=place.code,
                            official=place.name,
                            given=ref.village,
                        )
                    ]
                method, confidence = f"register:village_code+name_{res.method}", min(1.0, res.confidence + 0.05)
            return self._with_context(row, place, Target("village", place.code, method, confidence), [])
        if ref.village:
            return self._from_resolution(
                row, self._resolve(ref.village, "village", ref, town=ref.town), "village", ref.village
            )
        if ref.town:
            return self._from_resolution(row, self._resolve(ref.town, "town", ref), "town", ref.town)
        if row.kind == "leaders":  # a post in a party organization or unit needs no place
            return None, []
        return None, [Issue.coded(*loc, None, None, "register.row.no_place")]

    def _from_resolution(
        self, row: RegisterRow, res: Resolution, level: Literal["village", "town"], value: str
    ) -> tuple[Target | None, list[Issue]]:
        column = row.columns.get(level)
        loc = (row.file, row.sheet, row.row)
        candidates = tuple(describe(p, self.index) for p in res.candidates)
        where = _where(row.place, level)
        if res.status == "ambiguous":
            return None, [
                Issue.coded(
                    *loc,
                    column,
                    value,
                    "register.place.ambiguous",
                    candidates=candidates,
                    where=where,
                    count=len(res.candidates),
                    name=value,
                )
            ]
        if res.status != "resolved" or res.place is None:
            return None, [Issue.coded(*loc, column, value, "register.place.unknown", where=where, name=value)]
        warnings = []
        if res.fuzzy:
            warnings.append(
                Issue.coded(
                    *loc,
                    column,
                    value,
                    "register.place.fuzzy",
                    candidates=candidates,
                    severity="warning",
                    loaded=res.place.name,
                    where=where,
                )
            )
        target = Target(level, res.place.code, f"register:name_{res.method}", res.confidence)
        return self._with_context(row, res.place, target, warnings)

    def _with_context(
        self, row: RegisterRow, place: Place, target: Target, warnings: list[Issue]
    ) -> tuple[Target | None, list[Issue]]:
        contradiction = self._check_context(row, place)
        if contradiction is not None:
            return None, [contradiction]
        return target, warnings

    def _check_context(self, row: RegisterRow, place: Place) -> Issue | None:
        """A town/district/city the row gives must be the place's own: a contradiction is a reject."""
        ref = row.place
        if not (ref.town or ref.district or ref.city):
            return None
        # Judged once per parent and names as written: the fifteen villages of a town share it.
        key = (place.parent_code, place.level, ref.town, ref.district, ref.city)
        if key in self._context:
            problem = self._context[key]
        else:
            if len(self._context) >= self.MEMO_LIMIT:
                self._context.clear()
            problem = self._context[key] = self._context_problem(ref, place)
        if problem is None:
            return None
        level, given, official = problem
        return Issue.coded(
            row.file,
            row.sheet,
            row.row,
            row.columns.get(level),
            given,
            "register.place.outside",
            candidates=(describe(place, self.index),),
            place=place.name,
            code=place.code,
            official=official,
            given=given,
        )

    def _context_problem(self, ref: PlaceRef, place: Place) -> tuple[str, str, str] | None:
        """The first level whose name (or code) as written is not the place's own: the level, what
        was written, and the official name; None when all agree."""
        path = {p.level: p for p in self.index.path(place.parent_code)} if place.parent_code else {}
        for level, given in (("town", ref.town), ("district", ref.district), ("city", ref.city)):
            if not given or level == place.level or level not in path:
                continue
            official = path[level]
            if given.isdigit():
                if given != official.code:
                    return level, given, f"{official.name}（{official.code}）"
            elif not _names_match(given, official, level):
                return level, given, official.name
        return None


def _where(ref: PlaceRef, level: str) -> str:
    """Where a name was looked for, as the row gives it (names are names in either language).

    >>> _where(PlaceRef(district="崇明区", town="中兴镇"), "village"), _where(PlaceRef(), "town")
    ('崇明区/中兴镇', '全国')
    """
    given = [ref.province, ref.city, ref.district] + ([ref.town] if level == "village" else [])
    return "/".join(n for n in given if n) or "全国"


def _names_match(given: str, place: Place, level: str) -> bool:
    if given == place.name or given == place.full_name:
        return True  # as most rows write it: the official name needs no normalising
    g = normalize(given)
    forms = {place.name, place.full_name, stem(place.name, level)}
    if level == "city" and place.name in ("市辖区", "县"):
        return True  # municipalities: the register names the city as 上海/上海市
    return g in forms or stem(g, level) == stem(place.name, level)


def resolve(
    rows: Iterable[RegisterRow], index: PlaceIndex, resolver: Resolver | None = None
) -> tuple[list[Resolved], list[Issue]]:
    """Resolve each row's village or town to an official code; rejects and warnings as issues.

    The target is None only for a leader whose post is a party organization or unit and who is
    tied to no place. Pass one ``resolver`` for the chunks of one file to keep its memo.
    """
    resolver = resolver or Resolver(index)
    accepted: list[Resolved] = []
    issues: list[Issue] = []
    for row in rows:
        target, found = resolver.target(row)
        issues.extend(found)
        if target is not None or not any(i.severity == "rejected" for i in found):
            accepted.append((row, target))
    return accepted, issues
