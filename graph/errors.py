"""The errors ``graph/`` raises; the API maps each once to an HTTP status."""


class RevkgError(Exception):
    """Base of revkg's own errors; the message is meant for the person who made the request."""


class NotFound(RevkgError):
    """The entity asked for does not exist (HTTP 404)."""


class Conflict(RevkgError):
    """The request contradicts what the graph holds (HTTP 409)."""


class InvalidInput(RevkgError):
    """The request is malformed or names something ambiguous (HTTP 422)."""


class DatabaseUnavailable(RevkgError):
    """Neo4j cannot be reached right now (HTTP 503)."""


class LoadInterrupted(DatabaseUnavailable):
    """Neo4j went away in the middle of a load.

    Attributes:
        source: the file or document being written when it happened (None: before any write).
        loaded: files or documents finished before it (written in full, or rejected).
        rows_committed: rows of ``source`` whose batches were confirmed committed (None: not counted).
        pending: what a re-run has to load again (``source`` and everything after it).
    """

    def __init__(self, source: str | None, loaded: list[str], rows_committed: int | None, pending: list[str]):
        self.source = source
        self.loaded = list(loaded)
        self.rows_committed = rows_committed
        self.pending = list(pending)
        if source is None:
            where = "before anything was written"
        else:
            rows = "" if rows_committed is None else f"; {rows_committed} of its rows were committed"
            # A batch whose commit was under way when the connection died may be in or not: the
            # file is not marked loaded either way, so the re-run replaces whatever it left.
            where = f"while writing {source}{rows}, and it is not marked loaded, so a re-run redoes it in full"
        done = f"{len(self.loaded)} finished before that" if self.loaded else "nothing was finished before that"
        super().__init__(f"Neo4j became unreachable {where} ({done}). Re-run the load once Neo4j answers again.")
