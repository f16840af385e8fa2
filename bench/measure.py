"""Timing, percentiles and the facts about the machine a result must be read against."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any


@dataclass
class Timer:
    seconds: float = 0.0
    _started: float = 0.0

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self._started


@contextmanager
def timed() -> Iterator[Timer]:
    t = Timer(_started=time.perf_counter())
    try:
        yield t
    finally:
        t.seconds = time.perf_counter() - t._started


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 (nearest-rank), min, max and count of latencies in milliseconds.

    >>> percentiles([float(i) for i in range(1, 101)])["p95"]
    95.0
    """
    if not samples_ms:
        return {}
    s = sorted(samples_ms)

    def rank(p: float) -> float:
        k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
        return round(s[k], 3)

    return {
        "n": len(s),
        "p50": rank(50),
        "p95": rank(95),
        "p99": rank(99),
        "min": round(s[0], 3),
        "max": round(s[-1], 3),
        "mean": round(statistics.fmean(s), 3),
    }


def repeat_ms(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def other_heavy_processes(own_pids: set[int] | None = None, min_cpu: float = 5.0) -> list[str]:
    """Commands of processes (not ours) using noticeable CPU right now, to say what else ran."""
    own = own_pids or set()
    try:
        out = subprocess.run(
            ["ps", "-eo", "pid,pcpu,comm,args", "--no-headers"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = []
    for line in out.splitlines():
        parts = line.split(None, 3)
        if len(parts) < 4:
            continue
        pid, cpu, comm, args = int(parts[0]), float(parts[1]), parts[2], parts[3]
        if pid in own or pid == os.getpid() or cpu < min_cpu:
            continue
        found.append(f"{comm} ({cpu:.0f}% cpu): {_short_args(args)}")
    return found


def _short_args(args: str) -> str:
    if "CommunityEntryPoint" in args:
        home = args.split("--home-dir=")[-1].split()[0]
        return f"Neo4j instance {Path(home).name}"
    return args[:120]


def machine() -> dict[str, Any]:
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    cpu_model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    java = ""
    try:
        from graph.server import find_java

        java = subprocess.run([str(find_java()), "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    except Exception:  # noqa: BLE001 - informational only
        pass
    return {
        "nproc": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "cpu": cpu_model,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "java": java,
        "neo4j_driver": metadata.version("neo4j"),
        "neomodel": metadata.version("neomodel"),
    }


def git_revision(repo: Path) -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True).stdout
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "loaders", "cypher", "graph", "api", "bench"],
            cwd=repo,
            capture_output=True,
            text=True,
        ).stdout
        return rev.strip() + (" (+ uncommitted changes)" if dirty.strip() else "")
    except OSError:
        return "unknown"
