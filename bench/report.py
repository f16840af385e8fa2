"""BENCHMARKS.md from the raw results in ``bench/results/``: ratios to same-run baselines first.

The newest national run (no ``--quick``) is the main table; the newest quick run follows. Every
number printed here is read from a result file; nothing is typed in by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.context import REPO

RESULTS = Path(__file__).resolve().parent / "results"
TARGET = REPO / "BENCHMARKS.md"


def newest(quick: bool) -> list[tuple[Path, dict[str, Any]]]:
    """The newest result of each phase (one file may hold several), newest file first."""
    files = sorted(p for p in RESULTS.glob("*.json") if p.stem.endswith("-quick") == quick)
    chosen: list[tuple[Path, dict[str, Any]]] = []
    seen: set[str] = set()
    for path in reversed(files):
        data = json.loads(path.read_text(encoding="utf-8"))
        # A phase that failed is shown (with its error) only when no later run of it succeeded.
        phases = {k: v for k, v in data.get("phases", {}).items() if k not in seen}
        if phases:
            seen |= set(phases)
            chosen.append((path, {**data, "phases": phases}))
    return chosen


def _s(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:,.1f} s" if x >= 1 else f"{x * 1000:,.0f} ms"


def _ratio(x: float | None, base: float | None) -> str:
    if not x or not base:
        return "—"
    return f"**{x / base:.2f}×**"


def _met(ok: bool | None, text: str) -> str:
    if ok is None:
        return f"not evaluated ({text})"
    return ("met" if ok else "**missed**") + f" ({text})"


def render_gazetteer(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    rows = p["total_rows"]
    base = p["load_csv"]["rows_per_s"]
    out = [
        f"{rows:,} rows ({', '.join(f'{n:,} {k}' for k, n in p['rows'].items())}). "
        "Ratio = throughput (rows/s) relative to the LOAD CSV baseline; higher is faster.",
        "",
        "| method | time | rows/s | ratio to LOAD CSV |",
        "|---|---:|---:|---:|",
        f"| `LOAD CSV … CALL {{…}} IN TRANSACTIONS OF 10000 ROWS` (baseline) | {_s(p['load_csv']['seconds'])} "
        f"| {base:,} | 1.00× |",
    ]
    if "revkg_previous" in p:
        q = p["revkg_previous"]
        out.append(
            f"| revkg loader before this work (one MERGE per village row, as of 0488aca) | {_s(q['seconds'])} "
            f"| {q['rows_per_s']:,} | {_ratio(q['rows_per_s'], base)} |"
        )
    first = p.get("revkg_first_load")
    if first:
        out.append(
            f"| **revkg first load into the empty managed graph** (`revkg load gazetteer`: neo4j-admin import, "
            f"server stopped and started, constraints and indexes online) | {_s(first['seconds'])} "
            f"| {first['rows_per_s']:,} | {_ratio(first['rows_per_s'], base)} |"
        )
    r = p["revkg"]
    out.append(
        f"| **revkg loader through Bolt** (`loaders.gazetteer.load`: a non-empty graph or an external server), "
        f"first load | {_s(r['seconds'])} | {r['rows_per_s']:,} | {_ratio(r['rows_per_s'], base)} |"
    )
    rr = p["revkg_reload"]
    out.append(
        f"| revkg loader, idempotent reload | {_s(rr['seconds'])} | {rr['rows_per_s']:,} "
        f"| {_ratio(rr['rows_per_s'], base)} |"
    )
    a = p.get("admin_import")
    if a:
        out.append(
            f"| `neo4j-admin database import full` (offline, store empty) | {_s(a['seconds'])} | "
            f"{a['rows_per_s']:,} | {_ratio(a['rows_per_s'], base)} |"
        )
        with_schema = rows / a["seconds_with_schema"]
        out.append(
            f"| … plus creating revkg's constraints and indexes afterwards | {_s(a['seconds_with_schema'])} | "
            f"{with_schema:,.0f} | {_ratio(with_schema, base)} |"
        )
    n = p.get("neomodel")
    if n:
        out.append(
            f"| per-row neomodel `save()` + `connect()` — **extrapolated** from {n['rows_done']:,} rows "
            f"in {_s(n['seconds'])} | {_s(n['extrapolated_seconds'])} | {n['rows_per_s']:,} "
            f"| {_ratio(n['rows_per_s'], base)} |"
        )
    out.append("")
    same = p.get("same_graph_as_load_csv")
    out.append(
        f"revkg's graph equals the baseline's (counts, kinds, name lengths, nested codes): "
        f"{'yes' if same else '**no**'}. Offline import node counts equal: "
        f"{'yes' if a and a['same_counts'] else 'no'}."
    )
    if first:
        steps = ", ".join(f"{step} {_s(sec)}" for step, sec in first["steps_seconds"].items())
        out.append("")
        out.append(
            f"revkg's first load, step by step: {steps}. Its graph equals the LOAD CSV baseline's: "
            f"{'yes' if first['same_graph_as_load_csv'] else '**no**'}."
        )
    ratio = r["rows_per_s"] / base
    out.append("")
    if first:
        out.append(
            "- Target all of China into an empty graph ≤ 20 s: "
            + (
                _met(first["seconds"] <= 20, _s(first["seconds"]))
                if national
                else "not evaluated (quick run, one province)"
            )
        )
        out.append(f"- Target Bolt ≥ 1.2× LOAD CSV: {_met(ratio >= 1.2, f'{ratio:.2f}×')}")
    out.append(f"- Target ≥ 0.8× LOAD CSV: {_met(ratio >= 0.8, f'{ratio:.2f}×')}")
    out.append(
        "- Target all of China < 60 s: "
        + (_met(r["seconds"] < 60, _s(r["seconds"])) if national else "not evaluated (quick run, one province)")
    )
    return out


def render_registers(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    w = p["workload"]
    out = [
        f"Generated workload (seed {w['seed']}, scale {w['scale']}): {w['villages']:,} villages, "
        f"{w['weak_villages']:,} weak designations, {w['helpers']:,} helper units "
        f"({w['party_organizations']:,} naming a party organization, {w['pairing_helpers_via_party']:,} pairing "
        f"as it), rows {', '.join(f'{n:,} {k}' for k, n in w['rows'].items())}; generated in "
        f"{_s(w['generate_seconds'])}, {w['bytes'] / 1e6:,.0f} MB of CSV.",
        "",
        "| load | time | rows/s | ratio to LOAD CSV | loaded / rejected |",
        "|---|---:|---:|---:|---:|",
    ]
    b = p["load_csv_pairings"]
    out[-2] = "| load | time | rows done (of all) | files done | rows/s | ratio to LOAD CSV | loaded / rejected |"
    out[-1] = "|---|---:|---:|---:|---:|---:|---:|"
    out.append(
        f"| pairings, hand-written `LOAD CSV` (baseline: codes or first name match, no validation) | "
        f"{_s(b['seconds'])} | {b['rows']:,} ({b.get('of_rows', b['rows']):,}) | {b.get('files', '?')}/"
        f"{b.get('of_files', '?')} | {b['rows_per_s']:,} | 1.00× | {b['counts']['pairings']:,} edges |"
    )
    for kind in ("pairings", "weak", "projects", "leaders"):
        r = p.get(f"revkg_{kind}")
        if not r:
            continue
        ratio = _ratio(r["rows_per_s"], b["rows_per_s"]) if kind == "pairings" else "—"
        out.append(
            f"| {'**' if kind == 'pairings' else ''}{kind}, revkg register loader"
            f"{'**' if kind == 'pairings' else ''} | {_s(r['seconds'])} | {r['rows']:,} ({r.get('of_rows', r['rows']):,}) "
            f"| {r.get('files', '?')}/{r.get('of_files', '?')} | {r['rows_per_s']:,} | {ratio} "
            f"| {r['loaded']:,} / {r['rejected']:,} |"
        )
    rl = p.get("revkg_pairings_reload")
    if rl:
        out.append(f"| pairings, revkg reload of unchanged files | {_s(rl['seconds'])} | — | — | — | — | — |")
    out.append("")
    out.append(
        f"Place index (all names of the code table in memory) built in {_s(p['place_index_seconds'])}, "
        "included in none of the rows above. Rejects are the workload's own doing (名称-only rows whose "
        "name occurs twice in the town); top reasons: "
        + "; ".join(f"{k} ({v:,})" for k, v in p["revkg_pairings"]["reject_reasons"].items())
        + "."
    )
    c = p.get("counts", {})
    if c:
        out.append("")
        out.append("Graph after the registers: " + ", ".join(f"{v:,} {k}" for k, v in c.items()) + ".")
    rp = p["revkg_pairings"]
    sec = rp["seconds"]
    complete = rp["rows"] >= rp.get("of_rows", rp["rows"])
    out.append("")
    if not national:
        out.append(f"- Target pairings < 2 min: not evaluated (quick run; {_s(sec)} for {rp['rows']:,} rows)")
    elif complete:
        out.append("- Target pairings < 2 min: " + _met(sec < 120, _s(sec)))
        baseline = p["load_csv_pairings"]
        pace = rp["rows_per_s"] / baseline["rows_per_s"] if baseline["rows_per_s"] else 0.0
        out.append("- Target (issue 23) 1,000,000 pairings ≤ 60 s: " + _met(sec <= 60, _s(sec)))
        out.append("- Target (issue 23) ≥ 2× the hand-written LOAD CSV: " + _met(pace >= 2.0, f"{pace:.2f}×"))
    else:
        out.append(
            f"- Target pairings < 2 min: **missed** — after {_s(sec)} only {rp['rows']:,} of "
            f"{rp['of_rows']:,} rows were loaded ({rp['files']}/{rp['of_files']} files); the load was "
            "stopped at the time budget, not extrapolated"
        )
    return out


def render_generic(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    if "markdown" in p:
        return list(p["markdown"])
    return ["```", json.dumps(p, ensure_ascii=False, indent=1)[:4000], "```"]


# Issue 23's targets: through the API, one worker, warm, p95.
ISSUE_TARGETS_MS = {
    "uncovered_district": ("p95 ≤ 20 ms", 20.0, "p95"),
    "uncovered_national": ("p95 ≤ 0.5 s", 500.0, "p95"),
    "coverage_districts": ("≤ 5 s", 5000.0, "p50"),
    "helper_load": ("first page p95 ≤ 1 s", 1000.0, "p95"),
    "helper_load_district": ("p95 ≤ 300 ms", 300.0, "p95"),
    "clusters_district": ("p95 ≤ 300 ms", 300.0, "p95"),
    "clusters_province": ("p95 ≤ 2 s", 2000.0, "p95"),
    "clusters_national": ("≤ 30 s", 30000.0, "p95"),
    "suggestions_village": ("p95 ≤ 100 ms", 100.0, "p95"),
}
CASE_TITLES = {
    "uncovered_district": "uncovered weak villages, one district",
    "uncovered_province": "uncovered weak villages, one province",
    "uncovered_national": "uncovered weak villages, all loaded",
    "coverage_districts": "coverage for all districts",
    "helper_load": "helper load, all China (first page)",
    "helper_load_district": "helper load, one district",
    "clusters_district": "shared-resource clusters, one district",
    "clusters_province": "shared-resource clusters, one province",
    "clusters_national": "shared-resource clusters, all loaded",
    "suggestions_village": "pairing suggestions, one village",
    "village_lookup": "`GET /villages/{code}`",
}


def _ms(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x / 1000:,.2f} s" if x >= 1000 else f"{x:,.1f} ms"


def render_analyses(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    out = [
        f"District: {p['district']} (most weak villages); village: {p['village']}. Through the API (one uvicorn "
        "worker, loopback). Cold = first call after Neo4j and the API restarted; warm = the calls that follow "
        "(n per row). Baseline = the same question as one naive Cypher query through the driver, also cold and "
        "warm. Ratio = API warm p50 / naive warm p50 (> 1: the API is slower — it answers more: nearest "
        "helpers, claims, reasons, community detection).",
        "",
        "| question | API cold | API warm p50 | p95 | p99 | n | naive cold | naive warm p50 | ratio | target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, c in p["cases"].items():
        w, b = c["warm"], c["baseline_warm"]
        target = ISSUE_TARGETS_MS.get(name)
        if target and national:
            label, limit, stat = target
            ok = w[stat] <= limit and c["status"] == [200]
            t = f"{label}: {'met' if ok else '**missed**'}"
        elif target:
            t = f"{target[0]}: not evaluated (quick)"
        else:
            t = ""
        if c["status"] != [200]:
            t += " **failed**: HTTP " + ", ".join(
                "connection dropped (599)" if x == 599 else str(x) for x in c["status"]
            )
        out.append(
            f"| {CASE_TITLES.get(name, name)} | {_ms(c['cold_ms'])} | {_ms(w['p50'])} | {_ms(w['p95'])} | "
            f"{_ms(w['p99'])} | {w['n']} | {_ms(c['baseline_cold_ms'])} | {_ms(b.get('p50'))} | "
            f"{c['ratio_warm_p50']}× | {t} |"
        )
    out.append("")
    if "uncovered_province" not in p["cases"]:
        out.append("Uncovered weak villages for one *province* was not measured in this run (no API parameter then).")
    out.append(
        "Nationally the heavy questions get 1–2 warm calls (a failing one only 1), so their p95/p99 are the "
        "maximum. `coverage for all districts` is the API's first page (100 districts, with the total count); "
        "the naive query counts every district."
    )
    if p.get("api_peak_rss_bytes"):
        out.append(f"API process peak RSS: {p['api_peak_rss_bytes'] / 2**20:,.0f} MiB.")
    return out


def render_api(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    t = p["throughput"]
    tool = "`wrk`" if t.get("api_1", {}).get("tool") == "wrk" else "threads with one `httpx.Client` each"
    out = [
        f"`GET /villages/{{code}}` on random village codes, {t['seconds_per_level']:.0f} s per level, driven by "
        f"{tool}, on the same 2 cores as Neo4j and the load generator. Baseline: the same lookup as one Cypher "
        "query over Bolt from the same number of threads (the API answers more: evidence, projects, path).",
        "",
    ]
    best = 0.0
    runs = [t] + [v for k, v in p.items() if k.startswith("throughput_")]
    for run in runs:
        workers = run.get("api_workers", 1)
        out += [
            f"{workers} uvicorn worker{'s' if workers > 1 else ''}:",
            "",
            "| clients | API req/s | API p50 | API p95 | API p99 | Bolt req/s | Bolt p95 | API / Bolt |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for clients in (1, 8, 32):
            a, b = run.get(f"api_{clients}"), t.get(f"bolt_{clients}")
            if not a or not b:
                continue
            best = max(best, a["rps"])
            out.append(
                f"| {clients} | {a['rps']:,.0f} | {_ms(a['latency_ms'].get('p50'))} | "
                f"{_ms(a['latency_ms'].get('p95'))} | {_ms(a['latency_ms'].get('p99'))} | {b['rps']:,.0f} | "
                f"{_ms(b['latency_ms'].get('p95'))} | **{a['rps'] / b['rps']:.2f}×** |"
            )
        out.append("")
    out.append("- Target ≥ 500 req/s for the village lookup: " + _met(best >= 500, f"best {best:,.0f} req/s"))
    for run in runs:
        workers = run.get("api_workers", 1)
        ratios = [
            run[f"api_{c}"]["rps"] / t[f"bolt_{c}"]["rps"]
            for c in (1, 8, 32)
            if run.get(f"api_{c}") and t.get(f"bolt_{c}")
        ]
        if ratios:
            out.append(
                f"- Target (issue 23) ≥ 0.8× Bolt with the same clients, {workers} worker{'s' if workers > 1 else ''}: "
                + _met(min(ratios) >= 0.8, " / ".join(f"{r:.2f}×" for r in ratios) + " at 1 / 8 / 32 clients")
            )
    if p.get("api_peak_rss_bytes"):
        out.append(f"- API process peak RSS (one worker): {p['api_peak_rss_bytes'] / 2**20:,.0f} MiB")
    mem = p.get("neo4j_memory", {})
    if mem.get("peak_rss_bytes"):
        out.append(
            f"- Neo4j process peak RSS {mem['peak_rss_bytes'] / 2**30:.1f} GiB (heap {mem['heap_max']} "
            f"+ page cache {mem['pagecache_size']} configured)"
        )
    return out


def render_extraction(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    e, b, m = p["extraction"], p["baseline_dictionary_scan"], p["matcher"]
    return [
        "| method | KB/s per core | ratio |",
        "|---|---:|---:|",
        f"| dictionary scan: one Aho-Corasick automaton over every place name (baseline) | "
        f"{b['kb_per_s_per_core']:,.0f} | 1.00× |",
        f"| revkg report extraction (`loaders.reports.Extractor`), {e['documents']} documents "
        + (
            f"(the corpus, then copies with {e['villages_renamed']:,} village mentions renamed), "
            if "villages_renamed" in e
            else "(the corpus repeated), "
        )
        + f"{e['kb']:,.0f} KB, {e['facts']:,} facts | {e['kb_per_s_per_core']:,.0f} | **{p['ratio']:.3f}×** |",
        "",
        f"Matcher for {m['provinces']} provinces: built in {_s(m['build_seconds'])} "
        f"(CPU {_s(m['build_cpu_seconds'])}), process memory +{m['rss_growth_bytes'] / 2**20:,.0f} MiB.",
    ]


CONSOLE_P95_GOAL_MS = 300.0  # issue 13: server time of the district, village and overview pages
CONSOLE_ASSETS_GOAL = 500_000


def render_console(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    out = [
        f"District {p['district']}, village {p['village']}, helper {p.get('helper')}; one uvicorn worker, loopback.",
        "",
        "| page | path | first | warm p50 | warm p95 | n | HTML | goal p95 ≤ 300 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, c in p["pages"].items():
        met = "met" if c["warm"]["p95"] <= CONSOLE_P95_GOAL_MS else "**missed**"
        out.append(
            f"| {name} | `{c['path']}` | {_ms(c['first_ms'])} | {_ms(c['warm']['p50'])} | {_ms(c['warm']['p95'])} "
            f"| {c['warm']['n']} | {c['html_bytes']:,} B | {met} |"
        )
    total = p["asset_bytes_total"]
    goals = {"overview_country_uncached": 300.0, "overview_province_uncached": 300.0, "district": 200.0}
    out.append("")
    for name, limit in goals.items():
        c = p["pages"].get(name)
        if c:
            out.append(
                f"- Target (issue 23) {name} p95 ≤ {limit:g} ms: "
                + _met(c["warm"]["p95"] <= limit, _ms(c["warm"]["p95"]))
            )
    out += [
        "",
        "The national and provincial overviews are kept 60 s by the console: their warm figures are the kept "
        "page, *first* is the work (the cluster pictures are a fragment the district page fetches after it is shown). "
        "The `…_uncached` rows are the same overviews from an API started with `REVKG_OVERVIEW_KEPT_S=0`: every "
        "request does the work (issue 23: ≤ 300 ms without the cache; district page ≤ 200 ms).",
    ]
    out += [
        "",
        f"JS + CSS shipped: {total:,} bytes ({', '.join(f'{k} {v:,}' for k, v in p['asset_bytes'].items())}); "
        f"goal ≤ 500 KB: {'met' if total <= CONSOLE_ASSETS_GOAL else '**missed**'}.",
    ]
    return out


def render_plan(p: dict[str, Any], national: bool) -> list[str]:
    if "error" in p:
        return [f"Phase failed: `{p['error']}`"]
    out = [
        "The area of each level with the most uncovered weak villages; capacity 5, one helper per village. "
        "Time in this process (reads, candidate graph, min-cost flow, greedy), cold then warm.",
        "",
        "| level | area | villages | helpers | arcs | cold | warm | reads | solve | goal | plan covered / cost / largest load "
        "| greedy covered / cost / largest load |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for level, a in p["areas"].items():
        cold, warm = (r["seconds"] for r in a["runs"])
        reads = sum(warm.get(k, 0.0) for k in ("demand", "links", "supply"))
        met = _met(warm["total"] <= a["goal_s"], f"≤ {a['goal_s']:g} s")
        plan, greedy = a["plan"], a["greedy"]
        out.append(
            f"| {level} | {a['name']} {a['code']} | {a['villages']:,} | {a['helpers']:,} | {a['arcs']:,} "
            f"| {_s(cold['total'])} | {_s(warm['total'])} | {_s(reads)} | {_s(warm.get('solve'))} | {met} "
            f"| {plan['villages_covered']:,} / {plan['total_cost']:,.1f} / {plan['largest_load']} "
            f"| {greedy['villages_covered']:,} / {greedy['total_cost']:,.1f} / {greedy['largest_load']} |"
        )
    return out


RENDER = {
    "gazetteer": render_gazetteer,
    "registers": render_registers,
    "analyses": render_analyses,
    "api": render_api,
    "extraction": render_extraction,
    "console": render_console,
    "plan": render_plan,
}
TITLES = {
    "gazetteer": "Gazetteer load",
    "registers": "Register load",
    "analyses": "Analyses at scale",
    "api": "API throughput",
    "extraction": "Report extraction",
    "console": "Planners' console pages",
    "plan": "Pairing plan (min-cost flow) against greedy",
}


def render_run(path: Path, data: dict[str, Any]) -> list[str]:
    national = not data["quick"]
    m = data["machine"]
    la = data["load_average"]
    out = [
        f"Result file `{path.relative_to(REPO)}`, started {data['started']}, "
        + (
            f"finished {data['finished']}"
            if "finished" in data
            else "stopped before its end (the phases below are those it finished)"
        )
        + f", revision {data['revision']}.",
        "",
        f"- Command: `{data['command']}` (workload scale {data.get('scale')}, seed {data.get('seed')})",
        f"- Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM, Linux {m['kernel']}",
        f"- Versions: Neo4j {data.get('versions', {}).get('neo4j', '?')} (heap "
        f"{data.get('neo4j_memory', {}).get('heap_max', '?')}, page cache "
        f"{data.get('neo4j_memory', {}).get('pagecache_size', '?')}), Python {m['python']}, neo4j driver "
        f"{m['neo4j_driver']}, neomodel {m['neomodel']}, {m['java']}",
        f"- Load average (1, 5, 15 min) at start {la['start']}, at end {la.get('end')}: "
        + (
            "**other processes were running** on the same 2 cores — " + "; ".join(data["other_processes"][:8])
            if data.get("other_processes")
            else "no other busy processes seen"
        ),
    ]
    mem = data.get("neo4j_memory", {})
    if mem.get("peak_rss_bytes"):
        out.append(
            f"- Neo4j process peak RSS {mem['peak_rss_bytes'] / 2**30:.1f} GiB "
            f"(heap max {mem['heap_max']}, page cache {mem['pagecache_size']})"
        )
    for name, phase in data["phases"].items():
        out += ["", f"### {TITLES.get(name, name)}", ""]
        out += RENDER.get(name, render_generic)(phase, national)
        out.append(f"\n_Phase wall time {phase.get('phase_seconds', '?')} s._")
    return out


def write_report(target: Path = TARGET) -> Path:
    lines = [
        "# revkg benchmarks",
        "",
        "Generated by `python -m bench run` (or `python -m bench report`) from the raw results in "
        "`bench/results/`; edit `bench/report.py`, not this file. Every figure is measured against a "
        "baseline run in the same invocation, on the same Neo4j instance (`bench`, its own store and "
        "ports 27687/27474), and is given as a ratio first, with the absolute number beside it.",
        "",
        "Reproduce: `python -m bench run` (national: all 620,573 villages, ~1,000,000 pairings) or "
        "`python -m bench run --quick` (上海 only, 0.5% workload, a few minutes). `--only gazetteer,registers` "
        "runs some phases.",
    ]
    order = {
        name: i for i, name in enumerate(("gazetteer", "registers", "analyses", "api", "extraction", "console", "plan"))
    }
    for title, quick in (("National run", False), ("Quick run (CI size: 上海 only, scaled-down workload)", True)):
        runs = sorted(newest(quick=quick), key=lambda r: min(order.get(k, 9) for k in r[1]["phases"]))
        lines += ["", f"## {title}"]
        if not runs:
            lines += ["", "Not run yet."]
        for path, data in runs:
            lines += ["", f"#### Invocation: {', '.join(data['phases'])}", ""] + render_run(path, data)
    notes = Path(__file__).resolve().parent / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
