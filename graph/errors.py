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
