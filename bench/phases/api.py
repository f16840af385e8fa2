"""API phase: loopback throughput of ``GET /villages/{code}`` at 1, 8 and 32 clients.

A bounded Python load generator (threads, one ``httpx.Client`` each, fixed duration per level)
against one uvicorn worker; the baseline is the same lookup as one Cypher query over Bolt from the
same number of threads. Also the API process's peak memory and Neo4j's.
"""

from __future__ import annotations

from typing import Any

from bench.context import Context
from bench.measure import load_average
from bench.phases.analyses import Api, throughput


def run(ctx: Context) -> dict[str, Any]:
    driver = ctx.server.driver()
    result: dict[str, Any] = {"load_average": {"start": load_average()}}
    api = Api(ctx)
    api.start()
    try:
        result["throughput"] = throughput(ctx, api, driver)
        result["api_peak_rss_bytes"] = api.peak_rss()
    finally:
        api.stop()
    result["neo4j_memory"] = ctx.server.memory()
    result["load_average"]["end"] = load_average()
    return result
