"""Registers phase: the generated national workload through revkg's register loader vs LOAD CSV.

The gazetteer must be in the graph first; when the gazetteer phase ran just before, its graph is
reused, otherwise revkg's loader puts it there (untimed here). The LOAD CSV baseline covers the
pairings (the issue's target); weak designations, projects and leaders are loaded through revkg
and reported in absolute terms. The graph is left loaded for the analyses and API phases.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from neo4j import Driver

from bench import workload
from bench.context import Context, baseline_query
from bench.measure import load_average, timed
from loaders import gazetteer, register
from loaders.places import PlaceIndex

KIND_ORDER = ("weak", "pairings", "projects", "leaders")
# Each load stops starting new files after this long (a file under way is finished): a load that
# would take hours is reported with the rows it did in the time, never extrapolated.
BUDGET_S = {"quick": 600.0, "national": 180.0}
BUDGET_OTHER_KINDS_S = {"quick": 600.0, "national": 60.0}
# Files per loader call: the budget is checked between calls (a call's files are all finished).
FILES_PER_CALL = 4


def ensure_gazetteer(ctx: Context) -> Driver:
    server = ctx.server
    data_dir = gazetteer.ensure_downloaded(server.settings.home / "gazetteer")
    expected = sum(1 for r in gazetteer.read(data_dir, ctx.provinces) if r.level == "village")
    driver = server.driver()
    have = driver.execute_query(baseline_query("resolved_village_count")).records[0]["n"]
    others = driver.execute_query(baseline_query("loaded_entity_count")).records[0]["n"]
    if have != expected or others:
        ctx.log(f"  loading the gazetteer ({expected:,} villages) for the registers")
        driver = server.fresh()
        gazetteer.load(driver, data_dir, ctx.provinces)
    return driver


def counts(driver: Driver) -> dict[str, int]:
    rec = driver.execute_query(baseline_query("register_counts")).records[0]
    return dict(rec)


def _delete_baseline(driver: Driver) -> None:
    with driver.session() as session:
        session.run(baseline_query("delete_load_csv_pairings")).consume()
        session.run(baseline_query("delete_load_csv_organizations")).consume()


def run(ctx: Context) -> dict[str, Any]:
    server = ctx.server
    data_dir = gazetteer.ensure_downloaded(server.settings.home / "gazetteer")
    out_dir = ctx.work_dir / "registers"
    result: dict[str, Any] = {"load_average": {"start": load_average()}}
    with timed() as t:
        summary = workload.generate(data_dir, out_dir, scale=ctx.workload_scale, seed=ctx.seed, provinces=ctx.provinces)
    result["workload"] = {
        **{k: v for k, v in summary.items() if k != "files"},
        "generate_seconds": round(t.seconds, 1),
        "bytes": sum(p.stat().st_size for p in out_dir.glob("*.csv")),
    }
    ctx.log(f"registers: generated {json.dumps(summary['rows'])} in {t.seconds:.1f}s")
    driver = ensure_gazetteer(ctx)
    # Smallest files first: the time budget is checked between files, so a budget-stopped load has
    # done as many provinces as it could.
    files = {
        kind: sorted(out_dir.glob(f"{kind}_*.csv"), key=lambda p: (p.stat().st_size, p.name)) for kind in KIND_ORDER
    }

    # Baseline: LOAD CSV over the same pairings files, then its facts are removed again.
    import_dir = server.import_dir / "registers"
    if import_dir.exists():
        shutil.rmtree(import_dir)
    import_dir.mkdir(parents=True)
    for path in files["pairings"]:
        shutil.copyfile(path, import_dir / path.name)
    budget = BUDGET_S["quick" if ctx.quick else "national"]
    done_rows = 0
    done_files = 0
    with timed() as t:
        for path in files["pairings"]:
            if t.elapsed > budget:
                break
            with driver.session() as session:  # auto-commit: CALL … IN TRANSACTIONS
                session.run(
                    baseline_query("load_csv_pairings"),
                    url=f"file:///registers/{path.name}",
                    sid=f"register:{path.name}",
                    sheet=path.stem,
                ).consume()
            done_rows += summary["files"]["pairings"][path.stem.split("_")[1]]
            done_files += 1
    baseline_counts = counts(driver)
    rows = done_rows
    result["load_csv_pairings"] = {
        "seconds": round(t.seconds, 3),
        "rows": rows,
        "rows_per_s": round(rows / t.seconds),
        "files": done_files,
        "of_files": len(files["pairings"]),
        "of_rows": summary["rows"]["pairings"],
        "counts": baseline_counts,
    }
    ctx.log(f"  LOAD CSV pairings   {t.seconds:8.1f}s ({baseline_counts['pairings']:,} PAIRED_WITH)")
    _delete_baseline(driver)

    with timed() as t:
        index = PlaceIndex.for_home(ctx.server.settings.home, ctx.provinces)
    result["place_index_seconds"] = round(t.seconds, 2)
    ctx.log(f"  place index         {t.seconds:8.1f}s")

    for kind in KIND_ORDER:
        kind_budget = budget if kind == "pairings" else BUDGET_OTHER_KINDS_S["quick" if ctx.quick else "national"]
        loaded = rejected = warnings = rows = done_files = 0
        issues: list[register.Issue] = []
        writes: dict[str, int] = {}
        with timed() as t:
            # A few files per call, so a load that would take hours stops after the budget with what
            # it did, while the loader still prepares each next file during the current one's write.
            for first in range(0, len(files[kind]), FILES_PER_CALL):
                if t.elapsed > kind_budget:
                    break
                chunk = files[kind][first : first + FILES_PER_CALL]
                report = register.load(driver, chunk, index, kind=kind)  # type: ignore[arg-type]
                loaded += sum(s.loaded for s in report.sheets)
                rejected += sum(s.rejected for s in report.sheets)
                warnings += sum(s.warnings for s in report.sheets)
                rows += sum(summary["files"][kind][path.stem.split("_")[1]] for path in chunk)
                issues += report.issues
                for key, value in report.writes.as_dict().items():
                    writes[key] = writes.get(key, 0) + value
                done_files += len(chunk)
        result[f"revkg_{kind}"] = {
            "seconds": round(t.seconds, 3),
            "rows": rows,
            "rows_per_s": round(rows / t.seconds) if t.seconds else 0,
            "files": done_files,
            "of_files": len(files[kind]),
            "of_rows": summary["rows"][kind],
            "loaded": loaded,
            "rejected": rejected,
            "warnings": warnings,
            "reject_reasons": _top_reasons(issues),
            "writes": writes,
        }
        ctx.log(
            f"  revkg {kind:<13} {t.seconds:8.1f}s ({loaded:,} loaded, {rejected:,} rejected, "
            f"{done_files}/{len(files[kind])} files)"
        )
    result["counts"] = counts(driver)
    if ctx.quick:  # nationally the reload would take as long again; the quick run shows its shape
        loaded_files = files["pairings"][: result["revkg_pairings"]["files"]]
        with timed() as t:
            again = register.load(driver, loaded_files, index, kind="pairings")
        result["revkg_pairings_reload"] = {
            "seconds": round(t.seconds, 3),
            "changed": sum(1 for f in again.files.values() if f.get("changed")),
        }
        ctx.log(f"  revkg pairings reload {t.seconds:6.1f}s")
    result["load_average"]["end"] = load_average()
    return result


def _top_reasons(issues: list[register.Issue], n: int = 5) -> dict[str, int]:
    from collections import Counter

    reasons = Counter(i.reason.split(":")[0][:80] for i in issues if i.severity == "rejected")
    return dict(reasons.most_common(n))


def workload_files(ctx: Context) -> dict[str, list[Path]]:
    out_dir = ctx.work_dir / "registers"
    return {kind: sorted(out_dir.glob(f"{kind}_*.csv")) for kind in KIND_ORDER}
