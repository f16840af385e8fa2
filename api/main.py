"""The FastAPI application: thin routes over ``graph/``."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import console
from api.deps import ReaderDep, SignInNeeded, lifespan_drivers
from api.routes import (
    analyses,
    cypher,
    decisions,
    health,
    organizations,
    review,
    search,
    uploads,
    users,
    villages,
)
from api.validation import field_problem
from graph.errors import (
    Conflict,
    DatabaseUnavailable,
    Forbidden,
    InvalidInput,
    NotFound,
    RevkgError,
    Unauthorized,
)
from graph.messages import MESSAGES, language, say
from graph.records import is_unavailable
from graph.server import BROWSER_DIR
from graph.settings import get_settings

DESCRIPTION = """
乡村振兴结对帮扶知识图谱的查询接口：哪些经济薄弱村尚无结对单位、谁可以承接、帮扶单位在哪里聚集或负担过重，每个回答都附证据。

The query API of revkg: which weak villages nobody is paired with, who could take them, where helpers
cluster or carry too much — each answer with its evidence (register row or report sentence).
Tabular analyses take `format=csv|xlsx`; writes (`/uploads/…`, `/decisions/…`, `/review/decisions`, `/users`) need
a personal key (`revkg users add NAME --role …`) in the `X-API-Key` header, and the role the route names:
planner for decisions, reviewer for the review queue, admin for uploads, users and the audit trail. Reading is
open while the API listens on loopback; beyond it, reading needs a key too. The planners' web console
(规划人员控制台) is served at `/`.
"""

logger = logging.getLogger("revkg.api")

# graph/'s errors, mapped once: the message is for the person who made the request.
STATUS = {NotFound: 404, Conflict: 409, InvalidInput: 422, Unauthorized: 401, Forbidden: 403, DatabaseUnavailable: 503}


app = FastAPI(
    docs_url=None,  # served below from the installed package's files, never from a CDN
    redoc_url=None,
    title="revkg — 乡村振兴结对帮扶知识图谱",
    summary="Weak villages, their helpers, projects and evidence, from registers and reports.",
    description=DESCRIPTION,
    version="0.1.0",
    lifespan=lifespan_drivers,
)


def _answer(
    request: Request, status_code: int, code: str, headers: dict[str, str] | None = None, **params: object
) -> Response:
    """An error in the client's language: the console's page (or fragment) for a page a person
    opened, else ``{"code", "detail"}``."""
    from api.console.routes import console_error

    lang = language(request.headers.get("accept-language"))
    text = say(code, lang, **params)
    shown = console_error(request, status_code, text)
    if shown is not None:
        return shown
    return JSONResponse({"code": code, "detail": text}, status_code=status_code, headers=headers)


@app.exception_handler(RevkgError)
async def revkg_error(request: Request, exc: RevkgError) -> Response:
    if isinstance(exc, SignInNeeded) and "text/html" in request.headers.get("accept", ""):
        # A console page asked for by a browser: its sign-in page, which comes back here afterwards.
        return RedirectResponse(console.sign_in_url(request), status_code=303)
    status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
    headers = {"Retry-After": "5"} if status == 503 else {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
    if exc.code is None:  # plain text (the loaders' own words): passed on as it was raised
        return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)
    return _answer(request, status, exc.code, headers, **exc.params)


@app.exception_handler(RequestValidationError)
async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """FastAPI's 422 for a bad or missing parameter, in words: which parameter, what is wrong with it."""
    lang = language(request.headers.get("accept-language"))
    problems = "；".join(dict.fromkeys(field_problem(error, lang) for error in exc.errors()))
    return _answer(request, 422, "request.invalid", problems=problems)


@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """Starlette's own errors (an unknown path, a method a route lacks) and the ones routes raise
    with a message code as ``detail``."""
    if isinstance(exc.detail, str) and exc.detail in MESSAGES:
        code = exc.detail
    else:
        code = {404: "request.not_found", 405: "request.method_not_allowed"}.get(exc.status_code, "request.failed")
    return _answer(
        request, exc.status_code, code, getattr(exc, "headers", None), path=request.url.path, status=exc.status_code
    )


@app.exception_handler(ServiceUnavailable)
@app.exception_handler(SessionExpired)
@app.exception_handler(Neo4jError)
async def neo4j_error(request: Request, exc: Exception) -> Response:
    """A driver error that got past ``graph/``'s wrappers: 503 when Neo4j is down, else a plain 500."""
    if is_unavailable(exc):
        return _answer(request, 503, "database.unavailable", {"Retry-After": "5"})
    code = getattr(exc, "code", None) or ""
    if "MemoryPoolOutOfMemoryError" in code or "TransactionTimedOut" in code:
        # The question is too big for the limits the database sets one transaction, not a fault.
        logger.warning("%s: %s", code, request.url)
        return _answer(request, 503, "database.too_big", {"Retry-After": "30"})
    logger.exception("database error on %s", request.url)
    return _answer(request, 500, "database.failed")


app.include_router(health.router)  # always open: monitoring asks it without a key
for module in (search, villages, organizations, analyses, cypher, uploads, decisions, review, users):
    app.include_router(module.router, dependencies=[ReaderDep])
app.include_router(console.open_router)  # the sign-in page and the console's own CSS/JS
app.include_router(console.router, dependencies=[ReaderDep])  # the planners' web console at / (api/console/)

# The Neo4j Browser style and guide (graph/server.py points browser.post_connect_cmd here). Browser
# fetches them from its own origin, so that origin (and only it, only GET) may read cross-origin.
_settings = get_settings()
app.add_middleware(
    CORSMiddleware,
    allow_origins=[f"http://{host}:{_settings.http_port}" for host in ("127.0.0.1", "localhost")],
    allow_methods=["GET"],
    allow_headers=["*"],  # Browser's guide fetch sends headers that need a preflight
)
# Swagger UI's script and style, from the pinned package fastapi-offline (importlib.resources), so
# /docs works on a machine without internet.
SWAGGER_DIR = Path(str(resources.files("fastapi_offline") / "static"))
app.mount("/docs-assets", StaticFiles(directory=SWAGGER_DIR), name="docs-assets")


@app.get("/docs", include_in_schema=False)
def docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title=app.title + " · 接口文档",
        swagger_js_url="/docs-assets/swagger-ui-bundle.js",
        swagger_css_url="/docs-assets/swagger-ui.css",
        swagger_favicon_url="/docs-assets/favicon.png",
    )


app.mount("/browser-assets", StaticFiles(directory=BROWSER_DIR, check_dir=False), name="browser-assets")
