"""Cells as every reader hands them on: NFKC-normalised text, trimmed, control characters gone."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_cell(value: Any) -> str:
    """NFKC-normalise a cell and trim it; zero-width and control characters go (a stray NUL or
    ESC would otherwise make a second unit of the same name, or an unknown village).

    >>> clean_cell("  ＡＢ１２ "), clean_cell("四滧村\\u200b"), clean_cell("四\\x00滧\\x1b村")
    ('AB12', '四滧村', '四滧村')
    """
    text = unicodedata.normalize("NFKC", str(value)).replace("\u200b", "").replace("\ufeff", "")
    return _CONTROL_RE.sub("", text).strip()


class CellCleaner:
    """``clean_cell`` once per distinct value: a register repeats its units, towns, dates and rounds
    on thousands of rows, and normalising them is most of reading. The memo is emptied when it
    grows past ``limit`` so a file of all-different cells cannot fill memory with it."""

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.seen: dict[Any, str] = {}

    def row(self, cells: Iterable[Any]) -> list[str]:
        seen = self.seen
        out = []
        for value in cells:
            text = seen.get(value)
            if text is None:
                if len(seen) >= self.limit:
                    seen.clear()
                text = seen[value] = clean_cell(value)
            out.append(text)
        return out


def _clean_rows(rows: Iterable[Sequence[Any]]) -> list[list[str]]:
    cleaner = CellCleaner()
    return [cleaner.row(row) for row in rows]
