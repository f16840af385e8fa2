"""``revkg up`` (the whole main job) and ``revkg serve`` (the API alone)."""

from __future__ import annotations

import os

import typer

from api.cli.common import console, driver, settings
from api.cli.load import load_gazetteer
from graph.schema import install_schema
from graph.server import LocalNeo4j

DEMO_PROVINCES = "31,35"  # 上海 and 福建: the provinces the demo reports come from


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes; one per core serves the most requests."),
) -> None:
    """Serve the query API (docs at /docs)."""
    import uvicorn

    os.environ["REVKG_API_PORT"] = str(port)
    console.print(f"API docs:      http://{host}:{port}/docs")
    s = settings()
    if s.managed:
        console.print(f"Neo4j Browser: {s.browser_url}  (user {s.neo4j_user}, password from REVKG_NEO4J_PASSWORD)")
    uvicorn.run("api.main:app", host=host, port=port, log_level="info", workers=workers)


def up(
    provinces: str = typer.Option(DEMO_PROVINCES, help="Provinces of the gazetteer to load, or 'all' for all of China."),
    demo: bool = typer.Option(True, help="Load the demo registers and the corpus reports."),
    port: int = typer.Option(8000, help="API port."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Prepare everything but do not start the API."),
) -> None:
    """Install and start Neo4j, apply the schema, load the gazetteer and demo data, serve the API."""
    os.environ["REVKG_API_PORT"] = str(port)
    s = settings()
    if s.managed:
        status = LocalNeo4j(s).start()
        console.print(status.describe())
    with driver():
        install_schema()
    console.print("Schema applied.")
    report = load_gazetteer(provinces)
    console.print("Gazetteer: " + ", ".join(f"{n:,} {lv}" for lv, n in report.counts.items()) + f" in {report.seconds:.1f}s")
    if demo:
        try:
            from loaders.demo import load_demo
        except ImportError:
            console.print("[yellow]No demo data set is available in this build.[/yellow]")
        else:
            with driver() as drv:
                summary = load_demo(drv, s)
            console.print(f"Demo data: {summary}")
    if not no_serve:
        serve(port=port)
