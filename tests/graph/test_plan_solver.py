"""The pairing plan's solver without a database: hand-made areas where greedy is provably worse, and
seeded random small instances checked against brute force (every assignment enumerated)."""

from __future__ import annotations

import doctest
import itertools
import random
from collections import Counter

import pytest

from graph.analyses import plan
from graph.analyses.plan import Arc, Demand, Problem, Supply, assignment_cost, fix_choices, greedy, solve
from graph.errors import InvalidInput


def test_plan_helpers_do_what_their_examples_say() -> None:
    failures, tried = doctest.testmod(plan)
    assert tried > 0 and failures == 0


def area(helpers: dict[str, tuple[int, int]], arcs: list[tuple[str, str, int]], per_village: int = 1) -> Problem:
    """A problem from (helper → (load, maximum)) and (village, helper, cost) triples."""
    villages = sorted({v for v, _, _ in arcs} | {v for v, _, _ in arcs})
    return Problem(
        [Demand(v, v) for v in villages],
        {uid: Supply(uid, uid, load=load, maximum=most) for uid, (load, most) in helpers.items()},
        [Arc(v, h, cost) for v, h, cost in arcs],
        per_village,
    )


def within_capacity(problem: Problem, chosen: list[Arc]) -> bool:
    added = Counter(a.helper for a in chosen)
    per_village = Counter(a.village for a in chosen)
    return all(n <= problem.helpers[h].capacity_left for h, n in added.items()) and all(
        n <= problem.need(v) for v, n in per_village.items()
    )


def brute_force(problem: Problem) -> tuple[int, int]:
    """(places covered, least cost among assignments covering that many), over every assignment."""
    options = []
    for village in problem.villages:
        arcs = [a for a in problem.arcs if a.village == village.uid]
        choices = [
            list(combo) for k in range(problem.need(village.uid) + 1) for combo in itertools.combinations(arcs, k)
        ]
        options.append(choices)
    best: tuple[int, int] | None = None
    for picks in itertools.product(*options):
        chosen = [a for pick in picks for a in pick]
        if not within_capacity(problem, chosen):
            continue
        key = (-len(chosen), assignment_cost(problem, chosen))
        if best is None or key < best:
            best = key
    assert best is not None
    return -best[0], best[1]


def test_greedy_leaves_a_village_out_that_the_plan_covers_when_every_village_wants_one_helper() -> None:
    # 甲 is everybody's best helper but has room for one; 村2 has nobody else.
    problem = area({"甲": (0, 1), "乙": (0, 3)}, [("村1", "甲", 1000), ("村1", "乙", 5000), ("村2", "甲", 2000)])
    planned, baseline = solve(problem), greedy(problem)
    assert baseline.villages_covered == 1 and baseline.short == {"村2": "plan.capacity_taken"}
    assert planned.villages_covered == 2 and planned.short == {}
    assert {(a.village, a.helper) for a in planned.chosen} == {("村1", "乙"), ("村2", "甲")}


def test_greedy_costs_more_than_the_plan_when_both_cover_every_village() -> None:
    # 村1 comes first and takes 甲 (1 cheaper for it); 村2 then pays 6 more for 乙.
    problem = area(
        {"甲": (0, 1), "乙": (0, 1)},
        [("村1", "甲", 1000), ("村1", "乙", 2000), ("村2", "甲", 1000), ("村2", "乙", 7000)],
    )
    planned, baseline = solve(problem), greedy(problem)
    assert planned.villages_covered == baseline.villages_covered == 2
    assert planned.cost < baseline.cost
    assert planned.cost == brute_force(problem)[1]


def test_the_load_cost_spreads_villages_over_helpers_that_fit_equally() -> None:
    problem = area(
        {"甲": (0, 4), "乙": (0, 4)}, [(v, h, 1000) for v in ("村1", "村2", "村3", "村4") for h in ("甲", "乙")]
    )
    planned = solve(problem)
    assert Counter(a.helper for a in planned.chosen) == {"甲": 2, "乙": 2}
    assert planned.largest_load(problem.helpers) == 2


@pytest.mark.parametrize(
    ("arcs", "helpers", "reason"),
    [
        ([], {"甲": (0, 1)}, "plan.no_candidate"),
        ([("村1", "甲", 1000)], {"甲": (3, 3)}, "plan.candidates_full"),
    ],
)
def test_a_village_the_plan_cannot_cover_is_reported_with_its_reason(arcs, helpers, reason) -> None:
    problem = Problem(
        [Demand("村1", "村1")],
        {uid: Supply(uid, load=load, maximum=most) for uid, (load, most) in helpers.items()},
        [Arc(v, h, c) for v, h, c in arcs],
    )
    assert solve(problem).short == {"村1": reason}


