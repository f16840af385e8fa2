"""What the register stages hand each other: sheets as read, rows as validated, issues, and the load report.

No stage logic lives here, only the shapes: ``Sheet`` (read), ``RegisterRow``/``SheetResult``
(validate), ``Target``/``Resolved`` (resolve), ``Issue`` (every stage), ``SheetSummary``/``LoadReport``
(load), and the two errors.
"""

from __future__ import annotations

import itertools
import os
import pickle
import struct
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, overload

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


def issue_row(issue: Issue, lang: Language = "zh") -> dict[str, Any]:
    """One reject as the file shows it: the reason and the severity in words."""
    row = issue.as_dict(lang)
    if row["severity"]:
        row["severity"] = say(f"register.severity.{row['severity']}", lang)
    return row


# Excel's last row; a longer rejects list goes on in the CSV, which has no limit.
XLSX_MAX_ROWS = 1_048_576


def write_issues(path: Path, issues: Iterable[Issue], lang: Language = "zh") -> Path:
    """Write the rejects report as .xlsx (planners open it in Excel) or .csv (UTF-8 with BOM), with
    Chinese headers and reasons.

    Row by row (xlsxwriter's constant-memory mode, the csv module), so millions of rejects are written
    in bounded memory. An .xlsx stops at Excel's last row with a line saying how many more the CSV holds.
    """
    import csv

    path.parent.mkdir(parents=True, exist_ok=True)
    headers = issue_headers(lang)
    rows = (issue_row(i, lang) for i in issues)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow([headers[c] for c in ISSUE_COLUMNS])
            out.writerows([row[c] for c in ISSUE_COLUMNS] for row in rows)
        return path
    import xlsxwriter

    with xlsxwriter.Workbook(str(path), {"constant_memory": True}) as book:
        sheet = book.add_worksheet("拒绝与警告" if lang != "en" else "rejects")
        for i, width in enumerate((22, 12, 6, 14, 24, 9, 70, 60, 28)):
            sheet.set_column(i, i, width)
        sheet.write_row(0, 0, [headers[c] for c in ISSUE_COLUMNS])
        written = 0
        for written, row in enumerate(rows, start=1):
            if written >= XLSX_MAX_ROWS - 1:
                rest = 1 + sum(1 for _ in rows)
                sheet.write_row(written, 0, ["", "", None, "", "", "", say("register.rejects.more", lang, rest=rest)])
                break
            sheet.write_row(written, 0, [row[c] for c in ISSUE_COLUMNS])
        sheet.autofilter(0, 0, max(written, 1), len(ISSUE_COLUMNS) - 1)
        sheet.freeze_panes(1, 0)
    return path


class IssueSpool:
    """The issues of a load, kept in memory up to ``keep`` and on disk past it, so a file of millions
    of bad rows loads in bounded memory.

    Behaves as the list it replaces: ``append``, ``extend``, ``len``, iteration in the order added,
    ``spool[:20]``. Counts per severity are kept as issues arrive. Past ``keep`` every issue is
    pickled, length-prefixed, to an anonymous temporary file (gone when the spool is), and iteration
    reads them back from it; the first ``keep`` stay in memory, and a copy (``dataclasses.asdict``,
    the API's answer) holds those first ``keep`` only.

    Pickle, not JSON, so an issue comes back equal to the one spooled (its ``params`` keep their
    tuples and numbers); the file is this process's own, never read from elsewhere. Reading goes by
    ``os.pread`` at offsets of its own, so iterating (even half-way) never moves where the next
    issue is written.
    """

    KEEP = 10_000
    _READ_BYTES = 1 << 16
    _LENGTH = struct.Struct("<I")

    def __init__(self, issues: Iterable[Issue] = (), keep: int | None = None):
        self.keep = self.KEEP if keep is None else keep
        self.head: list[Issue] = []
        self.counts = {"rejected": 0, "warning": 0}
        self._file: IO[bytes] | None = None
        self.extend(issues)

    def append(self, issue: Issue) -> None:
        self.counts[issue.severity] = self.counts.get(issue.severity, 0) + 1
        if self._file is None and len(self.head) < self.keep:
            self.head.append(issue)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile("w+b", prefix="revkg-rejects-")
            for kept in self.head:
                self._write(kept)
        self._write(issue)

    def _write(self, issue: Issue) -> None:
        assert self._file is not None
        record = pickle.dumps(issue, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(self._LENGTH.pack(len(record)) + record)

    def extend(self, issues: Iterable[Issue]) -> None:
        for issue in issues:
            self.append(issue)

    def __iadd__(self, issues: Iterable[Issue]) -> IssueSpool:
        self.extend(issues)
        return self

    @property
    def spooled(self) -> bool:
        """Whether the issues went past ``keep`` and are read back from disk."""
        return self._file is not None

    def __len__(self) -> int:
        return sum(self.counts.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[Issue]:
        if self._file is None:
            yield from list(self.head)
            return
        self._file.flush()
        descriptor, offset, end = self._file.fileno(), 0, self._file.tell()
        buffer = b""
        while offset < end or buffer:
            if offset < end:
                read = os.pread(descriptor, min(self._READ_BYTES, end - offset), offset)
                offset += len(read)
                buffer += read
            at = 0
            while len(buffer) - at >= self._LENGTH.size:
                (size,) = self._LENGTH.unpack_from(buffer, at)
                if len(buffer) - at - self._LENGTH.size < size:
                    break
                at += self._LENGTH.size
                yield pickle.loads(buffer[at : at + size])
                at += size
            buffer = buffer[at:]
            if offset >= end and buffer:
                raise ValueError("the rejects spool ends inside a record")

    @overload
    def __getitem__(self, index: int) -> Issue: ...

    @overload
    def __getitem__(self, index: slice) -> list[Issue]: ...

    def __getitem__(self, index: int | slice) -> Issue | list[Issue]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step < 0:
                return list(self)[index]
            return list(itertools.islice(self, start, stop, step))
        at = index + len(self) if index < 0 else index
        if not 0 <= at < len(self):
            raise IndexError("issue index out of range")
        return self.head[at] if at < len(self.head) else next(itertools.islice(self, at, None))

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, IssueSpool | list) else NotImplemented

    def __deepcopy__(self, memo: dict[int, Any]) -> list[Issue]:
        return list(self.head)

    def __repr__(self) -> str:
        return f"IssueSpool({len(self)} issues{', spooled to disk' if self.spooled else ''})"


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
    issues: IssueSpool = field(default_factory=IssueSpool)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # file → {encoding, sha256, changed}
    writes: WriteCounts = field(default_factory=WriteCounts)
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if not isinstance(self.issues, IssueSpool):
            self.issues = IssueSpool(self.issues)

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
            "register.summary" if kinds else "register.summary.nothing",
            lang,
            files=len(self.files),
            loaded=kinds,
            rejected=self.issues.counts["rejected"],
            warnings=self.issues.counts["warning"],
        )
