"""Stage 4, units and party organizations named in the text.

A unit is found from its ending (公司, 局, 委办, 机关, 妇联… in ``lexicon.ORG_SUFFIXES``), goes on over
further endings of the same name (某银行某分行, 某中心医院, 某集团某公司第一党支部) and over 与 in
official names (自然资源与规划局), and is cut on the left at a boundary character or a verb, without
leading words (今年, 结对单位…). A party-organization ending after it (某公司党支部, 机关第二党支部)
makes a party organization that belongs to the unit; after a village or town (四滧村党支部) it makes
the place's own party organization. A few units are named without an ending, by the role the
sentence gives them (X与<village>…结对, X等企业). Which mentions are one unit: ``unit_identity``.
Kinds, levels and uids come from ``loaders/units.py``, shared with the register loader.
"""

from __future__ import annotations

import re

from loaders.places import PlaceIndex
from loaders.reports.lexicon import (
    ADVERBS_BEFORE_VERB,
    ADVERBS_END_NAMES,
    BODIES_OF_A_GROUP_OF_ORGANS,
    BOUNDARY_CHARS,
    BRANCH_ENDINGS,
    CAPTION_IN_BRACKETS_RE,
    CENTRAL_UNITS,
    CJK,
    COMMISSION_ENDING_RE,
    CORPS_UNIT_RE,
    COUNT_MEASURES,
    DEPARTMENT_FIELDS_JOINED_BY_HE,
    DESCRIBED_BY_PARENT,
    FACILITY_ENDINGS,
    FACILITY_NAME_WORDS,
    FOUNDING_GAPS,
    FOUNDING_VERBS,
    GENERIC_ORG,
    GENERIC_TEAM_RE,
    GENERIC_UNIT_RE,
    HELPED_VILLAGE_NOUNS,
    LEFT_VERBS,
    LIAISON_OFFICE_ENDINGS,
    NAME_AFTER_MEANS,
    NAME_SAFE_VERBS,
    NEVER_NAME_FIRST,
    NON_NAME_START,
    NOT_A_UNIT_BEFORE_DE,
    NOT_NAME_BEFORE_YU,
    NOT_PARTY_AFTER,
    NOT_UNIT_ENDINGS,
    NUMERALS,
    ORG_LEAD_WORDS,
    ORG_SUFFIXES,
    OWNED_BY_BEFORE,
    PAIR_RE,
    PARTY_INFIX,
    PARTY_SUFFIXES,
    ROLE_CORES,
    SELF_REFERENCES,
    SENDING_VERBS,
    STREET_OFFICE_WORDS,
    SURNAMES,
    TEAM_SENT_BY_A_COMMITTEE_RE,
    TEAM_TASK_WORDS,
    UNIT_ENDING_CONTINUES,
    UNIT_LEADING_VERBS,
    UNIT_LIST_NOUNS,
    UNIT_NAME_CONTINUES_MAX,
    UNIT_ONLY_AFTER_FACILITY_NAME,
    VERBS_AFTER_WEI,
    VERBS_BEFORE_ENDING,
    VILLAGE_ENDINGS,
    WORDS_ACROSS_ENDING,
)
from loaders.reports.model import Mention, Sentence
from loaders.reports.people import ROLE_CORE
from loaders.reports.reading import CJK_RE, left_limit, literal_alternation
from loaders.units import name_key, org_uid, party_level, party_uid, unit_kind

