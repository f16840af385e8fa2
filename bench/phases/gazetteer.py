"""Gazetteer phase: revkg's loader against LOAD CSV, neo4j-admin import and per-row neomodel saves.

Every method starts from an empty store with revkg's schema installed (the offline import builds
the schema afterwards, and that time is reported beside the import's). The revkg loader and the
LOAD CSV baseline must leave the same graph; a snapshot of both is compared and recorded.
"""

from __future__ import annotations

import csv
import random
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from neo4j import Driver

from bench.context import Context, baseline_named_query, baseline_query
from bench.instance import await_indexes
from bench.measure import load_average, timed
from graph.messages import say
from graph.schema import install_schema
from loaders import gazetteer, gazetteer_import
from loaders.gazetteer import AdminRecord

FILES = {
    "province": "provinces.csv",
    "city": "cities.csv",
    "district": "areas.csv",
    "town": "streets.csv",
    "village": "villages.csv",
}
LABELS = {"province": "Province", "city": "City", "district": "District", "town": "Town", "village": "Village"}
NEOMODEL_SAMPLE = 10_000
NEOMODEL_BUDGET_S = 60.0


def prepare_csvs(source: Path, target: Path, provinces: Iterable[str] | None) -> dict[str, int]:
    """Copy the five CSVs (or only some provinces' rows) to ``target``; return rows per level."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = set(provinces) if provinces else None
    counts: dict[str, int] = {}
    for level, name in FILES.items():
        if wanted is None:
            shutil.copyfile(source / name, target / name)
            with open(target / name, encoding="utf-8") as f:
                counts[level] = sum(1 for _ in f) - 1
            continue
        with (
            open(source / name, encoding="utf-8", newline="") as src,
            open(target / name, "w", encoding="utf-8", newline="") as dst,
        ):
            reader = csv.reader(src)
            writer = csv.writer(dst, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(next(reader))
            n = 0
            for row in reader:
                if row[0][:2] in wanted:
                    writer.writerow(row)
                    n += 1
            counts[level] = n
    return counts


def snapshot(driver: Driver) -> dict[str, Any]:
    """Counts and a content checksum that two loads of the same table must share."""
    out: dict[str, Any] = {}
    for label in LABELS.values():
        rec = driver.execute_query(baseline_query("label_snapshot"), label=label).records[0]
        out[label] = {
            "nodes": rec["n"],
            "name_chars": rec["chars"],
            "with_kind": rec["kinds"],
            "kinds": sorted(k for k in rec["kind_values"] if k),
        }
    rec = driver.execute_query(baseline_query("part_of_nesting")).records[0]
    out["PART_OF"] = {"rels": rec["n"], "nested_codes": rec["nested"]}
    kinds = driver.execute_query(baseline_query("village_kinds")).records
    out["village_kinds"] = {r["kind"]: [r["n"], r["not_weak"]] for r in kinds}
    return out


def _revkg_load(driver: Driver, data_dir: Path, batch_size: int = 10000) -> dict[str, Any]:
    with timed() as t:
        report = gazetteer.load(driver, data_dir, batch_size=batch_size)
    rows = sum(report.counts.values())
    return {
        "seconds": round(t.seconds, 3),
        "rows": rows,
        "rows_per_s": round(rows / t.seconds),
        "writes": report.writes.as_dict(),
        "rejected": len(report.rejected),
    }


def _revkg_previous(driver: Driver, data_dir: Path, batch_size: int = 10000) -> dict[str, Any]:
    """revkg's loader as it was before the bench work: villages one row each, each finding its Town."""
    from graph import queries
    from graph.db import BatchWriter

    with timed() as t:
        pending: dict[str, list[dict[str, str | None]]] = {level: [] for level in gazetteer.LEVELS}
        for r in gazetteer.read(data_dir):
            if gazetteer.validate(r) is None:
                pending[r.level].append(
                    {"code": r.code, "name": r.name, "full_name": r.full_name, "parent": r.parent_code, "kind": r.kind}
                )
        writer = BatchWriter(driver, batch_size=batch_size)
        for level in gazetteer.LEVELS:
            query = (
                baseline_named_query("previous_merge_villages")
                if level == "village"
                else queries.get(gazetteer._MERGE_QUERY[level])
            )
            writer.write_query(query, pending[level])
    rows = sum(len(v) for v in pending.values())
    return {
        "seconds": round(t.seconds, 3),
        "rows": rows,
        "rows_per_s": round(rows / t.seconds),
        "writes": writer.counts.as_dict(),
    }


