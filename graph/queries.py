"""The catalogue of named Cypher queries in ``cypher/``: one query per file, the file name its name.

A file starts with a ``//`` header that pastes into Neo4j Browser unchanged::

    // Weak villages that no helper is paired with on a given date.
    // @param district STRING  6-digit district code, or null for all
    // :param district => '310151'

``@param`` lines declare the parameters; ``:param`` lines are Browser examples. ``run`` refuses
parameters the header does not declare and declared ones that are missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph.assets import cypher_dir
from graph.errors import InvalidInput

CYPHER_DIR = cypher_dir().resolve()
_PARAM_LINE = re.compile(r"^//\s*@param\s+(\w+)\s+(\w+)\s*(.*)$")
_PARAM_USE = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str  # "analyses/uncovered_weak_villages"
    path: Path
    description: str
    params: tuple[Param, ...]
    text: str

    @property
    def body(self) -> str:
        """The statement without its ``//`` header and comment lines, and without a trailing ``;``."""
        lines = (line for line in self.text.splitlines() if not line.lstrip().startswith("//"))
        return "\n".join(lines).strip().rstrip(";")

    @property
    def param_names(self) -> set[str]:
        return {p.name for p in self.params}

    def check_params(self, given: dict[str, Any]) -> None:
        """Raise InvalidInput when ``given`` is not exactly the declared parameters."""
        unknown = set(given) - self.param_names
        missing = self.param_names - set(given)
        if unknown or missing:
            parts = []
            if unknown:
                parts.append(f"undeclared parameters {sorted(unknown)}")
            if missing:
                parts.append(f"missing parameters {sorted(missing)}")
            raise InvalidInput(f"query {self.name}: " + "; ".join(parts))


def parse(path: Path, root: Path = CYPHER_DIR) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            params.append(Param(match.group(1), match.group(2).upper(), match.group(3).strip()))
        elif not line.startswith("// :param") and not params:
            description.append(line[2:].strip())
    name = path.relative_to(root).with_suffix("").as_posix()
    return NamedQuery(name, path, " ".join(d for d in description if d), tuple(params), text)


@cache
def get(name: str) -> NamedQuery:
    """Return the named query (``"analyses/coverage"``), read once and cached."""
    path = (CYPHER_DIR / f"{name}.cypher").resolve()
    if CYPHER_DIR not in path.parents or not path.exists():
        raise KeyError(f"no query named {name!r} in {CYPHER_DIR}")
    return parse(path)


def catalogue(area: str | None = None) -> list[NamedQuery]:
    """Every named query, or those of one area (``"analyses"``), sorted by name."""
    base = CYPHER_DIR / area if area else CYPHER_DIR
    return [get(p.relative_to(CYPHER_DIR).with_suffix("").as_posix()) for p in sorted(base.rglob("*.cypher"))]


def used_params(query: NamedQuery) -> set[str]:
    """The ``$params`` the query body uses (header comments excluded)."""
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("//"))
    return set(_PARAM_USE.findall(body))


def schema_statements() -> list[str]:
    """The statements in ``cypher/schema/`` (each file one ``… IF NOT EXISTS`` statement)."""
    return [q.body for q in catalogue("schema")]
