"""The pairing plan: every uncovered weak village of an area assigned at once, under each helper's
capacity, at the least total cost — a minimum-cost flow, solved exactly with networkx.

Two halves, kept apart so the solver is tested against brute force without a database:

- the pure model (``Demand``, ``Supply``, ``Arc``, ``Problem``, ``solve``, ``greedy``, ``candidate_arcs``):
  plain data in, an assignment out;
- the reads (``pairing_plan``): the named queries of ``cypher/plan/`` gather the demand, the supply
  and what links them, then build the problem and answer with rows a planner reads.

The flow network: source → each helper by parallel arcs, one per free place (the k-th costs the
load the helper carries after taking it, so the arcs rise in cost and work spreads) → each
candidate village (the pair's cost) → sink (``helpers_per_village`` per village), beside a bypass
from source to sink dearer than any path through a helper: networkx's network simplex covers as
many places as the capacities allow, then takes the cheapest such assignment. Costs are integers
(thousandths of a point), so the simplex is exact.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import networkx as nx
from neo4j import Driver

from graph.analyses.common import Row
from graph.analyses.suggestions import CAPACITY, reasons
from graph.errors import InvalidInput, NotFound
from graph.messages import say
from graph.records import read

# What the plan costs are made of (points; lower is better). Every assignment starts at BASE and
# earns back what makes the helper a good fit; the k-th village a helper takes in the plan costs
# LOAD_WEIGHT × (its villages after taking it) / its maximum, so a helper filling up grows dearer.
BASE = 10.0
SAME_TOWN = 3.0  # the helper already has a pairing in force in the village's town
SAME_DISTRICT = 2.0  # … else in its district
SAME_CITY = 1.0  # … else in its city
PREVIOUS_PAIRING = 2.0  # the helper was paired with this village before (the pairing has ended)
RESOURCE_MATCH = 1.5  # per resource category the helper provides that the village's projects use
DISTANCE = 2.0  # divided by the hops between helper and village in the graph (pairings, projects, posts)
LOAD_WEIGHT = 2.0
MAX_HOPS = 4
# Arcs per village: its best CANDIDATES linked helpers by cost, and the CANDIDATES idle helpers of
# the supply with the most room (so a village nobody is near still has somewhere to go).
CANDIDATES = 10
# Costs are kept in thousandths of a point: integers, so the network simplex is exact.
SCALE = 1000

Scope = Literal["district", "city", "province"]


@dataclass(frozen=True)
class Weights:
    """The cost components' weights (points); the defaults are the module's constants."""

    base: float = BASE
    same_town: float = SAME_TOWN
    same_district: float = SAME_DISTRICT
    same_city: float = SAME_CITY
    previous_pairing: float = PREVIOUS_PAIRING
    resource_match: float = RESOURCE_MATCH
    distance: float = DISTANCE
    load: float = LOAD_WEIGHT


@dataclass(frozen=True)
class Demand:
    """An uncovered weak village: where it is and what its projects (or its town's) use."""

    uid: str
    name: str = ""
    code: str | None = None
    town_code: str | None = None
    town: str | None = None
    district_code: str | None = None
    district: str | None = None
    needs: tuple[str, ...] = ()

    @property
    def city_code(self) -> str | None:
        return self.district_code[:4] if self.district_code else None


@dataclass(frozen=True)
class Supply:
    """A helper: the villages it carries on the day, its maximum, and where it is active."""

    uid: str
    name: str = ""
    kind: str | None = None
    load: int = 0
    maximum: int = CAPACITY
    towns: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    @property
    def capacity_left(self) -> int:
        return max(0, self.maximum - self.load)

    @property
    def cities(self) -> frozenset[str]:
        return frozenset(d[:4] for d in self.districts)


@dataclass(frozen=True)
class Arc:
    """A (helper, village) pair the plan may choose, with the components of its cost."""

    village: str
    helper: str
    cost: int  # thousandths of a point, without the load
    same_town: bool = False
    same_district: bool = False
    same_city: bool = False
    previous: bool = False
    resource_matches: tuple[str, ...] = ()
    hops: int | None = None


@dataclass(frozen=True)
class Problem:
    """What the solver needs: villages wanting ``per_village`` helpers each, helpers, the arcs between."""

    villages: Sequence[Demand]
    helpers: Mapping[str, Supply]
    arcs: Sequence[Arc]
    per_village: int = 1
    load_weight: float = LOAD_WEIGHT
    # villages that want fewer than per_village (a planner fixed some of their helpers)
    demands: Mapping[str, int] = field(default_factory=dict)

    def need(self, village: str) -> int:
        """How many helpers ``village`` still wants."""
        return self.demands.get(village, self.per_village)


@dataclass
class Solution:
    """An assignment: the arcs chosen, what it costs, and the villages left short with the reason."""

    chosen: list[Arc]
    cost: int
    short: dict[str, str] = field(default_factory=dict)  # village uid → message code of the reason
    added: Counter[str] = field(default_factory=Counter)  # helper uid → villages the plan gives it

    @property
    def villages_covered(self) -> int:
        return len({a.village for a in self.chosen})

    def largest_load(self, helpers: Mapping[str, Supply]) -> int:
        """The most villages one helper carries after the assignment (among the helpers it uses)."""
        return max((helpers[h].load + n for h, n in self.added.items()), default=0)


def slot_cost(helper: Supply, k: int, load_weight: float = LOAD_WEIGHT) -> int:
    """The cost of the ``k``-th village (1, 2 …) the plan gives ``helper``: its load after taking it.

    Strictly rising in ``k``, so the cheapest ``m`` slots are always the first ``m``.

    >>> h = Supply("org:a", load=1, maximum=4)
    >>> [slot_cost(h, k) for k in (1, 2, 3)]
    [1000, 1500, 2000]
    """
    return round(load_weight * (helper.load + k) / max(helper.maximum, 1) * SCALE)


def load_cost(helper: Supply, added: int, load_weight: float = LOAD_WEIGHT) -> int:
    """What ``added`` more villages cost ``helper`` in load: its first ``added`` slots."""
    return sum(slot_cost(helper, k, load_weight) for k in range(1, added + 1))


def assignment_cost(problem: Problem, chosen: Iterable[Arc]) -> int:
    """The plan's objective for an assignment: the pairs' costs plus each helper's load slots."""
    chosen = list(chosen)
    added = Counter(a.helper for a in chosen)
    return sum(a.cost for a in chosen) + sum(
        load_cost(problem.helpers[h], n, problem.load_weight) for h, n in added.items()
    )


def _why_short(problem: Problem, village: str, arcs_by_village: Mapping[str, list[Arc]]) -> str:
    arcs = arcs_by_village.get(village, [])
    if not arcs:
        return "plan.no_candidate"
    if all(problem.helpers[a.helper].capacity_left == 0 for a in arcs):
        return "plan.candidates_full"
    return "plan.capacity_taken"


def solve(problem: Problem) -> Solution:
    """The assignment covering the most village places, and among those the cheapest (exact).

    Each village takes at most its need (``per_village``), each helper at most its
    ``capacity_left`` villages and each village once. The candidate graph falls apart into groups of
    helpers and villages no arc joins; each is solved on its own (the network simplex grows faster
    than linearly with its size).
    """
    arcs = [a for a in problem.arcs if problem.helpers[a.helper].capacity_left > 0]
    links = nx.Graph()
    links.add_edges_from((("helper", a.helper), ("village", a.village)) for a in arcs)
    part_of = {
        node: i for i, nodes in enumerate(nx.connected_components(links)) for node in nodes if node[0] == "village"
    }
    parts: dict[int, list[Arc]] = defaultdict(list)
    for arc in arcs:
        parts[part_of[("village", arc.village)]].append(arc)
    chosen = [arc for i in sorted(parts) for arc in _cheapest_most(problem, parts[i])]
    chosen.sort(key=lambda a: (a.village, a.cost, a.helper))
    return _solution(problem, chosen)


def _cheapest_most(problem: Problem, arcs: list[Arc]) -> list[Arc]:
    """The arcs of a min-cost flow that covers as many places as ``arcs`` allow.

    The network: source → the helper, once per free place, the k-th costing its ``slot_cost`` →
    each candidate village (the pair's cost) → sink (the village's need). A bypass from source to
    sink carries whatever cannot be covered, at a cost above any path through the helpers, so the
    network simplex covers the most places first and, among those, finds the least cost.
    """
    source, sink = ("source",), ("sink",)
    net = nx.MultiDiGraph()
    villages = sorted({a.village for a in arcs})
    places = sum(problem.need(v) for v in villages)
    net.add_node(source, demand=-places)
    net.add_node(sink, demand=places)
    # a helper never takes more villages than it has arcs to: slots beyond those are dead weight
    arcs_of = Counter(a.helper for a in arcs)
    dearest = 1
    for uid in sorted(arcs_of):
        helper = problem.helpers[uid]
        for k in range(1, min(helper.capacity_left, arcs_of[uid]) + 1):
            cost = slot_cost(helper, k, problem.load_weight)
            net.add_edge(source, ("helper", uid), capacity=1, weight=cost)
            dearest += abs(cost)
    for arc in arcs:
        net.add_edge(("helper", arc.helper), ("village", arc.village), capacity=1, weight=arc.cost)
        dearest += abs(arc.cost)
    for village in villages:
        net.add_edge(("village", village), sink, capacity=problem.need(village), weight=0)
    net.add_edge(source, sink, capacity=places, weight=dearest)
    _, flow = nx.network_simplex(net)
    by_pair = {(a.helper, a.village): a for a in arcs}
    return [
        by_pair[(node[1], target[1])]
        for node, targets in flow.items()
        if node[0] == "helper"
        for target, keyed in targets.items()
        if sum(keyed.values()) > 0
    ]


def greedy(problem: Problem) -> Solution:
    """The baseline: each village in turn takes its best suggestion with room left (the pair's cost
    plus the load it adds), as a planner taking the first suggestion village by village would."""
    arcs_by_village = _arcs_by_village(problem)
    added: Counter[str] = Counter()
    chosen: list[Arc] = []
    for village in problem.villages:
        taken: set[str] = set()
        for _ in range(problem.need(village.uid)):
            open_arcs = [
                a
                for a in arcs_by_village.get(village.uid, [])
                if a.helper not in taken and added[a.helper] < problem.helpers[a.helper].capacity_left
            ]
            if not open_arcs:
                break
            best = min(
                open_arcs,
                key=lambda a: (
                    a.cost + slot_cost(problem.helpers[a.helper], added[a.helper] + 1, problem.load_weight),
                    a.helper,
                ),
            )
            taken.add(best.helper)
            added[best.helper] += 1
            chosen.append(best)
    return _solution(problem, chosen)


def _arcs_by_village(problem: Problem) -> dict[str, list[Arc]]:
    grouped: dict[str, list[Arc]] = defaultdict(list)
    for arc in problem.arcs:
        grouped[arc.village].append(arc)
    return grouped


def _solution(problem: Problem, chosen: list[Arc]) -> Solution:
    arcs_by_village = _arcs_by_village(problem)
    per_village = Counter(a.village for a in chosen)
    short = {
        v.uid: _why_short(problem, v.uid, arcs_by_village)
        for v in problem.villages
        if per_village[v.uid] < problem.need(v.uid)
    }
    return Solution(chosen, assignment_cost(problem, chosen), short, Counter(a.helper for a in chosen))


def pair_arc(village: Demand, helper: Supply, previous: bool, hops: int | None, weights: Weights) -> Arc:
    """The (helper, village) arc with its cost from the named components.

    >>> v = Demand("v1", town_code="310151102", district_code="310151", needs=("medical",))
    >>> h = Supply("org:a", towns=frozenset({"310151102"}), districts=frozenset({"310151"}),
    ...            provides=frozenset({"medical", "funds"}))
    >>> arc = pair_arc(v, h, previous=False, hops=2, weights=Weights())
    >>> arc.cost, arc.same_town, arc.resource_matches
    (4500, True, ('medical',))
    """
    same_town = village.town_code is not None and village.town_code in helper.towns
    same_district = not same_town and village.district_code is not None and village.district_code in helper.districts
    same_city = (
        not same_town and not same_district and village.city_code is not None and village.city_code in helper.cities
    )
    matches = tuple(sorted(set(village.needs) & helper.provides))
    points = (
        weights.base
        - (weights.same_town if same_town else 0.0)
        - (weights.same_district if same_district else 0.0)
        - (weights.same_city if same_city else 0.0)
        - (weights.previous_pairing if previous else 0.0)
        - weights.resource_match * len(matches)
        - (weights.distance / hops if hops else 0.0)
    )
    return Arc(
        village.uid,
        helper.uid,
        round(points * SCALE),
        same_town,
        same_district,
        same_city,
        previous,
        matches,
        hops,
    )


def candidate_arcs(
    villages: Sequence[Demand],
    helpers: Mapping[str, Supply],
    previous: set[tuple[str, str]],
    hops: Mapping[tuple[str, str], int],
    weights: Weights,
    candidates: int = CANDIDATES,
) -> list[Arc]:
    """The candidate graph, kept small: per village its ``candidates`` cheapest helpers with room
    among those linked to it, and the ``candidates`` idle helpers with the most room. Helpers
    without room add no arc: they could take nothing.

    Linked: every helper paired with it before, near it in the graph, or active in its town; and
    the ``candidates`` with the most room of those active in its district, in its city, and
    providing each category it needs. Within one of these groups, helpers linked to the village in
    no other way cost the same but for their load, so the roomiest stand for the rest; this keeps a
    province's plan from weighing every unit of a city against every village.

    ``previous`` holds (helper, village) pairs whose pairing has ended; ``hops`` the graph distance
    of the pairs within reach.
    """
    open_helpers = {uid: h for uid, h in helpers.items() if h.capacity_left > 0}
    by_town: dict[str, set[str]] = defaultdict(set)
    grouped: dict[tuple[str, str], list[Supply]] = defaultdict(list)
    for uid, h in open_helpers.items():
        for code in h.towns:
            by_town[code].add(uid)
        for code in h.districts:
            grouped[("district", code)].append(h)
        for code in h.cities:
            grouped[("city", code)].append(h)
        for category in h.provides:
            grouped[("resource", category)].append(h)

    def roomiest(members: Iterable[Supply]) -> list[str]:
        ranked = sorted(members, key=lambda h: (slot_cost(h, 1, weights.load), h.name, h.uid))
        return [h.uid for h in ranked[:candidates]]

    firsts = {key: roomiest(members) for key, members in grouped.items()}
    near: dict[str, set[str]] = defaultdict(set)
    for helper, village in set(hops) | previous:
        if helper in open_helpers:
            near[village].add(helper)
    idle = roomiest(h for h in open_helpers.values() if not h.districts)
    arcs: list[Arc] = []
    for v in villages:
        linked = near[v.uid] | by_town.get(v.town_code or "", set())
        keys = [("district", v.district_code or ""), ("city", v.city_code or "")]
        for key in keys + [("resource", category) for category in v.needs]:
            linked = linked.union(firsts.get(key, ()))
        ranked = sorted(
            (
                pair_arc(v, open_helpers[uid], (uid, v.uid) in previous, hops.get((uid, v.uid)), weights)
                for uid in linked
            ),
            key=lambda a: (a.cost, a.helper),
        )
        kept = {a.helper: a for a in ranked[:candidates]}
        for uid in idle:
            if uid not in kept:
                kept[uid] = pair_arc(v, open_helpers[uid], False, None, weights)
        arcs.extend(sorted(kept.values(), key=lambda a: (a.cost, a.helper)))
    return arcs


def fix_choices(
    problem: Problem, fixed: Sequence[tuple[str, str]], skipped: Iterable[str]
) -> tuple[Problem, list[Arc]]:
    """The problem left once a planner has fixed some pairs and set some villages aside.

    A fixed (village, helper) pair is taken first: the helper's load rises by one and the village
    needs one helper fewer; a skipped village leaves the plan.

    Raises:
        InvalidInput: a fixed helper is not a candidate of its village, has no room, or is fixed twice.
    """
    skipped = set(skipped)
    by_pair = {(a.village, a.helper): a for a in problem.arcs}
    helpers = dict(problem.helpers)
    taken: list[Arc] = []
    wanted: Counter[str] = Counter()
    for village, helper in fixed:
        arc = by_pair.get((village, helper))
        if arc is None:
            raise InvalidInput(code="plan.fixed_not_candidate", village=village, helper=helper)
        if arc in taken:
            raise InvalidInput(code="plan.fixed_twice", village=village, helper=helper)
        if helpers[helper].capacity_left == 0:
            raise InvalidInput(code="plan.fixed_full", village=village, helper=helper)
        taken.append(arc)
        wanted[village] += 1
        old = helpers[helper]
        helpers[helper] = Supply(
            old.uid, old.name, old.kind, old.load + 1, old.maximum, old.towns, old.districts, old.provides
        )
        if wanted[village] > problem.per_village:
            raise InvalidInput(code="plan.fixed_too_many", village=village, most=problem.per_village)
    fixed_pairs = {(a.village, a.helper) for a in taken}
    villages = [v for v in problem.villages if v.uid not in skipped and wanted[v.uid] < problem.per_village]
    left = {v.uid for v in villages}
    arcs = [a for a in problem.arcs if a.village in left and (a.village, a.helper) not in fixed_pairs]
    demands = {v.uid: problem.per_village - wanted[v.uid] for v in villages if wanted[v.uid]}
    return Problem(villages, helpers, arcs, problem.per_village, problem.load_weight, demands), taken


# --- reads ------------------------------------------------------------------------------------


def _scope(driver: Driver, value: str, database: str) -> Row:
    rows = read(driver, "plan/scope", database, value=(value or "").strip())
    if not rows:
        raise NotFound(code="plan.scope_unknown", value=value)
    if len(rows) > 1:
        options = "、".join(f"{r['name']} {r['code']}" for r in rows)
        raise InvalidInput(code="plan.scope_ambiguous", value=value, options=options)
    return rows[0]


def read_capacity_csv(text: str) -> dict[str, int]:
    """Per-helper maximums from a CSV: a header with ``helper_uid`` (or 帮扶单位标识) and ``capacity``
    (or 上限), one helper a row.

    >>> read_capacity_csv("帮扶单位标识,上限\\norg:崇明区民政局,2\\n")
    {'org:崇明区民政局': 2}

    Raises:
        InvalidInput: a column is missing, or a row's limit is not a whole number from 0 up (with its row number).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = set(reader.fieldnames or [])
    uid_column = next((c for c in ("helper_uid", "帮扶单位标识") if c in fields), None)
    limit_column = next((c for c in ("capacity", "上限") if c in fields), None)
    if uid_column is None or limit_column is None:
        raise InvalidInput(code="plan.capacity_csv_columns")
    limits: dict[str, int] = {}
    for row_number, row in enumerate(reader, start=2):
        uid, value = (row.get(uid_column) or "").strip(), (row.get(limit_column) or "").strip()
        if not uid:
            continue
        if not value.isdigit():
            raise InvalidInput(code="plan.capacity_csv_value", row=row_number, value=value)
        limits[uid] = int(value)
    return limits


def parse_limits(values: Iterable[str]) -> dict[str, int]:
    """``kind=3`` / ``uid=2`` texts (the API's and CLI's repeated options) as a map.

    >>> parse_limits(["enterprise=3", " government = 2 "])
    {'enterprise': 3, 'government': 2}

    Raises:
        InvalidInput: a text is not ``name=number``.
    """
    limits = {}
    for value in values:
        name, sep, number = value.rpartition("=")
        if not sep or not name.strip() or not number.strip().isdigit():
            raise InvalidInput(code="plan.capacity_by_kind", value=value)
        limits[name.strip()] = int(number)
    return limits


def parse_pairs(values: Iterable[str]) -> list[tuple[str, str]]:
    """``village:helper`` texts as (village, helper) pairs; the helper uid may hold colons itself.

    >>> parse_pairs(["310151102217:org:崇明区教育局"])
    [('310151102217', 'org:崇明区教育局')]

    Raises:
        InvalidInput: a text has no ``:`` or an empty side.
    """
    pairs = []
    for value in values:
        village, sep, helper = value.partition(":")
        if not sep or not village.strip() or not helper.strip():
            raise InvalidInput(code="plan.fixed_form", value=value)
        pairs.append((village.strip(), helper.strip()))
    return pairs


@dataclass
class Plan:
    """The plan a planner reads: its rows, helpers, short villages, objective and the greedy comparison."""

    scope: Row
    parameters: Row
    rows: list[Row]
    helpers: list[Row]
    infeasible: list[Row]
    skipped: list[Row]
    objective: Row
    greedy: Row
    candidates: dict[str, list[Row]]

    def table(self) -> list[Row]:
        """The rows of a download: each assignment, then each village left short, its reason as the reasons.

        >>> Plan({}, {}, [{"village": "甲村"}], [], [{"village": "乙村", "reason": "候选帮扶单位均已满额"}],
        ...      [], {}, {}, {}).table()[1]["reasons"]
        ['候选帮扶单位均已满额']
        """
        return self.rows + [{**short, "reasons": [short["reason"]]} for short in self.infeasible]

    def as_dict(self) -> Row:
        return {
            "scope": self.scope,
            "parameters": self.parameters,
            "objective": self.objective,
            "greedy": self.greedy,
            "rows": self.rows,
            "helpers": self.helpers,
            "infeasible": self.infeasible,
            "skipped": self.skipped,
            "candidates": self.candidates,
        }


def build_problem(
    driver: Driver,
    scope: Row,
    as_of: date | None,
    capacity: int,
    capacity_by_kind: Mapping[str, int],
    capacity_by_helper: Mapping[str, int],
    helpers_per_village: int,
    candidates: int,
    weights: Weights,
    database: str,
    progress: Callable[[str], None] | None = None,
) -> Problem:
    """Read the scope's demand, its supply and what links them, and build the candidate graph."""
    stage = progress or (lambda _: None)
    districts = scope["districts"]
    stage("demand")
    demand_rows = read(driver, "plan/demand_villages", database, districts=districts, as_of=as_of)
    villages = [
        Demand(
            r["village_uid"],
            r["village"] or "",
            r["village_code"],
            r["town_code"],
            r["town"],
            r["district_code"],
            r["district"],
            tuple(r["needs"]),
        )
        for r in demand_rows
    ]
    stage("links")
    links = read(driver, "plan/village_links", database, villages=[v.uid for v in villages], as_of=as_of)
    previous = {(r["helper_uid"], r["village_uid"]) for r in links if r["previous"]}
    hops = {(r["helper_uid"], r["village_uid"]): r["hops"] for r in links if r["hops"] is not None}
    stage("supply")
    near = sorted({r["helper_uid"] for r in links})
    supply_rows = read(driver, "plan/supply_helpers", database, districts=districts, helpers=near, as_of=as_of)
    helpers: dict[str, Supply] = {}
    for r in supply_rows:
        maximum = capacity_by_helper.get(r["uid"], capacity_by_kind.get(r["kind"] or "", capacity))
        helpers[r["uid"]] = Supply(
            r["uid"],
            r["name"] or r["uid"],
            r["kind"],
            r["load"],
            maximum,
            frozenset(r["towns"]),
            frozenset(r["districts"]),
            frozenset(r["provides"]),
        )
    # a party organization that belongs to a unit was read as the unit; its links are the unit's
    previous = {(h, v) for h, v in previous if h in helpers}
    hops = {k: n for k, n in hops.items() if k[0] in helpers}
    stage("candidates")
    arcs = candidate_arcs(villages, helpers, previous, hops, weights, candidates)
    return Problem(villages, helpers, arcs, helpers_per_village, weights.load)


def _arc_row(arc: Arc, village: Demand, helper: Supply, added_before: int, load_weight: float) -> Row:
    """One assignment as a row: the village, the helper, the cost and its reasons."""
    load_points = slot_cost(helper, added_before + 1, load_weight)
    suggestion = {
        "same_town": arc.same_town,
        "same_district": arc.same_district,
        "town": village.town,
        "district": village.district,
        "resource_matches": list(arc.resource_matches),
        "capacity_left": helper.capacity_left - added_before,
        "hops": 1 if arc.previous else arc.hops,
    }
    why = reasons(suggestion, helper.maximum)
    if arc.same_city:
        why.insert(0, _say("plan.reason_same_city"))
    return {
        "village_uid": village.uid,
        "village_code": village.code,
        "village": village.name,
        "town": village.town,
        "district": village.district,
        "helper_uid": helper.uid,
        "helper": helper.name,
        "helper_kind": helper.kind,
        "cost": round((arc.cost + load_points) / SCALE, 3),
        "pair_cost": round(arc.cost / SCALE, 3),
        "load_cost": round(load_points / SCALE, 3),
        "load_before": helper.load,
        "load_after": helper.load + added_before + 1,
        "maximum": helper.maximum,
        "fixed": False,
        "reasons": why,
    }


def _say(code: str, **params: Any) -> str:
    """The Chinese text of a message: the plan's rows are what a planner reads."""
    return say(code, "zh", **params)


def _rows(problem: Problem, chosen: Sequence[Arc], fixed: Sequence[Arc]) -> list[Row]:
    villages = {v.uid: v for v in problem.villages}
    added: Counter[str] = Counter()
    out = []
    # Each helper's slots go to its villages cheapest pair first, so the load cost a row shows is
    # the slot it takes in that order (the totals are the same in any order).
    for arc in sorted(list(fixed) + list(chosen), key=lambda a: (a.helper, a.cost, a.village)):
        row = _arc_row(arc, villages[arc.village], problem.helpers[arc.helper], added[arc.helper], problem.load_weight)
        row["fixed"] = arc in fixed
        added[arc.helper] += 1
        out.append(row)
    out.sort(key=lambda r: (r["district"] or "", r["town"] or "", r["village_code"] or "", r["village_uid"]))
    return out


def _summary(problem: Problem, solution: Solution, fixed: Sequence[Arc], skipped: set[str]) -> Row:
    """Villages covered, total cost and largest load of ``fixed`` + ``solution`` on the original ``problem``."""
    chosen = list(fixed) + solution.chosen
    added = Counter(a.helper for a in chosen)
    cost = assignment_cost(problem, chosen)
    planned = [v for v in problem.villages if v.uid not in skipped]
    return {
        "villages": len(planned),
        "places": len(planned) * problem.per_village,
        "villages_covered": len({a.village for a in chosen}),
        "assignments": len(chosen),
        "total_cost": round(cost / SCALE, 3),
        "largest_load": max((problem.helpers[h].load + n for h, n in added.items()), default=0),
        "helpers_used": len(added),
    }


def pairing_plan(
    driver: Driver,
    scope: str,
    as_of: date | None = None,
    capacity: int = CAPACITY,
    *,
    capacity_by_kind: Mapping[str, int] | None = None,
    capacity_by_helper: Mapping[str, int] | None = None,
    helpers_per_village: int = 1,
    candidates: int = CANDIDATES,
    fixed: Sequence[tuple[str, str]] = (),
    skipped: Sequence[str] = (),
    weights: Weights | None = None,
    database: str = "neo4j",
    progress: Callable[[str], None] | None = None,
) -> Plan:
    """The optimal pairing plan for the uncovered weak villages of a district, city or province.

    Args:
        scope: a district, city or province, by code or name.
        capacity: the most villages a helper should carry (its maximum), unless its kind or the
            helper itself has its own in ``capacity_by_kind`` / ``capacity_by_helper``.
        fixed: (village uid, helper uid) pairs the planner chose; solved around them.
        skipped: villages the planner set aside; left out of the plan.

    Raises:
        NotFound: no district, city or province has that code or name.
        InvalidInput: the name is ambiguous, a number is out of range, or a fixed pair is impossible.
    """
    if capacity < 1:
        raise InvalidInput(code="plan.capacity_too_small")
    if helpers_per_village < 1:
        raise InvalidInput(code="plan.per_village_too_small")
    if candidates < 1:
        raise InvalidInput(code="plan.candidates_too_small")
    weights = weights or Weights()
    area = _scope(driver, scope, database)
    problem = build_problem(
        driver,
        area,
        as_of,
        capacity,
        capacity_by_kind or {},
        capacity_by_helper or {},
        helpers_per_village,
        candidates,
        weights,
        database,
        progress,
    )
    rest, taken = fix_choices(problem, fixed, skipped)
    if progress:
        progress("solve")
    solution = solve(rest)
    baseline = greedy(rest)
    rows = _rows(problem, solution.chosen, taken)
    villages = {v.uid: v for v in problem.villages}
    added = Counter(r["helper_uid"] for r in rows)
    helper_rows = [
        {
            "helper_uid": uid,
            "helper": problem.helpers[uid].name,
            "helper_kind": problem.helpers[uid].kind,
            "load_before": problem.helpers[uid].load,
            "added": n,
            "load_after": problem.helpers[uid].load + n,
            "maximum": problem.helpers[uid].maximum,
        }
        for uid, n in sorted(added.items(), key=lambda kv: (-kv[1], problem.helpers[kv[0]].name))
    ]
    infeasible = [
        {
            "village_uid": uid,
            "village_code": villages[uid].code,
            "village": villages[uid].name,
            "town": villages[uid].town,
            "district": villages[uid].district,
            "reason_code": code,
            "reason": _say(code),
        }
        for uid, code in solution.short.items()
    ]
    skipped_rows = [
        {"village_uid": v.uid, "village_code": v.code, "village": v.name, "town": v.town, "district": v.district}
        for v in problem.villages
        if v.uid in set(skipped)
    ]
    shown: dict[str, list[Row]] = defaultdict(list)
    for arc in problem.arcs:
        if len(shown[arc.village]) < CANDIDATES:
            shown[arc.village].append(
                {"helper_uid": arc.helper, "helper": problem.helpers[arc.helper].name, "pair_cost": arc.cost / SCALE}
            )
    return Plan(
        scope={k: area[k] for k in ("level", "code", "name")},
        parameters={
            "as_of": (as_of or date.today()).isoformat(),
            "capacity": capacity,
            "capacity_by_kind": dict(capacity_by_kind or {}),
            "capacity_by_helper": len(capacity_by_helper or {}),
            "helpers_per_village": helpers_per_village,
            "candidates": candidates,
            "fixed": [list(p) for p in fixed],
            "skipped": list(skipped),
        },
        rows=rows,
        helpers=helper_rows,
        infeasible=infeasible,
        skipped=skipped_rows,
        objective=_summary(problem, solution, taken, set(skipped))
        | {"arcs": len(problem.arcs), "helpers": len(problem.helpers)},
        greedy=_summary(problem, baseline, taken, set(skipped)),
        candidates=dict(shown),
    )
