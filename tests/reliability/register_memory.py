"""Time and peak memory of loading one register, in a process of its own (so its peak RSS is its own).

    python -m tests.reliability.register_memory prepare PATH   # read + validate + resolve, streamed
    python -m tests.reliability.register_memory load PATH      # the whole load into the REVKG_* instance
    python -m tests.reliability.register_memory bad-rows PATH --rows N  # write a pairings CSV of N bad rows

Prints one JSON line: rows accepted and rejected, seconds, and the process's peak RSS in MiB
(``ru_maxrss``), with the RSS measured after the place index was built, before the file was opened.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

PROVINCES = ("31", "35")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("prepare", "load", "bad-rows"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000, help="bad-rows: how many rows to write")
    args = parser.parse_args()
    from graph.settings import get_settings
    from loaders import register
    from loaders.gazetteer import ensure_downloaded
    from loaders.places import PlaceIndex

    settings = get_settings()
    index = PlaceIndex.from_gazetteer(ensure_downloaded(settings.home / "gazetteer"), PROVINCES)
    if args.action == "bad-rows":
        from tests.reliability.badfiles import sized_register

        codes = [p.code for p in index.descendants("31", "village")][:5_000]
        # Every row's village code lost a digit: every row is rejected, with its row and column.
        _, rows, _ = sized_register(args.path, codes, 1 << 62, bad_every=1, max_rows=args.rows)
        print(
            json.dumps({"path": str(args.path), "rows": rows, "file_mib": round(args.path.stat().st_size / 2**20, 1)})
        )
        return
    before = peak_mib()
    started = time.perf_counter()
    out: dict[str, object] = {"file_mib": round(args.path.stat().st_size / 2**20, 1)}
    if args.action == "prepare":
        report, chunks = register.prepare_chunks(args.path, index)
        accepted = sum(len(chunk) for chunk in chunks)
        # Counted as they arrived: listing ``report.rejected`` would hold them all in memory.
        counts = getattr(report.issues, "counts", None)
        rejected = counts["rejected"] if counts is not None else len(report.rejected)
        out["file_issues"] = [i.reason for i in report.issues if i.row is None]
    else:
        from graph.db import connect

        driver = connect(settings)
        try:
            report = register.load(driver, [args.path], index)
        finally:
            driver.close()
        counts = getattr(report.issues, "counts", None)
        accepted = report.loaded()
        rejected = counts["rejected"] if counts is not None else len(report.rejected)
        out["file_issues"] = [i.reason for i in report.issues if i.row is None]
        out["relationships_created"] = report.writes.relationships_created
    out.update(
        accepted=accepted,
        rejected=rejected,
        seconds=round(time.perf_counter() - started, 1),
        peak_rss_mib_before_file=round(before, 1),
        peak_rss_mib=round(peak_mib(), 1),
    )
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
