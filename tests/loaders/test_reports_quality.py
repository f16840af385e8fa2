"""Extraction quality: the five corpus reports against hand-written gold (tests/loaders/gold/), the
twenty development reports against ``../shared/corpus-dev/gold.json`` (held to the goals, also renamed),
and the twenty further ones in ``more/`` (held to the hard lines and to floors until they reach the goals).

Floors are set just under what the extractor measured when they were written; the two hard
lines — no village given a wrong code, no reporter taken for a leader — are exact.
Print the figures with ``python -m loaders.reports_eval -v``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.places import PlaceIndex
from loaders.reports_eval import DEFAULT_DEV, DEFAULT_GOLD, DevEvaluation, Evaluation, evaluate, evaluate_dev
from tests.conftest import CORPUS, TEST_PROVINCES

FLOORS = {  # category: (precision, recall)
    "districts": (1.0, 1.0),
    "towns": (0.95, 0.8),
    "villages": (1.0, 0.9),
    "units": (0.85, 0.9),
    "party_orgs": (1.0, 0.95),
    "persons": (1.0, 1.0),
    "pairings": (0.95, 0.85),
    "amounts": (0.75, 0.85),
    "claims": (0.75, 0.75),
}


@pytest.fixture(scope="module")
def evaluation(gazetteer_dir: Path) -> Evaluation:
    index = PlaceIndex.from_gazetteer(gazetteer_dir, TEST_PROVINCES)
    return evaluate(index, CORPUS, DEFAULT_GOLD)


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_extraction_meets_precision_and_recall_floor(evaluation: Evaluation, category: str) -> None:
    score = evaluation.scores[category]
    precision, recall = FLOORS[category]
    assert score.precision >= precision, (category, score)
    assert score.recall >= recall, (category, score)


def test_no_village_is_given_a_wrong_code(evaluation: Evaluation) -> None:
    assert evaluation.wrong_codes == []


def test_no_reporter_or_author_is_taken_for_a_leader(evaluation: Evaluation) -> None:
    assert evaluation.reporters_as_leaders == []


def test_every_gold_pairing_recipient_is_found_with_code_or_flag(evaluation: Evaluation) -> None:
    # Misses allowed only where the helper is a collective the rules do not name as a unit.
    missed = [m for m in evaluation.misses if " pairings: " in m]
    assert len(missed) <= 2, missed


# --- the development reports (../shared/corpus-dev, nineteen provinces) -----------------------------

DEV_GOALS = {"links": (0.95, 0.90), "people": (0.95, 0.90)}  # the goals the reports issue set


@pytest.fixture(scope="module")
def dev_evaluation(gazetteer_dir: Path) -> DevEvaluation:
    return evaluate_dev(PlaceIndex.from_gazetteer(gazetteer_dir, None), DEFAULT_DEV)


@pytest.mark.parametrize("category", sorted(DEV_GOALS))
def test_development_reports_meet_the_goals(dev_evaluation: DevEvaluation, category: str) -> None:
    score = dev_evaluation.scores[category]
    precision, recall = DEV_GOALS[category]
    assert score.precision >= precision, (category, score, dev_evaluation.extras)
    assert score.recall >= recall, (category, score, dev_evaluation.misses)


def test_development_reports_give_no_village_a_wrong_code(dev_evaluation: DevEvaluation) -> None:
    assert dev_evaluation.wrong_codes == []


def test_development_reports_take_no_byline_for_a_leader(dev_evaluation: DevEvaluation) -> None:
    assert dev_evaluation.bylines_as_leaders == []


@pytest.fixture(scope="module")
def renamed_dev_evaluation(gazetteer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> DevEvaluation:
    from loaders.dev_renaming import renamed_copy

    index = PlaceIndex.from_gazetteer(gazetteer_dir, None)
    out = tmp_path_factory.mktemp("renamed")
    renamed = renamed_copy(index, DEFAULT_DEV, out, seed=7)
    # the copy really differs from the original
    assert renamed.units >= 10 and renamed.villages >= 40 and renamed.people >= 25 and renamed.lists >= 1, renamed
    return evaluate_dev(index, out)


@pytest.mark.parametrize("category", ["links", "people"])
def test_development_reports_meet_the_goals_with_villages_and_people_renamed(
    renamed_dev_evaluation: DevEvaluation, category: str
) -> None:
    score = renamed_dev_evaluation.scores[category]
    assert score.precision >= 0.95, (category, score, renamed_dev_evaluation.extras)
    assert score.recall >= 0.90, (category, score, renamed_dev_evaluation.misses)


# --- the twenty further development reports (more/): the hard lines now, the goals once reached -------


@pytest.fixture(scope="module")
def more_evaluation(gazetteer_dir: Path) -> DevEvaluation:
    return evaluate_dev(PlaceIndex.from_gazetteer(gazetteer_dir, None), DEFAULT_DEV / "more")


def test_further_development_reports_give_no_village_a_wrong_code(more_evaluation: DevEvaluation) -> None:
    assert more_evaluation.wrong_codes == []


def test_further_development_reports_take_no_byline_for_a_leader(more_evaluation: DevEvaluation) -> None:
    assert more_evaluation.bylines_as_leaders == []


def test_further_development_reports_meet_the_people_goals(more_evaluation: DevEvaluation) -> None:
    # People reached the goals on more/ (1.00 / 0.97 when written); links have not yet (the test below).
    people = more_evaluation.scores["people"]
    assert people.precision >= 0.95 and people.recall >= 0.90, (people, more_evaluation.misses)


def test_further_development_reports_stay_above_where_the_links_round_brought_them(
    more_evaluation: DevEvaluation,
) -> None:
    # Floors just under the measured links (0.91 / 0.89 after the western round of 2026-12-07); the goals
    # (0.95 / 0.90) are not reached on these twenty alone, so they are not in the goal tests above.
    links = more_evaluation.scores["links"]
    assert links.precision >= 0.88 and links.recall >= 0.86, (links, more_evaluation.misses)
