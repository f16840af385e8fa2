"""Hostile statements against ``POST /cypher``: each is refused with a 4xx and a message (or, for a
flood of rows, answered truncated at the cap), and the database is unchanged afterwards.

The guard is graph/readonly.py: EXPLAIN plan check (query type and an allow-list of procedures), a
READ-access transaction, a server-side timeout and a row cap. This test goes through the API.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver, GraphDatabase

from graph.settings import Settings, get_settings
from tests.reliability.attacks import ATTACKS, Attack

pytestmark = pytest.mark.neo4j

TIMEOUT_S = 3.0
ROW_CAP = 1000


def fingerprint(driver: Driver) -> dict[str, object]:
    """Node and relationship counts, a checksum of every label and property, and the schema."""
    digest = hashlib.sha256()
    nodes = rels = 0
    with driver.session() as session:
        for record in session.run(
            "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"
        ):
            nodes += 1
            digest.update(
                json.dumps(
                    [record["id"], sorted(record["labels"]), record["props"]],
                    sort_keys=True,
                    default=str,
                    ensure_ascii=False,
                ).encode()
            )
        for record in session.run(
            "MATCH ()-[r]->() RETURN elementId(r) AS id, type(r) AS type, properties(r) AS props ORDER BY id"
        ):
            rels += 1
            digest.update(
                json.dumps(
                    [record["id"], record["type"], record["props"]], sort_keys=True, default=str, ensure_ascii=False
                ).encode()
            )
        schema = sorted(r["name"] for r in session.run("SHOW INDEXES YIELD name RETURN name"))
        schema += sorted(r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name RETURN name"))
    return {"nodes": nodes, "relationships": rels, "checksum": digest.hexdigest(), "schema": schema}


@pytest.fixture
def client(graph: Driver, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    graph.execute_query(
        "MATCH (d:District {code: '310151'}) MERGE (o:Organization {uid: 'org:guard-test'}) "
        "SET o.name = 'guard test' MERGE (o)-[:PAIRED_WITH {source_id: 'test'}]->(d)"
    )
    monkeypatch.setenv("REVKG_CYPHER_TIMEOUT_S", str(TIMEOUT_S))
    monkeypatch.setenv("REVKG_CYPHER_ROW_CAP", str(ROW_CAP))
    get_settings.cache_clear()
    from api.main import app

    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    monkeypatch.undo()
    get_settings.cache_clear()


def stopped_by_a_limit(body: dict[str, Any]) -> bool:
    """Stopped by the server-side timeout (its own code) or by the transaction memory cap (Neo4j's
    refusal, which names the setting)."""
    code, detail = body.get("code"), body.get("detail") or ""
    return code == "cypher.timed_out" or (code == "cypher.refused" and "dbms.memory.transaction" in detail)


def check(client: TestClient, attack: Attack) -> tuple[int, str | None]:
    """The status and, when the attack was not handled as it must be, why."""
    started = time.monotonic()
    response = client.post("/cypher", json={"query": attack.query, "params": {}})
    elapsed = time.monotonic() - started
    body = response.json()
    if response.status_code >= 500:
        return response.status_code, f"{response.status_code}: {response.text[:200]}"
    if attack.kind == "cap":
        if response.status_code == 200:
            ok = body["truncated"] and len(body["rows"]) == ROW_CAP
            return 200, None if ok else f"not truncated at {ROW_CAP}: {len(body['rows'])} rows"
        return response.status_code, None if stopped_by_a_limit(body) else f"unexpected: {body}"
    if not 400 <= response.status_code < 500:
        return response.status_code, f"answered {response.status_code}: {response.text[:200]}"
    detail = body.get("detail")
    if not isinstance(detail, str) or len(detail) < 10 or "Traceback" in detail:
        return response.status_code, f"no clear message: {body}"
    if attack.kind == "limit" and (not stopped_by_a_limit(body) or elapsed > TIMEOUT_S + 15):
        return response.status_code, f"not stopped by the timeout ({elapsed:.1f} s): {detail}"
    return response.status_code, None


def test_every_attack_is_refused_and_the_database_is_unchanged(
    client: TestClient,
    graph: Driver,
    settings: Settings,
    tmp_path: Path,
) -> None:
    assert len(ATTACKS) >= 50
    before = fingerprint(graph)
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    for attack in ATTACKS:
        status, problem = check(client, attack)
        statuses[status] += 1
        if problem:
            failures.append(f"{attack.name}: {problem}")
    print(f"\n{len(ATTACKS)} attacks: statuses {dict(sorted(statuses.items()))}")
    assert failures == [], "\n".join(failures)
    assert not any(code >= 500 for code in statuses)
    after = fingerprint(graph)
    assert after == before
    assert after["nodes"] > 1000  # the gazetteer was there to be attacked
    # The password is unchanged: a new connection still logs in with it.
    with GraphDatabase.driver(
        settings.bolt_uri, auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value())
    ) as fresh:
        fresh.verify_connectivity()
    assert not Path("/tmp/dump.csv").exists()


def test_the_endpoint_still_answers_ordinary_reads_under_the_same_guard(client: TestClient) -> None:
    response = client.post(
        "/cypher", json={"query": "MATCH (d:District {code: $c}) RETURN d.name AS name", "params": {"c": "310151"}}
    )
    assert response.status_code == 200 and response.json()["rows"] == [{"name": "崇明区"}]
    response = client.post("/cypher", json={"query": "CALL db.labels() YIELD label RETURN label", "params": {}})
    assert response.status_code == 200 and {"label": "Village"} in response.json()["rows"]
