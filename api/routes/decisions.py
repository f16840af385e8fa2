"""``/decisions``: planners record or end pairings, and undo what they recorded (writes need the API key)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query

from api.deps import ApiKeyDep, DriverDep, SettingsDep
from api.schemas import Decision, PairingDecisionRequest, PairingEndRequest, PlanAcceptRequest
from graph import decisions
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


@router.post("/pairings", response_model=Decision, status_code=201, dependencies=[ApiKeyDep])
def record_pairing(body: PairingDecisionRequest, driver: DriverDep, settings: SettingsDep) -> dict[str, Any]:
    """记录结对（来源 planner）· Record that a helper is paired with a village from a date (provenance: planner)."""
    return decisions.record_pairing(
        driver, body.helper_uid, body.village, body.since, body.note, body.decided_by, settings.neo4j_database
    )


@router.post("/pairings/end", response_model=Decision, status_code=201, dependencies=[ApiKeyDep])
def end_pairing(body: PairingEndRequest, driver: DriverDep, settings: SettingsDep) -> dict[str, Any]:
    """结束结对（设置 until）· End a pairing on a date (sets its until; the old value is kept for undo)."""
    return decisions.end_pairing(
        driver,
        body.village,
        body.source_id,
        body.source_loc,
        body.until,
        body.note,
        body.decided_by,
        settings.neo4j_database,
    )


# The one place this write is authorised: the API key today, the planner role once users have roles.
@router.post("/plan", response_model=list[Decision], status_code=201, dependencies=[ApiKeyDep])
def accept_plan(body: PlanAcceptRequest, driver: DriverDep, settings: SettingsDep) -> list[dict[str, Any]]:
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
    return decisions.record_pairings(
        driver,
        [(row.helper_uid, row.village) for row in body.rows],
        body.since,
        note,
        body.decided_by,
        settings.neo4j_database,
    )


@router.delete("/{uid}", response_model=Decision, dependencies=[ApiKeyDep])
def undo_decision(
    driver: DriverDep,
    settings: SettingsDep,
    uid: str = Path(..., description="决定标识 · decision uid (decision:…)"),
    by: str = Query(..., min_length=1, max_length=100, description="撤销人 · who undoes it"),
) -> dict[str, Any]:
    """撤销决定 · Undo a decision: the recorded pairing is removed, or the ended one's until restored."""
    return decisions.undo(driver, uid, by, settings.neo4j_database)
