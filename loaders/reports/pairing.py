"""Stage 6a, pairing: for one sentence, which helper governs each recipient.

The rules, tried in order for every recipient (a village, a village's party branch standing for
it, or a reference such as 该村): lists distributed by 分别; villages pairing each other (A村与B村
签订协议); the nearest helper before it, with the helpers listed beside it or the units a group
word stands for, skipping companions (会同某局的负责人); the first helper after it (某村是某集团的
联系点); the previous sentence's subject in a sentence without one. A trigger must stand between the
two or in the clause of either (``trigger_between``). ``relations`` turns the pairs into facts.
"""

from __future__ import annotations

import re

from loaders.reports.lexicon import (
    ASSIGNED_AS_VERBS,
    ASSIGNED_ROLE_NOUNS,
    ATTEND_VERBS,
    BOTH_SIDES_WORDS,
    CJK,
    CLAUSE_GOES_ON,
    COMPANION_AFTER,
    COMPANION_BEFORE,
    HELPER_ROLE_NOUNS,
    INVITED_TO_HELP_RE,
    OPENING_TIME_RE,
    OWN_HELPER_WORDS,
    PAIR_LIST_SEPARATORS,
    PAIRING_TRIGGERS,
    ROLE_CORES,
    ROLE_PREFIXES,
    SENDING_TRIGGERS,
    SENT_FROM_POOL_AFTER,
    SENT_FROM_VERBS,
    SPEECH_VERBS,
    STAFF_AFTER,
    SUBJECTLESS_CLAUSE_STARTS,
    SUBJECTLESS_OPENINGS,
    SURNAMES,
    UNIT_PEOPLE_OPENINGS,
    UNIT_PEOPLE_PRONOUNS,
    VILLAGE_LIST_COUNTS,
    VISIT_VERBS,
)
from loaders.reports.model import Mention, Sentence, entity_uid
from loaders.reports.references import referent

Trigger = tuple[int, int, str]  # start, end, the trigger word
Pair = tuple[Mention, Mention, str, float]  # helper, recipient, method, confidence

# A sentence starting with these has no subject of its own (还, 同时…).
_SUBJECTLESS_RE = re.compile(r"^\s*(" + "|".join(SUBJECTLESS_CLAUSE_STARTS) + ")")
# Where a clause ends inside a sentence.
CLAUSE_BREAK = "，,；;：:"
# What joins the items of a list of helpers or villages.
# 联合 / 携手 / 联手 join units that act together (某局联合某局到某村…), unlike 会同 (a companion).
_LIST_JOINER_RE = re.compile(r"^(?:、|和|及|以及|与|同|跟|，以及|联合|携手|联手)$")
# A leader's role right after a name: the name is that leader's post.
_ROLE_AFTER_RE = re.compile(
    "(?:" + "|".join(ROLE_PREFIXES) + ")*(?:" + "|".join(sorted(ROLE_CORES, key=len, reverse=True)) + ")"
)
PAIRING = frozenset(PAIRING_TRIGGERS)
SENDING = frozenset(SENDING_TRIGGERS)
# Roles a unit sends to a village: the village they serve in is the unit's pair, not just a post.
SENT_ROLES = ("第一书记",)
# What may stand between a helper and the recipient it is joined to: its leaders, a party body, a town.
_JOINED_RE = re.compile(f"(?:党政领导班子|领导班子|党组织|党委|党支部|党总支)?(?:与|和|同|跟)[{CJK}]{{0,8}}")
# Two villages joined (A村党支部则与B村…).
_VILLAGE_JOIN_RE = re.compile(r"^(?:党支部|党总支|党委|村委会|居委会)?(?:则|也|还)?(?:与|和|同|跟)")
# …甲村带着礼物，和某镇及该镇乙村缔结友好村: the first village's clause (one, short) goes on into a clause opening
# with 和/与, then the second village's address.
_JOINED_AT_CLAUSE_START_RE = re.compile(
    f"[^，,。；;！？!?\n]{{0,20}}[，,](?:与|和|同|跟)(?:[{CJK}]{{2,8}}?(?:省|市|县|区|镇|乡|街道))*(?:及该[镇乡])?"
)


def both_sides(text: str, sent: Sentence, last_subject: Mention | None, recipients: list[Mention]) -> Pair | None:
    """``双方签订了结对协议``: the helper and the village of the sentence before pair."""
    if last_subject is None:
        return None
    said = next((m for m in _BOTH_SIDES_RE.finditer(text, sent.start, sent.end)), None)
    if said is None or text[said.end() : said.end() + 1] == "的":
        return None  # 双方 must be a clause's subject (双方签订…), not a possessor (双方的…)
    previous = [
        r
        for r in recipients
        if r.kind == "village"
        and last_subject.start <= r.start < sent.start
        and same_sentence(text, last_subject.start, r.start)
    ]
    if not previous or len({entity_uid(r) for r in previous}) != 1:
        return None  # 双方 is clear only when the sentence before named the helper and one village
    return (last_subject, previous[-1], "pairing_both_sides_named_before", 0.7)


_BOTH_SIDES_RE = re.compile(r"(?:^|(?<=[，,；;:：\n。]))(?:" + "|".join(BOTH_SIDES_WORDS) + ")")


