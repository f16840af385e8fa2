"""Loaders SIGKILLed mid-write and re-run end with exactly the graph of an uninterrupted run; a killed
load never leaves part of a batch behind; every loader run twice leaves an identical graph.

The loader runs in a child process (``tests/reliability/killable.py``) that says when it starts
writing; the kill lands at a random moment of the write phase (uniform over the duration an
uninterrupted run's writes took). The graph is compared by ``graph_sum``: node and relationship
counts and a SHA-256 over every label, property and relationship end.

``pytest tests/reliability/test_kill.py`` kills each loader a few times; ``-m long`` runs the
20-kill loops (``make reliability``).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver

from loaders import register, reports
from loaders.places import PlaceIndex
from tests.conftest import CORPUS, REPO, reset_to_spine
from tests.reliability.conftest import QUICK_ROWS, REGISTER_ROWS
from tests.reliability.graphsum import GraphSum, graph_sum

pytestmark = pytest.mark.neo4j

BATCH = 250  # small batches, so a kill can fall between, or inside, many transactions
REPORT_BATCH = 2000  # loaders.reports.write's batch size
QUICK_KILLS = 1
SLOW_KILLS = int(os.environ.get("REVKG_KILLS", "20"))  # fewer for a shorter run


@dataclass
class Child:
    """One loader process: how long it took to start writing and to write."""

    to_write: float
    writing: float
    returncode: int


def run_child(args: list[str], kill_after: float | None = None) -> Child:
    """Run the loader; with ``kill_after``, SIGKILL it that many seconds after it starts writing."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.killable", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert process.stdout is not None
    try:
        started = time.monotonic()
        line = process.stdout.readline().strip()
        if line != "WRITING":
            raise AssertionError(f"loader did not start writing: {line!r}")
        writing_from = time.monotonic()
        if kill_after is not None:
            try:
                process.wait(timeout=kill_after)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return Child(writing_from - started, time.monotonic() - writing_from, process.returncode)
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0 and out.strip().endswith("DONE"), err[-2000:]
        return Child(writing_from - started, time.monotonic() - writing_from, process.returncode)
    finally:
        # A test that fails or times out must not leave a loader writing into the next test's graph.
        if process.poll() is None:
            process.kill()
            process.wait()


def scalar(driver: Driver, cypher: str, **params: object) -> int:
    return int(driver.execute_query(cypher, **params).records[0][0])


@dataclass
class KillResult:
    kills: int = 0  # runs the SIGKILL landed before the load finished
    finished_first: int = 0  # runs that finished before the kill moment
    seeds: tuple[int, ...] = ()


def register_kill_loop(graph: Driver, index: PlaceIndex, path: Path, rows: int, kills: int) -> KillResult:
    sid = register.source_id(path.name)
    count = lambda: scalar(graph, "MATCH ()-[r:PAIRED_WITH {source_id: $sid}]->() RETURN count(r)", sid=sid)
    marked = lambda: scalar(graph, "MATCH (d:Document {uid: $sid}) WHERE d.sha256 IS NOT NULL RETURN count(d)", sid=sid)
    args = ["register", str(path), "--batch-size", str(BATCH), "--provinces", "31"]

    reset_to_spine(graph)
    reference = run_child(args)
    expected = graph_sum(graph, facts_only=True)
    assert count() == rows and marked() == 1

    def check_killed(seed: int) -> None:
        written = count()
        # Whole batches only, and the file is not marked loaded until every row is in.
        assert written % BATCH == 0, f"seed {seed}: {written} rows visible, not a multiple of {BATCH}"
        assert written == rows or marked() == 0, f"seed {seed}: file marked loaded with {written} of {rows} rows"

    # Re-run in this process: the loader is the same code.
    return kill_loop(
        graph,
        args,
        kills,
        reference,
        expected,
        check_killed,
        lambda: register.load(graph, [path], index, batch_size=BATCH),
    )


