"""The development reports with their names changed: a check that extraction serves the genre.

A rule that only works because it knows a name (a unit, a village, a person) or an order fails here.
Every gold helper that ends in a unit's ending (局, 公司, 银行…) has the distinctive part before that
ending swapped for the distinctive part of another helper of the development set with the same
ending (城发集团 → 某某集团): a real unit of the same kind, named in another report. Every gold village
is renamed, throughout its report, to another village of the same town that the report does not
name and that no other village of its district shares; every gold person to a made-up name (a
surname the extractor knows, one or two given characters). Lists of gold villages written with 、
are shuffled. The gold moves with the text, so ``evaluate_dev`` scores the copy as it scores the
original.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any, NamedTuple

from loaders.places import PlaceIndex
from loaders.reports.lexicon import CJK, ORG_SUFFIXES, SURNAMES

# Characters common in given names (none of them a word that ends a name, such as 说 or 在).
GIVEN_NAME_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红文斌宇浩凯健俊帆帅旭宁龙林欣晨阳雪琳晓彤睿博思远志宏海峰亮春光"


# Helpers that are places (a village, a street, a district as helper) keep their names: places are renamed as such.
_PLACE_ENDINGS = ("村", "社区", "嘎查", "街道", "镇", "乡", "区", "县", "市")


# A branch named after its parent (某银行某省分行): reports also call it by the parent's short name (某行某省分行),
# which no swap of the full name can follow, so such a helper keeps its name.
_BRANCH_ENDINGS = ("分行", "支行", "分公司", "子公司")


# The place a unit's name may start with (怀宁县农业农村局): it stays, the part after it is swapped.
_PLACE_PREFIX_RE = re.compile(r"^.{0,8}?[省市县区州旗盟]")


def _split_unit(name: str) -> tuple[str, str, str] | None:
    """(place prefix, distinctive part, ending) of a helper's name, or None when it has no unit ending or
    no distinctive part of two characters or more."""
    if name.endswith(_PLACE_ENDINGS):
        return None
    ending = next((e for e in sorted(ORG_SUFFIXES, key=len, reverse=True) if name.endswith(e)), None)
    if ending is None:
        return None
    stem = name[: -len(ending)]
    prefix = _PLACE_PREFIX_RE.match(stem)
    place = prefix.group() if prefix and len(stem) - prefix.end() >= 2 else ""
    core = stem[len(place) :]
    if ending in _BRANCH_ENDINGS and any(head in core for head in ORG_SUFFIXES if len(head) >= 2):
        return None
    return (place, core, ending) if len(core) >= 2 else None


def _rename_units(gold: dict[str, Any], texts: dict[str, str], rng: random.Random) -> int:
    stems: dict[str, set[str]] = {}
    for link in gold["links"]:
        split = _split_unit(link["helper"])
        if split:
            stems.setdefault(split[2], set()).add(split[1])
    renamed = 0
    done: set[tuple[str, str]] = set()
    for link in gold["links"]:
        doc, name = link["doc"], link["helper"]
        split = _split_unit(name)
        if split is None or (doc, name) in done or name not in texts[doc]:
            continue
        place, stem, ending = split
        others = sorted(
            o
            for o in stems[ending]
            if o != stem and place + o + ending not in texts[doc] and stem not in o and o not in stem
        )
        if not others:
            continue
        core = rng.choice(others)
        new = place + core + ending
        texts[doc] = texts[doc].replace(name, new)
        if place and len(stem + ending) >= 3:
            # The same unit written without its place (县农业农村局 after 某县农业农村局) is renamed with it.
            texts[doc] = texts[doc].replace(stem + ending, core + ending)
        for other in gold["links"]:
            if other["doc"] == doc and name in other["helper"]:
                other["helper"] = other["helper"].replace(name, new)
        done.add((doc, new))
        renamed += 1
    return renamed


_LIST_RE = re.compile(f"[{CJK}]{{2,12}}(?:、[{CJK}]{{2,12}}){{1,12}}")


def _shuffle_lists(gold: dict[str, Any], texts: dict[str, str], rng: random.Random) -> int:
    """A list of villages written with 、 (甲村、乙村、丙村) in another order: no rule may lean on it."""
    shuffled = 0
    for doc in texts:
        villages = {g.get("village_name") or g["village"] for g in gold["links"] if g["doc"] == doc}
        pieces: list[str] = []
        pos = 0
        for match in _LIST_RE.finditer(texts[doc]):
            new = _shuffled_list(match.group(), villages, rng)
            pieces += [texts[doc][pos : match.start()], new]
            pos = match.end()
            shuffled += new != match.group()
        texts[doc] = "".join(pieces) + texts[doc][pos:]
    return shuffled


def _shuffled_list(run: str, villages: set[str], rng: random.Random) -> str:
    """The villages of a run joined by 、 in another order; the run as it was when it is no such list.

    The run may start with words before the first village and go on after the last one."""
    items = run.split("、")
    first = max((v for v in villages if items[0].endswith(v)), key=len, default=None)
    last = max((v for v in villages if items[-1].startswith(v)), key=len, default=None)
    if first is None or last is None or not all(item in villages for item in items[1:-1]):
        return run
    before, after = items[0][: -len(first)], items[-1][len(last) :]
    names = [first, *items[1:-1], last]
    rng.shuffle(names)
    return before + "、".join(names) + after


def _rename_villages(index: PlaceIndex, gold: dict[str, Any], texts: dict[str, str], rng: random.Random) -> int:
    renamed = 0
    for link in gold["links"]:
        codes, doc = link["village_codes"], link["doc"]
        name = link.get("village_name") or link["village"]
        if len(codes) != 1 or index.get(codes[0]) is None or name not in texts[doc]:
            continue
        if any(g["doc"] == doc and name in g["helper"] for g in gold["links"]):
            # A namesake helper (two villages of one name pairing each other): renaming the text renames
            # both, and no village of the other town bears the new name.
            continue
        named = {c for g in gold["links"] if g["doc"] == doc for c in g["village_codes"]}
        district = codes[0][:6]
        siblings = [
            p
            for p in index.children(codes[0][:9])
            if p.code != codes[0]
            and p.code not in named  # a village the report names already, perhaps in another spelling
            and p.name.endswith("村")
            and len(p.name) >= 3  # a one-character name (新村) is read only right after its town
            and p.name[:-1] not in texts[doc]
            and len(index.lookup(p.name, "village", district)) == 1
        ]
        if not siblings:
            continue
        new = rng.choice(siblings)
        # A village written without 村 (a list 甲坪、乙湾) is renamed in the same form.
        written = new.name if name.endswith(_PLACE_ENDINGS + ("嘎查",)) else new.name[:-1]
        texts[doc] = texts[doc].replace(name, written)
        for other in gold["links"]:
            if other["doc"] == doc and (other.get("village_name") or other["village"]) == name:
                other.pop("village_name", None)
                other.update(village=written, village_codes=[new.code])
        renamed += 1
    return renamed


def _rename_people(gold: dict[str, Any], texts: dict[str, str], rng: random.Random) -> int:
    surnames = sorted(SURNAMES)
    renamed = 0
    for person in gold["people"]:
        doc, name = person["doc"], person["name"]
        if name not in texts[doc]:
            continue
        for _ in range(100):
            new = rng.choice(surnames) + "".join(rng.choice(GIVEN_NAME_CHARS) for _ in range(len(name) - 1))
            # nor one holding, or held in, a name already given in the report (某林 beside 某林海 reads as one)
            given = [p["name"] for p in gold["people"] if p["doc"] == doc and p["name"] != name]
            if (
                new not in texts[doc]
                and all(new not in t for t in texts.values())
                and not any(new in g or g in new for g in given)
            ):
                break
        texts[doc] = texts[doc].replace(name, new)
        person["name"] = new
        renamed += 1
    return renamed


class Renamed(NamedTuple):
    """How much of the copy differs: units, villages and people renamed, lists shuffled."""

    units: int
    villages: int
    people: int
    lists: int


def renamed_copy(index: PlaceIndex, dev: Path, out: Path, seed: int) -> Renamed:
    """Write the renamed reports and their ``gold.json`` to ``out``; return what was renamed."""
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    texts = {name: (dev / name).read_text(encoding="utf-8") for name in gold["sources"]}
    rng = random.Random(seed)
    units = _rename_units(gold, texts, rng)
    villages = _rename_villages(index, gold, texts, rng)
    people = _rename_people(gold, texts, rng)
    lists = _shuffle_lists(gold, texts, rng)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return Renamed(units, villages, people, lists)
