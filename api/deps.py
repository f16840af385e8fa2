"""FastAPI dependencies: the process's one driver, owned by the app's lifespan, and who is signed in.

Every write route names the role it needs with ``require_role`` (``PlannerDep``, ``ReviewerDep``,
``AdminDep``), which also yields the ``User`` whose name provenance and the audit trail record.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, Header, Request
from neo4j import AsyncDriver, Driver

from graph import users
from graph.db import connect, connect_async
from graph.errors import Forbidden, Unauthorized
from graph.settings import Settings, get_settings, is_loopback
from graph.users import Role, User

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


KEY_HEADER = Header(description="密钥 · the signed-in person's key (revkg users add)")
# The cookie the console's sign-in page sets for reading when the API listens beyond loopback. Reads
# only: a write takes the key from the X-API-Key header alone, so a forged cross-site form cannot write.
READ_COOKIE = "revkg_read_key"


def _user(request: Request, key: str | None) -> User | None:
    settings: Settings = request.app.state.settings
    return users.user_for_key(get_driver(request), key, settings.api_key.get_secret_value(), settings.neo4j_database)


def require_role(needed: Role) -> Callable[..., User]:
    """A dependency that yields the signed-in user when their role allows ``needed`` (admin: anything).

    401 without a valid key (unknown, revoked, rotated); 403 when the role does not allow it.
    """

    def signed_in(request: Request, x_api_key: Annotated[str | None, KEY_HEADER] = None) -> User:
        user = _user(request, x_api_key)
        if user is None:
            raise Unauthorized(code="auth.read_key_needed" if needed == "viewer" else "auth.write_key_needed")
        if not user.may(needed):
            raise Forbidden(code=f"auth.role_needed.{needed}", name=user.name)
        return user

    signed_in.__name__ = f"require_{needed}"
    return signed_in


def reads_open(settings: Settings) -> bool:
    """Reading needs no key while the API listens on loopback only (``REVKG_API_HOST``)."""
    return is_loopback(settings.api_host)


class SignInNeeded(Unauthorized):
    """Reading needs a key here (the API listens beyond loopback); the console shows its sign-in page."""


async def require_reader(request: Request, x_api_key: Annotated[str | None, KEY_HEADER] = None) -> None:
    """Open on loopback; otherwise any valid key (viewer or above), from the header or the sign-in cookie.

    Async because every read route passes through it: a sync dependency would cost each request a
    thread-pool hop (two thread hand-offs), even on loopback where it only compares a host. The key's
    look-up, a sync driver call, goes to a worker thread only when a key is needed.
    """
    settings: Settings = request.app.state.settings
    if reads_open(settings):
        return
    key = x_api_key or request.cookies.get(READ_COOKIE)
    if await anyio.to_thread.run_sync(_user, request, key) is None:
        raise SignInNeeded(code="auth.read_key_needed")


DriverDep = Annotated[Driver, Depends(get_driver)]
AsyncDriverDep = Annotated[AsyncDriver, Depends(get_async_driver)]
SettingsDep = Annotated[Settings, Depends(settings_dep)]
ReaderDep = Depends(require_reader)
PlannerDep = Annotated[User, Depends(require_role("planner"))]
ReviewerDep = Annotated[User, Depends(require_role("reviewer"))]
AdminDep = Annotated[User, Depends(require_role("admin"))]
SignedInDep = Annotated[User, Depends(require_role("viewer"))]
