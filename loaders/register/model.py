"""What the register stages hand each other: sheets as read, rows as validated, issues, and the load report.

No stage logic lives here, only the shapes: ``Sheet`` (read), ``RegisterRow``/``SheetResult``
(validate), ``Target``/``Resolved`` (resolve), ``Issue`` (every stage), ``SheetSummary``/``LoadReport``
(load), and the two errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from graph.db import WriteCounts
from loaders.register.headers import KINDS, Kind, map_headers

EXTENSIONS = (".csv", ".xlsx", ".xlsm", ".xls")


class RegisterError(ValueError):
    """A register file cannot be read at all (unknown format, undecidable encoding, broken file)."""


class ValueProblem(ValueError):
    """A cell's value cannot be used; the message says why in words a planner can act on."""


@dataclass(frozen=True)
class Issue:
    """A row (or sheet, or file) that was rejected, or loaded with a warning, and why."""

    file: str
    sheet: str | None
    row: int | None  # the row number the spreadsheet shows (1-based, header included)
    column: str | None  # the header as written
    value: str | None
    reason: str
    candidates: tuple[str, ...] = ()
    severity: Literal["rejected", "warning"] = "rejected"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": self.severity,
            "reason": self.reason,
            "candidates": "; ".join(self.candidates),
        }


ISSUE_COLUMNS = ("file", "sheet", "row", "column", "value", "severity", "reason", "candidates")


def write_issues(path: Path, issues: Sequence[Issue]) -> Path:
    """Write the rejects report as .xlsx (planners open it in Excel) or .csv (UTF-8 with BOM)."""
    frame = pd.DataFrame([i.as_dict() for i in issues], columns=list(ISSUE_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
            frame.to_excel(writer, sheet_name="rejects", index=False)
            sheet = writer.sheets["rejects"]
            for i, width in enumerate((22, 12, 6, 14, 24, 9, 70, 60)):
                sheet.set_column(i, i, width)
            sheet.autofilter(0, 0, len(frame), len(ISSUE_COLUMNS) - 1)
            sheet.freeze_panes(1, 0)
    else:
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path


HEADER_SCAN_ROWS = 10  # a header row is looked for among the sheet's first rows (titles may sit above it)


def find_header_row(rows: Sequence[Sequence[str]]) -> int | None:
    """0-based index of the row that maps the most known headers (at least two), if any."""
    best, best_score = None, 1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = len(map_headers(row).fields)
        if score > best_score:
            best, best_score = i, score
    return best


@dataclass
class Sheet:
    """One sheet as read: every cell a NFKC-normalised string, and where its header row was."""

    file: str
    name: str
    cells: list[list[str]]  # all rows of the sheet, including any title rows above the header
    encoding: str | None = None  # for CSV files
    uncomputed: frozenset[tuple[int, int]] = frozenset()  # 0-based (row, column) of formulas with no value
    # Rows the reader could not turn into cells (a CSV line in another encoding): 1-based row → reason.
    unreadable: dict[int, str] = field(default_factory=dict)

    def header_index(self, scan: int = HEADER_SCAN_ROWS) -> int | None:
        """0-based index of the row that maps the most known headers (at least two), if any."""
        return find_header_row(self.cells[:scan])


@dataclass(frozen=True)
class PlaceRef:
    """The place a row names, as written."""

    village_code: str | None = None
    village: str | None = None
    town: str | None = None
    district: str | None = None
    city: str | None = None
    province: str | None = None

    @property
    def names_village(self) -> bool:
        return bool(self.village_code or self.village)


@dataclass
class RegisterRow:
    """One accepted row: parsed values, the place it names, and where it came from."""

    kind: Kind
    file: str
    sheet: str
    row: int
    evidence: str
    values: dict[str, Any]
    place: PlaceRef
    columns: dict[str, str]  # canonical field → header as written (for issues)

    @property
    def source_loc(self) -> str:
        return f"sheet {self.sheet}!row {self.row}"


@dataclass
class SheetResult:
    """What validation made of one sheet."""

    file: str
    sheet: str
    kind: Kind | None
    rows: list[RegisterRow] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    data_rows: int = 0  # non-blank rows under the header


@dataclass(frozen=True)
class Target:
    """The official place a row is about."""

    level: Literal["village", "town"]
    code: str
    method: str
    confidence: float


Resolved = tuple[RegisterRow, "Target | None"]


@dataclass
class SheetSummary:
    file: str
    sheet: str
    kind: str | None
    rows: int  # non-blank data rows
    loaded: int
    rejected: int
    warnings: int


@dataclass
class LoadReport:
    """What ``load`` did: per-sheet counts, every issue, and Neo4j's write counters."""

    sheets: list[SheetSummary] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file → {encoding, sha256, changed}
    writes: WriteCounts = field(default_factory=WriteCounts)
    seconds: float = 0.0

    @property
    def rejected(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "rejected"]

    def loaded(self, kind: str | None = None) -> int:
        return sum(s.loaded for s in self.sheets if kind is None or s.kind == kind)

    def summary(self) -> str:
        kinds = ", ".join(f"{self.loaded(k)} {k}" for k in KINDS if self.loaded(k))
        return (
            f"{len(self.files)} register file(s): {kinds or 'nothing'} loaded, "
            f"{len(self.rejected)} rows rejected, {len(self.issues) - len(self.rejected)} warnings"
        )
