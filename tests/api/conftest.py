"""The API test client: the real app on the test server, holding the Chongming fixture graph."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.conftest import reset_to_spine
from tests.factories import build_chongming


@pytest.fixture
def client(graph: Driver) -> Iterator[TestClient]:
    from neomodel import db as neomodel_db

    from api.console.pages import forget_overviews
    from api.main import app

    reset_to_spine(graph)
    build_chongming(graph)
    forget_overviews()  # the console keeps overview pages a minute; each test starts without them
    with TestClient(app) as test_client:
        yield test_client
    # The app's lifespan handed its own driver to neomodel and closed it; give back the session's.
    neomodel_db.set_connection(driver=graph)


KeyMaker = Callable[[str, str], dict[str, str]]


@pytest.fixture
def key_for(graph: Driver) -> KeyMaker:
    """``key_for(name, role)``: the ``X-API-Key`` header of a new user (the graph is reset after the test)."""
    from graph import users

    def make(name: str, role: str) -> dict[str, str]:
        _, key = users.add_user(graph, name, role)
        return {"X-API-Key": key}

    return make
