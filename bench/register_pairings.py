"""Generate a large pairings register from real gazetteer villages and time loading it.

    python bench/register_pairings.py --rows 100000 --out /tmp/pairings_100k.csv        # write only
    python bench/register_pairings.py --rows 100000 --out /tmp/pairings_100k.csv --load  # and load

Half the rows give the 12-digit code, half the village, town and district names. Helpers are
1,000 invented units; dates are spread over 2018–2024. Uses the settings of the environment
(``REVKG_*``), so point it at a test instance.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from pathlib import Path

from graph.settings import get_settings
from loaders.gazetteer import ensure_downloaded, parse_provinces, read

HEADER = ["帮扶单位", "区", "镇", "村", "村代码", "开始日期", "结束日期", "轮次"]


def generate(rows: int, out: Path, provinces: list[str] | None, seed: int = 7) -> None:
    rng = random.Random(seed)
    data_dir = ensure_downloaded(get_settings().home / "gazetteer")
    names: dict[str, str] = {}
    villages = []
    for record in read(data_dir, provinces):
        names[record.code] = record.name
        if record.level == "village":
            villages.append(record)
    helpers = [
        f"示例{kind}{i:04d}"
        for i, kind in zip(range(1000), ["集团有限公司", "街道", "中学", "局", "中心"] * 200, strict=True)
    ]
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            v = rng.choice(villages)
            by_code = i % 2 == 0
            since = f"{rng.randint(2018, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                [
                    rng.choice(helpers),
                    names[v.code[:6]],
                    names[v.code[:9]],
                    "" if by_code else v.name,
                    v.code if by_code else "",
                    since,
                    "",
                    f"第{rng.randint(1, 3)}轮",
                ]
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/pairings_bench.csv"))
    parser.add_argument("--provinces", default="31,35")
    parser.add_argument("--load", action="store_true")
    parser.add_argument("--keep", action="store_true", help="leave the loaded facts in the graph")
    args = parser.parse_args()
    provinces = parse_provinces(args.provinces)
    generate(args.rows, args.out, provinces)
    if not args.load:
        return
    from bench.context import baseline_query
    from graph.db import BatchWriter, connect
    from loaders import register
    from loaders.places import PlaceIndex
    from loaders.register.load import sha256_of

    settings = get_settings()
    started = time.perf_counter()
    index = PlaceIndex.for_home(settings.home, provinces)
    built = time.perf_counter()
    accepted, report = register.prepare(args.out, index)
    prepared = time.perf_counter()
    driver = connect(settings)
    try:
        sha = sha256_of(args.out)
        counts, _ = register.write(driver, args.out.name, args.out, sha, accepted, database=settings.neo4j_database)
        written = time.perf_counter()
        if not args.keep:
            sid = register.source_id(args.out.name)
            BatchWriter(driver, settings.neo4j_database).statement("load/delete_register_facts", source_id=sid)
            driver.execute_query(baseline_query("delete_document"), uid=sid, database_=settings.neo4j_database)
    finally:
        driver.close()
    n = args.rows
    print(
        f"index {built - started:.1f}s; read+validate+resolve {prepared - built:.1f}s "
        f"({n / (prepared - built):,.0f} rows/s); write {written - prepared:.1f}s "
        f"({len(accepted) / (written - prepared):,.0f} rows/s); {len(accepted):,} loaded, "
        f"{len(report.rejected):,} rejected; {counts.relationships_created:,} relationships created"
    )


if __name__ == "__main__":
    main()