_PARTY_ENDING = "(?:" + "|".join(p for p, _ in PARTY_SUFFIXES) + f")(?![{NOT_PARTY_AFTER}])"
_UNIT_ENDING = (
    "(?:(?:" + literal_alternation(ORG_SUFFIXES) + "|" + COMMISSION_ENDING_RE + f")(?!(?<=委)[{VERBS_AFTER_WEI}]))"
)
# A unit: name characters (or a short bracketed part) up to a unit ending, maybe a party ending after.
ORG_RE = re.compile(
    r"(?:(?:"
    + "|".join(sorted(CENTRAL_UNITS, key=len, reverse=True))
    + "|"
    + CORPS_UNIT_RE
    + r")(?!门)|(?:["
    + CJK
    + r"A-Za-z0-9]|[(（]["
    + CJK
    + r"]{1,6}[)）])+?"
    + _UNIT_ENDING
    + r")(?:"
    + PARTY_INFIX
    + _PARTY_ENDING
    + r")?"
)
# The same name going on to a further ending (某银行|张家港分行, 某中心|医院): a sub-unit or the full head.
_CONTINUATION_RE = re.compile(
    r"(?:["
    + CJK
    + r"A-Za-z0-9]|[(（]["
    + CJK
    + r"]{1,6}[)）]){0,"
    + str(UNIT_NAME_CONTINUES_MAX)
    + r"}?"
    + r"(?:(?:"
    + _UNIT_ENDING
    + "|"
    + "|".join(BRANCH_ENDINGS)
    + r")(?:"
    + PARTY_INFIX
    + _PARTY_ENDING
    + r")?|"
    + PARTY_INFIX
    + _PARTY_ENDING
    + ")"
)
# 驻, a place of one to four characters (not a village, town or township) and an office ending: 驻成都办事处, 驻京办.
_LIAISON_OFFICE_RE = re.compile(
    r"驻(?:(?![村镇乡街])[" + CJK + r"]){1,4}?(?:" + "|".join(LIAISON_OFFICE_ENDINGS) + r")(?![公学])"
)
# What cannot stand inside one unit's name between two of its endings: punctuation, 和/与/及, 的.
NAME_BREAK_CHARS = frozenset(
    "，,。、；;：:！!？?“”\"'‘’《》[]【】 \t\n\u3000和与及的了是等并或在从到向对为由把将被让给于以也都还驻0123456789"
)
# Function characters that also start names (和平, 同心, 向阳, 为民): allowed at a list item's start.
NAME_FUNCTION_STARTS = frozenset("和同向为与")
# 副 (or 常务副, 执行副) and a unit ending only: before 长 / 员 the start of a deputy's post (副局长, 常务副院长).
_DEPUTY_POST_RE = re.compile(f"(?:常务|执行)?副[{CJK}]{{1,2}}")
# After a unit ending, these make it the start of a role word (局长, 院长, 委员), not another ending.
ROLE_AFTER_ENDING = frozenset("长员")
# A party ending (with its 机关 / ordinal) whose unit has no unit ending (区农业农村委机关党支部).
_PARTY_ENDING_RE = re.compile(PARTY_INFIX + _PARTY_ENDING)
# Dates and leading words that introduce a unit but are not part of its name.
ORG_LEAD_RE = re.compile(
    r"^(?:\d{4}年|\d{1,2}月|\d{1,2}日|"
    + "|".join(ORG_LEAD_WORDS)
    # 帮扶单位有区某委: 有 before an administrative prefix introduces the name (有色金属… keeps its 有)
    + r"|有(?=[省市区县州])|[一二三四五六七八九十]是)+"
)
# A sending verb inside a unit's name: what follows is what was sent (a team), what precedes is no part of it.
_SENT_BY_RE = re.compile("(?:" + "|".join(v for v in SENDING_VERBS if v not in ("派驻", "推荐")) + ")(?=.{2})")
_CORPS_UNIT_FULL_RE = re.compile(CORPS_UNIT_RE)
# A verb of holding a post inside a run of name characters (张三现任某局): the unit starts after it.
_POST_VERB_INSIDE_RE = re.compile("(?:现任|时任|兼任|原任|曾任|担任|现为|原为)(?=.{2})")
# A post, then a verb and one character, a bare ending, closing a run of name characters (局长张三带领局): no name.
_VERB_BEFORE_BARE_ENDING_RE = re.compile(
    f"(?:{ROLE_CORE}).+(?:"
    + "|".join(sorted(v for v in LEFT_VERBS if v not in NAME_SAFE_VERBS and v not in VERBS_BEFORE_ENDING))
    + ").$"
)
# A deputy's or acting head's post read as a unit (某局副局长: 副局, 常务副局): only role prefixes before the ending.
_DEPUTY_BEFORE_ENDING_RE = re.compile("(?:常务|执行|党组)?副.")
_UNIT_BEFORE_PLACE_RE = re.compile(f"([{CJK}]{{2,4}})与(?=[{CJK}]{{2,12}}?(?:村|镇|街道|社区))")
# A person and 系 / 是 before a unit's administrative prefix (张三系县财政局干部): the unit starts after them.
_NAME_AND_COPULA_RE = re.compile(f"[{CJK}]{{2,4}}?(?:系|是)(?=[省市县区州旗盟乡镇])")
_UNIT_OWNING_A_VILLAGE_RE = re.compile(
    f"是([{CJK}]{{2,16}}?)的(?=" + "|".join(sorted(HELPED_VILLAGE_NOUNS, key=len, reverse=True)) + ")"
)
_UNIT_IN_LIST_RE = re.compile(f"([{CJK}]{{2,6}})等(?:" + "|".join(UNIT_LIST_NOUNS) + ")")


