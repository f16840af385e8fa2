"""Stage 5, persons: people with a leading role, named before or after it.

Forms the genre uses:

- ``村党支部书记张三`` / ``党委副书记、镇长李四`` / ``市派“第一书记”王五`` — role(s) then the name;
- ``张三（村党总支书记）`` — the name, its role in brackets;
- ``张三作为商会会长`` / ``担任支部书记的张三`` — the role linked by a verb;
- ``选派干部张三到某村任第一书记`` — a person sent to a post;
- ``张三，男，1978年出生，现任某村党支部书记`` — a short biography;
- bylines (``记者 张三``, ``通讯员：李四``, ``编辑:王五``) are kept apart and never become leaders.

A name is a surname (one or two characters) and one or two more characters, and the text must show
where it ends: punctuation, a conjunction, or a word that follows names (表示, 带队, 参加…).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from loaders.reports import lexicon
from loaders.reports.bylines import AUTHOR_NOTE, CREDIT, byline_zones, inside
from loaders.reports.model import Mention
from loaders.reports.reading import literal_alternation

_CJK = lexicon.CJK
_MIDDLE_DOTS = lexicon.NAME_DOTS
# Every role word, and one role with its prefixes (党委副书记): shared with the stages that look for a post.
ROLE_CORE = literal_alternation(lexicon.ROLE_CORES)
_ROLE_PREFIX = literal_alternation(lexicon.ROLE_PREFIXES)
ONE_ROLE = f"(?:(?:{_ROLE_PREFIX})*(?:{ROLE_CORE}))"
_QUOTE = '[“”"‘’「」]?'
# a role the lists do not hold, as the last of a chain after a known one (党组成员、总审计师): not a post (党员)
_OPEN_ROLE = f"(?!{'|'.join(lexicon.POST_NOUNS)})[{_CJK}]{{1,4}}?[{lexicon.ROLE_OPEN_ENDINGS}]"
# role(s) then a name: 党委副书记、镇长岳冉 / 市派“第一书记”刘罡 / 主任：张三 / 党组成员、总审计师张三
ROLE_THEN_NAME = re.compile(
    f"({_QUOTE}{ONE_ROLE}{_QUOTE}(?:(?:、|兼[{_CJK}]{{0,6}}?){_QUOTE}{ONE_ROLE}{_QUOTE})*"
    f"(?:、{_QUOTE}{_OPEN_ROLE}{_QUOTE})?)[:：\\s]?(?=[{_CJK}])"
)
# a short biography: 张三，男，1978年出生，现任某村党支部书记
BIOGRAPHY = re.compile(
    f"(?:^|(?<=[。！？!?\\n]))\\s*([{_CJK}]{{2,4}})[，,][男女][，,][^。！？!?\\n]{{0,60}}?(?:现任|任|担任)"
    f"[^。！？!?，,\\n]{{0,20}}?({ONE_ROLE})(?=[。；;，,\\n]|$)"
)
# a name opening a sentence, then what it is: 张三，某学院党总支书记，… / 张三，某公司职工，…担任驻村第一书记至今。
# Without 男/女 a sentence may open with a word that looks like a name (于是，…): the model must read a name.
_SENTENCE_OPENS = f"(?:^|(?<=[。！？!?\\n]))\\s*([{_CJK}]{{2,4}})[，,]"
APPOSITIVE = re.compile(f"{_SENTENCE_OPENS}([^。！？!?，,；;\\n]{{0,30}}?{ONE_ROLE})(?=[。；;，,\\n]|$)")
OPENING_NAME_THEN_POST = re.compile(
    f"{_SENTENCE_OPENS}[^。！？!?\\n]{{0,60}}?(?:现任|任|担任)[^。！？!?，,\\n]{{0,20}}?({ONE_ROLE})(?=[。；;，,\\n]|至今|$)"
)
# A longer credit word's tail is no name (作者简介, 作者单位).
_CREDIT_WORD_TAILS = sorted(
    {w[len(r) :] for w in lexicon.BYLINE_CREDIT_WORDS for r in lexicon.NOT_LEADER_ROLES if w.startswith(r) and w != r}
)
BYLINE_THEN_NAME = re.compile(
    "("
    + "|".join(sorted(lexicon.NOT_LEADER_ROLES, key=len, reverse=True))
    + f")(?!{'|'.join(_CREDIT_WORD_TAILS)})"
    + r"\s*[:：/／]?\s*(?=["
    + _CJK
    + "])"
)
# a role, then the unit the person works for: 驻村第一书记、某局干部张三 — or their trade there, a word
# ending like a staff post (驻村第一书记、某研究院教研员张三, 某医院医师张三)
ROLE_THEN_POST_THEN_NAME = re.compile(
    f"({_QUOTE}{ONE_ROLE}{_QUOTE})、[^，。；、,;]{{2,20}}?(?:"
    + "|".join(lexicon.POST_NOUNS)
    + f"|[{_CJK}]{{1,2}}[员师])(?=[{_CJK}])"
)
# a name then its role in brackets: 张三（麻城市政府党组成员）; or a short biography there, the post after 现任 / 任
# (张三（男，汉族，1975年出生，中共党员，现任某村党支部书记）)
NAME_THEN_BRACKETED_ROLE = re.compile(
    f"[（(]((?:[^（）()]{{0,40}}?(?:现任|担任|任)[^（）()，,]{{0,20}}?|[^（）()]{{0,20}}?){ONE_ROLE})[）)]"
)
# a name then a verb that gives the role: 张三作为商会会长 / 张三现任某局局长 / 张三原任某公司党组书记
NAME_VERB_ROLE = re.compile(f"(?:{'|'.join(lexicon.POST_VERBS)})([^，。；、,;]{{0,20}}?{ONE_ROLE})")
_CLAUSE_ENDS = "(?=[，。；、,;！？!?\\s）)]|$)"
# a name, 是, then the post it holds, ending the clause: 张三是甲村第一书记。/ 他叫张三，是甲村第一书记。
# (not 张三是书记的好帮手)
NAME_IS_ROLE = re.compile(f"[，,]?是([^，。；、,;“”]{{0,20}}?{ONE_ROLE}){_CLAUSE_ENDS}")
# a speaker giving their own role in what they say: 张三说：“作为村党支部书记，我…”
SPEAKER_ROLE = re.compile(
    f'(?:{"|".join(lexicon.SPEECH_VERBS)})[，,：:]?\\s*[“"「]?(?:{"|".join(lexicon.SELF_ROLE_WORDS)})'
    f"([^，。；、,;“”]{{0,20}}?{ONE_ROLE}){_CLAUSE_ENDS}"
)
# sent to a post: 选派（干部）张三（同志）到某村任第一书记 — the sending verb, the name, then 任 + role;
SENT_THEN_NAME = re.compile(
    f"(?:{'|'.join(lexicon.SENDING_VERBS)})(?:[{_CJK}]{{0,10}}?(?:{'|'.join(lexicon.POST_NOUNS)}))?(?=[{_CJK}])"
)
# The person's own unit may stand between the verb and the name (选派某分公司的张三到某村任第一书记): tried
# as a second reading, so a name right after the verb is never skipped for a later 的.
SENT_FROM_UNIT_THEN_NAME = re.compile(f"(?:{'|'.join(lexicon.SENDING_VERBS)})[{_CJK}]{{2,16}}?的(?=[{_CJK}])")
SENT_TO_ROLE = re.compile(f"(?:同志)?[，,]?[^，。；,;]{{0,24}}?(?:任|担任)[^，。；,;]{{0,8}}?({ONE_ROLE})")
# a name then its role, one item of a list of people (甲乙院长、丙丁副书记、戊己副院长等先后发言): the
# list shows where each name ends, which a name before its role alone does not (学院院长 is no person).
NAME_THEN_ROLE_IN_LIST = re.compile(f"(?:(?<=[、，,：:的])|^)([{_CJK}]{{2,4}}?)({ONE_ROLE})(?=[、，,。；;等]|$)")
# the role as the opening clause, then the name as the next one's subject: 作为驻村第一书记，张三每天…
ROLE_CLAUSE_THEN_NAME = re.compile(
    f"(?:{'|'.join(lexicon.SELF_ROLE_WORDS)})[^，。；、,;“”]{{0,20}}?({ONE_ROLE})[，,](?=[{_CJK}])"
)
# a role, 是 / 为, then the name closing the clause: 某村的第一书记是张三。/ 担任第一书记的是张三，/ 队长为张三
ROLE_IS_NAME = re.compile(f"({ONE_ROLE})的?(?:是|为)(?=[{_CJK}])")
# names, then how many share the role after them: 张三、李四两位副局长 / 张三和李四二人
COUNTED_ROLE_AFTER_NAMES = re.compile(f"(?:两|二|三|四|五)(?:位|名|人)({ONE_ROLE})")
# a name, 为, then a role closing the clause: 以张三为组长的工作组 / 张三为组长，李四为副组长
NAME_WEI_ROLE = re.compile(f"为({ONE_ROLE})(?=[，,。；;、的）)]|$)")
# a role, then what the person is called: 某村的第一书记叫张三
ROLE_CALLED_NAME = re.compile(f"({ONE_ROLE})(?:名叫|叫)(?=[{_CJK}])")
# a name, then 被 and the verb that sent or appointed them to a post: 张三被选派到某村担任第一书记,
# 张三被任命为某村党支部书记
NAME_SENT_TO_POST = re.compile(
    f"被[^，。；,;]{{0,10}}?(?:{'|'.join(lexicon.SENDING_VERBS + lexicon.APPOINTING_VERBS)})"
    f"[^，。；,;]{{0,24}}?(?:担任|任|为)[^，。；,;]{{0,8}}?({ONE_ROLE})(?:{_CLAUSE_ENDS}|(?=以来|至今|期间|后))"
)
# a name, then the verb of going down to a post, without 被: 张三下派到某村担任第一书记, 张三派驻某村任第一书记
NAME_MOVED_TO_POST = re.compile(
    f"(?:{'|'.join(lexicon.MOVED_TO_POST_VERBS)})(?:到|至)?[^，。；,;]{{0,16}}?(?:担任|任)[^，。；,;]{{0,8}}?({ONE_ROLE})"
    f"(?:{_CLAUSE_ENDS}|(?=以来|至今|期间|后))"
)
# a role, 由, the name, then the verb of taking it: 工作队队长由张三担任
ROLE_BY_NAME = re.compile(f"({ONE_ROLE})由$")
_TAKES_POST = re.compile("(?:同志)?(?:担任|兼任|出任)")
# a verb, the role, 的, then the name: 担任支部书记的张三 / 现任某村党支部书记的张三
VERB_ROLE_NAME = re.compile(f"(?:担任|身为|作为|现任|时任|曾任|原任)[^，。；,;]{{0,20}}?({ONE_ROLE})的(?=[{_CJK}])")
# a role, then the name alone in brackets: 某村第一书记（张三）介绍…
ROLE_THEN_BRACKETED_NAME = re.compile(f"({ONE_ROLE})[（(](?=[^（）()]{{2,12}}[）)])")
# when the person took the post, between the name and the verb: 张三自2021年起担任…, 张三于2022年5月任…
_NUMERAL_YEAR = (
    "(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年(?:[0-9０-９]{1,2}月份?|[一二三四五六七八九十]{1,2}月份?)?"
)
TIME_BEFORE_POST_VERB = re.compile(f"(?:自|从|于)?{_NUMERAL_YEAR}(?:起|开始|以来)?$")


@dataclass(frozen=True)
class PersonMention:
    mention: Mention
    role: str
    affiliation: Mention | None
    is_leader: bool


def _is_surname_start(text: str, start: int) -> int:
    """Length of the surname at ``start`` (0 when none)."""
    if text[start : start + 2] in lexicon.COMPOUND_SURNAMES:
        return 2
    return 1 if text[start : start + 1] in lexicon.SURNAMES else 0


def _ends_name(text: str, pos: int) -> bool:
    """Whether a name may end right before ``pos``: punctuation, a conjunction, or a word that follows names."""
    if pos >= len(text):
        return True
    ch = text[pos]
    if ch in lexicon.NAME_END_CHARS or not re.match(f"[{_CJK}]", ch):
        return True
    return any(text.startswith(w, pos) for w in lexicon.WORDS_AFTER_NAMES)


def _western_name_at(text: str, start: int) -> tuple[int, int] | None:
    """A name without a Han surname that the rules can read alone, or None: one to three Tibetan
    syllables (扎西, 次仁多吉, 白玛央金), or a Yi family name and a two-character given name (吉克阿布); the
    text must show where it ends, as for a Han name, and the longest such reading wins."""
    found: tuple[int, int] | None = None
    for count in (1, 2, 3):
        end = start + 2 * count
        if text[end - 2 : end] not in lexicon.TIBETAN_NAME_SYLLABLES:
            break
        if _ends_name(text, end):
            found = (start, end)
    if found is None and text[start : start + 2] in lexicon.YI_FAMILY_NAMES:
        end = start + 4
        if re.fullmatch(f"[{_CJK}]{{2}}", text[start + 2 : end]) and _ends_name(text, end):
            found = (start, end)
    if found is None or text.startswith(lexicon.NOT_WESTERN_NAMES, start):
        return None
    return found


def _yi_reading_wins(text: str, start: int, han: tuple[int, int]) -> bool:
    """沙马拉则带领: a Han reading (沙马拉, before 则) that stops one character short of a Yi name's end."""
    yi = _western_name_at(text, start)
    return yi is not None and text[start : start + 2] in lexicon.YI_FAMILY_NAMES and yi[1] == han[1] + 1


