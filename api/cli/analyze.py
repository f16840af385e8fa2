"""``revkg analyze …``: the planners' analyses as readable tables, or saved to .csv / .xlsx."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

import typer
from rich.table import Table

from api.cli.common import console, driver, err_console, settings
from graph import analyses
from graph.errors import RevkgError
from graph.search import search as search_graph

app = typer.Typer(
    help="Answer planners' questions: uncovered weak villages, coverage, helper load …", no_args_is_help=True
)

T = TypeVar("T")

AS_OF = typer.Option(None, "--as-of", help="The day pairings are judged on (YYYY-MM-DD); today when omitted.")
DISTRICT = typer.Option(None, "--district", help="District code or name (310151, 崇明区).")
PROVINCE = typer.Option(None, "--province", help="Province code or name (31, 上海市); --district is narrower.")
OUT = typer.Option(
    None, "--out", help="Save the table as .csv or .xlsx instead of printing it (a folder: named for what and when)."
)
HEADERS = typer.Option("zh", "--headers", help="Saved file's headers: zh (Chinese) or en (the API's JSON keys).")


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError as exc:
        err_console.print(f"[red]--as-of must be a date like 2024-06-30, not {text!r}[/red]")
        raise typer.Exit(2) from exc


def _run(work: Callable[[Any, str], T]) -> T:
    """Run one analysis with the process's driver; graph errors become one red line and exit 1."""
    s = settings()
    with driver() as drv:
        try:
            return work(drv, s.neo4j_database)
        except RevkgError as exc:
            err_console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from exc


def _cell(value: Any) -> str:
    from api.tabular import cell

    text = cell(value)
    return "" if text is None else str(text)


def _show(
    rows: Sequence[dict[str, Any]],
    export: str,
    title: str,
    out: Path | None,
    headers: str = "zh",
    scope: str | None = None,
    as_of: str | None = None,
) -> None:
    """Print ``rows`` as a table, or save them: either way with the columns of ``EXPORTS[export]``, as the API's download."""
    from api.tabular import EXPORTS

    columns = list(EXPORTS[export].columns)
    if out is not None:
        written = _save(rows, export, columns, out, headers, scope, as_of)
        console.print(f"{len(rows)} rows written to {written}")
        return
    if not rows:
        console.print(f"{title}: nothing found.")
        return
    table = Table(title=f"{title} ({len(rows)})")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console.print(table)


def _save(
    rows: Sequence[dict[str, Any]],
    export: str,
    columns: Sequence[str],
    out: Path,
    headers: str,
    scope: str | None,
    as_of: str | None,
) -> Path:
    """Write the file; a folder for ``--out`` gets the download's own name (what, where, when)."""
    from api.tabular import EXPORTS, file_name, table_bytes

    if headers not in ("zh", "en"):
        err_console.print("[red]--headers must be zh or en[/red]")
        raise typer.Exit(2)
    spec = EXPORTS[export]
    if out.is_dir():
        out = out / file_name(spec, "xlsx", scope, _day(as_of))
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in ("csv", "xlsx"):
        err_console.print("[red]--out must end in .csv or .xlsx (or name a folder)[/red]")
        raise typer.Exit(2)
    # Both checked just above; the casts tell the type checker what the checks proved.
    fmt = cast(Literal["csv", "xlsx"], suffix)
    language = cast(Literal["zh", "en"], headers)
    out.write_bytes(table_bytes(rows, columns, fmt, spec.title, spec.headers(language, columns), _day(as_of)))
    return out