def org_mentions(text: str, sents: list[Sentence], places: list[Mention]) -> list[Mention]:
    """Units and party organizations in the text (overlaps are left for ``drop_overlaps``)."""
    out: list[Mention] = []
    place_by_end = {m.end: m for m in places}
    for sent in sents:
        chunk = text[sent.start : sent.end]
        pos = 0
        while (match := ORG_RE.search(chunk, pos)) is not None:
            start, end = sent.start + match.start(), sent.start + match.end()
            end = _over_longer_ending(text, end, sent.end)
            end = _continue_name(text, end, sent.end)
            pos = end - sent.start
            # The start is sought from before an office in another city: its place may hold a character that
            # ends names elsewhere (驻成都办事处: 都 the adverb).
            office = _LIAISON_OFFICE_RE.search(text, start, end)
            left = unit_left_limit(text, office.start() if office else end, max(start, sent.start), UNIT_NAME_MAX)
            if end - left >= UNIT_NAME_MAX and left > sent.start and _is_name_char(text[left - 1]):
                continue  # the name runs on past the longest a unit's name has: where it starts is unknown
            left = _over_conjunction(text, left, sent.start)
            left = _over_ji(text, left, sent.start)
            left = _department_over_he(text, left, end, sent.start)
            caption = CAPTION_IN_BRACKETS_RE.search(text, left, end)
            if caption:
                left = caption.end()
            if left > 0 and text[left - 1].isdigit() and text[left : left + 1] in "日月年号时":
                left += 1  # 26日两天…: the date's last character is not the unit's first
            # Brackets inside a name (玫琳凯(中国)有限公司) are kept: re-extend over them.
            while (
                left > sent.start
                and text[left - 1] in "()（）"
                and re.search(r"[(（][^()（）]{1,6}[)）]$", text[max(sent.start, left - 8) : end])
            ):
                inner = re.search(r"[(（][^()（）]{1,6}[)）]", text[max(sent.start, left - 8) : end])
                if not inner:
                    break
                left = left_limit(text, max(sent.start, left - 8) + inner.start(), sent.start, 20)
            # 以及和平之君…, 、同心公司: a name may start with a character that is a function word elsewhere.
            if (
                left - 1 >= sent.start
                and text[left - 1] in BOUNDARY_CHARS
                and CJK_RE.match(text[left - 1])
                # a word no name starts with (在, 对, 将) stays outside: ，在某公司的帮扶下 keeps its unit
                and (text[left - 1] in NAME_FUNCTION_STARTS or text[left - 1] not in NON_NAME_START)
                and text[left - 1] not in NEVER_NAME_FIRST
                and (
                    _opens_list_item(text, left - 1)
                    # 。和平某中心…, ——和平某中心: nothing stands before it to join, so it is no conjunction
                    or (text[left - 1] in NAME_FUNCTION_STARTS and _opens_clause(text, left - 1, sent.start))
                )
            ):
                left -= 1
            # A cut inside a place's name (派驻向化镇…: 向 read as a preposition) takes the whole place.
            left = next((p.start for p in places if p.start < left < p.end), left)
            surface = text[left:end]
            lead = ORG_LEAD_RE.match(surface) or _NAME_AND_COPULA_RE.match(surface)
            if lead:
                left += lead.end()
                surface = text[left:end]
            if (
                surface.startswith(CENTRAL_UNITS) or _CORPS_UNIT_FULL_RE.fullmatch(surface)
            ) and not _central_unit_stands(text, left, sent.start):
                continue  # 入选某部第三届…: a ministry named as what it awards or runs, not as an actor
            place_start = None
            if "有" in text[left:end] or "是" in text[left:end]:  # cheap test first: most names hold neither
                place_start = next(
                    (
                        p.start
                        for p in places
                        if left < p.start < end
                        and p.kind in ("province", "city", "district")
                        and text[p.start - 1] in "有是"
                    ),
                    None,
                )
            if place_start is not None:  # 帮扶方面有某区某局: the name starts at the place, not at the words before 有
                left, surface = place_start, text[place_start:end]
            sent_by = _SENT_BY_RE.search(surface)
            if sent_by:  # 先后派出驻村工作队: a team sent by someone, named after the sending verb
                left += sent_by.end()
                surface = text[left:end]
                lead = ORG_LEAD_RE.match(surface)
                if lead:  # 派出单位某局: what the unit is to the village, then its name
                    left += lead.end()
                    surface = text[left:end]
            if surface.startswith(OWNED_BY_BEFORE) and len(surface) > 4:
                left += 2  # 某集团所属某公司: the owned unit's name starts after the word that ties it to its parent
                surface = text[left:end]
            post = _POST_VERB_INSIDE_RE.search(surface)
            if post:  # 张三现任某局副局长: the person and the verb of holding a post stand before the name
                left += post.end()
                surface = text[left:end]
            if _DEPUTY_POST_RE.fullmatch(surface) and text[end : end + 1] in ROLE_AFTER_ENDING:
                continue  # 局长张三、副局长李四: 副 and an ending are the start of a deputy's post, no unit
            out.extend(org_from_surface(text, left, end, surface, place_by_end))
    # Units named without a suffix whose role is plain: ``X与<place>…对接``, ``X等公司``.
    for match in _UNIT_BEFORE_PLACE_RE.finditer(text):
        start, end = match.start(1), match.end(1)
        surface = text[start:end]
        if any(m.start < end and start < m.end for m in places + out):
            continue
        around = next((s for s in sents if s.start <= start < s.end), None)
        if around is None or not PAIR_RE.search(text[start : around.end]):
            continue
        if surface[:2] in LEFT_VERBS or surface[:2] in UNIT_LEADING_VERBS or surface[:2] in ADVERBS_BEFORE_VERB:
            start += 2  # 同时社区与某村…: the adverb opens the clause, it is no part of a name
            surface = text[start:end]
        elif (
            start > around.start and text[start - 1] not in BOUNDARY_CHARS and text[start - 2 : start] not in LEFT_VERBS
        ):
            continue
        if (
            len(surface) < 2
            or surface in GENERIC_ORG
            or _generic_unit(surface)  # 市直部门与某村结对: a kind of unit, the organs of a level
            or surface in ADVERBS_BEFORE_VERB
            or surface in VILLAGE_ENDINGS  # 社区与某村结对: the community the report is about, not a unit
            or surface[:1] in NON_NAME_START
        ):
            continue  # 三级党组织共同与某村…: an adverb, not the unit
        if re.search(f"{ROLE_CORE}{re.escape(surface)}", text):
            continue  # 副行长张三 … 张三与村干部决定: a person the report names after a post, not a unit
        out.append(
            Mention(
                "organization",
                start,
                end,
                surface,
                "unit_named_by_role_pairing",
                0.6,
                uid=org_uid(surface),
                extra={"org_kind": "other"},
            )
        )
    for match in _UNIT_OWNING_A_VILLAGE_RE.finditer(text):
        # 某村是某某的帮扶村: a name of any kind the rules and the model left unread
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in out) or any(
            p.end == end or p.start < start < p.end for p in places
        ):
            continue  # a unit already read, or a place (某区的帮扶村: the region mechanisms decide)
        for part in re.finditer("[^、和与及]+", text[start:end]):  # 是甲和乙的帮扶村: each one's
            surface = part.group()
            if len(surface) < 2 or surface[:1] in NON_NAME_START or surface.endswith(NOT_A_UNIT_BEFORE_DE):
                continue
            left, right = start + part.start(), start + part.end()
            out.extend(org_from_surface(text, left, right, surface, place_by_end))
    for match in _UNIT_IN_LIST_RE.finditer(text):
        start, end = match.start(1), match.end(1)
        if any(m.start < end and start < m.end for m in places + out):
            continue
        left = left_limit(text, end, start, 6)
        surface = text[left:end]
        out.append(
            Mention(
                "organization",
                left,
                end,
                surface,
                "unit_named_by_role_list",
                0.6,
                uid=org_uid(surface),
                extra={"org_kind": "enterprise"},
            )
        )
    for sent in sents:
        # Every party ending not yet inside a name: the name before it, cut at a boundary or a verb.
        for match in _PARTY_ENDING_RE.finditer(text, sent.start, sent.end):
            end = match.end()
            if any(m.start < end <= m.end for m in out):
                continue
            left = left_limit(text, end, max(sent.start, end - 16), 16)
            # A cut inside a place's name (派驻向化镇…: 向 read as a preposition) takes the whole place.
            left = next((p.start for p in places if p.start < left < p.end), left)
            left = _department_over_he(text, left, end, sent.start)
            surface = text[left:end]
            lead = ORG_LEAD_RE.match(surface)
            if lead:
                left += lead.end()
                surface = text[left:end]
            out.extend(org_from_surface(text, left, end, surface, place_by_end, party_only=True))
    return out


