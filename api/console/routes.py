"""The console's pages: each route gathers its page from ``api.console.pages`` and renders a template.

Pages only read (open on loopback, as the JSON API is; beyond loopback a sign-in page asks for a key
and keeps it in a cookie that only reading accepts). Writes go from the page's JavaScript to the JSON
endpoints (``/decisions``, ``/review/decisions``, ``/uploads``) with the ``X-API-Key`` header only, so
a forged cross-site form cannot write.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Form, Path, Query, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup, escape

from api.console import pages
from api.deps import READ_COOKIE, DriverDep, SettingsDep
from api.tabular import AS_OF_QUERY, EXPORTS, download
from graph import review, users
from graph.analyses import CAPACITY, RESOURCE_NAMES_ZH
from graph.errors import DatabaseUnavailable, InvalidInput, NotFound, RevkgError
from graph.messages import kind_text, method_text, say, source_text, status_text

HERE = FilePath(__file__).resolve().parent
STATIC_DIR = HERE / "static"
# The only files /console-static serves: a fixed list, so a crafted name cannot reach other files.
STATIC_FILES = {p.name: p for p in STATIC_DIR.iterdir() if p.suffix in {".css", ".js", ".svg"}}
MEDIA = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}

router = APIRouter(include_in_schema=False)
# Pages a browser must reach before signing in: the sign-in page and the console's own CSS and JS.
open_router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))


def highlight(text: str | None, *names: str | None) -> Markup:
    """``text`` escaped, with each of ``names`` it contains wrapped in ``<mark>`` (the mention in its sentence).

    >>> str(highlight("区民政局与四滧村结对<b>", "四滧村", None))
    '区民政局与<mark>四滧村</mark>结对&lt;b&gt;'
    """
    out = str(escape(text or ""))
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        safe = str(escape(name))
        out = out.replace(safe, f"<mark>{safe}</mark>")
    return Markup(out)


def percent(ratio: float | None) -> str:
    """A ratio as a percentage for a table cell.

    >>> percent(0.5714), percent(None)
    ('57.1%', '—')
    """
    return "—" if ratio is None else f"{ratio * 100:.1f}%"


def yuan(amount: float | None) -> str:
    """An amount in yuan as 万元, as planners write money.

    >>> yuan(500000), yuan(None)
    ('50.0 万元', '—')
    """
    return "—" if not amount else f"{amount / 10000:,.1f} 万元"


def beijing(moment: str | datetime | None) -> str:
    """A moment (ISO text as the graph keeps it, in UTC) as Beijing time, to the minute.

    >>> beijing("2026-12-06T21:34:07+00:00"), beijing(None)
    ('2026-12-07 05:34', '—')
    """
    if not moment:
        return "—"
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(pages.BEIJING).strftime("%Y-%m-%d %H:%M")


def resource(category: str | None) -> str:
    """A resource or project category as planners name it.

    >>> resource("medical"), resource(None), resource("光伏")
    ('医疗', '—', '光伏')
    """
    return "—" if not category else RESOURCE_NAMES_ZH.get(category, category)


@pass_context
def source_words(context: Any, source_id: str | None, source_loc: str | None = None) -> str:
    """Where a fact comes from, in words; a report by its title when the page read it (``page``)."""
    title = (context.get("report_titles") or {}).get(source_id or "")
    return say("source.report", name=title) if title else source_text(source_id, source_loc)


def report_uids(value: Any, found: set[str] | None = None) -> set[str]:
    """Every report uid (``report:…``) anywhere in a page's context, nested in rows and records.

    >>> sorted(report_uids({"rows": [{"source_id": "report:003_ab"}, {"source_id": "planner"}], "n": 3}))
    ['report:003_ab']
    """
    found = set() if found is None else found
    if isinstance(value, str):
        if value.startswith("report:"):
            found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            report_uids(item, found)
    elif isinstance(value, list | tuple | set):
        for item in value:
            report_uids(item, found)
    elif hasattr(value, "__dataclass_fields__"):
        report_uids(vars(value), found)
    return found


templates.env.filters.update(
    pct=percent,
    yuan=yuan,
    hl=highlight,
    beijing=beijing,
    resource=resource,
    source_text=source_words,
    kind_text=kind_text,
    status_text=status_text,
    method_text=method_text,
)
templates.env.globals.update(qs=pages.query_string, LABEL_ZH=pages.LABEL_ZH, RELATIONSHIP_ZH=pages.RELATIONSHIP_ZH)

ERROR_STATUS = {NotFound: 404, InvalidInput: 422, DatabaseUnavailable: 503}


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    as_of = request.query_params.get("as_of") or ""
    uids = report_uids(context)
    if uids and request.app.state.driver is not None:
        settings = request.app.state.settings
        context["report_titles"] = review.report_titles(request.app.state.driver, sorted(uids), settings.neo4j_database)
    return templates.TemplateResponse(request, template, {"as_of": as_of, **context}, status_code=status)


def error_page(request: Request, exc: RevkgError, fragment: bool = False) -> HTMLResponse:
    """The error as a page, or as a paragraph for a fragment the page inserts (always in Chinese: the
    console is written for planners)."""
    status = next((code for cls, code in ERROR_STATUS.items() if isinstance(exc, cls)), 500)
    return page(
        request, "_error.html" if fragment else "error.html", status=status, message=exc.message("zh"), title="出错了"
    )


def console_error(request: Request, status: int, text: str) -> HTMLResponse | None:
    """An error the app's handlers met, as the console shows it: a page for a console page or for any
    address a browser opened (an unknown path), a paragraph for a fragment; None for the JSON API."""
    endpoint = getattr(request.scope.get("route"), "endpoint", None)
    if endpoint in FRAGMENT_ENDPOINTS:
        return page(request, "_error.html", status=status, message=text, title="出错了")
    opened_in_browser = endpoint is None and "text/html" in request.headers.get("accept", "")
    if endpoint in PAGE_ENDPOINTS or opened_in_browser:
        return page(request, "error.html", status=status, message=text, title="出错了")
    return None


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, driver: DriverDep, settings: SettingsDep, as_of: date | None = AS_OF_QUERY) -> Response:
    """全国总览 · Coverage per province."""
    try:
        data = pages.overview(driver, None, as_of, settings.neo4j_database, settings.overview_kept_s)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(request, "overview.html", **data)


@router.get("/area/{code}", response_class=HTMLResponse)
def area(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    code: str = Path(..., max_length=4),
    as_of: date | None = AS_OF_QUERY,
) -> Response:
    """省 / 市总览 · Coverage per city or district of a province or city."""
    try:
        data = pages.overview(driver, code, as_of, settings.neo4j_database, settings.overview_kept_s)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(request, "overview.html", **data)


@router.get("/district/{code}", response_class=HTMLResponse)
def district(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    code: str = Path(..., max_length=6),
    as_of: date | None = AS_OF_QUERY,
    town: str | None = Query(None, max_length=9),
) -> Response:
    """区县页 · A district (``town``: only that town's uncovered weak villages)."""
    try:
        data = pages.district(driver, code, as_of, settings.neo4j_database, town)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(request, "district.html", title=data["name"], **data)


@router.get("/plan/{code}", response_class=HTMLResponse)
def plan(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    code: str = Path(..., max_length=6),
    as_of: date | None = AS_OF_QUERY,
    capacity: int = Query(CAPACITY, ge=1, le=100),
    fix: list[str] = Query([], max_length=500),
    skip: list[str] = Query([], max_length=500),
) -> Response:
    """结对方案 · A district's (or city's) pairing plan, to adjust and accept."""
    try:
        data = pages.plan(driver, code, as_of, capacity, fix, skip, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(request, "plan.html", title=f"结对方案 · {data['plan'].scope['name']}", **data)


@router.get("/village/{code:path}", response_class=HTMLResponse)
def village(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    code: str = Path(..., max_length=300),
    as_of: date | None = AS_OF_QUERY,
) -> Response:
    """村页 · A village."""
    try:
        data = pages.village(driver, code, as_of, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(
        request, "village.html", title=data["profile"]["name"], today=(as_of or date.today()).isoformat(), **data
    )


@router.get("/suggestions", response_class=HTMLResponse)
def suggestions(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    village: str = Query(..., max_length=300),
    as_of: date | None = AS_OF_QUERY,
) -> Response:
    """推荐片段 · The ranked suggestions for one village, as a fragment the district page inserts."""
    try:
        rows = pages.suggestions(driver, village, as_of, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc, fragment=True)
    return page(
        request, "_suggestions.html", suggestions=rows, village_key=village, today=(as_of or date.today()).isoformat()
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    district: str = Query(..., max_length=6),
    as_of: date | None = AS_OF_QUERY,
) -> Response:
    """群落片段 · A district's shared-resource clusters as small network pictures (a fragment)."""
    try:
        data = pages.clusters(driver, district, as_of, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc, fragment=True)
    return page(request, "_clusters.html", **data)


@router.get("/helper/{uid:path}", response_class=HTMLResponse)
def helper(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    uid: str = Path(..., max_length=300),
    as_of: date | None = AS_OF_QUERY,
) -> Response:
    """帮扶单位页 · A helper."""
    try:
        data = pages.helper(driver, uid, as_of, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(request, "helper.html", title=data["profile"]["name"], **data)


@router.get("/find", response_class=HTMLResponse)
def find(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    q: str = Query("", max_length=100),
    as_of: date | None = AS_OF_QUERY,
) -> Response:
    """搜索 · Search; one exact hit opens its page."""
    if not q.strip():
        return page(request, "find.html", title="搜索", q=q, hits=[])
    try:
        hits = pages.find(driver, q, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc)
    exact = [h for h in hits if h["score"] == 3]
    if len(exact) == 1:
        return RedirectResponse(exact[0]["href"] + pages.query_string(as_of=as_of), status_code=303)
    return page(request, "find.html", title=f"搜索：{q}", q=q, hits=hits)


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request) -> Response:
    """上传 · Upload registers and reports."""
    return page(request, "upload.html", title="上传登记表与报告")


@router.post("/upload/rejects.xlsx")
def rejects_xlsx(issues: Annotated[list[dict[str, Any]], Body(max_length=100_000)]) -> StreamingResponse:
    """The rejects of an upload (as the upload answered them) as an Excel workbook."""
    from loaders.register import ISSUE_COLUMNS

    rows = [{c: issue.get(c) for c in ISSUE_COLUMNS} for issue in issues]
    for row in rows:  # the upload answers severities as codes; the file shows them in words
        if row.get("severity") in ("rejected", "warning"):
            row["severity"] = say(f"register.severity.{row['severity']}")
    return download(rows, replace(EXPORTS["load_rejects"], columns=tuple(ISSUE_COLUMNS)), "xlsx")


@router.get("/queue", response_class=HTMLResponse)
def queue(request: Request, driver: DriverDep, settings: SettingsDep) -> Response:
    """复核队列 · The review queue."""
    try:
        items = pages.review_queue(driver, settings.neo4j_database)
    except RevkgError as exc:
        return error_page(request, exc)
    return page(request, "queue.html", title="待复核", items=items)


def sign_in_url(request: Request) -> str:
    """The sign-in page, coming back to the page asked for.

    >>> from starlette.requests import Request
    >>> sign_in_url(Request({"type": "http", "path": "/district/310151", "query_string": b"as_of=2024-06-30", "headers": []}))
    '/signin?next=/district/310151%3Fas_of%3D2024-06-30'
    """
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/signin?next=" + quote(target, safe="/")


def _local_path(next_url: str) -> str:
    """Only a path on this site (``/…``, not ``//host``) is followed after signing in.

    >>> _local_path("/village/1"), _local_path("//evil.example"), _local_path("https://x")
    ('/village/1', '/', '/')
    """
    return next_url if next_url.startswith("/") and not next_url.startswith("//") else "/"


@open_router.get("/signin", response_class=HTMLResponse)
def sign_in(request: Request, next: str = Query("/", max_length=2000)) -> Response:
    """登录 · The sign-in page (reading needs a key when the API listens beyond loopback)."""
    return page(request, "signin.html", title="登录", next_url=_local_path(next), failed=False)


@open_router.post("/signin", response_class=HTMLResponse)
def sign_in_with_key(
    request: Request,
    settings: SettingsDep,
    key: Annotated[str, Form(max_length=200)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Check the key; keep it in a cookie for reading (HttpOnly, SameSite=Strict) and go back."""
    from api.deps import get_driver

    user = users.user_for_key(
        get_driver(request), key.strip(), settings.api_key.get_secret_value(), settings.neo4j_database
    )
    if user is None:
        return page(request, "signin.html", status=401, title="登录", next_url=_local_path(next), failed=True)
    response = RedirectResponse(_local_path(next), status_code=303)
    response.set_cookie(
        READ_COOKIE, key.strip(), httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response


@router.get("/audit-trail", response_class=HTMLResponse)
def audit_trail(request: Request) -> Response:
    """审计记录 · The audit trail for admins (the page's script asks ``/audit`` with the admin's key)."""
    return page(request, "audit.html", title="审计记录")


# Which console routes are pages and which fragments, for the app's error handlers (set below).
PAGE_ENDPOINTS: set[Any] = set()
FRAGMENT_ENDPOINTS: set[Any] = set()


@open_router.get("/console-static/{name}")
def static(name: str) -> Response:
    path = STATIC_FILES.get(name)
    if path is None:
        return Response(status_code=404)
    return FileResponse(path, media_type=MEDIA[path.suffix], headers={"Cache-Control": "max-age=300"})


FRAGMENT_ENDPOINTS.update({suggestions, clusters})
PAGE_ENDPOINTS.update(
    route.endpoint
    for route in [*router.routes, *open_router.routes]
    if isinstance(route, APIRoute) and route.endpoint not in FRAGMENT_ENDPOINTS
)
