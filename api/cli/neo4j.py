"""``revkg neo4j start|stop|status``: the Neo4j server revkg runs itself."""

from __future__ import annotations

import time

import typer

from api.cli.common import console, err_console, settings
from graph.server import LocalNeo4j, ServerError

app = typer.Typer(help="Install, start, stop and inspect the local Neo4j server.", no_args_is_help=True)


def _local() -> LocalNeo4j:
    s = settings()
    if not s.managed:
        console.print(f"REVKG_NEO4J_URI is set ({s.neo4j_uri}): revkg uses that server and manages none.")
        raise typer.Exit(0)
    return LocalNeo4j(s)


@app.command()
def start() -> None:
    """Install Neo4j on first use, start it, and wait until it answers a query (a no-op if running)."""
    local = _local()
    already = local.pid() is not None
    began = time.perf_counter()
    try:
        status = local.start()
    except ServerError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    if already:
        console.print("Already running.")
    else:
        console.print(f"Started in {time.perf_counter() - began:.1f}s.")
    console.print(status.describe())


@app.command()
def stop() -> None:
    """Stop the local server; no process is left behind."""
    local = _local()
    local.stop()
    console.print("Stopped.")


@app.command()
def status() -> None:
    """Say whether the local server runs and answers queries (exit 1 when it does not)."""
    local = _local()
    st = local.status()
    console.print(st.describe())
    if not st.answers_queries:
        raise typer.Exit(1)
