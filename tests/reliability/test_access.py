"""Access: writes need the API key; Neo4j has a non-default password and listens on loopback only;
secrets appear in no log line and no error body; leaders' phone and ID numbers never reach the
graph, so no read endpoint (``POST /cypher`` included) can return them.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ClientError
from pydantic import ValidationError

from graph.server import LocalNeo4j, ServerError, _run
from graph.settings import Settings, get_settings
from tests.conftest import CORPUS, reset_to_spine
from tests.loaders.register_files import write_csv

PHONE, PHONE_MASKED = "13812345678", "138****5678"
SPARE_PHONE, SPARE_MASKED = "13900001111", "139****1111"
ID_CARD = "310230198807150012"
LANDLINE = "021-59123456"
RAW = (PHONE, SPARE_PHONE, ID_CARD, "59123456", "198807150012")
LEADERS_HEADER = ("区", "镇", "村", "姓名", "职务", "联系电话", "身份证号", "备注")


@pytest.fixture
def client(graph: Driver) -> Iterator[TestClient]:
    from neomodel import db as neomodel_db

    from api.main import app

    reset_to_spine(graph)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    neomodel_db.set_connection(driver=graph)


def key(settings: Settings) -> dict[str, str]:
    return {"X-API-Key": settings.api_key.get_secret_value()}


# --- credentials ----------------------------------------------------------------------------------


@pytest.mark.neo4j
def test_every_write_route_refuses_a_request_without_the_api_key(client: TestClient) -> None:
    from api.main import app

    # From the published schema, so a write route added later is checked too.
    writes = [
        (path, method.upper())
        for path, item in app.openapi()["paths"].items()
        for method in item
        if method.upper() in {"POST", "PUT", "PATCH", "DELETE"} and path != "/cypher"
    ]  # read-only by construction (tests/reliability/test_attacks.py)
    assert ("/uploads/registers", "POST") in writes and ("/uploads/reports", "POST") in writes
    files = {"files": ("pairings.csv", b"a,b\n1,2\n", "text/csv")}
    for path, method in writes:
        for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "wrong"}):
            response = client.request(method, path, files=files, headers=headers)
            assert response.status_code == 401, (path, method, headers, response.text)


def test_settings_refuse_the_neo4j_default_password_and_production_refuses_development_secrets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ValidationError):
        Settings(neo4j_password="neo4j")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="REVKG_NEO4J_PASSWORD"):
        Settings(environment="production", api_key="a-real-key")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="REVKG_API_KEY"):
        Settings(environment="production", neo4j_password="a-real-password")  # type: ignore[arg-type]
    assert Settings(environment="production", neo4j_password="p4ss-w0rd", api_key="k3y").environment == "production"


def _wait_for_login(settings: Settings, within_s: float = 30.0) -> None:
    """Neo4j locks a user for a few seconds after failed logins; later tests need it unlocked."""
    deadline = time.monotonic() + within_s
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    while True:
        try:
            with GraphDatabase.driver(settings.bolt_uri, auth=auth) as driver:
                driver.verify_connectivity()
            return
        except ClientError:  # wrong password, or AuthenticationRateLimit while locked
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def _listening(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.neo4j
def test_the_managed_neo4j_listens_on_loopback_only_and_refuses_the_default_password(
    neo4j_server: LocalNeo4j, settings: Settings
) -> None:
    for port in (settings.bolt_port, settings.http_port):
        addresses = [ipaddress.ip_address(a) for a in _listening(port)]
        # Java listens through an IPv6 socket: ::ffff:127.0.0.1 is IPv4 loopback; 0.0.0.0 or :: would fail.
        as_v4 = [getattr(a, "ipv4_mapped", None) or a for a in addresses]
        assert as_v4 and all(a.is_loopback for a in as_v4), (port, addresses)
    with GraphDatabase.driver(settings.bolt_uri, auth=("neo4j", "neo4j")) as wrong, pytest.raises(AuthError):
        wrong.verify_connectivity()
    _wait_for_login(settings)


# --- secrets in logs and errors -------------------------------------------------------------------


def test_a_failing_server_command_does_not_echo_the_secret_it_was_given() -> None:
    with pytest.raises(ServerError) as error:
        _run(["sh", "-c", "echo using s3cret-pw; exit 3"], what="setting the password", secret="s3cret-pw")
    assert "s3cret-pw" not in str(error.value) and "exit 3" in str(error.value)


@pytest.mark.neo4j
def test_secrets_appear_in_no_log_line_and_no_response_body(
    client: TestClient,
    settings: Settings,
    neo4j_server: LocalNeo4j,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secrets = {settings.api_key.get_secret_value(), settings.neo4j_password.get_secret_value()}
    caplog.set_level(logging.DEBUG)  # the driver's debug log shows the Bolt handshake
    bodies = [
        client.post(
            "/uploads/registers", files={"files": ("x.csv", b"a,b\n1,2\n", "text/csv")}, headers={"X-API-Key": "wrong"}
        ),
        client.post(
            "/uploads/registers", files={"files": ("x.pdf", b"%PDF", "application/pdf")}, headers=key(settings)
        ),
        client.post("/cypher", json={"query": "RETURN $password", "params": {}}),
        client.post("/cypher", json={"query": "CALL dbms.security.changePassword('x')", "params": {}}),
        client.post("/cypher", json={"query": "SHOW SETTINGS", "params": {}}),
        client.get("/health"),
    ]
    # And an API whose Neo4j password is wrong: it answers 503 without saying what it tried.
    wrong = "wr0ng-secret-pw"
    secrets.add(wrong)
    monkeypatch.setenv("REVKG_NEO4J_PASSWORD", wrong)
    get_settings.cache_clear()
    try:
        from api.main import app

        with TestClient(app, raise_server_exceptions=False) as bad:
            bodies += [
                bad.get("/health"),
                bad.post("/cypher", json={"query": "RETURN 1", "params": {}}),
                bad.get("/search", params={"q": "四滧村"}),
            ]
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        _wait_for_login(settings)
    assert bodies[-3].status_code == 503
    assert "Bolt" in caplog.text or "bolt" in caplog.text  # the driver's debug log was captured
    for secret in secrets:
        assert secret not in caplog.text
        for response in bodies:
            assert secret not in response.text and secret not in json.dumps(dict(response.headers))
    # Neither the server's own logs.
    for log in (neo4j_server.home / "logs").glob("*.log"):
        text = log.read_text(encoding="utf-8", errors="replace")
        assert not any(secret in text for secret in secrets), log.name


# --- personal data --------------------------------------------------------------------------------


def _read_everything(client: TestClient, village: str) -> str:
    """Every read endpoint a planner (or anyone reaching the API) could use to see a leader."""
    answers = [
        client.get(f"/villages/{village}"),
        client.get("/search", params={"q": "张建国"}),
        client.get("/search", params={"q": PHONE}),
        client.get("/analyses/helper-load", params={"district": "崇明区"}),
        client.get("/analyses/uncovered-weak-villages", params={"district": "崇明区"}),
        client.get("/analyses/coverage", params={"parent": "崇明区", "level": "town"}),
        # Everything but the bare administrative spine (the row cap would cut a dump of the whole graph).
        client.post(
            "/cypher",
            json={
                "query": "MATCH (n) WHERE NOT (n:Province OR n:City OR n:District OR n:Town "
                "OR n:Village) RETURN properties(n) AS p",
                "params": {},
            },
        ),
        client.post(
            "/cypher",
            json={
                "query": "MATCH (v)-[r]-() WHERE type(r) <> 'PART_OF' RETURN properties(r) AS r, properties(v) AS v",
                "params": {},
            },
        ),
    ]
    for response in answers:
        assert response.status_code < 500, response.text
    organizations = client.post(
        "/cypher", json={"query": "MATCH (o:Organization|PartyOrganization) RETURN o.uid AS uid", "params": {}}
    ).json()["rows"]
    answers += [client.get(f"/organizations/{row['uid']}") for row in organizations]
    return "\n".join(r.text for r in answers)


def _stored_text(driver: Driver) -> str:
    records = driver.execute_query(
        "MATCH (n) RETURN properties(n) AS p UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p"
    )
    return json.dumps([r["p"] for r in records.records], ensure_ascii=False, default=str)


@pytest.mark.neo4j
def test_leaders_phone_and_id_numbers_are_not_stored_and_no_read_endpoint_returns_them(
    client: TestClient, graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "leaders.csv",
        LEADERS_HEADER,
        [
            (
                "崇明区",
                "堡镇",
                "四滧村",
                "张建国",
                "第一书记",
                PHONE,
                ID_CARD,
                f"备用手机{SPARE_PHONE}，办公室{LANDLINE}",
            ),
        ],
    )
    response = client.post(
        "/uploads/registers", files={"files": (path.name, path.read_bytes(), "text/csv")}, headers=key(settings)
    )
    assert response.status_code == 200, response.text
    assert response.json()["report"]["sheets"][0]["loaded"] == 1
    warned = [
        issue for issue in response.json()["report"]["issues"] if issue["code"] == "register.sheet.personal_columns"
    ]
    assert [(w["column"], w["severity"]) for w in warned] == [("联系电话、身份证号", "warning")], warned

    stored = _stored_text(graph)
    assert "张建国" in stored and "第一书记" in stored  # names and roles are public and kept
    assert SPARE_MASKED in stored  # a number in another cell is kept only masked
    assert not any(raw in stored for raw in RAW), stored
    seen = _read_everything(client, "310151102216")
    assert "张建国" in seen
    assert not any(raw in seen for raw in RAW)


@pytest.mark.neo4j
def test_a_phone_number_in_a_report_sentence_is_stored_masked(
    client: TestClient, graph: Driver, settings: Settings, tmp_path: Path
) -> None:
    source = max(CORPUS.glob("*.txt"))
    text = source.read_text(encoding="utf-8")
    # Put the number at the end of the sentence of the report's first mention (before its full stop).
    upload = client.post(
        "/uploads/reports", files={"files": (source.name, source.read_bytes(), "text/plain")}, headers=key(settings)
    )
    assert upload.status_code == 200, upload.text
    evidence = graph.execute_query("MATCH ()-[r:MENTIONS]->() RETURN r.evidence AS e ORDER BY r.start LIMIT 1").records[
        0
    ]["e"]
    at = text.index(evidence) + len(evidence.rstrip("。；;！!"))
    changed = tmp_path / source.name
    changed.write_text(text[:at] + f"（联系电话{PHONE}）" + text[at:], encoding="utf-8")
    upload = client.post(
        "/uploads/reports", files={"files": (changed.name, changed.read_bytes(), "text/plain")}, headers=key(settings)
    )
    assert upload.status_code == 200 and upload.json()["report"]["written"], upload.text
    stored = _stored_text(graph)
    assert PHONE_MASKED in stored and PHONE not in stored
    assert PHONE not in _read_everything(client, "310151102216")
