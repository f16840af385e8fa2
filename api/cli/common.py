"""What every CLI command shares: settings, the driver, progress bars and error output."""

from __future__ import annotations

import getpass
import shlex
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import typer
from neo4j import Driver
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.db import connect
from graph.errors import LoadInterrupted
from graph.server import LocalNeo4j, ServerError
from graph.settings import Settings, get_settings
from graph.users import User
from loaders.gazetteer import parse_provinces

console = Console(soft_wrap=True)  # a long line stays one line, also in a pipe or a log
err_console = Console(stderr=True, soft_wrap=True)


def settings() -> Settings:
    try:
        return get_settings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        err_console.print(f"[red]Invalid settings:[/red] {exc}")
        raise typer.Exit(2) from exc


def cli_user() -> User:
    """Who the command line acts as, for provenance and the audit trail: the shell's user, as an admin
    (whoever runs revkg on the server's machine can reach the graph anyway)."""
    return User(f"命令行:{getpass.getuser()}", "admin")


def provinces(text: str | None) -> list[str] | None:
    """``--provinces`` as codes (``None``: all of China); a malformed list is one red line and exit 2."""
    try:
        return parse_provinces(text)
    except ValueError as exc:
        err_console.print(f"[red]--provinces: {exc}[/red]")
        raise typer.Exit(2) from exc


def start_local_neo4j(s: Settings) -> LocalNeo4j:
    """Start the managed server (a no-op when it runs); a failure is one red line and exit 1."""
    local = LocalNeo4j(s)
    try:
        local.start()
    except ServerError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    return local


@contextmanager
def driver(start_local: bool = True) -> Iterator[Driver]:
    """The process's one driver; starts the managed server first when none is configured."""
    s = settings()
    if s.managed and start_local:
        start_local_neo4j(s)
    try:
        drv = connect(s)
    except Exception as exc:  # driver errors vary by cause; the person needs the gist, not a trace
        err_console.print(f"[red]Cannot reach Neo4j at {s.bolt_uri}:[/red] {type(exc).__name__}: {exc}")
        raise typer.Exit(3) from exc
    try:
        yield drv
    finally:
        drv.close()


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )


def rerun_command(command: Sequence[str], paths: Sequence[Path], pending: Sequence[str]) -> str:
    """The command line that loads again what an interrupted load left (``pending`` names), shell-quoted.

    >>> rerun_command(["revkg", "load", "register", "--provinces", "31"],
    ...               [Path("a.csv"), Path("my b.csv")], ["my b.csv"])
    "revkg load register --provinces 31 'my b.csv'"
    """
    left = [str(p) for p in paths if p.name in set(pending)] or [str(p) for p in paths]
    return shlex.join([*command, *left])


def report_interrupted(exc: LoadInterrupted, command: Sequence[str], paths: Sequence[Path]) -> typer.Exit:
    """Say what an interrupted load committed and what to re-run; the exit (3, as for an unreachable
    server) for the caller to raise."""
    err_console.print(f"[red]Load interrupted:[/red] {exc}")
    if exc.loaded:
        err_console.print(f"Finished before the outage: {', '.join(exc.loaded)}")
    err_console.print(f"Re-run when Neo4j answers (`revkg neo4j status`): {rerun_command(command, paths, exc.pending)}")
    return typer.Exit(3)
