"""Loads at the same time as other loads, as API traffic, as a held lock and as planners' decisions.

- Two ``revkg load register`` processes started at once on overlapping files (the same villages and
  units, written in opposite orders) end with the sequential load's graph: no duplicate node or
  relationship, nothing lost. ``REVKG_CONCURRENT_ROUNDS`` rounds (3).
- A load while the API answers heavy analyses and register uploads: no 5xx, the load completes,
  each upload leaves exactly one audit entry, and beside those the graph is the sequential one's.
- A write lock held by another transaction longer than the server's lock wait (2 s on this
  instance) makes Neo4j raise a transient error; the driver retries the batch with back-off and
  the load report, the CLI's summary line and the upload response count the retry.
- A planner's decision recorded before, or in the middle of, a reload of the register that pairs
  the same village survives the reload.

All of it on the session's second instance (``own_server``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from graph import decisions
from graph.settings import get_settings
from loaders import register
from loaders.places import PlaceIndex
from tests.conftest import REPO, reset_to_spine
from tests.loaders.register_files import PAIRINGS_HEADER, WEAK_HEADER, write_csv
from tests.reliability.conftest import OwnServer
from tests.reliability.graphsum import GraphSum, graph_sum

pytestmark = [pytest.mark.neo4j, pytest.mark.slow, pytest.mark.timeout(1800)]

ROUNDS = int(os.environ.get("REVKG_CONCURRENT_ROUNDS", "3"))
ROWS = 1200  # per file; the two files of a pair share half their villages


@pytest.fixture(scope="module")
def files(own_server: OwnServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pairings and weak registers A and B over overlapping Shanghai villages: B covers the second half
    of A's villages and as many more, in reverse order, with the same 40 units and another weak category."""
    villages = own_server.driver.execute_query(
        "MATCH (v:Village)-[:PART_OF]->(t:Town)-[:PART_OF]->(d:District) WHERE v.code STARTS WITH '31' "
        "RETURN d.name AS district, t.name AS town, v.name AS village, v.code AS code ORDER BY v.code LIMIT $n",
        n=ROWS * 3 // 2,
    ).records
    half = ROWS // 2
    picks = {"A": list(enumerate(villages[:ROWS])), "B": list(enumerate(villages[half : half + ROWS]))[::-1]}
    folder = tmp_path_factory.mktemp("concurrent")
    out: dict[str, Path] = {}
    for side, rows in picks.items():
        unit = lambda i: f"测试并发单位{i % 40:02d}有限公司"
        out[f"pairings_{side}"] = write_csv(
            folder / f"pairings_{side}.csv",
            PAIRINGS_HEADER,
            [
                (
                    unit(i),
                    f"{unit(i)}党委" if i % 5 == 0 else "",
                    "",
                    r["district"],
                    r["town"],
                    r["village"],
                    r["code"],
                    f"202{i % 4}-0{1 + i % 9}-15",
                    "",
                    f"第{side}轮",
                )
                for i, r in rows
            ],
        )
        out[f"weak_{side}"] = write_csv(
            folder / f"weak_{side}.csv",
            WEAK_HEADER,
            [
                (
                    r["district"],
                    r["town"],
                    r["village"],
                    r["code"],
                    "经济薄弱村" if side == "A" else "基础薄弱村",
                    "2023",
                )
                for _, r in rows
            ],
        )
    return out


def load_both_sequentially(own: OwnServer, files: dict[str, Path], index: PlaceIndex) -> GraphSum:
    reset_to_spine(own.driver)
    for side in ("A", "B"):
        register.load(own.driver, [files[f"pairings_{side}"], files[f"weak_{side}"]], index)
    return graph_sum(own.driver, facts_only=True)


