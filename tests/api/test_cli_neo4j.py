"""``revkg neo4j …`` from the command line."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.settings import get_settings

runner = CliRunner()


@pytest.fixture
def external_uri(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("REVKG_NEO4J_URI", "neo4j://cluster.example.invalid:7687")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_start_with_external_uri_starts_nothing_and_says_so(external_uri, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REVKG_HOME", str(tmp_path))
    get_settings.cache_clear()
    result = runner.invoke(app, ["neo4j", "start"])
    assert result.exit_code == 0
    assert "manages none" in result.output
    assert not (tmp_path / "instances").exists()


@pytest.mark.neo4j
def test_status_reports_the_running_test_server(neo4j_server) -> None:
    result = runner.invoke(app, ["neo4j", "status"])
    assert result.exit_code == 0, result.output
    assert "answers queries" in result.output


def test_help_lists_every_command_group() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for group in ("neo4j", "schema", "load", "up", "serve"):
        assert group in result.output
