"""The wrong party of a true statement: a unit the sentence names next to a village that is not its helper.

A sentence about help often names other parties too, each in a role of its own that the genre marks with a
word: the hosts of a visit (由某局主办、某协会承办的采访团来到某村), the organs that issue a document
(某部、某办联合印发…文件), the side that thanks (某县政府及某村委会负责人感谢某集团), the host who accompanies
a visitor (县委常委、政法委书记张三陪同…; 在某局局长的陪同下), and a unit that supports a helper the clause after
it leaves unnamed (在省分行的大力支持下，向某村捐赠…); and a unit named inside a document's name or a quoted
slogan (《关于某局…的通知》, “万企联万村”行动). Such a mention is no helper in that sentence; the same unit
may still help elsewhere in the report.
"""

from __future__ import annotations

import re

from loaders.reports.lexicon import (
    ACCOMPANY_WORD,
    ASKING_FOR_FUNDS_VERBS,
    AWARD_VERBS,
    BROUGHT_IN_BEFORE,
    CJK,
    DOCUMENT_NOUNS,
    GUEST_PEOPLE,
    HOST_VERBS,
    INSPECTING_TEAMS,
    ISSUE_VERBS,
    LEARNING_VISIT_VERBS,
    LEARNING_VISIT_WORDS,
    LOCAL_GUEST_PREFIXES,
    PAIRS_ITSELF_AFTER,
    PARENT_OF_AFTER,
    PASSING_ON_VERBS,
    PRESS_AFTER,
    PUBLIC_FUNDS,
    QUALITY_NOUNS,
    REPORTED_TO_VERBS,
    SELECTING_ORGANS,
    SELECTING_VERBS,
    SUBJECTLESS_OPENINGS,
    SUPPORT_MANNERS,
    SUPPORT_WORDS,
    THANKS_WORDS,
    TRIGGER_RE,
    WORK_AT_VERBS,
)
from loaders.reports.model import Mention

_CLAUSE_BREAKS = "，,；;：:。！？!?\n"
# Further parties listed after the unit (、某协会 / 和某公司), each a short run of name characters.
_LISTED_AFTER = f"(?:[、和及与][{CJK}A-Za-z0-9]{{2,20}}?)*"
_JOINTLY = "(?:联合|共同|一起)?"
_HOST_AFTER_RE = re.compile(_LISTED_AFTER + _JOINTLY + "(?:" + "|".join(HOST_VERBS) + ")")
_ISSUER_AFTER_RE = re.compile(
    _LISTED_AFTER
    + _JOINTLY
    + "(?:"
    + "|".join(ISSUE_VERBS)
    + f")(?!会)(?:了)?[^{_CLAUSE_BREAKS}]{{0,14}}?(?:"
    + "|".join(re.escape(n) for n in DOCUMENT_NOUNS)
    + ")"
)
_SUPPORT_AFTER_RE = re.compile(
    f"[^{_CLAUSE_BREAKS}]{{0,12}}?的(?:{'|'.join(SUPPORT_MANNERS)})?(?:{'|'.join(SUPPORT_WORDS)}){{1,2}}下[，,]?"
)
_LEARNING_AFTER_RE = re.compile("(?:村委会|社区)?(?:参观|考察)?(?:" + "|".join(LEARNING_VISIT_WORDS) + ")")
# 的社会责任, 的良好形象, 的国企担当: a word or two (良好, 国企) may stand before the quality.
_QUALITY_AFTER_RE = re.compile(f"的[{CJK}]{{0,2}}?(?:" + "|".join(QUALITY_NOUNS) + ")")
_PARENT_OF_RE = re.compile("的?(?:" + "|".join(PARENT_OF_AFTER) + ")")
_AWARD_AFTER_RE = re.compile(_LISTED_AFTER + "(?:" + "|".join(AWARD_VERBS) + ")")
# The longest document name or quoted slogan looked for around a unit.
TITLE_MAX = 40
# How far a unit may stand before the word that gives its role (its leader's post and name between).
_ROLE_WORD_WINDOW = 30


def _clause_after(text: str, end: int) -> str:
    stop = end
    while stop < len(text) and stop - end < _ROLE_WORD_WINDOW and text[stop] not in _CLAUSE_BREAKS:
        stop += 1
    return text[end:stop]


def hosts(text: str, h: Mention) -> bool:
    """由甲、乙主办，丙承办的…: the unit (and those listed with it) hosts the event."""
    return _HOST_AFTER_RE.match(text, h.end) is not None


def issues_a_document(text: str, h: Mention) -> bool:
    """甲、乙联合印发…文件 / 某局出台通知: the unit issues a document."""
    return _ISSUER_AFTER_RE.match(text, h.end) is not None


