"""Each analysis has one column list (``api.tabular.EXPORTS``): the API's download, the CLI's saved file
and the JSON rows agree on it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from typer.testing import CliRunner

from api.cli import app as cli
from api.schemas import CoverageRow, HelperLoadRow, SearchHit, Suggestion, UncoveredVillage
from api.tabular import EXPORTS
from tests.factories import AS_OF

DAY = AS_OF.isoformat()

# (export, API path and query, CLI arguments) for every analysis both can save as a table.
BOTH = [
    (
        "uncovered_weak_villages",
        "/analyses/uncovered-weak-villages",
        {"district": "崇明区"},
        ["uncovered", "--district", "崇明区"],
    ),
    ("coverage_by_district", "/analyses/coverage", {"level": "district"}, ["coverage"]),
    (
        "coverage_by_town",
        "/analyses/coverage",
        {"level": "town", "parent": "崇明区"},
        ["coverage", "--level", "town", "--parent", "崇明区"],
    ),
    ("helper_load", "/analyses/helper-load", {}, ["helpers"]),
    (
        "shared_resource_clusters",
        "/analyses/shared-resource-clusters",
        {"district": "崇明区"},
        ["clusters", "--district", "崇明区"],
    ),
    (
        "pairing_suggestions",
        "/analyses/pairing-suggestions",
        {"district": "崇明区"},
        ["suggest", "--district", "崇明区"],
    ),
]

# The JSON row each export is cut from (clusters export one row per member, built from the cluster).
ROW_MODELS: dict[str, type[BaseModel]] = {
    "uncovered_weak_villages": UncoveredVillage,
    "coverage_by_district": CoverageRow,
    "coverage_by_town": CoverageRow,
    "helper_load": HelperLoadRow,
    "pairing_suggestions": Suggestion,
    "search": SearchHit,
}


def header_row(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_exported_column_is_a_field_of_the_json_row() -> None:
    for name, model in ROW_MODELS.items():
        missing = set(EXPORTS[name].columns) - set(model.model_fields)
        assert not missing, f"{name}: {sorted(missing)} are not in {model.__name__}"


@pytest.mark.neo4j
def test_api_download_and_cli_file_of_each_analysis_have_the_same_columns(client: TestClient, tmp_path: Path) -> None:
    downloads = {}
    for export, path, query, _ in BOTH:
        response = client.get(path, params={**query, "as_of": DAY, "format": "csv", "headers": "en"})
        assert response.status_code == 200, (path, response.text[:300])
        downloads[export] = header_row(response.content)
    runner = CliRunner()
    for export, _, _, args in BOTH:
        out = tmp_path / f"{export}.csv"
        result = runner.invoke(cli, ["analyze", *args, "--as-of", DAY, "--out", str(out), "--headers", "en"])
        assert result.exit_code == 0, (args, result.output)
        assert header_row(out.read_bytes()) == downloads[export] == list(EXPORTS[export].columns), export


@pytest.mark.neo4j
def test_the_cli_prints_the_columns_it_saves(client: TestClient) -> None:
    result = CliRunner().invoke(
        cli, ["analyze", "clusters", "--district", "崇明区", "--as-of", DAY], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "cluster" in line and "cohesion" in line)
    assert [cell.strip() for cell in header.strip("┃│ ").split("┃")] == list(
        EXPORTS["shared_resource_clusters"].columns
    )