def same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence end between the two offsets, whichever comes first."""
    lo, hi = min(a, b), max(a, b)
    return not any(ch in "。！？!?\n" for ch in text[lo:hi])


def pairs_in_sentence(
    text: str,
    sent: Sentence,
    helpers: list[Mention],
    groups: list[list[Mention]],
    recipients: list[Mention],
    triggers: list[Trigger],
    last_subject: Mention | None,
    passage_subject: Mention | None = None,
) -> list[Pair]:
    """``passage_subject``: the unit a sentence just before in the paragraph was about, for a sentence that
    states a pairing with a village and names no unit at all (…。选派干部到某村任第一书记。)."""
    pairs: list[Pair] = []
    done: set[int] = set()
    acting_as_helper: set[str | None] = set()
    pairs += _distributed(text, sent, helpers, recipients, done)
    pairs += _assigned_as(text, sent, helpers, [r for r in recipients if id(r) not in done], done)
    if any(t[2] in PAIRING for t in triggers):
        pairs += _listed_pairs(text, helpers, [r for r in recipients if id(r) not in done], done)
        pairs += _joined_pairs(text, helpers, [r for r in recipients if id(r) not in done], done)
    # Villages that pair with each other (A村则和B村签订协议, …两村签订协议) act in their own clause:
    # settle them first.
    for h, r, method, conf in _village_to_village(text, recipients, triggers, done, helpers) + _counted_villages_pair(
        text, recipients, triggers, done
    ):
        pairs.append((h, r, method, conf))
        acting_as_helper.add(entity_uid(referent(h.extra.get("owner", h))))
    for r in recipients:
        if id(r) in done or entity_uid(r) in acting_as_helper:
            continue
        if _is_person_affiliation(text, r):
            # 某村党支部书记张三说，帮扶单位某公司…: the village names a post, yet the helper is called its own.
            named = _helper_named_by_role_after(text, sent, r, helpers)
            if named is not None:
                pairs.append((named, r, "pairing_helper_named_by_role", 0.7))
                done.add(id(r))
            continue
        chosen = _helpers_before(
            text, r, [h for h in helpers if not _listed_among_recipients(text, h, recipients)], groups
        )
        method, conf = "pairing_helper_before_recipient", 0.85
        own = _own_clause_helpers(text, r, helpers, recipients)
        if own and not any(_clause_start(text, h.start) == _clause_start(text, r.start) for h in chosen):
            # 甲村由某局帮扶，乙村由另一局帮扶: the village's own clause names its helper; one of an earlier
            # clause is another village's.
            chosen, method, conf = own, "pairing_helper_after_recipient", 0.7
        if not chosen:
            chosen = _helpers_after(text, r, helpers, recipients)
            method, conf = "pairing_helper_after_recipient", 0.7
            for h in chosen:
                if h.kind in ("village", "town"):
                    acting_as_helper.add(entity_uid(h))
        if not chosen and last_subject is not None and not helpers and clause_subjectless(text, sent):
            chosen = [last_subject]
            method, conf = "pairing_helper_from_previous_sentence", 0.55
        if not chosen and passage_subject is not None and not helpers and not groups:
            if _their_people_go_on(text, sent, passage_subject):
                # 某局干部踊跃参与。他们为某村修建了道路。: the unit's people go on as the subject
                chosen = [passage_subject]
                method, conf = "pairing_helper_of_their_people", 0.5
            elif "refers_to" not in r.extra and _goes_on_with_the_unit(text, sent, r, passage_subject):
                # 某局高度重视帮扶工作。帮扶干部为某村… / 2022年以来，累计为某村投入…: the unit of the sentence before
                chosen = [passage_subject]
                method, conf = "pairing_helper_of_the_sentence_before", 0.5
        if (
            not chosen
            and passage_subject is not None
            and not helpers
            and not groups
            and "refers_to" not in r.extra  # 这里是集团的结对村: a sentence about the village, its helper named in it
            and _takes_a_post_there(text, r, triggers)
        ):
            chosen = [passage_subject]
            method, conf = "pairing_helper_of_the_passage", 0.45
        post_holder = _first_secretary_named(text, r)
        for h in chosen:
            if _team_of_another_village(h, r, recipients):
                continue  # 甲村驻村工作队、某局派驻乙村…: the team named by 甲村 serves 甲村 only
            if post_holder and re.search("[，,；;]", text[h.end : r.start]):
                continue  # …，采访某村第一书记张三: the post is named, the unit of another clause did not send him
            if _fellow_attendees(text, h, r):
                continue
            later = [o.start for o in recipients if o.start >= r.end and entity_uid(o) != entity_uid(r)]
            later += [o.start for o in helpers if o.start >= max(h.end, r.end) and o not in chosen]
            if h.start >= sent.start and not trigger_between(text, triggers, h, r, min(later, default=sent.end)):
                continue
            if h.start < sent.start and not any(t[0] < _clause_end(text, r.end, sent.end) for t in triggers):
                continue
            pairs.append((h, r, method, conf))
            done.add(id(r))
    return pairs


def _their_people_go_on(text: str, sent: Sentence, subject: Mention) -> bool:
    """他们 opens the sentence, and the unit is the subject of the sentence right before, which names no village
    or villager (…看望了某村村民。他们…: there 他们 may be the villagers)."""
    if not text[sent.start : sent.end].lstrip().startswith(UNIT_PEOPLE_PRONOUNS):
        return False
    between = text[subject.end : sent.start].rstrip()[:-1]
    return not re.search("[。！!？?\n村]", between)


def _goes_on_with_the_unit(text: str, sent: Sentence, r: Mention, subject: Mention) -> bool:
    """The sentence opens (after a time phrase) with a verb of help and no subject (累计为某村投入…) or with the
    unit's own people (帮扶干部, 工作队, 局党组), and the unit is the subject of the sentence right before in the
    same paragraph — or of a heading line of its own (一、某局 / 某局：…) the sentence comes under."""
    opening = _OPENING_RE.match(text, sent.start, r.start)
    if opening is None or _SPEECH_RE.search(text, sent.start, r.start):
        return False
    between = text[subject.end : sent.start].rstrip()
    if "\n" in between:
        return heads_its_line(text, subject) and between.count("\n") == 1
    return not re.search("[。！!？?]", between[:-1])


def heads_its_line(text: str, unit: Mention) -> bool:
    """一、某局 / （二）某公司： — the unit alone on its line, after a heading's number: what follows is about it."""
    line_start = text.rfind("\n", 0, unit.start) + 1
    line_end = text.find("\n", unit.end)
    rest = text[unit.end : line_end if line_end >= 0 else len(text)].strip(" \t")
    return bool(_HEADING_NUMBER_RE.fullmatch(text[line_start : unit.start].strip(" \t"))) and rest in ("", "：", ":")


