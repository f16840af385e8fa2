"""The planners' web console: server-rendered pages (Jinja2) over the same ``graph/`` analyses the
JSON API runs, with a little of our own JavaScript for sorting, lazy suggestions and the writes
(which send the personal key a planner signs in with once per browser session)."""

from api.console.routes import open_router, router, sign_in_url

__all__ = ["open_router", "router", "sign_in_url"]