_UNIT_NAME_BOUNDARY = BOUNDARY_CHARS - {"之"}


# The longest unit name taken; a run of name characters longer than this has no known start.
UNIT_NAME_MAX = 30


def _is_name_char(ch: str) -> bool:
    return ch not in _UNIT_NAME_BOUNDARY and CJK_RE.match(ch) is not None


def unit_left_limit(text: str, end: int, floor: int, max_len: int) -> int:
    """``left_limit`` for unit names: words that are verbs elsewhere but common in names (建设, 发展)
    and 之 (和平之君) do not end a unit's name, nor 和 inside a department's official fields (发展和改革局).

    A verb of ``VERBS_BEFORE_ENDING`` right before a bare ending (技术推广总站) belongs to the name: cut
    there, the name would be the ending alone, a kind of unit, not one (带着公司 stays cut).
    """
    left = left_limit(text, end, floor, max_len, boundary=_UNIT_NAME_BOUNDARY, words_inside=NAME_SAFE_VERBS)
    verb = text[left - 2 : left]
    if left - 2 >= floor and text[left:end] in ORG_SUFFIXES and verb in VERBS_BEFORE_ENDING:
        left = left_limit(
            text, end, floor, max_len, boundary=_UNIT_NAME_BOUNDARY, words_inside=NAME_SAFE_VERBS | {verb}
        )
    if left - 2 >= floor and text[left:end] == "工作队" and verb in TEAM_TASK_WORDS:
        wider = left_limit(
            text, end, floor, max_len, boundary=_UNIT_NAME_BOUNDARY, words_inside=NAME_SAFE_VERBS | {verb}
        )
        if TEAM_SENT_BY_A_COMMITTEE_RE.match(text, wider):
            left = wider  # 省委驻某县帮扶工作队: the team of a committee, named by where it is stationed
    while left - 1 > floor and text[left - 1] == "和" and _fields_joined_by_he(text, left - 1):
        room = max_len - (end - left + 1)
        if room <= 0:
            break
        left = left_limit(text, left - 1, floor, room, boundary=_UNIT_NAME_BOUNDARY, words_inside=NAME_SAFE_VERBS)
    return left