# A sentence going on without its subject, or with the unit's people in its place.
_OPENING_RE = re.compile(r"\s*" + OPENING_TIME_RE + "(?:" + "|".join(UNIT_PEOPLE_OPENINGS + SUBJECTLESS_OPENINGS) + ")")
# What numbers a heading line (一、 （一） 1. 第一，), or nothing.
_HEADING_NUMBER_RE = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|)")


def _takes_a_post_there(text: str, r: Mention, triggers: list[Trigger]) -> bool:
    """The village's clause has someone take a post there (担任某村第一书记, 当了6年某村第一书记, 下派某村任…):
    a sending word with a post verb in the clause, and nobody speaking of it (某某说，某村第一书记很辛苦)."""
    start, end = _clause(text, r)
    clause = text[start:end]
    return (
        any(t[2] in SENDING and start <= t[0] < end for t in triggers)
        and _POST_TAKEN_RE.search(clause) is not None
        and _SPEECH_RE.search(text, _clause_start(text, start - 1) if start else 0, end) is None
    )


# Verbs of taking a post (任 or 当 right before the post: 下派某村任第一书记, 当了6年某村第一书记), not 当地.
_POST_TAKEN_RE = re.compile(r"担任|出任|兼任|挂任|(?:任|当)(?=[^，。；]{0,12}(?:第一书记|队长|队员))|当(?:了|过|上)")
_SPEECH_RE = re.compile("|".join(SPEECH_VERBS))


def _own_clause_helpers(text: str, r: Mention, helpers: list[Mention], recipients: list[Mention]) -> list[Mention]:
    """The helpers a village's own clause names after it as its own (某村由某局帮扶, 某村、某村也得到某局的帮扶,
    某村的帮扶单位某局…): the unit after 由 / 得到 / 的帮扶单位, with those listed with it."""
    end = _clause_end(text, r.end, len(text))
    word = _OWN_HELPER_AFTER_RE.search(text, r.end, min(end, r.end + OWN_HELPER_WORD_WITHIN))
    if word is None:
        return []
    after = [h for h in helpers if word.end() <= h.start < end and not is_companion(text, h)]
    if not after or re.search("[，,；;]", text[word.end() : after[0].start]):
        return []
    listed = _with_listed(text, after[0], after, forward=True)
    if "分别" in text[r.end : word.start()]:
        # 甲村、乙村分别得到某局和某局的帮扶: one to one, in the order of the two lists.
        villages = _with_listed(text, r, [v for v in recipients if v.start >= r.start], forward=True)
        first = _with_listed(text, villages[-1], [v for v in recipients if v.end <= villages[-1].end], forward=False)
        if len(first) == len(listed) and r in first:
            return [listed[first.index(r)]]
    return listed


def _fellow_attendees(text: str, h: Mention, r: Mention) -> bool:
    """某局和某镇帮扶人员及某村干部参加了座谈会: the unit and the village's people are listed as those who
    attend; the list is no pairing (与 between the two still is one: 某局与某村党支部出席签约仪式)."""
    if h.end > r.start or _clause_start(text, h.start) != _clause_start(text, r.start):
        return False
    gap = text[h.end : r.start]
    if any(w in gap for w in ("与", "同", "跟")) or _LIST_ITEM_ADDRESS_RE.search(gap) is None:
        return False  # the village must be an item of the list the unit heads (帮助某村参与… is help)
    return _ATTEND_AFTER_RE.match(text, r.end) is not None


# Words after a village that introduce its own helper later in its clause (某村由某局帮扶, 得到某局的帮扶).
_OWN_HELPER_AFTER_RE = re.compile("|".join(OWN_HELPER_WORDS))
# How far after the village such a word may stand (某村、某村也分别得到…: the village's list between).
OWN_HELPER_WORD_WITHIN = 14


