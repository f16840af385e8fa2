"""The development reports with their names changed: a check that extraction serves the genre.

A rule that only works because it knows a name (a village, a person) fails here. Every gold village
is renamed, throughout its report, to another village of the same town that the report does not
name and that no other village of its district shares; every gold person to a made-up name (a
surname the extractor knows, one or two given characters). The gold moves with the text, so
``evaluate_dev`` scores the copy as it scores the original.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from loaders.places import PlaceIndex
from loaders.reports.lexicon import SURNAMES

# Characters common in given names (none of them a word that ends a name, such as 说 or 在).
GIVEN_NAME_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红文斌宇浩凯健俊帆帅旭宁龙林欣晨阳雪琳晓彤睿博思远志宏海峰亮春光"


def _rename_villages(index: PlaceIndex, gold: dict[str, Any], texts: dict[str, str], rng: random.Random) -> int:
    renamed = 0
    for link in gold["links"]:
        codes, doc = link["village_codes"], link["doc"]
        name = link.get("village_name") or link["village"]
        if len(codes) != 1 or index.get(codes[0]) is None or name not in texts[doc]:
            continue
        district = codes[0][:6]
        siblings = [
            p
            for p in index.children(codes[0][:9])
            if p.code != codes[0]
            and p.name.endswith("村")
            and p.name not in texts[doc]
            and len(index.lookup(p.name, "village", district)) == 1
        ]
        if not siblings:
            continue
        new = rng.choice(siblings)
        texts[doc] = texts[doc].replace(name, new.name)
        for other in gold["links"]:
            if other["doc"] == doc and (other.get("village_name") or other["village"]) == name:
                other.pop("village_name", None)
                other.update(village=new.name, village_codes=[new.code])
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
            if new not in texts[doc] and all(new not in t for t in texts.values()):
                break
        texts[doc] = texts[doc].replace(name, new)
        person["name"] = new
        renamed += 1
    return renamed


def renamed_copy(index: PlaceIndex, dev: Path, out: Path, seed: int) -> tuple[int, int]:
    """Write the renamed reports and their ``gold.json`` to ``out``; return (villages, people) renamed."""
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    texts = {name: (dev / name).read_text(encoding="utf-8") for name in gold["sources"]}
    rng = random.Random(seed)
    villages = _rename_villages(index, gold, texts, rng)
    people = _rename_people(gold, texts, rng)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return villages, people
