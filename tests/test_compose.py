"""docker-compose.yml stays valid and runs the very Neo4j version revkg manages locally."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.server import NEO4J_VERSION

COMPOSE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


def test_compose_uses_the_managed_neo4j_version_with_apoc() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    assert f"image: neo4j:{NEO4J_VERSION}-community" in text
    assert "NEO4J_PLUGINS: '[\"apoc\"]'" in text
    assert "127.0.0.1:7687:7687" in text  # never published beyond loopback


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose (Debian package) not installed")
def test_compose_file_passes_docker_compose_config() -> None:
    env = dict(os.environ, REVKG_NEO4J_PASSWORD="validation-only")
    result = subprocess.run(
        ["docker-compose", "-f", str(COMPOSE), "config", "-q"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
