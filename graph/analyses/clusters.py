"""Shared-resource clusters: seeded Leiden (graspologic-native, compiled) on the helper–village projection.

Community detection is ``graspologic_native.leiden`` (package ``graspologic-native``, MIT, Rust):
Leiden is Louvain with a refinement step that keeps every community connected.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import combinations

import graspologic_native
import numpy as np
from neo4j import Driver
from scipy.sparse import coo_array
from scipy.sparse.csgraph import connected_components

from graph.analyses.common import Row, resolve_place
from graph.records import read

# Edge weights of the shared-resource projection (docs/analyses.md).
PAIRING_WEIGHT = 1.0
PROJECT_WEIGHT = 1.0
RESOURCE_WEIGHT = 0.5
CLUSTER_SEED = 42
# A project or resource shared by more members than this ties them through one stand-in node
# (weight per member) instead of pairwise.
CLIQUE_LIMIT = 50

# Components run through Leiden at once (it releases the GIL); more than the cores would only queue.
LEIDEN_THREADS = min(2, os.cpu_count() or 1)

# A tie of the projection: its two ends, in sorted order.
Tie = tuple[str, str]


def cluster_members(clusters: list[Row]) -> list[Row]:
    """One row per member of each cluster, with what it shares: the shape a spreadsheet holds.

    >>> cluster_members([{"cluster": 1, "size": 2, "cohesion": 1.0,
    ...     "helpers": [{"uid": "org:a", "name": "A", "label": "Organization"}],
    ...     "villages": [{"uid": "v1", "name": "一村", "label": "Village"}],
    ...     "shared": [{"uid": "v1", "name": "一村", "members": ["org:a"]}]}])[0]["shared"]
    ['一村']
    """
    return [
        {
            "cluster": c["cluster"],
            "size": c["size"],
            "cohesion": c["cohesion"],
            **m,
            "shared": [s["name"] for s in c["shared"] if m["uid"] in s["members"] or s["uid"] == m["uid"]],
        }
        for c in clusters
        for m in c["helpers"] + c["villages"]
    ]


def shared_resource_clusters(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    seed: int = CLUSTER_SEED,
    database: str = "neo4j",
    *,
    province: str | None = None,
) -> list[Row]:
    """Groups of helpers and villages bound by pairings, joint projects and shared resources.

    Leiden (seeded) on the projection docs/analyses.md describes; clusters of one
    member are left out. Each cluster: members, what they share, size, cohesion (the share of its
    members' tie weight that stays inside it) and density. The scope is one district, one
    province (the narrower wins) or all of China.
    """
    pairings, hub_rows = projection_rows(driver, as_of, district, database, province=province)
    projection = build_projection(pairings, hub_rows)
    if not projection.ties:
        return []  # no two members tied: every cluster would have one member
    communities = communities_by_component(projection.ties, seed)
    community_of = {node: number for number, community in enumerate(communities) for node in community}
    members = projection.members
    # What each community shares, hub by hub in sorted order: one pass over the hubs, not one per community.
    shared: dict[int, list[Row]] = {}
    for (kind, hub_uid), hub in sorted(projection.hubs.items()):
        by_community: dict[int, list[str]] = {}
        for member in hub["members"]:
            number = community_of.get(member)  # a member tied to nobody is in no community
            if number is not None:
                by_community.setdefault(number, []).append(member)
        for number, inside_members in by_community.items():
            if len(inside_members) >= 2:
                shared.setdefault(number, []).append(
                    {"kind": kind, "uid": hub_uid, "name": hub["name"], "members": sorted(inside_members)}
                )
    ties = tie_weights(projection.ties, community_of, members)
    clusters: list[Row] = []
    for number, community in enumerate(communities):
        real = {m for m in community if m in members}  # a big hub's stand-in node is not a member
        if len(real) < 2:
            continue
        internal, boundary, real_edges = ties.get(number, (0.0, 0.0, 0))
        clusters.append(
            {
                "size": len(real),
                "helpers": sorted((members[m] for m in real if members[m]["label"] != "Village"), key=_by_uid),
                "villages": sorted((members[m] for m in real if members[m]["label"] == "Village"), key=_by_uid),
                "shared": shared.get(number, []),
                "cohesion": round(internal / (internal + boundary), 3) if internal + boundary else 0.0,
                "density": round(2 * real_edges / (len(real) * (len(real) - 1)), 3),
            }
        )
    clusters.sort(key=lambda c: (-c["size"], c["helpers"][0]["uid"] if c["helpers"] else c["villages"][0]["uid"]))
    for number, cluster in enumerate(clusters, start=1):
        cluster["cluster"] = number
    return clusters


def tie_weights(
    ties: Mapping[Tie, float], community_of: dict[str, int], members: Mapping[str, Row]
) -> dict[int, tuple[float, float, int]]:
    """Per community: tie weight inside it, tie weight leaving it, and ties between its real members.

    One pass over the ties (a subgraph and a cut per community took minutes nationally).

    >>> tie_weights({("a", "b"): 1.0, ("b", "c"): 0.5, ("c", "d"): 2.0},
    ...             {"a": 0, "b": 0, "c": 1, "d": 1}, {"a": {}, "b": {}, "c": {}})
    {0: (1.0, 0.5, 1), 1: (2.0, 0.5, 0)}
    """
    found: dict[int, tuple[float, float, int]] = {}
    for (u, v), weight in ties.items():
        cu, cv = community_of[u], community_of[v]
        if cu == cv:
            internal, boundary, real_edges = found.get(cu, (0.0, 0.0, 0))
            found[cu] = (internal + weight, boundary, real_edges + (u in members and v in members))
            continue
        for c in (cu, cv):
            internal, boundary, real_edges = found.get(c, (0.0, 0.0, 0))
            found[c] = (internal, boundary + weight, real_edges)
    return dict(sorted(found.items()))


def communities_by_component(
    ties: Mapping[Tie, float], seed: int = CLUSTER_SEED, threads: int | None = None
) -> list[set[str]]:
    """Leiden communities (graspologic-native's compiled ``leiden``, modularity, seeded) of each
    connected component of the tied nodes on its own.

    Communities never span components anyway; run one component at a time, a component's clusters
    no longer depend on what else is in scope (a district gets the clusters it has inside its
    province's or the national answer). Each component's ties go in sorted order with the seed, so
    the same graph gives the same communities on every run. The components come from scipy's
    ``connected_components`` on integer ids (a networkx graph of the national projection took longer
    to build than Leiden took to run). Components run on ``threads`` threads (``LEIDEN_THREADS`` when
    None). Ordered by each community's smallest node.

    >>> ties = {("a", "b"): 1.0, ("b", "c"): 1.0, ("a", "c"): 1.0, ("x", "y"): 1.0}
    >>> [sorted(c) for c in communities_by_component(ties)]
    [['a', 'b', 'c'], ['x', 'y']]
    """
    threads = LEIDEN_THREADS if threads is None else threads
    parts, part_of = connected_parts(ties)
    # A pair stays together; larger components get their ties in sorted order.
    edge_lists: dict[int, list[tuple[str, str, float]]] = {i: [] for i, nodes in enumerate(parts) if len(nodes) > 2}
    for a, b in sorted(ties):
        edges = edge_lists.get(part_of[a])
        if edges is not None:
            edges.append((a, b, ties[a, b]))
    found = [set(nodes) for nodes in parts if len(nodes) <= 2]
    # leiden releases the GIL while it runs: components go to a few threads, each call seeded on its own,
    # so the answer does not depend on which thread ran which component.
    with ThreadPoolExecutor(max(1, threads)) as pool:
        for communities in pool.map(partial(_leiden, seed=seed), edge_lists.values()):
            found.extend(communities)
    return sorted(found, key=min)


def connected_parts(ties: Iterable[Tie]) -> tuple[list[list[str]], dict[str, int]]:
    """The connected components of the tied nodes, and each node's component.

    Nodes are numbered in the order first met; scipy labels the components on those numbers.

    >>> connected_parts([("a", "b"), ("c", "d"), ("b", "e")])
    ([['a', 'b', 'e'], ['c', 'd']], {'a': 0, 'b': 0, 'c': 1, 'd': 1, 'e': 0})
    """
    number: dict[str, int] = {}
    ends = [number.setdefault(node, len(number)) for tie in ties for node in tie]
    if not ends:
        return [], {}
    pairs = np.array(ends, dtype=np.int64).reshape(-1, 2)
    size = len(number)
    adjacency = coo_array((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(size, size))
    count, labels = connected_components(adjacency, directed=False)
    part_of = dict(zip(number, labels.tolist(), strict=True))
    parts: list[list[str]] = [[] for _ in range(count)]
    for node, label in part_of.items():
        parts[label].append(node)
    return parts, part_of


def _leiden(edges: list[tuple[str, str, float]], seed: int) -> list[set[str]]:
    # The seed goes to the call itself (no process-wide generator), so concurrent runs do not disturb each other.
    _, community_of = graspologic_native.leiden(edges, seed=seed)
    communities: dict[int, set[str]] = {}
    for node, community in sorted(community_of.items()):
        communities.setdefault(community, set()).add(node)
    return list(communities.values())


def projection_rows(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    database: str = "neo4j",
    *,
    province: str | None = None,
) -> tuple[list[Row], list[Row]]:
    """The rows the shared-resource projection is built from: the pairings and the hubs.

    The pairings in scope come first, one row per helper with its villages
    (``shared_resource_pairings``); their helpers' and villages' projects and resources are then
    read by uid, one row per hub with its members (``shared_resource_hubs``), so neither query
    holds the whole scope in one row.
    """
    pairings = read(
        driver,
        "analyses/shared_resource_pairings",
        database,
        as_of=as_of,
        province=resolve_place(driver, "province", province, database),
        district=resolve_place(driver, "district", district, database),
    )
    if not pairings:
        return [], []
    helpers = sorted({r["member_uid"] for r in pairings})
    villages = sorted({uid for r in pairings for uid in r["village_uids"]})
    hubs = read(driver, "analyses/shared_resource_hubs", database, helpers=helpers, villages=villages)
    return pairings, hubs


@dataclass
class Projection:
    """The weighted helper–village graph (docs/analyses.md) and what it was built from.

    ``ties``: the summed weight of each tie, keyed by its two ends in sorted order; ``members``:
    every helper and village by uid (a big hub's stand-in node is in ``ties`` only); ``hubs``: by
    (kind, uid), each hub's name and members — a helper is the ``helper`` hub of its villages.
    """

    ties: dict[Tie, float] = field(default_factory=dict)
    members: dict[str, Row] = field(default_factory=dict)
    hubs: dict[tuple[str, str], Row] = field(default_factory=dict)

    def link(self, a: str, b: str, weight: float) -> None:
        key = (a, b) if a < b else (b, a)
        self.ties[key] = self.ties.get(key, 0.0) + weight


def build_projection(pairings: list[Row], hubs: list[Row]) -> Projection:
    """The weighted helper–village graph from the rows of ``shared_resource_pairings`` and ``shared_resource_hubs``.

    A pairing links its helper and village (1.0); everyone taking part in one project is linked
    pairwise (1.0 per project); everyone providing or using one resource category is linked
    pairwise (0.5 per category). Weights add up. A hub with more than ``CLIQUE_LIMIT`` members
    links each to one stand-in node instead.

    >>> p = build_projection(
    ...     [{"member_uid": "org:a", "member_name": "A", "member_label": "Organization",
    ...       "village_uids": ["v1"], "village_names": ["一村"]}],
    ...     [{"kind": "resource", "hub_uid": "resource:funds", "hub_name": "funds",
    ...       "helper_uids": ["org:a"], "village_uids": ["v1"], "village_names": ["一村"]}])
    >>> p.ties
    {('org:a', 'v1'): 1.5}
    """
    projection = Projection()
    members = projection.members
    for helper in pairings:
        uid = helper["member_uid"]
        members[uid] = {"uid": uid, "name": helper["member_name"], "label": helper["member_label"]}
        for village_uid, village_name in zip(helper["village_uids"], helper["village_names"], strict=True):
            members[village_uid] = {"uid": village_uid, "name": village_name, "label": "Village"}
            projection.link(uid, village_uid, PAIRING_WEIGHT)
        projection.hubs["helper", uid] = {"name": helper["member_name"], "members": set(helper["village_uids"])}
    for row in hubs:
        inside = set(row["helper_uids"])  # helpers of the pairings: already members
        for village_uid, village_name in zip(row["village_uids"], row["village_names"], strict=True):
            members.setdefault(village_uid, {"uid": village_uid, "name": village_name, "label": "Village"})
            inside.add(village_uid)
        projection.hubs[row["kind"], row["hub_uid"]] = {"name": row["hub_name"], "members": inside}
    for (kind, hub_uid), hub in projection.hubs.items():
        if kind == "helper":
            continue
        weight = PROJECT_WEIGHT if kind == "project" else RESOURCE_WEIGHT
        if len(hub["members"]) > CLIQUE_LIMIT:
            # Pairwise ties among thousands would be millions of edges and drown the pairings.
            stand_in = f"{kind}-hub:{hub_uid}"
            for member in hub["members"]:
                projection.link(stand_in, member, weight)
            continue
        for a, b in combinations(sorted(hub["members"]), 2):
            projection.link(a, b, weight)
    return projection


def _by_uid(member: Row) -> str:
    return str(member["uid"])
