"""The demo data set: the example registers in ``data/examples`` (Shanghai 崇明区 and Fujian 城厢区)
and, when the checkout has ``../shared/corpus`` beside it, the five real reports there.

The villages and codes are real; helpers, persons, pairings and projects are invented. The rows that
are wrong on purpose (to show the rejects report) are rejected as in any other load.
"""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from graph.settings import Settings
from loaders import gazetteer, register, reports
from loaders.places import PlaceIndex

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "data" / "examples"
CORPUS = REPO.parent / "shared" / "corpus"
DEMO_PROVINCES = ("31", "35")  # the provinces the example registers are about


def load_demo(driver: Driver, settings: Settings) -> str:
    """Load the example registers (good rows) and return a one-line summary.

    The gazetteer of ``DEMO_PROVINCES`` must already be in the graph (``revkg up`` loads it first).
    """
    index = PlaceIndex.from_gazetteer(gazetteer.ensure_downloaded(settings.home / "gazetteer"), DEMO_PROVINCES)
    report = register.load(driver, register.expand([EXAMPLES]), index, database=settings.neo4j_database)
    summary = f"registers: {report.summary()} (the rejected rows are deliberate examples)"
    if CORPUS.is_dir():
        loaded = reports.load(driver, sorted(CORPUS.glob("*.txt")), index, database=settings.neo4j_database)
        summary += f"; reports: {loaded.summary()}"
    return summary
