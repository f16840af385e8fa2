"""Weak villages without a pairing in force, with the helpers nearest each."""

from __future__ import annotations

from datetime import date
from typing import Literal

from neo4j import Driver

from graph.analyses.common import Level, Row, _code_shaped, _paged, resolve_place
from graph.records import read_kept


def uncovered_weak_villages(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    town: str | None = None,
    nearest: int = 3,
    database: str = "neo4j",
    *,
    province: str | None = None,
) -> list[Row]:
    """Weak villages without a pairing in force on ``as_of``, with the helpers nearest to each."""
    return uncovered_weak_villages_page(driver, as_of, district, town, nearest, database, province=province)[1]


def uncovered_weak_villages_page(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    town: str | None = None,
    nearest: int = 3,
    database: str = "neo4j",
    *,
    province: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Row]]:
    """How many weak villages in the scope are uncovered, and ``limit`` of them from ``offset``.

    The scope is the narrowest of ``town``, ``district``, ``province`` given (each a code or a
    name), or all of China. Nearby helpers are worked out for the returned rows only, so a page of
    a national answer costs little more than counting it. A page is kept in this process while no
    write commits to the database (``read_kept``: a pairing loaded or decided is seen at once).
    """
    scope: dict[Level | Literal["province"], str | None] = {"province": province, "district": district, "town": town}
    # A well-formed code skips the lookup round trip; it is checked only when nothing was found.
    shaped = {level: _code_shaped(level, value) for level, value in scope.items()}
    codes = {level: shaped[level] or resolve_place(driver, level, value, database) for level, value in scope.items()}
    rows = read_kept(
        driver,
        "analyses/uncovered_weak_villages",
        database,
        as_of=as_of,
        **codes,
        nearest=nearest,
        limit=limit,
        offset=offset,
    )
    total, items = _paged(rows, "village_uid")
    if total == 0:
        for level, code in shaped.items():
            if code:
                resolve_place(driver, level, code, database)  # NotFound for a code nothing has
    return total, items
