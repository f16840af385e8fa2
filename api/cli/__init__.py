"""The ``revkg`` command line. Each sub-command group lives in its own module."""

from __future__ import annotations

import typer

from api.cli import analyze, load, neo4j, schema, up, users
from api.cli import backup as backup_cli
from api.cli import reports as reports_cli

app = typer.Typer(
    name="revkg",
    help="revkg: the rural-revitalization pairing knowledge graph (结对帮扶知识图谱) on Neo4j.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.add_typer(neo4j.app, name="neo4j")
app.add_typer(schema.app, name="schema")
app.add_typer(load.app, name="load")
app.add_typer(analyze.app, name="analyze")
app.add_typer(users.app, name="users")
app.command("up")(up.up)
app.command("serve")(up.serve)
app.command("extract")(reports_cli.extract)
app.add_typer(reports_cli.review_app, name="review")
app.command("backup")(backup_cli.backup)
app.command("restore")(backup_cli.restore)
