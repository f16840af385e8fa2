"""Neo4j stopped under API traffic: 503 with Retry-After and a message, never a stack trace; the API
recovers by itself when Neo4j is back; ``/health`` tells the truth throughout.

A throw-away managed instance on its own ports, so the session's test server is not disturbed.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from starlette.requests import Request

from graph.messages import say
from graph.server import LocalNeo4j
from graph.settings import Settings, get_settings

READ = {"query": "RETURN 1 AS one", "params": {}}


@pytest.fixture
def outage_server(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalNeo4j]:
    bolt, http = settings.bolt_port + 100, settings.http_port + 100
    instance = f"{settings.instance}-outage"
    own = settings.model_copy(update={"instance": instance, "bolt_port": bolt, "http_port": http})
    server = LocalNeo4j(own)
    server.start()
    for name, value in (("REVKG_INSTANCE", instance), ("REVKG_BOLT_PORT", str(bolt)), ("REVKG_HTTP_PORT", str(http))):
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        yield server
    finally:
        server.stop()
        monkeypatch.undo()
        get_settings.cache_clear()


def assert_clean_503(response: Response, *, coded: bool = True) -> None:
    """A 503 with Retry-After that leaks nothing; an API route's (``coded``) also carries the message
    code scripts match on and the Chinese words a planner reads. ``/health`` has its own shape, for
    monitoring (``neo4j: unavailable``)."""
    assert response.status_code == 503, response.text
    assert response.headers.get("Retry-After", "").isdigit()
    text = response.text
    assert "Traceback" not in text and "neo4j.exceptions" not in text and "bolt://" not in text
    if coded:
        assert response.json() == {"code": "database.unavailable", "detail": say("database.unavailable", "zh")}


@pytest.mark.neo4j
def test_neo4j_outage_gives_503_with_retry_after_and_the_api_recovers_by_itself(outage_server: LocalNeo4j) -> None:
    from api.main import app

    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/health").json()["neo4j"] == "up"
        assert client.post("/cypher", json=READ).json()["rows"] == [{"one": 1}]

        # Traffic while the server goes down: every answer is a 200 or a clean 503, nothing else.
        stopper = threading.Thread(target=outage_server.stop)
        stopper.start()
        during: Counter[int] = Counter()
        odd: list[str] = []
        while stopper.is_alive():
            for response in (client.post("/cypher", json=READ), client.get("/search", params={"q": "四滧村"})):
                during[response.status_code] += 1
                if response.status_code == 503:
                    assert_clean_503(response)
                elif response.status_code != 200:
                    odd.append(f"{response.request.url.path} {response.status_code} {response.text[:300]}")
        stopper.join()
        assert set(during) <= {200, 503}, (during, odd)

        # Down: /health says so, every route answers 503 quickly with Retry-After.
        health = client.get("/health")
        assert_clean_503(health, coded=False)
        assert health.json()["neo4j"] == "unavailable"
        for _ in range(3):
            started = time.monotonic()
            assert_clean_503(client.post("/cypher", json=READ))
            assert_clean_503(client.get("/search", params={"q": "四滧村"}))
            assert_clean_503(client.get("/analyses/uncovered-weak-villages"))
            assert time.monotonic() - started < 10

        # Back: the same app (no restart) answers again within seconds.
        outage_server.start()
        deadline = time.monotonic() + 30
        while client.get("/health").status_code != 200:
            assert time.monotonic() < deadline, "the API did not recover within 30 s of Neo4j answering"
            time.sleep(0.5)
        assert client.get("/health").json() == {"status": "ok", "neo4j": "up", "detail": None}
        assert client.post("/cypher", json=READ).json()["rows"] == [{"one": 1}]
        assert client.get("/search", params={"q": "四滧村"}).status_code == 200


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("Neo.TransientError.General.DatabaseUnavailable", 503),
        ("Neo.ClientError.Statement.SyntaxError", 500),
    ],
)
def test_a_stray_driver_error_is_mapped_without_a_stack_trace(code: str, status: int) -> None:
    import asyncio

    from neo4j.exceptions import Neo4jError

    from api.main import neo4j_error

    exc = Neo4jError._hydrate_neo4j(code=code, message="internal detail bolt://secret")
    # A request as the app hands the handler one: it logs the URL and answers in the Accept-Language.
    request = Request({"type": "http", "method": "POST", "path": "/cypher", "query_string": b"", "headers": []})
    response = asyncio.run(neo4j_error(request, exc))
    assert response.status_code == status
    assert b"bolt://" not in response.body and b"internal detail" not in response.body
    assert (response.headers.get("Retry-After") == "5") == (status == 503)
    expected = "database.unavailable" if status == 503 else "database.failed"
    assert json.loads(response.body) == {"code": expected, "detail": say(expected, "zh")}