# The end of a gap that makes the village a list's item, its address written before it (及某县某镇).
_LIST_ITEM_ADDRESS_RE = re.compile(f"(?:、|和|及)(?:[{CJK}]{{1,8}}?(?:省|市|县|区|镇|乡|街道))*$")
_ATTEND_AFTER_RE = re.compile(f"[^，,；;：:。！？!?\n]{{0,12}}?(?:{'|'.join(ATTEND_VERBS)})")


def _listed_among_recipients(text: str, h: Mention, recipients: list[Mention]) -> bool:
    """帮助甲村、某小学、乙村改善条件: a unit listed between two recipients receives with them; it helps none."""
    joined_before = any(v.end <= h.start and text[v.end : h.start] == "、" for v in recipients)
    joined_after = any(v.start >= h.end and text[h.end : v.start] in ("、", "和", "及") for v in recipients)
    return joined_before and joined_after


def _team_of_another_village(h: Mention, r: Mention, recipients: list[Mention]) -> bool:
    """A unit whose name holds a village (某镇甲村驻村工作队) is that village's own team, no other's helper.
    Only a village the table has counts: 农业农村委 holds no village, though a stand-in may be read there."""
    if h.kind != "organization":
        return False
    return any(
        v.kind == "village"
        and v.place is not None
        and h.start <= v.start
        and v.end <= h.end
        and entity_uid(v) != entity_uid(r)
        for v in recipients
    )


def _helper_named_by_role_after(text: str, sent: Sentence, r: Mention, helpers: list[Mention]) -> Mention | None:
    """The first helper after ``r`` in its sentence introduced as its helper (帮扶单位某公司)."""
    for h in helpers:
        if r.end <= h.start < sent.end and text[max(sent.start, h.start - 6) : h.start].endswith(HELPER_ROLE_NOUNS):
            return h
    return None


def _names_a_post(text: str, h: Mention) -> bool:
    """某医院党委书记张三: the party body only names the leader's post; the unit is the one that acts."""
    return h.kind == "party_org" and bool(_ROLE_AFTER_RE.match(text, h.end))


def _names_a_leader(text: str, h: Mention) -> bool:
    """某学院院长张三: the unit only names a leader's post."""
    return h.kind == "organization" and _ROLE_AFTER_RE.match(text, h.end) is not None


def _helpers_before(text: str, r: Mention, helpers: list[Mention], groups: list[list[Mention]]) -> list[Mention]:
    before = [h for h in helpers if h.end <= r.start and not is_companion(text, h) and not _names_a_post(text, h)]
    # 某支部由学院院长张三带队: a unit named only by its leader's post goes along as the staff do.
    staff_only = [h for h in before if text.startswith(STAFF_AFTER, h.end) or _names_a_leader(text, h)]
    if len(staff_only) < len(before):
        before = [h for h in before if h not in staff_only]
    # The unit a sent person comes from (选派某分公司的张三, 从局机关中选派) yields to the unit that sends.
    home_only = [h for h in before if is_sent_persons_home(text, h)]
    if len(home_only) < len(before):
        before = [h for h in before if h not in home_only]
    group_before = [g for g in groups if g[0].end <= r.start]
    if group_before and (not before or group_before[-1][0].start > before[-1].start):
        return group_before[-1]
    if not before:
        return []
    chosen = before[-1]
    # A reference to a unit whose own party branch the sentence named earlier: the branch acts (某中心第一
    # 党支部…与村党支部开展共建, where 中心 stands for the unit).
    unit = referent(chosen)
    for h in before:
        if h.kind == "party_org" and h.extra.get("unit_uid") == unit.uid and h is not chosen:
            chosen = h
            break
    chosen_list = _with_listed(text, chosen, before, forward=False)
    # 某局邀请某公司专家到某村…: the unit that invites helps with the one it invites
    inviter = next((h for h in reversed(before) if h.end <= chosen.start and h is not chosen), None)
    if (
        inviter is not None
        and text.endswith(INVITED_BEFORE, 0, chosen.start)
        and _INVITED_BY_RE.fullmatch(text, inviter.end, chosen.start)
    ):
        chosen_list = [inviter, *chosen_list]
    return chosen_list


# What stands between a unit and the unit it invites (某局邀请, 某局积极邀请, 某工作队还邀请了).
_INVITED_BY_RE = re.compile(r"(?:积极|多次|专门|还|又|先后)?邀请(?:了)?")


def helpers_before_recipient(
    text: str, r: Mention, helpers: list[Mention], groups: list[list[Mention]]
) -> list[Mention]:
    """The helpers that govern a recipient standing at ``r`` from before it (for the topic village)."""
    return _helpers_before(text, r, helpers, groups)


def _helpers_after(text: str, r: Mention, helpers: list[Mention], recipients: list[Mention]) -> list[Mention]:
    after = [h for h in helpers if h.start >= r.end and not is_companion(text, h)]
    if not after:
        return []
    first = after[0]
    # Villages listed with the helpers after a recipient act with them (与该村签约的有A村、B公司), but
    # not those listed with the recipient itself (A村、B村与某局…: both receive).
    villages = [v for v in recipients if v.kind == "village"]
    co_recipients = {id(v) for v in _with_listed(text, r, [v for v in villages if v.start >= r.start], forward=True)}
    listed = sorted(
        after
        + [v for v in villages if v.start >= r.end and entity_uid(v) != entity_uid(r) and id(v) not in co_recipients],
        key=lambda m: m.start,
    )
    group = _with_listed(text, first, listed, forward=True)
    group += _with_listed(text, first, listed, forward=False)[:-1]
    # 先在甲村察看…；之后来到乙村，参观由某局帮扶建起的…: another village stands between the recipient and
    # the helper and is not listed with the helper, so the helper is that nearer village's, not this one's.
    if any(r.end <= v.start and v.end <= first.start and v not in group for v in listed):
        return []
    return sorted({id(m): m for m in group}.values(), key=lambda m: m.start)


