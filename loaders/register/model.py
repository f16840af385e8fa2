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
from graph.messages import Language, say
from loaders.register.headers import KINDS, Kind, map_headers

EXTENSIONS = (".csv", ".xlsx", ".xlsm", ".xls")


class RegisterError(ValueError):
    """A register file cannot be read at all (unknown format, undecidable encoding, broken file):
    a message ``code`` of ``graph/messages.py`` and its parameters; ``str()`` is the Chinese text."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(say(code, "zh", **params))


class ValueProblem(ValueError):
    """A cell's value cannot be used: a message ``code`` of ``graph/messages.py`` and its parameters;
    ``str()`` is the Chinese text a planner reads."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(say(code, "zh", **params))


@dataclass(frozen=True)
class Issue:
    """A row (or sheet, or file) that was rejected, or loaded with a warning, and why.

    ``reason`` is the Chinese text a planner reads; ``code`` and ``params`` name the message of
    ``graph/messages.py`` it was made from, so scripts match on the code and ``text("en")`` gives the
    English. Build one with ``Issue.coded``.
    """

    file: str
    sheet: str | None
    row: int | None  # the row number the spreadsheet shows (1-based, header included)
    column: str | None  # the header as written
    value: str | None
    reason: str
    candidates: tuple[str, ...] = ()
    severity: Literal["rejected", "warning"] = "rejected"
    code: str | None = None
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def coded(
        cls,
        file: str,
        sheet: str | None,
        row: int | None,
        column: str | None,
        value: str | None,
        message: str,
        /,
        *,
        candidates: tuple[str, ...] = (),
        severity: Literal["rejected", "warning"] = "rejected",
        **params: Any,
    ) -> Issue:
        """An issue whose reason is the text of message code ``message`` with ``params``."""
        return cls(
            file,
            sheet,
            row,
            column,
            value,
            say(message, "zh", **params),
            candidates,
            severity,
            message,
            tuple(params.items()),
        )

    @classmethod
    def of_problem(
        cls,
        file: str,
        sheet: str | None,
        row: int | None,
        column: str | None,
        value: str | None,
        problem: ValueProblem,
        /,
    ) -> Issue:
        """A reject for a cell whose value is a ``ValueProblem``."""
        return cls.coded(file, sheet, row, column, value, problem.code, **problem.params)

    def text(self, lang: Language = "zh") -> str:
        """The reason in ``lang`` (the stored Chinese text when the issue carries no code)."""
        if not self.code:
            return self.reason
        try:
            return say(self.code, lang, **dict(self.params))
        except KeyError:  # a reason made before its parameters were kept (a CSV row in another encoding)
            return self.reason

    def as_dict(self, lang: Language = "zh") -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": self.severity,
            "reason": self.text(lang),
            "candidates": "; ".join(self.candidates),
            "code": self.code,
        }


ISSUE_COLUMNS = ("file", "sheet", "row", "column", "value", "severity", "reason", "candidates", "code")


def issue_headers(lang: Language = "zh") -> dict[str, str]:
    """The rejects file's column headers: Chinese for planners, the keys with ``lang="en"``."""
    return {c: (c if lang == "en" else say(f"register.column.{c}")) for c in ISSUE_COLUMNS}


def issues_frame(issues: Sequence[Issue], lang: Language = "zh") -> pd.DataFrame:
    """The rejects as a table: Chinese headers, reasons and severities (``lang="en"``: English)."""
    frame = pd.DataFrame([i.as_dict(lang) for i in issues], columns=list(ISSUE_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    frame["severity"] = frame["severity"].map(lambda s: say(f"register.severity.{s}", lang) if s else s)
    return frame.rename(columns=issue_headers(lang))


def write_issues(path: Path, issues: Sequence[Issue], lang: Language = "zh") -> Path:
    """Write the rejects report as .xlsx (planners open it in Excel) or .csv (UTF-8 with BOM), with
    Chinese headers and reasons."""
    frame = issues_frame(issues, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
            frame.to_excel(writer, sheet_name="拒绝与警告" if lang != "en" else "rejects", index=False)
            sheet = next(iter(writer.sheets.values()))
            for i, width in enumerate((22, 12, 6, 14, 24, 9, 70, 60, 28)):
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

    def summary(self, lang: Language = "zh") -> str:
        """One line: files, rows loaded by kind, rows rejected, warnings (Chinese unless ``lang="en"``)."""
        kinds = ("，" if lang != "en" else ", ").join(
            say("register.summary.kind", lang, kind=say(f"register.kind.{k}", lang), count=self.loaded(k))
            for k in KINDS
            if self.loaded(k)
        )
        return say(
            "register.summary",
            lang,
            files=len(self.files),
            loaded=kinds or say("register.summary.nothing", lang),
            rejected=len(self.rejected),
            warnings=len(self.issues) - len(self.rejected),
        )