@app.command()
def uncovered(
    province: str | None = PROVINCE,
    district: str | None = DISTRICT,
    town: str | None = typer.Option(None, "--town", help="Town code or name (310151102, 堡镇)."),
    as_of: str | None = AS_OF,
    nearest: int = typer.Option(3, help="Nearby helpers listed per village."),
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """Weak villages nobody is paired with, and the nearest helpers."""
    rows = _run(
        lambda drv, db: analyses.uncovered_weak_villages(
            drv, _day(as_of), district, town, nearest, db, province=province
        )
    )
    _show(
        rows,
        "uncovered_weak_villages",
        "Uncovered weak villages 未结对薄弱村",
        out,
        headers,
        town or district or province,
        as_of,
    )


@app.command()
def coverage(
    parent: str | None = typer.Option(
        None, "--parent", help="Province/city for districts; the district for --level town."
    ),
    level: str = typer.Option("district", "--level", help="district or town."),
    as_of: str | None = AS_OF,
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """Coverage of weak villages per district or per town, with reports' claims beside it."""
    if level not in ("district", "town"):
        err_console.print("[red]--level must be district or town[/red]")
        raise typer.Exit(2)
    # level was checked above to be one of the two literals coverage takes.
    rows = _run(lambda drv, db: analyses.coverage(drv, _day(as_of), level, parent, db))  # type: ignore[arg-type]
    _show(rows, f"coverage_by_{level}", "Coverage 覆盖率", out, headers, parent, as_of)


@app.command()
def helpers(
    district: str | None = DISTRICT,
    as_of: str | None = AS_OF,
    spread_towns: int = typer.Option(analyses.SPREAD_TOWNS, help="Towns spanned that count as spread thin."),
    many_villages: int = typer.Option(analyses.MANY_VILLAGES, help="Villages that count as carrying many."),
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """Helpers ranked by villages paired, with spread, projects, money and flags."""
    rows = _run(lambda drv, db: analyses.helper_load(drv, _day(as_of), district, spread_towns, many_villages, db))
    _show(rows, "helper_load", "Helper load 帮扶单位负担", out, headers, district, as_of)


@app.command()
def clusters(
    province: str | None = PROVINCE,
    district: str | None = DISTRICT,
    as_of: str | None = AS_OF,
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """Clusters of helpers and villages bound by pairings, joint projects and shared resources."""
    found = _run(
        lambda drv, db: analyses.shared_resource_clusters(drv, _day(as_of), district, database=db, province=province)
    )
    # One row per member, as the API's download.
    _show(
        analyses.cluster_members(found),
        "shared_resource_clusters",
        "Shared-resource clusters 资源共享群落",
        out,
        headers,
        district or province,
        as_of,
    )


@app.command()
def suggest(
    village: str | None = typer.Option(None, "--village", help="Village code."),
    district: str | None = DISTRICT,
    as_of: str | None = AS_OF,
    capacity: int = typer.Option(analyses.CAPACITY, help="Most villages a helper should carry."),
    per_village: int = typer.Option(3, help="Candidates per village."),
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """Ranked candidate helpers, with reasons, for a village or a district's uncovered weak villages."""
    rows = _run(
        lambda drv, db: analyses.pairing_suggestions(drv, _day(as_of), village, district, capacity, per_village, db)
    )
    _show(rows, "pairing_suggestions", "Pairing suggestions 结对推荐", out, headers, village or district, as_of)


@app.command()
def paths(
    source: str = typer.Argument(..., help="Village code or helper uid."),
    target: str = typer.Argument(..., help="The other entity."),
    max_paths: int = typer.Option(5, help="Most paths."),
) -> None:
    """How two entities are connected (shortest paths skipping PART_OF), with evidence."""
    rows = _run(lambda drv, db: analyses.paths(drv, source, target, max_paths, db))
    shown = [
        {
            "hops": r["hops"],
            "path": " → ".join(f"{n['name']}" for n in r["nodes"]),
            "relationships": [
                f"{rel['type']} ({rel['source_id'] or 'no source'}: {rel['evidence'] or ''})"
                for rel in r["relationships"]
            ],
        }
        for r in rows
    ]
    _show(shown, "paths", "Connections 关联路径", None)


@app.command()
def search(
    q: str = typer.Argument(..., help="Name, part of a name, code or pinyin."),
    limit: int = typer.Option(20, help="Most results."),
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """Find villages, towns, districts and helpers by name, code or pinyin, with their path."""
    rows = _run(lambda drv, db: search_graph(drv, q, limit, db))
    _show(rows, "search", "Search 搜索", out, headers, q)


PLAN_STAGES = {
    "demand": "读取未结对薄弱村 · reading the uncovered weak villages",
    "links": "读取往期结对与图中距离 · reading previous pairings and graph distances",
    "supply": "读取帮扶单位及负担 · reading the helpers and their loads",
    "candidates": "构建候选图 · building the candidate graph",
    "solve": "求解最小费用流 · solving the min-cost flow",
}


@app.command()
def plan(
    scope: str = typer.Argument(..., help="District, city or province: code or name (崇明区, 3101, 上海市)."),
    as_of: str | None = AS_OF,
    capacity: int = typer.Option(analyses.CAPACITY, "--capacity", help="Most villages a helper should carry."),
    kind_capacity: list[str] = typer.Option(
        [], "--kind-capacity", help="Maximum for one kind of helper, kind=n (repeatable: --kind-capacity enterprise=3)."
    ),
    capacity_csv: Path | None = typer.Option(
        None, "--capacity-csv", help="CSV of per-helper maximums: columns helper_uid (帮扶单位标识), capacity (上限)."
    ),
    helpers_per_village: int = typer.Option(1, "--helpers-per-village", help="Helpers each village needs."),
    candidates: int = typer.Option(analyses.PLAN_CANDIDATES, "--candidates", help="Candidates kept per village."),
    out: Path | None = OUT,
    headers: str = HEADERS,
) -> None:
    """The optimal pairing plan for an area's uncovered weak villages (min-cost flow), against greedy."""
    by_helper = {}
    if capacity_csv is not None:
        try:
            by_helper = analyses.read_capacity_csv(capacity_csv.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, RevkgError) as exc:
            err_console.print(f"[red]--capacity-csv {capacity_csv}: {exc}[/red]")
            raise typer.Exit(2) from exc

    def work(drv: Any, db: str) -> analyses.Plan:
        with err_console.status(PLAN_STAGES["demand"]) as status:
            return analyses.pairing_plan(
                drv,
                scope,
                _day(as_of),
                capacity,
                capacity_by_kind=analyses.parse_limits(kind_capacity),
                capacity_by_helper=by_helper,
                helpers_per_village=helpers_per_village,
                candidates=candidates,
                database=db,
                progress=lambda stage: status.update(PLAN_STAGES.get(stage, stage)),
            )

    made = _run(work)
    _show(
        made.table(),
        "pairing_plan",
        f"Pairing plan 结对方案 {made.scope['name']}",
        out,
        headers,
        made.scope["name"],
        as_of,
    )
    summary = Table(title="方案与逐村取首选推荐（greedy）对比 · plan vs greedy")
    for column in ("", "villages covered 覆盖村数", "total cost 总成本", "largest load 最大负担"):
        summary.add_column(column)
    for name, figures in (("plan 最优方案", made.objective), ("greedy 逐村首选", made.greedy)):
        summary.add_row(
            name,
            f"{figures['villages_covered']} / {figures['villages']}",
            f"{figures['total_cost']:.3f}",
            str(figures["largest_load"]),
        )
    console.print(summary)
    for short in made.infeasible:
        console.print(f"未能安排 {short['village']} {short['village_code'] or ''}: {short['reason']}")
