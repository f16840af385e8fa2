"""The graph schema: the labels, keys and relationships analysts write Cypher against.

Every class is a label; every label has exactly one natural key with a uniqueness constraint
(``code`` on the administrative spine, ``uid`` elsewhere). ``docs/schema.md`` draws the picture.

Provenance rule: a fact taken from a source is a relationship (or node) that carries
``source_id`` (the ``Document.uid`` it came from), ``source_loc`` (``row 12`` / ``sheet 结对!row 12``
for registers, ``chars 120-126`` for reports), ``evidence`` (the sentence or the row as text),
``method`` (which rule or loader produced it) and ``confidence`` (0–1). Facts from different
sources are separate relationships, so removing or replacing one source never touches another.
"""

from __future__ import annotations

import re
from typing import LiteralString, cast

from neo4j import Driver
from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateProperty,
    FloatProperty,
    IntegerProperty,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
)

from graph import queries

# --- relationship models -------------------------------------------------------------------


class Provenance(StructuredRel):
    """Properties every sourced relationship carries."""

    source_id = StringProperty(index=True)
    source_loc = StringProperty()
    evidence = StringProperty()
    method = StringProperty()
    confidence = FloatProperty()


class PairedWith(Provenance):
    """``(helper)-[:PAIRED_WITH]->(recipient)``: a pairing in force from ``since`` to ``until``.

    A register that gives only the month or the year keeps it: ``since`` is the period's first day,
    ``until`` its last, and ``since_precision``/``until_precision`` say 'month' or 'year' (absent: a day).
    """

    since = DateProperty()
    until = DateProperty()
    since_precision = StringProperty(choices={"month": "month", "year": "year"})
    until_precision = StringProperty(choices={"month": "month", "year": "year"})
    programme = StringProperty()
    kind = StringProperty()  # 结对帮扶, 结对共建, 挂钩, 联建 … as the source words it


class Holds(Provenance):
    """``(:Person)-[:HOLDS {role}]->(unit, party organization or village)``."""

    role = StringProperty(required=True)
    since = DateProperty()
    until = DateProperty()
    since_precision = StringProperty(choices={"month": "month", "year": "year"})  # as on PairedWith
    until_precision = StringProperty(choices={"month": "month", "year": "year"})


class Designated(Provenance):
    """``(:Village)-[:DESIGNATED_AS {year}]->(:WeakCategory)``."""

    year = IntegerProperty()


# --- administrative spine ------------------------------------------------------------------

# Digits of each level's code in the national statistics bureau's table (统计用区划代码).
CODE_LENGTH = {"province": 2, "city": 4, "district": 6, "town": 9, "village": 12}


class AdminUnit(StructuredNode):
    __abstract_node__ = True
    name = StringProperty(required=True, index=True)
    full_name = StringProperty()


class Province(AdminUnit):
    code = StringProperty(unique_index=True, required=True)  # 2 digits


class City(AdminUnit):
    code = StringProperty(unique_index=True, required=True)  # 4 digits
    province = RelationshipTo("Province", "PART_OF")


class District(AdminUnit):
    code = StringProperty(unique_index=True, required=True)  # 6 digits
    city = RelationshipTo("City", "PART_OF")


TOWN_KINDS = {"street": "街道", "town": "镇", "township": "乡", "other": "其他乡级单位"}


class Town(AdminUnit):
    code = StringProperty(unique_index=True, required=True)  # 9 digits
    kind = StringProperty(choices={k: v for k, v in TOWN_KINDS.items()})
    district = RelationshipTo("District", "PART_OF")


class Village(AdminUnit):
    """A village (村委会) or community (居委会/社区).

    ``code`` is the 12-digit official code when known. A village a source names but the code
    table lacks has no ``code``, ``resolved = false``, and a ``uid`` built from the place the
    source gives; it is never given somebody else's code.
    """

    uid = StringProperty(unique_index=True, required=True)  # the code itself when resolved
    code = StringProperty(unique_index=True)
    kind = StringProperty(choices={"village": "村委会", "community": "居委会/社区"})
    resolved = BooleanProperty(default=True)
    # For unresolved villages: 'unknown' (no candidate in the code table) or 'ambiguous'
    # (several candidates, kept in candidate_codes until a person decides).
    status = StringProperty()
    candidate_codes = ArrayProperty(StringProperty())
    weak = BooleanProperty(default=False, index=True)
    weak_categories = ArrayProperty(StringProperty(), default=list)
    town = RelationshipTo("Town", "PART_OF")


class WeakCategory(StructuredNode):
    """经济薄弱村, 贫困村, 软弱涣散村 … as designated by a register or report."""

    name = StringProperty(unique_index=True, required=True)
    villages = RelationshipFrom("Village", "DESIGNATED_AS", model=Designated)


# --- actors --------------------------------------------------------------------------------


class Organization(StructuredNode):
    """A unit: government organ, street office, enterprise, school, public institution …"""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True, index=True)
    kind = StringProperty(index=True)  # government, street_office, enterprise, school, institution, other
    district_code = StringProperty(index=True)  # where the unit sits, when known (the plan reads a scope's units by it)
    paired_with = RelationshipTo("AdminUnit", "PAIRED_WITH", model=PairedWith)