def _load_csv(driver: Driver, rows: int) -> dict[str, Any]:
    per_level: dict[str, float] = {}
    with timed() as total:
        for level in ("provinces", "cities", "districts", "towns", "villages"):
            url = f"file:///gazetteer/{_file_for(level)}"
            with timed() as t, driver.session() as session:  # auto-commit: CALL … IN TRANSACTIONS
                session.run(baseline_query(f"load_csv_{level}"), url=url).consume()
            per_level[level] = round(t.seconds, 3)
    return {
        "seconds": round(total.seconds, 3),
        "rows": rows,
        "rows_per_s": round(rows / total.seconds),
        "per_level_seconds": per_level,
    }


def _file_for(plural: str) -> str:
    return {
        "provinces": "provinces.csv",
        "cities": "cities.csv",
        "districts": "areas.csv",
        "towns": "streets.csv",
        "villages": "villages.csv",
    }[plural]


# --- revkg's first load through neo4j-admin import ----------------------------------------------


def _revkg_first_load(ctx: Context, driver: Driver, data_dir: Path) -> dict[str, Any]:
    """``revkg load gazetteer`` into an empty managed graph, with the time of each step."""
    server = ctx.server
    steps: list[tuple[str, float]] = []
    with timed() as t:
        assert gazetteer_import.graph_is_empty(driver, server.settings.neo4j_database)
        server.close_driver()  # the server is stopped under it
        report = gazetteer_import.first_load(
            server.settings, data_dir, ctx.provinces, on_step=lambda code: steps.append((say(code, "en"), t.elapsed))
        )
    marks = [*steps, ("done", t.seconds)]
    rows = sum(report.counts.values())
    return {
        "seconds": round(t.seconds, 3),
        "rows": rows,
        "rows_per_s": round(rows / t.seconds),
        "steps_seconds": {step: round(marks[i + 1][1] - at, 2) for i, (step, at) in enumerate(steps)},
        "rejected": len(report.rejected),
    }


# --- per-row neomodel saves ---------------------------------------------------------------------


def _neomodel_saves(sample: list[AdminRecord], budget_s: float) -> tuple[int, float]:
    """Save villages as neomodel objects and connect each to its town, one round trip at a time.

    Stops after ``budget_s`` seconds; returns how many rows were saved and how long that took.
    """
    from graph.schema import Town, Village

    started = time.perf_counter()
    done = 0
    for r in sample:
        village = Village(
            uid=r.code,
            code=r.code,
            name=r.name,
            full_name=r.full_name,
            kind=r.kind,
            resolved=True,
            weak=False,
            weak_categories=[],
        ).save()
        village.town.connect(Town.nodes.get(code=r.parent_code))
        done += 1
        if time.perf_counter() - started > budget_s:
            break
    return done, time.perf_counter() - started


# --- the phase --------------------------------------------------------------------------------


