"""The review queue: report mentions a person should decide on, and the decisions they take.

The same named queries ``revkg review`` and ``revkg review decide`` run; a decision is kept in the
graph (``ReviewDecision``) and every later load of a report applies it. The API applies it at once
as well: ``documents_for`` gives the reports that carry the mention (with their stored text), the
report loader extracts them again, and ``effects`` says what the reports now tie to the place.

The queue lists what a person can decide: mentions with a key (a village name read in a place),
each key once however many times the reports repeat it, with its candidates named down to their
town and district.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from neo4j import Driver

from graph.errors import InvalidInput
from graph.messages import Language, method_text, say, status_text
from graph.records import read, write

REVIEW_CONFIDENCE = 0.7  # mentions at or below this confidence are listed (as on the CLI)


def review_items(
    driver: Driver, max_confidence: float = REVIEW_CONFIDENCE, database: str = "neo4j", lang: Language = "zh"
) -> list[dict[str, Any]]:
    """Mentions that need a person, one per key: unresolved or ambiguous villages, fuzzy matches,
    low confidence. Each carries ``occurrences`` (how many times the reports name it), its
    ``candidates`` as ``{code, name, town, district, text}`` and its status and method in words.
    Mentions without a key (a unit or person read with low confidence) cannot be decided here and
    are not listed."""
    rows = read(driver, "review/list_review_items", database, max_confidence=max_confidence)
    items: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row["key"]
        if not key:
            continue
        if key in items:
            items[key]["occurrences"] += 1
            continue
        items[key] = {**row, "occurrences": 1}
    codes = sorted({c for item in items.values() for c in (item["candidates"] or [])})
    places = {p["code"]: p for p in read(driver, "review/candidate_places", database, codes=codes)} if codes else {}
    out = []
    for item in items.values():
        item["candidates"] = [_candidate(code, places.get(code), lang) for code in item["candidates"] or []]
        item["status_text"] = status_text(item["status"] or "resolved", lang)
        item["method_text"] = method_text(item["method"], lang)
        out.append(item)
    return out


def _candidate(code: str, place: dict[str, Any] | None, lang: Language) -> dict[str, Any]:
    if place is None:
        return {"code": code, "name": None, "town": None, "district": None, "text": code}
    where = "，".join(n for n in (place["town"], place["district"]) if n)
    text = say("review.candidate", lang, name=place["name"], where=where or "—", code=code)
    return {**place, "text": text}


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
        raise InvalidInput(code="review.key_empty")
    chosen = (code or "").strip() or None
    if chosen is not None and not (len(chosen) == 12 and chosen.isascii() and chosen.isdigit()):
        raise InvalidInput(code="review.code_invalid", value=chosen)
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


def documents_for(driver: Driver, key: str, database: str = "neo4j") -> list[dict[str, Any]]:
    """The reports that mention ``key``: uid, title, path, sha256 and the text they were read from."""
    return read(driver, "review/documents_for_mention", database, key=key.strip())


def report_titles(driver: Driver, uids: list[str], database: str = "neo4j") -> dict[str, str]:
    """Each report's title by its document uid (reports without a title are left out)."""
    if not uids:
        return {}
    return {row["uid"]: row["title"] for row in read(driver, "lookup/report_titles", database, uids=uids)}


def effects(driver: Driver, key: str, database: str = "neo4j") -> list[dict[str, Any]]:
    """What the reports now say through ``key``: per report, the place the mention points to (its
    code, or the uid of a village the code table lacks), its town and district, and the helpers,
    projects and posts tied to it there."""
    return read(driver, "review/mention_effects", database, key=key.strip())


def describe_effects(found: list[dict[str, Any]], documents: int, lang: Language = "zh") -> str:
    """One sentence for the page: how many reports were read again and what they now tie to the place.

    >>> describe_effects([{"node": "310151109203", "name": "红星村", "resolved": True, "town": "中兴镇",
    ...     "district": "崇明区", "helpers": ["某公司"], "projects": [], "leaders": []}], 1)
    '已按决定重新识别 1 篇报告：红星村（中兴镇，崇明区，310151109203）现有结对：某公司'
    """
    if not found:
        return say("review.applied.nothing", lang, documents=documents)
    first = next((f for f in found if f["resolved"]), found[0])
    helpers = sorted({h for f in found for h in f["helpers"]})
    projects = sorted({p for f in found for p in f["projects"]})
    leaders = sorted({p for f in found for p in f["leaders"]})
    if not first["resolved"]:
        return say("review.applied.unresolved", lang, documents=documents, name=first["name"])
    where = "，".join(n for n in (first["town"], first["district"], first["node"]) if n)
    parts = [
        say(code, lang, names="、".join(names))
        for code, names in (
            ("review.applied.helpers", helpers),
            ("review.applied.projects", projects),
            ("review.applied.leaders", leaders),
        )
        if names
    ]
    facts = "；".join(parts) if parts else say("review.applied.no_facts", lang)
    return say("review.applied", lang, documents=documents, name=first["name"], where=where, facts=facts)
