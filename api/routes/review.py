"""``/review``: the mentions ``revkg review`` lists, and decisions on them (decisions need the reviewer role)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from api.deps import DriverDep, ReviewerDep, SettingsDep
from api.schemas import ReviewDecisionOut, ReviewDecisionRequest, ReviewItem
from graph import audit, review

router = APIRouter(prefix="/review", tags=["review 人工复核"])


@router.get("/items", response_model=list[ReviewItem])
def review_items(
    driver: DriverDep,
    settings: SettingsDep,
    max_confidence: float = Query(
        review.REVIEW_CONFIDENCE, ge=0, le=1, description="列出置信度不高于此值的提及 · listed at or below"
    ),
) -> list[dict[str, Any]]:
    """待复核的提及（同 revkg review）· Mentions that need a person's decision, as `revkg review` lists them."""
    return review.review_items(driver, max_confidence, settings.neo4j_database)


@router.post("/decisions", response_model=ReviewDecisionOut)
def decide(
    request: Request, body: ReviewDecisionRequest, driver: DriverDep, settings: SettingsDep, user: ReviewerDep
) -> dict[str, Any]:
    """记录复核决定（同 revkg review decide）· Record a decision: the code chosen, or null for "not in the code table"."""
    decision = review.decide(driver, body.key, body.code, body.note, settings.neo4j_database, decided_by=user.name)
    route = f"{request.method} {request.url.path}"
    audit.record(driver, user, route, "review_decision", decision["key"], decision, settings.neo4j_database)
    return decision
