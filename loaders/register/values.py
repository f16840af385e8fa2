"""Cell values a register row is made of: dates, official codes, years, amounts, and text a planner typed.

Each parser takes the cell's text (already NFKC-normalised by ``read``) and returns the value, or
raises ``ValueProblem`` with a message code (``graph/messages.py``) a planner can act on. Nothing is
repaired by guessing: a code that lost a digit is a problem, not a value; a month or a year without a
day is a value with its precision kept (``Dated``). ``check_text`` holds the two
rules for free text the graph stores (names, roles, categories): a sane length, and no formulas.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from loaders.money import to_yuan
from loaders.register.model import ValueProblem

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?(?:\.0+)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
# Planners often know only the month (2023年3月, 2023-03, 2023.3) or the year (2023年) of a pairing.
_MONTH_PATTERNS = (re.compile(r"^(\d{4})[-/.](\d{1,2})$"), re.compile(r"^(\d{4})年(\d{1,2})月份?$"))
_YEAR_PATTERN = re.compile(r"^(\d{4})(?:年度?)?$")
FIRST_YEAR, LAST_YEAR = 1949, 2100  # the years a register date can take

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Dated:
    """A register date as written: its first and last day, and how precisely it was given.

    A pairing dated ``2023年3月`` starts on 1 March (``first``); a post held ``until 2023年3月`` ends
    on 31 March (``last``). ``serial`` is set when the cell held an Excel serial number, so the
    evidence can show the date instead of the number.
    """

    first: dt.date
    last: dt.date
    precision: Precision
    serial: bool = False

    def written(self) -> str:
        """The date as a planner reads it: 2023-01-05, 2023年3月, 2023年.

        >>> Dated(dt.date(2023, 3, 1), dt.date(2023, 3, 31), "month").written()
        '2023年3月'
        """
        if self.precision == "year":
            return f"{self.first.year}年"
        if self.precision == "month":
            return f"{self.first.year}年{self.first.month}月"
        return self.first.isoformat()


def parse_dated(text: str) -> Dated | None:
    """A register date with its precision. Days: 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日,
    20230105, an Excel serial number (44931) or a datetime Excel stored at midnight. Months:
    2023-03, 2023/3, 2023.3, 2023年3月. Years: 2023, 2023年, 2023年度. Empty → None.

    Raises:
        ValueProblem: anything else (an impossible day or month, a year out of range, words).

    >>> d = parse_dated("2023年3月"); (d.first.isoformat(), d.last.isoformat(), d.precision)
    ('2023-03-01', '2023-03-31', 'month')
    >>> d = parse_dated("2023"); (d.first.isoformat(), d.last.isoformat(), d.precision)
    ('2023-01-01', '2023-12-31', 'year')
    >>> parse_dated("44931").written(), parse_dated("44931").serial
    ('2023-01-05', True)
    """
    text = text.strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            y, m, d = (int(g) for g in match.groups())
            try:
                day = dt.date(y, m, d)
            except ValueError as exc:
                raise ValueProblem("register.date.not_real", value=text) from exc
            return Dated(day, day, "day")
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        serial = int(float(text))
        if 20000 <= serial <= 80000:  # 1954–2119: the range an Excel serial in a register can take
            day = _EXCEL_EPOCH + dt.timedelta(days=serial)
            return Dated(day, day, "day", serial=True)
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(text)
        if match:
            y, m = int(match.group(1)), int(match.group(2))
            if not (FIRST_YEAR <= y <= LAST_YEAR and 1 <= m <= 12):
                raise ValueProblem("register.date.not_real", value=text)
            last = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
            return Dated(dt.date(y, m, 1), last, "month")
    match = _YEAR_PATTERN.match(text)
    if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        y = int(match.group(1))
        return Dated(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    raise ValueProblem("register.date.not_date", value=text)


def parse_date(text: str) -> dt.date | None:
    """The first day of a register date (``parse_dated``): a month-only date is its 1st. Empty → None.

    >>> [parse_date(s).isoformat() for s in ("2023-01-05", "2023/1/5", "2023年1月5日", "20230105", "2023.1.5", "44931")]
    ['2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05', '2023-01-05']
    >>> parse_date(""), parse_date("2023.3").isoformat()
    (None, '2023-03-01')
    """
    dated = parse_dated(text)
    return None if dated is None else dated.first


@lru_cache(maxsize=8192)
def parse_date_once(text: str) -> tuple[Dated | None, ValueProblem | None]:
    """``parse_dated`` as (date, None) or (None, the problem), memoised: dates repeat down a register."""
    try:
        return parse_dated(text), None
    except ValueProblem as exc:
        return None, exc


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
    loaders.register.model.ValueProblem: 3.10151102216e+11 是科学计数法：Excel 把代码存成了数字，可能丢了位数；请把该列设为文本，重新输入 12 位代码
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[+-]?\d+(\.\d*)?[eE][+-]?\d+", text):
        raise ValueProblem("register.code.scientific", value=text, digits=digits)
    if re.fullmatch(r"\d+\.\d+", text):
        raise ValueProblem("register.code.decimal", value=text, digits=digits)
    if not text.isdigit():
        raise ValueProblem("register.code.not_digits", value=text, digits=digits)
    if len(text) != digits:
        short = "register.code.too_short" if len(text) < digits else "register.code.too_long"
        raise ValueProblem(short, value=text, length=len(text), digits=digits)
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
    if not match or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ValueProblem("register.year.bad", value=text)
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
        raise ValueProblem("register.amount.bad", value=text)
    value = float(match.group(1))
    written = (match.group(2) or "").strip() or None
    if written and unit and written != unit:
        raise ValueProblem("register.amount.unit_conflict", value=text, written=written, unit=unit)
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
    loaders.register.model.ValueProblem: =HYPERLINK("http://x","y") 以 = 开头，像电子表格公式；台账只收数值，请直接输入值
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ValueProblem("register.text.too_long", length=f"{len(text):,}", limit=MAX_TEXT_CHARS)
    if _FORMULA_RE.match(text):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ValueProblem("register.text.formula", value=shown, sign=text[0])
