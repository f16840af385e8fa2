"""FastAPI dependencies: the process's one driver, owned by the app's lifespan."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from neo4j import Driver

from graph.db import connect
from graph.settings import Settings, get_settings


@contextmanager
def lifespan_driver(app: FastAPI) -> Iterator[None]:
    settings = get_settings()
    app.state.settings = settings
    app.state.driver = None
    try:
        app.state.driver = connect(settings)
    except Exception:  # the API still starts; /health reports the outage and routes answer 503
        app.state.driver = None
    try:
        yield
    finally:
        if app.state.driver is not None:
            app.state.driver.close()


def get_driver(request: Request) -> Driver:
    from graph.errors import DatabaseUnavailable

    driver = request.app.state.driver
    if driver is None:
        settings: Settings = request.app.state.settings
        try:
            driver = request.app.state.driver = connect(settings)
        except Exception as exc:
            raise DatabaseUnavailable("Neo4j is not reachable; retry shortly") from exc
    return driver


def settings_dep(request: Request) -> Settings:
    return request.app.state.settings


DriverDep = Annotated[Driver, Depends(get_driver)]
SettingsDep = Annotated[Settings, Depends(settings_dep)]
