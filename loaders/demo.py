"""The demo data set: the example registers in ``data/examples`` (Shanghai 崇明区 and Fujian 城厢区)
and, when the checkout has ``../shared/corpus`` beside it, the five real reports there.

The villages and codes are real; helpers, persons, pairings and projects are invented. The rows that
are wrong on purpose (to show the rejects report) are rejected as in any other load.
"""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from graph.assets import demo_dir
from graph.messages import say
from graph.settings import Settings
from loaders import files, register, reports
from loaders.places import PlaceIndex

EXAMPLES = demo_dir()
# Only a checkout has the corpus beside it; an installed revkg loads the example registers alone.
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEMO_PROVINCES = ("31", "35")  # the provinces the example registers are about


def load_demo(driver: Driver, settings: Settings, provinces: list[str] | None = None) -> str:
    """Load the example registers (good rows) and the corpus reports; return a one-line summary.

    ``provinces`` are the gazetteer's provinces in the graph (``None``: all of China); names are
    resolved only against those of ``DEMO_PROVINCES`` among them, so a smaller ``revkg up
    --provinces 31`` rejects the Fujian rows instead of pointing at villages the graph lacks.
    """
    wanted = [p for p in DEMO_PROVINCES if provinces is None or p in provinces]
    if not wanted:
        return f"skipped: the demo is about provinces {', '.join(DEMO_PROVINCES)}, and none of them is loaded"
    index = PlaceIndex.for_home(settings.home, wanted)
    report = register.load(
        driver, files.expand([EXAMPLES], register.EXTENSIONS), index, database=settings.neo4j_database
    )
    summary = say("register.demo", summary=report.summary())
    if CORPUS.is_dir():
        loaded = reports.load(driver, sorted(CORPUS.glob("*.txt")), index, database=settings.neo4j_database)
        summary += f"；{loaded.summary()}"
    return summary