def thanks(text: str, h: Mention) -> bool:
    """甲及某村委会相关负责人感谢乙: the unit stands before a word of thanks in its clause, with no trigger
    between, and is not its object (向某集团致以感谢, 感谢某集团 keep their unit)."""
    if text[max(0, h.start - 1) : h.start] in ("向", "对", "给", "谢"):
        return False
    after = _clause_after(text, h.end)
    found = min((i for i in (after.find(w) for w in THANKS_WORDS) if i >= 0), default=-1)
    return found >= 0 and TRIGGER_RE.search(after, 0, found) is None


def accompanies(text: str, h: Mention) -> bool:
    """县委常委、政法委书记张三专程陪同… / 在某局局长李四的陪同下: the unit's leader hosts the visit."""
    after = _clause_after(text, h.end)
    at = after.find(ACCOMPANY_WORD)
    if at < 0:
        return False
    if after.startswith(ACCOMPANY_WORD + "下", at):  # 在某局局长的陪同下
        return "在" in text[max(0, h.start - 3) : h.start]
    return True


def supports_an_unnamed_subject(text: str, h: Mention) -> bool:
    """在省分行的大力支持下，向某村捐赠…: the supporter backs a unit the next clause leaves unnamed.
    Where the clause names its subject (在某公司的支持下，某村建成了冷库) the supporter is the helper."""
    if text[max(0, h.start - 1) : h.start] != "在":
        return False
    support = _SUPPORT_AFTER_RE.match(text, h.end)
    return support is not None and text.startswith(SUBJECTLESS_OPENINGS, support.end())


def _enclosing(text: str, h: Mention, opening: str, closing: str) -> tuple[int, int] | None:
    """The bracket pair (offsets of the opening and closing marks) that holds the mention, if any, nearby."""
    opened = text.rfind(opening, max(0, h.start - TITLE_MAX), h.start)
    if opened < 0 or closing in text[opened : h.start]:
        return None
    closed = text.find(closing, h.end, h.end + TITLE_MAX)
    if closed < 0 or opening in text[h.end : closed]:
        return None
    return opened, closed


def named_in_a_title(text: str, h: Mention) -> bool:
    """《关于某局…的通知》, “万企联万村 共走振兴路”, “某公司杯”: a unit inside a document's name or a quoted slogan or
    title names it; it acts in nothing. A quote that holds the name alone (“某集团”) or speech (with a comma or a
    full stop: “某局帮我们修了路，”) keeps it."""
    if _enclosing(text, h, "《", "》") is not None:
        return True
    quote = _enclosing(text, h, "“", "”")
    if quote is None:
        return False
    inner = text[quote[0] + 1 : quote[1]]
    return len(inner) > h.end - h.start and not re.search("[，,。！？!?；;]", inner)


def reports(text: str, h: Mention) -> bool:
    """县融媒体中心记者来到某村采访…: the press reports on the help."""
    return text.startswith(PRESS_AFTER, h.end)


def awards(text: str, h: Mention) -> bool:
    """县委组织部授予某村党支部…称号 / 某局表彰…: the organ praises; an organ that helps is named by other verbs."""
    return _AWARD_AFTER_RE.match(text, h.end) is not None


# 甲、乙联合督查组: every organ of the list that sends the team inspects.
_INSPECTING_AFTER_RE = re.compile(_LISTED_AFTER + _JOINTLY + "(?:" + "|".join(INSPECTING_TEAMS) + ")")


def inspects(text: str, h: Mention) -> bool:
    """市委组织部考核组到某村检查…: the inspecting team's organ checks on the helpers."""
    return _INSPECTING_AFTER_RE.match(text, h.end) is not None


def passes_a_gift_on(text: str, h: Mention) -> bool:
    """…由县民政局转交某村: the unit passes on what another gives. (A unit given to, 向某中学捐赠, stays a unit of the
    sentence: it is no helper, yet it tells that the gift went elsewhere than the report's village.)"""
    return text.startswith(PASSING_ON_VERBS, h.end)


def brought_in(text: str, h: Mention) -> bool:
    """某工作队协调县农商行为某村发放贷款: the unit brought in serves the helper of the clause before it."""
    if text[max(0, h.start - 2) : h.start] not in BROUGHT_IN_BEFORE:
        return False
    if text.startswith(PAIRS_ITSELF_AFTER, h.end):
        return False  # 协调某集团与某村结对: the unit brought in is the village's pair
    # the helper that brings it in stands earlier in the clause (a name ending before the verb)
    clause = text[max(0, h.start - _ROLE_WORD_WINDOW) : h.start - 2]
    clause = re.split(f"[{_CLAUSE_BREAKS}]", clause)[-1]
    return len(clause) >= 2


_FUNDS_AFTER_RE = re.compile(_LISTED_AFTER + "的?(?:" + "|".join(PUBLIC_FUNDS) + ")")
_ASKED_AFTER_RE = re.compile(_LISTED_AFTER + f"[^{_CLAUSE_BREAKS}]{{0,4}}?(?:" + "|".join(ASKING_FOR_FUNDS_VERBS) + ")")

# 向甲、乙争取: every organ of the list that 向 / 从 opens is asked, not the first only.
_ASKED_LIST_RE = re.compile(f"[向从](?:[{CJK}]{{2,12}}、)+$")


