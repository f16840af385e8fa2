"""``GET /organizations/{uid}``: one helper unit with its pairings, projects and evidence."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Path

from api.deps import DriverDep, SettingsDep
from api.schemas import OrganizationDetail
from api.tabular import AS_OF_QUERY
from graph import analyses

router = APIRouter(prefix="/organizations", tags=["organizations 帮扶单位"])


@router.get("/{uid:path}", response_model=OrganizationDetail)
def organization(
    driver: DriverDep,
    settings: SettingsDep,
    uid: str = Path(..., description="单位或党组织标识 · organization or party organization uid (org:…, party:…)"),
    as_of: date | None = AS_OF_QUERY,
) -> dict:
    """帮扶单位的全部信息及证据 · A helper: party organizations, pairings in force, projects, resources, evidence."""
    profile = analyses.organization_profile(driver, uid, as_of, settings.neo4j_database)
    profile["evidence"] = analyses.evidence(driver, uid, settings.neo4j_database)
    return profile
