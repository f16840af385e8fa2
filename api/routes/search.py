"""``GET /search``: find villages, towns, districts and helpers by name, code or pinyin."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.deps import DriverDep, SettingsDep
from api.schemas import SearchHit
from graph.search import search as search_graph

router = APIRouter(prefix="/search", tags=["search 搜索"])


@router.get("", response_model=list[SearchHit])
def search(
    driver: DriverDep,
    settings: SettingsDep,
    q: str = Query(
        ...,
        min_length=1,
        max_length=100,
        description="名称、部分名称、代码或拼音 · name, part of a name, code or pinyin (新建村, 310151, huayuan, hyc)",
    ),
    limit: int = Query(20, ge=1, le=200, description="最多返回条数 · most results"),
) -> list[dict]:
    """按名称/代码/拼音搜索，附行政区划路径 · Search by name, code or pinyin, with the administrative path."""
    return search_graph(driver, q, limit, settings.neo4j_database)
