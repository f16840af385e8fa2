"""FastAPI dependencies: the process's one driver, owned by the app's lifespan."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from neo4j import AsyncDriver, Driver

from graph.db import connect, connect_async
from graph.settings import Settings, get_settings

# How long a read is retried while Neo4j is unreachable before the API answers 503 (the driver's
# default, 30 s, would hold every request that long during an outage).
RETRY_S = 2.0


@asynccontextmanager
async def lifespan_drivers(app: FastAPI) -> AsyncIterator[None]:
    """The sync driver most routes use, and the async one for the hottest lookups."""
    settings = get_settings()
    app.state.settings = settings
    app.state.driver = None
    try:
        app.state.driver = connect(settings, retry_s=RETRY_S)
    except Exception:  # the API still starts; /health reports the outage and routes answer 503
        app.state.driver = None
    app.state.async_driver = connect_async(settings, retry_s=RETRY_S)  # connects on first use
    if settings.warm_on_start and app.state.driver is not None:
        from api.warm import warm_up

        # Before the first request is accepted (uvicorn binds its socket after the lifespan's start).
        await anyio.to_thread.run_sync(warm_up, app.state.driver, settings.neo4j_database, app.state)
    try:
        yield
    finally:
        if app.state.driver is not None:
            app.state.driver.close()
        await app.state.async_driver.close()


def get_driver(request: Request) -> Driver:
    from graph.errors import DatabaseUnavailable

    driver = request.app.state.driver
    if driver is None:
        settings: Settings = request.app.state.settings
        try:
            driver = request.app.state.driver = connect(settings, retry_s=RETRY_S)
        except Exception as exc:
            raise DatabaseUnavailable(code="database.unavailable") from exc
    return driver


# Async so FastAPI calls them on the event loop: a sync dependency costs a thread-pool hop per request.
async def get_async_driver(request: Request) -> AsyncDriver:
    return request.app.state.async_driver


async def settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def require_api_key(
    request: Request,
    x_api_key: Annotated[str | None, Header(description="写入接口的密钥 · API key for endpoints that write")] = None,
) -> None:
    """Refuse the request (401) unless ``X-API-Key`` matches ``REVKG_API_KEY``, compared in constant time."""
    expected = request.app.state.settings.api_key.get_secret_value().encode()
    if x_api_key is None or not secrets.compare_digest(x_api_key.encode(), expected):
        raise HTTPException(
            status_code=401,
            detail="auth.key_needed",  # a message code: the app answers in the client's language
            headers={"WWW-Authenticate": "X-API-Key"},
        )


DriverDep = Annotated[Driver, Depends(get_driver)]
AsyncDriverDep = Annotated[AsyncDriver, Depends(get_async_driver)]
SettingsDep = Annotated[Settings, Depends(settings_dep)]
ApiKeyDep = Depends(require_api_key)
