"""No ``revkg`` command is called as a Python function: only Typer turns its ``typer.Option`` defaults
into values (``up`` calling ``serve(port=port)`` once handed uvicorn an ``OptionInfo`` for a host)."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path

import typer

from api.cli import app
from tests.conftest import REPO


def command_callbacks(group: typer.Typer) -> Iterator[object]:
    for command in group.registered_commands:
        yield command.callback
    if group.registered_callback is not None and group.registered_callback.callback is not None:
        yield group.registered_callback.callback
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            yield from command_callbacks(sub.typer_instance)


def calls_by_name(tree: ast.AST, name: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def test_no_command_function_is_called_from_python() -> None:
    commands = {(fn.__module__, fn.__name__) for fn in command_callbacks(app)}  # type: ignore[attr-defined]
    assert ("api.cli.up", "serve") in commands and ("api.cli.register", "register") in commands
    offenders = []
    for path in sorted(p for folder in ("api", "graph", "loaders", "bench") for p in (REPO / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(REPO).with_suffix("").parts)
        imported = {
            (node.module, alias.name)
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        for command_module, name in commands:
            if module == command_module or (command_module, name) in imported:
                offenders += [f"{path.relative_to(REPO)}:{line} calls {name}()" for line in calls_by_name(tree, name)]
    assert offenders == [], "call the plain function the command wraps instead:\n" + "\n".join(offenders)


def test_up_and_serve_share_one_plain_function_that_runs_the_api() -> None:
    from api.cli import up

    assert "run_api(" in inspect.getsource(up.up) and "run_api(" in inspect.getsource(up.serve)
    assert all(
        p.default is inspect.Parameter.empty or not isinstance(p.default, typer.models.OptionInfo)
        for p in inspect.signature(up.run_api).parameters.values()
    )
    assert Path(inspect.getsourcefile(up.run_api) or "").name == "up.py"