# The parts of a transliterated name never hold a conjunction (阿里木·吐尔逊和村干部: the name ends before 和);
# the sounds are written 合, 禾.
_NAME_PART_CHAR = f"(?:(?![和与及])[{_CJK}])"
_DOTTED_NAME = re.compile(f"{_NAME_PART_CHAR}{{1,8}}(?:[{_MIDDLE_DOTS}]{_NAME_PART_CHAR}{{1,8}})+")


def _dotted_name_at(text: str, start: int) -> tuple[int, int] | None:
    """A transliterated name with dots between its parts (吐尔逊．买买提表示): it ends in its last part where
    punctuation or a word that follows names (表示, 带领) starts; where only a one-character word (说, 在)
    might end it, the rules leave it to the model."""
    match = _DOTTED_NAME.match(text, start, start + 30)
    if match is None:
        return None
    last = max(match.group().rfind(d) for d in _MIDDLE_DOTS) + start + 1
    single = False
    for end in range(last + 1, match.end()):
        words = [w for w in lexicon.WORDS_AFTER_NAMES if text.startswith(w, end)]
        if any(len(w) > 1 for w in words) or any(end + len(w) == match.end() for w in words):
            # a longer word, or a one-character one that punctuation ends (某某·某某说，): the name ends here
            return (start, end)
        single = single or bool(words)
    # 热依拉·买买提说，: where a one-character word may have ended it, the rules cannot tell (the model may)
    return (start, match.end()) if not single and _ends_name(text, match.end()) else None


