"""``revkg load …``: bring sources into the graph."""

from __future__ import annotations

import typer
from neo4j.exceptions import DriverError, Neo4jError

from api.cli.common import console, driver, err_console, progress, settings
from api.cli.common import provinces as province_codes
from api.cli.register import register
from graph.errors import RevkgError
from graph.messages import say
from loaders import gazetteer as gazetteer_loader
from loaders import gazetteer_import

app = typer.Typer(help="Load the gazetteer, registers and reports.", no_args_is_help=True)


def load_gazetteer(provinces: str | None, through_bolt: bool = False) -> gazetteer_loader.GazetteerReport:
    """Load the code table of ``provinces``, then check it per province against the code table and
    load again what is short (a plain function: ``revkg load gazetteer`` and ``revkg up`` call it).

    Into the managed server's empty graph the offline importer builds the store (the server is
    stopped and started around it); otherwise, or with ``through_bolt``, batched writes through Bolt.
    A load that does not finish, or a spine still short afterwards, is one red line and a non-zero exit.
    """
    s = settings()
    wanted = province_codes(provinces)
    data_dir = gazetteer_loader.ensure_downloaded(s.home / "gazetteer")
    if s.managed and not through_bolt:
        with driver() as drv:
            empty = gazetteer_import.graph_is_empty(drv, s.neo4j_database)
        if empty:
            console.print(say("gazetteer.cli.empty_graph"))
            return gazetteer_import.first_load(
                s, data_dir, wanted, on_step=lambda code: console.print(f"  {say(code)} …", highlight=False)
            )
    totals = gazetteer_loader.count_rows(data_dir, wanted)
    with driver() as drv:
        try:
            with progress() as bar:
                tasks = {level: bar.add_task(f"{level:<9}", total=n) for level, n in totals.items()}
                report = gazetteer_loader.load(
                    drv,
                    data_dir,
                    wanted,
                    database=s.neo4j_database,
                    on_rows=lambda level, n: bar.advance(tasks[level], n),
                )
            check = gazetteer_loader.complete_spine(drv, data_dir, wanted, database=s.neo4j_database)
        except gazetteer_loader.GazetteerIncomplete as exc:
            err_console.print(f"[red]{say('gazetteer.cli.unfinished', reason=exc)}[/red]", markup=True)
            raise typer.Exit(1) from exc
        except (Neo4jError, DriverError, RevkgError) as exc:
            reason = f"{type(exc).__name__}: {exc}"
            err_console.print(f"[red]{say('gazetteer.cli.unfinished', reason=reason)}[/red]")
            raise typer.Exit(3) from exc
    if check.completed:
        console.print(say("gazetteer.cli.completed", provinces="、".join(check.completed)))
    return report


@app.command()
def gazetteer(
    provinces: str = typer.Option(
        None,
        "--provinces",
        help="Comma-separated 2-digit province codes (31 = 上海, 35 = 福建); all of China when omitted.",
    ),
    through_bolt: bool = typer.Option(
        False,
        "--through-bolt",
        help="Write through Bolt even into an empty managed graph (which otherwise neo4j-admin import builds).",
    ),
) -> None:
    """Load the national five-level code table (统计用区划代码 2023), idempotently."""
    report = load_gazetteer(provinces, through_bolt)
    counts = "，".join(f"{say('gazetteer.level.' + level)} {n:,}" for level, n in report.counts.items())
    console.print(say("gazetteer.cli.loaded", counts=counts, seconds=f"{report.seconds:.1f}"))
    for problem in report.rejected:
        console.print(f"[yellow]{say('gazetteer.cli.rejected', problem=problem)}[/yellow]", markup=True)


app.command("register")(register)
