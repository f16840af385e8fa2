"""docker-compose.yml stays valid and runs the very Neo4j version revkg manages locally.

Checked in Python (the file parsed as YAML; images, ports, variables as the README documents), so
`make up` installs no container runtime for it; `docker compose config` runs only where Docker is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.server import NEO4J_VERSION

COMPOSE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    parsed = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(parsed, dict)
    return parsed


def test_compose_runs_the_managed_neo4j_version_with_apoc(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == f"neo4j:{NEO4J_VERSION}-community"
    assert neo4j["environment"]["NEO4J_PLUGINS"] == '["apoc"]'
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${REVKG_NEO4J_PASSWORD:?")
    assert "neo4j-data" in compose["volumes"]


def test_compose_publishes_only_on_loopback_the_documented_ports(compose: dict[str, Any]) -> None:
    published = {name: service.get("ports", []) for name, service in compose["services"].items()}
    assert published == {
        "neo4j": ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"],
        "api": ["127.0.0.1:8000:8000"],
    }


def test_compose_api_waits_for_a_healthy_neo4j_and_uses_it(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert api["environment"]["REVKG_NEO4J_URI"] == "bolt://neo4j:7687"
    assert "revkg serve" in api["command"] and "healthcheck" in compose["services"]["neo4j"]


def _docker_compose() -> list[str] | None:
    """``docker compose`` (the plugin) or ``docker-compose``, where this machine already has one."""
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


@pytest.mark.skipif(_docker_compose() is None, reason="no Docker on this machine (revkg does not install it)")
def test_compose_file_passes_docker_compose_config() -> None:
    command = _docker_compose()
    assert command is not None
    env = dict(os.environ, REVKG_NEO4J_PASSWORD="validation-only")
    result = subprocess.run([*command, "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