def name_at(text: str, start: int) -> tuple[int, int] | None:
    """The span of a personal name starting at ``start``, or None.

    >>> t = "镇长岳冉，书记吴付生带队，主任次仁多吉表示"
    >>> [t[s:e] for s, e in (name_at(t, 2), name_at(t, 7), name_at(t, 15))]
    ['岳冉', '吴付生', '次仁多吉']
    """
    han = _han_name_at(text, start)
    if (
        han is not None
        and text[han[1] : han[1] + 1] in _MIDDLE_DOTS
        and re.match(f"[{_CJK}]", text[han[1] + 1 : han[1] + 2])
    ):
        # 赵某提·阿不都某某: the name goes on over the dot; where the text does not show its end, the model decides
        return _dotted_name_at(text, start)
    if han is not None and not _yi_reading_wins(text, start, han):
        return han
    if start >= len(text):
        return None
    return _western_name_at(text, start) or _dotted_name_at(text, start)


def _han_name_at(text: str, start: int) -> tuple[int, int] | None:
    surname = _is_surname_start(text, start)
    if not surname or text[start] in lexicon.NAME_END_CHARS:
        return None
    spans = [(start, start + surname + 1), (start, start + surname + 2)]
    chars = [text[s:e] for s, e in spans]
    if not all(re.fullmatch(f"[{_CJK}]+", c) for c in chars[:1]):
        return None
    short, long_ = spans
    if _ends_name(text, short[1]):
        candidate = short
    elif re.fullmatch(f"[{_CJK}]+", chars[1]) and _ends_name(text, long_[1]):
        candidate = long_
    else:
        return None  # the text does not show where a name would end: not a name (书记关于全面…)
    name = text[candidate[0] : candidate[1]]
    if any(name.endswith(w) or w in name for w in lexicon.NOT_NAME_PARTS) or name.startswith(lexicon.WORDS_NOT_NAMES):
        return None
    if name[1:2] in lexicon.NOT_NAME_SECOND_CHARS:
        return None
    return candidate


