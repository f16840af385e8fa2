"""``GET /villages/{code}``: one village with its helpers, projects and evidence."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Path

from api.deps import AsyncDriverDep, SettingsDep
from api.schemas import VillageDetail
from api.tabular import AS_OF_QUERY
from graph import analyses

router = APIRouter(prefix="/villages", tags=["villages 村"])


@router.get("/{code:path}", response_model=VillageDetail)
async def village(
    driver: AsyncDriverDep,
    settings: SettingsDep,
    code: str = Path(
        ..., description="12 位村代码，或未入代码表村的 uid · 12-digit code, or uid of an unresolved village"
    ),
    as_of: date | None = AS_OF_QUERY,
) -> dict:
    """村的全部信息及证据 · A village: path, weak designations, helpers in force, projects, evidence."""
    return await analyses.village_profile_async(driver, code, as_of, settings.neo4j_database)
