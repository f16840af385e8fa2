"""Profiles of one village or helper with every fact's evidence, and the paths between two entities."""

from __future__ import annotations

from datetime import date

from neo4j import AsyncDriver, Driver

from graph.analyses.common import Row
from graph.errors import NotFound
from graph.records import read, read_async


def paths(driver: Driver, source: str, target: str, max_paths: int = 5, database: str = "neo4j") -> list[Row]:
    """Shortest paths between two entities that skip the administrative spine, with evidence.

    Raises:
        NotFound: ``source`` or ``target`` names nothing.
    """
    found = {row["key"] for row in read(driver, "lookup/entities_found", database, keys=[source, target])}
    missing = [key for key in (source, target) if key not in found]
    if missing:
        raise NotFound(code="entity.not_found", keys="、".join(missing))
    rows = read(driver, "analyses/paths", database, source=source, target=target, max_paths=max_paths)
    for row in rows:
        row.pop("path", None)  # the Browser draws it; the API returns nodes and relationships
    return rows


def evidence(driver: Driver, entity: str, database: str = "neo4j") -> list[Row]:
    """Every fact about a village or helper (its party organizations included) with its source."""
    return read(driver, "analyses/entity_evidence", database, id=entity)


def village_profile(driver: Driver, code: str, as_of: date | None = None, database: str = "neo4j") -> Row:
    """One village with its path, designations, helpers in force, projects and every fact's evidence.

    Raises:
        NotFound: no village has that code or uid.
    """
    return _found_village(read(driver, "analyses/village_profile", database, code=code, as_of=as_of), code)


async def village_profile_async(
    driver: AsyncDriver,
    code: str,
    as_of: date | None = None,
    database: str = "neo4j",
) -> Row:
    """``village_profile`` through the async driver (``GET /villages/{code}``)."""
    rows = await read_async(driver, "analyses/village_profile", database, code=code, as_of=as_of)
    return _found_village(rows, code)


def _found_village(rows: list[Row], code: str) -> Row:
    if not rows:
        raise NotFound(code="village.not_found", village=code)
    return rows[0]


def organization_profile(driver: Driver, uid: str, as_of: date | None = None, database: str = "neo4j") -> Row:
    """One helper unit with its party organizations, pairings in force, projects and resources.

    Raises:
        NotFound: no organization or party organization has that uid.
    """
    rows = read(driver, "analyses/organization_profile", database, uid=uid, as_of=as_of)
    if not rows:
        raise NotFound(code="organization.not_found", uid=uid)
    return rows[0]
