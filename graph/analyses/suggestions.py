"""Pairing suggestions: ranked candidate helpers for a village, with reasons a planner reads."""

from __future__ import annotations

from datetime import date

from neo4j import Driver

from graph.analyses.common import Row, resolve_place
from graph.analyses.profiles import village_profile
from graph.errors import InvalidInput
from graph.records import read

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
        raise InvalidInput("capacity must be at least 1 village")
    if village is None and district is None:
        raise InvalidInput("give a village (code) or a district (code or name) to suggest helpers for")
    if village is not None:
        village_profile(driver, village, as_of, database)  # NotFound for an unknown code
        district_code = None
    else:
        district_code = resolve_place(driver, "district", district, database)
    rows = read(
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


def reasons(row: Row, capacity: int) -> list[str]:
    """The score's components as sentences a planner reads (Chinese / English).

    >>> reasons({"same_town": True, "same_district": True, "town": "堡镇", "district": "崇明区",
    ...          "resource_matches": ["medical"], "capacity_left": 3, "hops": 1}, 5)[0]
    '已在本镇（堡镇）结对帮扶 / already paired in the same town (堡镇)'
    """
    out = []
    if row["same_town"]:
        out.append(f"已在本镇（{row['town']}）结对帮扶 / already paired in the same town ({row['town']})")
    elif row["same_district"]:
        out.append(f"已在本区（{row['district']}）结对帮扶 / already paired in the same district ({row['district']})")
    if row["resource_matches"]:
        zh = "、".join(RESOURCE_NAMES_ZH.get(c, c) for c in row["resource_matches"])
        out.append(
            f"能提供村里项目所用的资源：{zh} / provides what the village's projects use: "
            + ", ".join(row["resource_matches"])
        )
    out.append(
        f"尚可承接 {row['capacity_left']} 个村（上限 {capacity}） / capacity left: "
        f"{row['capacity_left']} of {capacity} villages"
    )
    if row["hops"] == 1:
        out.append("曾与该村结对 / paired with this village before")
    elif row["hops"] is not None:
        out.append(f"图中相距 {row['hops']} 步 / {row['hops']} steps away in the graph")
    return out