def _fields_joined_by_he(text: str, at: int) -> bool:
    """The 和 at ``at`` joins the two fields of a department's official name (发展和改革)."""
    for fields in DEPARTMENT_FIELDS_JOINED_BY_HE:
        before = fields.index("和")
        if text.startswith(fields, at - before):
            return True
    return False


_ENDINGS_BY_LENGTH = sorted(ORG_SUFFIXES, key=len, reverse=True)
# The same, by first character: a name's end is checked against the endings that can start there only.
_ENDINGS_BY_FIRST: dict[str, list[str]] = {}
for _ending in _ENDINGS_BY_LENGTH:
    _ENDINGS_BY_FIRST.setdefault(_ending[0], []).append(_ending)


def _over_longer_ending(text: str, end: int, stop: int) -> int:
    """州委办公室, 县政府办公室: the short ending found first (委办, 政府办) is the start of a longer one
    (办公室) that overlaps it; the name runs to the longer one's end."""
    for back in (1, 2):
        at = end - back
        for ending in _ENDINGS_BY_FIRST.get(text[at], ()) if at >= 0 else _ENDINGS_BY_LENGTH:
            longer_end = end - back + len(ending)
            if longer_end > end and longer_end <= stop and text.startswith(ending, end - back):
                if ending.endswith("委") and text[longer_end : longer_end + 1] in VERBS_AFTER_WEI:
                    continue  # 某集团委托: 委 starts the verb, 团委 is no ending here
                return longer_end
    return end


# 联合 then a name of two characters or more before the further ending: a second unit joined to the first.
_JOINT_PARTNER_RE = re.compile(f"联合[{CJK}]{{2,}}")


def _continue_name(text: str, end: int, stop: int) -> int:
    """Extend a unit's name over a further ending with nothing between that a name cannot hold.

    ``某银行张家港分行``, ``某中心医院``, ``某集团江西区域公司第一党支部`` are one name each, but
    ``某银行和某银行`` and ``某局的党支部`` are not: a boundary character or a verb ends the name.
    """
    while end < stop:
        office = _LIAISON_OFFICE_RE.match(text, end, stop)
        if office is not None:
            end = office.end()  # 某省人民政府|驻某市办事处: the organ's office elsewhere, one name
            continue
        nxt = _CONTINUATION_RE.match(text, end, stop)
        if nxt is None:
            break
        between = text[end : nxt.end()]
        if any(ch in NAME_BREAK_CHARS for ch in between) or any(
            between[i : i + 2] in LEFT_VERBS
            and (between[i : i + 2] not in NAME_SAFE_VERBS or between[i + 2 : i + 3] in "省市县区州")
            for i in range(len(between) - 1)
        ):
            break  # 某局联合县某局: a verb, even one names hold (联合会), before another organ's prefix
        if _JOINT_PARTNER_RE.match(between):
            break  # 某集团联合山海公司: 联合 joins a second named unit (not 联合会, 联合社: the ending right after)
        if any(v in between for v in SENDING_VERBS):
            break  # 某师派出工作队: what the unit sends is no part of its name
        if between.startswith(OWNED_BY_BEFORE):
            break  # 某集团所属某公司: the parent, then the unit it owns
        if text[max(0, end - 4) : end].endswith(DESCRIBED_BY_PARENT):
            break  # 某集团子公司某某公司: the description ends, the unit's own name follows
        if any(a in between for a in ADVERBS_END_NAMES):
            break  # 某大学再次…工作队: an adverb opens the clause after the name
        if party_level(text[end - 6 : end]):
            break  # a party organization ends the name: what follows is another one
        if text[nxt.end() : nxt.end() + 1] in ROLE_AFTER_ENDING:
            break  # 某局局长: the second 局 starts a role word
        if _role_over(text, end, nxt.end()):
            break  # 某电厂总会计师: the further "ending" (总会) is the start of a role word running past it
        if re.match(f"[{NUMERALS}]+[个家名所支]", between):
            break  # 某党支部两个党支部分别…: a count of units follows, not a sub-unit
        end = nxt.end()
    return end


def _role_over(text: str, start: int, end: int) -> bool:
    """A role word (``ROLE_CORES``) starts between ``start`` and ``end`` and runs past ``end``."""
    return any(i + len(role) > end and text.startswith(role, i) for i in range(start, end) for role in _LONG_ROLES)


# Roles of three characters or more: the shorter ones (局长, 院长) are caught by ROLE_AFTER_ENDING.
_LONG_ROLES = tuple(r for r in ROLE_CORES if len(r) >= 3)


# A department of an organ (审理处, 人事科) and its party organization, the name that may hold 和.
_DEPARTMENT_END_RE = re.compile(
    f"[{CJK}](?:处|科|室|司)(?:机关)?(?:第[一二三四五六七八九十]+)?(?:党支部|党总支|党委|党小组)?$"
)


