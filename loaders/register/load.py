"""Load: read → validate → resolve → write for each register file, and the report of what happened.

``prepare`` does the pure half of one file in memory (tests and benchmarks look at its rows);
``load`` streams each file in chunks of ``CHUNK_ROWS`` data rows, good or bad, so memory stays
bounded by a chunk, not by the file: each chunk's issues go on to the report's ``IssueSpool`` (on
disk past its first ``IssueSpool.KEEP``) as the chunk is done, and while one chunk is written, the
next is read, validated and resolved in a second thread (Python work beside Neo4j's). A CSV is
read as a stream, so a file of millions of rows, all bad, loads in the memory of one chunk; a
workbook is read whole (merged ranges are only known at the end of a sheet's XML), bounded by
Excel's 1,048,576 rows a sheet and ``workbook.MAX_UNPACKED_BYTES``. A file that cannot be opened leaves
its old facts untouched; one that fails half-way (a CSV line the csv module cannot split) keeps the
chunks already written and is not marked loaded, so the next load redoes it in full.
"""

from __future__ import annotations

import gc
import hashlib
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph import records
from loaders import files
from loaders.outage import OutageGuard
from loaders.places import PlaceIndex
from loaders.register.headers import Kind
from loaders.register.model import (
    EXTENSIONS,
    Issue,
    IssueSpool,
    LoadReport,
    RegisterError,
    Resolved,
    SheetResult,
    SheetSummary,
)
from loaders.register.read import open_sheets
from loaders.register.resolve import Resolver, resolve
from loaders.register.validate import iter_validated
from loaders.register.write import FACT_WRITERS, FileWriter

CHUNK_ROWS = 20_000


def prepare_chunks(
    path: Path, index: PlaceIndex, kind: Kind | None = None, chunk_rows: int = CHUNK_ROWS
) -> tuple[LoadReport, Iterator[list[Resolved]]]:
    """Read, validate and resolve one file lazily: the chunks of accepted rows, and the file's report,
    which is complete once the chunks are exhausted. When the file cannot be opened, the report holds
    that issue, no chunk follows, and ``report.files`` does not name the file.

    The iterator raises ``RegisterError`` (or ``OSError``) if the file breaks off half-way.
    """
    report = LoadReport()
    try:
        sheets = open_sheets(path)
    except (RegisterError, OSError) as exc:
        report.issues.append(Issue.coded(path.name, None, None, None, None, "register.file.not_read", problem=str(exc)))
        return report, iter(())
    report.files[path.name] = {"encoding": sheets[0].encoding if sheets else None}

    def chunks() -> Iterator[list[Resolved]]:
        resolver = Resolver(index)
        once = OncePerFile()
        for sheet in sheets:
            result = SheetResult(sheet.file, sheet.name, kind)
            rows = iter_validated(sheet.file, sheet.name, sheet.rows, result, kind, sheet.uncomputed, sheet.unreadable)
            loaded = issued = warnings = 0
            # Chunks of data rows, not of accepted ones: a run of bad rows hands its issues on too.
            while batch := list(islice(rows, chunk_rows)):
                resolved, found = resolve([row for row in batch if row is not None], index, resolver)
                loaded += len(resolved)  # a repeated row counts as loaded: its fact is, once
                resolved = once.first_of_each(resolved, found)
                issued, warnings = _drain(result, found, report, issued, warnings)
                if resolved:
                    yield resolved
            issued, warnings = _drain(result, [], report, issued, warnings)
            if result.kind is not None or issued:
                # Every non-blank data row is either loaded (perhaps with a warning) or rejected.
                report.sheets.append(
                    SheetSummary(
                        sheet.file,
                        sheet.name,
                        result.kind,
                        result.data_rows,
                        loaded,
                        result.data_rows - loaded,
                        warnings,
                    )
                )

    return report, chunks()


class OncePerFile:
    """Keeps the first row of each fact a file states: a later row saying the same (same kind, place
    and values, only its row differs) is not loaded again, and a warning names both rows.

    The row still counts as loaded (its fact is in the graph, once). Memory: one key per distinct
    fact of the file.
    """

    def __init__(self) -> None:
        self.first: dict[tuple[Any, ...], tuple[str, int]] = {}

    def first_of_each(self, rows: list[Resolved], issues: list[Issue]) -> list[Resolved]:
        kept: list[Resolved] = []
        for row, target in rows:
            key = (
                row.kind,
                (target.level, target.code) if target is not None else row.place,
                tuple(sorted(row.values.items())),
            )
            seen = self.first.setdefault(key, (row.sheet, row.row))
            if seen == (row.sheet, row.row):
                kept.append((row, target))
                continue
            issues.append(
                Issue.coded(
                    row.file,
                    row.sheet,
                    row.row,
                    None,
                    None,
                    "register.row.duplicate",
                    severity="warning",
                    sheet=seen[0],
                    first=seen[1],
                    row=row.row,
                )
            )
        return kept


