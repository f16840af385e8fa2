"""The benchmark's workload generator: deterministic, and written in the registers' documented columns."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from bench import workload
from loaders import register

pytestmark = pytest.mark.slow

TINY = 0.002  # 2,000 pairings over 上海's 6,509 villages


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


@pytest.fixture(scope="module")
def generated(gazetteer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("workload-a")
    return out, workload.generate(gazetteer_dir, out, scale=TINY, seed=7, provinces=["31"])


def test_same_seed_writes_byte_identical_registers(generated, gazetteer_dir: Path, tmp_path: Path) -> None:
    first, _ = generated
    workload.generate(gazetteer_dir, tmp_path, scale=TINY, seed=7, provinces=["31"])
    assert _digests(tmp_path) == _digests(first)


def test_another_seed_writes_other_registers(generated, gazetteer_dir: Path, tmp_path: Path) -> None:
    first, _ = generated
    workload.generate(gazetteer_dir, tmp_path, scale=TINY, seed=8, provinces=["31"])
    assert _digests(tmp_path) != _digests(first)


def test_rows_match_the_scaled_targets(generated) -> None:
    _, summary = generated
    rows = summary["rows"]
    assert rows["pairings"] == round(workload.NATIONAL["pairings"] * TINY)
    assert rows["projects"] == round(workload.NATIONAL["projects"] * TINY)
    assert rows["leaders"] == round(workload.NATIONAL["leaders"] * TINY)
    assert 0.1 * summary["villages"] < rows["weak"] < 0.3 * summary["villages"]


@pytest.mark.parametrize("kind", ["pairings", "weak", "projects", "leaders"])
def test_registers_use_documented_headers_and_are_detected_as_their_kind(generated, kind: str) -> None:
    folder, _ = generated
    path = folder / f"{kind}_31.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == workload.COLUMNS[kind]
    columns = register.map_headers(header)
    assert not columns.unknown and not columns.duplicates
    assert register.detect_kind(columns.fields) == kind
    docs = (Path(__file__).resolve().parents[2] / "docs" / "registers.md").read_text(encoding="utf-8")
    for name in header:
        key = register.header_key(name)[0]
        assert register.HEADER_TABLE[key] in docs  # every column names a documented field


def test_every_generated_row_validates_and_resolves(generated, gazetteer_dir: Path) -> None:
    from loaders.places import PlaceIndex

    folder, _ = generated
    index = PlaceIndex.from_gazetteer(gazetteer_dir, ["31"])
    for kind in ("weak", "projects", "leaders"):
        accepted, report = register.prepare(folder / f"{kind}_31.csv", index, kind)  # type: ignore[arg-type]
        rejected = [i for i in report.issues if i.severity == "rejected"]
        assert not rejected, rejected[:3]
    accepted, report = register.prepare(folder / "pairings_31.csv", index, "pairings")
    rejected = [i for i in report.issues if i.severity == "rejected"]
    # Rows naming a village without its code may meet a name that occurs twice in the town.
    assert len(rejected) <= 0.02 * len(accepted)