def _next_listed_name(text: str, end: int, model_name: NameReader | None) -> tuple[int, int] | None:
    """The name after ``、`` that goes on a list of names under one role, or None (a role or a word follows)."""
    if text[end : end + 1] != "、" or _ROLE_START.match(text, end + 1):
        return None
    span = name_at(text, end + 1)
    if span is None and model_name is not None and _may_start_name(text, end + 1):
        span = _model_name_holds(text, model_name(text, end + 1))
    return span


_ROLE_START = re.compile(f"[{_CJK}]{{0,8}}?{ONE_ROLE}")


def _conjunction_surname_name_at(text: str, start: int) -> tuple[int, int] | None:
    """A name right after a role whose surname is also a conjunction (主任和某某带队, 委员和某表示), or None.

    Read only where the name visibly ends — at a clause mark or a verb of two characters or more that follows
    names — and where the words after 和 are no role, people word or pronoun (书记和村民一起, 主任和副主任、)."""
    if text[start : start + 1] not in lexicon.SURNAMES or text[start] not in lexicon.NAME_END_CHARS:
        return None
    if _ROLE_START.match(text, start + 1) or text.startswith(lexicon.NOT_A_GIVEN_NAME_AFTER_HE, start + 1):
        return None
    for end in (start + 2, start + 3):
        given = text[start + 1 : end]
        if not re.fullmatch(f"[{_CJK}]+", given) or any(
            ch in lexicon.NON_NAME_START or ch in lexicon.NAME_END_CHARS for ch in given
        ):
            return None
        if text[end : end + 1] in _CLAUSE_MARKS or any(
            len(w) >= 2 and text.startswith(w, end) for w in lexicon.WORDS_AFTER_NAMES
        ):
            return (start, end)
    return None


_CLAUSE_MARKS = set("、，,。；;：:")


def _may_start_name(text: str, start: int) -> bool:
    """Worth asking the model: a surname starts here, a name with a middle dot follows, or a name of the
    western regions starts (阿卜杜…, 巴特…, a Tibetan syllable, a Yi family name)."""
    return (
        bool(_is_surname_start(text, start))
        or bool(re.match(f"[{_CJK}]{{1,6}}[{_MIDDLE_DOTS}][{_CJK}]", text[start : start + 9]))
        or starts_like_a_western_name(text, start)
    )


def starts_like_a_western_name(text: str, start: int = 0) -> bool:
    """Whether a name at ``start`` starts like one of the western regions: a family name asked of the
    model, a Tibetan syllable, a Yi family name, or a Uyghur, Kazakh or Mongolian name's usual start."""
    head = text[start : start + 2]
    return (
        text[start : start + 1] in lexicon.SURNAMES_ASKED_OF_THE_MODEL
        or head in lexicon.TIBETAN_NAME_SYLLABLES
        or head in lexicon.YI_FAMILY_NAMES
        or text.startswith(lexicon.WESTERN_NAME_STARTS, start)
    )


