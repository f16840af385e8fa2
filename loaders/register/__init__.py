"""Planners' registers (台账): Excel/CSV ledgers of pairings, weak villages, projects and leaders.

One module per stage, each with one job:

- ``headers``: the Chinese/English header table, and which kind of register a sheet is;
- ``model``: sheets, rows, issues, targets and the load report the stages pass along;
- ``read``: files into sheets of clean text cells (the only stage that opens files; CSV streamed);
- ``values``: dates, codes, years, amounts, and the rules for stored text;
- ``validate`` (pure): a sheet's rows into ``RegisterRow`` values and rejects;
- ``resolve`` (pure): villages and towns to official codes through ``loaders.places``;
- ``write``: resolved rows into Neo4j through the checked catalogue (the only stage that writes);
- ``load``: the stages composed per file, in bounded memory, and the report.

A row that cannot be read, parsed or resolved to exactly one place becomes an ``Issue`` with its
file, sheet, spreadsheet row number, column, reason and candidates; every other row still loads.
Nothing is dropped without an issue and no place is guessed. ``docs/registers.md`` lists the
columns each kind of register takes.
"""

from __future__ import annotations

from loaders.places import name_key
from loaders.register.cells import clean_cell
from loaders.register.csvfile import decode_csv
from loaders.register.headers import (
    FALLBACKS,
    HEADER_ALIASES,
    HEADER_TABLE,
    KINDS,
    ColumnMap,
    Kind,
    detect_kind,
    header_key,
    map_headers,
)
from loaders.register.load import CHUNK_ROWS, expand, load, prepare, prepare_chunks
from loaders.register.model import (
    EXTENSIONS,
    ISSUE_COLUMNS,
    Issue,
    IssueSpool,
    LoadReport,
    PlaceRef,
    RegisterError,
    RegisterRow,
    Resolved,
    Sheet,
    SheetResult,
    SheetSummary,
    Target,
    ValueProblem,
    write_issues,
)
from loaders.register.read import open_sheets, read
from loaders.register.resolve import Resolver, describe, resolve
from loaders.register.validate import validate
from loaders.register.values import (
    MAX_TEXT_CHARS,
    Dated,
    check_text,
    parse_amount,
    parse_code,
    parse_date,
    parse_dated,
    parse_year,
)
from loaders.register.workbook import check_package, fill_merged
from loaders.register.write import source_id, to_params, write

__all__ = [
    "CHUNK_ROWS",
    "EXTENSIONS",
    "FALLBACKS",
    "HEADER_ALIASES",
    "HEADER_TABLE",
    "ISSUE_COLUMNS",
    "IssueSpool",
    "KINDS",
    "MAX_TEXT_CHARS",
    "ColumnMap",
    "Dated",
    "Issue",
    "Kind",
    "LoadReport",
    "PlaceRef",
    "RegisterError",
    "RegisterRow",
    "Resolved",
    "Resolver",
    "Sheet",
    "SheetResult",
    "SheetSummary",
    "Target",
    "ValueProblem",
    "check_package",
    "check_text",
    "clean_cell",
    "decode_csv",
    "describe",
    "detect_kind",
    "expand",
    "fill_merged",
    "header_key",
    "load",
    "map_headers",
    "name_key",
    "open_sheets",
    "parse_amount",
    "parse_code",
    "parse_date",
    "parse_dated",
    "parse_year",
    "prepare",
    "prepare_chunks",
    "read",
    "resolve",
    "source_id",
    "to_params",
    "validate",
    "write",
    "write_issues",
]
