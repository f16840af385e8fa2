"""Every loader run twice leaves an identical graph: counts and a checksum of every property.

The gazetteer is compared over the whole graph; registers and reports over every node and
relationship they can touch (``graph_sum(facts_only=True)``; totals still cover the whole graph).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from loaders import gazetteer, register, reports
from loaders.places import PlaceIndex
from tests.conftest import CORPUS, REPO
from tests.reliability.graphsum import graph_sum

pytestmark = pytest.mark.neo4j
EXAMPLES = sorted(register.expand([REPO / "data" / "examples"]))


def test_gazetteer_loaded_again_leaves_the_whole_graph_identical(graph: Driver, gazetteer_dir: Path) -> None:
    # The fixture's graph holds a first load of the test provinces; load Shanghai once more on top.
    before = graph_sum(graph)
    again = gazetteer.load(graph, gazetteer_dir, ["31"])
    assert graph_sum(graph) == before
    assert again.writes.nodes_created == 0 and again.writes.relationships_created == 0


def test_example_registers_cover_every_register_kind(index: PlaceIndex) -> None:
    kinds = {summary.kind for path in EXAMPLES for summary in register.prepare(path, index)[1].sheets}
    assert kinds == set(register.KINDS)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_each_register_loaded_twice_leaves_an_identical_graph(graph: Driver, index: PlaceIndex, path: Path) -> None:
    first = register.load(graph, [path], index)
    assert first.loaded() > 0
    after_first = graph_sum(graph, facts_only=True)
    register.load(graph, [path], index)
    assert graph_sum(graph, facts_only=True) == after_first


def test_reports_loaded_twice_even_forced_leave_an_identical_graph(graph: Driver, index: PlaceIndex) -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    assert reports.load(graph, paths, index).written
    after_first = graph_sum(graph, facts_only=True)
    assert len(reports.load(graph, paths, index).unchanged) == len(paths)
    assert graph_sum(graph, facts_only=True) == after_first
    reports.load(graph, paths, index, force=True)
    assert graph_sum(graph, facts_only=True) == after_first
