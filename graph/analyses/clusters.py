"""Shared-resource clusters: seeded Leiden (graspologic-native, compiled) on the helper–village projection.

Community detection is ``graspologic_native.leiden`` (package ``graspologic-native``, MIT, Rust):
Leiden is Louvain with a refinement step that keeps every community connected.
"""

from __future__ import annotations

from datetime import date
from itertools import combinations

import graspologic_native
import networkx as nx
from neo4j import Driver

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
    rows = projection_rows(driver, as_of, district, database, province=province)
    projection, members, hubs = build_projection(rows)
    if projection.number_of_nodes() == 0:
        return []
    communities = communities_by_component(projection, seed)
    community_of = {node: number for number, community in enumerate(communities) for node in community}
    # What each community shares, hub by hub in sorted order: one pass over the hubs, not one per community.
    shared: dict[int, list[Row]] = {}
    for (kind, hub_uid), hub in sorted(hubs.items()):
        by_community: dict[int, list[str]] = {}
        for member in hub["members"]:
            by_community.setdefault(community_of[member], []).append(member)
        for number, inside_members in by_community.items():
            if len(inside_members) >= 2:
                shared.setdefault(number, []).append(
                    {"kind": kind, "uid": hub_uid, "name": hub["name"], "members": sorted(inside_members)}
                )
    ties = tie_weights(projection, community_of, members)
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
    projection: nx.Graph, community_of: dict[str, int], members: dict[str, Row]
) -> dict[int, tuple[float, float, int]]:
    """Per community: tie weight inside it, tie weight leaving it, and ties between its real members.

    One pass over the ties (a subgraph and a cut per community took minutes nationally).

    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 1.0), ("b", "c", 0.5), ("c", "d", 2.0)])
    >>> tie_weights(g, {"a": 0, "b": 0, "c": 1, "d": 1}, {"a": {}, "b": {}, "c": {}})
    {0: (1.0, 0.5, 1), 1: (2.0, 0.5, 0)}
    """
    found: dict[int, tuple[float, float, int]] = {}
    for u, v, weight in projection.edges(data="weight", default=1.0):
        cu, cv = community_of[u], community_of[v]
        if cu == cv:
            internal, boundary, real_edges = found.get(cu, (0.0, 0.0, 0))
            found[cu] = (internal + weight, boundary, real_edges + (u in members and v in members))
            continue
        for c in (cu, cv):
            internal, boundary, real_edges = found.get(c, (0.0, 0.0, 0))
            found[c] = (internal, boundary + weight, real_edges)
    return dict(sorted(found.items()))


