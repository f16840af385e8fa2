"""Geometry of the console's pictures, worked out on the server and drawn as inline SVG by the templates.

No chart library: the pictures are few and simple (bars, a per-town chart, a timeline, small
cluster networks), and nothing may be fetched from the internet when a page is shown.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

Row = dict[str, Any]


def bar_width(value: float | None, full: float, width: float = 120.0) -> float:
    """The length of a bar for ``value`` on a scale where ``full`` is ``width`` long.

    >>> bar_width(0.5, 1.0), bar_width(None, 1.0), bar_width(3, 0)
    (60.0, 0.0, 0.0)
    """
    if not value or full <= 0:
        return 0.0
    return round(min(value / full, 1.0) * width, 1)


def town_chart(towns: list[Row], width: int = 640, row_height: int = 22, label_width: int = 120) -> Row:
    """Horizontal bars per town: weak villages (grey) with the paired ones (green) over them.

    >>> chart = town_chart([{"code": "1", "name": "堡镇", "weak_villages": 4, "paired_weak_villages": 3},
    ...                     {"code": "2", "name": "新河镇", "weak_villages": 0, "paired_weak_villages": 0}])
    >>> [(b["name"], b["weak_w"], b["paired_w"]) for b in chart["bars"]], chart["height"]
    ([('堡镇', 440.0, 330.0)], 44)
    """
    shown = [t for t in towns if t.get("weak_villages")]
    most = max((t["weak_villages"] for t in shown), default=0)
    room = width - label_width - 80
    bars = []
    for i, town in enumerate(shown):
        bars.append(
            {
                "code": town["code"],
                "name": town["name"],
                "y": i * row_height + 4,
                "weak": town["weak_villages"],
                "paired": town["paired_weak_villages"],
                "weak_w": bar_width(town["weak_villages"], most, room),
                "paired_w": bar_width(town["paired_weak_villages"], most, room),
            }
        )
    return {
        "width": width,
        "height": max(len(bars), 1) * row_height + 22,
        "label_width": label_width,
        "bars": bars,
        "hidden": len(towns) - len(shown),
    }


def timeline(pairings: list[Row], as_of: date, width: int = 640, row_height: int = 26, label_width: int = 180) -> Row:
    """Pairings as bars from ``since`` to ``until`` on one time axis, with ``as_of`` marked.

    A pairing with no ``since`` starts at the left edge, one with no ``until`` runs to the right.

    >>> t = timeline([{"helper": "甲", "since": date(2020, 1, 1), "until": date(2021, 12, 31)},
    ...               {"helper": "乙", "since": None, "until": None}], as_of=date(2022, 6, 30))
    >>> [(b["x"] > 180, b["open_start"], b["open_end"]) for b in t["bars"]]
    [(True, False, False), (False, True, True)]
    >>> [y["label"] for y in t["years"]][:2]
    ['2020', '2021']
    """
    days = [d for p in pairings for d in (p.get("since"), p.get("until")) if d is not None] + [as_of]
    start = min(days) - timedelta(days=60)
    end = max(days) + timedelta(days=60)
    span = max((end - start).days, 1)
    room = width - label_width - 10

    def x(day: date) -> float:
        return round(label_width + (day - start).days / span * room, 1)

    bars = []
    for i, pairing in enumerate(pairings):
        left = x(pairing["since"]) if pairing.get("since") else float(label_width)
        right = x(pairing["until"]) if pairing.get("until") else float(width - 10)
        bars.append(
            {
                **pairing,
                "y": i * row_height + 6,
                "x": left,
                "w": max(right - left, 2.0),
                "open_start": not pairing.get("since"),
                "open_end": not pairing.get("until"),
            }
        )
    years = [
        {"label": str(year), "x": x(date(year, 1, 1))}
        for year in range(start.year + (start > date(start.year, 1, 1)), end.year + 1)
    ]
    height = max(len(bars), 1) * row_height + 26
    return {
        "width": width,
        "height": height,
        "label_width": label_width,
        "bars": bars,
        "years": years,
        "as_of_x": x(as_of),
        "axis_y": height - 18,
    }


def cluster_picture(cluster: Row, size: int = 240, most_villages: int = 24) -> Row:
    """One shared-resource cluster as a small network: helpers on an inner ring, villages on an
    outer one; a pairing is a solid line, a shared project or resource a dashed one.

    >>> pic = cluster_picture({"cluster": 1, "size": 3, "cohesion": 1.0, "helpers": [{"uid": "org:a", "name": "甲", "label": "Organization"}],
    ...     "villages": [{"uid": "v1", "name": "一村", "label": "Village"}, {"uid": "v2", "name": "二村", "label": "Village"}],
    ...     "shared": [{"kind": "helper", "uid": "org:a", "name": "甲", "members": ["v1", "v2"]},
    ...                {"kind": "resource", "uid": "resource:funds", "name": "funds", "members": ["v1", "v2"]}]})
    >>> len(pic["nodes"]), sorted(e["kind"] for e in pic["edges"])
    (3, ['pairing', 'pairing', 'shared'])
    """
    centre = size / 2
    helpers = cluster["helpers"]
    villages = cluster["villages"][:most_villages]
    nodes: dict[str, Row] = {}

    def ring(members: list[Row], radius: float, kind: str, turn: float) -> None:
        for i, member in enumerate(members):
            angle = 2 * math.pi * i / max(len(members), 1) + turn
            nodes[member["uid"]] = {
                "uid": member["uid"],
                "name": member.get("name") or member["uid"],
                "kind": kind,
                "x": round(centre + radius * math.cos(angle), 1),
                "y": round(centre + radius * math.sin(angle), 1),
            }

    ring(helpers, 0 if len(helpers) == 1 else size * 0.18, "helper", -math.pi / 2)
    ring(villages, size * 0.40, "village", -math.pi / 2 + 0.3)
    edges = []
    seen: set[tuple[str, str]] = set()
    for item in cluster["shared"]:
        if item["kind"] == "helper":
            pairs = [(item["uid"], member) for member in item["members"]]
            kind = "pairing"
        else:
            ordered = sorted(item["members"])
            pairs = [(ordered[0], other) for other in ordered[1:]]  # a star keeps a big group legible
            kind = "shared"
        for a, b in pairs:
            if a in nodes and b in nodes and (a, b) not in seen:
                seen.add((a, b))
                edges.append(
                    {"kind": kind, "x1": nodes[a]["x"], "y1": nodes[a]["y"], "x2": nodes[b]["x"], "y2": nodes[b]["y"]}
                )
    return {
        "cluster": cluster["cluster"],
        "size": size,
        "nodes": list(nodes.values()),
        "edges": edges,
        "members": cluster["size"],
        "cohesion": cluster["cohesion"],
        "hidden": len(cluster["villages"]) - len(villages),
    }


def load_chart(helpers: list[Row], width: int = 640, row_height: int = 22, label_width: int = 200) -> Row:
    """A pairing plan's helpers: villages carried before (grey) and after (green) the plan, on one
    scale with each helper's maximum marked.

    >>> chart = load_chart([{"helper_uid": "org:a", "helper": "甲", "load_before": 1, "load_after": 3, "maximum": 4}])
    >>> [(b["before_w"], b["after_w"], b["maximum_x"]) for b in chart["bars"]], chart["height"]
    ([(80.0, 240.0, 520.0)], 44)
    """
    most = max((max(h["load_after"], h["maximum"]) for h in helpers), default=0)
    room = width - label_width - 120
    bars = []
    for i, helper in enumerate(helpers):
        bars.append(
            {
                "uid": helper["helper_uid"],
                "name": helper["helper"],
                "y": i * row_height + 4,
                "before": helper["load_before"],
                "after": helper["load_after"],
                "maximum": helper["maximum"],
                "before_w": bar_width(helper["load_before"], most, room),
                "after_w": bar_width(helper["load_after"], most, room),
                "maximum_x": round(label_width + bar_width(helper["maximum"], most, room), 1),
            }
        )
    return {"width": width, "height": max(len(bars), 1) * row_height + 22, "label_width": label_width, "bars": bars}
