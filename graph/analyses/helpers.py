"""Helper load: helpers ranked by villages paired, flagged spread thin or carrying many."""

from __future__ import annotations

from datetime import date

from neo4j import Driver

from graph.analyses.common import Row, _paged, resolve_place
from graph.records import read_kept

# Spread thin: the villages a helper is paired with lie in this many towns or more (or in more than
# one district). Carrying many: this many villages or more.
SPREAD_TOWNS = 3
MANY_VILLAGES = 5


def helper_load(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    spread_towns: int = SPREAD_TOWNS,
    many_villages: int = MANY_VILLAGES,
    database: str = "neo4j",
) -> list[Row]:
    """Helpers ranked by villages paired, with weak share, spread, projects, money and flags."""
    return helper_load_page(driver, as_of, district, spread_towns, many_villages, database)[1]


def helper_load_page(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    spread_towns: int = SPREAD_TOWNS,
    many_villages: int = MANY_VILLAGES,
    database: str = "neo4j",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Row]]:
    """How many helpers the ranking holds, and ``limit`` of them from ``offset``.

    Projects and money are summed for the returned helpers only (the ranking does not use them).
    The national ranking walks every pairing in force (seconds): a page is kept in this process
    while no write commits to the database (``read_kept``: a load or a decision is seen at once).
    """
    rows = read_kept(
        driver,
        "analyses/helper_load",
        database,
        as_of=as_of,
        district=resolve_place(driver, "district", district, database),
        spread_towns=spread_towns,
        many_villages=many_villages,
        limit=limit,
        offset=offset,
    )
    return _paged(rows, "uid")
