"""The code table's first load into an empty managed server: Neo4j's offline importer.

Into an empty graph, ``neo4j-admin database import full`` writes the store files directly (all of
China in seconds where transactions take half a minute and more); revkg's schema is then created
on the imported graph. The server is stopped for the import and started again after it. Into a
graph that holds anything, or a server revkg does not manage, the code table goes through Bolt
(``loaders.gazetteer.load``), which is also how every re-load runs: both leave the same nodes,
properties and ``PART_OF`` edges.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.db import connect
from graph.records import read as read_rows
from graph.schema import install_schema_concurrently
from graph.server import LocalNeo4j
from graph.settings import Settings
from loaders.gazetteer import LEVELS, GazetteerReport, read, validate

LABELS = {"province": "Province", "city": "City", "district": "District", "town": "Town", "village": "Village"}
_PARENT_LEVEL = {"city": "province", "district": "city", "town": "district", "village": "town"}
# The importer's header format: ``code`` is each label's ID (its own ID space, as codes of two
# levels never meet in one PART_OF file), the other columns typed where they are not strings.
# ``weak_categories`` is left unset: the importer reads an empty field, quoted or not, as no value
# rather than the empty list the Bolt loader writes, and every reader takes a missing list as empty.
HEADERS = {
    "province": ["code:ID(Province)", "name", "full_name"],
    "city": ["code:ID(City)", "name", "full_name"],
    "district": ["code:ID(District)", "name", "full_name"],
    "town": ["code:ID(Town)", "name", "full_name", "kind"],
    "village": [
        "code:ID(Village)",
        "uid",
        "name",
        "full_name",
        "kind",
        "resolved:boolean",
        "weak:boolean",
    ],
}


def graph_is_empty(driver: Driver, database: str = "neo4j") -> bool:
    """Whether the database holds no node at all (the only graph the offline importer may replace)."""
    return not read_rows(driver, "lookup/any_node", database)[0]["any"]


def write_import_files(
    records: Iterable[tuple[str, str, str, str, str | None, str | None]], target: Path
) -> tuple[list[str], dict[str, int]]:
    """The importer's CSVs, one node file and one ``PART_OF`` file per level, under ``target``.

    ``records`` are ``(level, code, name, full_name, parent_code, kind)``. Returns the importer's
    arguments and how many units of each level were written.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> args, counts = write_import_files([("town", "310151102", "堡镇", "堡镇", "310151", "town"),
    ...     ("village", "310151102216", "米行村", "米行村村委会", "310151102", "village")], folder)
    >>> counts["village"], (folder / "village.csv").read_text(encoding="utf-8").splitlines()[1]
    (1, '310151102216,310151102216,米行村,米行村村委会,village,true,false')
    >>> (folder / "village_part_of.csv").read_text(encoding="utf-8").splitlines()
    [':START_ID(Village),:END_ID(Town)', '310151102216,310151102']
    """
    target.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(LEVELS, 0)
    handles = []
    nodes: dict[str, Any] = {}  # csv writers
    part_of: dict[str, Any] = {}
    try:
        for level, header in HEADERS.items():
            handle = open(target / f"{level}.csv", "w", encoding="utf-8", newline="")
            handles.append(handle)
            nodes[level] = csv.writer(handle, lineterminator="\n")
            nodes[level].writerow(header)
            if level in _PARENT_LEVEL:
                handle = open(target / f"{level}_part_of.csv", "w", encoding="utf-8", newline="")
                handles.append(handle)
                part_of[level] = csv.writer(handle, lineterminator="\n")
                part_of[level].writerow([f":START_ID({LABELS[level]})", f":END_ID({LABELS[_PARENT_LEVEL[level]]})"])
        for level, code, name, full_name, parent, kind in records:
            if level == "village":
                nodes[level].writerow([code, code, name, full_name, kind, "true", "false"])
            elif level == "town":
                nodes[level].writerow([code, name, full_name, kind])
            else:
                nodes[level].writerow([code, name, full_name])
            if parent is not None:
                part_of[level].writerow([code, parent])
            counts[level] += 1
    finally:
        for handle in handles:
            handle.close()
    args = [f"--nodes={LABELS[level]}={target / f'{level}.csv'}" for level in HEADERS]
    args += [f"--relationships=PART_OF={target / f'{level}_part_of.csv'}" for level in _PARENT_LEVEL]
    return args, counts


def first_load(
    settings: Settings,
    data_dir: Path,
    provinces: Iterable[str] | None = None,
    *,
    on_step: Callable[[str], None] | None = None,
) -> GazetteerReport:
    """Build the managed server's empty ``neo4j`` database from the code table, offline.

    The caller has checked that the server is managed and its graph empty (``graph_is_empty``).
    Stops the server while it writes the importer's files under its import folder, imports, starts the
    server and creates revkg's constraints and indexes, waiting until every one is online.
    ``on_step(code)`` reports each step by its message code (``gazetteer.step.*``). Rejected rows are
    those ``load`` rejects.
    """
    started = time.perf_counter()
    report = GazetteerReport()
    server = LocalNeo4j(settings)
    step = on_step or (lambda code: None)

    def valid_rows() -> Iterable[tuple[str, str, str, str, str | None, str | None]]:
        for record in read(data_dir, provinces):
            problem = validate(record)
            if problem:
                report.rejected.append(problem)
                continue
            yield record.level, record.code, record.name, record.full_name, record.parent_code, record.kind

    step("gazetteer.step.files")
    # The server's shutdown (~5 s nationally) and writing the files (~4 s) share no resource, so the
    # server stops while the files are written; should the files fail, it is started again.
    stopping = ThreadPoolExecutor(max_workers=1)
    stopped = stopping.submit(server.stop)
    folder = server.import_dir / "gazetteer-import"
    try:
        args, report.counts = write_import_files(valid_rows(), folder)
    except BaseException:
        stopped.result()
        server.start()
        raise
    finally:
        stopping.shutdown(wait=False)
    # MERGE semantics: a unit listed twice is one node; a unit whose parent is missing has no edge.
    args += ["--skip-duplicate-nodes=true", "--skip-bad-relationships=true", "--bad-tolerance=-1"]
    step("gazetteer.step.stop")
    stopped.result()
    step("gazetteer.step.import")
    server.import_full(args, server.home / "logs" / "gazetteer-import.log")
    step("gazetteer.step.start")
    server.start()
    step("gazetteer.step.schema")
    driver = connect(settings)
    try:
        install_schema_concurrently(driver, settings.neo4j_database)
    finally:
        driver.close()
    report.writes.rows = sum(report.counts.values())
    report.seconds = time.perf_counter() - started
    return report
