"""``revkg schema apply``: constraints and indexes."""

from __future__ import annotations

import typer

from api.cli.common import console, driver
from graph.schema import install_schema

app = typer.Typer(help="Install the graph schema (constraints and indexes).", no_args_is_help=True)


@app.command()
def apply() -> None:
    """Install every constraint and index; safe to run again."""
    with driver():
        install_schema()
    console.print("Schema applied.")
