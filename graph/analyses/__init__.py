"""The planners' analyses: each runs named queries from ``cypher/analyses/`` with ``$params`` only.

Shared rules (docs/analyses.md): a helper is an ``Organization``; a ``PartyOrganization`` that
``BELONGS_TO`` an organization counts as that organization; helpers are counted ``DISTINCT``; a
pairing is in force on ``as_of`` when ``(since IS NULL OR since <= as_of) AND (until IS NULL OR
until >= as_of)``; ``as_of`` left out means today.

One module per analysis family (the way networkx keeps one per algorithm family); the public names
are re-exported here, so ``from graph import analyses`` then ``analyses.coverage(...)`` works as before.
"""

from graph.analyses.clusters import (
    CLIQUE_LIMIT,
    CLUSTER_SEED,
    PAIRING_WEIGHT,
    PROJECT_WEIGHT,
    RESOURCE_WEIGHT,
    Projection,
    build_projection,
    cluster_members,
    communities_by_component,
    connected_parts,
    projection_rows,
    shared_resource_clusters,
)
from graph.analyses.common import Level, Row, area_names, loaded_provinces, resolve_place
from graph.analyses.coverage import coverage, coverage_by_area, coverage_page, weak_coverage_by_district
from graph.analyses.helpers import MANY_VILLAGES, SPREAD_TOWNS, helper_load, helper_load_page
from graph.analyses.plan import CANDIDATES as PLAN_CANDIDATES
from graph.analyses.plan import Plan, Weights, pairing_plan, parse_limits, parse_pairs, read_capacity_csv
from graph.analyses.profiles import evidence, organization_profile, paths, village_profile, village_profile_async
from graph.analyses.suggestions import CAPACITY, RESOURCE_NAMES_ZH, pairing_suggestions, reasons
from graph.analyses.uncovered import uncovered_weak_villages, uncovered_weak_villages_page

__all__ = [
    "CAPACITY",
    "CLIQUE_LIMIT",
    "CLUSTER_SEED",
    "Level",
    "MANY_VILLAGES",
    "PAIRING_WEIGHT",
    "PLAN_CANDIDATES",
    "PROJECT_WEIGHT",
    "Plan",
    "Projection",
    "RESOURCE_NAMES_ZH",
    "RESOURCE_WEIGHT",
    "Row",
    "SPREAD_TOWNS",
    "Weights",
    "area_names",
    "build_projection",
    "cluster_members",
    "coverage",
    "coverage_by_area",
    "coverage_page",
    "evidence",
    "helper_load",
    "helper_load_page",
    "loaded_provinces",
    "communities_by_component",
    "connected_parts",
    "organization_profile",
    "pairing_plan",
    "pairing_suggestions",
    "parse_limits",
    "parse_pairs",
    "paths",
    "projection_rows",
    "read_capacity_csv",
    "reasons",
    "weak_coverage_by_district",
    "resolve_place",
    "shared_resource_clusters",
    "uncovered_weak_villages",
    "uncovered_weak_villages_page",
    "village_profile",
    "village_profile_async",
]
