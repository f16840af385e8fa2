"""The demo data set: the example registers in ``data/examples`` (Shanghai 崇明区 and Fujian 城厢区).

The villages and codes are real; helpers, persons, pairings and projects are invented. The rows that
are wrong on purpose (to show the rejects report) are rejected as in any other load.
"""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from graph.settings import Settings
from loaders import gazetteer, register
from loaders.places import PlaceIndex

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
DEMO_PROVINCES = ("31", "35")  # the provinces the example registers are about


def load_demo(driver: Driver, settings: Settings) -> str:
    """Load the example registers (good rows) and return a one-line summary.

    The gazetteer of ``DEMO_PROVINCES`` must already be in the graph (``revkg up`` loads it first).
    """
    index = PlaceIndex.from_gazetteer(gazetteer.ensure_downloaded(settings.home / "gazetteer"), DEMO_PROVINCES)
    report = register.load(driver, register.expand([EXAMPLES]), index, database=settings.neo4j_database)
    return f"registers: {report.summary()} (the rejected rows are deliberate examples)"
