"""Stage 1, read: a report file into a ``ReportDoc``, why it cannot be extracted, and the text as matched.

Also the sentence splitter every later stage works within, ``left_limit`` (where a name ending at a
given offset may start) and ``iter_paths`` (the files a load takes).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from graph.messages import say
from loaders import files
from loaders.places import to_simplified
from loaders.reports.lexicon import BOUNDARY_CHARS, CJK, LEFT_VERBS, SENTENCE_END_CHARS
from loaders.reports.model import ReportDoc, ReportError, Sentence

CJK_RE = re.compile(f"[{CJK}]")
_SENTENCE_END = re.compile(f"[{SENTENCE_END_CHARS}\\n]+")

# The corpus's longest sentence has about 300 characters. A text without sentence ends (a page
# pasted as one line, a table flattened into commas) would otherwise be one sentence: every fact
# would carry the whole text as its evidence, and helpers would be paired with villages a thousand
# characters away. Longer stretches are cut at a clause break, or hard at the bound.
MAX_SENTENCE_CHARS = 500
_CLAUSE_BREAKS = "，,；;：:、 \t\u3000"

# Extraction time grows faster than linearly with the number of mentions in one text (several steps
# compare every mention with every other; see RELIABILITY.md), so a long report is extracted in parts
# of at most PART_CHARS cut at sentence ends, and its time grows linearly. Reports run to a few
# thousand characters; MAX_CHARS (5 MB of Chinese in UTF-8) bounds one upload's time and memory, and
# MAX_BYTES refuses a bigger file before it is read into memory at all.
PART_CHARS = 50_000
MAX_CHARS = 2_000_000
MAX_BYTES = 4 * MAX_CHARS

# What a folder of reports is read for.
REPORT_SUFFIXES = (".txt", ".md", ".text")


def literal_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, the longest first where one begins another (as an alternation
    sorted by length would), built as a trie: each position is tested by its next character once, not by
    every word in turn, which matters inside a lazy name run that tries the endings at every character.

    >>> re.fullmatch(literal_alternation(["公司", "有限公司", "分公司", "局"]), "有限公司") is not None
    True
    >>> re.match(literal_alternation(["分", "分公司"]), "分公司").group()
    '分公司'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + pattern(trie) + ")"


def _plausible_chinese(text: str) -> bool:
    """Whether GB18030-decoded text reads as Chinese: real reports use the common characters
    (GB2312) almost only, while binary junk decodes to rare ones.

    >>> _plausible_chinese("崇明区堡镇四滧村"), _plausible_chinese(bytes(range(129, 255)).decode("gb18030", "ignore"))
    (True, False)
    """
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return True
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.8 * len(wide)


def read(path: Path) -> ReportDoc:
    """Read one report: UTF-16 with a BOM, UTF-8, or line by line UTF-8 or GB18030 (a GBK paragraph
    pasted into a UTF-8 file keeps its text). Control characters other than tab and line ends are
    dropped (a NUL would otherwise sit inside sentences and names); form feeds end a line.

    Raises:
        ReportError: the file is too big to read, or most of its bytes are none of these (binary junk).
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReportError(say("report.too_long_bytes", path=path, size=f"{size:,}", limit=f"{MAX_BYTES:,}"))
    raw = path.read_bytes()
    notes: tuple[str, ...] = ()
    try:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = raw.decode("utf-16")
        else:
            text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, notes = _decode_by_line(path, raw)
    text = _CONTROL_RE.sub("", text.translate(_LINE_BREAKS))
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]
    return ReportDoc(f"report:{path.stem}", str(path), text, hashlib.sha256(raw).hexdigest(), title, notes)


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})


