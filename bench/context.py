"""What every phase is handed: the bench server, the scale, the seed and a place for files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, LiteralString, cast

from graph import queries

if TYPE_CHECKING:  # bench.instance reads its queries from here
    from bench.instance import BenchServer

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
BENCH_CYPHER = BENCH_DIR / "cypher"

QUICK_PROVINCES = ("31",)  # 上海: 16 districts, 215 towns, 5,700 villages
QUICK_SCALE = 0.005


@dataclass
class Context:
    server: BenchServer
    quick: bool
    seed: int
    work_dir: Path  # generated files (outside git)
    scale: float | None = None  # workload scale; None: 1.0 national, QUICK_SCALE with --quick
    log: Any = lambda msg: print(msg, flush=True)
    notes: list[str] = field(default_factory=list)

    @property
    def workload_scale(self) -> float:
        if self.scale is not None:
            return self.scale
        return QUICK_SCALE if self.quick else 1.0

    @property
    def provinces(self) -> tuple[str, ...] | None:
        return QUICK_PROVINCES if self.quick else None


@cache
def baseline_named_query(name: str) -> queries.NamedQuery:
    """``bench/cypher/<name>.cypher`` parsed, header and all (for ``BatchWriter.write_query``).

    The bench's own queries (baselines, snapshots, clean-ups) live there rather than in ``cypher/``:
    they measure or reset the bench graph and are no part of what revkg runs.
    """
    return queries.parse(BENCH_CYPHER / f"{name}.cypher", root=BENCH_CYPHER)


def baseline_query(name: str) -> LiteralString:
    """The text of ``bench/cypher/<name>.cypher``, ready for ``session.run``."""
    return cast(LiteralString, baseline_named_query(name).text)
