"""``POST /uploads/registers`` and ``POST /uploads/reports``: run the loaders on uploaded files.

An upload replaces what an earlier file of the same name brought, so it needs the admin role. Each
upload gets an id (``upload:<UTC time>-<random>``); the graph records the file as
``upload:<id>/<file name>``, never the temporary folder it was read from, and the audit trail keeps
who uploaded which files and the loader's counts.
"""

from __future__ import annotations

import dataclasses
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile
from neo4j import Driver
from pydantic import BaseModel, Field

from api.deps import AdminDep, DriverDep, SettingsDep
from api.places import place_index
from graph import audit
from graph.errors import InvalidInput
from graph.messages import Language, language, say
from graph.settings import Settings

router = APIRouter(prefix="/uploads", tags=["uploads 上传"])

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Every extension the register loader reads (the CLI and the upload take the same files).
REGISTER_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv"}
REPORT_SUFFIXES = {".txt", ".html", ".htm", ".md"}


class UploadReport(BaseModel):
    upload_id: str = Field(description="上传编号 · the upload's id (upload:<UTC time>-<random>)")
    summary: str = Field(description="加载摘要 · what the loader did")
    files: list[str]
    retries: int = Field(
        0,
        description="因死锁、锁超时重试的写事务数 · write transactions retried after a transient error (deadlock, lock timeout)",
    )
    report: dict[str, Any] = Field(description="加载器的完整报告 · the loader's full report (counts, issues)")


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


def new_upload_id() -> str:
    """``upload:<UTC time>-<random>``: sortable, and unique without asking the graph.

    >>> new_upload_id().startswith("upload:20")
    True
    """
    return f"upload:{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def _as_report(result: Any, files: list[Path], upload_id: str, lang: Language = "zh") -> UploadReport:
    body = dataclasses.asdict(result) if dataclasses.is_dataclass(result) and not isinstance(result, type) else {}
    issues = getattr(result, "issues", None)
    if issues is not None:  # register issues: the reason in the client's language, its code beside it
        # A register's issues past the first IssueSpool.KEEP stay on disk: the answer lists those first
        # ones (read from the spool's memory, not its file) and says how many there are in all.
        shown = getattr(issues, "head", issues)
        body["issues"] = [{**i.as_dict(lang), "params": dict(i.params)} for i in shown]
        if hasattr(issues, "counts"):
            body["issues_total"] = len(issues)
    for sheet in body.get("sheets", []):  # the register's kind in words beside its code
        sheet["kind_text"] = say(f"register.kind.{sheet['kind']}", lang) if sheet.get("kind") else ""
    summary = result.summary(lang) if callable(getattr(result, "summary", None)) else str(result)
    writes = getattr(result, "writes", None)
    return UploadReport(
        upload_id=upload_id,
        summary=summary,
        files=[p.name for p in files],
        retries=getattr(writes, "retries", 0),
        report=body,
    )


def _audited(request: Request, driver: Driver, settings: Settings, user: Any, action: str, out: UploadReport) -> None:
    """One audit entry for the upload: its id, the files and the loader's counts."""
    writes = out.report.get("writes") or {}
    details = {"upload_id": out.upload_id, "files": out.files, "summary": out.summary, "writes": writes}
    route = f"{request.method} {request.url.path}"
    audit.record(
        driver, user, route, action, f"{out.upload_id}: {', '.join(out.files)}", details, settings.neo4j_database
    )


@router.post("/registers", response_model=UploadReport)
def upload_registers(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    user: AdminDep,
    files: Annotated[list[UploadFile], File(description="登记表（.xlsx/.xlsm/.xls/.csv）· register files")],
    kind: str | None = Query(
        None, description="pairings | weak | projects | leaders；省略则按表头识别 · detected from headers when omitted"
    ),
) -> UploadReport:
    """上传登记表并加载 · Load uploaded registers (pairings, weak villages, projects, leaders) and return the loader's report."""
    from loaders import register

    if kind is not None and kind not in register.KINDS:
        raise InvalidInput(code="upload.bad_kind", kinds="、".join(register.KINDS))
    upload_id = new_upload_id()
    with tempfile.TemporaryDirectory(prefix="revkg-upload-") as tmp:
        paths = _save(files, Path(tmp), REGISTER_SUFFIXES)
        result = register.load(
            driver,
            paths,
            place_index(request, driver, settings),
            kind=kind,
            database=settings.neo4j_database,
            origin=upload_id,
        )
    out = _as_report(result, paths, upload_id, language(request.headers.get("accept-language")))
    _audited(request, driver, settings, user, "upload_registers", out)
    return out


@router.post("/reports", response_model=UploadReport)
def upload_reports(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    user: AdminDep,
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
    upload_id = new_upload_id()
    with tempfile.TemporaryDirectory(prefix="revkg-upload-") as tmp:
        paths = _save(files, Path(tmp), REPORT_SUFFIXES)
        result = load(
            driver, paths, place_index(request, driver, settings), database=settings.neo4j_database, origin=upload_id
        )
    out = _as_report(result, paths, upload_id, language(request.headers.get("accept-language")))
    _audited(request, driver, settings, user, "upload_reports", out)
    return out
