"""The national gazetteer loaded into fresh instances, one at a time, as a person runs it.

    python -m tests.reliability.gazetteer_runs --runs 5 --bolt-port 31790 --http-port 31591

Each run: a new managed instance (``REVKG_INSTANCE=<prefix>-<n>``, small heap and page cache), then
``revkg up --provinces all --no-demo --no-serve`` (schema, the whole code table, the per-province
check), then the node counts per level read back, then the server stopped and the instance's folder
deleted. Prints one JSON line per run: exit code, seconds, counts per level, the last lines of the
command's output (where an ``EntityNotFound`` or any other failure would show).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

LEVELS = {"province": "Province", "city": "City", "district": "District", "town": "Town", "village": "Village"}


def graph_counts(env: dict[str, str]) -> dict[str, int]:
    """The loaded units per level, read in a child process with the run's settings."""
    script = (
        "import json; from graph.settings import get_settings; from graph.db import connect\n"
        "from loaders.gazetteer import loaded_counts\n"
        "d = connect(get_settings()); print(json.dumps(loaded_counts(d))); d.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else {"error": out.stderr[-500:]}


def one_run(n: int, args: argparse.Namespace) -> dict[str, object]:
    instance = f"{args.prefix}-{n}"
    env = dict(
        os.environ,
        REVKG_INSTANCE=instance,
        REVKG_BOLT_PORT=str(args.bolt_port),
        REVKG_HTTP_PORT=str(args.http_port),
        REVKG_HEAP_SIZE=args.heap,
        REVKG_PAGECACHE_SIZE=args.pagecache,
        REVKG_ENVIRONMENT="development",
    )
    env.pop("REVKG_NEO4J_URI", None)
    revkg = [sys.executable, "-m", "api.cli"]
    started = time.perf_counter()
    result = subprocess.run(
        [*revkg, "up", "--provinces", "all", "--no-demo", "--no-serve"], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    counts = graph_counts(env)
    subprocess.run([*revkg, "neo4j", "stop"], env=env, capture_output=True, text=True)
    home = Path(env.get("REVKG_HOME", Path.home() / ".cache" / "revkg")) / "instances" / instance
    shutil.rmtree(home, ignore_errors=True)
    tail = (result.stdout + result.stderr).strip().splitlines()[-6:]
    return {"run": n, "instance": instance, "exit": result.returncode, "seconds": round(seconds, 1),
            "counts": counts, "tail": tail}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--prefix", default="gazetteer-run")
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="2g")
    args = parser.parse_args()
    for n in range(1, args.runs + 1):
        print(json.dumps(one_run(n, args), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
