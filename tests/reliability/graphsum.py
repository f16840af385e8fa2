"""A content checksum of the whole graph, comparable between two graphs built separately.

Element ids differ between two loads of the same data, so every node is described by its labels
and properties, and every relationship by its type, its properties and the descriptions of its two
ends. The checksum is a SHA-256 over the sorted descriptions; counts go beside it so a mismatch
says where to look first.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver


def _text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


@dataclass(frozen=True)
class GraphSum:
    nodes: int
    relationships: int
    checksum: str
    by_label: dict[str, int] = field(default_factory=dict, compare=False)
    by_type: dict[str, int] = field(default_factory=dict, compare=False)

    def diff(self, other: GraphSum) -> str:
        """Where two sums differ, label by label and type by type (for assertion messages)."""
        keys = lambda a, b: sorted(set(a) | set(b))
        labels = {k: (self.by_label.get(k, 0), other.by_label.get(k, 0)) for k in keys(self.by_label, other.by_label)}
        types = {k: (self.by_type.get(k, 0), other.by_type.get(k, 0)) for k in keys(self.by_type, other.by_type)}
        return _text(
            {
                "labels": {k: v for k, v in labels.items() if v[0] != v[1]},
                "types": {k: v for k, v in types.items() if v[0] != v[1]},
            }
        )


# Administrative units that nothing but the gazetteer's PART_OF touches: the same in every run of a
# register or report loader, and most of the graph's size, so ``facts_only`` leaves them out of the
# checksum (they still count in ``nodes``/``relationships``, which always cover the whole graph).
_BARE_UNIT = (
    "(n:Province OR n:City OR n:District OR n:Town OR (n:Village AND n.resolved = true AND NOT coalesce(n.weak, false))) "
    "AND NOT EXISTS { (n)-[r]-() WHERE type(r) <> 'PART_OF' }"
)


def graph_sum(driver: Driver, database: str = "neo4j", *, facts_only: bool = False) -> GraphSum:
    """Counts and checksum of the graph; ``facts_only`` skips bare administrative units and PART_OF edges."""
    described: dict[str, str] = {}
    by_label: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    node_filter = f"WHERE NOT ({_BARE_UNIT}) " if facts_only else ""
    rel_filter = "WHERE type(r) <> 'PART_OF' " if facts_only else ""
    with driver.session(database=database) as session:
        totals = session.run(
            "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels"
        ).single()
        assert totals is not None
        for record in session.run(
            f"MATCH (n) {node_filter}RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props"
        ):
            labels = sorted(record["labels"])
            described[record["id"]] = _text([labels, record["props"]])
            by_label[":".join(labels)] += 1
        rels = []
        ends = f"MATCH (a)-[r]->(b) {rel_filter}"
        missing = {"a": "", "b": ""}
        for record in session.run(
            ends + "RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, "
            "properties(r) AS props, labels(a) AS la, labels(b) AS lb, "
            "coalesce(a.uid, a.code) AS ka, coalesce(b.uid, b.code) AS kb"
        ):
            # An end left out by facts_only is named by its labels and key.
            for end in ("a", "b"):
                missing[end] = described.get(record[end]) or _text([sorted(record["l" + end]), record["k" + end]])
            rels.append(_text([record["type"], record["props"], missing["a"], missing["b"]]))
            by_type[record["type"]] += 1
    digest = hashlib.sha256()
    for line in sorted(described.values()):
        digest.update(line.encode())
        digest.update(b"\n")
    digest.update(b"--\n")
    for line in sorted(rels):
        digest.update(line.encode())
        digest.update(b"\n")
    return GraphSum(totals["nodes"], totals["rels"], digest.hexdigest(), dict(by_label), dict(by_type))
