"""The review queue: report mentions a person should decide on, and the decisions they take.

The same named queries ``revkg review`` and ``revkg review decide`` run; a decision is kept in the
graph (``ReviewDecision``) and every later load of a report applies it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from graph.errors import InvalidInput
from graph.records import read, write

REVIEW_CONFIDENCE = 0.7  # mentions at or below this confidence are listed (as on the CLI)


def review_items(
    driver: Driver, max_confidence: float = REVIEW_CONFIDENCE, database: str = "neo4j"
) -> list[dict[str, Any]]:
    """Mentions that need a person: unresolved or ambiguous villages, fuzzy matches, low confidence."""
    return read(driver, "review/list_review_items", database, max_confidence=max_confidence)


def decide(
    driver: Driver, key: str, code: str | None, note: str = "", database: str = "neo4j", decided_by: str | None = None
) -> dict[str, Any]:
    """Record the decision on mention ``key`` (``surface@scope code``): ``code`` chosen, or None for
    "not in the code table".

    Raises:
        InvalidInput: the key is empty, or ``code`` is not a 12-digit village code.
    """
    surface, _, scope = key.strip().partition("@")
    if not surface:
        raise InvalidInput("the mention key is empty; use the key the review list shows (红星村@310151)")
    chosen = (code or "").strip() or None
    if chosen is not None and not (len(chosen) == 12 and chosen.isascii() and chosen.isdigit()):
        raise InvalidInput(f"{chosen!r} is not a 12-digit village code")
    decided_at = datetime.now(UTC).isoformat(timespec="seconds")
    write(
        driver,
        "review/merge_review_decision",
        database,
        uid=key.strip(),
        surface=surface,
        scope_code=scope or None,
        decided_code=chosen,
        note=note.strip(),
        decided_at=decided_at,
        decided_by=decided_by,
    )
    return {
        "key": key.strip(),
        "decided_code": chosen,
        "note": note.strip(),
        "decided_at": decided_at,
        "decided_by": decided_by,
    }