def random_problem(rng: random.Random, per_village: int) -> Problem:
    helpers = {
        f"h{i}": Supply(f"h{i}", load=rng.randint(0, 3), maximum=rng.randint(1, 4)) for i in range(rng.randint(1, 4))
    }
    villages = [Demand(f"v{i}") for i in range(rng.randint(1, 5))]
    arcs = [Arc(v.uid, h, rng.randint(-2000, 12000)) for v in villages for h in helpers if rng.random() < 0.6]
    return Problem(villages, helpers, arcs, per_village, load_weight=rng.choice([0.0, 1.0, 2.0, 5.0]))


@pytest.mark.parametrize("seed", range(150))
def test_the_plan_equals_brute_force_on_random_small_areas_and_respects_every_capacity(seed: int) -> None:
    rng = random.Random(seed)
    problem = random_problem(rng, per_village=1 if seed % 3 else 2)
    planned = solve(problem)
    covered, cost = brute_force(problem)
    assert len(planned.chosen) == covered
    assert planned.cost == cost
    assert within_capacity(problem, planned.chosen)
    assert len({(a.village, a.helper) for a in planned.chosen}) == len(planned.chosen)
    served = Counter(a.village for a in planned.chosen)
    assert set(planned.short) == {v.uid for v in problem.villages if served[v.uid] < problem.need(v.uid)}
    baseline = greedy(problem)
    assert within_capacity(problem, baseline.chosen)
    assert (len(baseline.chosen), -baseline.cost) <= (len(planned.chosen), -planned.cost)


def test_fixing_a_pair_solves_around_it_and_skipping_a_village_leaves_it_out() -> None:
    problem = area(
        {"甲": (0, 2), "乙": (0, 1)},
        [("村1", "甲", 1000), ("村1", "乙", 3000), ("村2", "甲", 1000), ("村3", "乙", 1000)],
    )
    rest, taken = fix_choices(problem, [("村1", "乙")], ["村3"])
    assert [(a.village, a.helper) for a in taken] == [("村1", "乙")]
    assert [v.uid for v in rest.villages] == ["村2"]
    assert rest.helpers["乙"].capacity_left == 0
    assert [(a.village, a.helper) for a in solve(rest).chosen] == [("村2", "甲")]
    with pytest.raises(InvalidInput) as refused:
        fix_choices(problem, [("村2", "乙")], [])
    assert refused.value.code == "plan.fixed_not_candidate"


def test_fixing_one_of_two_helpers_leaves_the_village_wanting_one_more() -> None:
    problem = area({"甲": (0, 2), "乙": (0, 2), "丙": (0, 2)}, [("村1", h, 1000) for h in ("甲", "乙", "丙")], 2)
    rest, _ = fix_choices(problem, [("村1", "丙")], [])
    assert rest.need("村1") == 1
    assert len(solve(rest).chosen) == 1 and solve(rest).chosen[0].helper != "丙"


def test_the_candidate_graph_keeps_linked_helpers_with_room_and_stays_small() -> None:
    from graph.analyses.plan import Weights, candidate_arcs

    village = Demand("v1", town_code="310151102", district_code="310151", needs=("medical",))
    helpers = {
        "full": Supply("full", towns=frozenset({"310151102"}), districts=frozenset({"310151"}), load=5, maximum=5),
        "before": Supply("before"),
        **{
            f"city{i}": Supply(f"city{i}", districts=frozenset({f"3101{i:02d}"}), load=i % 5, maximum=5)
            for i in range(60)
            if i != 51  # 310151 is the village's own district
        },
        **{f"idle{i}": Supply(f"idle{i}", load=0, maximum=5) for i in range(30)},
    }
    arcs = candidate_arcs([village], helpers, {("before", "v1")}, {}, Weights(), candidates=10)
    kept = {a.helper for a in arcs}
    assert "full" not in kept  # no room: it could take nothing
    assert "before" in kept  # paired with the village before
    assert len(arcs) <= 20  # 10 linked + 10 idle, not every unit of the city
    city_kept = [a for a in arcs if a.helper.startswith("city")]
    assert city_kept and all(a.same_city and a.cost == 9000 for a in city_kept)
