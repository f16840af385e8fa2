"""Analysts' own Cypher, read-only: checked on its plan, run in a READ transaction, time- and row-capped.

Three independent guards, so no single one has to be perfect:

1. ``EXPLAIN`` first: the planner's own verdict on the statement. Anything but a read
   (``query_type == 'r'``) is refused — writes, schema and administration commands — and so is a plan
   with ``LoadCSV``, ``TerminateTransactions`` or a procedure call outside ``ALLOWED_PROCEDURES``
   (``apoc.cypher.runWrite``, ``apoc.periodic.*``, ``dbms.*`` …).
2. The statement runs in a transaction opened with READ access, so the server itself refuses
   any write that got past the plan check.
3. The transaction carries a timeout (the server aborts it) and at most ``row_cap`` rows are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, LiteralString, cast

import neo4j
from neo4j import Driver
from neo4j.exceptions import ClientError, Neo4jError

from graph.errors import InvalidInput
from graph.records import is_unavailable, plain, unavailable_as_error

ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.info",
        "db.ping",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "dbms.components",
        "apoc.help",
        "apoc.meta.schema",
        "apoc.meta.stats",
        "apoc.meta.data",
        "apoc.path.expand",
        "apoc.path.expandConfig",
        "apoc.path.subgraphNodes",
        "apoc.path.subgraphAll",
        "apoc.path.spanningTree",
    }
)
# SHOW TRANSACTIONS lists other sessions' statements (with their literals); SHOW SETTINGS the server's
# configuration. Both plan as reads, so the query type alone does not stop them.
FORBIDDEN_OPERATORS = frozenset(
    {"LoadCSV", "TerminateTransactions", "AdministrationCommand", "ShowTransactions", "ShowSettings"}
)
_PROCEDURE_NAME = re.compile(r"^\s*([\w.]+)\s*\(")


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    row_cap: int


def plan_operators(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """``(operator, details)`` for every operator of an EXPLAIN plan, depth first.

    >>> plan_operators({"operatorType": "ProduceResults@neo4j", "args": {"Details": "n"},
    ...                 "children": [{"operatorType": "LoadCSV@neo4j", "args": {}}]})
    [('ProduceResults', 'n'), ('LoadCSV', '')]
    """
    operator = str(plan.get("operatorType", "")).split("@", 1)[0]
    details = str(plan.get("args", {}).get("Details") or "")
    out = [(operator, details)]
    for child in plan.get("children", []):
        out.extend(plan_operators(child))
    return out


def refusal(query_type: str | None, operators: list[tuple[str, str]]) -> InvalidInput | None:
    """Why a planned statement may not run on the read-only endpoint (the error to raise), or None when it may.

    >>> str(refusal("r", [("ProcedureCall", "apoc.periodic.iterate($a, $b, {}) :: (batches :: INTEGER)")]))
    'procedure apoc.periodic.iterate is not on the read-only allow-list'
    >>> refusal("r", [("ProcedureCall", "db.labels() :: (label :: STRING)")]) is None
    True
    """
    if query_type != "r":
        return InvalidInput(code="cypher.not_a_read")
    for operator, details in operators:
        if operator in FORBIDDEN_OPERATORS:
            return InvalidInput(code="cypher.operator_forbidden", operator=operator)
        if operator == "ProcedureCall":
            match = _PROCEDURE_NAME.match(details)
            name = match.group(1) if match else details
            if name not in ALLOWED_PROCEDURES:
                return InvalidInput(code="cypher.procedure_forbidden", procedure=name)
    return None


def run_read_only(
    driver: Driver,
    statement: str,
    params: dict[str, Any] | None = None,
    *,
    timeout_s: float = 15.0,
    row_cap: int = 5000,
    database: str = "neo4j",
) -> CypherResult:
    """Run an analyst's statement read-only and return at most ``row_cap`` rows.

    Raises:
        InvalidInput: the statement is empty, does not compile, is refused by the plan check, is
            refused by the server as a write, or runs longer than ``timeout_s``.
        DatabaseUnavailable: Neo4j cannot be reached.
    """
    text = statement.strip().rstrip(";").strip()
    if not text:
        raise InvalidInput(code="cypher.empty")
    values = params or {}
    with (
        unavailable_as_error(),
        driver.session(
            database=database,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity="OFF",
        ) as session,
    ):
        try:
            summary = session.run(cast(LiteralString, "EXPLAIN " + text), values).consume()
        except (OverflowError, ValueError, TypeError) as exc:  # the driver cannot send a parameter value
            raise InvalidInput(code="cypher.bad_parameter", error=str(exc)) from exc
        except Neo4jError as exc:
            if is_unavailable(exc):
                raise
            raise InvalidInput(code="cypher.does_not_compile", error=exc.message) from exc
        refused = refusal(summary.query_type, plan_operators(summary.plan or {}))
        if refused is not None:
            raise refused
        try:
            with session.begin_transaction(timeout=timeout_s) as tx:
                result = tx.run(cast(LiteralString, text), values)
                columns = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                for record in result:
                    if len(rows) == row_cap:
                        truncated = True
                        break
                    rows.append(plain(record.data()))
                tx.rollback()
        except ClientError as exc:
            if "TransactionTimedOut" in (exc.code or "") or "Terminated" in (exc.code or ""):
                raise InvalidInput(code="cypher.timed_out", seconds=f"{timeout_s:g}") from exc
            raise InvalidInput(code="cypher.refused", error=exc.message) from exc
        except Neo4jError as exc:
            if is_unavailable(exc):
                raise
            raise InvalidInput(code="cypher.refused", error=exc.message) from exc
    return CypherResult(columns=columns, rows=rows, truncated=truncated, row_cap=row_cap)
