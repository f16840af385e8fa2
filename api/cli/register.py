"""``revkg load register PATH…``: planners' Excel/CSV registers into the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.cli.common import console, driver, err_console, progress, report_interrupted, settings
from api.cli.common import provinces as province_codes
from graph.errors import LoadInterrupted
from graph.messages import say
from loaders import register as register_loader
from loaders.files import expand
from loaders.places import PlaceIndex


def register(
    paths: Annotated[list[Path], typer.Argument(help="Register files (.xlsx, .xls, .csv) or folders holding them.")],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="pairings | weak | projects | leaders; detected from each sheet's headers when omitted.",
        ),
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            help="Write rejected rows and warnings here (.xlsx or .csv).",
        ),
    ] = None,
    provinces: Annotated[
        str | None,
        typer.Option(
            "--provinces",
            help="Resolve names only against these 2-digit province codes (faster); all of China when omitted.",
        ),
    ] = None,
) -> None:
    """Load registers (pairings, weak villages, projects, leaders); bad rows are reported, good rows load."""
    if kind is not None and kind not in register_loader.KINDS:
        err_console.print(f"[red]--kind must be one of {', '.join(register_loader.KINDS)}[/red]")
        raise typer.Exit(2)
    files = expand(paths, register_loader.EXTENSIONS)
    missing = [p for p in files if not p.exists()]
    if missing:
        err_console.print(f"[red]No such file:[/red] {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    if not files:
        err_console.print("[red]No register files found.[/red]")
        raise typer.Exit(2)
    s = settings()
    wanted = province_codes(provinces)
    with err_console.status("Building the place index from the code table…"):
        index = PlaceIndex.for_home(s.home, wanted)
    with driver() as drv, progress() as bar:
        task = bar.add_task("rows written", total=0)

        def on_rows(event: str, n: int) -> None:
            if event == "read":
                bar.update(task, total=(bar.tasks[task].total or 0) + n)
            else:
                bar.advance(task, n)

        try:
            report = register_loader.load(
                drv,
                files,
                index,
                kind=kind,
                database=s.neo4j_database,
                on_rows=on_rows,
            )
        except LoadInterrupted as exc:
            options = [
                *(["--kind", kind] if kind else []),
                *(["--provinces", provinces] if provinces else []),
                *(["--rejects", str(rejects)] if rejects else []),
            ]
            raise report_interrupted(exc, ["revkg", "load", "register", *options], files) from exc
    table = Table(title=say("register.cli.title"))
    for column, numeric in (
        ("file", False),
        ("sheet", False),
        ("kind", False),
        ("rows", True),
        ("loaded", True),
        ("rejected", True),
        ("warnings", True),
    ):
        table.add_column(say(f"register.cli.{column}"), justify="right" if numeric else "left")
    for sheet in report.sheets:
        table.add_row(
            sheet.file,
            sheet.sheet,
            say(f"register.kind.{sheet.kind}") if sheet.kind else "?",
            str(sheet.rows),
            str(sheet.loaded),
            f"[red]{sheet.rejected}[/red]" if sheet.rejected else "0",
            str(sheet.warnings),
        )
    console.print(table)
    file_level = [i for i in report.issues if i.row is None and i.sheet is None]
    for issue in file_level:
        console.print(f"[red]{issue.file}:[/red] {issue.reason}")
    console.print(
        say(
            "register.cli.summary",
            summary=report.summary(),
            seconds=f"{report.seconds:.1f}",
            retries=report.writes.retries,
        )
    )
    if rejects is not None:
        register_loader.write_issues(rejects, report.issues)
        console.print(say("register.cli.rejects_written", path=rejects))
    elif report.issues:
        for issue in report.issues[:20]:
            where = (
                say("register.cli.where", file=issue.file, sheet=issue.sheet or "", row=issue.row)
                if issue.row
                else issue.file
            )
            severity = say(f"register.severity.{issue.severity}")
            console.print(f"[yellow]{severity}[/yellow] {where} {issue.column or ''}：{issue.reason}")
        if len(report.issues) > 20:
            console.print(say("register.cli.more", count=len(report.issues) - 20))
