"""The audit trail: every write through the API (and every change of users), who made it and what
it changed, appended to the graph as ``AuditEntry`` nodes and never changed afterwards.

One entry per write, written after the write succeeded (a refused write changes nothing and leaves
none). The entry and the write are two transactions: should Neo4j fail between them, the write
stands without its entry, and the API answers the error so the person knows.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from graph.messages import MESSAGES, Language, say
from graph.records import read, write
from graph.users import User

# The export's columns (api/tabular.py gives them Chinese headers).
AUDIT_COLUMNS = ("at", "who", "role", "route", "action", "target", "details")


def record(
    driver: Driver,
    user: User,
    route: str,
    action: str,
    target: str,
    details: dict[str, Any] | None = None,
    database: str = "neo4j",
) -> str:
    """Append one entry and return its uid."""
    uid = f"audit:{uuid.uuid4()}"
    write(
        driver,
        "audit/append_audit_entry",
        database,
        uid=uid,
        at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        who=user.name,
        role=user.role,
        route=route,
        action=action,
        target=target,
        details=json.dumps(details or {}, ensure_ascii=False, default=str, sort_keys=True),
    )
    return uid


def entries(driver: Driver, who: str | None = None, limit: int = 1000, database: str = "neo4j") -> list[dict[str, Any]]:
    """The trail, newest first (one person's with ``who``)."""
    return read(driver, "audit/list_audit_entries", database, who=who, limit=limit)


def in_words(entry: dict[str, Any], lang: Language = "zh") -> dict[str, Any]:
    """The entry with its role and action in ``lang`` (``role_words``, ``action_words``); the codes stay.

    >>> in_words({"role": "planner", "action": "record_pairing"})["action_words"]
    '记录结对'
    """
    role, action = entry.get("role") or "", entry.get("action") or ""
    known = f"audit.action.{action}" in MESSAGES
    return {
        **entry,
        "role_words": say(f"role.{role}", lang) if f"role.{role}" in MESSAGES else role,
        "action_words": say(f"audit.action.{action}", lang) if known else action,
    }


def count(driver: Driver, database: str = "neo4j") -> int:
    """How many entries the trail holds."""
    return int(read(driver, "audit/count_audit_entries", database)[0]["entries"])
