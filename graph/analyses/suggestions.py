"""Pairing suggestions: ranked candidate helpers for a village, with reasons a planner reads."""

from __future__ import annotations

from datetime import date

from neo4j import Driver

from graph.analyses.common import Row, resolve_place
from graph.analyses.profiles import village_profile
from graph.errors import InvalidInput
from graph.messages import Language, say
from graph.records import read_kept

# What a helper should carry.
CAPACITY = 5

RESOURCE_NAMES_ZH = {
    "education": "教育",
    "medical": "医疗",
    "culture": "文化",
    "information": "信息",
    "market": "市场",
    "talent": "人才",
    "funds": "资金",
    "technology": "科技",
    "goods": "物资",
    "land": "土地",
    "other": "其他",
}


def pairing_suggestions(
    driver: Driver,
    as_of: date | None = None,
    village: str | None = None,
    district: str | None = None,
    capacity: int = CAPACITY,
    per_village: int = 3,
    database: str = "neo4j",
) -> list[Row]:
    """Ranked candidate helpers for a village, or for each uncovered weak village of a district.

    Raises:
        InvalidInput: neither ``village`` nor ``district`` is given, or ``capacity`` is below 1.
        NotFound: the village does not exist.
    """
    if capacity < 1:
        raise InvalidInput(code="suggestions.capacity_too_small")
    if village is None and district is None:
        raise InvalidInput(code="suggestions.needs_place")
    if village is not None:
        village_profile(driver, village, as_of, database)  # NotFound for an unknown code
        district_code = None
    else:
        district_code = resolve_place(driver, "district", district, database)
    # kept in this process while no write commits (``read_kept``): a decision is seen at once
    rows = read_kept(
        driver,
        "analyses/pairing_suggestions",
        database,
        as_of=as_of,
        village=village,
        district=district_code,
        capacity=capacity,
        per_village=per_village,
    )
    for row in rows:
        row["reasons"] = reasons(row, capacity)
    return rows


def reasons(row: Row, capacity: int, lang: Language = "zh") -> list[str]:
    """The score's components as sentences a planner reads (``graph/messages.py``'s ``suggestion.*``).

    >>> reasons({"same_town": True, "same_district": True, "town": "堡镇", "district": "崇明区",
    ...          "resource_matches": ["medical"], "capacity_left": 3, "hops": 1}, 5)
    ['已在本镇（堡镇）结对帮扶', '能提供村里项目所用的资源：医疗', '尚可承接 3 个村（上限 5）', '曾与该村结对']
    """
    out = []
    if row["same_town"]:
        out.append(say("suggestion.same_town", lang, town=row["town"]))
    elif row["same_district"]:
        out.append(say("suggestion.same_district", lang, district=row["district"]))
    if row["resource_matches"]:
        names = RESOURCE_NAMES_ZH if lang == "zh" else {}
        kinds = ("、" if lang == "zh" else ", ").join(names.get(c, c) for c in row["resource_matches"])
        out.append(say("suggestion.resources", lang, resources=kinds))
    out.append(say("suggestion.capacity_left", lang, left=row["capacity_left"], capacity=capacity))
    if row["hops"] == 1:
        out.append(say("suggestion.paired_before", lang))
    elif row["hops"] is not None:
        out.append(say("suggestion.hops", lang, hops=row["hops"]))
    return out
