"""Write: the only register stage that touches Neo4j. Resolved rows become nodes and facts, batched.

Every write goes through the checked catalogue (``cypher/load/*.cypher`` by name, parameters checked
against each query's header). A file is written as ``FileWriter.begin`` (its ``Document`` node;
when the file changed since its last complete load, its old facts are deleted first) →
``FileWriter.add`` per chunk of rows (units, party organizations and persons merged once per file,
then one fact per row, ``UNWIND`` in batches of one transaction each) → ``FileWriter.finish``
(weak flags refreshed if facts were removed; the file's checksum stored last, so an interrupted
load is redone in full).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph import records
from graph.db import BatchWriter, WriteCounts
from loaders.places import name_key, normalize
from loaders.register.headers import KINDS
from loaders.register.model import RegisterRow, Resolved, Target
from loaders.units import org_uid, party_level, party_uid, unit_kind

_FACTS = {"pairings": "pairings", "weak": "designations", "projects": "projects", "leaders": "leaders"}


def _fact_query(kind: str, fresh: bool) -> str:
    """``create_`` when the file's old facts were just deleted (a MERGE would look up, row by row,
    edges that cannot exist), ``merge_`` when an unchanged file is written again."""
    return f"load/{'create' if fresh else 'merge'}_register_{_FACTS[kind]}"


def source_id(file_name: str) -> str:
    return f"register:{file_name}"


@lru_cache(maxsize=65536)
def _org(name: str | None) -> dict[str, Any]:
    if not name:
        return {"org_uid": None, "org_name": None, "org_kind": None}
    return {"org_uid": org_uid(name), "org_name": name, "org_kind": unit_kind(name)}


@lru_cache(maxsize=65536)
def _party(name: str | None) -> dict[str, Any]:
    if not name:
        return {"party_uid": None, "party_name": None, "party_level": None}
    # The column says it is a party organization, so a name without a party ending is "other".
    return {"party_uid": party_uid(name), "party_name": name, "party_level": party_level(name) or "other"}


def _period(v: dict[str, Any]) -> dict[str, Any]:
    """Start and end with their precision (None: a day, or no date; else 'month' or 'year')."""
    return {
        "since": v.get("since"),
        "until": v.get("until"),
        "since_precision": v.get("since_precision"),
        "until_precision": v.get("until_precision"),
    }


def to_params(row: RegisterRow, target: Target | None, sid: str) -> dict[str, Any]:
    """Everything one row states, as a flat map; ``Batches`` splits it into the write queries' rows."""
    v = row.values
    base: dict[str, Any] = {
        "source_loc": row.source_loc,
        "evidence": row.evidence,
        "method": target.method if target else f"register:{row.kind}",
        "confidence": target.confidence if target else 1.0,
        "village_uid": target.code if target and target.level == "village" else None,
        "town_code": target.code if target and target.level == "town" else None,
    }
    if row.kind == "pairings":
        base.update(_org(v["helper"]), **_party(v["party_org"]))
        base["helper_uid"] = base["party_uid"] if v["paired_by"] == "party" else base["org_uid"]
        base.update(programme=v["programme"], kind=v["pairing_kind"], **_period(v))
    elif row.kind == "weak":
        base.update(category=normalize(v["category"]), year=v.get("year"))
    elif row.kind == "projects":
        base.update(_org(v["helper"]))
        base.update(
            uid=f"project:{sid}#{row.source_loc}",
            name=v["name"],
            category=v["category"],
            amount=v["amount"],
            amount_unit=v["amount_unit"],
            amount_yuan=v["amount_yuan"],
            year=v.get("year"),
        )
    elif row.kind == "leaders":
        base.update(_org(v["organization"]), **_party(v["party_org"]))
        post: str | None
        if base["party_uid"]:
            post = base["party_uid"]
            base["party_parent_uid"] = base["village_uid"] or base["org_uid"]
            base["village_uid"] = base["town_code"] = None
        else:
            base["party_parent_uid"] = None
            post = None if (base["village_uid"] or base["town_code"]) else base["org_uid"]
        base["post_uid"] = post
        affiliation = base["org_uid"] or post or base["village_uid"] or base["party_parent_uid"] or base["town_code"]
        base.update(
            person_uid=f"person:{name_key(v['name'])}@{affiliation}",
            person_name=v["name"],
            role=v["role"],
            **_period(v),
        )
    return base


