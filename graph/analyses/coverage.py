"""Coverage of weak villages: per province or city by code prefix, per district, per town."""

from __future__ import annotations

from datetime import date

from neo4j import Driver

from graph.analyses.common import Level, Row, _paged, resolve_place
from graph.errors import InvalidInput
from graph.records import read, read_kept


def coverage_by_area(
    driver: Driver, as_of: date | None = None, province: str | None = None, database: str = "neo4j"
) -> list[Row]:
    """Villages, weak villages and weak villages paired on ``as_of``, per province (all of China) or per
    city (of ``province``), counted by code prefix rather than district by district.

    Village counts are of coded units, as the per-district and per-town coverage counts them; the
    villages a source placed in the area that the code table lacks are ``unresolved_villages``
    (待核实村名), apart. ``coverage_ratio`` is null where there is no weak village.

    The weak villages are read per district and added up here (the coverage map needs those
    anyway); the three reads are kept in this process while no write commits (``read_kept``).
    """
    parent, key_length = ("", 2) if province is None else (province, 4)
    villages = {
        r["code"]: r["villages"]
        for r in read_kept(driver, "analyses/villages_by_area", database, parent=parent, key_length=key_length)
    }
    # The coverage map reads the same per-district counts: one read serves both (kept, see read_kept).
    weak: dict[str, Row] = {}
    for district_code, counted in weak_coverage_by_district(driver, as_of, parent, database).items():
        area = weak.setdefault(district_code[:key_length], {"weak_villages": 0, "paired_weak_villages": 0})
        area["weak_villages"] += counted["weak_villages"]
        area["paired_weak_villages"] += counted["paired_weak_villages"]
    unresolved = {
        r["code"]: r["unresolved_villages"]
        for r in read_kept(
            driver, "analyses/unresolved_villages_by_area", database, parent=parent, key_length=key_length
        )
    }
    rows = []
    for code in sorted(set(villages) | set(weak)):
        counted = weak.get(code, {"weak_villages": 0, "paired_weak_villages": 0})
        ratio = (
            round(counted["paired_weak_villages"] / counted["weak_villages"], 3) if counted["weak_villages"] else None
        )
        rows.append(
            {
                "code": code,
                "villages": villages.get(code, 0),
                "weak_villages": counted["weak_villages"],
                "paired_weak_villages": counted["paired_weak_villages"],
                "coverage_ratio": ratio,
                "unresolved_villages": unresolved.get(code, 0),
            }
        )
    return rows


def weak_coverage_by_district(
    driver: Driver, as_of: date | None = None, prefix: str = "", database: str = "neo4j"
) -> dict[str, Row]:
    """Weak villages and the paired ones on ``as_of`` per district whose code starts with ``prefix``
    ('' for all of China), by district code: the coverage map's colours, read from the weak villages
    alone (districts without any are absent). Kept while no write commits (``read_kept``)."""
    rows = read_kept(driver, "analyses/weak_coverage_by_area", database, as_of=as_of, parent=prefix, key_length=6)
    return {row["code"]: row for row in rows}


def coverage(
    driver: Driver,
    as_of: date | None = None,
    level: Level = "district",
    parent: str | None = None,
    database: str = "neo4j",
) -> list[Row]:
    """Coverage per district (under an optional province/city) or per town of one district."""
    return coverage_page(driver, as_of, level, parent, database)[1]


def coverage_page(
    driver: Driver,
    as_of: date | None = None,
    level: Level = "district",
    parent: str | None = None,
    database: str = "neo4j",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Row]]:
    """How many areas the coverage table has, and ``limit`` of them from ``offset`` (by code).

    Per district, only the districts of the page are counted; per town (one district's few dozen)
    the whole table is counted and sliced.
    """
    if level == "town":
        if not parent:
            raise InvalidInput(code="coverage.town_needs_district")
        code = resolve_place(driver, "district", parent, database)
        rows = read(driver, "analyses/coverage_by_town", database, as_of=as_of, parent=code)
        return len(rows), rows[offset:] if limit is None else rows[offset : offset + limit]
    rows = read(
        driver, "analyses/coverage_by_district", database, as_of=as_of, parent=parent, limit=limit, offset=offset
    )
    return _paged(rows, "code")