def duplicates(driver: Driver) -> dict[str, int]:
    """Nodes sharing a label and key, and relationships sharing type, ends and source row: none expected."""
    nodes = driver.execute_query(
        "MATCH (n) WHERE n.uid IS NOT NULL OR n:WeakCategory "
        "WITH labels(n) AS labels, coalesce(n.uid, n.name) AS key, count(*) AS n WHERE n > 1 RETURN count(*) AS groups"
    ).records[0]["groups"]
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE type(r) <> 'PART_OF' "
        "WITH a, b, type(r) AS type, r.source_id AS sid, r.source_loc AS loc, count(*) AS n WHERE n > 1 "
        "RETURN count(*) AS groups"
    ).records[0]["groups"]
    return {"node groups": nodes, "relationship groups": rels}


def revkg_load(own: OwnServer, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from api.cli import app; app()",
            "load",
            "register",
            *map(str, paths),
            "--provinces",
            "31",
        ],
        cwd=REPO,
        env=own.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str], timeout: float = 900) -> str:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, out + err
    return " ".join(out.split())


def test_two_overlapping_register_loads_at_once_equal_the_sequential_load(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex
) -> None:
    expected = load_both_sequentially(own_server, files, index)
    assert duplicates(own_server.driver) == {"node groups": 0, "relationship groups": 0}
    retried = []
    for round_ in range(ROUNDS):
        reset_to_spine(own_server.driver)
        a = revkg_load(own_server, files["pairings_A"], files["weak_A"])
        b = revkg_load(own_server, files["pairings_B"], files["weak_B"])
        summaries = [finished(a), finished(b)]
        retried.append(sum(retries_said(s) for s in summaries))
        assert duplicates(own_server.driver) == {"node groups": 0, "relationship groups": 0}, f"round {round_}"
        after = graph_sum(own_server.driver, facts_only=True)
        assert after == expected, f"round {round_}: {expected.diff(after)}"
    print(
        f"\n{ROUNDS} rounds of two loads at once: graph equal to the sequential load each time; "
        f"transient-error retries per round {retried}"
    )


