"""Backup and restore of the managed Neo4j server: ``neo4j-admin database dump`` and ``load``.

Neo4j Community has no online backup (``neo4j-admin database backup`` is Enterprise only), and a
dump needs the database unmounted, so a backup stops the managed server, dumps, and starts it
again if it was running. A restore stops it, loads the dump over the database, and starts it.

``neo4j-admin`` is the distribution's ``org.neo4j.cli.AdminTool``, run with the same Java, the same
``NEO4J_HOME``/``NEO4J_CONF`` (the instance's own conf/, so its data folder) as the server itself.
Only the managed server can be backed up this way: with ``REVKG_NEO4J_URI`` set revkg has no
access to the server's files.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from graph.server import JVM_FLAGS, LocalNeo4j, ServerError, find_java
from graph.settings import Settings

ADMIN_TIMEOUT_S = 3600.0  # a dump or load of a national graph takes minutes; an hour means something is wrong


class BackupError(ServerError):
    """A backup or restore could not be done; the message is one line a person can act on."""


class NotManaged(BackupError):
    """The server is external (``REVKG_NEO4J_URI``): revkg cannot reach its files."""


class RestoreRefused(BackupError):
    """The graph is not empty and ``force`` was not given."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    seconds: float  # the whole command: stop, dump, start again
    dump_seconds: float  # neo4j-admin alone
    restarted: bool


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    nodes: int
    relationships: int
    seconds: float  # the whole command: check, stop, load, start again
    load_seconds: float  # neo4j-admin alone
    replaced_nodes: int  # what the graph held before


def default_backup_dir(settings: Settings) -> Path:
    return settings.home / "backups"


def backup_name(instance: str, when: datetime) -> str:
    """``revkg-<instance>-<UTC timestamp>.dump``.

    >>> backup_name("default", datetime(2026, 11, 30, 22, 31, 5, tzinfo=UTC))
    'revkg-default-20261130T223105Z.dump'
    """
    return f"revkg-{instance}-{when.astimezone(UTC):%Y%m%dT%H%M%SZ}.dump"


def human_size(size: int) -> str:
    """
    >>> human_size(512), human_size(1536), human_size(5 * 1024 ** 3)
    ('512 B', '1.5 KB', '5.0 GB')
    """
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover


def _managed(settings: Settings) -> LocalNeo4j:
    if not settings.managed:
        raise NotManaged(
            f"REVKG_NEO4J_URI is set ({settings.neo4j_uri}): backup and restore work only for the server revkg "
            "manages; back up that server with its own tools."
        )
    return LocalNeo4j(settings)


def _admin(local: LocalNeo4j, args: list[str], *, what: str, timeout_s: float, stdin_path: Path | None = None) -> str:
    """Run ``neo4j-admin <args>`` against the instance's configuration; its output, or a one-line error."""
    java = find_java(local.settings.java_home)
    env = local._env()
    env["JAVA_HOME"] = str(java.parent.parent)
    # The server is stopped meanwhile, so the memory it would use is free for the tool.
    cmd = [
        str(java),
        f"-Xmx{local.settings.heap_size}",
        *JVM_FLAGS,
        "-cp",
        str(local.lib_dir / "*"),
        "org.neo4j.cli.AdminTool",
        *args,
    ]
    stdin = open(stdin_path, "rb") if stdin_path is not None else subprocess.DEVNULL
    try:
        result = subprocess.run(
            cmd, cwd=local.home, env=env, stdin=stdin, capture_output=True, text=True, timeout=timeout_s
        )
    except subprocess.TimeoutExpired as exc:
        raise BackupError(f"{what} did not finish within {timeout_s:.0f}s") from exc
    finally:
        if stdin_path is not None:
            stdin.close()  # type: ignore[union-attr]  # opened above whenever stdin_path is set
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        # neo4j-admin prints a stack trace under its message; the first meaningful line says it.
        lines = [
            line.strip()
            for line in output.splitlines()
            if line.strip() and not line.lstrip().startswith(("at ", "..."))
        ]
        reason = next((line for line in lines if "Exception" not in line or ":" in line), "no output")
        raise BackupError(f"{what} failed (exit {result.returncode}): {reason[:400]}")
    return output


def graph_counts(settings: Settings) -> tuple[int, int]:
    """Nodes and relationships of the database (the server must answer)."""
    from neo4j import GraphDatabase

    from graph import records

    with GraphDatabase.driver(
        settings.bolt_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=10,
        connection_acquisition_timeout=30,
    ) as driver:
        (counts,) = records.read(driver, "lookup/graph_counts", settings.neo4j_database)
    return int(counts["nodes"]), int(counts["relationships"])


