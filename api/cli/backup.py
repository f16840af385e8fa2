"""``revkg backup`` and ``revkg restore``: offline dump and load of the managed Neo4j server's database."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.common import console, err_console, settings
from graph.backup import BackupError, human_size
from graph.backup import backup as run_backup
from graph.backup import restore as run_restore


def backup(
    to: Path | None = typer.Option(
        None,
        "--to",
        help="Folder for the dump file (default: <REVKG_HOME>/backups).",
        file_okay=False,
    ),
) -> None:
    """Dump the managed server's graph to DIR/revkg-<instance>-<UTC time>.dump (neo4j-admin database dump).

    Neo4j Community has no online backup: the server is stopped for the dump
    and started again if it was running. Works only for the server revkg manages (not with REVKG_NEO4J_URI).
    """
    s = settings()
    if s.managed:
        console.print(
            "Backing up: an offline dump, as Neo4j Community has no online backup; "
            "a running server is stopped meanwhile…"
        )
    try:
        result = run_backup(s, to)
    except BackupError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(f"Backup written: {result.path}")
    console.print(
        f"  size {human_size(result.size_bytes)} ({result.size_bytes} bytes); took {result.seconds:.1f}s "
        f"(dump {result.dump_seconds:.1f}s){'; Neo4j is running again' if result.restarted else ''}"
    )


def restore(
    file: Path = typer.Argument(..., help="A dump written by `revkg backup` (or neo4j-admin database dump)."),
    force: bool = typer.Option(False, "--force", help="Overwrite a graph that is not empty."),
) -> None:
    """Replace the managed server's graph with a dump (neo4j-admin database load); the server is briefly stopped.

    Refuses to overwrite a graph that holds anything unless --force is given.
    Works only for the server revkg manages (not with REVKG_NEO4J_URI).
    """
    s = settings()
    try:
        result = run_restore(s, file, force=force)
    except BackupError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(
        f"Restored {result.path}: {result.nodes} nodes, {result.relationships} relationships "
        f"(replaced {result.replaced_nodes} nodes); took {result.seconds:.1f}s "
        f"(load {result.load_seconds:.1f}s)"
    )