def _model_name_holds(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A name the model read after a role: one without a surname or a middle dot (阿卜杜热合曼介绍) must start
    like a name of the western regions and visibly end, as the rules require of every name."""
    if span is not None and span[1] - span[0] <= 3 and text.startswith(lexicon.WESTERN_NAME_ENDINGS, span[1]):
        end = span[1] + 2
        if _ends_name(text, end) or text[end : end + 1] in lexicon.NON_NAME_START:
            span = (span[0], end)  # 马某别克从…: the name goes on over its western ending
    if (
        span is not None
        and _is_surname_start(text, span[0])
        and span[1] - span[0] - _is_surname_start(text, span[0]) > 2
    ):
        # 贝史根尔的陪同下: four characters after a one-character surname, a transliterated name that must visibly end
        return span if _ends_name(text, span[1]) and not text.startswith(lexicon.WORDS_NOT_NAMES, span[0]) else None
    if span is None or _is_surname_start(text, span[0]):
        return span
    if any(d in text[span[0] : span[1]] for d in _MIDDLE_DOTS):
        return span if _ends_name(text, span[1]) else None  # not 吐尔逊·买买 before 提
    if not starts_like_a_western_name(text, span[0]) or not _ends_name(text, span[1]):
        return None
    if text[span[0]] in lexicon.SURNAMES_ASKED_OF_THE_MODEL and not 2 <= span[1] - span[0] <= 3:
        return None
    return None if text.startswith(lexicon.NOT_WESTERN_NAMES, span[0]) else span


def _third_char_may_be_a_word(text: str, span: tuple[int, int]) -> bool:
    """A three-character name whose end only a quote or bracket shows (赵某以“…”): its third character
    may be a word of its own, so the model is asked where the name ends."""
    return (
        span[1] - span[0] == 3
        and _is_surname_start(text, span[0]) == 1
        and text[span[1] : span[1] + 1] in "“”\"'‘’《（("
    )


_ADDRESS_WORDS = ("同志", *lexicon.RANKS_AFTER_NAMES)
_ROLE_ENDS_HERE = re.compile(f"(?:{ONE_ROLE})$")
_DOTTED_NAME_BEFORE = re.compile(f"[{_CJK}]{{1,6}}(?:[{_MIDDLE_DOTS}][{_CJK}]{{1,6}})+$")


def _clear_before(text: str, start: int) -> bool:
    """A name may start here: the text starts, a boundary stands before it, or a role ends right before
    it (村“两委”成员张三（合作社社长）)."""
    before = text[start - 1 : start]
    if not before or not re.match(f"[{_CJK}]", before) or before in lexicon.NAME_START_BOUNDARY:
        return True
    if text.endswith(lexicon.POST_NOUNS, 0, start):
        return True  # 某局干部张三被选派…, 某公司职工李四挂职…: a post noun before the name
    return bool(_ROLE_ENDS_HERE.search(text, max(0, start - 12), start))


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """A name ending right at ``end`` (before a bracket or a verb), with a clear boundary before it; a
    name with a middle dot (阿依古丽·买买提) back to the boundary before it. A form of address between the
    name and the verb (张三同志作为…) is not part of it."""
    if text.endswith(_ADDRESS_WORDS, 0, end):
        end -= next(len(w) for w in _ADDRESS_WORDS if text.endswith(w, 0, end))
    for length in (6, 5, 4, 3, 2):  # 4–6: a compound surname or a name of the western regions (扎西次仁)
        start = end - length
        if start < 0 or not _clear_before(text, start):
            continue
        if name_at(text, start) == (start, end):
            return (start, end)
    dotted = _DOTTED_NAME_BEFORE.search(text, max(0, end - 13), end)
    if dotted:
        for start in range(dotted.start(), end - 2):
            if _clear_before(text, start):
                return (start, end)
    return None


_ROLE_RE = re.compile(ONE_ROLE)


def _unit_into_role(unit: Mention, name_start: int, role_start: int) -> bool:
    """A "unit" the rules read from a name into the head of the role after it (张三局 of 张三局长表示, 李四副院
    of 李四副院长): the role's first character read as a unit's ending."""
    return unit.start == name_start and role_start < unit.end <= role_start + 2


def units_read_into_roles(
    orgs: list[Mention], people: list[tuple[Mention, str, Mention | None, bool]]
) -> list[Mention]:
    """Units left once a name read before its role takes back the unit the rules read over them (张三局)."""
    named = [(p.start, p.end) for p, _, _, leader in people if leader and p.method == "name_then_role"]
    return [o for o in orgs if not any(_unit_into_role(o, s, e) for s, e in named)]


def _name_before_role(
    text: str, role_start: int, role_end: int, blocked: list[Mention], model_name: NameReader
) -> tuple[int, int] | None:
    """A name right before its role, the role then visibly ending (张三董事长表示, 据李四主任介绍, 由王五副局长主持,
    …”赵六书记说), or None. Nothing but the model shows where such a name starts (看望了张三书记), so it must read
    exactly the span the rules cut as a person: a surname and one or two characters that end no place or unit
    (车间主任, 张家村书记), no title (赵总经理) and overlap no unit or place the rules found. A role the genre gives
    a national leader it quotes (某某总书记指出) is no leader's. A name read elsewhere in the report already holds
    its role there: this form is most often its repeat (张三书记 after 村党支部书记张三) and is taken only for a
    name read nowhere else."""
    core = re.sub(f"^(?:{_ROLE_PREFIX})+", "", text[role_start:role_end])
    if core in lexicon.ROLE_CORES_NEEDING_PREFIX or text.endswith(lexicon.QUOTED_NATIONAL_ROLES, 0, role_end):
        return None
    if not _ends_name(text, role_end):
        return None  # 张三主任科员, 车间主任助理: the role does not end here
    for length in (3, 2, 4):
        start = role_start - length
        surname = _is_surname_start(text, start) if start >= 0 else 0
        if start >= 0 and not surname and text[start] in lexicon.SURNAMES_ASKED_OF_THE_MODEL:
            surname = 1  # 哈某某书记: a family name that also begins words, read only where the model reads a person
        if not surname or not 1 <= length - surname <= 2:
            continue
        name = text[start:role_start]
        if (
            not re.fullmatch(f"[{_CJK}]+", name)
            or name[-1] in lexicon.NOT_NAME_LAST_CHARS
            or name[1:2] in lexicon.NOT_NAME_SECOND_CHARS
            or any(w in name for w in lexicon.NOT_NAME_PARTS)
            or any(
                b.start < role_start and start < b.end and not _unit_into_role(b, start, role_start) for b in blocked
            )
        ):
            continue
        if model_name(text, start) == (start, role_start):
            return (start, role_start)
    # a name of the western regions the rules read alone (次仁多吉书记, 吉克阿布主任: Tibetan syllables, a Yi family
    # name), or one with a dot back to a clear boundary (阿里木·吐尔逊书记)
    head = text[:role_start]
    for length in (6, 4, 2):
        start = role_start - length
        if start >= 0 and _western_name_at(head, start) == (start, role_start):
            if (length > 2 or _clear_before(text, start)) and not any(
                b.start < role_start and start < b.end for b in blocked
            ):
                return (start, role_start)
    span = _name_before(head, role_start)
    if span is not None and any(d in text[span[0] : span[1]] for d in _MIDDLE_DOTS):
        return span
    return None


_CLAUSE_END_RE = re.compile("[，,。；;！!？?\n]")


def _role_outside_places(text: str, start: int, end: int, places: list[Mention]) -> tuple[int, int] | None:
    """The role read at ``start:end``, or where it lies inside a place's name (作为白石镇长岭村的第一书记:
    镇长 of 白石镇长岭村) the first role after that place in the same clause."""
    inside = next((p for p in places if p.start < end and start < p.end), None)
    if inside is None:
        return (start, end)
    stop = _CLAUSE_END_RE.search(text, inside.end)
    for m in _ROLE_RE.finditer(text, inside.end, stop.start() if stop else len(text)):
        if not any(p.start < m.end() and m.start() < p.end for p in places):
            return m.span()
    return None


def _credit_of(credits: list[tuple[int, int, str]], name_start: int, name_end: int) -> str:
    """The credit before a name in a credits line, else the one after it (张三／文)."""
    before = next((w for s, _, w in reversed(credits) if s < name_start), None)
    return before or next((w for s, _, w in credits if s >= name_end), "byline")


def _byline_names(text: str, zones: list[tuple[int, int]]) -> list[tuple[tuple[int, int], str]]:
    """Names credited in the zones (记者 张三 李四, 王五记者赵六, 张三／文), each with its credit word.

    Inside a credits line a name starts after a separator, a credit word or the zone's start and ends
    before one of them (or the zone's end), so no word after it is needed to show where it ends.
    """
    out: list[tuple[tuple[int, int], str]] = []
    for start, end in zones:
        credits = [(m.start(), m.end(), m.group()) for m in CREDIT.finditer(text, start, end)]
        stops = {s for s, _, _ in credits} | {end}
        pos = start
        while pos < end:
            before = text[pos - 1 : pos] if pos > start else ""
            after_credit = next((w for _, e, w in credits if e == pos), None)
            may_start = pos == start or before in lexicon.BYLINE_SEPARATORS or after_credit
            dotted = _DOTTED_NAME.match(text, pos, end) if may_start else None
            if dotted and (dotted.end() in stops or text[dotted.end() : dotted.end() + 1] in lexicon.BYLINE_SEPARATORS):
                # 通讯员：热依拉·阿不都 摄影：…: the separators show where a dotted name ends
                out.append((dotted.span(), _credit_of(credits, pos, dotted.end())))
                pos = dotted.end()
                continue
            surname = _is_surname_start(text, pos)
            # a Han name is a surname and one or two characters; one of the western regions two to six
            lengths = (
                (surname + 1, surname + 2)
                if surname
                else (2, 3, 4, 5, 6)
                if starts_like_a_western_name(text, pos)
                else ()
            )
            if lengths and may_start:
                name_end = next(
                    (
                        pos + n
                        for n in lengths
                        if pos + n <= end
                        and re.fullmatch(f"[{_CJK}]+", text[pos : pos + n])
                        and (pos + n in stops or text[pos + n : pos + n + 1] in lexicon.BYLINE_SEPARATORS)
                    ),
                    None,
                )
                if name_end is not None:
                    out.append(((pos, name_end), _credit_of(credits, pos, name_end)))
                    pos = name_end
                    continue
            pos += 1
    return out


def _affiliation(role_start: int, text: str, anchors: list[Mention]) -> Mention | None:
    """The unit or place that ends where the role starts (or before 的 / a party body)."""
    best: Mention | None = None
    for m in anchors:
        gap = text[m.end : role_start]
        if m.end <= role_start and (gap == "" or gap in lexicon.AFFILIATION_GAPS):
            best = m if best is None or m.end > best.end else best
    return best


NameReader = Callable[[str, int], "tuple[int, int] | None"]


def persons(
    text: str, orgs: list[Mention], places: list[Mention], model_name: NameReader | None = None
) -> list[tuple[Mention, str, Mention | None, bool]]:
    """Persons with their roles; ``model_name`` (the recognizer) reads where a name ends when the text
    alone does not show it (书记张三讲了…): it is asked only right after a role the rules recognised."""
    anchors = orgs + places
    found: dict[tuple[int, int], PersonMention] = {}
    zones = byline_zones(text)
    credited: set[str] = set()
    # Villages the table placed: a "name" that is the tail of one (某镇长某村: 镇长 then 某村) is that village.
    villages = [(p.start, p.end) for p in places if p.kind == "village" and p.place is not None]

    def add(span: tuple[int, int], role: str, role_start: int, method: str, leader: bool = True) -> None:
        if span in found or any(s < span[1] and span[0] < e for s, e in found):
            return
        if any(s < span[1] and span[0] < e for s, e in villages):
            return
        name = text[span[0] : span[1]]
        if name in lexicon.NOT_PERSON_WORDS:
            return  # 总书记关于…, 选派“第一书记”文件: a word after the role, not a name
        if name[-1] in lexicon.PLACE_LEVEL_LAST_CHARS and not any(d in name for d in lexicon.NAME_DOTS):
            return  # 下派段村的第一书记: a village (or town) before its post, not a person
        if leader and (inside(zones, *span) or name in credited):
            return  # a credited writer or editor is no leader, here or anywhere in the report
        if not leader:
            credited.add(name)
        aff = _affiliation(role_start, text, anchors) if leader else None
        conf = (0.85 if aff else 0.7) if leader else 0.8
        found[span] = PersonMention(
            Mention("person", span[0], span[1], name, method, conf), role.strip('“”"‘’「」'), aff, leader
        )

    for credited_span, credit in _byline_names(text, zones):
        add(credited_span, credit, credited_span[0], "byline_zone", leader=False)
    for start, _ in zones:
        # 张三（作者系某村第一书记）: the author is named before the note
        if text[start - 1 : start] in "（(" and start > 0 and AUTHOR_NOTE.match(text, start):
            span = _name_before(text, start - 1)
            if span:
                add(span, "作者", span[0], "byline_role", leader=False)
    for m in BYLINE_THEN_NAME.finditer(text):
        span = name_at(text, m.end())
        if span:
            add(span, m.group(1), m.start(1), "byline_role", leader=False)
    # 张三 摄 / 李四／文 outside a credits line; collected before the leaders so that none of them is one
    for m in re.finditer(f"([{_CJK}]{{2,3}})\\s*[／/]?\\s*(?:文|图|摄|报道|供稿)(?=[\\s)）]|$)", text):
        span = name_at(text, m.start(1))
        if span and span[1] == m.end(1):
            add(span, "byline", m.start(1), "byline_role", leader=False)
    for m in ROLE_THEN_NAME.finditer(text):
        role = m.group(1)
        core = re.sub('[“”"‘’「」]', "", role)
        if core in lexicon.ROLE_CORES_NEEDING_PREFIX:
            continue
        role_at = m.start(1) + len(role) - len(role.lstrip('“”"‘’「」'))
        if text.endswith(lexicon.VERBS_ENDING_IN_A_ROLES_START, 0, role_at + 1):
            continue  # 带领队伍: no 领队
        span = name_at(text, m.end()) or _conjunction_surname_name_at(text, m.end())
        method = "role_then_name"
        if span is None and model_name is not None and _may_start_name(text, m.end()):
            span, method = _model_name_holds(text, model_name(text, m.end())), "role_then_model_name"
        elif span is not None and model_name is not None and _third_char_may_be_a_word(text, span):
            # 副行长赵某以“驻村干部”的身份: the rules read three characters up to the quote; the model reads
            # the name and the word after it apart.
            read = model_name(text, span[0])
            if read is not None and read[0] == span[0] and read[1] == span[1] - 1:
                span, method = read, "role_then_model_name"
        # 第一书记甲、乙 / 队长甲、乙带领: the role goes on to the names listed after the first.
        while span is not None:
            add(span, core, m.start(1), method)
            span = _next_listed_name(text, span[1], model_name)
            method = "role_then_listed_name"
    for m in ROLE_THEN_POST_THEN_NAME.finditer(text):
        span = name_at(text, m.end())
        core = re.sub('[“”"‘’「」]', "", m.group(1))
        if span and core not in lexicon.ROLE_CORES_NEEDING_PREFIX:
            add(span, core, m.start(1), "role_then_post_then_name")
    for m in VERB_ROLE_NAME.finditer(text):
        span = name_at(text, m.end())
        if span:
            add(span, m.group(1), m.start(1), "role_de_name")
    for m in ROLE_THEN_BRACKETED_NAME.finditer(text):
        span = name_at(text, m.end())
        if span and text[span[1] : span[1] + 1] in "）)" and m.group(1) not in lexicon.ROLE_CORES_NEEDING_PREFIX:
            add(span, m.group(1), m.start(1), "role_then_bracketed_name")
    for pattern, method in ((ROLE_CLAUSE_THEN_NAME, "role_clause_then_name"), (ROLE_CALLED_NAME, "role_called_name")):
        for m in pattern.finditer(text):
            if m.group(1) in lexicon.ROLE_CORES_NEEDING_PREFIX:
                continue
            span = name_at(text, m.end())
            if span is None and model_name is not None and _may_start_name(text, m.end()):
                # 作为某村第一书记，张三始终…: only a word the rules do not know follows the name
                span = _model_name_holds(text, model_name(text, m.end()))
            if span:
                add(span, m.group(1), m.start(1), method)
    if model_name is not None:
        for m in ROLE_IS_NAME.finditer(text):
            span = name_at(text, m.end())
            # the name closes the clause, and the model reads it (书记是党员，: a word, not a name)
            if (
                span is not None
                and m.group(1) not in lexicon.ROLE_CORES_NEEDING_PREFIX
                and text[span[1] : span[1] + 1] in "，,。；;！!？?\n"
                and model_name(text, span[0]) == span
            ):
                add(span, m.group(1), m.start(1), "role_is_name")
    for by in re.finditer("由", text):  # 由 first: trying a role at every character is slow
        role_by = ROLE_BY_NAME.search(text, max(0, by.start() - 12), by.end())
        span = name_at(text, role_by.end()) if role_by else None
        if role_by and span and _TAKES_POST.match(text, span[1]):
            if role_by.group(1) not in lexicon.ROLE_CORES_NEEDING_PREFIX:
                add(span, role_by.group(1), role_by.start(1), "role_by_name")
    for m in BIOGRAPHY.finditer(text):
        span = name_at(text, m.start(1))
        if span and span[1] == m.end(1):
            add(span, m.group(2), m.start(2), "biography")
    if model_name is not None:
        for pattern, method in ((APPOSITIVE, "appositive"), (OPENING_NAME_THEN_POST, "opening_name_then_post")):
            for m in pattern.finditer(text):
                span = name_at(text, m.start(1))
                role = re.search(f"{ONE_ROLE}$", m.group(2))
                if span and span[1] == m.end(1) and role and model_name(text, span[0]) == span:
                    add(span, role.group(), m.start(2) + role.start(), method)
    for pattern in (SENT_THEN_NAME, SENT_FROM_UNIT_THEN_NAME):
        for m in pattern.finditer(text):
            span = name_at(text, m.end())
            if span is None and model_name is not None and starts_like_a_western_name(text, m.end()):
                # 选派哈某某到某村担任第一书记: a family name the rules leave to the model
                span = _model_name_holds(text, model_name(text, m.end()))
            post = SENT_TO_ROLE.match(text, span[1]) if span else None
            if span and post:
                add(span, post.group(1), post.start(1), "sent_to_post")
    for m in NAME_THEN_ROLE_IN_LIST.finditer(text):
        listed = text[m.start(1) - 1 : m.start(1)] == "、" or text[m.end(2) : m.end(2) + 1] in ("、", "等")
        name = m.group(1)
        if (
            listed
            and m.group(2) not in lexicon.ROLE_CORES_NEEDING_PREFIX
            and _is_surname_start(text, m.start(1))
            and len(name) <= 3 + (_is_surname_start(text, m.start(1)) == 2)
            and name[-1] not in lexicon.NOT_NAME_LAST_CHARS
            and not any(w in name for w in lexicon.NOT_NAME_PARTS)
        ):
            add((m.start(1), m.end(1)), m.group(2), m.start(2), "name_then_role_in_list")
    for m in COUNTED_ROLE_AFTER_NAMES.finditer(text):
        # 张三、李四两位副局长: the count shows where the last name ends; each name joined before it takes the role
        names: list[tuple[int, int]] = []
        end = m.start()
        while len(names) < 5:
            span = _name_before(text[:end], end)
            if span is None:
                break
            names.append(span)
            if text[span[0] - 1 : span[0]] not in lexicon.NAMES_JOINED_BY:
                break
            end = span[0] - 1
        if len(names) >= 2 and m.group(1) not in lexicon.ROLE_CORES_NEEDING_PREFIX:
            for span in names:
                add(span, m.group(1), m.start(1), "names_then_counted_role")
    for pattern, method in (
        (NAME_THEN_BRACKETED_ROLE, "name_then_bracketed_role"),
        (NAME_VERB_ROLE, "name_verb_role"),
        (NAME_IS_ROLE, "name_is_role"),
        (SPEAKER_ROLE, "speaker_own_role"),
        (NAME_SENT_TO_POST, "name_sent_to_post"),
        (NAME_MOVED_TO_POST, "name_moved_to_post"),
        (NAME_WEI_ROLE, "name_wei_role"),
    ):
        for m in pattern.finditer(text):
            span = _name_before(text, m.start())
            as_post = method == "name_verb_role" and text.startswith("作为", m.start())
            after_comma = method == "name_verb_role" and text.startswith(lexicon.POST_VERBS_AFTER_COMMA, m.start())
            if span is None and after_comma and text[m.start() - 1 : m.start()] in "，,":
                span = _name_before(text, m.start() - 1)  # 张三，作为某村第一书记，… / 张三，现任某局局长
            when = TIME_BEFORE_POST_VERB.search(text, max(0, m.start() - 14), m.start()) if span is None else None
            if when is not None and method == "name_verb_role" and not as_post:
                # 张三自2021年起担任某村第一书记: the time phrase shows where the name ends (张三自身 does not)
                span = _name_before(text[: when.start()], when.start())
            role = re.search(f"{ONE_ROLE}$", m.group(1))
            while span and role:
                role_span = _role_outside_places(text, m.start(1) + role.start(), m.end(1), places)
                if role_span is None:
                    break
                add(span, text[role_span[0] : role_span[1]], role_span[0], method)
                # 张三与李四，作为某村的两任第一书记: each name joined before the one nearest the verb
                joined = as_post and text[span[0] - 1 : span[0]] in lexicon.NAMES_JOINED_BY
                span = _name_before(text, span[0] - 1) if joined else None
    # last, so that a name any other form gives a role is known and its repeat (张三书记) adds nothing
    if model_name is not None:
        blocked = orgs + places
        leaders = {p.mention.surface for p in found.values() if p.is_leader}
        for m in _ROLE_RE.finditer(text):
            span = _name_before_role(text, m.start(), m.end(), blocked, model_name)
            if span is not None and text[span[0] : span[1]] not in leaders:
                leaders.add(text[span[0] : span[1]])
                add(span, m.group(), span[0], "name_then_role")
    return [
        (p.mention, p.role, p.affiliation, p.is_leader) for p in sorted(found.values(), key=lambda p: p.mention.start)
    ]
