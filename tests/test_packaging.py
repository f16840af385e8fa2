"""A non-editable install works: the wheel, installed into a fresh venv, runs ``revkg`` from outside the
checkout and finds its Cypher catalogue, Browser assets, console files and demo data in the installed package.

Builds the wheel (about half a minute): marked ``wheel``. The new venv reuses the project venv's
dependencies through a ``.pth`` path line (no download), which cannot bring the checkout's editable
revkg with it: Python runs the lines of ``.pth`` files only in site folders, and that path is not one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from neo4j import Driver

from tests.conftest import REPO

pytestmark = [pytest.mark.wheel, pytest.mark.slow]

# What the build reads: the code, the catalogue, and what the package links point at.
SOURCES = ("pyproject.toml", "graph", "api", "loaders", "cypher", "docs/browser", "data/examples")

PROBE = """
import json, sys
from graph import queries, server
from loaders import demo
from api.console import routes
print(json.dumps({
    "prefix": sys.prefix,
    "cypher_dir": str(queries.CYPHER_DIR),
    "queries": sorted(q.name for q in queries.catalogue()),
    "browser": sorted(p.name for p in server.BROWSER_DIR.iterdir()),
    "browser_dir": str(server.BROWSER_DIR),
    "demo": sorted(p.name for p in demo.EXAMPLES.iterdir()),
    "demo_dir": str(demo.EXAMPLES),
    "console_dir": str(routes.HERE),
    "templates": sorted(p.name for p in (routes.HERE / "templates").iterdir()),
}))
"""


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding revkg installed from its wheel, built from a copy of the checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, source / name)
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        tmp / "dist",
        source,
        cwd=tmp,
    )
    (wheel,) = (tmp / "dist").glob("revkg-*.whl")
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel, cwd=tmp)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).strip())
    (site / "revkg_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def test_the_installed_revkg_answers_help_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    out = run(installed / "bin" / "revkg", "--help", cwd=tmp_path, env=clean_env())
    for command in ("analyze", "load", "neo4j", "up", "backup"):
        assert command in out


def test_the_installed_package_finds_its_catalogue_browser_assets_console_and_demo_data(
    installed: Path,
    tmp_path: Path,
) -> None:
    found = json.loads(run(installed / "bin" / "python", "-c", PROBE, cwd=tmp_path, env=clean_env()))
    prefix = Path(found["prefix"])
    assert prefix == installed
    for key in ("cypher_dir", "browser_dir", "demo_dir", "console_dir"):
        assert Path(found[key]).is_relative_to(prefix), (key, found[key])
        assert not Path(found[key]).resolve().is_relative_to(REPO), (key, found[key])
    in_checkout = sorted(
        p.relative_to(REPO / "cypher").with_suffix("").as_posix() for p in (REPO / "cypher").rglob("*.cypher")
    )
    assert found["queries"] == in_checkout
    assert found["browser"] == ["guide.html", "style.grass"]
    assert found["demo"] == sorted(
        p.name for p in (REPO / "data" / "examples").iterdir() if p.suffix in (".csv", ".xlsx")
    )
    assert "base.html" in found["templates"]


@pytest.mark.neo4j
def test_the_installed_revkg_runs_a_catalogue_query_against_the_test_server(
    installed: Path,
    graph: Driver,
    tmp_path: Path,
) -> None:
    out = run(
        installed / "bin" / "revkg",
        "analyze",
        "search",
        "崇明区",
        "--limit",
        "3",
        cwd=tmp_path,
        env={**clean_env(), "COLUMNS": "200"},
    )
    assert "310151" in out