def grants_funds(text: str, h: Mention) -> bool:
    """利用省财政厅衔接资金…, 向省发改委争取资金: the organ is the source of public money, not a helper."""
    if _FUNDS_AFTER_RE.match(text, h.end) is not None:
        return True
    asked = text[max(0, h.start - 1) : h.start] in ("向", "从") or _ASKED_LIST_RE.search(
        text, max(0, h.start - 24), h.start
    )
    return bool(asked) and _ASKED_AFTER_RE.match(text, h.end) is not None


_SELECTING_AFTER_RE = re.compile(_LISTED_AFTER + f"[^{_CLAUSE_BREAKS}]{{0,14}}?(?:" + "|".join(SELECTING_VERBS) + ")")
_REPORTED_TO_AFTER_RE = re.compile(f"[^{_CLAUSE_BREAKS}]{{0,6}}?(?:" + "|".join(REPORTED_TO_VERBS) + ")")


def selects_secretaries(text: str, h: Mention) -> bool:
    """县委组织部向某村选派第一书记: the organ that selects for the whole county organises the sending."""
    return h.surface.endswith(SELECTING_ORGANS) and _SELECTING_AFTER_RE.match(text, h.end) is not None


def is_reported_to(text: str, h: Mention) -> bool:
    """第一书记向县委组织部汇报工作: the unit receives a report; it is not the reporter's helper."""
    return text[max(0, h.start - 1) : h.start] == "向" and _REPORTED_TO_AFTER_RE.match(text, h.end) is not None


_GUEST_AFTER_RE = re.compile(
    _LISTED_AFTER
    + "的?(?:"
    + "|".join(GUEST_PEOPLE)
    + f")?(?:等)?(?:出席|列席|应邀出席|参加了?[^{_CLAUSE_BREAKS}]{{0,10}}?(?:仪式|会议|座谈会|大会|活动))"
)


def local_guest(text: str, h: Mention) -> bool:
    """县委组织部、镇党委有关负责人出席签约仪式: the village's own county or town organs attend the help as guests."""
    if h.surface.startswith("乡村") or not h.surface.startswith(LOCAL_GUEST_PREFIXES):
        return False
    guest = _GUEST_AFTER_RE.match(text, h.end)
    # 县交通局与某村党支部出席了结对共建签约仪式: the village is listed with the unit, the two sides of the pairing
    return guest is not None and not re.search("村|社区|嘎查", guest.group())


_WORK_AT_AFTER_RE = re.compile(f"[^{_CLAUSE_BREAKS}]{{0,10}}?(?:" + "|".join(WORK_AT_VERBS) + ")")


def is_a_workplace(text: str, h: Mention) -> bool:
    """村民在某公司的扶贫车间就业: the unit after 在 is where villagers work; 在某公司的帮扶下 is another frame."""
    if text[max(0, h.start - 1) : h.start] not in ("在", "到", "进"):
        return False
    return _WORK_AT_AFTER_RE.match(text, h.end) is not None


def names_a_parent(text: str, h: Mention) -> bool:
    """某物流公司作为某集团全资子公司 / 某集团的下属企业: the unit is named as the parent of the one that acts; a
    "name" that is such a description (某集团全资子公司) names no unit either."""
    if re.search("(?:全资|控股)子公司$", h.surface):
        return True
    return _PARENT_OF_RE.match(text, h.end) is not None


def praised_for(text: str, h: Mention) -> bool:
    """…，体现了某银行的社会责任与担当: the unit is named as whose quality a closing clause praises."""
    return _QUALITY_AFTER_RE.match(text, h.end) is not None


def plays_another_part(text: str, h: Mention) -> bool:
    """The mention hosts, issues, thanks, accompanies, backs or is named in a title: no helper in its sentence."""
    if h.kind not in ("organization", "party_org"):
        return False
    return (
        hosts(text, h)
        or issues_a_document(text, h)
        or thanks(text, h)
        or accompanies(text, h)
        or supports_an_unnamed_subject(text, h)
        or named_in_a_title(text, h)
        or reports(text, h)
        or awards(text, h)
        or inspects(text, h)
        or passes_a_gift_on(text, h)
        or brought_in(text, h)
        or names_a_parent(text, h)
        or praised_for(text, h)
        or grants_funds(text, h)
        or selects_secretaries(text, h)
        or is_reported_to(text, h)
        or local_guest(text, h)
        or is_a_workplace(text, h)
    )


def visited_to_learn(text: str, village: Mention) -> bool:
    """带领村民到某村学习经验, 赴某村参观学习: the village visited is a model to learn from, not a recipient."""
    if _LEARNING_AFTER_RE.match(text, village.end) is None:
        return False
    before = re.split(f"[{_CLAUSE_BREAKS}]", text[max(0, village.start - 14) : village.start])[-1]
    return any(v in before for v in LEARNING_VISIT_VERBS)
