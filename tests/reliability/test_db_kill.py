"""Neo4j itself SIGKILLed in the middle of a load: the loader stops within a bounded time saying what
to re-run, the server comes back with ``revkg neo4j start`` (run as a user runs it), the re-run ends
with exactly the graph of an uninterrupted load, and ``neo4j-admin database check`` finds the store
consistent.

The server is the session's second instance (``own_server``), never the one other tests use. The
loader runs in a child process (``tests/reliability/killable.py``) that says when it starts writing;
the server is killed at a random moment of the write phase (uniform over the shortest write seen).

``pytest tests/reliability/test_db_kill.py`` kills once per loader; ``-m long`` runs
``REVKG_DB_KILLS`` (20) kills per loader, checking the store every ``REVKG_DB_CHECK_EVERY`` (5) kills.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from neo4j import Driver

from graph.backup import _admin
from graph.server import LocalNeo4j
from loaders import register, reports
from loaders.places import PlaceIndex
from tests.conftest import CORPUS, REPO, reset_to_spine
from tests.reliability.conftest import QUICK_ROWS, REGISTER_ROWS, OwnServer
from tests.reliability.graphsum import GraphSum, graph_sum

# Each kill costs a restart and recovery (20-80 s on the shared machine) and the first test starts
# and fills the instance.
pytestmark = [pytest.mark.neo4j, pytest.mark.slow, pytest.mark.timeout(1800)]

BATCH = 250
REPORT_BATCH = 2000  # loaders.reports.write's batch size
LONG_KILLS = int(os.environ.get("REVKG_DB_KILLS", "20"))
CHECK_EVERY = int(os.environ.get("REVKG_DB_CHECK_EVERY", "5"))
CHILD_RETRY_S = 5.0  # the loader child's transaction retry time: how long it keeps trying a dead server
EXIT_BOUND_S = 60.0  # the loader must have given up this long after the kill
CLI_EXIT_BOUND_S = 90.0  # `revkg load register` keeps the loaders' 30 s retry time


def revkg(own: OwnServer, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``revkg …`` in a subprocess, as a user runs it, against the test's own instance."""
    return subprocess.run(
        [sys.executable, "-c", "from api.cli import app; app()", *args],
        cwd=REPO,
        env=own.env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def kill_server(own: OwnServer) -> int:
    """SIGKILL the instance's JVM (no shutdown of any kind); returns the pid killed."""
    pid = own.server.pid()
    assert pid is not None, "the server is not running"
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while own.server.pid() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    process = own.server._process
    if process is not None and process.pid == pid:
        process.wait()  # started by this process: reap it
        own.server._process = None
    return pid


def start_as_a_user(own: OwnServer) -> float:
    began = time.monotonic()
    started = revkg(own, "neo4j", "start")
    assert started.returncode == 0, started.stdout + started.stderr
    return time.monotonic() - began


def check_store(own: OwnServer, report_dir: Path) -> float:
    """Stop the server (as a user would), run ``neo4j-admin database check``, start it again; seconds the check took."""
    stopped = revkg(own, "neo4j", "stop")
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    began = time.monotonic()
    try:
        # Fails (BackupError, its first line) when the checker finds an inconsistency or cannot run.
        _admin(
            LocalNeo4j(own.settings),
            ["database", "check", own.settings.neo4j_database, f"--report-path={report_dir}"],
            what="consistency check",
            timeout_s=900,
        )
    finally:
        seconds = time.monotonic() - began
        start_as_a_user(own)
    return seconds


@dataclass
class DbKills:
    kills: int = 0  # runs whose server was killed before the load finished
    finished_first: int = 0
    seeds: list[int] = field(default_factory=list)
    loader_exit_s: list[float] = field(default_factory=list)  # kill → loader gave up
    restart_s: list[float] = field(default_factory=list)  # `revkg neo4j start` after a kill
    checks: list[float] = field(default_factory=list)  # consistency checks' seconds

    def describe(self) -> str:
        most = lambda xs: f"{max(xs):.1f}" if xs else "-"
        return (
            f"{self.kills} kills mid-load, {self.finished_first} loads finished first, "
            f"{len(self.checks)} consistency checks passed ({most(self.checks)} s max); "
            f"loader gave up ≤ {most(self.loader_exit_s)} s after the kill; restart ≤ {most(self.restart_s)} s"
        )


def db_kill_loop(
    own: OwnServer,
    args: list[str],
    kills: int,
    expected: GraphSum,
    horizon: float,
    check_killed: Callable[[int], None],
    rerun: Callable[[], object],
    report_dir: Path,
) -> DbKills:
    """Kill the server at random moments of the loader ``args``'s writing; see the module docstring."""
    result = DbKills()
    while result.kills < kills and len(result.seeds) < 2 * kills + 3:
        seed = random.randrange(2**32)
        result.seeds.append(seed)
        reset_to_spine(own.driver)
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.killable", *args, "--retry-s", str(CHILD_RETRY_S)],
            cwd=REPO,
            env=own.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stderr is not None
        try:
            assert child.stdout.readline().strip() == "WRITING", child.stderr.read()[-2000:]
            writing_from = time.monotonic()
            try:
                child.wait(timeout=random.Random(seed).uniform(0, horizon))
                result.finished_first += 1
                horizon = min(horizon, time.monotonic() - writing_from)
                assert child.returncode == 0, child.stderr.read()[-2000:]
            except subprocess.TimeoutExpired:
                kill_server(own)
                killed_at = time.monotonic()
                child.wait(timeout=EXIT_BOUND_S)  # TimeoutExpired here: the loader hung on a dead server
                result.loader_exit_s.append(time.monotonic() - killed_at)
                err = child.stderr.read()
                if child.returncode == 0:  # its last commit got in just before the kill
                    result.finished_first += 1
                else:
                    result.kills += 1
                    assert "LoadInterrupted: Neo4j became unreachable" in err, f"seed {seed}: {err[-3000:]}"
                result.restart_s.append(start_as_a_user(own))
                if child.returncode != 0:
                    check_killed(seed)
                    if result.kills % CHECK_EVERY == 0 or result.kills == kills:
                        result.checks.append(check_store(own, report_dir))
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        rerun()
        after = graph_sum(own.driver, facts_only=True)
        assert after == expected, f"seed {seed}: {expected.diff(after)}"
        # One line per run, so a long loop cut short still says what held.
        print(
            f"run {len(result.seeds)} seed {seed}: {'killed' if child.returncode else 'finished first'}, "
            f"re-run equal to the uninterrupted load; {result.describe()}",
            flush=True,
        )
    return result


def scalar(driver: Driver, cypher: str, **params: object) -> int:
    return int(driver.execute_query(cypher, **params).records[0][0])


def register_db_kill_loop(
    own: OwnServer, index: PlaceIndex, path: Path, rows: int, kills: int, report_dir: Path
) -> DbKills:
    sid = register.source_id(path.name)
    count = lambda: scalar(own.driver, "MATCH ()-[r:PAIRED_WITH {source_id: $sid}]->() RETURN count(r)", sid=sid)
    marked = lambda: scalar(
        own.driver, "MATCH (d:Document {uid: $sid}) WHERE d.sha256 IS NOT NULL RETURN count(d)", sid=sid
    )
    reset_to_spine(own.driver)
    began = time.monotonic()
    register.load(own.driver, [path], index, batch_size=BATCH)
    horizon = time.monotonic() - began
    expected = graph_sum(own.driver, facts_only=True)
    assert count() == rows and marked() == 1

    def check_killed(seed: int) -> None:
        written = count()
        # Recovery kept whole committed batches only, and the file is not marked loaded until all are in.
        assert written % BATCH == 0, f"seed {seed}: {written} rows after recovery, not a multiple of {BATCH}"
        assert written == rows or marked() == 0, f"seed {seed}: file marked loaded with {written} of {rows} rows"

    args = ["register", str(path), "--batch-size", str(BATCH), "--provinces", "31"]
    return db_kill_loop(
        own,
        args,
        kills,
        expected,
        horizon,
        check_killed,
        lambda: register.load(own.driver, [path], index, batch_size=BATCH),
        report_dir,
    )


def report_db_kill_loop(own: OwnServer, index: PlaceIndex, kills: int, report_dir: Path) -> DbKills:
    paths = sorted(CORPUS.glob("*.txt"))
    per_doc = (
        "MATCH (d:Document {kind: 'report'}) OPTIONAL MATCH (d)-[m:MENTIONS]->() "
        "RETURN d.uid AS uid, count(m) AS mentions"
    )
    reset_to_spine(own.driver)
    began = time.monotonic()
    reports.load(own.driver, paths, index)
    horizon = time.monotonic() - began
    expected = graph_sum(own.driver, facts_only=True)
    full = {r["uid"]: r["mentions"] for r in own.driver.execute_query(per_doc).records}
    assert len(full) == len(paths) and all(full.values())

    def check_killed(seed: int) -> None:
        for record in own.driver.execute_query(per_doc).records:
            seen, whole = record["mentions"], full[record["uid"]]
            assert seen == whole or seen % REPORT_BATCH == 0, f"seed {seed}: {record['uid']} half a batch"

    return db_kill_loop(
        own,
        ["reports", *map(str, paths)],
        kills,
        expected,
        horizon,
        check_killed,
        lambda: reports.load(own.driver, paths, index),
        report_dir,
    )


def test_register_load_with_neo4j_killed_mid_write_is_completed_by_a_rerun(
    own_server: OwnServer, index: PlaceIndex, registers: dict[int, Path], tmp_path: Path
) -> None:
    result = register_db_kill_loop(own_server, index, registers[QUICK_ROWS], QUICK_ROWS, 1, tmp_path)
    print(f"\nregister, Neo4j killed: {result.describe()}")
    assert result.kills == 1 and len(result.checks) == 1, result


def test_report_load_with_neo4j_killed_mid_write_is_completed_by_a_rerun(
    own_server: OwnServer, index: PlaceIndex, tmp_path: Path
) -> None:
    result = report_db_kill_loop(own_server, index, 1, tmp_path)
    print(f"\nreports, Neo4j killed: {result.describe()}")
    assert result.kills == 1 and len(result.checks) == 1, result


def test_cli_load_against_a_killed_server_exits_in_bounded_time_naming_the_file_and_the_rerun(
    own_server: OwnServer, registers: dict[int, Path]
) -> None:
    path = registers[REGISTER_ROWS]
    sid = register.source_id(path.name)
    reset_to_spine(own_server.driver)
    cli = subprocess.Popen(
        [sys.executable, "-c", "from api.cli import app; app()", "load", "register", str(path), "--provinces", "31"],
        cwd=REPO,
        env=own_server.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The file's Document node is the load's first write: kill as soon as it is there.
        deadline = time.monotonic() + 180
        while not scalar(own_server.driver, "MATCH (d:Document {uid: $sid}) RETURN count(d)", sid=sid):
            assert cli.poll() is None and time.monotonic() < deadline, "the load never started writing"
            time.sleep(0.05)
        kill_server(own_server)
        killed_at = time.monotonic()
        out, err = cli.communicate(timeout=CLI_EXIT_BOUND_S)
        gave_up_s = time.monotonic() - killed_at
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
        start_as_a_user(own_server)
    text = " ".join((out + err).split())  # the console wraps long lines
    print(f"\n`revkg load register` gave up {gave_up_s:.1f} s after the kill (exit {cli.returncode}):\n{err}")
    assert cli.returncode == 3, out + err
    assert gave_up_s < CLI_EXIT_BOUND_S
    assert f"while writing {path.name}" in text, text
    assert f"revkg load register --provinces 31 {path}" in text, text
    assert "Traceback" not in out + err


@pytest.mark.long
@pytest.mark.timeout(10800)
def test_register_load_survives_twenty_neo4j_kills(
    own_server: OwnServer, index: PlaceIndex, registers: dict[int, Path], tmp_path: Path
) -> None:
    result = register_db_kill_loop(own_server, index, registers[REGISTER_ROWS], REGISTER_ROWS, LONG_KILLS, tmp_path)
    print(f"\nregister, Neo4j killed: {result.describe()}; seeds {result.seeds}")
    assert result.kills == LONG_KILLS, result


@pytest.mark.long
@pytest.mark.timeout(10800)
def test_report_load_survives_twenty_neo4j_kills(own_server: OwnServer, index: PlaceIndex, tmp_path: Path) -> None:
    result = report_db_kill_loop(own_server, index, LONG_KILLS, tmp_path)
    print(f"\nreports, Neo4j killed: {result.describe()}; seeds {result.seeds}")
    assert result.kills == LONG_KILLS, result
