"""Cell values a register row is made of: dates, official codes, years, amounts, and text a planner typed.

Each parser takes the cell's text (already NFKC-normalised by ``read``) and returns the value, or
raises ``ValueProblem`` with a reason a planner can act on. Nothing is repaired by guessing: a code
that lost a digit or a month without a day is a problem, not a value. ``check_text`` holds the two
rules for free text the graph stores (names, roles, categories): a sane length, and no formulas.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from loaders.money import to_yuan
from loaders.register.model import ValueProblem

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?(?:\.0+)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(text: str) -> dt.date | None:
    """A register date: 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日, 20230105, an Excel serial number
    (44931), or a datetime Excel stored at midnight. Empty → None.

    Raises:
        ValueProblem: anything else, including a month or year without a day.

    >>> [parse_date(s).isoformat() for s in ("2023-01-05", "2023/1/5", "2023年1月5日", "20230105", "2023.1.5", "44931")]
    ['2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05']
    >>> parse_date("")
    """
    text = text.strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            y, m, d = (int(g) for g in match.groups())
            try:
                return dt.date(y, m, d)
            except ValueError as exc:
                raise ValueProblem(f"{text!r} is not a real date ({exc})") from exc
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        serial = int(float(text))
        if 20000 <= serial <= 80000:  # 1954–2119: the range an Excel serial in a register can take
            return _EXCEL_EPOCH + dt.timedelta(days=serial)
    if re.fullmatch(r"\d{4}(年|[-/.]\d{1,2}|年\d{1,2}月)?", text):
        raise ValueProblem(f"{text!r} has no day; write the full date (2023-01-05)")
    raise ValueProblem(f"{text!r} is not a date (write 2023-01-05, 2023/1/5 or 2023年1月5日)")


@lru_cache(maxsize=8192)
def parse_date_once(text: str) -> tuple[dt.date | None, str | None]:
    """``parse_date`` as (date, None) or (None, the problem), memoised: dates repeat down a register."""
    try:
        return parse_date(text), None
    except ValueProblem as exc:
        return None, str(exc)


def parse_code(text: str, digits: int = 12) -> str | None:
    """An official code kept as a string of exactly ``digits`` digits. Empty → None.

    Raises:
        ValueProblem: scientific notation, a decimal part, or a wrong number of digits (Excel
            turned the code into a number and it lost digits): never repaired by guessing.

    >>> parse_code("310151102216")
    '310151102216'
    >>> parse_code("3.10151102216e+11")
    Traceback (most recent call last):
    ...
    loaders.register.model.ValueProblem: '3.10151102216e+11' is in scientific notation: Excel stored the code as a number and may have lost digits; format the column as text and type the 12-digit code again
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[+-]?\d+(\.\d*)?[eE][+-]?\d+", text):
        raise ValueProblem(
            f"{text!r} is in scientific notation: Excel stored the code as a number and may have lost "
            f"digits; format the column as text and type the {digits}-digit code again"
        )
    if re.fullmatch(r"\d+\.\d+", text):
        raise ValueProblem(f"{text!r} has a decimal part; a code is {digits} digits written as text")
    if not text.isdigit():
        raise ValueProblem(f"{text!r} is not a code: a code is {digits} digits")
    if len(text) != digits:
        hint = " (leading digits lost?)" if len(text) < digits else ""
        raise ValueProblem(f"{text!r} has {len(text)} digits, not {digits}{hint}")
    return text


def parse_year(text: str) -> int | None:
    """A year such as 2023, 2023年 or 2023年度. Empty → None.

    >>> parse_year("2023年度"), parse_year("")
    (2023, None)
    """
    text = text.strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})(?:年度?)?", text)
    if not match or not 1949 <= int(match.group(1)) <= 2100:
        raise ValueProblem(f"{text!r} is not a year (write 2023)")
    return int(match.group(1))


_AMOUNT_RE = re.compile(r"^(?:¥|￥|rmb)?\s*(\d+(?:\.\d+)?)\s*([^\d\s.,][^\d]*)?$", re.IGNORECASE)


def parse_amount(text: str, unit: str | None) -> tuple[float | None, str | None, float | None]:
    """An amount, its unit and its value in 元 (money units only). Thousands separators are allowed;
    a unit written in the cell (``50万元``) must agree with the unit column or header, if any.

    >>> parse_amount("50", "万元"), parse_amount("1,200元", None), parse_amount("3.5公里", None)
    ((50.0, '万元', 500000.0), (1200.0, '元', 1200.0), (3.5, '公里', None))
    >>> parse_amount("", None)
    (None, None, None)
    """
    text = text.strip().replace(",", "").replace("，", "")
    unit = (unit or "").strip() or None
    if not text:
        return None, unit, None
    match = _AMOUNT_RE.match(text)
    if not match:
        raise ValueProblem(f"{text!r} is not an amount (write a number such as 50 or 50万元)")
    value = float(match.group(1))
    written = (match.group(2) or "").strip() or None
    if written and unit and written != unit:
        raise ValueProblem(f"{text!r} says {written} but the unit given is {unit}")
    unit = written or unit
    return value, unit, to_yuan(value, unit)


# The longest official names run to about 60 characters (a 股份有限公司 with its full regional
# prefix, a 党总支部委员会 of a named unit); 200 leaves room for any real name, role or category
# and stops a pasted paragraph (or a 10,000-character cell) from becoming a node.
MAX_TEXT_CHARS = 200

# What a spreadsheet would run as a formula if the text were exported to a cell again: = or @ at
# the start, or + / - followed by anything but a plain number ("-" alone is a planner's blank).
_FORMULA_RE = re.compile(r"^(?:[=@]|[+\-](?![\d.,\s]*$))")


def check_text(text: str) -> None:
    """Refuse free text the graph must not store: longer than ``MAX_TEXT_CHARS``, or a formula.

    Raises:
        ValueProblem: with the reason.

    >>> check_text("上海浦江实业集团有限公司"), check_text("-"), check_text("-3")
    (None, None, None)
    >>> check_text('=HYPERLINK("http://x","y")')
    Traceback (most recent call last):
    ...
    loaders.register.model.ValueProblem: '=HYPERLINK("http://x","y")' starts like a spreadsheet formula (=); a register holds values: type the value itself
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ValueProblem(
            f"{len(text):,} characters long (at most {MAX_TEXT_CHARS}): a name, role or category, not a paragraph"
        )
    if _FORMULA_RE.match(text):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ValueProblem(
            f"{shown!r} starts like a spreadsheet formula ({text[0]}); a register holds values: type the value itself"
        )
