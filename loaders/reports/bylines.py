"""Bylines: where a report credits who wrote, photographed, edited or published it.

A reporter, an editor or a correspondent is never a leader of the work the report describes, even where
a credit word reads like a role (值班主任：…) or a name stands beside a unit (作者：某县委组织部 张三). The
genre credits them in a few positions, told by a credit word and where it stands, never by the names:

- a **credits line**: a stretch of a line, from its start or the end of a sentence up to the line's end
  (no sentence end after it), with a credit word in it — 来源：某日报 作者：张三 编辑：李四,
  记者 张三 通讯员 李四, 某中心 记者 张三, or a caption's tail …。张三 摄;
- a **bracket** holding a credit: 本报讯（记者 张三 通讯员 李四）, （张三／文 李四／图）, （某部供稿）,
  【编辑:张三】, (王五记者赵六), an author's note （本文作者系某村第一书记 张三） and the name right before
  one (张三（作者系…）); a bracket is read clause by clause, so a caption's other clause
  （左一为村党支部书记张三，记者 李四 摄） is not a credit.

A body sentence that mentions a reporter (记者了解到, 记者张三跟随…) ends in 。 and is no credits line; the
name right after a credit word there is still a byline (``people.BYLINE_THEN_NAME``).

>>> text = "甲村修了路。\\n记者 张三 通讯员 李四"
>>> [text[s:e] for s, e in byline_zones(text)]
['记者 张三 通讯员 李四']
>>> byline_zones("记者了解到，甲村修了路。")
[]
"""

from __future__ import annotations

import re

from loaders.reports import lexicon

_SEPARATORS = re.escape(lexicon.BYLINE_SEPARATORS)
_WORDS = sorted(lexicon.NOT_LEADER_ROLES + lexicon.BYLINE_CREDIT_WORDS, key=len, reverse=True)
_CHARS = lexicon.BYLINE_CREDIT_CHARS
_SURNAMES = "".join(sorted(lexicon.SURNAMES | {s[0] for s in lexicon.COMPOUND_SURNAMES}))
# A credit word, then a separator, the end of the piece, or a surname (记者张三, 王五记者赵六 — not 记者眼中);
# a one-character credit beside a slash or a space (张三 摄, 李四／文, 文/王五, 图：赵六).
CREDIT = re.compile(
    "(?:" + "|".join(_WORDS) + f")(?=[{_SEPARATORS}]|$|[{_SURNAMES}])"
    f"|作者(?=[{lexicon.AUTHOR_NOTE_VERBS}])"
    f"|(?<=[{_SEPARATORS}])[{_CHARS}](?=[{_SEPARATORS}]|$)"
    f"|(?:^|(?<=[{_SEPARATORS}]))[{_CHARS}]{{1,2}}(?=[{_SEPARATORS}])"
)
# A bracket that introduces the author (（作者系…）, （本文作者为…）): the name right before it is the author's.
AUTHOR_NOTE = re.compile(f"(?:本文)?作者[{lexicon.AUTHOR_NOTE_VERBS}]")
# What a credit word must not go on into (记者了解到, 作者认为): the word is then part of a sentence.
_NOT_CREDIT_AFTER = ("了解", "获悉", "看到", "发现", "注意", "认为", "走进", "来到", "跟随", "采访", "从", "在", "问")
_LINE_END = "\n"
_SENTENCE_END = "。！？!?"
_OPEN_RE = re.escape("（(【[")
_CLOSE_RE = re.escape("）)】]")
# A clause of a credits line or bracket: up to a comma, a semicolon or a bracket.
_CLAUSE = re.compile(f"[^，,；;{_OPEN_RE}{_CLOSE_RE}]+")
# A bracket longer than this is a remark of the text, not a credit.
BRACKET_MAX = 80
# A credits line longer than this is body text.
LINE_MAX = 120


def _has_credit(piece: str) -> bool:
    for m in CREDIT.finditer(piece):
        if not any(piece.startswith(w, m.end()) for w in _NOT_CREDIT_AFTER):
            return True
    return False


def byline_zones(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` that credit writers, editors or sources (credits lines and brackets),
    clause by clause: a clause without a credit word (a caption's 左一为…) is not one."""
    stretches = [
        (m.start(1), m.end(1))
        for m in re.finditer(f"[{_OPEN_RE}]([^{_OPEN_RE}{_CLOSE_RE}\\n]{{1,{BRACKET_MAX}}})[{_CLOSE_RE}]", text)
    ]
    line_start = 0
    for line in text.split(_LINE_END):
        body = line.rstrip()
        tail_start = max(body.rfind(ch) for ch in _SENTENCE_END) + 1
        if len(line) - tail_start <= LINE_MAX:
            stretches.append((line_start + tail_start, line_start + len(line)))
        line_start += len(line) + 1
    zones: set[tuple[int, int]] = set()
    for start, end in stretches:
        for clause in _CLAUSE.finditer(text, start, end):
            if _has_credit(clause.group().strip()):
                zones.add(clause.span())
    return sorted(zones)


def inside(zones: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the span lies in one of the zones."""
    return any(s <= start and end <= e for s, e in zones)