def run(ctx: Context) -> dict[str, Any]:
    server = ctx.server
    source = gazetteer.ensure_downloaded(server.settings.home / "gazetteer")
    csv_dir = server.import_dir / "gazetteer"
    counts = prepare_csvs(source, csv_dir, ctx.provinces)
    rows = sum(counts.values())
    result: dict[str, Any] = {"rows": counts, "total_rows": rows, "load_average": {"start": load_average()}}
    ctx.log(f"gazetteer: {rows:,} rows ({counts['village']:,} villages)")

    # LOAD CSV first, then the offline import, then revkg (whose graph the registers phase reuses).
    # Every method starts from a freshly started, empty store; the CSVs are in the OS file cache for all.
    driver = server.fresh()
    if ctx.quick:
        # A quick run reuses one server (small graphs are wiped through Cypher), so the first method
        # would pay the JVM's and the query planner's warm-up alone: both run once, untimed, first.
        _load_csv(driver, rows)
        driver = server.fresh()
        _revkg_load(driver, csv_dir)
        driver = server.fresh()
    result["load_csv"] = _load_csv(driver, rows)
    ctx.log(f"  LOAD CSV            {result['load_csv']['seconds']:8.1f}s")
    csv_snapshot = snapshot(driver)

    # Offline bulk import into a fresh store, then the same schema on top.
    admin_dir = ctx.work_dir / "admin-import"
    if admin_dir.exists():
        shutil.rmtree(admin_dir)
    with timed() as prep:
        args, _ = gazetteer_import.write_import_files(
            ((r.level, r.code, r.name, r.full_name, r.parent_code, r.kind) for r in gazetteer.read(csv_dir)), admin_dir
        )
    import_seconds = server.admin_import(args + ["--threads=2"], ctx.work_dir / "admin-import.log")
    driver = server.driver()
    with timed() as schema:
        install_schema()
        await_indexes(driver)
    admin_snapshot = snapshot(driver)
    result["admin_import"] = {
        "seconds": round(import_seconds, 3),
        "rows_per_s": round(rows / import_seconds),
        "prepare_files_seconds": round(prep.seconds, 3),
        "schema_after_seconds": round(schema.seconds, 3),
        "seconds_with_schema": round(import_seconds + schema.seconds, 3),
        "same_counts": {k: admin_snapshot[k]["nodes"] for k in LABELS.values()}
        == {k: csv_snapshot[k]["nodes"] for k in LABELS.values()},
    }
    ctx.log(f"  neo4j-admin import  {import_seconds:8.1f}s (+{schema.seconds:.1f}s schema)")

    # revkg's first load into the managed server's empty graph: the offline importer, the server
    # stopped and started around it, then the schema; timed as `revkg load gazetteer` runs it.
    driver = server.fresh()
    result["revkg_first_load"] = _revkg_first_load(ctx, driver, csv_dir)
    ctx.log(f"  revkg first load    {result['revkg_first_load']['seconds']:8.1f}s (offline import)")
    first_load_snapshot = snapshot(server.driver())
    result["revkg_first_load"]["same_graph_as_load_csv"] = first_load_snapshot == csv_snapshot
    if first_load_snapshot != csv_snapshot:
        result["revkg_first_load"]["snapshot"] = first_load_snapshot

    driver = server.fresh()
    result["revkg_previous"] = _revkg_previous(driver, csv_dir)
    ctx.log(f"  revkg loader before {result['revkg_previous']['seconds']:8.1f}s")
    previous_snapshot = snapshot(driver)

    driver = server.fresh()
    result["revkg"] = _revkg_load(driver, csv_dir)
    ctx.log(f"  revkg loader        {result['revkg']['seconds']:8.1f}s")
    revkg_snapshot = snapshot(driver)
    result["revkg_reload"] = _revkg_load(driver, csv_dir)
    ctx.log(f"  revkg reload        {result['revkg_reload']['seconds']:8.1f}s")
    result["same_graph_as_load_csv"] = revkg_snapshot == csv_snapshot
    result["same_graph_as_previous_loader"] = revkg_snapshot == previous_snapshot
    if revkg_snapshot != csv_snapshot:
        result["snapshots"] = {"revkg": revkg_snapshot, "load_csv": csv_snapshot}
    result["snapshot"] = revkg_snapshot

    # Per-row neomodel saves on a sample of villages (deleted first; their towns are loaded), for at
    # most NEOMODEL_BUDGET_S seconds; the rate is extrapolated to the whole table and labelled so.
    villages = [r for r in gazetteer.read(csv_dir) if r.level == "village"]
    size = min(NEOMODEL_SAMPLE, len(villages))
    sample = random.Random(ctx.seed).sample(villages, size)
    driver.execute_query(baseline_query("delete_villages"), codes=[r.code for r in sample])
    done, seconds = _neomodel_saves(sample, NEOMODEL_BUDGET_S / (10 if ctx.quick else 1))
    if done < size:  # leave the graph whole for the next phases
        gazetteer.load(driver, csv_dir)
    rate = done / seconds
    result["neomodel"] = {
        "sample_rows": size,
        "rows_done": done,
        "seconds": round(seconds, 3),
        "rows_per_s": round(rate, 1),
        "extrapolated_seconds": round(rows / rate, 1),
        "extrapolated": True,
    }
    ctx.log(f"  neomodel per row    {seconds:8.1f}s for {done:,} rows → {rows / rate:,.0f}s extrapolated")
    result["load_average"]["end"] = load_average()
    return result
