"""Console phase: server time of the planners' console pages, and the bytes of JS + CSS it ships.

Needs the graph the registers phase leaves. The API runs as its own uvicorn process (one worker)
against the bench instance, on a free loopback port. Each page is requested once right after the
API started (*first*: the API's caches are empty, Neo4j's are whatever the phases before left) and
then ``WARM_N`` times (p50/p95 on loopback: the time until the whole page has arrived, which is
server time plus a loopback hop). The national and provincial overviews are kept 60 s by the
console (api/console/pages.py), so their warm figures are the kept page and *first* is the work. The issue's goals: p95 ≤ 300 ms on the national graph, assets
≤ 500 KB.
"""

from __future__ import annotations

import socket
from typing import Any

import httpx

from bench.context import Context, baseline_query
from bench.measure import load_average, percentiles
from bench.phases.analyses import Api, _time_http, pick_targets

WARM_N = 20
HEAVY_WARM_N = 5  # the national overview counts every district of China
ASSETS = ("console.css", "console.js")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pages(district: str, village: str, helper: str | None) -> dict[str, tuple[str, dict[str, Any]]]:
    cases: dict[str, tuple[str, dict[str, Any]]] = {
        "overview_country": ("/", {}),
        "overview_province": (f"/area/{district[:2]}", {}),
        "overview_city": (f"/area/{district[:4]}", {}),
        "district": (f"/district/{district}", {}),
        "village": (f"/village/{village}", {}),
        "suggestions_fragment": ("/suggestions", {"village": village}),
        "clusters_fragment": ("/clusters", {"district": district}),
    }
    if helper:
        cases["helper"] = (f"/helper/{helper}", {})
    return cases


def run(ctx: Context) -> dict[str, Any]:
    driver = ctx.server.driver()
    district, village = pick_targets(driver, ctx.seed)
    busiest = driver.execute_query(baseline_query("busiest_helper_in_district"), d=district).records
    helper = busiest[0]["uid"] if busiest else None
    result: dict[str, Any] = {
        "district": district,
        "village": village,
        "helper": helper,
        "load_average": {"start": load_average()},
        "pages": {},
    }
    api = Api(ctx, workers=1, port=_free_port())
    api.start()
    try:
        with httpx.Client(base_url=api.url) as client:
            for name, (path, params) in pages(district, village, helper).items():
                first_ms, first_status = _time_http(client, path, params, 600.0)
                n = HEAVY_WARM_N if name == "overview_country" and not ctx.quick else WARM_N
                samples, statuses = [], {first_status}
                for _ in range(n):
                    ms, status = _time_http(client, path, params, 600.0)
                    samples.append(ms)
                    statuses.add(status)
                size = len(client.get(path, params=params, timeout=600.0).content)
                warm = percentiles(samples)
                result["pages"][name] = {
                    "path": path,
                    "params": params,
                    "status": sorted(statuses),
                    "first_ms": round(first_ms, 1),
                    "warm": warm,
                    "html_bytes": size,
                }
                ctx.log(
                    f"  {name:<22} HTTP {sorted(statuses)} first {first_ms:8.1f} ms  warm p50 "
                    f"{warm['p50']:8.1f} p95 {warm['p95']:8.1f} ms  {size:,} B"
                )
            assets = {name: len(client.get(f"/console-static/{name}").content) for name in ASSETS}
        result["asset_bytes"] = assets
        result["asset_bytes_total"] = sum(assets.values())
        ctx.log(f"  JS + CSS: {result['asset_bytes_total']:,} bytes ({assets})")
        result["api_peak_rss_bytes"] = api.peak_rss()
    finally:
        api.stop()
    # The overviews again with the console keeping nothing: every request does the work.
    uncached = Api(ctx, workers=1, port=_free_port(), env={"REVKG_OVERVIEW_KEPT_S": "0"})
    uncached.start()
    try:
        with httpx.Client(base_url=uncached.url) as client:
            for name in ("overview_country", "overview_province"):
                path, params = pages(district, village, helper)[name]
                samples, statuses = [], set()
                for _ in range(HEAVY_WARM_N if not ctx.quick else WARM_N):
                    ms, status = _time_http(client, path, params, 600.0)
                    samples.append(ms)
                    statuses.add(status)
                warm = percentiles(samples)
                result["pages"][name + "_uncached"] = {
                    "path": path,
                    "params": params,
                    "status": sorted(statuses),
                    "first_ms": round(samples[0], 1),
                    "warm": warm,
                    "html_bytes": 0,
                }
                ctx.log(
                    f"  {name + ' (no cache)':<22} HTTP {sorted(statuses)} p50 {warm['p50']:8.1f} p95 {warm['p95']:8.1f} ms"
                )
    finally:
        uncached.stop()
    result["load_average"]["end"] = load_average()
    return result
