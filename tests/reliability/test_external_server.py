"""The scale-out path: revkg against a Neo4j it did not start, reached only as
``REVKG_NEO4J_URI=neo4j://127.0.0.1:<port>`` (the routing scheme Aura and clusters use).

The server is started here with the project's ``LocalNeo4j`` under an instance name of its own; the
commands then get nothing but the URI (and an instance name no server has), as a user of Aura would:
schema, every loader (``revkg up --no-serve``: gazetteer, example registers, corpus reports), the
analyses, an upload and a planner's decision through the API, and ``revkg backup`` refusing politely.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from graph.server import LocalNeo4j
from graph.settings import Settings
from tests.conftest import REPO, free_port

# Minutes: a Neo4j start, Shanghai's code table, the demo data, six analyses and an API (about 12 min on
# the shared 2-core machine under load), so with the long runs of `make reliability`.
pytestmark = [pytest.mark.neo4j, pytest.mark.long, pytest.mark.timeout(3600)]

OFFSET = 133  # above the session server's ports, inside the range they leave to this run


@pytest.fixture(scope="module")
def external(settings: Settings) -> Iterator[Settings]:
    own = settings.model_copy(
        update={
            "instance": f"{settings.instance}-external",
            "bolt_port": settings.bolt_port + OFFSET,
            "http_port": settings.http_port + OFFSET,
            "heap_size": "1g",
            "pagecache_size": "512m",
        }
    )
    server = LocalNeo4j(own)
    server.start()
    try:
        yield own
    finally:
        server.stop()


def env_for(server: Settings, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVKG_")}
    env.update(
        REVKG_NEO4J_URI=f"neo4j://127.0.0.1:{server.bolt_port}",
        REVKG_NEO4J_PASSWORD=server.neo4j_password.get_secret_value(),
        REVKG_INSTANCE="no-such-instance",  # nothing may be started or looked for under it
        REVKG_BOLT_PORT="1",  # nor may the managed server's port be used
        REVKG_HTTP_PORT="2",
        REVKG_HOME=str(home),
        REVKG_ENVIRONMENT="test",
        COLUMNS="400",
    )
    return env


def revkg(env: dict[str, str], *args: str, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    print(f"[{time.strftime('%H:%M:%S')}] revkg {' '.join(args)}", flush=True)
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


def call(
    url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "revkgboundary7d1c"
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\nContent-Type: text/csv\r\n\r\n'
    return head.encode() + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_revkg_runs_whole_against_a_server_it_did_not_start(
    external: Settings, settings: Settings, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    # The code table is the user's own cache, not the server's: share the session's, fetched once.
    home.mkdir()
    (home / "gazetteer").symlink_to(settings.home / "gazetteer", target_is_directory=True)
    env = env_for(external, home)
    figures: dict[str, float] = {}

    began = time.perf_counter()
    up = revkg(env, "up", "--provinces", "31", "--no-serve")
    figures["up_s"] = time.perf_counter() - began
    assert up.returncode == 0, up.stdout + up.stderr
    assert "Schema applied." in up.stdout and "Demo data: registers:" in up.stdout
    assert not (home / "instances").exists()  # nothing managed was started or written

    auth = (external.neo4j_user, external.neo4j_password.get_secret_value())
    with GraphDatabase.driver(f"neo4j://127.0.0.1:{external.bolt_port}", auth=auth) as driver:
        counts = driver.execute_query(
            "CALL () { MATCH (v:Village) WHERE v.code STARTS WITH '31' AND v.resolved RETURN count(v) AS villages } "
            "CALL () { MATCH (:Organization)-[p:PAIRED_WITH]->() RETURN count(p) AS pairings } "
            "CALL () { MATCH (d:Document {kind: 'report'}) RETURN count(d) AS reports } "
            "RETURN villages, pairings, reports"
        ).records[0]
    assert counts["villages"] > 5000 and counts["pairings"] > 0 and counts["reports"] > 0

    (tmp_path / "out").mkdir()
    for analysis in (
        ["uncovered", "--district", "崇明区"],
        ["coverage", "--parent", "上海市"],
        ["helpers", "--district", "崇明区"],
        ["clusters", "--district", "崇明区"],
        ["suggest", "--district", "崇明区"],
        ["search", "新建村"],
    ):
        result = revkg(env, "analyze", *analysis, "--out", str(tmp_path / "out"))
        assert result.returncode == 0, (analysis, result.stdout, result.stderr)
    assert len(list((tmp_path / "out").glob("*.xlsx"))) == 6

    backup = revkg(env, "backup")
    lines = [line for line in backup.stderr.splitlines() if line.strip()]
    assert backup.returncode == 1 and len(lines) == 1 and "REVKG_NEO4J_URI" in lines[0], backup.stderr
    assert "Traceback" not in backup.stderr

    added = revkg(env, "users", "add", "外部规划", "--role", "planner")
    assert added.returncode == 0, added.stderr
    planner_key = next(w for w in added.stdout.split() if w.startswith("rk_"))

    port = free_port()
    api = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if call(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        body, content_type = multipart("pairings.csv", (REPO / "data" / "examples" / "pairings.csv").read_bytes())
        status, answer = call(
            base + "/uploads/registers",
            "POST",
            body,
            {"Content-Type": content_type, "X-API-Key": settings.api_key.get_secret_value()},
        )
        assert status == 200, answer
        assert json.loads(answer)["upload_id"].startswith("upload:")
        status, answer = call(base + "/analyses/uncovered-weak-villages?district=310151&limit=1")
        assert status == 200, answer
        village = json.loads(answer)["items"][0]["code"]
        status, answer = call(base + "/search?q=" + urllib.request.quote("浦江实业") + "&limit=5")
        helper = next(h["key"] for h in json.loads(answer) if h["label"] == "Organization")
        decision = json.dumps({"helper_uid": helper, "village": village, "since": "2024-06-01", "note": "外部服务器"})
        status, answer = call(
            base + "/decisions/pairings",
            "POST",
            decision.encode(),
            {"Content-Type": "application/json", "X-API-Key": planner_key},
        )
        assert status == 201, answer
        assert json.loads(answer)["decided_by"] == "外部规划"
        status, answer = call(base + "/audit", headers={"X-API-Key": settings.api_key.get_secret_value()})
        assert status == 200 and [e["action"] for e in json.loads(answer)][:2] == ["record_pairing", "upload_registers"]
    finally:
        api.terminate()
        api.wait(timeout=30)
    print(f"\nexternal server: revkg up --provinces 31 --no-serve took {figures['up_s']:.1f}s; {dict(counts)}")