def _department_over_he(text: str, left: int, end: int, floor: int) -> int:
    """A department's name holds 和 (政策法规和改革处, 人事和教育科): 某厅法规和审理处党支部 is one name.

    Taken only where the part before 和 (two to six characters, not a unit ending, not a word for
    people) directly follows a unit's ending, so the department belongs to that unit; 某局和审理处
    stays a list.
    """
    if left - 1 <= floor or text[left - 1] != "和" or not _DEPARTMENT_END_RE.search(text, left, end):
        return left
    conj = left - 1
    for length in range(2, 7):
        start = conj - length
        if start <= floor or not CJK_RE.match(text[start]) or text[start] in BOUNDARY_CHARS:
            return left
        part = text[start:conj]
        if (
            part.endswith(NOT_NAME_BEFORE_YU)
            or re.search(_UNIT_ENDING + "$", part)
            or any(ch in NON_NAME_START for ch in part)
        ):
            return left
        if re.search(_UNIT_ENDING + "$", text[max(floor, start - 6) : start]):
            return left_limit(text, start, floor, 12)
    return left


def _over_conjunction(text: str, left: int, floor: int) -> int:
    """Official names may hold 与 (自然资源与规划局, 科技与产业化发展中心): take the part before it too.

    The part before 与 (two to six characters, not a word for people such as 领导) joins the name when
    a clause boundary stands before it, or when it follows a unit's own ending that starts the whole
    name (住建部科技与…).
    """
    if left - 1 <= floor or text[left - 1] != "与":
        return left
    conj = left - 1
    for length in range(2, 7):
        start = conj - length
        if start < floor or not CJK_RE.match(text[start]) or text[start] in BOUNDARY_CHARS:
            return left
        part = text[start:conj]
        if (
            part.endswith(NOT_NAME_BEFORE_YU)
            or re.search(_UNIT_ENDING + "$", part)
            or any(ch in NON_NAME_START or ch in "镇乡县区市省村" for ch in part)
        ):
            return left
        before = text[start - 1 : start] if start > floor else ""
        if not before or before in BOUNDARY_CHARS or not CJK_RE.match(before):
            return start
        if before in "省市县区":  # 县自然资源与规划局, 某某县自然资源与规划局: the prefix belongs to the name
            return unit_left_limit(text, start, floor, 12)
        if re.search("(?:" + _UNIT_ENDING[3:-1] + "|部)$", text[max(floor, start - 6) : start]):
            return left_limit(text, start, floor, 12)
    return left


def _over_ji(text: str, left: int, floor: int) -> int:
    """A name may hold 及 between two words of a set phrase (通过某某及人公益基金会): take the two
    characters before it too, when they start the clause or follow a verb and are no unit, place or people
    word of their own — a list (某局及某公司, 党员及群众) has a name or a word of its own before 及."""
    conj = left - 1
    start = conj - 2
    if start < floor or text[conj] != "及":
        return left
    part = text[start:conj]
    if (
        not all(CJK_RE.match(ch) and ch not in BOUNDARY_CHARS for ch in part)
        or part in NOT_NAME_BEFORE_YU
        or re.search(_UNIT_ENDING + "$", part)
        or any(ch in NON_NAME_START or ch in "镇乡县区市省村" for ch in part)
    ):
        return left
    if start == floor or text[start - 1] in BOUNDARY_CHARS or text[start - 2 : start] in NAME_AFTER_MEANS:
        return start
    return left


def _listed_after_unit(text: str, start: int) -> bool:
    """市某局、行政服务中心一行: listed right after a unit (、 和 及), a short name shares the list's level word
    and acts with it, so it is that unit, not a building."""
    return text[start - 1 : start] in ("、", "和", "及") and text.endswith(ORG_SUFFIXES, 0, start - 1)


def _starts_like_no_name(text: str, start: int, name: str) -> bool:
    """A unit's name does not start with a function word or a count (三家公司) — except a name that
    starts a list item (以及和平之君…, 、同心公司) or a place name with a numeral (九江项目部) — nor is it a
    count of levels (县三级机关)."""
    first = name[:1]
    if re.search(f"[{NUMERALS}各多]级(?:机关|单位|部门)$", name):
        return True  # 省、市、县三级机关, 各级机关: organs of several levels, no one unit
    if re.match(f"有?[多几{NUMERALS}]+[{COUNT_MEASURES}]", name):
        return True  # 有多个工作队, 多家企业: a count of units, not one
    if first not in NON_NAME_START:
        return False
    if first in NUMERALS:
        return name[1:2] in COUNT_MEASURES or name[1:2] in "项批类届年月日次"
    if first not in NAME_FUNCTION_STARTS or name[1:2] in "该这那其":
        return True
    return not (_opens_list_item(text, start) or _opens_clause(text, start, 0))


def _opens_list_item(text: str, pos: int) -> bool:
    """``pos`` starts an item of a list (、甲公司, 以及乙中心)."""
    return text[pos - 1 : pos] in ("、", "，", ",", "；", ";", "：", ":") or text[pos - 2 : pos] in (
        "以及",
        "还有",
        "的有",
    )


