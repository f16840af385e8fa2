"""``GET /analyses/…``: the planners' analyses, paginated, as JSON or a CSV / Excel download."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, TypedDict

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import DriverDep, SettingsDep
from api.schemas import (
    Cluster,
    Connection,
    CoverageRow,
    HelperLoadRow,
    PairingPlan,
    Suggestion,
    UncoveredVillage,
)
from api.tabular import (
    AS_OF_QUERY,
    EXPORTS,
    FORMAT_QUERY,
    HEADERS_QUERY,
    LIMIT_QUERY,
    OFFSET_QUERY,
    Format,
    Headers,
    Page,
    download,
    page,
)
from graph import analyses
from graph.errors import InvalidInput

router = APIRouter(prefix="/analyses", tags=["analyses 分析"])

DISTRICT_QUERY = Query(None, description="区县代码或名称 · district code or name (310151, 崇明区)")
PROVINCE_QUERY = Query(None, description="省级代码或名称 · province code or name (31, 上海市)")
TOWN_QUERY = Query(None, description="街镇代码或名称 · town code or name (310151102, 堡镇)")


def _answer(
    rows: list[dict[str, Any]],
    fmt: Format,
    limit: int,
    offset: int,
    export: str,
    headers: Headers,
    scope: str | None,
    as_of: date | None,
) -> dict[str, Any] | StreamingResponse:
    if fmt == "json":
        return page(rows, limit, offset)
    return download(rows, EXPORTS[export], fmt, headers, scope, as_of)


class _Cut(TypedDict):
    limit: int | None
    offset: int


def _cut(fmt: Format, limit: int, offset: int) -> _Cut:
    """JSON pages are cut in the database; a download holds every row."""
    return {"limit": limit, "offset": offset} if fmt == "json" else {"limit": None, "offset": 0}


def _answer_page(
    total: int,
    rows: list[dict[str, Any]],
    fmt: Format,
    limit: int,
    offset: int,
    export: str,
    headers: Headers,
    scope: str | None,
    as_of: date | None,
) -> dict[str, Any] | StreamingResponse:
    if fmt == "json":
        return {"total": total, "limit": limit, "offset": offset, "items": rows}
    return download(rows, EXPORTS[export], fmt, headers, scope, as_of)


@router.get("/uncovered-weak-villages", response_model=Page[UncoveredVillage])
def uncovered_weak_villages(
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = AS_OF_QUERY,
    province: str | None = PROVINCE_QUERY,
    district: str | None = DISTRICT_QUERY,
    town: str | None = TOWN_QUERY,
    nearest: int = Query(3, ge=0, le=20, description="每村列出的就近帮扶单位数 · nearby helpers listed per village"),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
    limit: int = LIMIT_QUERY,
    offset: int = OFFSET_QUERY,
) -> Any:
    """未结对的薄弱村及就近帮扶单位 · Weak villages no helper is paired with, and the helpers nearest to each."""
    total, rows = analyses.uncovered_weak_villages_page(
        driver,
        as_of,
        district,
        town,
        nearest,
        settings.neo4j_database,
        province=province,
        **_cut(format, limit, offset),
    )
    return _answer_page(
        total, rows, format, limit, offset, "uncovered_weak_villages", headers, town or district or province, as_of
    )


@router.get("/coverage", response_model=Page[CoverageRow])
def coverage(
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = AS_OF_QUERY,
    level: Annotated[
        analyses.Level, Query(description="district 按区县 / town 按街镇（需 parent）· per district or per town")
    ] = "district",
    parent: str | None = Query(
        None,
        description="上级：省/市代码或名称（按区县），或区县（按街镇）· province/city for districts, district for towns",
    ),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
    limit: int = LIMIT_QUERY,
    offset: int = OFFSET_QUERY,
) -> Any:
    """结对覆盖率及报告所称数字对照 · Coverage of weak villages per district or town, with reports' claims beside it."""
    total, rows = analyses.coverage_page(
        driver, as_of, level, parent, settings.neo4j_database, **_cut(format, limit, offset)
    )
    return _answer_page(total, rows, format, limit, offset, f"coverage_by_{level}", headers, parent, as_of)


@router.get("/helper-load", response_model=Page[HelperLoadRow])
def helper_load(
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = AS_OF_QUERY,
    district: str | None = DISTRICT_QUERY,
    spread_towns: int = Query(
        analyses.SPREAD_TOWNS, ge=1, description="跨几个街镇算分散 · towns spanned that count as spread thin"
    ),
    many_villages: int = Query(
        analyses.MANY_VILLAGES, ge=1, description="结对几个村算负担重 · villages that count as carrying many"
    ),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
    limit: int = LIMIT_QUERY,
    offset: int = OFFSET_QUERY,
) -> Any:
    """帮扶单位负担排名 · Helpers ranked by villages paired, weak share, spread, projects and money."""
    total, rows = analyses.helper_load_page(
        driver, as_of, district, spread_towns, many_villages, settings.neo4j_database, **_cut(format, limit, offset)
    )
    return _answer_page(total, rows, format, limit, offset, "helper_load", headers, district, as_of)


