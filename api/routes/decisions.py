"""``/decisions``: planners record or end pairings, and undo what they recorded (writes need the planner role).

Who decided is the signed-in user (the key's owner), never a typed name; each write leaves one audit entry.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request

from api.deps import DriverDep, PlannerDep, SettingsDep
from api.schemas import Decision, PairingDecisionRequest, PairingEndRequest, PlanAcceptRequest
from graph import audit, decisions
from graph.messages import say

router = APIRouter(prefix="/decisions", tags=["decisions 规划决定"])


@router.get("", response_model=list[Decision])
def list_decisions(
    driver: DriverDep,
    settings: SettingsDep,
    village: str | None = Query(None, description="村代码或 uid · one village's decisions"),
    limit: int = Query(100, ge=1, le=1000, description="最多条数 · most decisions"),
) -> list[dict[str, Any]]:
    """规划决定列表（新的在前）· Planners' decisions, newest first."""
    return decisions.decisions(driver, village, limit, settings.neo4j_database)


def audited(
    request: Request, driver: DriverDep, settings: SettingsDep, user: PlannerDep, action: str, decision: dict[str, Any]
) -> dict[str, Any]:
    """Append the decision to the audit trail and return it."""
    route = f"{request.method} {request.url.path}"
    audit.record(driver, user, route, action, decision["uid"], decision, settings.neo4j_database)
    return decision


@router.post("/pairings", response_model=Decision, status_code=201)
def record_pairing(
    request: Request, body: PairingDecisionRequest, driver: DriverDep, settings: SettingsDep, user: PlannerDep
) -> dict[str, Any]:
    """记录结对（来源 planner）· Record that a helper is paired with a village from a date (provenance: planner)."""
    decision = decisions.record_pairing(
        driver, body.helper_uid, body.village, body.since, body.note, user.name, settings.neo4j_database
    )
    return audited(request, driver, settings, user, "record_pairing", decision)


@router.post("/pairings/end", response_model=Decision, status_code=201)
def end_pairing(
    request: Request, body: PairingEndRequest, driver: DriverDep, settings: SettingsDep, user: PlannerDep
) -> dict[str, Any]:
    """结束结对（设置 until）· End a pairing on a date (sets its until; the old value is kept for undo)."""
    decision = decisions.end_pairing(
        driver,
        body.village,
        body.source_id,
        body.source_loc,
        body.until,
        body.note,
        user.name,
        settings.neo4j_database,
    )
    return audited(request, driver, settings, user, "end_pairing", decision)


@router.post("/plan", response_model=list[Decision], status_code=201)
def accept_plan(
    request: Request, body: PlanAcceptRequest, driver: DriverDep, settings: SettingsDep, user: PlannerDep
) -> list[dict[str, Any]]:
    """接受结对方案：勾选的结对一次记录为规划决定（同一事务，可逐条撤销）· Record a pairing plan's ticked rows as planner decisions in one transaction."""
    plan = body.plan
    summary = say(
        "plan.accept_note",
        scope=plan.get("scope", "—"),
        as_of=plan.get("as_of", body.since.isoformat()),
        capacity=plan.get("capacity", "—"),
        per_village=plan.get("helpers_per_village", 1),
        cost=plan.get("total_cost", "—"),
    )
    note = f"{body.note.strip()} · {summary}" if body.note.strip() else summary
    recorded = decisions.record_pairings(
        driver,
        [(row.helper_uid, row.village) for row in body.rows],
        body.since,
        note,
        user.name,
        settings.neo4j_database,
    )
    # One audit entry for the whole plan, as it was one transaction.
    route = f"{request.method} {request.url.path}"
    target = recorded[0].get("batch_uid") or recorded[0]["uid"] if recorded else "plan"
    details = {"note": note, "decisions": [d["uid"] for d in recorded], "rows": len(recorded)}
    audit.record(driver, user, route, "accept_plan", str(target), details, settings.neo4j_database)
    return recorded


@router.delete("/{uid}", response_model=Decision)
def undo_decision(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    user: PlannerDep,
    uid: str = Path(..., description="决定标识 · decision uid (decision:…)"),
) -> dict[str, Any]:
    """撤销决定 · Undo a decision: the recorded pairing is removed, or the ended one's until restored."""
    decision = decisions.undo(driver, uid, user.name, settings.neo4j_database)
    return audited(request, driver, settings, user, "undo_decision", decision)