def _start(local: LocalNeo4j, after: str) -> None:
    try:
        local.start()  # bounded by settings.start_timeout_s
    except ServerError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BackupError(
            f"{after}, but Neo4j did not start again: {first} "
            f"(see {local.home / 'logs' / 'neo4j.log'}; `revkg neo4j start` retries)"
        ) from exc


def backup(settings: Settings, to_dir: Path | None = None, *, timeout_s: float = ADMIN_TIMEOUT_S) -> BackupResult:
    """Dump the managed instance's database to ``to_dir/revkg-<instance>-<UTC timestamp>.dump``.

    The server is stopped for the dump (Community has no online backup) and started again if it was
    running, also when the dump fails.
    """
    local = _managed(settings)
    database = settings.neo4j_database
    if not (local.home / "data" / "databases" / database).is_dir():
        raise BackupError(
            f"Instance {settings.instance!r} has no database {database!r} yet "
            f"(nothing under {local.home / 'data'}); start it with `revkg neo4j start` first."
        )
    target_dir = (to_dir or default_backup_dir(settings)).expanduser().resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / backup_name(settings.instance, datetime.now(UTC))
    if target.exists():
        raise BackupError(f"{target} exists already; wait a second and run the backup again.")
    began = time.perf_counter()
    was_running = local.pid() is not None
    # neo4j-admin writes <database>.dump into a folder: a private one beside the target, so the
    # finished file is renamed into place and a failed dump never leaves a partial file under its name.
    staging = Path(tempfile.mkdtemp(prefix=".revkg-dump-", dir=target_dir))
    dump_seconds = 0.0
    try:
        local.stop()
        dump_began = time.perf_counter()
        _admin(
            local,
            ["database", "dump", f"--to-path={staging}", database],
            what=f"neo4j-admin database dump of {database!r}",
            timeout_s=timeout_s,
        )
        dump_seconds = time.perf_counter() - dump_began
        produced = staging / f"{database}.dump"
        if not produced.is_file():
            raise BackupError(f"neo4j-admin reported success but wrote no {produced.name} in {staging}")
        produced.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if was_running:
            _start(local, f"The backup {'was written to ' + str(target) if target.exists() else 'failed'}")
    return BackupResult(target, target.stat().st_size, time.perf_counter() - began, dump_seconds, was_running)


def check_dump(settings: Settings, path: Path, *, timeout_s: float = 600.0) -> str:
    """``neo4j-admin database load --info`` on the file: raises unless it is a dump Neo4j can load."""
    local = _managed(settings)
    if not path.is_file():
        raise BackupError(f"No such backup file: {path}")
    if path.stat().st_size == 0:
        raise BackupError(f"{path} is empty; it is not a Neo4j dump.")
    return _admin(
        local,
        ["database", "load", "--info", "--from-stdin", settings.neo4j_database],
        what=f"Reading {path} as a Neo4j dump",
        timeout_s=timeout_s,
        stdin_path=path,
    )


def restore(
    settings: Settings, path: Path, *, force: bool = False, timeout_s: float = ADMIN_TIMEOUT_S
) -> RestoreResult:
    """Replace the managed instance's database with the dump at ``path``.

    Refuses (``RestoreRefused``, nothing touched) when the graph holds any node and ``force`` is
    false. The server is started to count what it holds, stopped for the load, started again to
    count what was restored, and left running or stopped as it was found.
    """
    local = _managed(settings)
    path = path.expanduser().resolve()
    began = time.perf_counter()
    check_dump(settings, path)  # before anything stops: a wrong file must not cost the graph
    was_running = local.pid() is not None
    _start(local, "Nothing was restored")
    replaced_nodes, replaced_rels = graph_counts(settings)
    if replaced_nodes and not force:
        if not was_running:
            local.stop()
        raise RestoreRefused(
            f"The graph holds {replaced_nodes} nodes and {replaced_rels} relationships; restoring {path.name} "
            "would replace them. Nothing was changed; run again with --force to overwrite (back it up first)."
        )
    local.stop()
    load_began = time.perf_counter()
    loaded = False
    try:
        _admin(
            local,
            ["database", "load", "--overwrite-destination=true", "--from-stdin", settings.neo4j_database],
            what=f"neo4j-admin database load of {path}",
            timeout_s=timeout_s,
            stdin_path=path,
        )
        loaded = True
    finally:
        load_seconds = time.perf_counter() - load_began
        _start(local, f"The restore of {path.name} {'finished' if loaded else 'failed'}")
    nodes, rels = graph_counts(settings)
    if not was_running:
        local.stop()
    return RestoreResult(path, nodes, rels, time.perf_counter() - began, load_seconds, replaced_nodes)
