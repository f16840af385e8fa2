"""The planners' web console: server-rendered pages (Jinja2) over the same ``graph/`` analyses the
JSON API runs, with a little of our own JavaScript for sorting, lazy suggestions and the writes
(which send the API key a planner enters once per browser session)."""

from api.console.routes import router

__all__ = ["router"]
