"""Warm on arrival: what the first requests need, done before the API says it is ready.

A cold start pays three bills on the first request of each kind: Neo4j plans every query the first
time it sees it (a second or more for the big analyses) and reads its pages from disk, Python imports
and compiles what the route uses (templates, pinyin, the place index), and the console keeps nothing
yet. ``warm_up`` runs the pages planners open first — the overview, a province, the district with
the most weak villages and its pairing plan, its first uncovered village's suggestions and page, a
search with hits and one without, the upload's place index — on the graph as it is, so the plans, the page cache and the
process are warm when the first person arrives. Nothing is written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from neo4j import Driver

from graph import analyses
from graph.errors import RevkgError

logger = logging.getLogger("revkg.warm")

# A search for a name nothing has: the path of the first "no hit" search (fulltext and pinyin).
NO_HIT = "无此地名"
TEMPLATES = (
    "overview.html",
    "district.html",
    "village.html",
    "_suggestions.html",
    "plan.html",
    "find.html",
    "error.html",
)


@dataclass
class Warmed:
    """What was warmed and how long each step took (seconds), for the CLI's Ready line and the logs."""

    steps: dict[str, float] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return sum(self.steps.values())

    def step(self, name: str, work: Callable[[], Any]) -> Any:
        began = time.perf_counter()
        try:
            return work()
        except (RevkgError, OSError, ValueError) as exc:  # a graph without data still serves
            self.failed[name] = str(exc)
            logger.warning("warm-up step %s failed: %s", name, exc)
            return None
        finally:
            self.steps[name] = time.perf_counter() - began


def _largest(rows: list[dict[str, Any]] | None) -> str | None:
    """The code of the row with the most weak villages (ties: the first code), or None."""
    ranked = sorted(rows or [], key=lambda r: (-(r.get("weak_villages") or 0), r["code"]))
    return ranked[0]["code"] if ranked and ranked[0].get("weak_villages") else None


def warm_up(driver: Driver, database: str = "neo4j", app_state: Any = None) -> Warmed:
    """Open, in-process, the pages planners open first (see the module's docstring).

    Args:
        app_state: the FastAPI app's state, to keep the upload's place index on (None: not built).
    """
    from api.console import pages
    from api.console.routes import templates
    from api.places import place_index_for
    from graph.settings import get_settings

    warmed = Warmed()
    today = date.today()
    warmed.step("templates", lambda: [templates.get_template(name) for name in TEMPLATES])
    provinces = warmed.step("overview", lambda: pages.overview(driver, None, None, database))
    province = _largest(provinces["rows"] if provinces else None)
    district = None
    if province is not None:
        area = warmed.step("province", lambda: pages.overview(driver, province, None, database))
        rows = area["rows"] if area else []
        if area and area["child"] == "city":  # a province of cities: its largest city's districts
            city = _largest(rows)
            area = warmed.step("city", lambda: pages.overview(driver, city, None, database)) if city else None
            rows = area["rows"] if area else []
        district = _largest(rows)
    if district is not None:
        page = warmed.step("district", lambda: pages.district(driver, district, None, database))
        village = next((v["code"] for v in (page or {}).get("uncovered", []) if v.get("code")), None)
        if village is not None:
            warmed.step("suggestions", lambda: pages.suggestions(driver, village, None, database))
            warmed.step("village", lambda: pages.village(driver, village, None, database))
        warmed.step("clusters", lambda: pages.clusters(driver, district, today, database))
        # The district page links its pairing plan: the plan's reads and the solver's imports, once.
        warmed.step("plan", lambda: pages.plan(driver, district, None, analyses.CAPACITY, [], [], database))
        warmed.step(
            "district downloads", lambda: analyses.uncovered_weak_villages(driver, None, district, database=database)
        )
    warmed.step("search", lambda: pages.find(driver, "村", database))
    warmed.step("search without hits", lambda: pages.find(driver, NO_HIT, database))
    warmed.step("pinyin search", lambda: pages.find(driver, "cun", database))
    if app_state is not None:
        warmed.step("place index", lambda: place_index_for(app_state, driver, get_settings()))
    logger.info("warmed in %.1f s: %s", warmed.seconds, ", ".join(f"{k} {v:.2f}s" for k, v in warmed.steps.items()))
    return warmed
