"""The planners' analyses: each runs named queries from ``cypher/analyses/`` with ``$params`` only.

Shared rules (docs/analyses.md): a helper is an ``Organization``; a ``PartyOrganization`` that
``BELONGS_TO`` an organization counts as that organization; helpers are counted ``DISTINCT``; a
pairing is in force on ``as_of`` when ``(since IS NULL OR since <= as_of) AND (until IS NULL OR
until >= as_of)``; ``as_of`` left out means today.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from itertools import combinations
from typing import Any, Literal

import networkx as nx
from neo4j import AsyncDriver, Driver

from graph.errors import InvalidInput, NotFound
from graph.records import read, read_async
from graph.schema import CODE_LENGTH

logger = logging.getLogger(__name__)

Row = dict[str, Any]
Level = Literal["district", "town"]

# Spread thin: the villages a helper is paired with lie in this many towns or more (or in more than
# one district). Carrying many: this many villages or more. Capacity: what a helper should carry.
SPREAD_TOWNS = 3
MANY_VILLAGES = 5
CAPACITY = 5

# Edge weights of the shared-resource projection (docs/analyses.md).
PAIRING_WEIGHT = 1.0
PROJECT_WEIGHT = 1.0
RESOURCE_WEIGHT = 0.5
CLUSTER_SEED = 42
# A project or resource shared by more members than this ties them through one stand-in node
# (weight per member) instead of pairwise.
CLIQUE_LIMIT = 50

RESOURCE_NAMES_ZH = {
    "education": "教育",
    "medical": "医疗",
    "culture": "文化",
    "information": "信息",
    "market": "市场",
    "talent": "人才",
    "funds": "资金",
    "technology": "科技",
    "goods": "物资",
    "land": "土地",
    "other": "其他",
}


def resolve_place(
    driver: Driver, level: Level | Literal["province"], value: str | None, database: str = "neo4j"
) -> str | None:
    """The code of the province, district or town ``value`` names (a code or a name), or None for None.

    Raises:
        NotFound: nothing of that level has that code or name.
        InvalidInput: the name is shared by several (the message lists them with their codes).
    """
    if value is None or not value.strip():
        return None
    rows = read(driver, "lookup/places_named", database, value=value.strip(), level=level)
    what = {"province": "province (省/自治区/直辖市)", "district": "district (区/县)", "town": "town (街道/镇/乡)"}[
        level
    ]
    if not rows:
        raise NotFound(f"no {what} has the code or name {value!r}; try /search?q={value}")
    if len(rows) > 1:
        options = ", ".join(f"{r['name']} {r['code']} ({r['parent']})" for r in rows)
        raise InvalidInput(f"{value!r} names {len(rows)} {what}s: {options}; give the code instead")
    return str(rows[0]["code"])


def loaded_provinces(driver: Driver, database: str = "neo4j") -> list[str]:
    """Codes of the provinces whose code table is in the graph."""
    return [row["code"] for row in read(driver, "lookup/provinces_loaded", database)]


def area_names(driver: Driver, codes: list[str], database: str = "neo4j") -> dict[str, str]:
    """Province, city and district names by code (codes nothing has are left out)."""
    if not codes:
        return {}
    return {row["code"]: row["name"] for row in read(driver, "lookup/area_names", database, codes=sorted(set(codes)))}


def coverage_by_area(
    driver: Driver, as_of: date | None = None, province: str | None = None, database: str = "neo4j"
) -> list[Row]:
    """Villages, weak villages and weak villages paired on ``as_of``, per province (all of China) or per
    city (of ``province``), counted by code prefix rather than district by district.

    Villages the code table lacks are not counted (the per-district coverage counts the few a
    source placed in a district); ``coverage_ratio`` is null where there is no weak village.
    """
    parent, key_length = ("", 2) if province is None else (province, 4)
    villages = {
        r["code"]: r["villages"]
        for r in read(driver, "analyses/villages_by_area", database, parent=parent, key_length=key_length)
    }
    weak = {
        r["code"]: r
        for r in read(
            driver, "analyses/weak_coverage_by_area", database, as_of=as_of, parent=parent, key_length=key_length
        )
    }
    rows = []
    for code in sorted(set(villages) | set(weak)):
        counted = weak.get(code, {"weak_villages": 0, "paired_weak_villages": 0})
        ratio = (
            round(counted["paired_weak_villages"] / counted["weak_villages"], 3) if counted["weak_villages"] else None
        )
        rows.append(
            {
                "code": code,
                "villages": villages.get(code, 0),
                "weak_villages": counted["weak_villages"],
                "paired_weak_villages": counted["paired_weak_villages"],
                "coverage_ratio": ratio,
            }
        )
    return rows


def uncovered_weak_villages(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    town: str | None = None,
    nearest: int = 3,
    database: str = "neo4j",
    *,
    province: str | None = None,
) -> list[Row]:
    """Weak villages without a pairing in force on ``as_of``, with the helpers nearest to each."""
    return uncovered_weak_villages_page(driver, as_of, district, town, nearest, database, province=province)[1]


def uncovered_weak_villages_page(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    town: str | None = None,
    nearest: int = 3,
    database: str = "neo4j",
    *,
    province: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Row]]:
    """How many weak villages in the scope are uncovered, and ``limit`` of them from ``offset``.

    The scope is the narrowest of ``town``, ``district``, ``province`` given (each a code or a
    name), or all of China. Nearby helpers are worked out for the returned rows only, so a page of
    a national answer costs little more than counting it.
    """
    scope: dict[Level | Literal["province"], str | None] = {"province": province, "district": district, "town": town}
    # A well-formed code skips the lookup round trip; it is checked only when nothing was found.
    shaped = {level: _code_shaped(level, value) for level, value in scope.items()}
    codes = {level: shaped[level] or resolve_place(driver, level, value, database) for level, value in scope.items()}
    rows = read(
        driver,
        "analyses/uncovered_weak_villages",
        database,
        as_of=as_of,
        **codes,
        nearest=nearest,
        limit=limit,
        offset=offset,
    )
    total, items = _paged(rows, "village_uid")
    if total == 0:
        for level, code in shaped.items():
            if code:
                resolve_place(driver, level, code, database)  # NotFound for a code nothing has
    return total, items


def _code_shaped(level: str, value: str | None) -> str | None:
    """``value`` when it is written as a code of ``level`` (digits, the level's length), else None.

    >>> _code_shaped("district", " 310151 "), _code_shaped("district", "崇明区"), _code_shaped("town", "310151")
    ('310151', None, None)
    """
    code = (value or "").strip()
    return code if len(code) == CODE_LENGTH[level] and code.isascii() and code.isdigit() else None


def _paged(rows: list[Row], key: str) -> tuple[int, list[Row]]:
    """Split a paged query's rows into its total and its items (a page past the end is one row
    whose ``key`` is null).

    >>> _paged([{"total": 2, "code": "1"}, {"total": 2, "code": "2"}], "code")
    (2, [{'code': '1'}, {'code': '2'}])
    >>> _paged([{"total": 2, "code": None, "villages": 0}], "code")
    (2, [])
    """
    total = rows[0]["total"] if rows else 0
    items = []
    for row in rows:
        row.pop("total")
        if row[key] is not None:
            items.append(row)
    return total, items


def coverage(
    driver: Driver,
    as_of: date | None = None,
    level: Level = "district",
    parent: str | None = None,
    database: str = "neo4j",
) -> list[Row]:
    """Coverage per district (under an optional province/city) or per town of one district."""
    return coverage_page(driver, as_of, level, parent, database)[1]


def coverage_page(
    driver: Driver,
    as_of: date | None = None,
    level: Level = "district",
    parent: str | None = None,
    database: str = "neo4j",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Row]]:
    """How many areas the coverage table has, and ``limit`` of them from ``offset`` (by code).

    Per district, only the districts of the page are counted; per town (one district's few dozen)
    the whole table is counted and sliced.
    """
    if level == "town":
        if not parent:
            raise InvalidInput("coverage per town needs the district (parent=崇明区 or parent=310151)")
        code = resolve_place(driver, "district", parent, database)
        rows = read(driver, "analyses/coverage_by_town", database, as_of=as_of, parent=code)
        return len(rows), rows[offset:] if limit is None else rows[offset : offset + limit]
    rows = read(
        driver, "analyses/coverage_by_district", database, as_of=as_of, parent=parent, limit=limit, offset=offset
    )
    return _paged(rows, "code")


def helper_load(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    spread_towns: int = SPREAD_TOWNS,
    many_villages: int = MANY_VILLAGES,
    database: str = "neo4j",
) -> list[Row]:
    """Helpers ranked by villages paired, with weak share, spread, projects, money and flags."""
    return helper_load_page(driver, as_of, district, spread_towns, many_villages, database)[1]


def helper_load_page(
    driver: Driver,
    as_of: date | None = None,
    district: str | None = None,
    spread_towns: int = SPREAD_TOWNS,
    many_villages: int = MANY_VILLAGES,
    database: str = "neo4j",
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[Row]]:
    """How many helpers the ranking holds, and ``limit`` of them from ``offset``.

    Projects and money are summed for the returned helpers only (the ranking does not use them).
    """
    rows = read(
        driver,
        "analyses/helper_load",
        database,
        as_of=as_of,
        district=resolve_place(driver, "district", district, database),
        spread_towns=spread_towns,
        many_villages=many_villages,
        limit=limit,
        offset=offset,
    )
    return _paged(rows, "uid")


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

    Louvain (networkx, seeded) on the projection docs/analyses.md describes; clusters of one
    member are left out. Each cluster: members, what they share, size, cohesion (the share of its
    members' tie weight that stays inside it) and density. The scope is one district, one
    province (the narrower wins) or all of China.
    """
    rows = projection_rows(driver, as_of, district, database, province=province)
    projection, members, hubs = build_projection(rows)
    if projection.number_of_nodes() == 0:
        return []
    communities = louvain_by_component(projection, seed)
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
    clusters = []
    for number, community in enumerate(communities):
        real = {m for m in community if m in members}  # a big hub's stand-in node is not a member
        if len(real) < 2:
            continue
        internal = projection.subgraph(community).size(weight="weight")
        boundary = nx.cut_size(projection, community, weight="weight")
        clusters.append(
            {
                "size": len(real),
                "helpers": sorted((members[m] for m in real if members[m]["label"] != "Village"), key=_by_uid),
                "villages": sorted((members[m] for m in real if members[m]["label"] == "Village"), key=_by_uid),
                "shared": shared.get(number, []),
                "cohesion": round(internal / (internal + boundary), 3) if internal + boundary else 0.0,
                "density": round(nx.density(projection.subgraph(real)), 3),
            }
        )
    clusters.sort(key=lambda c: (-c["size"], c["helpers"][0]["uid"] if c["helpers"] else c["villages"][0]["uid"]))
    for number, cluster in enumerate(clusters, start=1):
        cluster["cluster"] = number
    return clusters


# Above this many nodes the components are shared out to one process per core (a national
# projection has ~400,000 nodes in ~6,500 components; Louvain in pure Python takes minutes there).
PARALLEL_LOUVAIN_NODES = 50_000


def louvain_by_component(projection: nx.Graph, seed: int = CLUSTER_SEED) -> list[set[str]]:
    """Louvain communities (networkx, seeded) found in each connected component on its own.

    Communities never span components anyway; run one component at a time, a component's clusters
    no longer depend on what else is in scope (a district gets the clusters it has inside its
    province's or the national answer), and components can run in parallel. Ordered by each
    community's smallest node, so the order does not depend on how the work was shared out.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> [sorted(c) for c in louvain_by_component(g)]
    [['a', 'b', 'c'], ['x', 'y']]
    """
    parts = [sorted(c) for c in nx.connected_components(projection)]
    trivial = [set(c) for c in parts if len(c) <= 2]  # Louvain keeps a pair together
    edge_lists = [
        [(u, v, w) for u, v, w in projection.subgraph(c).edges(data="weight", default=1.0)] for c in parts if len(c) > 2
    ]
    if projection.number_of_nodes() < PARALLEL_LOUVAIN_NODES or (os.cpu_count() or 1) < 2:
        found = _louvain_chunk(edge_lists, seed)
    else:
        found = _louvain_in_processes(edge_lists, seed)
    return sorted(trivial + found, key=min)


def _louvain(edges: list[tuple[str, str, float]], seed: int) -> list[set[str]]:
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    return [set(c) for c in nx.community.louvain_communities(graph, weight="weight", seed=seed)]


def _louvain_chunk(edge_lists: list[list[tuple[str, str, float]]], seed: int) -> list[set[str]]:
    return [community for edges in edge_lists for community in _louvain(edges, seed)]


def _louvain_in_processes(edge_lists: list[list[tuple[str, str, float]]], seed: int) -> list[set[str]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = os.cpu_count() or 2
    # Biggest components first, each to the least loaded chunk, so the processes finish together.
    chunks: list[list[list[tuple[str, str, float]]]] = [[] for _ in range(workers * 2)]
    load = [0] * len(chunks)
    for edges in sorted(edge_lists, key=len, reverse=True):
        i = load.index(min(load))
        chunks[i].append(edges)
        load[i] += len(edges)
    chunks = [chunk for chunk in chunks if chunk]
    # spawn: the API process has driver threads that a forked child must not inherit.
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = pool.map(_louvain_chunk, chunks, [seed] * len(chunks))
            return [community for result in results for community in result]
    except (BrokenProcessPool, OSError) as exc:  # e.g. a caller's script without a __main__ guard
        logger.warning("Louvain in worker processes failed (%s); running it in this process", exc)
        return _louvain_chunk(edge_lists, seed)


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
    villages = sorted({r["hub_uid"] for r in pairings})
    ties = read(driver, "analyses/shared_resource_edges", database, helpers=helpers, villages=villages)
    unique = {(r["kind"], r["member_uid"], r["hub_uid"]): r for r in pairings + ties}
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


def pairing_suggestions(
    driver: Driver,
    as_of: date | None = None,
    village: str | None = None,
    district: str | None = None,
    capacity: int = CAPACITY,
    per_village: int = 3,
    database: str = "neo4j",
) -> list[Row]:
    """Ranked candidate helpers for a village, or for each uncovered weak village of a district.

    Raises:
        InvalidInput: neither ``village`` nor ``district`` is given, or ``capacity`` is below 1.
        NotFound: the village does not exist.
    """
    if capacity < 1:
        raise InvalidInput("capacity must be at least 1 village")
    if village is None and district is None:
        raise InvalidInput("give a village (code) or a district (code or name) to suggest helpers for")
    if village is not None:
        village_profile(driver, village, as_of, database)  # NotFound for an unknown code
        district_code = None
    else:
        district_code = resolve_place(driver, "district", district, database)
    rows = read(
        driver,
        "analyses/pairing_suggestions",
        database,
        as_of=as_of,
        village=village,
        district=district_code,
        capacity=capacity,
        per_village=per_village,
    )
    for row in rows:
        row["reasons"] = reasons(row, capacity)
    return rows


def reasons(row: Row, capacity: int) -> list[str]:
    """The score's components as sentences a planner reads (Chinese / English).

    >>> reasons({"same_town": True, "same_district": True, "town": "堡镇", "district": "崇明区",
    ...          "resource_matches": ["medical"], "capacity_left": 3, "hops": 1}, 5)[0]
    '已在本镇（堡镇）结对帮扶 / already paired in the same town (堡镇)'
    """
    out = []
    if row["same_town"]:
        out.append(f"已在本镇（{row['town']}）结对帮扶 / already paired in the same town ({row['town']})")
    elif row["same_district"]:
        out.append(f"已在本区（{row['district']}）结对帮扶 / already paired in the same district ({row['district']})")
    if row["resource_matches"]:
        zh = "、".join(RESOURCE_NAMES_ZH.get(c, c) for c in row["resource_matches"])
        out.append(
            f"能提供村里项目所用的资源：{zh} / provides what the village's projects use: "
            + ", ".join(row["resource_matches"])
        )
    out.append(
        f"尚可承接 {row['capacity_left']} 个村（上限 {capacity}） / capacity left: "
        f"{row['capacity_left']} of {capacity} villages"
    )
    if row["hops"] == 1:
        out.append("曾与该村结对 / paired with this village before")
    elif row["hops"] is not None:
        out.append(f"图中相距 {row['hops']} 步 / {row['hops']} steps away in the graph")
    return out


def paths(driver: Driver, source: str, target: str, max_paths: int = 5, database: str = "neo4j") -> list[Row]:
    """Shortest paths between two entities that skip the administrative spine, with evidence.

    Raises:
        NotFound: ``source`` or ``target`` names nothing.
    """
    found = {row["key"] for row in read(driver, "lookup/entities_found", database, keys=[source, target])}
    missing = [key for key in (source, target) if key not in found]
    if missing:
        raise NotFound(f"nothing has the code or uid {', '.join(map(repr, missing))}; find it with /search?q=<name>")
    rows = read(driver, "analyses/paths", database, source=source, target=target, max_paths=max_paths)
    for row in rows:
        row.pop("path", None)  # the Browser draws it; the API returns nodes and relationships
    return rows


def evidence(driver: Driver, entity: str, database: str = "neo4j") -> list[Row]:
    """Every fact about a village or helper (its party organizations included) with its source."""
    return read(driver, "analyses/entity_evidence", database, id=entity)


def village_profile(driver: Driver, code: str, as_of: date | None = None, database: str = "neo4j") -> Row:
    """One village with its path, designations, helpers in force, projects and every fact's evidence.

    Raises:
        NotFound: no village has that code or uid.
    """
    return _found_village(read(driver, "analyses/village_profile", database, code=code, as_of=as_of), code)


async def village_profile_async(
    driver: AsyncDriver,
    code: str,
    as_of: date | None = None,
    database: str = "neo4j",
) -> Row:
    """``village_profile`` through the async driver (``GET /villages/{code}``)."""
    rows = await read_async(driver, "analyses/village_profile", database, code=code, as_of=as_of)
    return _found_village(rows, code)


def _found_village(rows: list[Row], code: str) -> Row:
    if not rows:
        raise NotFound(f"no village has the code {code!r}; find it with /search?q=<name>")
    return rows[0]


def organization_profile(driver: Driver, uid: str, as_of: date | None = None, database: str = "neo4j") -> Row:
    """One helper unit with its party organizations, pairings in force, projects and resources.

    Raises:
        NotFound: no organization or party organization has that uid.
    """
    rows = read(driver, "analyses/organization_profile", database, uid=uid, as_of=as_of)
    if not rows:
        raise NotFound(f"no organization has the uid {uid!r}; find it with /search?q=<name>")
    return rows[0]
