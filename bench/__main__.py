"""``python -m bench run [--quick] [--only gazetteer,registers,analyses,api,extraction,console,plan]``.

``python -m bench report`` regenerates BENCHMARKS.md from the newest result file without running.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from bench.context import REPO, Context
from bench.instance import BenchServer
from bench.measure import git_revision, load_average, machine, other_heavy_processes

PHASES = ("gazetteer", "registers", "analyses", "api", "extraction", "console", "plan")
# REVKG_BENCH_RESULTS sends trial runs elsewhere, so only deliberate runs feed BENCHMARKS.md.
RESULTS = Path(os.environ.get("REVKG_BENCH_RESULTS") or Path(__file__).resolve().parent / "results")


def _phase(name: str) -> Any:
    import importlib

    return importlib.import_module(f"bench.phases.{name}")


def run(args: argparse.Namespace) -> Path:
    only = [p.strip() for p in args.only.split(",")] if args.only else list(PHASES)
    unknown = set(only) - set(PHASES)
    if unknown:
        raise SystemExit(f"unknown phases {sorted(unknown)}; choose from {', '.join(PHASES)}")
    server = BenchServer()
    # Per instance: generating a workload replaces the files, so two benches sharing one folder
    # would read each other's half-written registers.
    work_dir = server.server.home / "bench-work" / ("quick" if args.quick else "full")
    work_dir.mkdir(parents=True, exist_ok=True)
    ctx = Context(server=server, quick=args.quick, seed=args.seed, work_dir=work_dir, scale=args.scale)
    started = dt.datetime.now(dt.UTC)
    result: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "command": "python -m bench " + " ".join(shlex.quote(a) for a in sys.argv[1:]),
        "quick": args.quick,
        "seed": args.seed,
        "scale": ctx.workload_scale,
        "phases": {},
        "machine": machine(),
        "revision": git_revision(REPO),
        "load_average": {"start": load_average()},
        "other_processes": other_heavy_processes(),
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{started.strftime('%Y%m%dT%H%M%SZ')}{'-quick' if args.quick else ''}.json"

    def save() -> None:
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")

    try:
        server.driver()  # the store is kept: --only analyses works on the graph the registers left
        result["versions"] = server.versions()
        for name in only:
            print(f"== {name}", flush=True)
            t0 = time.perf_counter()
            try:
                result["phases"][name] = _phase(name).run(ctx)
            except Exception as exc:  # noqa: BLE001 - one phase failing must not lose the others' figures
                traceback.print_exc()
                result["phases"][name] = {"error": f"{type(exc).__name__}: {exc}"}
            result["phases"][name]["phase_seconds"] = round(time.perf_counter() - t0, 1)
            result["other_processes"] = sorted(
                set(result["other_processes"]) | set(other_heavy_processes({server.server.pid() or -1}))
            )
            save()  # a run stopped later keeps the phases it finished
    finally:
        result["neo4j_memory"] = server.memory()
        server.stop()
    result["load_average"]["end"] = load_average()
    result["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    result["notes"] = ctx.notes
    save()
    print(f"results: {path}")
    if not args.no_report:
        from bench.report import write_report

        print(f"report:  {write_report().relative_to(REPO)}")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run the benchmark phases and regenerate BENCHMARKS.md")
    r.add_argument("--quick", action="store_true", help="one province (31 上海) and a scaled-down workload")
    r.add_argument("--only", help=f"comma-separated phases out of {','.join(PHASES)}")
    r.add_argument("--seed", type=int, default=20231, help="workload generator seed")
    r.add_argument("--scale", type=float, default=None, help="workload scale (1.0 = national; --quick default 0.01)")
    r.add_argument("--no-report", action="store_true", help="write the raw JSON only")
    sub.add_parser("report", help="regenerate BENCHMARKS.md from the newest results")
    args = parser.parse_args(argv)
    if args.cmd == "run":
        run(args)
    else:
        from bench.report import write_report

        print(write_report())


if __name__ == "__main__":
    main()
