"""Turning what the driver returns into plain Python (dicts, lists, dates) for JSON and tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from copy import deepcopy
from datetime import date
from threading import Lock
from typing import Any, LiteralString, cast
from weakref import WeakKeyDictionary

from neo4j import READ_ACCESS, AsyncDriver, AsyncManagedTransaction, Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from graph import queries
from graph.errors import DatabaseUnavailable


def plain(value: Any) -> Any:
    """Nodes, relationships, paths and temporal values as JSON-friendly Python.

    >>> plain({"a": [1, None]})
    {'a': [1, None]}
    """
    if isinstance(value, Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node is not None else None,
            "end": value.end_node.element_id if value.end_node is not None else None,
            "properties": plain(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        # A national read's lists hold a million plain strings: those skip the walk.
        return [v if type(v) in _PLAIN_TYPES else plain(v) for v in value]
    to_native = getattr(value, "to_native", None)
    if callable(to_native):  # neo4j.time.Date / DateTime / Duration
        return to_native()
    return value


# Values that are plain already: ``plain`` is skipped for them (a national read is a million rows).
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def plain_row(keys: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    """One record as a plain dict (``plain(record.data())``, without walking plain values).

    >>> plain_row(["a", "b"], ["x", [1]])
    {'a': 'x', 'b': [1]}
    """
    return {k: v if type(v) in _PLAIN_TYPES else plain(v) for k, v in zip(keys, values, strict=True)}


def is_unavailable(exc: Exception) -> bool:
    """Whether an error means the server or database is down (shutting down, starting), not the query.

    >>> from neo4j.exceptions import TransientError
    >>> is_unavailable(TransientError._hydrate_neo4j(code="Neo.TransientError.General.DatabaseUnavailable", message="x"))
    True
    """
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return True
    return isinstance(exc, Neo4jError) and "Unavailable" in (exc.code or "")


@contextmanager
def unavailable_as_error() -> Iterator[None]:
    """Raise ``DatabaseUnavailable`` when the server cannot be reached (the API answers 503)."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired, Neo4jError) as exc:
        if not is_unavailable(exc):
            raise
        raise DatabaseUnavailable(code="database.unavailable") from exc


def _checked_rows(name: str, params: dict[str, Any]) -> Callable[[ManagedTransaction], list[dict[str, Any]]]:
    """The transaction function running the named query, its parameters checked against its header first."""
    query = queries.get(name)
    query.check_params(params)

    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        result = tx.run(cast(LiteralString, query.text), params)
        keys = result.keys()
        return [plain_row(keys, record.values()) for record in result]

    return work


def read(driver: Driver, name: str, database: str = "neo4j", **params: Any) -> list[dict[str, Any]]:
    """Run the named query ``name`` in a read transaction and return its rows as plain dicts.

    Raises:
        InvalidInput: ``params`` are not exactly the ones the query's header declares.
        DatabaseUnavailable: Neo4j cannot be reached.
    """
    work = _checked_rows(name, params)
    # The catalogue's warnings (a property no data has yet) are noise in a planner's log.
    with unavailable_as_error(), driver.session(database=database, notifications_min_severity="OFF") as session:
        return session.execute_read(work)


# Answers of ``read_kept``, per driver: (database, query, parameters, day) -> (bookmark seen, rows).
_kept: WeakKeyDictionary[Driver, dict[tuple[Any, ...], tuple[frozenset[str], list[dict[str, Any]]]]] = (
    WeakKeyDictionary()
)
_kept_lock = Lock()
KEPT_ANSWERS = 64  # per driver; the oldest answer goes first
KEPT_ROWS = 5_000  # a longer answer (a national export) is read each time, never kept