def _drain(result: SheetResult, found: list[Issue], report: LoadReport, issued: int, warnings: int) -> tuple[int, int]:
    """Move a chunk's issues (validation's and resolution's) into the report; the running counts after.

    Each chunk's issues go to the report (spooled to disk past a limit) as the chunk is done, so a
    sheet of millions of bad rows never holds them all; rows only grow from chunk to chunk, so sorting
    each chunk's keeps the whole list in row order.
    """
    chunk_issues = sorted(result.issues + found, key=lambda i: (i.row or 0, i.severity))
    result.issues.clear()
    report.issues.extend(chunk_issues)
    return issued + len(chunk_issues), warnings + sum(1 for i in chunk_issues if i.severity == "warning")


def prepare(path: Path, index: PlaceIndex, kind: Kind | None = None) -> tuple[list[Resolved], LoadReport]:
    """Read, validate and resolve one file without touching the database."""
    report, chunks = prepare_chunks(path, index, kind)
    accepted: list[Resolved] = []
    try:
        for chunk in chunks:
            accepted.extend(chunk)
    except (RegisterError, OSError) as exc:
        return [], LoadReport(
            issues=IssueSpool(
                [Issue.coded(path.name, None, None, None, None, "register.file.not_read", problem=str(exc))]
            )
        )
    return accepted, report


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def load(
    driver: Driver,
    paths: Iterable[Path],
    index: PlaceIndex,
    *,
    kind: Kind | None = None,
    database: str = "neo4j",
    batch_size: int = 10000,
    on_rows: Callable[[str, int], None] | None = None,
    chunk_rows: int = CHUNK_ROWS,
    origin: str | None = None,
    writers: int = FACT_WRITERS,
) -> LoadReport:
    """Load register files: every good row is written, every other row is in ``report.issues``.

    ``origin`` (an upload's ``upload:<id>``) is recorded as the files' place instead of the folder
    they were read from: ``<origin>/<file name>``.

    ``writers``: concurrent transactions for a file's pairings (``write.FACT_WRITERS``; 1: one at a time).

    ``on_rows("read", n)`` is told how many rows a chunk of a file will write (once per file for
    files under ``chunk_rows`` rows), ``on_rows("written", n)`` how many each batch held.

    Raises:
        LoadInterrupted: Neo4j became unreachable; it names the file and what a re-run must load.
    """
    started = time.perf_counter()
    report = LoadReport()
    paths = list(paths)
    guard = OutageGuard([p.name for p in paths], on_rows)
    # What lives already (the place index: a million small objects) is set aside from the cyclic
    # garbage collector while the rows go by, which would otherwise walk it again at every full
    # collection (15% of reading, validating and resolving, measured on the national registers).
    gc.freeze()
    try:
        with _Prepared(paths, index, kind, chunk_rows) as prepared:
            for path, file_report, chunks in prepared:
                with guard.writing(path.name):
                    recorded = f"{origin}/{path.name}" if origin is not None else str(path)
                    _write_file(
                        driver,
                        path,
                        recorded,
                        file_report,
                        chunks,
                        report,
                        database,
                        batch_size,
                        guard.counting,
                        writers,
                    )
    finally:
        gc.unfreeze()
    report.seconds = time.perf_counter() - started
    return report


