"""Cypher lives in ``cypher/`` (and the bench's in ``bench/cypher/``), never in a Python string.

The scan reads string literals with ``ast``, so comments and docstrings that quote Cypher do not
count; f-strings are read part by part, so a query with a label formatted in is still found.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

# Statement text, not prose: keywords are upper case and followed by what Cypher puts after them.
CYPHER = re.compile(
    r"\b(?:OPTIONAL\s+)?MATCH\s*\("
    r"|\bMERGE\s*\("
    r"|\bCREATE\s*\("
    r"|\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:\w+\s+)?(?:CONSTRAINT|INDEX|DATABASE)\s+(?:\w+\s+)?(?:IF|FOR|ON)\b"
    r"|\bDROP\s+(?:CONSTRAINT|INDEX|DATABASE)\s+\w"
    r"|\bUNWIND\s+\$"
    r"|\bRETURN\s+[\w$*(]"
    r"|\bDETACH\s+DELETE\b"
    r"|\bLOAD\s+CSV\s+(?:WITH\s+HEADERS\s+)?FROM\b"
    r"|\bCALL\s+[a-z][\w.]*\s*\("
    r"|\bCALL\s*(?:\([\w\s,]*\)\s*)?\{\s*(?:OPTIONAL|MATCH|WITH|UNWIND|MERGE|CREATE|DETACH|DELETE|RETURN)\b"
    r"|\bSHOW\s+(?:\w+\s+)?(?:INDEXES|CONSTRAINTS|DATABASES|PROCEDURES|FUNCTIONS|TRANSACTIONS)\b"
)

# (file, the function or module-level name holding the text): each carries a comment saying why.
ALLOWED = {
    ("graph/schema.py", "schema_from_models"),  # DDL derived from the node classes
    ("graph/schema.py", "_drop_redeclared_fulltext_indexes"),  # DROP INDEX <name>: names cannot be parameters
    ("graph/browser.py", "INTRO"),  # click-to-run examples in the Browser guide, never run by revkg
}


def as_text(node: ast.expr) -> str | None:
    """A string literal's text; an f-string's with each ``{…}`` read as ``x``, so the statement stays whole."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    return None


def docstring_ids(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def cypher_literals(source: str) -> Iterator[tuple[int, str, str]]:
    """``(line, owner, text)`` for every string literal that reads as Cypher; ``owner`` is the
    enclosing function, or the module-level name assigned.

    >>> [(line, owner) for line, owner, _ in cypher_literals('Q = "MATCH (n) RETURN n"\\ndef f():\\n    "RETURN 1"')]
    [(1, 'Q')]
    """
    tree = ast.parse(source)
    skip = docstring_ids(tree)

    def walk(node: ast.AST, owner: str) -> Iterator[tuple[int, str, str]]:
        for child in ast.iter_child_nodes(node):
            name = owner
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = child.name
            elif isinstance(child, ast.Assign) and owner == "<module>" and isinstance(child.targets[0], ast.Name):
                name = child.targets[0].id
            text = as_text(child) if isinstance(child, ast.expr) and id(child) not in skip else None
            if text is not None:
                if CYPHER.search(text):
                    yield child.lineno, owner, text
                continue  # an f-string's parts were read with it
            yield from walk(child, name)

    yield from walk(tree, "<module>")


def python_files() -> Iterator[Path]:
    for path in sorted(REPO.rglob("*.py")):
        parts = path.relative_to(REPO).parts
        if parts[0] in ("tests", "build", "dist") or any(p.startswith(".") for p in parts):
            continue
        yield path


def test_the_pattern_finds_statements_in_strings_and_f_strings_but_not_in_prose() -> None:
    source = '''
LABEL = "Village"
def count(driver):
    """MATCH (n) RETURN n in a docstring is documentation."""
    # MATCH (n) RETURN n in a comment is too
    driver.execute_query(f"MATCH (n:{LABEL}) RETURN count(n)")
    driver.execute_query("CALL db.awaitIndexes(10)")
    print("ratio to LOAD CSV, return to sender")
'''
    assert [(line, owner) for line, owner, _ in cypher_literals(source)] == [(6, "count"), (7, "count")]


def test_no_python_file_outside_tests_holds_cypher_text() -> None:
    offenders = []
    for path in python_files():
        relative = path.relative_to(REPO).as_posix()
        for line, owner, text in cypher_literals(path.read_text(encoding="utf-8")):
            if (relative, owner) not in ALLOWED:
                offenders.append(f"{relative}:{line} ({owner}): {text.strip()[:70]!r}")
    assert not offenders, "Cypher belongs in cypher/<area>/<name>.cypher:\n" + "\n".join(offenders)


def test_every_allowed_exception_still_exists_and_says_why() -> None:
    found = {
        (path.relative_to(REPO).as_posix(), owner)
        for path in python_files()
        for _, owner, _ in cypher_literals(path.read_text(encoding="utf-8"))
    }
    assert ALLOWED <= found, f"stale allow-list entries: {sorted(ALLOWED - found)}"
    for relative, _ in ALLOWED:
        assert "Cypher outside cypher/ on purpose" in (REPO / relative).read_text(encoding="utf-8"), relative