def listed_with(text: str, anchor: Mention, candidates: list[Mention]) -> list[Mention]:
    """The anchor and the mentions listed after it (A、B和C)."""
    return _with_listed(text, anchor, candidates, forward=True)


def _with_listed(text: str, anchor: Mention, candidates: list[Mention], *, forward: bool) -> list[Mention]:
    """The anchor and the mentions joined to it by 、/和/及/以及, in the given direction."""
    out = [anchor]
    ordered = sorted(candidates, key=lambda m: m.start, reverse=not forward)
    current = anchor
    for m in ordered:
        if forward and m.start < current.end or not forward and m.end > current.start:
            continue
        gap = text[current.end : m.start] if forward else text[m.end : current.start]
        if _LIST_JOINER_RE.match(gap.strip()) is None and _UNREAD_BRANCHES_RE.match(gap) is None:
            break
        out.append(m)
        current = m
    return out if forward else list(reversed(out))


# 某局城管大队支部、机关支部、物业支部和某公司支部: a unit's further branches listed by their bare names, which name
# no unit of their own, stand in the list and do not end it.
_UNREAD_BRANCHES_RE = re.compile(f"^[、和及](?:[{CJK}]{{1,6}}?(?:党支部|支部|党总支|党小组)[、和及])+$")


def _distributed(
    text: str, sent: Sentence, helpers: list[Mention], recipients: list[Mention], done: set[int]
) -> list[Pair]:
    """``A、B、C分别与X村、Y村、Z村结对`` and ``X村、Y村分别由A、B结对帮扶``: two lists of the same
    length, on either side of 分别, pair in order."""
    at = text.find("分别", sent.start, sent.end)
    if at < 0:
        return []
    helpers_before = [h for h in helpers if h.end <= at]
    recipients_before = [r for r in recipients if r.end <= at]
    if helpers_before:
        # Of names starting at one place, a party organization (某公司党委分别…) rather than the unit in it.
        same_start = [h for h in helpers_before if h.start == helpers_before[-1].start]
        parties = [h for h in same_start if h.kind == "party_org"]
        last = min(parties, key=lambda h: h.end) if parties else helpers_before[-1]
        helper_list = _with_listed(text, last, helpers_before, forward=False)
        recipient_list = _recipient_list(text, [r for r in recipients if r.start > at])
    elif recipients_before:
        helpers_after = [h for h in helpers if h.start > at]
        helper_list = _with_listed(text, helpers_after[0], helpers_after, forward=True) if helpers_after else []
        recipient_list = _recipient_list(text, recipients_before, backward=True)
    else:
        return []
    # A list read only in part (甲、某会、丙分别…, 某会 no unit the rules know) still has two or more units.
    listed = len(helper_list) >= 2 or (
        bool(helper_list) and helper_list[0].start > 0 and text[helper_list[0].start - 1] == "、"
    )
    if listed and len(recipient_list) >= 2 and len(helper_list) != len(recipient_list):
        # 甲、乙、丙分别进驻X村、Y村: each unit went to one village, but the lists do not say which to which
        # (a unit left unread, or several to one village). No pair is safer than giving every village to
        # the nearest unit or to all of them.
        # Every village on 分别's side of the sentence, also those a list read only in part left out.
        done.update(id(r) for r in recipients if (r.start > at if helpers_before else r.end <= at))
        return []
    if len(helper_list) < 2 or len(helper_list) != len(recipient_list):
        return []
    out: list[Pair] = []
    for h, r in zip(helper_list, recipient_list, strict=True):
        out.append((h, r, "pairing_distributed_in_order", 0.85))
        done.add(id(r))
    return out


def _assigned_as(
    text: str, sent: Sentence, helpers: list[Mention], recipients: list[Mention], done: set[int]
) -> list[Pair]:
    """``县委组织部将某村定为某局的帮扶村``: the organ that assigns is the subject, the unit after 定为 the
    helper of the village before it (also 某村被确定为某局联系点, 某村成为某公司的结对村)."""
    out: list[Pair] = []
    for verb in _ASSIGNED_AS_RE.finditer(text, sent.start, sent.end):
        helper = next((h for h in helpers if h.start == verb.end()), None)
        if helper is None or not _ASSIGNED_ROLE_RE.match(text, helper.end):
            continue
        before = [r for r in recipients if r.end <= verb.start() and id(r) not in done]
        if not before:
            continue
        recipient = before[-1]
        # The recipient's own clause (or the one the verb opens after it): 将某村定为…, 某村，被定为…
        if _clause_start(text, recipient.start) < _clause_start(text, verb.start()) - 1:
            continue
        for r in _with_listed(text, recipient, before, forward=False):
            out.append((helper, r, "pairing_assigned_as", 0.85))
            done.add(id(r))
    return out


