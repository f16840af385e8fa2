"""Every ``revkg`` command the README shows, run as written in a shell against the test server.

``revkg up`` has its own end-to-end test (``tests/api/test_cli_up.py``), and ``revkg neo4j stop``
is what that test's teardown runs; ``revkg serve`` runs until Ctrl-C, so it is started, asked and
interrupted here. Relative paths in the README (``data/examples``, ``../shared/corpus``) resolve
from a scratch checkout of symlinks, so files the commands write never land in the repository.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from tests.conftest import REPO, SHARED, free_port

README = REPO / "README.md"
BIN = Path(sys.executable).parent
# run elsewhere: up (tests/api/test_cli_up.py), a whole-country load (minutes), serve (below), backup and
# restore (tests/graph/test_backup.py, on an instance of their own: they stop the server, restore replaces the graph)
NOT_HERE = ("revkg up", "revkg serve", "revkg neo4j stop", "revkg backup", "revkg restore")


def readme_commands() -> list[str]:
    """The ``revkg …`` lines of the README's bash blocks, comments dropped and ``a | b | c`` spelled out."""
    commands: list[str] = []
    for block in re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if not line.startswith("revkg "):
                continue
            alternatives = re.match(r"^(revkg \w+) (\w+(?: \| \w+)+)$", line)
            if alternatives:
                commands += [f"{alternatives.group(1)} {word}" for word in alternatives.group(2).split(" | ")]
            else:
                commands.append(line)
    return commands


def test_the_readme_shows_the_commands_this_module_runs() -> None:
    shown = readme_commands()
    assert "revkg analyze uncovered --district 崇明区 --out uncovered.xlsx" in shown
    assert any(c.startswith("revkg serve") for c in shown)
    assert len([c for c in shown if not c.startswith(NOT_HERE)]) >= 8


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A working folder where the README's relative paths mean what they mean in the repository."""
    main = tmp_path / "main"
    main.mkdir()
    (main / "data").symlink_to(REPO / "data")
    (tmp_path / "shared").symlink_to(SHARED)
    return main


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", COLUMNS="200")
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.neo4j
@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_every_readme_command_runs_as_written(graph: Driver, checkout: Path) -> None:
    ran = []
    for command in readme_commands():
        if command.startswith(NOT_HERE):
            continue
        result = shell(command, checkout)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr, f"{command}\n{result.stderr}"
        ran.append(command)
    assert (checkout / "uncovered.xlsx").exists() and (checkout / "rejects.xlsx").exists()
    assert len(ran) >= 8


@pytest.mark.neo4j
@pytest.mark.slow
def test_revkg_serve_answers_until_ctrl_c_and_says_how_to_restart(graph: Driver, checkout: Path) -> None:
    port = free_port()
    env = dict(os.environ, REVKG_API_PORT=str(port))
    process = subprocess.Popen(
        [str(BIN / "revkg"), "serve"],
        cwd=checkout,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("revkg serve did not answer /health within 60 s")
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, output
    assert f"API docs:      http://127.0.0.1:{port}/docs" in output
    assert "API stopped." in output and "revkg neo4j stop` stops it" in output


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_make_lint_passes_as_the_readme_says() -> None:
    """``make lint`` (ruff, mypy, ruff's format check) from the README, run in the repository."""
    assert re.search(r"^make lint\b", README.read_text(encoding="utf-8"), re.MULTILINE)
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    result = subprocess.run(["make", "lint"], cwd=REPO, env=env, capture_output=True, text=True, timeout=840)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "All checks passed" in result.stdout and "Success: no issues found" in result.stdout
