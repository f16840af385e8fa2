"""The errors ``graph/`` raises; the API maps each once to an HTTP status."""


class RevkgError(Exception):
    """Base of revkg's own errors; the message is meant for the person who made the request.

    Raised with a message ``code`` of ``graph/messages.py`` (``NotFound(code="…", name=…)``), the
    error carries the code and its parameters, and the API answers in the client's language;
    ``str(exc)`` is the English text, for logs. Raised with plain text, it carries no code.
    """

    def __init__(self, *args: object, code: str | None = None, **params: object) -> None:
        self.code = code
        self.params = params
        if code is not None and not args:
            from graph.messages import say

            args = (say(code, "en", **params),)
        super().__init__(*args)

    def message(self, lang: str = "zh") -> str:
        """The text for a person: the coded message in ``lang``, else the plain text given."""
        if self.code is None:
            return str(self)
        from graph.messages import say

        return say(self.code, "en" if lang == "en" else "zh", **self.params)


class NotFound(RevkgError):
    """The entity asked for does not exist (HTTP 404)."""


class Conflict(RevkgError):
    """The request contradicts what the graph holds (HTTP 409)."""


class InvalidInput(RevkgError):
    """The request is malformed or names something ambiguous (HTTP 422)."""


class Unauthorized(RevkgError):
    """No key, or a key that is unknown, malformed, revoked or replaced (HTTP 401)."""


class Forbidden(RevkgError):
    """A valid key whose role does not allow this (HTTP 403)."""


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