_ASSIGNED_AS_RE = re.compile("|".join(sorted(ASSIGNED_AS_VERBS, key=len, reverse=True)))
_ASSIGNED_ROLE_RE = re.compile("(?:的)?(?:" + "|".join(sorted(ASSIGNED_ROLE_NOUNS, key=len, reverse=True)) + ")")


def _listed_pairs(text: str, helpers: list[Mention], recipients: list[Mention], done: set[int]) -> list[Pair]:
    """``县审计局—长岭村；县财政局—石门村``: a helper and a village joined by a dash are a pair."""
    out: list[Pair] = []
    for r in recipients:
        dash = _DASH_RE.search(text, max(0, r.start - 3), r.start)
        if dash is None or dash.end() != r.start:
            continue
        h = next((h for h in helpers if h.end == dash.start()), None)
        if h is not None:
            out.append((h, r, "pairing_listed_pair", 0.8))
            done.add(id(r))
    return out


_DASH_RE = re.compile("(?:——|—|－|-|→|–)")


def _joined_pairs(text: str, helpers: list[Mention], recipients: list[Mention], done: set[int]) -> list[Pair]:
    """``甲村和某公司、乙社区和某企业进行了村企联建试点`` (or the unit first, or 与): two or more village–unit pairs,
    each joined by 和 / 与, listed one after another; each village pairs with its own unit, not with the
    other village or the other pairs' units."""
    villages = [r for r in recipients if r.kind == "village"]
    units = [h for h in helpers if h.kind in ("organization", "party_org")]
    ordered = sorted(villages + units, key=lambda m: m.start)
    found: list[tuple[Mention, Mention]] = []
    i = 0
    run: list[tuple[Mention, Mention]] = []
    while i + 1 < len(ordered):
        a, b = ordered[i], ordered[i + 1]
        joined = text[a.end : b.start] in _PAIR_JOINERS and (a in villages) != (b in villages)
        follows = not run or text[run[-1][1].end : a.start] in PAIR_LIST_SEPARATORS
        if joined and follows:
            run.append((a, b))
            i += 2
            continue
        if len(run) >= 2:
            found += run
        run = [(a, b)] if joined else []
        i += 2 if joined else 1
    if len(run) >= 2:
        found += run
    out: list[Pair] = []
    for a, b in found:
        village, unit = (a, b) if a in villages else (b, a)
        out.append((unit, village, "pairing_joined_pair", 0.8))
        done.add(id(village))
    return out


_PAIR_JOINERS = ("和", "与", "同")


def _recipient_list(text: str, recipients: list[Mention], *, backward: bool = False) -> list[Mention]:
    """Recipients that follow one another as a list (with a party ending or a town between them)."""
    ordered = list(reversed(recipients)) if backward else list(recipients)
    if not ordered:  # 分别 with its helpers named and no recipient after it in the sentence
        return []
    out = [ordered[0]]
    for r in ordered[1:]:
        gap = text[r.end : out[-1].start] if backward else text[out[-1].end : r.start]
        gap = re.sub(r"^(?:党支部|党总支|党委|村委会|居委会)", "", gap)
        if re.fullmatch(r"(?:、|和|及|以及|与)?[^，。；、]{0,6}?", gap) is None:
            break
        if entity_uid(r) == entity_uid(out[-1]):
            continue
        out.append(r)
    return list(reversed(out)) if backward else out


def _village_to_village(
    text: str, recipients: list[Mention], triggers: list[Trigger], done: set[int], helpers: list[Mention]
) -> list[Pair]:
    """``A村与B村签订结对协议``: a community (urban) helps a village; else the first named is the helper.

    Villages listed on either side (广金村和梅陇三村、六村) all take part. Villages joined by 和 / 及 after a
    unit acting in their clause (某局牵头甲乡A村和乙乡B村定点帮扶任务) are that unit's list of recipients.
    """
    out: list[Pair] = []
    villages = [r for r in recipients if r.kind == "village"]
    for i, (a, b) in enumerate(zip(villages, villages[1:], strict=False)):
        if entity_uid(a) == entity_uid(b) or id(b) in done:
            continue
        gap = text[a.end : b.start]
        if not _VILLAGE_JOIN_RE.match(gap) and not _JOINED_AT_CLAUSE_START_RE.fullmatch(gap):
            continue
        if _closes_a_list(text, a, b, villages[:i], villages[i + 2 :]):
            continue
        if _LISTED_AFTER_UNIT_RE.match(gap) and _unit_acts_before(text, a, helpers):
            continue
        first = _with_listed(text, a, villages[: i + 1], forward=False)
        second = _with_listed(text, b, villages[i + 1 :], forward=True)
        # Only a community sends its people into a village; between villages a sending word pairs nothing.
        mutual = PAIRING if any(_is_community(v) for v in first + second) else PAIRING - SENDING
        if not any(t[2] in mutual and t[0] >= a.start and t[0] < _clause_end(text, b.end, len(text)) for t in triggers):
            continue
        helpers, others = first, second
        if all(_is_community(v) for v in second) and not any(_is_community(v) for v in first):
            helpers, others = second, first
        for h in helpers:
            for o in others:
                out.append((_as_helper(h), o, "pairing_village_with_village", 0.7))
                done.add(id(o))
        if _counted_together(text, first + second):
            # 甲村与乙镇的乙村、丙村三个村共同签署…: every village of the count takes part with every other; those
            # listed on one side pair too (the first named helps).
            for side in (first, second):
                for o in side[1:]:
                    out.append((_as_helper(side[0]), o, "pairing_villages_counted_together", 0.65))
                    done.add(id(o))
    return out


