"""``GET /health``: whether the API and Neo4j answer."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    neo4j: str
    detail: str | None = None


@router.get("/health", response_model=Health)
def health(request: Request) -> JSONResponse:
    """Report whether Neo4j answers a query right now (503 when it does not)."""
    from api.deps import get_driver
    from graph import records

    try:
        driver = get_driver(request)
        records.read(driver, "lookup/ping", request.app.state.settings.neo4j_database)
    except Exception:
        body = Health(status="degraded", neo4j="unavailable", detail="Neo4j is not answering; retry shortly")
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return JSONResponse(Health(status="ok", neo4j="up").model_dump())