def communities_by_component(projection: nx.Graph, seed: int = CLUSTER_SEED) -> list[set[str]]:
    """Leiden communities (graspologic-native's compiled ``leiden``, modularity, seeded) of each
    connected component on its own.

    Communities never span components anyway; run one component at a time, a component's clusters
    no longer depend on what else is in scope (a district gets the clusters it has inside its
    province's or the national answer). Each component's ties go in sorted order with the seed, so
    the same graph gives the same communities on every run. Ordered by each community's smallest node.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> [sorted(c) for c in communities_by_component(g)]
    [['a', 'b', 'c'], ['x', 'y']]
    """
    parts = [sorted(c) for c in nx.connected_components(projection)]
    trivial = [set(c) for c in parts if len(c) <= 2]  # a pair stays together
    larger = [c for c in parts if len(c) > 2]
    component_of = {node: i for i, nodes in enumerate(larger) for node in nodes}
    edge_lists: list[list[tuple[str, str, float]]] = [[] for _ in larger]
    for u, v, weight in projection.edges(data="weight", default=1.0):
        i = component_of.get(u)
        if i is not None:
            a, b = sorted((u, v))
            edge_lists[i].append((a, b, float(weight)))
    found: list[set[str]] = []
    for edges in edge_lists:
        found.extend(_leiden(sorted(edges), seed))
    return sorted(trivial + found, key=min)


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
) -> list[Row]:
    """The tie rows of the shared-resource projection, sorted by kind, member and hub.

    The pairings in scope come first; their helpers' and villages' project and resource ties are
    then read by uid, so neither query holds the whole scope in one row.
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
        return []
    helpers = sorted({r["member_uid"] for r in pairings})
    villages = sorted({uid for r in pairings for uid in r["village_uids"]})
    ties = read(driver, "analyses/shared_resource_edges", database, helpers=helpers, villages=villages)
    unique = {(r["kind"], r["member_uid"], r["hub_uid"]): r for r in ties}
    for helper in pairings:
        for village_uid, village_name in zip(helper["village_uids"], helper["village_names"], strict=True):
            unique[("pairing", helper["member_uid"], village_uid)] = {
                "kind": "pairing",
                "member_uid": helper["member_uid"],
                "member_name": helper["member_name"],
                "member_label": helper["member_label"],
                "hub_uid": village_uid,
                "hub_name": village_name,
                "hub_category": None,
                "hub_label": "Village",
            }
    return [unique[key] for key in sorted(unique)]


def build_projection(rows: list[Row]) -> tuple[nx.Graph, dict[str, Row], dict[tuple[str, str], Row]]:
    """The weighted helper–village graph from the tie rows of ``shared_resource_edges``.

    A pairing links its helper and village (1.0); everyone taking part in one project is linked
    pairwise (1.0 per project); everyone providing or using one resource category is linked
    pairwise (0.5 per category). Weights add up. A hub with more than ``CLIQUE_LIMIT`` members
    links each to one stand-in node instead.

    >>> g, _, _ = build_projection([
    ...     {"kind": "pairing", "member_uid": "org:a", "member_name": "A", "member_label": "Organization",
    ...      "hub_uid": "v1", "hub_name": "一村", "hub_label": "Village", "hub_category": None},
    ...     {"kind": "resource", "member_uid": "org:a", "member_name": "A", "member_label": "Organization",
    ...      "hub_uid": "resource:funds", "hub_name": "funds", "hub_label": "Resource", "hub_category": "funds"},
    ...     {"kind": "resource", "member_uid": "v1", "member_name": "一村", "member_label": "Village",
    ...      "hub_uid": "resource:funds", "hub_name": "funds", "hub_label": "Resource", "hub_category": "funds"}])
    >>> g["org:a"]["v1"]["weight"]
    1.5
    """
    graph = nx.Graph()
    members: dict[str, Row] = {}
    hubs: dict[tuple[str, str], Row] = {}

    def link(a: str, b: str, weight: float) -> None:
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += weight
        else:
            graph.add_edge(a, b, weight=weight)

    for row in rows:
        member = row["member_uid"]
        members[member] = {"uid": member, "name": row["member_name"], "label": row["member_label"]}
        graph.add_node(member)
        if row["kind"] == "pairing":
            members[row["hub_uid"]] = {"uid": row["hub_uid"], "name": row["hub_name"], "label": "Village"}
            link(member, row["hub_uid"], PAIRING_WEIGHT)
            hub = hubs.setdefault(("helper", member), {"name": row["member_name"], "members": set()})
            hub["members"].add(row["hub_uid"])
        else:
            hub = hubs.setdefault((row["kind"], row["hub_uid"]), {"name": row["hub_name"], "members": set()})
            hub["members"].add(member)
    for (kind, hub_uid), hub in hubs.items():
        if kind == "helper":
            continue
        weight = PROJECT_WEIGHT if kind == "project" else RESOURCE_WEIGHT
        if len(hub["members"]) > CLIQUE_LIMIT:
            # Pairwise ties among thousands would be millions of edges and drown the pairings.
            stand_in = f"{kind}-hub:{hub_uid}"
            for member in sorted(hub["members"]):
                link(stand_in, member, weight)
            continue
        for a, b in combinations(sorted(hub["members"]), 2):
            link(a, b, weight)
    return graph, members, hubs


def _by_uid(member: Row) -> str:
    return str(member["uid"])