def _closes_a_list(text: str, a: Mention, b: Mention, before: list[Mention], after: list[Mention]) -> bool:
    """甲村、乙村和丙村: 和 closing a list joined by 、 is the list's last link, not two sides that pair
    (甲村与乙村 and 广金村和梅陇三村、六村 still are). Only 和 / 及 right between, 、 right before the first
    and no further village listed after the second."""
    if text[a.end : b.start] not in ("和", "及", "以及"):
        return False
    listed_before = bool(before) and text[before[-1].end : a.start] == "、"
    listed_after = bool(after) and text[b.end : after[0].start] == "、"
    return listed_before and not listed_after


# 和 / 及 right after a village (no 则 / 也 / 还, which make it a subject acting with the next): a list.
_LISTED_AFTER_UNIT_RE = re.compile(r"(?:和|及|以及)(?!村)")


def _unit_acts_before(text: str, village: Mention, helpers: list[Mention]) -> bool:
    """A unit (not a place or a village) stands before the village in its clause, not as a companion."""
    start = _clause_start(text, village.start)
    return any(
        h.kind in ("organization", "party_org")
        and start <= h.start
        and h.end <= village.start
        and not is_companion(text, h)
        for h in helpers
    )


def _counted_together(text: str, villages: list[Mention]) -> bool:
    """The villages are summed up by a count of exactly as many right after the last (…、丙村三个村的党总支)."""
    if len({entity_uid(v) for v in villages}) < 3:
        return False
    count = _VILLAGE_COUNT_RE.match(text, villages[-1].end)
    return count is not None and _COUNTS.index(count.group(1)) + 2 == len(villages)


_COUNTS = VILLAGE_LIST_COUNTS[1:]  # 二 … 十, the count of villages less two as its index
_VILLAGE_COUNT_RE = re.compile("(?:党总支|党支部|党委)?(?:等|这|共)?([" + "".join(_COUNTS) + "])个?村")


def _counted_villages_pair(text: str, recipients: list[Mention], triggers: list[Trigger], done: set[int]) -> list[Pair]:
    """``…甲村…和乙村合办工厂，两村签订联建协议``: villages counted as a clause's subject (两村, 这两个村)
    with a pairing trigger in that clause pair with each other, as villages joined by 与 do (a
    community helps a village, else the first named is the helper)."""
    out: list[Pair] = []
    seen: set[int] = set()
    for ref in recipients:
        uids = ref.extra.get("counted_with")
        if not uids or ref.start in seen or id(ref) in done:
            continue
        seen.add(ref.start)
        if _clause_start(text, ref.start) != ref.start:
            continue  # the count is not the clause's subject (为两村栽种树苗: a helper acts on both)
        clause_end = _clause_end(text, ref.end, len(text))
        if not any(t[2] in PAIRING and ref.end <= t[0] < clause_end for t in triggers):
            continue
        villages = [referent(r) for r in recipients if r.start == ref.start and r.extra.get("counted_with") == uids]
        if len(villages) < 2:
            continue
        helper = next((v for v in villages if _is_community(v)), villages[0])
        if all(_is_community(v) for v in villages):
            helper = villages[0]
        for v in villages:
            if v is not helper:
                out.append((_as_helper(helper), v, "pairing_counted_villages", 0.65))
        for r in recipients:
            if entity_uid(referent(r)) in uids:
                done.add(id(r))
    return out


def _is_community(v: Mention) -> bool:
    return v.place is not None and v.place.kind == "community"


def _as_helper(village: Mention) -> Mention:
    """A village acting as a helper: its party organization, named in the text or implied."""
    party: Mention | None = village.extra.get("party")
    if party is not None:
        return party
    return Mention(
        "party_org",
        village.start,
        village.end,
        village.surface,
        village.method,
        village.confidence,
        place=village.place,
        uid=f"party:{entity_uid(village)}:党组织",
        extra={"owner": village},
    )


def trigger_between(text: str, triggers: list[Trigger], h: Mention, r: Mention, stop: int | None = None) -> bool:
    """A trigger between the two, or in the clause of either; anywhere in the sentence when the two are
    joined by 与/和 (A与B…签订结对协议, A和B，C和D结对共建). Where the helper comes to the village
    (来到某村, 在某村召开…), any later clause of the sentence up to ``stop`` (the next other recipient)."""
    lo, hi = min(h.start, r.start), max(h.end, r.end)
    if h.end <= r.start and _JOINED_RE.fullmatch(text[h.end : r.start]):
        return True
    spans = [(lo, hi), _clause(text, r), _clause(text, h)]
    if h.end <= r.start:
        # 来到某村，举办扶贫义诊活动: the clause after the recipient's goes on with the same subject.
        clause_end = _clause(text, r)[1]
        spans.append((clause_end, _clause_end(text, clause_end + 1, len(text))))
        if stop is not None and _VISITED_RE.search(text, _clause_start(text, r.start), r.start):
            # 来到某村，开展主题党日活动，捐赠图书…: the visit's later clauses are what the visitor does there.
            spans.append((clause_end, stop))
    if stop is not None:
        # …，同时对返乡青年创业给予支持: a later clause going on with the same subject (同时, 并, 还) states
        # what the helper does for the village too, up to the next other helper or recipient.
        pos = _clause_end(text, max(h.end, r.end), len(text))
        while pos < stop and text[pos] not in "。！？!?\n":
            end = _clause_end(text, pos + 1, len(text))
            if _GOES_ON_RE.match(text, pos + 1):
                spans.append((pos + 1, min(end, stop)))
            pos = end
    # 自结对以来，某大学为某村…: an opening clause of time (…以来) states the relation for the sentence.
    opening = _clause(text, h)[0]
    if opening > 0 and text[: opening - 1].endswith(_SINCE_WORDS):
        spans.append((max(_clause_start(text, opening - 1), opening - 16), opening - 1))
    return any(a <= t[0] and t[1] <= b for t in triggers for a, b in spans)


