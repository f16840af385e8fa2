"""The FastAPI application: thin routes over ``graph/``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

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
from graph.errors import (
    Conflict,
    DatabaseUnavailable,
    Forbidden,
    InvalidInput,
    NotFound,
    RevkgError,
    Unauthorized,
)
from graph.messages import language
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
    title="revkg — 乡村振兴结对帮扶知识图谱",
    summary="Weak villages, their helpers, projects and evidence, from registers and reports.",
    description=DESCRIPTION,
    version="0.1.0",
    lifespan=lifespan_drivers,
)


@app.exception_handler(RevkgError)
async def revkg_error(request: Request, exc: RevkgError) -> Response:
    if isinstance(exc, SignInNeeded) and "text/html" in request.headers.get("accept", ""):
        # A console page asked for by a browser: its sign-in page, which comes back here afterwards.
        return RedirectResponse(console.sign_in_url(request), status_code=303)
    status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
    headers = {"Retry-After": "5"} if status == 503 else {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
    body = {"detail": exc.message(language(request.headers.get("accept-language")))}
    if exc.code is not None:
        body["code"] = exc.code
    return JSONResponse(body, status_code=status, headers=headers)


@app.exception_handler(ServiceUnavailable)
@app.exception_handler(SessionExpired)
@app.exception_handler(Neo4jError)
async def neo4j_error(request: Request, exc: Exception) -> JSONResponse:
    """A driver error that got past ``graph/``'s wrappers: 503 when Neo4j is down, else a plain 500."""
    if is_unavailable(exc):
        return JSONResponse(
            {"detail": "Neo4j is not reachable; retry shortly"}, status_code=503, headers={"Retry-After": "5"}
        )
    code = getattr(exc, "code", None) or ""
    if "MemoryPoolOutOfMemoryError" in code or "TransactionTimedOut" in code:
        # The question is too big for the limits the database sets one transaction, not a fault.
        logger.warning("%s: %s", code, request.url)
        return JSONResponse(
            {
                "detail": "this question needs more memory or time than the database allows one "
                "request; narrow it (district=…, province=…) or page it (limit=…)"
            },
            status_code=503,
            headers={"Retry-After": "30"},
        )
    logger.exception("database error on %s", request.url)
    return JSONResponse({"detail": "the database could not answer this request"}, status_code=500)


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
app.mount("/browser-assets", StaticFiles(directory=BROWSER_DIR, check_dir=False), name="browser-assets")
