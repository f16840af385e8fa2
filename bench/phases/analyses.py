"""Analyses phase: the catalogue's analyses through the API, cold and warm, vs naive single Cypher.

Needs the graph the registers phase leaves (gazetteer + generated registers). The API runs as its
own uvicorn process against the bench instance. *Cold* is the first call of each question right
after Neo4j and the API were restarted (empty page cache and query caches); *warm* are the
repeated calls that follow. The baseline is the same question as one plain Cypher query an analyst
would write, run through the Python driver (no HTTP), also cold and warm.

The API is started without its warm-up (``REVKG_WARM_ON_START=false``): the warm-up opens the very
pages measured here, so *cold* would not be cold, and on the national graph it outlasts any sensible
start-up wait. What a planner meets after ``revkg up`` is the warm column.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from typing import Any, LiteralString, cast

import httpx
from neo4j import Driver

from bench.context import REPO, Context, baseline_named_query, baseline_query
from bench.measure import load_average, percentiles
from graph.queries import NamedQuery

API_PORT = int(os.environ.get("REVKG_BENCH_API_PORT") or 28000)
# uvicorn worker processes; each holds its own driver (the machine has 2 cores, shared with Neo4j).
# The analyses run against the first count; the throughput phase measures each.
# A cold national start (imports, driver, the first Bolt handshake) on a busy machine.
START_WAIT_S = 300
API_WORKERS = [int(n) for n in os.environ.get("REVKG_BENCH_API_WORKERS", "1,2").split(",")]

# The same questions as one plain Cypher query each (bench/cypher/naive_<question>.cypher).
NAIVE = {
    name: baseline_named_query(f"naive_{name}")
    for name in (
        "uncovered_district",
        "uncovered_national",
        "uncovered_province",
        "coverage_districts",
        "helper_load",
        "helper_load_district",
        "clusters_district",
        "clusters_province",
        "clusters_national",
        "suggestions_village",
        "village_lookup",
    )
}


def api_cases(district: str, village: str) -> dict[str, tuple[str, dict[str, Any]]]:
    return {
        "uncovered_district": ("/analyses/uncovered-weak-villages", {"district": district, "limit": 100}),
        "uncovered_province": ("/analyses/uncovered-weak-villages", {"province": district[:2], "limit": 100}),
        "uncovered_national": ("/analyses/uncovered-weak-villages", {"limit": 100}),
        "coverage_districts": ("/analyses/coverage", {"level": "district", "limit": 100}),
        "helper_load": ("/analyses/helper-load", {"limit": 100}),
        "helper_load_district": ("/analyses/helper-load", {"district": district, "limit": 100}),
        "clusters_district": ("/analyses/shared-resource-clusters", {"district": district, "limit": 100}),
        "clusters_province": ("/analyses/shared-resource-clusters", {"province": district[:2], "limit": 100}),
        "clusters_national": ("/analyses/shared-resource-clusters", {"limit": 100}),
        "suggestions_village": ("/analyses/pairing-suggestions", {"village": village}),
        "village_lookup": (f"/villages/{village}", {}),
    }


class Api:
    """The revkg API as a uvicorn process on loopback, pointed at the bench instance."""

    def __init__(
        self, ctx: Context, workers: int = API_WORKERS[0], port: int = API_PORT, env: dict[str, str] | None = None
    ):
        self.ctx = ctx
        self.extra_env = env or {}
        self.workers = workers
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None
        self.url = f"http://127.0.0.1:{port}"

    def start(self) -> None:
        s = self.ctx.server.settings
        env = {k: v for k, v in os.environ.items() if not k.startswith("REVKG_")}
        env.update(
            REVKG_INSTANCE=s.instance,
            REVKG_BOLT_PORT=str(s.bolt_port),
            REVKG_HTTP_PORT=str(s.http_port),
            REVKG_ENVIRONMENT="development",
            REVKG_API_PORT=str(self.port),
            REVKG_WARM_ON_START="false",
        )
        env.update(self.extra_env)
        log = open(self.ctx.work_dir / "api.log", "ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "api.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--workers",
                str(self.workers),
            ],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + START_WAIT_S
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(self.url + "/health", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        # Whatever answers on the port later must not be taken for this process (a stale API once
        # answered the next phase's questions in its place).
        self.stop()
        raise RuntimeError(f"the API did not answer; see {self.ctx.work_dir / 'api.log'}")

    def peak_rss(self) -> int | None:
        from bench.instance import _rss

        return _rss(self.process.pid, "VmHWM") if self.process else None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


def pick_targets(driver: Driver, seed: int) -> tuple[str, str]:
    """The district with the most weak villages, and a weak village there nobody pairs with."""
    rec = driver.execute_query(baseline_query("weakest_district")).records
    if not rec:
        raise RuntimeError("no weak villages in the bench graph; run the registers phase first")
    district = rec[0]["d"]
    villages = [
        r["code"]
        for r in driver.execute_query(baseline_query("unpaired_weak_villages_in_district"), d=district).records
    ]
    if not villages:
        villages = [r["code"] for r in driver.execute_query(baseline_query("villages_in_district"), d=district).records]
    return district, random.Random(seed).choice(villages)


ERRORS: dict[str, str] = {}  # what a failing request answered (or why it dropped), by path


def _time_http(client: httpx.Client, path: str, params: dict[str, Any], timeout: float) -> tuple[float, int]:
    """Milliseconds and HTTP status; a dropped connection (the API process failed the request) is 599."""
    started = time.perf_counter()
    try:
        response = client.get(path, params=params, timeout=timeout)
        status = response.status_code
        if status != 200:
            ERRORS[f"{path} {params}"] = f"HTTP {status}: {response.text[:500]}"
    except httpx.HTTPError as exc:
        status = 599
        ERRORS[f"{path} {params}"] = f"{type(exc).__name__}: {exc}"
    return (time.perf_counter() - started) * 1000, status


def _time_cypher(driver: Driver, query: NamedQuery, params: dict[str, Any]) -> float:
    """Milliseconds for one run of ``query``, given the parameters among ``params`` it declares."""
    used = {k: v for k, v in params.items() if k in query.param_names}
    started = time.perf_counter()
    with driver.session() as session:
        list(session.run(cast(LiteralString, query.text), used))
    return (time.perf_counter() - started) * 1000


def run(ctx: Context) -> dict[str, Any]:
    server = ctx.server
    driver = server.driver()
    district, village = pick_targets(driver, ctx.seed)
    result: dict[str, Any] = {
        "district": district,
        "village": village,
        "load_average": {"start": load_average()},
        "cases": {},
    }
    params = {"district": district, "village": village, "province": district[:2]}
    heavy = {"uncovered_national", "coverage_districts", "helper_load", "clusters_national", "clusters_province"}
    warm_n = 10
    timeout = 600.0

    # Cold: restart Neo4j (keeping the store), then the first call of each question.
    server.stop()
    driver = server.driver()
    cold_base = {}
    for name, query in NAIVE.items():
        try:
            cold_base[name] = _time_cypher(driver, query, params)
        except Exception:  # noqa: BLE001
            cold_base[name] = float("nan")
    server.stop()
    driver = server.driver()
    api = Api(ctx)
    api.start()
    try:
        with httpx.Client(base_url=api.url) as client:
            cases = api_cases(district, village)
            cold_api = {name: _time_http(client, path, p, timeout) for name, (path, p) in cases.items()}
            for name, (path, p) in cases.items():
                n = (1 if name == "clusters_national" else 2) if name in heavy and not ctx.quick else warm_n
                if cold_api[name][1] != 200:
                    n = 1  # a failing question is recorded once, not hammered with retries
                samples, statuses = [], set()
                for _ in range(n):
                    ms, status = _time_http(client, path, p, timeout)
                    samples.append(ms)
                    statuses.add(status)
                query = NAIVE[name]
                try:
                    base = [_time_cypher(driver, query, params) for _ in range(n)]
                except Exception as exc:  # noqa: BLE001 - a failing baseline is reported, not fatal
                    ctx.notes.append(f"naive baseline {name} failed: {type(exc).__name__}")
                    base = []
                warm = percentiles(samples)
                warm_base = percentiles(base)
                result["cases"][name] = {
                    "path": path,
                    "params": p,
                    "status": sorted(statuses | {cold_api[name][1]}),
                    "cold_ms": round(cold_api[name][0], 1),
                    "warm": warm,
                    "baseline_cold_ms": round(cold_base[name], 1),
                    "baseline_warm": warm_base,
                    "ratio_warm_p50": round(warm["p50"] / warm_base["p50"], 2) if warm_base.get("p50") else None,
                }
                ctx.log(
                    f"  {name:<20} HTTP {sorted(statuses)} cold {cold_api[name][0]:9.1f} ms  warm p50 "
                    f"{warm['p50']:9.1f} p95 {warm['p95']:9.1f}  | naive cypher p50 {warm_base.get('p50')} ms"
                )
        result["api_peak_rss_bytes"] = api.peak_rss()
    finally:
        api.stop()
    result["errors"] = dict(ERRORS)
    result["neo4j_memory"] = server.memory()
    result["load_average"]["end"] = load_average()
    return result


def wrk_level(ctx: Context, api: Api, codes: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """``wrk`` (a C load generator: it leaves the CPU to the server) at ``clients`` connections."""
    import re

    script = ctx.work_dir / "villages.lua"
    script.write_text(
        "local codes = {" + ",".join(f'"{c}"' for c in codes) + "}\n"
        f"math.randomseed({ctx.seed})\n"
        "request = function() return wrk.format('GET', '/villages/' .. codes[math.random(#codes)]) end\n"
        "done = function(summary, latency, requests)\n"
        "  for _, p in ipairs({50, 95, 99}) do io.write(string.format('revkg p%d %d\\n', p, latency:percentile(p))) end\n"
        "end\n",
        encoding="utf-8",
    )
    threads = min(clients, 2)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{int(seconds)}s", "--latency", "-s", str(script), api.url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    latency = {f"p{p}": round(int(us) / 1000, 1) for p, us in re.findall(r"^revkg p(\d+) (\d+)$", out, re.M)}
    return {
        "requests": requests,
        "rps": rps,
        "latency_ms": latency,
        "tool": "wrk",
        "non_2xx": int(failed.group(1)) if failed else 0,
    }


def throughput(ctx: Context, api: Api, driver: Driver, bolt: bool = True) -> dict[str, Any]:
    """Requests/s for GET /villages/{code} at 1, 8, 32 clients, and (``bolt``) the same lookup over Bolt.

    The API is driven by ``wrk`` when it is installed (else Python threads, which take CPU the
    server would use); Bolt by Python threads through the driver, as an analyst's script would.
    """
    import shutil
    from concurrent.futures import ThreadPoolExecutor

    codes = [r["code"] for r in driver.execute_query(baseline_query("village_codes")).records]
    codes = random.Random(ctx.seed).sample(codes, min(5000, len(codes)))
    seconds = 5.0 if ctx.quick else 10.0
    out: dict[str, Any] = {"seconds_per_level": seconds, "api_workers": api.workers}
    use_wrk = shutil.which("wrk") is not None
    for clients in (1, 8, 32):
        for kind in ("api", "bolt") if bolt else ("api",):
            if kind == "api" and use_wrk:
                out[f"api_{clients}"] = level = wrk_level(ctx, api, codes, clients, seconds)
                ctx.log(
                    f"  /villages/{{code}} api  {clients:>2} clients: {level['rps']:8.1f} req/s (wrk), "
                    f"p99 {level['latency_ms'].get('p99')} ms"
                )
                continue
            deadline = time.perf_counter() + seconds

            def worker(i: int, kind: str = kind, deadline: float = deadline) -> list[float]:
                rng = random.Random(i)
                lat: list[float] = []
                if kind == "api":
                    with httpx.Client(base_url=api.url, timeout=30) as client:
                        while time.perf_counter() < deadline:
                            t0 = time.perf_counter()
                            client.get(f"/villages/{rng.choice(codes)}").raise_for_status()
                            lat.append((time.perf_counter() - t0) * 1000)
                else:
                    while time.perf_counter() < deadline:
                        lat.append(_time_cypher(driver, NAIVE["village_lookup"], {"village": rng.choice(codes)}))
                return lat

            started = time.perf_counter()
            with ThreadPoolExecutor(clients) as pool:
                lats = [x for part in pool.map(worker, range(clients)) for x in part]
            elapsed = time.perf_counter() - started
            out[f"{kind}_{clients}"] = {
                "requests": len(lats),
                "rps": round(len(lats) / elapsed, 1),
                "latency_ms": percentiles(lats),
            }
            ctx.log(
                f"  /villages/{{code}} {kind:<4} {clients:>2} clients: {len(lats) / elapsed:8.1f} req/s, "
                f"p95 {percentiles(lats).get('p95')} ms"
            )
    return out
