"""``revkg extract``, ``revkg load reports`` and ``revkg review``: Chinese reports into the graph."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from api.cli.common import cli_user, console, driver, err_console, progress, report_interrupted, settings
from api.cli.common import provinces as province_codes
from api.cli.load import app as load_app
from graph.errors import LoadInterrupted
from loaders import reports as reports_loader
from loaders.places import PlaceIndex

review_app = typer.Typer(help="List and decide what needs a person's decision.", invoke_without_command=True)

_PROVINCES_HELP = "Comma-separated 2-digit province codes to index (all of China when omitted; faster when given)."


def _index(provinces: str | None) -> PlaceIndex:
    wanted = province_codes(provinces)
    started = time.perf_counter()
    index = PlaceIndex.for_home(settings().home, wanted)
    err_console.print(f"Indexed {len(index):,} places in {time.perf_counter() - started:.1f}s.")
    return index


def extract(
    paths: list[Path] = typer.Argument(..., exists=True, help="Report files or folders (UTF-8 or GB18030 text)."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON fact per line (the default prints a summary)."),
    provinces: str = typer.Option(None, "--provinces", help=_PROVINCES_HELP),
) -> None:
    """Print the facts a report states, with evidence, without touching the database."""
    extractor = reports_loader.Extractor(_index(provinces))
    for path in reports_loader.iter_paths(paths):
        doc = reports_loader.read(path)
        problem = reports_loader.validate(doc)
        if problem:
            err_console.print(f"[yellow]rejected:[/yellow] {problem}")
            continue
        result = extractor.extract(doc)
        if jsonl:
            for fact in result.facts:
                typer.echo(json.dumps(fact.as_json(), ensure_ascii=False))
        else:
            kinds: dict[str, int] = {}
            for fact in result.facts:
                kinds[fact.kind] = kinds.get(fact.kind, 0) + 1
            review = sum(1 for f in result.facts if reports_loader.needs_review(f))
            console.print(
                f"{doc.uid}: "
                + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
                + f"; {review} for review; region {','.join(result.region) or '?'}"
            )


@load_app.command("reports")
def load_reports(
    paths: list[Path] = typer.Argument(..., exists=True, help="Report files or folders."),
    provinces: str = typer.Option(None, "--provinces", help=_PROVINCES_HELP),
    force: bool = typer.Option(False, "--force", help="Re-extract even documents whose content is unchanged."),
) -> None:
    """Load reports: extract, resolve and write their facts (idempotent; a changed report replaces its facts)."""
    index = _index(provinces)
    files = list(reports_loader.iter_paths(paths))
    s = settings()
    with driver() as drv, progress() as bar:
        task = bar.add_task("reports  ", total=len(files))
        try:
            report = reports_loader.load(
                drv, files, index, database=s.neo4j_database, force=force, on_document=lambda _uid: bar.advance(task)
            )
        except LoadInterrupted as exc:
            options = [*(["--provinces", provinces] if provinces else []), *(["--force"] if force else [])]
            raise report_interrupted(exc, ["revkg", "load", "reports", *options], files) from exc
    facts = ", ".join(f"{n} {k}" for k, n in sorted(report.facts.items()))
    console.print(
        f"Wrote {len(report.written)} report(s), {len(report.unchanged)} unchanged, "
        f"{len(report.rejected)} rejected in {report.seconds:.1f}s. Facts: {facts or 'none'}. "
        f"{report.writes.retries} write(s) retried after a transient error (deadlock, lock timeout)."
    )
    if report.review_items:
        console.print(f"{report.review_items} item(s) need a decision: run `revkg review`.")
    for problem in report.rejected:
        console.print(f"[yellow]rejected:[/yellow] {problem}")


@review_app.callback()
def review(
    ctx: typer.Context,
    max_confidence: float = typer.Option(0.7, "--max-confidence", help="List mentions at or below this confidence."),
) -> None:
    """List mentions that need a person's decision (ambiguous, unresolved, fuzzy, low confidence)."""
    if ctx.invoked_subcommand is not None:
        return
    from graph import records as graph_records

    s = settings()
    with driver() as drv:
        records = graph_records.read(drv, "review/list_review_items", s.neo4j_database, max_confidence=max_confidence)
    if not records:
        console.print("Nothing to review.")
        return
    for r in records:
        decided = f" decided={r['decided_code']}" if r["decided_code"] else ""
        candidates = ",".join(r["candidates"] or [])
        console.print(
            f"[bold]{r['key'] or '-'}[/bold] {r['label']} {r['status'] or 'resolved'} "
            f"{r['method']} conf={r['confidence']} node={r['node']}"
            f"{' candidates=' + candidates if candidates else ''}{decided}\n"
            f"    {r['document']} {r['source_loc']}: {r['evidence'][:120]}"
        )


@review_app.command("decide")
def decide(
    key: str = typer.Argument(..., help="The mention key shown by `revkg review` (name@scope code)."),
    code: str = typer.Option(
        None, "--code", help="The official 12-digit code; omit to confirm it is not in the table."
    ),
    note: str = typer.Option("", "--note", help="Why."),
    provinces: str = typer.Option(None, "--provinces", help=_PROVINCES_HELP),
) -> None:
    """Record a decision and apply it at once: the reports naming the mention are read again with it."""
    from graph import analyses, review
    from graph.errors import InvalidInput

    s = settings()
    with driver() as drv:
        try:
            decision = review.decide(drv, key, code, note, s.neo4j_database, decided_by=cli_user().name)
        except InvalidInput as exc:
            err_console.print(exc.message())
            raise typer.Exit(2) from exc
        stored = review.documents_for(drv, decision["key"], s.neo4j_database)
        wanted = provinces or ",".join(analyses.loaded_provinces(drv, s.neo4j_database)) or None
        result = reports_loader.reextract(drv, stored, _index(wanted), database=s.neo4j_database)
        found = review.effects(drv, decision["key"], s.neo4j_database)
    console.print(f"已记录 {decision['key']} → {decision['decided_code'] or '不在代码表'}。")
    console.print(review.describe_effects(found, len(result.written)))
    for problem in result.rejected:
        err_console.print(problem)
