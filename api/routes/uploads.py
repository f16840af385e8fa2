"""``POST /uploads/registers`` and ``POST /uploads/reports``: run the loaders on uploaded files (API key)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile
from neo4j import Driver
from pydantic import BaseModel, Field

from api.deps import ApiKeyDep, DriverDep, SettingsDep
from graph import analyses
from graph.errors import InvalidInput
from graph.settings import Settings

router = APIRouter(prefix="/uploads", tags=["uploads 上传"], dependencies=[ApiKeyDep])

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
REGISTER_SUFFIXES = {".xlsx", ".xls", ".csv"}
REPORT_SUFFIXES = {".txt", ".html", ".htm", ".md"}


class UploadReport(BaseModel):
    summary: str = Field(description="加载摘要 · what the loader did")
    files: list[str]
    retries: int = Field(
        0,
        description="因死锁、锁超时重试的写事务数 · write transactions retried after a transient error (deadlock, lock timeout)",
    )
    report: dict[str, Any] = Field(description="加载器的完整报告 · the loader's full report (counts, issues)")


def _place_index(request: Request, driver: Driver, settings: Settings) -> Any:
    return place_index_for(request.app.state, driver, settings)


def place_index_for(state: Any, driver: Driver, settings: Settings) -> Any:
    """The loaders' place index over the provinces the graph holds, built once per process (kept on
    the app's ``state``; ``api/warm.py`` builds it before the first upload)."""
    index = getattr(state, "place_index", None)
    if index is None:
        from loaders.places import PlaceIndex

        provinces = analyses.loaded_provinces(driver, settings.neo4j_database)
        index = PlaceIndex.for_home(settings.home, provinces or None)
        state.place_index = index
    return index


def _save(files: list[UploadFile], folder: Path, suffixes: set[str]) -> list[Path]:
    saved = []
    for upload in files:
        name = Path(upload.filename or "").name
        if Path(name).suffix.lower() not in suffixes:
            raise InvalidInput(code="upload.bad_suffix", name=name or "?", suffixes="、".join(sorted(suffixes)))
        data = upload.file.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise InvalidInput(code="upload.too_large", name=name, megabytes=MAX_UPLOAD_BYTES // (1024 * 1024))
        path = folder / name
        path.write_bytes(data)
        saved.append(path)
    return saved


def _as_report(result: Any, files: list[Path]) -> UploadReport:
    body = dataclasses.asdict(result) if dataclasses.is_dataclass(result) and not isinstance(result, type) else {}
    summary = result.summary() if callable(getattr(result, "summary", None)) else str(result)
    writes = getattr(result, "writes", None)
    return UploadReport(
        summary=summary, files=[p.name for p in files], retries=getattr(writes, "retries", 0), report=body
    )


@router.post("/registers", response_model=UploadReport)
def upload_registers(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="登记表（.xlsx/.xls/.csv）· register files")],
    kind: str | None = Query(
        None, description="pairings | weak | projects | leaders；省略则按表头识别 · detected from headers when omitted"
    ),
) -> UploadReport:
    """上传登记表并加载 · Load uploaded registers (pairings, weak villages, projects, leaders) and return the loader's report."""
    from loaders import register

    if kind is not None and kind not in register.KINDS:
        raise InvalidInput(code="upload.bad_kind", kinds="、".join(register.KINDS))
    with tempfile.TemporaryDirectory(prefix="revkg-upload-") as tmp:
        paths = _save(files, Path(tmp), REGISTER_SUFFIXES)
        result = register.load(
            driver, paths, _place_index(request, driver, settings), kind=kind, database=settings.neo4j_database
        )
    return _as_report(result, paths)


@router.post("/reports", response_model=UploadReport)
def upload_reports(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="工作报告（文本）· report texts")],
) -> UploadReport:
    """上传工作报告并抽取 · Extract pairings, projects and claims from uploaded reports and return the loader's report."""
    from loaders import reports

    load = getattr(reports, "load", None)
    if load is None:
        raise HTTPException(
            status_code=501,
            detail="upload.reports_unavailable",
        )
    with tempfile.TemporaryDirectory(prefix="revkg-upload-") as tmp:
        paths = _save(files, Path(tmp), REPORT_SUFFIXES)
        result = load(driver, paths, _place_index(request, driver, settings), database=settings.neo4j_database)
    return _as_report(result, paths)