def _write_file(
    driver: Driver,
    path: Path,
    recorded_path: str,
    file_report: LoadReport,
    chunks: Iterator[list[Resolved]],
    report: LoadReport,
    database: str,
    batch_size: int,
    on_rows: Callable[[str, int], None] | None,
    writers: int = FACT_WRITERS,
) -> None:
    """The database half of ``load`` for one file; adds to ``report``."""
    unloaded = IssueSpool()  # rows whose place the graph lacks: as many as the file's rows, so spooled
    lost: Counter[tuple[str, str | None]] = Counter()
    broken: str | None = None
    broken_code = "register.file.not_read"
    writer: FileWriter | None = None
    if path.name in file_report.files:
        writer = FileWriter(
            driver,
            path.name,
            recorded_path,
            sha256_of(path),
            database=database,
            batch_size=batch_size,
            writers=writers,
        )
    on_batch = (lambda n: on_rows("written", n)) if on_rows else None
    begun = False
    try:
        for chunk in chunks:
            kept, missing = _drop_places_missing_from_graph(driver, chunk, database)
            unloaded.extend(missing)
            lost.update((i.file, i.sheet) for i in missing)
            if on_rows:
                on_rows("read", len(kept))
            if writer is not None:
                if not begun:
                    writer.begin()
                    begun = True
                writer.add(kept, on_batch)
    except (RegisterError, OSError) as exc:
        broken = str(exc)
        broken_code = "register.file.broken" if begun else "register.file.not_read"
    report.sheets.extend(file_report.sheets)
    if report.issues:
        report.issues.extend(file_report.issues)
    else:  # the first file's spool is taken over, not copied: a million rejects are written to disk once
        report.issues = file_report.issues
    report.issues.extend(unloaded)
    for summary in file_report.sheets:
        summary.loaded -= lost[(summary.file, summary.sheet)]
        summary.rejected += lost[(summary.file, summary.sheet)]
    if writer is None:
        return
    if broken is not None:
        report.issues.append(Issue.coded(path.name, None, None, None, None, broken_code, problem=broken))
        report.writes.add(writer.writer.counts)
        return
    if not begun:  # nothing to write, but the file was read: its old facts go, and it is marked loaded
        if on_rows:
            on_rows("read", 0)
        writer.begin()
    report.writes.add(writer.finish())
    report.files[path.name] = {**file_report.files[path.name], "sha256": writer.sha256, "changed": writer.changed}


class _Prepared:
    """Files prepared in a background thread, chunk by chunk, at most ``depth`` chunks ahead of the
    writer: ``for path, report, chunks in prepared``. Leaving the ``with`` stops the thread."""

    _END = object()

    def __init__(
        self, paths: list[Path], index: PlaceIndex, kind: Kind | None, chunk_rows: int, depth: int = 2
    ) -> None:
        self.paths, self.index, self.kind, self.chunk_rows = paths, index, kind, chunk_rows
        self.items: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="register-prepare", daemon=True)

    def __enter__(self) -> _Prepared:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        while self.thread.is_alive():
            try:
                self.items.get(timeout=0.1)  # unblock a producer waiting for room
            except queue.Empty:
                pass
        self.thread.join()

    def _put(self, item: tuple[str, Any]) -> bool:
        while not self.stop.is_set():
            try:
                self.items.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            for path in self.paths:
                report, chunks = prepare_chunks(path, self.index, self.kind, self.chunk_rows)
                if not self._put(("file", (path, report))):
                    return
                try:
                    for chunk in chunks:
                        if not self._put(("rows", chunk)):
                            return
                except (RegisterError, OSError) as exc:
                    if not self._put(("broken", exc)):
                        return
                if not self._put(("end", None)):
                    return
        except BaseException as exc:  # handed to the writer's thread, which raises it
            self._put(("error", exc))
        self._put(("done", None))

    def _next(self) -> tuple[str, Any]:
        kind, value = self.items.get()
        if kind == "error":
            raise value
        return kind, value

    def __iter__(self) -> Iterator[tuple[Path, LoadReport, Iterator[list[Resolved]]]]:
        while True:
            kind, value = self._next()
            if kind == "done":
                return
            path, report = value
            yield path, report, self._chunks()

    def _chunks(self) -> Iterator[list[Resolved]]:
        while True:
            kind, value = self._next()
            if kind == "end":
                return
            if kind == "broken":
                raise value
            yield value


def _drop_places_missing_from_graph(
    driver: Driver, accepted: list[Resolved], database: str
) -> tuple[list[Resolved], list[Issue]]:
    """Rows whose official place has no node yet (its province's gazetteer is not loaded) become issues."""
    codes = sorted({t.code for _, t in accepted if t is not None})
    if not codes:
        return accepted, []
    found = records.read(driver, "load/missing_register_places", database, codes=codes)
    missing = set(found[0]["missing"]) if found else set()
    if not missing:
        return accepted, []
    kept: list[Resolved] = []
    issues: list[Issue] = []
    for row, target in accepted:
        if target is not None and target.code in missing:
            issues.append(
                Issue.coded(
                    row.file,
                    row.sheet,
                    row.row,
                    None,
                    target.code,
                    "register.place.not_in_graph",
                    code=target.code,
                    province=target.code[:2],
                )
            )
        else:
            kept.append((row, target))
    return kept, issues


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to load: the paths given, with folders expanded to their register files (sorted)."""
    return files.expand(paths, EXTENSIONS)
