"""API phase: loopback throughput of ``GET /villages/{code}`` at 1, 8 and 32 clients.

``wrk`` (or, without it, Python threads with one ``httpx.Client`` each), a fixed duration per level,
against one uvicorn worker and then one per core (``REVKG_BENCH_API_WORKERS``); the baseline is the
same lookup as one Cypher query over Bolt from the same number of threads. Also the API process's
peak memory and Neo4j's.
"""

from __future__ import annotations

from typing import Any

from bench.context import Context
from bench.measure import load_average
from bench.phases.analyses import API_WORKERS, Api, throughput


def run(ctx: Context) -> dict[str, Any]:
    driver = ctx.server.driver()
    result: dict[str, Any] = {"load_average": {"start": load_average()}}
    for i, workers in enumerate(API_WORKERS):
        api = Api(ctx, workers)
        api.start()
        try:
            key = "throughput" if i == 0 else f"throughput_{workers}_workers"
            result[key] = throughput(ctx, api, driver, bolt=i == 0)
            if i == 0:
                result["api_peak_rss_bytes"] = api.peak_rss()
        finally:
            api.stop()
    result["neo4j_memory"] = ctx.server.memory()
    result["load_average"]["end"] = load_average()
    return result
