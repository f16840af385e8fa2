"""``POST /cypher``: analysts' own read-only Cypher, time- and row-capped."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import DriverDep, SettingsDep
from api.schemas import CypherRequest, CypherResponse
from graph.readonly import run_read_only

router = APIRouter(prefix="/cypher", tags=["cypher 自定义查询"])


@router.post("", response_model=CypherResponse)
def cypher(body: CypherRequest, driver: DriverDep, settings: SettingsDep) -> CypherResponse:
    """只读执行 Cypher（拒绝写入、模式变更、LOAD CSV）· Run read-only Cypher; writes, schema changes and LOAD CSV are refused."""
    result = run_read_only(
        driver,
        body.query,
        body.params,
        timeout_s=settings.cypher_timeout_s,
        row_cap=settings.cypher_row_cap,
        database=settings.neo4j_database,
    )
    return CypherResponse(columns=result.columns, rows=result.rows, truncated=result.truncated, row_cap=result.row_cap)