@router.get("/shared-resource-clusters", response_model=Page[Cluster])
def shared_resource_clusters(
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = AS_OF_QUERY,
    province: str | None = PROVINCE_QUERY,
    district: str | None = DISTRICT_QUERY,
    seed: int = Query(analyses.CLUSTER_SEED, description="Leiden 随机种子 · Leiden seed (same seed, same clusters)"),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
    limit: int = LIMIT_QUERY,
    offset: int = OFFSET_QUERY,
) -> Any:
    """资源共享群落（Leiden）· Clusters of helpers and villages bound by pairings, joint projects and shared resources."""
    clusters = analyses.shared_resource_clusters(
        driver, as_of, district, seed, settings.neo4j_database, province=province
    )
    if format == "json":
        return page(clusters, limit, offset)
    return download(
        analyses.cluster_members(clusters),
        EXPORTS["shared_resource_clusters"],
        format,
        headers,
        district or province,
        as_of,
    )


@router.get("/pairing-suggestions", response_model=Page[Suggestion])
def pairing_suggestions(
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = AS_OF_QUERY,
    village: str | None = Query(None, description="村代码 · village code (or give district)"),
    district: str | None = DISTRICT_QUERY,
    capacity: int = Query(
        analyses.CAPACITY, ge=1, le=100, description="每个单位最多结对村数 · most villages per helper"
    ),
    per_village: int = Query(3, ge=1, le=20, description="每村候选数 · candidates per village"),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
    limit: int = LIMIT_QUERY,
    offset: int = OFFSET_QUERY,
) -> Any:
    """结对推荐及理由 · Ranked candidate helpers for a village or a district's uncovered weak villages, with reasons."""
    rows = analyses.pairing_suggestions(
        driver, as_of, village, district, capacity, per_village, settings.neo4j_database
    )
    return _answer(rows, format, limit, offset, "pairing_suggestions", headers, village or district, as_of)


CITY_QUERY = Query(None, description="地市代码或名称 · city code or name (3101)")


def plan_scope(district: str | None, city: str | None, province: str | None) -> str:
    """The one area a plan is for: the narrowest of district, city and province given."""
    scope = district or city or province
    if not scope:
        raise InvalidInput(code="plan.scope_missing")
    return scope


@router.get("/pairing-plan", response_model=PairingPlan)
def pairing_plan(
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = AS_OF_QUERY,
    district: str | None = DISTRICT_QUERY,
    city: str | None = CITY_QUERY,
    province: str | None = PROVINCE_QUERY,
    capacity: int = Query(
        analyses.CAPACITY, ge=1, le=100, description="每个单位最多结对村数（上限）· most villages per helper"
    ),
    kind_capacity: list[str] = Query(
        [], description="按单位类型的上限，如 enterprise=3（可重复）· maximum per helper kind, kind=n (repeatable)"
    ),
    helper_capacity: list[str] = Query(
        [], description="单个单位的上限，如 org:某单位=2（可重复）· maximum of one helper, uid=n (repeatable)"
    ),
    helpers_per_village: int = Query(1, ge=1, le=5, description="每村所需帮扶单位数 · helpers each village needs"),
    candidates: int = Query(
        analyses.PLAN_CANDIDATES, ge=1, le=50, description="每村候选单位数 · candidates kept per village"
    ),
    fix: list[str] = Query([], description="指定结对 村标识:单位标识（可重复）· fixed pairs village:helper"),
    skip: list[str] = Query([], description="暂不安排的村标识（可重复）· villages set aside"),
    format: Format = FORMAT_QUERY,
    headers: Headers = HEADERS_QUERY,
) -> Any:
    """结对方案（最小费用流）· Every uncovered weak village of an area assigned at once: most villages covered, then least cost."""
    plan = analyses.pairing_plan(
        driver,
        plan_scope(district, city, province),
        as_of,
        capacity,
        capacity_by_kind=analyses.parse_limits(kind_capacity),
        capacity_by_helper=analyses.parse_limits(helper_capacity),
        helpers_per_village=helpers_per_village,
        candidates=candidates,
        fixed=analyses.parse_pairs(fix),
        skipped=skip,
        database=settings.neo4j_database,
    )
    if format == "json":
        return plan.as_dict()
    return download(plan.table(), EXPORTS["pairing_plan"], format, headers, plan.scope["name"], as_of)


@router.get("/paths", response_model=list[Connection])
def paths(
    driver: DriverDep,
    settings: SettingsDep,
    source: str = Query(..., description="起点：村代码或单位 uid · village code or helper uid"),
    target: str = Query(..., description="终点 · the other entity"),
    max_paths: int = Query(5, ge=1, le=50, description="最多路径数 · most paths"),
) -> list[dict[str, Any]]:
    """两个实体如何相连（不经行政隶属）· How two entities are connected, skipping the administrative spine."""
    return analyses.paths(driver, source, target, max_paths, settings.neo4j_database)
