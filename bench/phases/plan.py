"""Plan phase: the pairing plan (min-cost flow) for the district, the city and the province with the
most uncovered weak villages, timed, and its quality against greedy in the same run.

Needs the graph the registers phase leaves. That phase stops starting files after its time budget
(smallest provinces first), so on a loaded machine the largest provinces may have no pairings; this
phase first loads whatever workload files are not yet in the graph (untimed: the loader skips
files already loaded), so the areas planned have the helpers the workload gives them. The plan runs in this process through
``graph.analyses.pairing_plan`` (reads + candidate graph + solve + greedy), as the API and the CLI
run it; each area is planned once cold (first after the registers) and once warm, and the stages
(reads, candidate graph, solve) are timed apart. Goals (issue 21): ≤ 2 s per district, ≤ 10 s per
city, ≤ 60 s per province.
"""

from __future__ import annotations

import time
from typing import Any

from bench.context import Context, baseline_query
from bench.phases.registers import workload_files
from graph import analyses
from graph.schema import install_schema
from loaders import register
from loaders.places import PlaceIndex

# What the plan reads: weak villages (demand), pairings (supply, load, history), projects (resources).
PLAN_KINDS = ("weak", "pairings", "projects")
GOALS_S = {"district": 2.0, "city": 10.0, "province": 60.0}


def _timed_plan(driver: Any, code: str) -> tuple[analyses.Plan, dict[str, float]]:
    stages: dict[str, float] = {}
    started = last = time.perf_counter()
    current = "start"

    def progress(stage: str) -> None:
        nonlocal last, current
        now = time.perf_counter()
        stages[current] = round(now - last, 3)
        current, last = stage, now

    made = analyses.pairing_plan(driver, code, None, analyses.CAPACITY, progress=progress)
    now = time.perf_counter()
    stages[current] = round(now - last, 3)  # solve: min-cost flow, then greedy and the rows
    stages.pop("start", None)
    stages["total"] = round(now - started, 3)
    return made, stages


def complete_workload(ctx: Context, driver: Any) -> dict[str, int]:
    """Load the workload files the registers phase's budget left out; returns rows loaded per kind."""
    done = set(driver.execute_query(baseline_query("loaded_register_documents")).records[0]["names"])
    files = {kind: [p for p in paths if p.name not in done] for kind, paths in workload_files(ctx).items()}
    if not any(files.values()):
        return {}
    index = PlaceIndex.for_home(ctx.server.settings.home, ctx.provinces)
    loaded: dict[str, int] = {}
    for kind in PLAN_KINDS:
        if files[kind]:
            report = register.load(driver, files[kind], index, kind=kind)  # type: ignore[arg-type]
            loaded[kind] = sum(s.loaded for s in report.sheets)
            ctx.log(f"   completed {kind}: {loaded[kind]:,} rows newly loaded")
    return loaded


def run(ctx: Context) -> dict[str, Any]:
    driver = ctx.server.driver()
    # the store the registers phase left may predate an index the plan reads by (idempotent)
    install_schema()
    completed = complete_workload(ctx, driver)
    with driver.session() as session:
        areas = [r.data() for r in session.run(baseline_query("most_uncovered_areas"))]
    out: dict[str, Any] = {"areas": {}, "completed_untimed": completed}
    for area in areas:
        level, code = area["level"], area["code"]
        ctx.log(f"   plan for the {level} {code} ({area['uncovered']} uncovered weak villages)")
        runs = []
        for attempt in ("cold", "warm"):
            made, stages = _timed_plan(driver, code)
            runs.append({"attempt": attempt, "seconds": stages})
            ctx.log(f"     {attempt}: {stages['total']:.2f} s {stages}")
        out["areas"][level] = {
            "code": code,
            "name": made.scope["name"],
            "uncovered": area["uncovered"],
            "helpers": made.objective["helpers"],
            "arcs": made.objective["arcs"],
            "runs": runs,
            "plan": {k: made.objective[k] for k in ("villages_covered", "total_cost", "largest_load", "helpers_used")},
            "greedy": {k: made.greedy[k] for k in ("villages_covered", "total_cost", "largest_load", "helpers_used")},
            "villages": made.objective["villages"],
            "goal_s": GOALS_S[level],
        }
    return out