def _opens_clause(text: str, pos: int, floor: int) -> bool:
    """``pos`` starts a sentence, a line or a clause after a dash or an opening quote: a conjunction
    (和, 与) has nothing there to join, so a name starting with one of those characters (和平, 同心) is a name."""
    return pos <= floor or text[pos - 1] in "。！？!?\n—―-“‘「『《（( \u3000"


def org_from_surface(
    text: str, start: int, end: int, surface: str, place_by_end: dict[int, Mention], party_only: bool = False
) -> list[Mention]:
    """The unit and/or party organization a matched name makes, or nothing when it is not a name.

    ``party_only``: the match came from the party ending alone, so the unit before it is less sure.
    """
    level = party_level(surface)
    unit_end = end
    if level:
        for suffix, _ in PARTY_SUFFIXES:
            if surface.endswith(suffix):
                unit_end = end - len(suffix)
                break
        infix = re.search(PARTY_INFIX + "$", text[start:unit_end])
        if infix and infix.group():
            unit_end -= len(infix.group())
    unit_surface = text[start:unit_end]
    out: list[Mention] = []
    owner = place_by_end.get(unit_end)
    if owner is not None and owner.start >= start:
        # 四滧村党支部 / 新河镇党委: a place's own party organization.
        if level and owner.kind in ("village", "town"):
            out.append(
                Mention(
                    "party_org",
                    start,
                    end,
                    surface,
                    "party_org_of_place",
                    owner.confidence,
                    uid=f"party:{owner.uid or (owner.place.code if owner.place else '')}:{surface[len(unit_surface) :]}",
                    extra={"party_level": level, "owner": owner},
                )
            )
        return out
    if (
        len(unit_surface) < 2
        or unit_surface in GENERIC_ORG
        or name_key(unit_surface) in GENERIC_ORG
        or unit_surface in SELF_REFERENCES  # 我厅, 本中心: the publisher speaking of itself, a reference
        # 和厂里派驻村的队员: a conjunction before a bare one-character head (厂, 局, 院) names nothing
        or (len(unit_surface) == 2 and unit_surface[0] in NAME_FUNCTION_STARTS)
        # 某集团全资子公司: a description of a unit by its parent, not a name
        or unit_surface.endswith(DESCRIBED_BY_PARENT)
    ):
        return out
    facility = next((e for e in FACILITY_ENDINGS if unit_surface.endswith(e)), None)
    if facility is not None:
        prefix = unit_surface[: -len(facility)]
        if any(w in prefix for w in FACILITY_NAME_WORDS) or (
            len(prefix) <= 2
            and not _listed_after_unit(text, start)
            and not text.startswith(UNIT_ONLY_AFTER_FACILITY_NAME, unit_end)
        ):
            return out  # 党群服务中心, 紫岭村党群服务中心: a building, not a unit
    if unit_surface.endswith(NOT_UNIT_ENDINGS) or _starts_like_no_name(text, start, unit_surface):
        return out
    if text[unit_end : unit_end + 1] in ROLE_AFTER_ENDING and _DEPUTY_BEFORE_ENDING_RE.fullmatch(unit_surface):
        return out  # 某局副局长张三: 副局 is the start of the deputy's post, not a second unit
    if text[unit_end : unit_end + 1] == "长" and len(unit_surface) == 2 and unit_surface[0] in SURNAMES:
        return out  # 张局长, 李院长: a leader called by surname and post, not a unit
    if _VERB_BEFORE_BARE_ENDING_RE.search(unit_surface):
        return (
            out  # 局长张三带领局班子成员: the bureau's own 局 after a verb, with the leader's post and name before it
        )
    if not level and unit_surface[-2:-1] == "副" and text[unit_end : unit_end + 1] in ROLE_AFTER_ENDING:
        return out  # 某某两位副局长, 张三副院长: a deputy's title (副 + head + 长), no unit's name
    # 局面, 中心村, 中心组: the suffix is the start of another word.
    if (
        not level
        and unit_end < len(text)  # a name closing the text (来源：某局 as its last line) is whole
        and text[unit_end] in UNIT_ENDING_CONTINUES
        and not text.startswith(_VERBS_STARTING_WITH_ENDING_CONTINUATION, unit_end)
    ):
        return out
    if (
        start > 0
        and (text[start - 1].isdigit() or text[start - 1] in NUMERALS)
        and re.match(f"^[余多]?[{COUNT_MEASURES}]", unit_surface)
    ):
        return out  # 29余家机关: a count of units, not a unit
    if (
        _generic_unit(unit_surface)
        or GENERIC_TEAM_RE.match(unit_surface)
        or text[unit_end - 1 : unit_end + 1] in WORDS_ACROSS_ENDING
    ):
        return out
    if party_only and (not level or len(unit_surface) < 3):
        return out
    if unit_surface.endswith(("村", "社区")):
        return out
    if any(ch in unit_surface for ch in "，。；"):
        return out
    unit_uid = org_uid(unit_surface)
    if len(unit_surface) >= 2 and (not party_only or len(unit_surface) >= 2):
        out.append(
            Mention(
                "organization",
                start,
                unit_end,
                unit_surface,
                "unit_suffix_pattern" if not party_only else "unit_before_party_org",
                0.85 if not party_only else 0.6,
                uid=unit_uid,
                extra={"org_kind": unit_kind(unit_surface)},
            )
        )
    if level:
        out.append(
            Mention(
                "party_org",
                start,
                end,
                surface,
                "party_org_suffix_pattern",
                0.85,
                uid=party_uid(surface),
                extra={"party_level": level, "unit_uid": unit_uid},
            )
        )
    return out