def report_kill_loop(graph: Driver, index: PlaceIndex, kills: int, paths: list[Path]) -> KillResult:
    args = ["reports", *map(str, paths)]
    per_doc = (
        "MATCH (d:Document {kind: 'report'}) OPTIONAL MATCH (d)-[m:MENTIONS]->() "
        "RETURN d.uid AS uid, d.sha256 IS NOT NULL AS marked, count(m) AS mentions"
    )

    reset_to_spine(graph)
    reference = run_child(args)
    expected = graph_sum(graph, facts_only=True)
    full = {r["uid"]: r["mentions"] for r in graph.execute_query(per_doc).records}
    assert len(full) == len(paths) and all(full.values())

    def check_killed(seed: int) -> None:
        for record in graph.execute_query(per_doc).records:
            seen, whole = record["mentions"], full[record["uid"]]
            assert seen == whole or seen % REPORT_BATCH == 0, f"seed {seed}: {record['uid']} half a batch"

    return kill_loop(graph, args, kills, reference, expected, check_killed, lambda: reports.load(graph, paths, index))


def kill_loop(
    graph: Driver,
    args: list[str],
    kills: int,
    reference: Child,
    expected: GraphSum,
    check_killed: Callable[[int], None],
    rerun: Callable[[], object],
) -> KillResult:
    """Kill the loader ``args`` at random moments of its writing, check what a kill left
    (``check_killed(seed)``), re-run it (``rerun``) and compare with the uninterrupted ``expected``."""
    result = KillResult()
    # The first load is the slowest (cold query plans), so kill moments are drawn from the shortest
    # write seen so far; otherwise most runs would finish before their kill moment.
    horizon = reference.writing
    # Runs until ``kills`` kills landed mid-load (a run whose load outpaces the kill moment still has
    # to end with the same graph, but does not count), within a bound on the runs.
    while result.kills < kills and len(result.seeds) < 2 * kills + 3:
        seed = random.randrange(2**32)
        result.seeds += (seed,)
        reset_to_spine(graph)
        child = run_child(args, kill_after=random.Random(seed).uniform(0, horizon))
        if child.returncode == -signal.SIGKILL:
            result.kills += 1
            check_killed(seed)
        else:
            result.finished_first += 1
            horizon = min(horizon, child.writing)
        rerun()
        after = graph_sum(graph, facts_only=True)
        assert after == expected, f"seed {seed}: {expected.diff(after)}"
    return result


@pytest.fixture
def clean(graph: Driver) -> Iterator[Driver]:
    yield graph
    reset_to_spine(graph)


def test_register_load_killed_mid_write_and_rerun_equals_an_uninterrupted_load(
    clean: Driver, index: PlaceIndex, registers: dict[int, Path]
) -> None:
    result = register_kill_loop(clean, index, registers[QUICK_ROWS], QUICK_ROWS, QUICK_KILLS)
    assert result.kills == QUICK_KILLS, result


def test_report_load_killed_mid_write_and_rerun_equals_an_uninterrupted_load(clean: Driver, index: PlaceIndex) -> None:
    result = report_kill_loop(clean, index, QUICK_KILLS, sorted(CORPUS.glob("*.txt"))[:2])
    assert result.kills == QUICK_KILLS, result


@pytest.mark.long
@pytest.mark.timeout(3600)
def test_register_load_survives_twenty_kills(clean: Driver, index: PlaceIndex, registers: dict[int, Path]) -> None:
    result = register_kill_loop(clean, index, registers[REGISTER_ROWS], REGISTER_ROWS, SLOW_KILLS)
    print(f"\nregister kill loop: {result.kills} killed mid-load, {result.finished_first} finished first")
    assert result.kills == SLOW_KILLS, result


@pytest.mark.long
@pytest.mark.timeout(3600)
def test_report_load_survives_twenty_kills(clean: Driver, index: PlaceIndex) -> None:
    result = report_kill_loop(clean, index, SLOW_KILLS, sorted(CORPUS.glob("*.txt")))
    print(f"\nreport kill loop: {result.kills} killed mid-load, {result.finished_first} finished first")
    assert result.kills == SLOW_KILLS, result