# The keys each fact query reads from a row (the rest of ``to_params`` goes to the node queries).
_FACT_KEYS: dict[str, tuple[str, ...]] = {
    "pairings": (
        "source_loc",
        "evidence",
        "method",
        "confidence",
        "helper_uid",
        "village_uid",
        "town_code",
        "since",
        "until",
        "since_precision",
        "until_precision",
        "programme",
        "kind",
    ),
    "weak": ("source_loc", "evidence", "method", "confidence", "village_uid", "category", "year"),
    "projects": (
        "uid",
        "source_loc",
        "evidence",
        "method",
        "confidence",
        "org_uid",
        "name",
        "category",
        "amount",
        "amount_unit",
        "amount_yuan",
        "year",
        "village_uid",
        "town_code",
    ),
    "leaders": (
        "source_loc",
        "evidence",
        "method",
        "confidence",
        "person_uid",
        "role",
        "since",
        "until",
        "since_precision",
        "until_precision",
        "post_uid",
        "village_uid",
        "town_code",
    ),
}


# The nodes a fact row's MERGE locks (helper and recipient), by kind. Kinds whose rows all lock one
# shared node (every designation its WeakCategory) or a node made in the same batch (a project) are
# written by one transaction at a time.
_ENDS: dict[str, tuple[str, ...]] = {"pairings": ("helper_uid", "village_uid", "town_code")}

# Concurrent transactions a file's pairings are written with (2 cores: Neo4j on both while this
# process waits). 1 writes them one batch after another.
FACT_WRITERS = 1


def disjoint_groups(rows: list[dict[str, Any]], ends: Sequence[str], n: int) -> list[list[dict[str, Any]]]:
    """Split rows into at most ``n`` groups, about equal, such that no node key (the values of the
    ``ends`` keys) appears in two groups: rows sharing a helper or a recipient, directly or through
    other rows, stay together, in their order.

    >>> rows = [{"h": "a", "v": "1"}, {"h": "b", "v": "2"}, {"h": "a", "v": "3"}, {"h": "c", "v": "3"}]
    >>> [[r["v"] for r in g] for g in disjoint_groups(rows, ("h", "v"), 2)]
    [['1', '3', '3'], ['2']]
    """
    if n <= 1 or len(rows) < 2:
        return [rows]
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while (up := parent[key]) != key:
            parent[key] = parent[up]  # path halving keeps the trees flat
            key = up
        return key

    firsts: list[str] = []
    for row in rows:
        keys = [f"{e}={row[e]}" for e in ends if row.get(e) is not None]
        for key in keys:
            parent.setdefault(key, key)
        first = root(keys[0]) if keys else f"row={id(row)}"
        parent.setdefault(first, first)
        for key in keys[1:]:
            other = root(key)
            if other != first:
                parent[other] = first
        firsts.append(first)
    components: dict[str, list[dict[str, Any]]] = {}
    for row, first in zip(rows, firsts, strict=True):
        components.setdefault(root(first), []).append(row)
    groups: list[list[dict[str, Any]]] = [[] for _ in range(n)]
    # Largest components first, each to the smallest group so far: the groups end up about equal.
    for component in sorted(components.values(), key=len, reverse=True):
        min(groups, key=len).extend(component)
    return [g for g in groups if g]


@dataclass
class Batches:
    """Rows split into what each write query takes: every unit, party organization, person and
    membership once per file (the first row naming it wins, as ``ON CREATE`` did per row; ``seen``
    carries what earlier chunks of the file wrote), then one fact row per register row."""

    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    parties: dict[str, dict[str, Any]] = field(default_factory=dict)
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    seen: set[tuple[str, ...]] = field(default_factory=set)

    def _first(self, *key: str) -> bool:
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def add(self, kind: str, p: dict[str, Any]) -> None:
        if p.get("org_uid") and self._first("org", p["org_uid"]):
            self.organizations[p["org_uid"]] = {"uid": p["org_uid"], "name": p["org_name"], "kind": p["org_kind"]}
        if p.get("party_uid") and self._first("party", p["party_uid"]):
            self.parties[p["party_uid"]] = {"uid": p["party_uid"], "name": p["party_name"], "level": p["party_level"]}
        if kind == "pairings" and p["party_uid"] and p["org_uid"]:
            self._member(p, p["org_uid"], confidence=1.0)
        elif kind == "leaders":
            if p["party_uid"] and p["party_parent_uid"]:
                self._member(p, p["party_parent_uid"], confidence=p["confidence"])
            if self._first("person", p["person_uid"]):
                self.persons[p["person_uid"]] = {"uid": p["person_uid"], "name": p["person_name"]}
        self.facts[kind].append({k: p[k] for k in _FACT_KEYS[kind]})

    def _member(self, p: dict[str, Any], parent: str, confidence: float) -> None:
        if self._first("member", p["party_uid"], parent):
            self.memberships[(p["party_uid"], parent)] = {
                "party_uid": p["party_uid"],
                "parent_uid": parent,
                "source_loc": p["source_loc"],
                "evidence": p["evidence"],
                "method": p["method"],
                "confidence": confidence,
            }


