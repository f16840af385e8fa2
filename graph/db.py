"""One Neo4j driver per process, and the batched writer every loader uses."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase, ManagedTransaction, Session, SummaryCounters
from neo4j.exceptions import ClientError, TransientError

from graph import queries
from graph.records import is_unavailable
from graph.settings import Settings


def _driver_options(settings: Settings, retry_s: float) -> dict[str, Any]:
    return dict(
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        max_connection_pool_size=50,
        # Every wait on the server is bounded, so a dead server ends a load with an error, not a hang:
        # opening a connection, waiting for one from the pool, and retrying a transaction.
        connection_timeout=10,
        connection_acquisition_timeout=30,
        max_transaction_retry_time=retry_s,
        # Planner hints ("property key does not exist" on an empty graph) are noise to a planner.
        notifications_min_severity="OFF",
    )


def connect(settings: Settings, *, retry_s: float = 30.0) -> Driver:
    """Open the driver, check that the server answers, and hand the same driver to neomodel.

    ``retry_s`` bounds how long a managed transaction is retried while the server is unreachable:
    the driver's 30 s suits a loader; the API passes a few seconds so an outage answers 503 at once.
    """
    from neomodel import db as neomodel_db

    driver = GraphDatabase.driver(settings.bolt_uri, **_driver_options(settings, retry_s))
    driver.verify_connectivity()
    neomodel_db.set_connection(driver=driver)
    return driver


def connect_async(settings: Settings, *, retry_s: float = 30.0) -> AsyncDriver:
    """The async driver for the API's hot lookups; it connects on first use (``connect`` checks the server)."""
    return AsyncGraphDatabase.driver(settings.bolt_uri, **_driver_options(settings, retry_s))


@dataclass
class WriteCounts:
    """What Neo4j reported for a series of write batches."""

    rows: int = 0
    batches: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    # Transactions the driver ran again after a transient error (deadlock, lock timeout, leader switch).
    retries: int = 0

    def add(self, other: WriteCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass
class BatchWriter:
    """Runs ``UNWIND $rows AS row …`` statements one transaction per batch.

    Args:
        driver: the process's driver.
        database: target database name.
        batch_size: rows per transaction.
    """

    driver: Driver
    database: str = "neo4j"
    batch_size: int = 5000
    counts: WriteCounts = field(default_factory=WriteCounts)

    def write(
        self,
        name: str,
        rows: Sequence[dict[str, Any]] | Iterable[dict[str, Any]],
        params: dict[str, Any] | None = None,
        on_batch: Callable[[int], None] | None = None,
    ) -> WriteCounts:
        """Write ``rows`` through the catalogue's query ``name`` in batches.

        The query's header must declare ``rows`` and exactly the keys of ``params``.
        ``on_batch(n)`` is told how many rows each batch held.

        Raises:
            InvalidInput: the parameters are not the ones the query's header declares.
        """
        return self.write_query(queries.get(name), rows, params, on_batch)

    def statement(self, name: str, **params: Any) -> WriteCounts:
        """Run the catalogue's write query ``name`` once, in one transaction (a delete, a mark).

        Raises:
            InvalidInput: ``params`` are not the ones the query's header declares.
        """
        query = queries.get(name)
        query.check_params(params)

        def work(tx: ManagedTransaction, attempts: list[int]) -> WriteCounts:
            attempts[0] += 1
            return _counted(tx.run(cast(LiteralString, query.text), params).consume().counters)

        with self.driver.session(database=self.database) as session:
            counts = _write_retrying(session, work)
        self.counts.add(counts)
        return counts

    def write_query(
        self,
        query: queries.NamedQuery,
        rows: Sequence[dict[str, Any]] | Iterable[dict[str, Any]],
        params: dict[str, Any] | None = None,
        on_batch: Callable[[int], None] | None = None,
    ) -> WriteCounts:
        """``write`` for a query parsed elsewhere (the benchmarks' baselines)."""
        extra = params or {}
        query.check_params({"rows": None, **extra})
        total = WriteCounts()

        def work(tx: ManagedTransaction, batch: list[dict[str, Any]], attempts: list[int]) -> WriteCounts:
            # The driver calls this again after a transient error: every call past the first is a retry.
            attempts[0] += 1
            summary = tx.run(cast(LiteralString, query.text), rows=batch, **extra).consume()
            return _counted(summary.counters, rows=len(batch), batches=1)

        with self.driver.session(database=self.database) as session:
            for batch in chunked(rows, self.batch_size):
                counts = _write_retrying(session, work, batch)
                total.add(counts)
                if on_batch is not None:
                    on_batch(len(batch))
        self.counts.add(total)
        return total


def _counted(c: SummaryCounters, rows: int = 0, batches: int = 0) -> WriteCounts:
    """What one transaction changed, as ``WriteCounts``."""
    return WriteCounts(
        rows=rows,
        batches=batches,
        nodes_created=c.nodes_created,
        relationships_created=c.relationships_created,
        properties_set=c.properties_set,
        nodes_deleted=c.nodes_deleted,
        relationships_deleted=c.relationships_deleted,
    )


# How long a batch is tried again after a lock wait, a deadlock or a node another load deleted under it.
# The driver's own retries stop at its retry time, which the API sets to 2 s so that an outage answers
# 503 at once; a load waiting on another load's lock is not an outage, and every batch is an idempotent
# MERGE, so it may run again.
WRITE_RETRY_S = 30.0
_ENTITY_GONE = "Neo.ClientError.Statement.EntityNotFound"


def retryable_write_error(exc: Exception) -> bool:
    """A concurrent load's lock or delete, not an outage and not a bad query.

    >>> from neo4j.exceptions import ClientError, TransientError
    >>> lock = TransientError._hydrate_neo4j(code="Neo.TransientError.Transaction.DeadlockDetected", message="x")
    >>> down = TransientError._hydrate_neo4j(code="Neo.TransientError.General.DatabaseUnavailable", message="x")
    >>> gone = ClientError._hydrate_neo4j(code=_ENTITY_GONE, message="x")
    >>> syntax = ClientError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="x")
    >>> [retryable_write_error(e) for e in (lock, down, gone, syntax)]
    [True, False, True, False]
    """
    if isinstance(exc, TransientError):
        return not is_unavailable(exc)
    return isinstance(exc, ClientError) and exc.code == _ENTITY_GONE


def _write_retrying(session: Session, work: Callable[..., WriteCounts], *args: Any) -> WriteCounts:
    """``session.execute_write(work, *args)``, tried again while ``retryable_write_error`` (up to
    ``WRITE_RETRY_S``); the counts' ``retries`` is every call of ``work`` past the first."""
    deadline = time.monotonic() + WRITE_RETRY_S
    delay = 0.2
    attempts = [0]
    while True:
        try:
            counts: WriteCounts = session.execute_write(work, *args, attempts)
        except (TransientError, ClientError) as exc:
            if not retryable_write_error(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 5.0)
            continue
        counts.retries = attempts[0] - 1
        return counts


def chunked(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Yield lists of at most ``size`` rows.

    >>> [len(b) for b in chunked(({"i": i} for i in range(5)), 2)]
    [2, 2, 1]
    """
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
