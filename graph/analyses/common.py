"""What the analyses share: the row type, place lookups by code or name, and paging."""

from __future__ import annotations

from typing import Any, Literal

from neo4j import Driver

from graph.errors import InvalidInput, NotFound
from graph.records import read
from graph.schema import CODE_LENGTH

Row = dict[str, Any]
Level = Literal["district", "town"]


def resolve_place(
    driver: Driver, level: Level | Literal["province"], value: str | None, database: str = "neo4j"
) -> str | None:
    """The code of the province, district or town ``value`` names (a code or a name), or None for None.

    Raises:
        NotFound: nothing of that level has that code or name.
        InvalidInput: the name is shared by several (the message lists them with their codes).
    """
    if value is None or not value.strip():
        return None
    rows = read(driver, "lookup/places_named", database, value=value.strip(), level=level)
    if not rows:
        raise NotFound(code=f"place.{level}_not_found", value=value)
    if len(rows) > 1:
        options = "、".join(f"{r['name']} {r['code']}（{r['parent']}）" for r in rows)
        raise InvalidInput(code="place.ambiguous", value=value, count=len(rows), options=options)
    return str(rows[0]["code"])


def loaded_provinces(driver: Driver, database: str = "neo4j") -> list[str]:
    """Codes of the provinces whose code table is in the graph."""
    return [row["code"] for row in read(driver, "lookup/provinces_loaded", database)]


def area_names(driver: Driver, codes: list[str], database: str = "neo4j") -> dict[str, str]:
    """Province, city and district names by code (codes nothing has are left out)."""
    if not codes:
        return {}
    return {row["code"]: row["name"] for row in read(driver, "lookup/area_names", database, codes=sorted(set(codes)))}


def _code_shaped(level: str, value: str | None) -> str | None:
    """``value`` when it is written as a code of ``level`` (digits, the level's length), else None.

    >>> _code_shaped("district", " 310151 "), _code_shaped("district", "崇明区"), _code_shaped("town", "310151")
    ('310151', None, None)
    """
    code = (value or "").strip()
    return code if len(code) == CODE_LENGTH[level] and code.isascii() and code.isdigit() else None


def _paged(rows: list[Row], key: str) -> tuple[int, list[Row]]:
    """Split a paged query's rows into its total and its items (a page past the end is one row
    whose ``key`` is null).

    >>> _paged([{"total": 2, "code": "1"}, {"total": 2, "code": "2"}], "code")
    (2, [{'code': '1'}, {'code': '2'}])
    >>> _paged([{"total": 2, "code": None, "villages": 0}], "code")
    (2, [])
    """
    total = rows[0]["total"] if rows else 0
    items = []
    for row in rows:
        row.pop("total")
        if row[key] is not None:
            items.append(row)
    return total, items
