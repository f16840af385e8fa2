"""Soak: the API served by uvicorn on loopback, under mixed reads and a register upload every few
seconds, for ``REVKG_SOAK_S`` seconds (600 under ``make reliability``). No error response at all,
the API process's memory grows by at most ``GROWTH_BOUND_MB`` after warm-up, and the latencies
(p50/p95/max, per endpoint) are printed for RELIABILITY.md.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from graph.settings import Settings
from tests.conftest import REPO, reset_to_spine
from tests.factories import build_chongming

pytestmark = [pytest.mark.neo4j, pytest.mark.long]

SOAK_S = float(os.environ.get("REVKG_SOAK_S", "600"))
CLIENTS = 3
UPLOAD_EVERY_S = 15.0
GROWTH_BOUND_MB = 150.0  # after warm-up; a leak of a few KB per request over 10 minutes would pass it
READS = [
    ("GET", "/health", None),
    ("GET", "/search?q=四滧村", None),
    ("GET", "/search?q=xinjian", None),
    ("GET", "/villages/310151102216", None),
    ("GET", "/analyses/uncovered-weak-villages?district=崇明区", None),
    ("GET", "/analyses/coverage?parent=崇明区&level=town", None),
    ("GET", "/analyses/helper-load?district=崇明区", None),
    ("GET", "/analyses/pairing-suggestions?village=310151102216", None),
    ("GET", "/analyses/uncovered-weak-villages?district=崇明区&format=xlsx", None),
    (
        "POST",
        "/cypher",
        {
            "query": "MATCH (v:Village)-[:PART_OF]->(t:Town {name: $town}) RETURN v.name AS name",
            "params": {"town": "堡镇"},
        },
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def served(graph: Driver) -> Iterator[tuple[str, int]]:
    reset_to_spine(graph)
    build_chongming(graph)
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "the API did not start"
        time.sleep(0.5)
    try:
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)
        reset_to_spine(graph)


@pytest.mark.timeout(SOAK_S + 600)
def test_soak_mixed_reads_and_uploads_without_errors_or_memory_growth(
    served: tuple[str, int], settings: Settings
) -> None:
    base, pid = served
    upload = (REPO / "data" / "examples" / "pairings.csv").read_bytes()
    headers = {"X-API-Key": settings.api_key.get_secret_value()}
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()

    def post_upload(client: httpx.Client) -> None:
        started = time.perf_counter()
        response = client.post(
            "/uploads/registers", files={"files": ("pairings.csv", upload, "text/csv")}, headers=headers
        )
        record("POST /uploads/registers", started, response)

    def record(name: str, started: float, response: httpx.Response) -> None:
        with lock:
            latencies[name].append(time.perf_counter() - started)
            if response.status_code != 200:
                errors.append(f"{name} {response.status_code} {response.text[:200]}")

    with httpx.Client(base_url=base, timeout=120) as warm:
        post_upload(warm)  # builds the place index once; memory is measured from after it
        for method, path, body in READS:
            warm.request(method, path, json=body)
    latencies.clear()
    baseline = _rss_mb(pid)
    samples = [baseline]
    stop = time.monotonic() + SOAK_S

    def reader(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            i = offset
            while time.monotonic() < stop:
                method, path, body = READS[i % len(READS)]
                started = time.perf_counter()
                try:
                    response = client.request(method, path, json=body)
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(f"{path} {exc!r}")
                    continue
                record(f"{method} {path.split('?')[0]}", started, response)
                i += 1

    def uploader() -> None:
        with httpx.Client(base_url=base, timeout=300) as client:
            while time.monotonic() < stop:
                post_upload(client)
                time.sleep(UPLOAD_EVERY_S)

    threads = [threading.Thread(target=reader, args=(k * 3,)) for k in range(CLIENTS)] + [
        threading.Thread(target=uploader)
    ]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        time.sleep(5)
        samples.append(_rss_mb(pid))
    for thread in threads:
        thread.join()

    every = sorted(x for values in latencies.values() for x in values)
    p95 = lambda xs: statistics.quantiles(xs, n=20, method="inclusive")[-1] if len(xs) >= 2 else xs[0]
    lines = [
        f"soak {SOAK_S:.0f} s, {CLIENTS} readers + 1 uploader: {len(every)} requests, {len(errors)} errors; "
        f"API RSS {baseline:.0f} MB after warm-up → {samples[-1]:.0f} MB at the end (max {max(samples):.0f} MB); "
        f"all requests p50 {statistics.median(every) * 1000:.0f} ms, p95 {p95(every) * 1000:.0f} ms"
    ]
    for name, values in sorted(latencies.items()):
        lines.append(
            f"  {name}: n={len(values)} p50 {statistics.median(values) * 1000:.0f} ms "
            f"p95 {p95(sorted(values)) * 1000:.0f} ms max {max(values) * 1000:.0f} ms"
        )
    print("\n" + "\n".join(lines))
    assert not errors, errors[:20]
    assert latencies["POST /uploads/registers"], "no upload ran during the soak"
    assert max(samples[len(samples) // 2 :]) - baseline <= GROWTH_BOUND_MB, samples