def _copied(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows a caller may change (the console adds links, suggestions add reasons) without changing the kept ones."""
    return [{k: v if type(v) in _PLAIN_TYPES else deepcopy(v) for k, v in row.items()} for row in rows]


def _server_today(tx: ManagedTransaction) -> date:
    record = tx.run(cast(LiteralString, queries.get("lookup/server_today").text)).single(strict=True)
    return record["today"].to_native()


def read_kept(driver: Driver, name: str, database: str = "neo4j", **params: Any) -> list[dict[str, Any]]:
    """``read``, its rows kept in this process for as long as no write has committed to ``database``.

    Each call first reads the server's date in a transaction of its own (one round trip): its
    bookmark names the database's last committed transaction. A kept answer is served only when
    that bookmark is the one seen before the answer was read, and the server's date is the same,
    so any write (a load, a decision, a wipe) and midnight (a null ``as_of`` means today) make the
    next call read afresh. The bookmark is taken *before* the answer is read: a write committing
    meanwhile leaves the kept answer already out of date, never a stale answer served as current.
    At most ``KEPT_ANSWERS`` answers of at most ``KEPT_ROWS`` rows each are kept per driver.

    Raises:
        InvalidInput: ``params`` are not exactly the ones the query's header declares.
        DatabaseUnavailable: Neo4j cannot be reached.
    """
    work = _checked_rows(name, params)
    with unavailable_as_error(), driver.session(database=database, notifications_min_severity="OFF") as session:
        today = session.execute_read(_server_today)
        seen = frozenset(session.last_bookmarks().raw_values)
        key = (database, name, repr(sorted(params.items())), today)
        with _kept_lock:
            kept = _kept.setdefault(driver, {}).get(key)
        if kept is not None and kept[0] == seen:
            return _copied(kept[1])
        rows = session.execute_read(work)
    if len(rows) > KEPT_ROWS:
        return rows
    with _kept_lock:
        answers = _kept.setdefault(driver, {})
        answers.pop(key, None)
        answers[key] = (seen, rows)
        while len(answers) > KEPT_ANSWERS:
            answers.pop(next(iter(answers)))
    return _copied(rows)


async def read_async(driver: AsyncDriver, name: str, database: str = "neo4j", **params: Any) -> list[dict[str, Any]]:
    """``read`` for the async driver: the API's hot lookups await Neo4j on the event loop.

    A sync route holds a worker thread for the whole round trip, and with the GIL those threads
    cost more than the query itself (see bench/NOTES.md, API throughput).

    Raises:
        InvalidInput: ``params`` are not exactly the ones the query's header declares.
        DatabaseUnavailable: Neo4j cannot be reached.
    """
    query = queries.get(name)
    query.check_params(params)

    async def work(tx: AsyncManagedTransaction) -> list[dict[str, Any]]:
        result = await tx.run(cast(LiteralString, query.text), params)
        keys = result.keys()
        return [plain_row(keys, record.values()) async for record in result]

    with unavailable_as_error():
        # No per-session notification setting: the driver is opened with it (graph.db), and a
        # session given one normalises it again on every request (3.5% of the API's CPU in py-spy).
        async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            # One auto-commit run is one round trip (a managed transaction adds BEGIN and COMMIT: a
            # lookup then costs twice Bolt's); when it fails for a reason worth retrying, the
            # managed transaction's retries take over.
            try:
                result = await session.run(cast(LiteralString, query.text), params)
                keys = result.keys()
                return [plain_row(keys, record.values()) async for record in result]
            except (ServiceUnavailable, SessionExpired, Neo4jError) as exc:
                if not (is_unavailable(exc) or getattr(exc, "is_retryable", lambda: False)()):
                    raise
        async with driver.session(database=database) as session:
            return await session.execute_read(work)


def write(
    driver: Driver,
    name: str,
    database: str = "neo4j",
    check: Callable[[list[dict[str, Any]]], None] | None = None,
    **params: Any,
) -> list[dict[str, Any]]:
    """Run the named query ``name`` in one write transaction and return its rows as plain dicts.

    For the few single-statement writes a person makes (a planner's decision); loaders batch
    through ``graph.db.BatchWriter`` instead. ``check`` sees the rows before the commit: what it
    raises rolls the whole transaction back (a plan accepted all or nothing).

    Raises:
        InvalidInput: ``params`` are not exactly the ones the query's header declares.
        DatabaseUnavailable: Neo4j cannot be reached.
    """
    rows_of = _checked_rows(name, params)

    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        rows = rows_of(tx)
        if check is not None:
            check(rows)
        return rows

    with unavailable_as_error(), driver.session(database=database, notifications_min_severity="OFF") as session:
        return session.execute_write(work)
