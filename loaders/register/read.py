"""Read: the only register stage that touches files. CSV and workbooks become sheets of clean text cells.

- **CSV** (``csvfile``) is streamed record by record, so a 200 MB register never sits in memory
  whole; a line that is not valid in the file's encoding becomes an unreadable row, not a guess.
- **xlsx/xlsm** (``workbook``) are read with openpyxl's streaming sheet parser in one pass that
  also yields merged ranges and formulas with no computed value; a zip bomb is refused by its
  declared sizes before anything is unpacked.
- **xls** (the old binary format) is read by pandas through xlrd.

Cells are strings (codes keep their digits), NFKC-normalised and trimmed (``cells``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders.register.cells import CellCleaner, _clean_rows
from loaders.register.csvfile import open_csv
from loaders.register.model import EXTENSIONS, RegisterError, Sheet
from loaders.register.workbook import check_package, read_workbook


@dataclass
class SheetStream:
    """One sheet whose rows are read as they are consumed (a CSV), or already in memory (a workbook)."""

    file: str
    name: str
    rows: Iterator[list[str]]
    encoding: str | None = None
    uncomputed: frozenset[tuple[int, int]] = frozenset()
    unreadable: dict[int, str] = field(default_factory=dict)


def open_sheets(path: Path) -> list[SheetStream]:
    """Every sheet of a register, CSV rows streamed. File-level problems are raised here, before
    any row is read; a CSV that cannot be split further down raises while its rows are read.

    Raises:
        RegisterError: unsupported extension, unreadable or oversized workbook, or undecidable CSV encoding.
    """
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise RegisterError("register.file.bad_type", suffix=suffix or "（无）", allowed="、".join(EXTENSIONS))
    if suffix == ".csv":
        opened = open_csv(path)
        cleaner = CellCleaner()
        rows = (cleaner.row(record) for record in opened.rows)
        return [SheetStream(path.name, path.stem, rows, opened.encoding, unreadable=opened.unreadable)]
    return [SheetStream(s.file, s.name, iter(s.cells), uncomputed=s.uncomputed) for s in _read_book(path, suffix)]


def _read_book(path: Path, suffix: str) -> list[Sheet]:
    if suffix in (".xlsx", ".xlsm"):
        check_package(path)
    try:
        if suffix in (".xlsx", ".xlsm"):
            return read_workbook(path)
        frames = pd.read_excel(path, sheet_name=None, header=None, dtype=str, keep_default_na=False)
    except RegisterError:
        raise
    except Exception as exc:  # openpyxl/xlrd/zipfile raise many types for a broken workbook
        raise RegisterError("register.file.broken_workbook", detail=f"{type(exc).__name__}: {exc}") from exc
    return [
        Sheet(path.name, str(name), _clean_rows(frame.itertuples(index=False, name=None)))
        for name, frame in frames.items()
    ]


def read(path: Path) -> list[Sheet]:
    """Read every sheet of a register into memory: .xlsx/.xlsm/.xls workbooks, or a .csv file (one
    sheet named after the file, as Excel shows it). Cells are strings, so codes keep their digits.

    Raises:
        RegisterError: unsupported extension, unreadable workbook, or undecidable CSV encoding.
    """
    return [Sheet(s.file, s.name, list(s.rows), s.encoding, s.uncomputed, s.unreadable) for s in open_sheets(path)]
