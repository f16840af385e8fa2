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
    """The entry with its role, action and change in ``lang`` (``role_words``, ``action_words``,
    ``details_words``); the codes and the stored details stay beside them.

    >>> in_words({"role": "planner", "action": "accept_plan", "details": '{"rows": 3}'})["details_words"]
    '结对方案中 3 条结对一并记录'
    """
    role, action = entry.get("role") or "", entry.get("action") or ""
    return {
        **entry,
        "role_words": _words(f"role.{role}", lang) or role,
        "action_words": _words(f"audit.action.{action}", lang) or action,
        "details_words": _details_words(action, entry.get("details") or "{}", lang),
    }


def _words(code: str, lang: Language, **params: Any) -> str | None:
    return say(code, lang, **params) if code in MESSAGES else None


def _details_words(action: str, details: str, lang: Language) -> str:
    try:
        stored = json.loads(details)
    except ValueError:
        return details
    if not isinstance(stored, dict):
        return details
    params: dict[str, Any] = {k: ("—" if v is None else v) for k, v in stored.items()}
    for name in ("helper", "village", "village_code", "day", "rows", "key", "summary", "name"):
        params.setdefault(name, "—")
    params["files"] = "、".join(stored.get("files") or []) or "—"
    params["role"] = _words(f"role.{stored.get('role')}", lang) or params.get("role", "—")
    code = stored.get("decided_code")
    params["decided"] = code if code else say("audit.details.not_in_table", lang)
    return _words(f"audit.details.{action}", lang, **params) or details


def count(driver: Driver, database: str = "neo4j") -> int:
    """How many entries the trail holds."""
    return int(read(driver, "audit/count_audit_entries", database)[0]["entries"])
