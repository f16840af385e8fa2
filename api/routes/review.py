"""``/review``: the mentions ``revkg review`` lists, and decisions on them (decisions need the reviewer role).

A decision takes effect in the same request: the reports carrying the mention are extracted again
with it (from the text the graph keeps) and written, and the answer says what they now tie to the place.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from api.deps import DriverDep, ReviewerDep, SettingsDep
from api.places import place_index
from api.schemas import ReviewDecisionOut, ReviewDecisionRequest, ReviewItem
from graph import audit, review
from graph.messages import language

router = APIRouter(prefix="/review", tags=["review 人工复核"])


@router.get("/items", response_model=list[ReviewItem])
def review_items(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    max_confidence: float = Query(
        review.REVIEW_CONFIDENCE, ge=0, le=1, description="列出置信度不高于此值的提及 · listed at or below"
    ),
) -> list[dict[str, Any]]:
    """待复核的提及，每个提及键一条 · Mentions that need a person's decision, one per mention key."""
    lang = language(request.headers.get("accept-language"))
    return review.review_items(driver, max_confidence, settings.neo4j_database, lang)


@router.post("/decisions", response_model=ReviewDecisionOut)
def decide(
    request: Request, body: ReviewDecisionRequest, driver: DriverDep, settings: SettingsDep, user: ReviewerDep
) -> dict[str, Any]:
    """记录复核决定并立即生效 · Record a decision (the code chosen, or null for "not in the code table") and apply it to the reports at once."""
    from loaders import reports

    database = settings.neo4j_database
    decision = review.decide(driver, body.key, body.code, body.note, database, decided_by=user.name)
    route = f"{request.method} {request.url.path}"
    audit.record(driver, user, route, "review_decision", decision["key"], decision, database)
    stored = review.documents_for(driver, decision["key"], database)
    result = reports.reextract(driver, stored, place_index(request, driver, settings), database=database)
    found = review.effects(driver, decision["key"], database)
    lang = language(request.headers.get("accept-language"))
    return {
        **decision,
        "documents": result.written,
        "not_applied": result.rejected,
        "effects": found,
        "message": review.describe_effects(found, len(result.written), lang),
    }