_SINCE_WORDS = ("以来", "之后", "以后")
_GOES_ON_RE = re.compile("|".join(CLAUSE_GOES_ON))
_VISITED_RE = re.compile("(?:" + "|".join(VISIT_VERBS) + ")[^，,；;：:。]{0,12}$")


def _clause(text: str, m: Mention) -> tuple[int, int]:
    return _clause_start(text, m.start), _clause_end(text, m.end, len(text))


def _clause_start(text: str, pos: int) -> int:
    breaks = [i for i in _breaks(text) if i < pos]
    return breaks[-1] + 1 if breaks else 0


def _clause_end(text: str, pos: int, stop: int) -> int:
    return next((i for i in _breaks(text) if pos <= i < stop), stop)


_BREAKS_CACHE: dict[int, tuple[str, list[int]]] = {}


def _breaks(text: str) -> list[int]:
    """Offsets of clause breaks, leaving out punctuation inside quotes (“不忘初心，牢记使命”)."""
    cached = _BREAKS_CACHE.get(id(text))
    if cached is not None and cached[0] is text:
        return cached[1]
    out: list[int] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“「《":
            depth += 1
        elif ch in "”」》":
            depth = max(0, depth - 1)
        elif ch in "。！？!?\n":
            depth = 0
            out.append(i)
        elif ch in CLAUSE_BREAK and depth == 0:
            out.append(i)
    _BREAKS_CACHE.clear()
    _BREAKS_CACHE[id(text)] = (text, out)
    return out


def is_companion(text: str, h: Mention) -> bool:
    """会同某局…, 某局的主要负责人, 按照某办的安排: the unit goes along or instructs; it does not act."""
    if text[max(0, h.start - 2) : h.start] in COMPANION_BEFORE:
        # 邀请某公司专家到某村…: the invited unit's people do the work there
        return not (text.endswith(INVITED_BEFORE, 0, h.start) and _INVITED_TO_HELP.match(text, h.end))
    # 按照自治区、兵团党委的部署: every unit of a list that such a word opens instructs, not the first only.
    listed = _COMPANION_LIST_RE.search(text, max(0, h.start - 16), h.start)
    if listed is not None:
        return True
    return text.startswith(COMPANION_AFTER, h.end)


# 邀请 before a unit, and what it sends to the village after it.
INVITED_BEFORE = "邀请"
_INVITED_TO_HELP = re.compile(INVITED_TO_HELP_RE)
# A companion word, then list items (places or units) each closed by 、, right up to the unit.
_COMPANION_LIST_RE = re.compile("(?:" + "|".join(COMPANION_BEFORE) + f")(?:[{CJK}]{{2,10}}、)+$")


_SENT_FROM_RE = re.compile("(?:" + "|".join(SENT_FROM_VERBS) + ")$")
_POOL_AFTER_RE = re.compile("(?:" + "|".join(SENT_FROM_POOL_AFTER) + ")(?:" + "|".join(SENT_FROM_VERBS) + ")")


def is_sent_persons_home(text: str, h: Mention) -> bool:
    """选派某分公司的张三到某村任第一书记 / 从局机关中选派干部: the unit is where the sent person comes from.

    The sending verb stands right before the unit and 的 (then the person) right after it; or the unit
    is the pool of 从…中 before a sending verb.
    """
    if _SENT_FROM_RE.search(text, max(0, h.start - 2), h.start) and text.startswith("的", h.end):
        return True
    return text[max(0, h.start - 1) : h.start] == "从" and _POOL_AFTER_RE.match(text, h.end) is not None


def _first_secretary_named(text: str, r: Mention) -> bool:
    """某村第一书记张三: the village names the post of a first secretary, whose name follows."""
    role = _ROLE_AFTER_RE.match(text, r.end)
    return role is not None and role.group().endswith(SENT_ROLES) and text[role.end() : role.end() + 1] in SURNAMES


def _is_person_affiliation(text: str, r: Mention) -> bool:
    """某村党支部书记张三: the village names a leader's post here, not a recipient.

    A first secretary is the exception: 驻某村第一书记 is sent by a unit, so the village is its pair.
    """
    for end in (r.end, r.extra["party"].end if r.extra.get("party") is not None else None):
        if end is None:
            continue
        role = _ROLE_AFTER_RE.match(text, end)
        if role and not role.group().endswith(SENT_ROLES):
            return True
    return False


def clause_subjectless(text: str, sent: Sentence) -> bool:
    head = text[sent.start : sent.start + 8]
    return bool(_SUBJECTLESS_RE.match(head))