class PartyOrganization(StructuredNode):
    """党委 / 党总支 / 党支部 … belonging to a unit, a village or a town."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True, index=True)
    level = StringProperty()  # committee (党委), general_branch (党总支), branch (党支部), group, other
    belongs_to = RelationshipTo("StructuredNode", "BELONGS_TO")
    paired_with = RelationshipTo("AdminUnit", "PAIRED_WITH", model=PairedWith)


class Person(StructuredNode):
    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True, index=True)
    holds = RelationshipTo("StructuredNode", "HOLDS", model=Holds)


# --- projects, resources, sources -----------------------------------------------------------


class Project(StructuredNode):
    """Something a helper funds or does for a recipient: ``(helper)-[:FUNDS]->(:Project)-[:BENEFITS]->(recipient)``."""

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True, index=True)
    category = StringProperty(index=True)
    amount = FloatProperty()
    amount_unit = StringProperty()  # 万元, 元, 公里, 平方米, 吨, 斤, 亩, 户, 人 …
    amount_yuan = FloatProperty()  # money normalised to 元, when the unit is money
    year = IntegerProperty()
    source_id = StringProperty(index=True)


class Resource(StructuredNode):
    """A kind of shared resource (education, medical, culture, information, market, talent, funds …).

    ``(helper)-[:PROVIDES]->(:Resource)`` and ``(:Project)-[:USES]->(:Resource)``; ``category`` is
    one of the fixed set in ``RESOURCE_CATEGORIES``.
    """

    uid = StringProperty(unique_index=True, required=True)
    name = StringProperty(required=True)
    category = StringProperty(index=True)


RESOURCE_CATEGORIES = (
    "education",
    "medical",
    "culture",
    "information",
    "market",
    "talent",
    "funds",
    "technology",
    "goods",
    "land",
    "other",
)


class Document(StructuredNode):
    """A source: a report (``kind = 'report'``) or a register file (``kind = 'register'``)."""

    uid = StringProperty(unique_index=True, required=True)
    kind = StringProperty(required=True)
    title = StringProperty()
    path = StringProperty()
    sha256 = StringProperty(index=True)
    published = DateProperty()


class Claim(StructuredNode):
    """An aggregate statement a report makes ("29 units paired with 64 villages"), kept as said."""

    uid = StringProperty(unique_index=True, required=True)
    metric = StringProperty(required=True)  # helpers_paired, villages_paired, weak_villages_paired …
    value = FloatProperty(required=True)
    unit = StringProperty()
    scope_code = StringProperty(index=True)  # the district/town the claim is about, when known
    source_id = StringProperty(index=True)
    source_loc = StringProperty()
    evidence = StringProperty()


class Mentions(Provenance):
    """``(:Document)-[:MENTIONS {start, end, surface}]->(entity)``: where a report names something."""

    start = IntegerProperty()
    end = IntegerProperty()
    surface = StringProperty()


class ReviewDecision(StructuredNode):
    """A person's decision on an ambiguous or unresolved mention; loaders apply it on every re-load.

    ``uid`` is the mention key (surface form plus the place it was read in); ``decided_code`` the
    official code chosen, or null when the person confirmed the place is not in the code table.
    """

    uid = StringProperty(unique_index=True, required=True)
    surface = StringProperty(required=True)
    scope_code = StringProperty()
    decided_code = StringProperty()
    note = StringProperty()
    decided_at = StringProperty()


class PlannerDecision(StructuredNode):
    """A planner's decision taken in the console: a pairing recorded (``action`` 'pair') or ended ('end').

    The PAIRED_WITH edge it wrote or changed carries the provenance (``source_id`` 'planner', the
    decision's ``uid`` as ``source_loc``); this node is the record of the decision itself, so it can
    be listed and undone (``undone_at`` set, the edge removed or its old ``until`` restored).
    """

    uid = StringProperty(unique_index=True, required=True)  # 'decision:<uuid>'
    action = StringProperty(required=True)  # 'pair' | 'end'
    helper_uid = StringProperty()
    village_uid = StringProperty(index=True)
    village_code = StringProperty(index=True)
    day = DateProperty()  # since (pair) or until (end)
    pairing_source_id = StringProperty()
    pairing_source_loc = StringProperty()
    previous_until = DateProperty()
    batch_uid = StringProperty()  # 'plan:<uuid>': the decisions a pairing plan recorded together
    note = StringProperty()
    decided_by = StringProperty()
    decided_at = StringProperty()
    undone_by = StringProperty()
    undone_at = StringProperty()


# Relationship types whose facts carry provenance and are merged on (source_id, source_loc): one
# composite index each, so that MERGE finds the one edge a row wrote (the single source_id index
# returns every edge of the source, which made a first load of a big file quadratic), and so that
# deleting a source's facts seeks per type instead of scanning every relationship.
PROVENANCE_RELATIONSHIPS: tuple[str, ...] = ("PAIRED_WITH", "HOLDS", "DESIGNATED_AS", "BELONGS_TO", "FUNDS", "BENEFITS")

ALL_NODE_CLASSES: tuple[type[StructuredNode], ...] = (
    Province,
    City,
    District,
    Town,
    Village,
    WeakCategory,
    Organization,
    PartyOrganization,
    Person,
    Project,
    Resource,
    Document,
    Claim,
    ReviewDecision,
    PlannerDecision,
)


# Cypher outside cypher/ on purpose: this DDL is derived from the classes above so it cannot drift from them.
def schema_from_models() -> list[str]:
    """``CREATE … IF NOT EXISTS`` statements for every key and index the node classes declare.

    neomodel's own ``install_labels`` reports already-existing rules as errors on stdout, so the
    statements are derived here from the same declarations and made idempotent by Neo4j itself.
    """
    statements: list[str] = []
    seen_rel_indexes: set[tuple[str, str]] = set()
    for cls in ALL_NODE_CLASSES:
        label = cls.__label__
        for prop, definition in cls.defined_properties(aliases=False, rels=False).items():
            if definition.unique_index:
                statements.append(
                    f"CREATE CONSTRAINT {label}_{prop}_unique IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
                )
            elif definition.index:
                statements.append(f"CREATE INDEX {label}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        for rel in cls.defined_properties(aliases=False, properties=False).values():
            model = rel.definition.get("model")
            rel_type = rel.definition["relation_type"]
            if model is None:
                continue
            for prop, definition in model.defined_properties(aliases=False, rels=False).items():
                if definition.index and (rel_type, prop) not in seen_rel_indexes:
                    seen_rel_indexes.add((rel_type, prop))
                    statements.append(
                        f"CREATE INDEX {rel_type}_{prop} IF NOT EXISTS FOR ()-[r:{rel_type}]-() ON (r.{prop})"
                    )
    for rel_type in PROVENANCE_RELATIONSHIPS:
        statements.append(
            f"CREATE INDEX {rel_type}_source IF NOT EXISTS FOR ()-[r:{rel_type}]-() ON (r.source_id, r.source_loc)"
        )
    return statements


def install_schema() -> None:
    """Install every constraint and index (idempotent: existing ones are left alone)."""
    from neomodel import db

    statements = schema_from_models() + queries.schema_statements()
    _drop_redeclared_fulltext_indexes(statements)
    for statement in statements:
        db.cypher_query(statement)


def install_schema_concurrently(driver: Driver, database: str = "neo4j", timeout_s: int = 600) -> None:
    """Create every constraint and index on a loaded graph, several at once, and wait until all are online.

    On a graph the offline importer just wrote, each constraint scans its label to build and check
    its index; Neo4j runs those scans side by side when they are asked for from several sessions.
    """
    from concurrent.futures import ThreadPoolExecutor

    from graph.records import write

    # Two schema changes on one label deadlock on its lock: one session per label, in turn within it.
    by_label: dict[str, list[str]] = {}
    for statement in schema_from_models() + queries.schema_statements():
        target = _SCHEMA_TARGET.search(statement)
        label = (target.group(1) or target.group(2)) if target else ""
        by_label.setdefault("" if "|" in label else label, []).append(statement)
    spanning = by_label.pop("", [])  # an index over several labels waits for the others

    def create(statements: list[str]) -> None:
        with driver.session(database=database) as session:
            for statement in statements:
                session.run(cast(LiteralString, statement)).consume()

    with ThreadPoolExecutor(SCHEMA_SESSIONS) as pool:
        list(pool.map(create, sorted(by_label.values(), key=len, reverse=True)))
    create(spanning)
    write(driver, "load/await_indexes", database, timeout_s=timeout_s)


_SCHEMA_TARGET = re.compile(r"FOR \(\w*:?([\w|]+)\)|FOR \(\)-\[\w*:(\w+)\]")
# Sessions creating constraints at once (index population is I/O and CPU bound; more only queue).
SCHEMA_SESSIONS = 4


_FULLTEXT = re.compile(r"CREATE FULLTEXT INDEX (\w+) IF NOT EXISTS\s+FOR \(\w+:([\w|]+)\)")


def _drop_redeclared_fulltext_indexes(statements: list[str]) -> None:
    """Drop a full-text index whose labels changed, so ``IF NOT EXISTS`` creates it as declared now.

    (``entity_names`` covered places before; a graph created then gets the narrower index.)
    """
    from neomodel import db

    declared = {m.group(1): sorted(m.group(2).split("|")) for m in map(_FULLTEXT.match, statements) if m}
    if not declared:
        return
    lookup = queries.get("lookup/fulltext_index_labels")
    params = {"names": sorted(declared)}
    lookup.check_params(params)
    existing, _ = db.cypher_query(lookup.text, params)
    for name, labels in existing:
        if sorted(labels) != declared[name]:
            # DDL names cannot be parameters; this one comes from our own catalogue, not user input.
            db.cypher_query(f"DROP INDEX {name}")
