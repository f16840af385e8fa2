"""Money units and their value in 元: the one table the register and the report loaders both use.

A unit not in the table (公里, 吨, 户) is a quantity, kept as written, with no 元 value.
"""

from __future__ import annotations

YUAN_PER_UNIT: dict[str, float] = {
    "元": 1.0,
    "千元": 1e3,
    "万元": 1e4,
    "百万元": 1e6,
    "亿元": 1e8,
    # Registers write the unit column as 万 or 亿 alone (金额（万）); reports always say 万元/亿元.
    "万": 1e4,
    "亿": 1e8,
}


def to_yuan(value: float, unit: str | None) -> float | None:
    """``value`` in 元 when ``unit`` is money, else None.

    >>> to_yuan(50, "万元"), to_yuan(1.5, "亿"), to_yuan(3, "公里"), to_yuan(3, None)
    (500000.0, 150000000.0, None, None)
    """
    factor = YUAN_PER_UNIT.get(unit) if unit else None
    return value * factor if factor is not None else None
