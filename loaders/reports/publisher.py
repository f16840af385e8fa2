"""Where a report names its publisher: the field of the source line, whatever its label.

A report published by a unit speaks of it as 我厅, 我校, 我局 and names it only in the source line or the
title. Sites label that field in several ways — 来源：, 信息来源：, 稿件来源:, 供稿：, 发布单位：,
发布机构：, 作者单位： — and separate it with a colon, a bar or a space; the field runs to the next
space (where the line's next field, such as 作者 or 日期, begins) or the line's end.

>>> text = "甲厅结对一年\\n发布机构：测试省农业农村厅　发布日期：2024-01-01\\n正文。"
>>> start, end = source_field(text)
>>> text[start:end]
'测试省农业农村厅'
>>> source_field("正文里说到来源于甲村。") is None
True
"""

from __future__ import annotations

import re

from loaders.reports.lexicon import PUBLISHER_LABELS

# A label, then a colon or a bar (or spaces), then the field up to a space or the line's end.
_FIELD = re.compile(
    "(?:^|(?<=[\\s　]))(?:" + "|".join(sorted(PUBLISHER_LABELS, key=len, reverse=True)) + ")"
    "(?:\\s*[:：|｜]\\s*|[ 　]+)([^\\s　|｜]+)",
    re.MULTILINE,
)
# The source line stands among a report's first lines or its last ones.
HEAD_OR_TAIL_CHARS = 400


def source_field(text: str) -> tuple[int, int] | None:
    """The span of the publisher's name in the source line (near the start or the end), or None."""
    for match in _FIELD.finditer(text):
        if match.start() < HEAD_OR_TAIL_CHARS or match.start() > len(text) - HEAD_OR_TAIL_CHARS:
            return match.span(1)
    return None
