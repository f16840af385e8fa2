"""Planners' decisions: record that a helper is paired with a village, end a pairing, undo either.

A decision writes an ordinary ``PAIRED_WITH`` edge (or sets ``until`` on one), so every analysis
sees it at once; the edge carries the provenance (``source_id`` 'planner', the decision uid as
``source_loc``, who, when, the note). A ``PlannerDecision`` node keeps the record, so the decision
can be listed and undone; undoing marks it undone rather than deleting it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from neo4j import Driver

from graph.errors import Conflict, InvalidInput, NotFound
from graph.records import read, write

Row = dict[str, Any]

PLANNER_SOURCE = "planner"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _new_uid() -> str:
    return f"decision:{uuid.uuid4()}"


def _who(decided_by: str) -> str:
    who = (decided_by or "").strip()
    if not who:
        raise InvalidInput(code="decision.who_missing")
    return who


def record_pairing(
    driver: Driver,
    helper_uid: str,
    village: str,
    since: date,
    note: str,
    decided_by: str,
    database: str = "neo4j",
) -> Row:
    """Record that ``helper_uid`` is paired with ``village`` from ``since``.

    Returns:
        The decision (uid, action 'pair', helper, village, day, who, when, note).

    Raises:
        InvalidInput: nobody is named as deciding.
        Conflict: the helper (or its unit, or a party organization of it) is paired with the
            village on ``since`` already.
        NotFound: no helper or no village has that uid or code.
    """
    who = _who(decided_by)
    if read(driver, "decisions/pairing_in_force", database, helper_uid=helper_uid, village=village, day=since):
        raise Conflict(code="decision.paired_already", helper=helper_uid, village=village, day=since.isoformat())
    rows = write(
        driver,
        "decisions/create_planner_pairing",
        database,
        decision_uid=_new_uid(),
        helper_uid=helper_uid,
        village=village,
        since=since,
        note=note.strip(),
        decided_by=who,
        decided_at=_now(),
    )
    if not rows:
        raise NotFound(code="decision.helper_or_village_not_found", helper=helper_uid, village=village)
    return rows[0]["decision"]


def end_pairing(
    driver: Driver,
    village: str,
    source_id: str,
    source_loc: str,
    until: date,
    note: str,
    decided_by: str,
    database: str = "neo4j",
) -> Row:
    """End the pairing into ``village`` that ``source_id`` / ``source_loc`` recorded, on ``until``.

    Raises:
        InvalidInput: nobody is named as deciding, or ``until`` is before the pairing's ``since``.
        NotFound: the village has no pairing from that source.
    """
    who = _who(decided_by)
    found = read(
        driver, "decisions/pairing_from_source", database, village=village, source_id=source_id, source_loc=source_loc
    )
    if not found:
        raise NotFound(code="decision.no_such_pairing", village=village, source_id=source_id, source_loc=source_loc)
    since = found[0]["since"]
    if since is not None and until < since:
        raise InvalidInput(code="decision.ends_before_start", since=since.isoformat(), until=until.isoformat())
    rows = write(
        driver,
        "decisions/end_pairing",
        database,
        decision_uid=_new_uid(),
        village=village,
        source_id=source_id,
        source_loc=source_loc,
        until=until,
        note=note.strip(),
        decided_by=who,
        decided_at=_now(),
    )
    if not rows:  # removed between the two statements
        raise NotFound(code="decision.no_such_pairing", village=village, source_id=source_id, source_loc=source_loc)
    return rows[0]["decision"]


def undo(driver: Driver, decision_uid: str, undone_by: str, database: str = "neo4j") -> Row:
    """Undo a decision: its pairing is removed, or the ended pairing's old ``until`` restored.

    Raises:
        NotFound: no decision has that uid, or it was undone already.
    """
    rows = write(
        driver,
        "decisions/undo_decision",
        database,
        decision_uid=decision_uid,
        undone_by=_who(undone_by),
        undone_at=_now(),
    )
    if not rows:
        raise NotFound(code="decision.not_in_force", uid=decision_uid)
    return rows[0]["decision"]


def decisions(driver: Driver, village: str | None = None, limit: int = 100, database: str = "neo4j") -> list[Row]:
    """Planners' decisions, newest first: every village's, or one village's."""
    return [row["decision"] for row in read(driver, "decisions/list_decisions", database, village=village, limit=limit)]


def record_pairings(
    driver: Driver,
    pairs: list[tuple[str, str]],
    since: date,
    note: str,
    decided_by: str,
    database: str = "neo4j",
) -> list[Row]:
    """Record several (helper uid, village) pairings as planner decisions in one transaction: all
    of them, or — when one cannot go in — none. Each is undone on its own with ``undo``; they share
    a ``batch_uid``.

    Raises:
        InvalidInput: nobody is named as deciding, nothing is given, or a pair is given twice.
        Conflict: a helper is paired with its village on ``since`` already (nothing is recorded).
        NotFound: a helper or a village does not exist (nothing is recorded).
    """
    if not (decided_by or "").strip():
        raise InvalidInput(code="plan.accept_who")
    who = decided_by.strip()
    if not pairs:
        raise InvalidInput(code="plan.accept_empty")
    if len(set(pairs)) != len(pairs):
        twice = next(p for p in pairs if pairs.count(p) > 1)
        raise InvalidInput(code="plan.fixed_twice", village=twice[1], helper=twice[0])

    def all_in(rows: list[Row]) -> None:
        for row in rows:
            if not row["found"]:
                raise NotFound(code="plan.accept_missing", helper=row["helper_uid"], village=row["village"])
            if row["conflict"]:
                raise Conflict(
                    code="plan.accept_conflict", helper=row["helper"], village=row["village"], day=since.isoformat()
                )

    rows = write(
        driver,
        "decisions/create_planner_pairings",
        database,
        check=all_in,
        rows=[{"decision_uid": _new_uid(), "helper_uid": h, "village": v} for h, v in pairs],
        batch_uid=f"plan:{uuid.uuid4()}",
        since=since,
        note=note.strip(),
        decided_by=who,
        decided_at=_now(),
    )
    return [row["decision"] for row in rows]
