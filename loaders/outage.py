"""What a load had done when Neo4j went away, so the person running it knows what to re-run.

Loaders wrap each file's (or document's) write in ``OutageGuard.writing``: an error meaning the
server is unreachable (killed, stopped, restarting) becomes ``LoadInterrupted`` naming the file,
the rows of it confirmed committed, the files already loaded and the ones still to load. Any other
error passes through unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import DatabaseUnavailable, LoadInterrupted
from graph.records import is_unavailable

OnRows = Callable[[str, int], None]


class OutageGuard:
    """Keeps track of a load's progress across files; see the module docstring.

    Args:
        names: every file or document the load will try, in order.
        on_rows: the caller's progress callback, passed on unchanged (see ``counting``).
    """

    def __init__(self, names: Sequence[str], on_rows: OnRows | None = None) -> None:
        self.names = list(names)
        self.loaded: list[str] = []
        self.current: str | None = None
        self.rows_committed = 0
        self._count_rows = True
        self._on_rows = on_rows

    def counting(self, stage: str, n: int) -> None:
        """A progress callback that counts the rows each committed batch held, then calls the caller's."""
        if stage == "written":
            self.rows_committed += n
        if self._on_rows is not None:
            self._on_rows(stage, n)

    def finished(self, name: str) -> None:
        """``name`` needs no re-run although nothing was written for it (it was rejected)."""
        self.loaded.append(name)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Lookups before any write (stored hashes, decisions): an outage there left nothing written."""
        with self._translated():
            yield

    @contextmanager
    def writing(self, name: str, count_rows: bool = True) -> Iterator[None]:
        """Around the writes of one file or document ``name``."""
        self.current, self.rows_committed = name, 0
        self._count_rows = count_rows
        with self._translated():
            yield
        self.loaded.append(name)
        self.current = None

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except (ServiceUnavailable, SessionExpired, Neo4jError, DatabaseUnavailable) as exc:
            # graph.records turns the driver's error into DatabaseUnavailable already (found when a
            # kill fell on a file's first write, its Document); BatchWriter lets the driver's through.
            if isinstance(exc, LoadInterrupted) or not (isinstance(exc, DatabaseUnavailable) or is_unavailable(exc)):
                raise
            done = set(self.loaded)
            pending = [n for n in self.names if n not in done]
            rows = self.rows_committed if self.current is not None and self._count_rows else None
            raise LoadInterrupted(self.current, self.loaded, rows, pending) from exc