@pytest.fixture
def api(own_server: OwnServer, driver: Driver, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The real app, pointed at the test's own instance."""
    from neomodel import db as neomodel_db

    from api.main import app

    for name, value in own_server.env().items():
        if name.startswith("REVKG_"):
            monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            client.headers["X-API-Key"] = own_server.settings.api_key.get_secret_value()
            yield client
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        neomodel_db.set_connection(driver=driver)  # the lifespan gave neomodel its own driver; the session's back


def sum_without_paths(driver: Driver) -> GraphSum:
    """``graph_sum`` with every Document's ``path`` set to its title: an upload records the temporary
    folder it saved the file in, a direct load the file's own path."""
    driver.execute_query("MATCH (d:Document) SET d.path = d.title")
    return graph_sum(driver, facts_only=True)


def upload(client: TestClient, path: Path) -> Any:
    return client.post("/uploads/registers", files={"files": (path.name, path.read_bytes(), "text/csv")})


def set_aside_the_audit_trail(driver: Driver, uploads: list[dict[str, Any]]) -> None:
    """Each upload that was answered (``uploads``: their response bodies) left exactly one audit entry,
    with its id, its files and the loader's counts, and nothing else wrote one; then the entries are
    deleted, so what remains compares with a load that did not go through the API."""
    entries = driver.execute_query(
        "MATCH (a:AuditEntry) RETURN a.route AS route, a.action AS action, a.details AS details"
    ).records
    found = sorted(
        ((e["route"], e["action"], json.loads(e["details"])) for e in entries), key=lambda e: e[2]["upload_id"]
    )
    answered = sorted(
        (
            (
                "POST /uploads/registers",
                "upload_registers",
                {
                    "upload_id": u["upload_id"],
                    "files": u["files"],
                    "summary": u["summary"],
                    "writes": u["report"]["writes"],
                },
            )
            for u in uploads
        ),
        key=lambda e: e[2]["upload_id"],
    )
    assert found == answered
    driver.execute_query("MATCH (a:AuditEntry) DELETE a")


def test_load_while_the_api_serves_heavy_analyses_and_uploads(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex, api: TestClient
) -> None:
    load_both_sequentially(own_server, files, index)
    expected = sum_without_paths(own_server.driver)
    reset_to_spine(own_server.driver)
    register.load(own_server.driver, [files["weak_A"], files["weak_B"]], index)  # what the uploads bring
    statuses: Counter[int] = Counter()
    odd: list[str] = []
    uploaded: list[dict[str, Any]] = []
    loading = threading.Event()
    loading.set()

    def traffic(requests: list[tuple[str, str, Any]]) -> None:
        while loading.is_set():
            for method, url, arg in requests:
                response = upload(api, arg) if method == "upload" else api.get(url, params=arg)
                statuses[response.status_code] += 1
                if method == "upload" and response.status_code == 200:
                    uploaded.append(response.json())
                if response.status_code >= 500 or (response.status_code >= 400 and method == "upload"):
                    odd.append(f"{method} {url} {response.status_code} {response.text[:300]}")

    readers = [
        threading.Thread(
            target=traffic,
            args=(
                [
                    ("get", "/analyses/shared-resource-clusters", {"limit": 50}),  # Louvain over every province loaded
                    ("get", "/analyses/coverage", {"level": "district"}),
                    ("get", "/analyses/uncovered-weak-villages", {"limit": 200}),
                    ("get", "/analyses/helper-load", {"limit": 200}),
                ],
            ),
        )
        for _ in range(2)
    ]
    uploader = threading.Thread(
        target=traffic, args=([("upload", "weak_A", files["weak_A"]), ("upload", "weak_B", files["weak_B"])],)
    )
    threads = [*readers, uploader]
    for thread in threads:
        thread.start()
    try:
        time.sleep(2)
        loader = revkg_load(own_server, files["pairings_A"], files["pairings_B"])
        summary = finished(loader)
    finally:
        loading.clear()
        for thread in threads:
            thread.join(timeout=600)
    print(f"\nload beside API traffic: {sum(statuses.values())} requests {dict(statuses)}; {summary[-200:]}")
    assert not odd, odd[:5]
    assert statuses[200] > 0 and set(statuses) == {200}
    assert duplicates(own_server.driver) == {"node groups": 0, "relationship groups": 0}
    assert uploaded
    set_aside_the_audit_trail(own_server.driver, uploaded)
    after = sum_without_paths(own_server.driver)
    assert after == expected, expected.diff(after)


class HeldLock:
    """An open transaction holding the write lock of one village until ``release``."""

    def __init__(self, driver: Driver, code: str) -> None:
        self.session = driver.session()
        self.tx = self.session.begin_transaction()
        # Writing a property takes the node's exclusive lock; the rollback leaves nothing behind.
        self.tx.run("MATCH (v:Village {code: $code}) SET v.held_by_test = true", code=code).consume()

    def release(self) -> None:
        self.tx.rollback()
        self.session.close()


def release_later(lock: HeldLock, seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, lock.release)
    timer.start()
    return timer


def first_code(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[1].split(",")[3]


def test_a_held_lock_gives_a_transient_error_that_is_retried_and_counted_in_the_load_report(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex, tmp_path: Path
) -> None:
    path = files["weak_A"]
    load_both_sequentially(own_server, files, index)
    reset_to_spine(own_server.driver)
    register.load(own_server.driver, [path], index)
    expected = graph_sum(own_server.driver, facts_only=True)
    reset_to_spine(own_server.driver)

    # The designation batch sets the village's weak flag, so it needs the village's lock: held 5 s,
    # past the 2 s the server lets a transaction wait for it.
    timer = release_later(HeldLock(own_server.driver, first_code(path)), 5.0)
    try:
        report = register.load(own_server.driver, [path], index)
    finally:
        timer.join()
    print(f"\nheld lock: load report counts {report.writes.retries} retried write(s)")
    assert report.writes.retries >= 1
    assert graph_sum(own_server.driver, facts_only=True) == expected

    # The CLI takes a while to build its place index: the lock is let go 12 s after its first write
    # (its designation batch comes a few seconds after that write on a loaded machine).
    reset_to_spine(own_server.driver)
    lock = HeldLock(own_server.driver, first_code(path))
    process = revkg_load(own_server, path)
    try:
        deadline = time.monotonic() + 300
        while not own_server.driver.execute_query(
            "MATCH (d:Document {uid: $uid}) RETURN count(d) AS n", uid=register.source_id(path.name)
        ).records[0]["n"]:
            assert process.poll() is None and time.monotonic() < deadline, "the CLI never started writing"
            time.sleep(0.1)
        timer = release_later(lock, 12.0)
        cli = finished(process)
        timer.join()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    retried = retries_said(cli)
    print(f"held lock: the CLI says {retried} write(s) retried")
    assert retried >= 1
    assert graph_sum(own_server.driver, facts_only=True) == expected


def test_a_held_lock_during_an_upload_is_retried_and_the_response_counts_it(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex, api: TestClient
) -> None:
    path = files["weak_B"]
    reset_to_spine(own_server.driver)
    register.load(own_server.driver, [path], index)
    expected = sum_without_paths(own_server.driver)
    reset_to_spine(own_server.driver)
    upload(api, files["weak_A"])  # the app's place index is built before the lock is taken
    reset_to_spine(own_server.driver)
    timer = release_later(HeldLock(own_server.driver, first_code(path)), 5.0)
    try:
        response = upload(api, path)
    finally:
        timer.join()
    assert response.status_code == 200, response.text
    print(f"\nheld lock: the upload response says retries={response.json()['retries']}")
    assert response.json()["retries"] >= 1
    assert response.json()["report"]["writes"]["retries"] == response.json()["retries"]
    set_aside_the_audit_trail(own_server.driver, [response.json()])
    after = sum_without_paths(own_server.driver)
    assert after == expected, expected.diff(after)


# --- planners' decisions and register reloads ---------------------------------------------------------


def decision_body(helper: str, village: str) -> dict[str, Any]:
    return {
        "helper_uid": helper,
        "village": village,
        "since": "2025-03-01",
        "note": "区委组织部会议决定",
        "decided_by": "测试规划员",
    }


def planner_edges(driver: Driver, decision_uid: str) -> int:
    return int(
        driver.execute_query(
            "MATCH ()-[r:PAIRED_WITH {source_id: 'planner', decision_uid: $uid}]->() RETURN count(r) AS n",
            uid=decision_uid,
        ).records[0]["n"]
    )


def changed_copy(path: Path, folder: Path) -> Path:
    """The same register with one more trailing blank line: another checksum, so a reload deletes and rewrites."""
    copy = folder / path.name
    copy.write_bytes(path.read_bytes() + b"\r\n")
    return copy


def helper_and_village(files: dict[str, Path], own: OwnServer, unit: int = 1) -> tuple[str, str]:
    """A unit of file A and a village of file A that the unit is not paired with."""
    row = own.driver.execute_query(
        "MATCH (o:Organization {name: $name}), (v:Village)<-[:PAIRED_WITH {source_id: $sid}]-() "
        "WHERE NOT (o)-[:PAIRED_WITH]->(v) RETURN o.uid AS helper, v.code AS village ORDER BY v.code LIMIT 1",
        name=f"测试并发单位{unit:02d}有限公司",
        sid=register.source_id(files["pairings_A"].name),
    ).records[0]
    return row["helper"], row["village"]


def test_a_planner_decision_survives_a_reload_of_the_register_that_pairs_the_village(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex, tmp_path: Path
) -> None:
    reset_to_spine(own_server.driver)
    register.load(own_server.driver, [files["pairings_A"]], index)
    helper, village = helper_and_village(files, own_server)
    decision = decisions.record_pairing(own_server.driver, helper, village, date(2025, 3, 1), "会议决定", "测试规划员")
    report = register.load(own_server.driver, [changed_copy(files["pairings_A"], tmp_path)], index)
    assert report.files[files["pairings_A"].name]["changed"]  # the file's facts were deleted and rewritten
    assert planner_edges(own_server.driver, decision["uid"]) == 1
    assert [d["uid"] for d in decisions.decisions(own_server.driver, village)] == [decision["uid"]]


def test_a_planner_decision_recorded_in_the_middle_of_a_reload_survives_it(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex, api: TestClient, tmp_path: Path
) -> None:
    reset_to_spine(own_server.driver)
    register.load(own_server.driver, [files["pairings_A"]], index)
    helper, village = helper_and_village(files, own_server)
    recorded: list[Any] = []

    def decide_after_the_first_batch(stage: str, n: int) -> None:
        # The reload has deleted the file's old facts and written one batch: the village's register
        # pairings are gone or half back when the planner records theirs, through the API.
        if stage == "written" and not recorded:
            recorded.append(api.post("/decisions/pairings", json=decision_body(helper, village)))

    report = register.load(
        own_server.driver,
        [changed_copy(files["pairings_A"], tmp_path)],
        index,
        batch_size=200,
        on_rows=decide_after_the_first_batch,
    )
    assert report.files[files["pairings_A"].name]["changed"] and report.writes.batches > 1
    assert recorded and recorded[0].status_code == 201, recorded[0].text
    uid = recorded[0].json()["uid"]
    assert planner_edges(own_server.driver, uid) == 1

    # And with decisions (other units, the same village) racing reloads from another thread.
    for unit in (2, 3, 4):
        other, _ = helper_and_village(files, own_server, unit)
        result: list[Any] = []
        racer = threading.Thread(
            target=lambda result=result, other=other: result.append(
                api.post("/decisions/pairings", json=decision_body(other, village))
            )
        )
        (tmp_path / str(unit)).mkdir()
        racer.start()
        register.load(
            own_server.driver, [changed_copy(files["pairings_A"], tmp_path / str(unit))], index, batch_size=200
        )
        racer.join()
        assert result[0].status_code == 201, result[0].text
    kept = own_server.driver.execute_query(
        "MATCH (d:PlannerDecision {village_code: $v}) "
        "OPTIONAL MATCH ()-[r:PAIRED_WITH {source_id: 'planner', decision_uid: d.uid}]->() "
        "RETURN d.uid AS uid, count(r) AS edges",
        v=village,
    ).records
    assert len(kept) == 4 and all(r["edges"] == 1 for r in kept), [dict(r) for r in kept]


def test_the_same_register_loaded_twice_at_once_leaves_each_fact_once(
    own_server: OwnServer, files: dict[str, Path], index: PlaceIndex
) -> None:
    """A planner who starts the same upload twice: both loads find the file new."""
    paths = (files["pairings_A"], files["weak_A"])
    reset_to_spine(own_server.driver)
    register.load(own_server.driver, list(paths), index)
    expected = graph_sum(own_server.driver, facts_only=True)
    for round_ in range(ROUNDS):
        reset_to_spine(own_server.driver)
        first, second = revkg_load(own_server, *paths), revkg_load(own_server, *paths)
        finished(first), finished(second)
        assert duplicates(own_server.driver) == {"node groups": 0, "relationship groups": 0}, f"round {round_}"
        after = graph_sum(own_server.driver, facts_only=True)
        assert after == expected, f"round {round_}: {expected.diff(after)}"


def retries_said(cli_output: str) -> int:
    """The retries the CLI's summary line counts (``…；3 次写入因暂时性错误…重试``)."""
    return int(cli_output.split(" 次写入因暂时性错误")[0].rsplit("；", 1)[-1].strip())
