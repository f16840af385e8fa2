"""The FastAPI application: thin routes over ``graph/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.deps import lifespan_driver
from api.routes import health


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    with lifespan_driver(app):
        yield


app = FastAPI(
    title="revkg — 乡村振兴结对帮扶知识图谱",
    summary="Weak villages, their helpers, projects and evidence, from registers and reports.",
    version="0.1.0",
    lifespan=lifespan,
)
app.include_router(health.router)
