"""Search by Chinese name, part of a name, code, or pinyin, with the administrative path.

Pinyin is kept on the nodes (``name_pinyin`` 'huayuancun', ``name_initials`` 'hyc', ``pinyin_of``
the name it was computed from) and written on the first pinyin search after a load, so no loader
has to know about it.
"""

from __future__ import annotations

import re
from typing import Any

from neo4j import Driver
from pypinyin import Style, lazy_pinyin

from graph.db import BatchWriter
from graph.errors import InvalidInput
from graph.records import read, unavailable_as_error

_PINYIN_QUERY = re.compile(r"^[a-zA-Z][a-zA-Z ]*$")
PINYIN_BATCH = 5000


def pinyin_of(name: str) -> tuple[str, str]:
    """Whole pinyin and initials of a name, lower case without tones or spaces.

    >>> pinyin_of("花园村")
    ('huayuancun', 'hyc')
    >>> pinyin_of("崇明区")
    ('chongmingqu', 'cmq')
    """
    syllables = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables).lower(), "".join(initials).lower()


def ensure_pinyin(driver: Driver, database: str = "neo4j") -> int:
    """Write pinyin on every searchable node that lacks it or has a stale one; returns how many."""
    writer = BatchWriter(driver, database, batch_size=PINYIN_BATCH)
    written = 0
    while True:
        missing = read(driver, "search/names_without_pinyin", database, batch=PINYIN_BATCH)
        if not missing:
            return written
        rows = []
        for row in missing:
            full, initials = pinyin_of(row["name"] or "")
            rows.append({"id": row["id"], "pinyin": full, "initials": initials, "name": row["name"]})
        with unavailable_as_error():
            writer.write("search/set_pinyin", rows)
        written += len(rows)


def search(driver: Driver, q: str, limit: int = 20, database: str = "neo4j") -> list[dict[str, Any]]:
    """Entities whose name contains ``q``, whose code starts with it, or whose pinyin starts with it.

    Raises:
        InvalidInput: ``q`` is empty.
    """
    text = q.strip()
    if not text:
        raise InvalidInput(code="search.empty")
    if _PINYIN_QUERY.match(text):
        ensure_pinyin(driver, database)
        text = text.replace(" ", "").lower()
    return read(driver, "analyses/search", database, q=text, limit=limit)
