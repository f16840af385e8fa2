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

from loaders import files
from loaders.places import to_simplified
from loaders.reports.lexicon import BOUNDARY_CHARS, CJK, LEFT_VERBS, SENTENCE_END_CHARS
from loaders.reports.model import ReportDoc, ReportError, Sentence

CJK_RE = re.compile(f"[{CJK}]")
_SENTENCE_END = re.compile(f"[{SENTENCE_END_CHARS}\\n]+")

# Extraction time grows faster than linearly with the number of mentions (see RELIABILITY.md): a
# 120 KB text dense with places takes ~6 s, 5 MB would take hours. Reports run to a few thousand
# characters; a longer text is refused with a message instead of tying up the loader.
MAX_CHARS = 100_000

# What a folder of reports is read for.
REPORT_SUFFIXES = (".txt", ".md", ".text")


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
    """Read one report (UTF-16 with a BOM, UTF-8, or GB18030 when it is not UTF-8).

    Raises:
        ReportError: the bytes are none of these (binary junk, another encoding).
    """
    raw = path.read_bytes()
    encodings = ("utf-16", "utf-8-sig", "gb18030") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "gb18030" or _plausible_chinese(text):
            break
    else:
        raise ReportError(f"{path}: not text in UTF-8, UTF-16 or GB18030; save the report as UTF-8")
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]
    return ReportDoc(f"report:{path.stem}", str(path), text, hashlib.sha256(raw).hexdigest(), title)


def validate(doc: ReportDoc) -> str | None:
    """Why a document cannot be extracted, or None."""
    if not doc.text.strip():
        return f"{doc.path}: empty"
    if len(doc.text) > MAX_CHARS:
        return (f"{doc.path}: too long ({len(doc.text):,} characters; the limit is {MAX_CHARS:,}); "
                "split it into several files")
    if not CJK_RE.search(doc.text):
        return f"{doc.path}: no Chinese text"
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


def sentences(text: str) -> list[Sentence]:
    """The text's sentences (cut after 。！？!? and at line ends), blank ones left out."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > pos:
            out.append(Sentence(pos, m.start() + (1 if text[m.start()] in SENTENCE_END_CHARS else 0)))
        pos = m.end()
    if pos < len(text):
        out.append(Sentence(pos, len(text)))
    return [s for s in out if text[s.start:s.end].strip()]


def sentence_lookup(sents: list[Sentence], n: int) -> Callable[[int], Sentence]:
    """A function from a character offset to the sentence it is in (the whole text before the first)."""
    import bisect

    starts = [s.start for s in sents]

    def find(pos: int) -> Sentence:
        i = bisect.bisect_right(starts, pos) - 1
        return sents[i] if i >= 0 else Sentence(0, n)

    return find


def left_limit(text: str, end: int, floor: int, max_len: int, *, boundary: frozenset[str] = BOUNDARY_CHARS,
               words_inside: frozenset[str] = frozenset()) -> int:
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
        word = text[start - 2:start]
        if start - 2 >= floor and word in LEFT_VERBS and word not in words_inside and end - start >= 2:
            break
        start -= 1
    return start
