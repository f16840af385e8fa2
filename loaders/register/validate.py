"""Validate (pure): one sheet's rows into ``RegisterRow`` values and ``Issue`` rejects.

The header row is found among the first rows (titles may sit above it) and mapped through the
header table; the register's kind is detected from it unless given. Each non-blank row below is
then parsed (dates, codes, years, amounts, and the text rules of ``values.check_text``) and checked
for what its kind needs. Rows are validated one at a time (``iter_validated``), so a streamed CSV is
never held whole: ``iter_validated`` gives one item per data row (the row, or ``None`` when it was
rejected), so a caller can hand on each chunk's issues however few rows it accepts. ``validate`` is
the same over a sheet in memory. Touches neither files nor the database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain, islice
from typing import Any

from graph.messages import say
from loaders.personal import is_personal_header, mask_personal
from loaders.register.headers import FALLBACKS, Kind, detect_kind, header_key, map_headers
from loaders.register.model import (
    HEADER_SCAN_ROWS,
    Issue,
    PlaceRef,
    RegisterRow,
    Sheet,
    SheetResult,
    ValueProblem,
    find_header_row,
)
from loaders.register.values import check_text, parse_amount, parse_code, parse_date_once, parse_year

# What Excel shows in a cell whose formula failed; a register cell holding one has no value.
EXCEL_ERRORS = frozenset(
    (
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
    )
)

_PARTY_WORDS = ("党组织", "党委", "党支部", "党总支", "支部", "party", "branch")
_UNIT_WORDS = ("单位", "unit", "organization", "organisation", "org")
# The free-text fields the graph stores as names, roles and labels (values.check_text applies).
TEXT_FIELDS = (
    "helper",
    "party_org",
    "programme",
    "pairing_kind",
    "category",
    "name",
    "role",
    "organization",
    "amount_unit",
    "village",
    "town",
    "district",
    "city",
    "province",
)


def _render(named: Sequence[tuple[int, str]], cells: Sequence[str], shown: dict[str, str] | None = None) -> str:
    """The row as ``header=value; …`` over the ``(index, header)`` of its named columns, with the
    values in ``shown`` (by header) put for the cells'.

    >>> _render([(0, "村"), (2, "日期")], ["四滧村", "x", "45000"], {"日期": "2023-03-15"})
    '村=四滧村; 日期=2023-03-15'
    """
    n = len(cells)
    if shown:
        return "; ".join([f"{h}={shown.get(h, cells[i])}" for i, h in named if i < n and cells[i]])
    return "; ".join([f"{h}={cells[i]}" for i, h in named if i < n and cells[i]])


def validate(sheet: Sheet, kind: Kind | None = None) -> SheetResult:
    """Parse one sheet into rows of ``kind`` (detected from the headers when None) and issues.

    Pure: touches neither files nor the database. Blank rows are skipped; every other row is
    either returned or reported.
    """
    result = SheetResult(sheet.file, sheet.name, kind)
    rows = iter_validated(
        sheet.file, sheet.name, iter(sheet.cells), result, kind, sheet.uncomputed, dict(sheet.unreadable)
    )
    result.rows.extend(row for row in rows if row is not None)
    return result


def iter_validated(
    file: str,
    sheet: str,
    rows: Iterator[list[str]],
    result: SheetResult,
    kind: Kind | None = None,
    uncomputed: frozenset[tuple[int, int]] = frozenset(),
    unreadable: dict[int, str] | None = None,
) -> Iterator[RegisterRow | None]:
    """One item per non-blank data row of one sheet, as its ``rows`` are consumed: the accepted row,
    or ``None`` for a row rejected; issues, the kind and the count of data rows go to ``result``.

    A rejected row yields too, so a reader of a file of millions of bad rows gets control back every
    row and can move ``result.issues`` on (``load`` does, chunk by chunk) instead of holding them all.
    ``unreadable`` (row number → reason, filled by a CSV reader as it goes) is emptied as its rows
    are reported, for the same reason.
    """
    unreadable = {} if unreadable is None else unreadable
    head = list(islice(rows, HEADER_SCAN_ROWS))
    header_at = find_header_row(head)
    if header_at is None:
        if any(any(c for c in row) for row in chain(head, rows)):
            result.issues.append(
                Issue.coded(file, sheet, None, None, None, "register.sheet.no_header", severity="warning")
            )
        return
    header = head[header_at]
    columns = map_headers(header)
    header_row_number = header_at + 1
    body = (
        (header_row_number + 1 + offset, cells)
        for offset, cells in enumerate(chain(head[header_at + 1 :], rows))
        if any(cells)
    )
    for dup in columns.duplicates:
        result.issues.append(
            Issue.coded(
                file,
                sheet,
                header_row_number,
                header[columns.fields[dup]],
                None,
                "register.sheet.duplicate_column",
                severity="warning",
                field=header[columns.fields[dup]],
            )
        )
    detected = kind or detect_kind(columns.fields)
    result.kind = detected
    if detected is None:
        result.issues.append(
            Issue.coded(
                file,
                sheet,
                header_row_number,
                None,
                None,
                "register.sheet.kind_unknown",
                headers="、".join(h for h in columns.headers if h),
            )
        )
        result.data_rows = sum(1 for _ in body)
        return
    fields = _fields_for_kind(columns.fields, detected)
    missing = _missing_columns(fields, detected)
    if missing:
        result.issues.append(
            Issue.coded(file, sheet, header_row_number, None, None, missing, kind=say(f"register.kind.{detected}"))
        )
        result.data_rows = sum(1 for _ in body)
        return
    headers = columns.headers
    header_of = {f: headers[i] for f, i in fields.items()}
    # Leaders' phone and ID numbers never reach the graph (loaders/personal.py): their columns are
    # not read, and such numbers in any other cell are masked.
    personal = {
        i for i, h in enumerate(headers) if h and is_personal_header(header_key(h)[0]) and i not in fields.values()
    }
    masked: dict[str, str] = {}
    checked: set[str] = set()  # texts check_text passed already: units, towns and rounds repeat
    named = [(i, h) for i, h in enumerate(headers) if h.strip()]  # the columns the evidence shows
    if personal:
        result.issues.append(
            Issue.coded(
                file,
                sheet,
                header_row_number,
                "、".join(headers[i] for i in sorted(personal)),
                None,
                "register.sheet.personal_columns",
                severity="warning",
            )
        )
    for number, raw in body:
        result.data_rows += 1
        unreadable_reason = unreadable.pop(number, None)
        if unreadable_reason is not None:
            result.issues.append(
                Issue(file, sheet, number, None, None, unreadable_reason, code="register.row.other_encoding")
            )
            yield None
            continue
        if len(masked) > 100_000:
            masked.clear()  # a memo, not a record: bounded for files of all-different cells
        if len(checked) > 100_000:
            checked.clear()
        if personal:
            cells = ["" if i in personal else _masked(c, masked) for i, c in enumerate(raw)]
        else:  # the common case, spelt out: this line runs for every row of a million-row register
            cells = [m if (m := masked.get(c)) is not None else _masked(c, masked) for c in raw]
        for i, cell in enumerate(cells if not EXCEL_ERRORS.isdisjoint(cells) else ()):
            if cell in EXCEL_ERRORS:
                # Excel shows #N/A, #REF! … where a formula failed: no value, not the text "#N/A".
                cells[i] = ""
                column = headers[i] if i < len(headers) else None
                result.issues.append(
                    Issue.coded(
                        file, sheet, number, column, cell, "register.cell.excel_error", severity="warning", value=cell
                    )
                )
        blank_formula = (
            next((f for f, i in fields.items() if (number - 1, i) in uncomputed), None) if uncomputed else None
        )
        if blank_formula is not None:
            result.issues.append(
                Issue.coded(
                    file, sheet, number, headers[fields[blank_formula]], None, "register.cell.uncomputed_formula"
                )
            )
            yield None
            continue
        get = {f: (cells[i] if i < len(cells) else "") for f, i in fields.items()}
        row_or_issue = _validate_row(
            file, sheet, detected, number, get, header_of, columns.unit_hint, named, cells, checked
        )
        if isinstance(row_or_issue, Issue):
            result.issues.append(row_or_issue)
            yield None
        else:
            yield row_or_issue


def _masked(cell: str, seen: dict[str, str]) -> str:
    """``mask_personal`` once per distinct cell of a sheet (units, towns and dates repeat)."""
    out = seen.get(cell)
    if out is None:
        out = seen[cell] = mask_personal(cell)
    return out


def _fields_for_kind(fields: dict[str, int], kind: Kind) -> dict[str, int]:
    out = {f: i for f, i in fields.items() if f not in ("unit_or_org", "seq", "note")}
    for target, sources in FALLBACKS[kind].items():
        for source in sources:
            if source in fields:
                out[target] = fields[source]
                break
    return out


def _missing_columns(fields: dict[str, int], kind: Kind) -> str | None:
    """The message code naming the column a sheet of ``kind`` lacks, or None."""
    has_place = bool(fields.keys() & {"village", "village_code"})
    if kind == "pairings":
        if not fields.keys() & {"helper", "party_org"}:
            return "register.sheet.missing_helper"
        if not has_place and "town" not in fields:
            return "register.sheet.missing_place"
    elif kind == "weak":
        if not has_place:
            return "register.sheet.missing_village"
        if "category" not in fields:
            return "register.sheet.missing_category"
    elif kind == "projects":
        if "name" not in fields:
            return "register.sheet.missing_project"
        if not has_place and "town" not in fields:
            return "register.sheet.missing_place"
    elif kind == "leaders":
        if "name" not in fields:
            return "register.sheet.missing_person"
        if "role" not in fields:
            return "register.sheet.missing_role"
        if not fields.keys() & {"village", "village_code", "town", "party_org", "organization"}:
            return "register.sheet.missing_post"
    return None


def _validate_row(
    file: str,
    sheet: str,
    kind: Kind,
    number: int,
    get: dict[str, str],
    header_of: dict[str, str],
    unit_hint: str | None,
    named: Sequence[tuple[int, str]],
    cells: Sequence[str],
    checked: set[str],
) -> RegisterRow | Issue:
    def issue(fieldname: str | None, code: str, **params: Any) -> Issue:
        column = header_of.get(fieldname) if fieldname else None
        value = get.get(fieldname) if fieldname else None
        return Issue.coded(file, sheet, number, column, value or None, code, **params)

    def problem(fieldname: str, exc: ValueProblem) -> Issue:
        return Issue.of_problem(file, sheet, number, header_of.get(fieldname), get.get(fieldname) or None, exc)

    for f in TEXT_FIELDS:
        text = get.get(f)
        if text and text not in checked:
            try:
                check_text(text)
            except ValueProblem as exc:
                shown = text if len(text) <= 60 else text[:60] + "…"  # the rejects file stays readable
                return Issue.of_problem(file, sheet, number, header_of[f], shown, exc)
            checked.add(text)
    values: dict[str, Any] = {}
    try:
        code = parse_code(get.get("village_code", ""))
    except ValueProblem as exc:
        return problem("village_code", exc)
    place = PlaceRef(
        code,
        get.get("village") or None,
        get.get("town") or None,
        get.get("district") or None,
        get.get("city") or None,
        get.get("province") or None,
    )
    as_dates: dict[str, str] = {}  # date cells the evidence shows as dates (an Excel serial number is not one)
    for f in ("since", "until"):
        if f in get:
            dated, bad = parse_date_once(get[f])
            if bad is not None:
                return problem(f, bad)
            # A month or a year stands for its first day as a start and its last day as an end.
            values[f] = None if dated is None else (dated.first if f == "since" else dated.last)
            values[f"{f}_precision"] = None if dated is None or dated.precision == "day" else dated.precision
            if dated is not None and dated.serial:
                as_dates[header_of[f]] = dated.written()
    if values.get("since") and values.get("until") and values["until"] < values["since"]:
        return issue(
            "until", "register.date.end_before_start", until=get["until"], since=get["since"]
        )  # as written: 2023年3月 ends on 31 March
    if "year" in get:
        try:
            values["year"] = parse_year(get["year"])
        except ValueProblem as exc:
            return problem("year", exc)
    for f in ("helper", "party_org", "programme", "pairing_kind", "category", "name", "role", "organization"):
        values[f] = get.get(f) or None

    if kind == "pairings":
        if not (values["helper"] or values["party_org"]):
            return issue("helper" if "helper" in get else "party_org", "register.row.no_helper")
        side = _normalise_side(get.get("paired_by", ""))
        if side is None:
            return issue("paired_by", "register.row.bad_side")
        if side == "party" and not values["party_org"]:
            return issue("party_org", "register.row.party_unnamed")
        values["paired_by"] = side if side != "auto" else ("unit" if values["helper"] else "party")
        if not place.names_village and not place.town:
            return issue("village", "register.row.no_village_or_town")
    elif kind == "weak":
        if not place.names_village:
            return issue("village", "register.row.no_village")
        if not values["category"]:
            return issue("category", "register.row.no_category")
    elif kind == "projects":
        if not values["name"]:
            return issue("name", "register.row.no_project")
        if not place.names_village and not place.town:
            return issue("village", "register.row.no_village_or_town")
        try:
            amount, unit, yuan = parse_amount(get.get("amount", ""), get.get("amount_unit") or unit_hint)
        except ValueProblem as exc:
            return problem("amount", exc)
        values.update(amount=amount, amount_unit=unit, amount_yuan=yuan)
    elif kind == "leaders":
        if not values["name"]:
            return issue("name", "register.row.no_person")
        if not values["role"]:
            return issue("role", "register.row.no_role")
        if not (place.names_village or place.town or values["party_org"] or values["organization"]):
            return issue("village", "register.row.no_post")
    evidence = _render(named, cells, as_dates)
    return RegisterRow(kind, file, sheet, number, evidence, values, place, header_of)


def _normalise_side(text: str) -> str | None:
    key = text.strip().lower()
    if not key:
        return "auto"
    if any(w in key for w in _PARTY_WORDS):
        return "party"
    if any(w in key for w in _UNIT_WORDS):
        return "unit"
    return None