def _generic_unit(name: str) -> bool:
    """区级机关, 市直单位: a kind of unit — but not 县直机关工委, the one body that serves that group of organs."""
    match = GENERIC_UNIT_RE.match(name)
    return match is not None and name[match.end() :] not in BODIES_OF_A_GROUP_OF_ORGANS


# 某局组织…: a verb after the ending, not the word 局组 / 中心组.
_VERBS_STARTING_WITH_ENDING_CONTINUATION = tuple(v for v in LEFT_VERBS if v[0] in UNIT_ENDING_CONTINUES)


def _central_unit_stands(text: str, start: int, floor: int) -> bool:
    """A ministry named alone acts only as a clause's subject or after a word that joins it to a relation
    (与某部, 由某部, 联系某部): what stands right before it is a boundary, not the end of another word."""
    if start <= floor:
        return True
    before = text[start - 1]
    return not CJK_RE.match(before) or before in BOUNDARY_CHARS or text[start - 2 : start] in LEFT_VERBS


def drop_street_addresses(text: str, orgs: list[Mention], places: list[Mention], index: PlaceIndex) -> list[Mention]:
    """某街道办某村: a street's office written right before a village of that street is the village's
    address, not a unit, even where the street itself was not resolved as a place."""
    villages = {p.start: p for p in places if p.kind == "village" and p.place is not None}

    def is_address(m: Mention) -> bool:
        if m.kind != "organization" or not m.surface.endswith("街道"):
            return False
        for word in STREET_OFFICE_WORDS:
            village = villages.get(m.end + len(word)) if text.startswith(word, m.end) else None
            if village is not None and village.place is not None and village.place.parent_code:
                town = index.get(village.place.parent_code)
                return town is not None and m.surface.endswith(town.name)
        return False

    return [m for m in orgs if not is_address(m)]


def drop_founded_units(text: str, orgs: list[Mention]) -> list[Mention]:
    """成立了某合作社, 开办某砖厂, 发展某专业合作社: a unit the sentence founds is what the help made, never a
    helper — the name starts with the verb, or the verb stands right before it. 发展 that starts a
    department's official name (发展和改革局) is the name's own."""

    def founded(m: Mention) -> bool:
        if m.kind != "organization":
            return False
        if m.surface.startswith(FOUNDING_VERBS):
            return not any(m.surface.startswith(f) for f in DEPARTMENT_FIELDS_JOINED_BY_HE)
        before = text[max(0, m.start - 6) : m.start]
        return any(before.endswith(verb + gap) for verb in FOUNDING_VERBS for gap in ("", *FOUNDING_GAPS))

    # 成立了甲合作社和乙公司: the units listed after a founded one are founded with it
    out: list[Mention] = []
    last_founded: Mention | None = None
    for m in sorted(orgs, key=lambda o: o.start):
        if founded(m) or (
            m.kind == "organization"
            and last_founded is not None
            and text[last_founded.end : m.start] in _FOUNDED_LIST_JOINERS
        ):
            last_founded = m
            continue
        out.append(m)
    return out


# What joins the units of one list (甲合作社和乙公司, 甲、乙).
_FOUNDED_LIST_JOINERS = frozenset({"和", "、", "及", "以及", "与"})


def drop_overlaps(orgs: list[Mention], places: list[Mention]) -> list[Mention]:
    """Each mention once; a unit inside a place name or inside a longer unit is dropped."""
    orgs = sorted(orgs, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in orgs:
        key = (m.start, m.end, m.kind)
        if key in seen:
            continue
        if (
            m.kind == "organization"
            and m.method != "region_as_helper"  # 某区对口帮扶…: the place itself acts
            and any(p.start <= m.start and m.end <= p.end for p in places)
        ):
            continue
        if m.kind == "organization" and any(p.kind == "village" and p.start < m.start < p.end for p in places):
            continue  # 同乐村工作队 cut to 乐村工作队: a name that starts inside a village's name
        if any(
            o.kind == m.kind
            and o.start <= m.start
            and m.end <= o.end
            and (o.start, o.end) != (m.start, m.end)
            and (m.kind == "organization" or m.end == o.end)
            for o in out
        ):
            continue  # inside a longer unit's name, or the tail of a longer party organization's name
        seen.add(key)
        out.append(m)
    return out