def _decode_by_line(path: Path, raw: bytes) -> tuple[str, tuple[str, ...]]:
    """Each line as UTF-8, else as GB18030; lines that are neither are left out, and so are all the
    GB18030 lines when together they do not read as Chinese (judged together, so a short line with a
    rare character such as 滧 is kept). Splitting on b"\\n" is safe: no GB18030 or UTF-8 multi-byte
    sequence holds it.

    Raises:
        ReportError: fewer than half the bytes are text (binary junk, an unknown encoding).
    """
    lines: list[str] = []
    utf8_wide, gb_lines, dropped = False, [], []
    for number, line in enumerate(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
            utf8_wide = utf8_wide or not line.isascii()
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines.append(line.decode("gb18030"))
            gb_lines.append(number)
        except UnicodeDecodeError:
            lines.append("")
            dropped.append(number)
    if gb_lines and not _plausible_chinese("".join(lines[n - 1] for n in gb_lines)):
        for n in gb_lines:
            lines[n - 1] = ""
        dropped, gb_lines = sorted(dropped + gb_lines), []
    raw_lines = raw.split(b"\n")
    if sum(len(raw_lines[n - 1]) for n in dropped) * 2 > len(raw):
        raise ReportError(say("report.not_text", path=path))
    notes = []
    if gb_lines and utf8_wide:
        notes.append(say("report.note.gbk", path=path, lines=_lines(gb_lines)))
    if dropped:
        notes.append(say("report.note.dropped", path=path, lines=_lines(dropped)))
    return "\n".join(lines), tuple(notes)


def _lines(numbers: list[int]) -> str:
    """Line numbers for a message.

    >>> _lines([3]), _lines([1, 2, 3, 4, 5, 6, 7])
    ('第 3 行', '第 1、2、3、4、5 行等共 7 行')
    """
    shown = "、".join(map(str, numbers[:5]))
    return (
        say("report.lines", shown=shown)
        if len(numbers) <= 5
        else say("report.lines_more", shown=shown, count=len(numbers))
    )


def validate(doc: ReportDoc) -> str | None:
    """Why a document cannot be extracted, or None."""
    if not doc.text.strip():
        return say("report.empty", path=doc.path)
    if len(doc.text) > MAX_CHARS:
        return say("report.too_long_chars", path=doc.path, size=f"{len(doc.text):,}", limit=f"{MAX_CHARS:,}")
    if not CJK_RE.search(doc.text):
        return say("report.no_chinese", path=doc.path)
    return None


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """The report files under ``paths``: a folder gives its report files, sub-folders included, sorted."""
    return iter(files.expand(paths, REPORT_SUFFIXES, recursive=True))


@cache
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def matching_text(text: str) -> str:
    """The text as matched: simplified characters, full-width forms folded, same length.

    >>> matching_text("崇明區（中國）１２")
    '崇明区(中国)12'
    """
    simplified = to_simplified(text)
    return "".join(_fold_char(c) for c in simplified) if not simplified.isascii() else simplified


def sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """The text's sentences (cut after 。！？!? and at line ends), blank ones left out; none longer
    than ``max_chars`` (see ``MAX_SENTENCE_CHARS``).

    >>> [(s.start, s.end) for s in sentences("甲乙。丙丁\\n戊")]
    [(0, 3), (3, 5), (6, 7)]
    >>> [(s.start, s.end) for s in sentences("甲乙丙，丁戊己庚辛壬，癸", max_chars=6)]
    [(0, 4), (4, 10), (10, 12)]
    """
    out: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > pos:
            out.extend(_bounded(text, pos, m.start() + (1 if text[m.start()] in SENTENCE_END_CHARS else 0), max_chars))
        pos = m.end()
    if pos < len(text):
        out.extend(_bounded(text, pos, len(text), max_chars))
    return [s for s in out if text[s.start : s.end].strip()]


def _bounded(text: str, start: int, end: int, max_chars: int) -> Iterator[Sentence]:
    """``text[start:end]`` in pieces of at most ``max_chars``, each cut after the last clause break
    of its second half when there is one."""
    while end - start > max_chars:
        limit = start + max_chars
        cut = max(text.rfind(c, start + max_chars // 2, limit) for c in _CLAUSE_BREAKS) + 1
        cut = cut if cut > start else limit
        yield Sentence(start, cut)
        start = cut
    yield Sentence(start, end)


def parts(text: str, max_chars: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` spans covering ``text``, each at most ``max_chars`` long and cut at a sentence
    end when one falls in its second half (sentences are at most ``MAX_SENTENCE_CHARS``).

    >>> list(parts("甲乙。丙丁戊己。庚", 4))
    [(0, 3), (3, 7), (7, 9)]
    """
    start = 0
    ends = [s.end for s in sentences(text)]
    i = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        while i < len(ends) and ends[i] <= limit:
            i += 1
        cut = ends[i - 1] if i > 0 and ends[i - 1] > start + max_chars // 2 else limit
        yield start, cut
        start = cut
    yield start, len(text)


# What ends a sentence for the stages that look at one around a position (a full stop, !, ?, a line's end).
SENTENCE_STOPS = "。！!？?\n"


def span_start(text: str, pos: int, stops: str) -> int:
    """Where the stretch holding ``pos`` starts: right after the last of ``stops`` before it, or at 0.

    >>> span_start("甲乙。丙丁", 4, "。")
    3
    """
    return max(text.rfind(c, 0, pos) for c in stops) + 1


def span_end(text: str, pos: int, stops: str) -> int:
    """Where the stretch holding ``pos`` ends: at the first of ``stops`` from ``pos`` on, or at the text's end.

    >>> span_end("甲乙。丙丁", 0, "。"), span_end("甲乙。丙丁", 3, "。")
    (2, 5)
    """
    return min((i for i in (text.find(c, pos) for c in stops) if i >= 0), default=len(text))


def sentence_lookup(sents: list[Sentence], n: int) -> Callable[[int], Sentence]:
    """A function from a character offset to the sentence it is in (the whole text before the first)."""
    import bisect

    starts = [s.start for s in sents]

    def find(pos: int) -> Sentence:
        i = bisect.bisect_right(starts, pos) - 1
        return sents[i] if i >= 0 else Sentence(0, n)

    return find


def left_limit(
    text: str,
    end: int,
    floor: int,
    max_len: int,
    *,
    boundary: frozenset[str] = BOUNDARY_CHARS,
    words_inside: frozenset[str] = frozenset(),
) -> int:
    """The earliest start a name ending at ``end`` may have: no boundary character or verb inside it.

    A bracketed part of up to six characters (玫琳凯(中国)有限公司) is kept inside the name; verbs in
    ``words_inside`` (建设 in 某建设有限公司) do not end it.
    """
    start = end
    while start > floor and end - start < max_len:
        ch = text[start - 1]
        if ch in ")）":
            opening = max(text.rfind("(", floor, start), text.rfind("（", floor, start))
            if opening >= 0 and 1 <= start - opening - 2 <= 6 and opening > floor:
                start = opening
                continue
            break
        if ch in boundary or not CJK_RE.match(ch):
            break
        word = text[start - 2 : start]
        if start - 2 >= floor and word in LEFT_VERBS and word not in words_inside and end - start >= 2:
            break
        start -= 1
    return start