class FileWriter:
    """Writes one register file, chunk by chunk; see the module docstring for the order."""

    def __init__(
        self,
        driver: Driver,
        file_name: str,
        path: Path | str,
        sha256: str,
        *,
        database: str = "neo4j",
        batch_size: int = 10000,
        writers: int = FACT_WRITERS,
    ) -> None:
        self.driver, self.database, self.sha256 = driver, database, sha256
        self.writers = writers
        self.sid = source_id(file_name)
        self.writer = BatchWriter(driver, database=database, batch_size=batch_size)
        self.file_name, self.path = file_name, path
        self.changed = False
        self.removed_facts = 0
        self._seen: set[tuple[str, ...]] = set()

    def begin(self) -> bool:
        """Merge the file's Document; delete its old facts when it changed. Returns whether it changed."""
        document = records.write(
            self.driver,
            "load/merge_register_document",
            self.database,
            uid=self.sid,
            title=self.file_name,
            path=str(self.path),
        )
        previous = document[0]["previous"] if document else None
        self.changed = previous != self.sha256
        if self.changed:
            self.removed_facts = self.writer.statement(
                "load/delete_register_facts", source_id=self.sid
            ).relationships_deleted
        return self.changed

    def add(self, rows: Sequence[Resolved], on_batch: Callable[[int], None] | None = None) -> None:
        """Write a chunk of resolved rows: its new nodes first, so the fact queries only match endpoints."""
        batches = Batches(seen=self._seen)
        for row, target in rows:
            batches.add(row.kind, to_params(row, target, self.sid))
        # The node rows are not the register's rows: only the fact batches are reported to on_batch.
        for name, nodes in (
            ("load/merge_register_organizations", batches.organizations),
            ("load/merge_register_party_organizations", batches.parties),
            ("load/merge_register_persons", batches.persons),
        ):
            if nodes:
                self.writer.write(name, list(nodes.values()))
        if batches.memberships:
            self.writer.write(
                f"load/{'create' if self.changed else 'merge'}_register_memberships",
                list(batches.memberships.values()),
                params={"source_id": self.sid},
            )
        for kind, params in batches.facts.items():
            if not params:
                continue
            name = _fact_query(kind, self.changed)
            groups = disjoint_groups(params, _ENDS[kind], self.writers) if kind in _ENDS else [params]
            if len(groups) == 1:
                self.writer.write(name, params, params={"source_id": self.sid}, on_batch=on_batch)
            else:
                self._write_concurrently(name, groups, on_batch)

    def _write_concurrently(
        self, name: str, groups: list[list[dict[str, Any]]], on_batch: Callable[[int], None] | None
    ) -> None:
        """Each group through its own session at the same time: the groups share no helper and no
        recipient, so their transactions never wait for each other's locks (another load's still
        wait and are retried, as any batch's are). Neo4j then works on as many cores as there are
        groups while this process waits for it. Progress is told as each group is committed."""
        workers = [BatchWriter(self.driver, database=self.database, batch_size=self.writer.batch_size) for _ in groups]
        with ThreadPoolExecutor(max_workers=len(groups), thread_name_prefix="register-write") as pool:
            futures = {
                pool.submit(w.write, name, rows, {"source_id": self.sid}): len(rows)
                for w, rows in zip(workers, groups, strict=True)
            }
            try:
                for future in as_completed(futures):
                    future.result()
                    if on_batch is not None:
                        on_batch(futures[future])
            finally:
                for w in workers:  # what was committed counts, even when another group failed
                    self.writer.counts.add(w.counts)

    def finish(self) -> WriteCounts:
        """Refresh weak flags if old facts went, then mark the file loaded with its checksum."""
        # Designation batches recompute their own villages' flags; only removed edges need the full pass.
        if self.removed_facts:
            self.writer.statement("load/refresh_village_weak")
        self.writer.statement("load/mark_document_loaded", uid=self.sid, sha256=self.sha256)
        return self.writer.counts


def write(
    driver: Driver,
    file_name: str,
    path: Path,
    sha256: str,
    rows: Sequence[Resolved],
    *,
    database: str = "neo4j",
    batch_size: int = 10000,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[WriteCounts, bool]:
    """Write one file's resolved rows; returns the counts and whether the file had changed.

    The file's ``Document`` node keeps the checksum of its last complete load: when it differs
    (or a load was interrupted), every fact the file contributed before is deleted first, so a
    changed file replaces its old facts. Writing the same file again re-merges the same keys (the
    graph stays the same, and a changed gazetteer or resolver is taken into account).
    """
    file = FileWriter(driver, file_name, path, sha256, database=database, batch_size=batch_size)
    changed = file.begin()
    file.add(rows, on_batch)
    return file.finish(), changed
