"""Stage 6, relations: which helper pairs with or helps which village, sentence by sentence.

A sentence states a relation when it holds a trigger (``lexicon.PAIRING_TRIGGERS``: 结对, 包扶, 驻村,
联系点, 签订…协议; ``lexicon.ASSISTANCE_TRIGGERS``: 帮助, 捐赠, 援建, 投入…) and a recipient: a
village or town, a village's party branch (it stands for the village), or a word pointing back at a
village (该村, 这里是…结对村; ``references``). Each recipient gets the helper that governs it:

1. ``分别``: a list of helpers and a list of recipients of the same length pair in order;
2. the nearest helper before it in the sentence — skipping companions (会同某局的负责人, 按照某办的
   安排) — with the helpers listed together with it (A、B和C共同…) or the units a group word stands
   for (几家党支部 → the sentence before's party branches);
3. else the first helper after it (某村与某公司签约, 某村是某集团的联系点, 与该村签订协议的有A、B);
4. else, in a sentence without a subject of its own (还, 同时…), the previous sentence's helper.

A trigger must stand between the two or in the clause of one of them. Two villages joined by 与/和
with a pairing trigger and no unit in between pair with each other (村村结对): a community helps a
village; otherwise the first named is taken as the helper, and either side may be read as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.reports.amounts import EvidenceAt, amounts_after_recipients, dedupe_amounts, loose_amounts
from loaders.reports.lexicon import (
    BOTH_SIDES_WORDS,
    BOUNDARY_CHARS,
    CJK,
    COMPANION_AFTER,
    COMPANION_BEFORE,
    LEFT_VERBS,
    PAIR_RE,
    PAIRING_TRIGGERS,
    ROLE_CORES,
    ROLE_PREFIXES,
    SUBJECTLESS_CLAUSE_STARTS,
    TRIGGER_RE,
)
from loaders.reports.model import Fact, Mention, ReportDoc, Sentence, entity_uid
from loaders.reports.references import (
    SentenceIndex,
    group_references,
    referent,
    unit_references,
    village_references,
)
from loaders.units import org_uid

_SUBJECTLESS_RE = re.compile(r"^\s*(" + "|".join(SUBJECTLESS_CLAUSE_STARTS) + ")")
_CLAUSE_BREAK = "，,；;：:"
_LIST_JOINER_RE = re.compile(r"^(?:、|和|及|以及|与|同|跟|，以及)$")
_ROLE_AFTER_RE = re.compile("(?:" + "|".join(ROLE_PREFIXES) + ")*(?:" + "|".join(
    sorted(ROLE_CORES, key=len, reverse=True)) + ")")
_PAIRING = frozenset(PAIRING_TRIGGERS)
# Roles a unit sends to a village: the village they serve in is the unit's pair, not just a post.
SENT_ROLES = ("第一书记",)
# What may stand between a helper and the recipient it is joined to: its leaders, a party body, a town.
_JOINED_RE = re.compile(f"(?:党政领导班子|领导班子|党组织|党委|党支部|党总支)?(?:与|和|同|跟)[{CJK}]{{0,8}}")
_VILLAGE_JOIN_RE = re.compile(r"^(?:党支部|党总支|党委|村委会|居委会)?(?:则|也|还)?(?:与|和|同|跟)")

Pair = tuple[Mention, Mention, str, float]


def relations(doc: ReportDoc, text: str, sents: list[Sentence], places: list[Mention],
              orgs: list[Mention], ev: EvidenceAt) -> list[Fact]:
    """Pairing facts sentence by sentence, with the projects (amounts) of each sentence."""
    sent_no = SentenceIndex(sents)
    villages = [m for m in places if m.kind == "village"]
    helpers = [m for m in orgs if is_helper(m)]
    helpers += [street_office(m, text) for m in places if is_street_office(m, places)]
    helpers += unit_references(text, sent_no, orgs, doc.uid)
    helpers.sort(key=lambda m: m.start)
    groups = group_references(text, sent_no, helpers)
    recipients = [m for m in places if m.kind in ("village", "town")
                  and not is_chain_prefix(m, places, text) and not is_street_office(m, places)]
    # A village's party organization stands for the village, where the text names it.
    recipients += [_standing_for_owner(m) for m in orgs if m.extra.get("owner") is not None]
    recipients += village_references(text, sent_no, villages)
    recipients.sort(key=lambda m: m.start)

    named = sorted(orgs + [p for p in places if p.kind != "village" or p.place is not None], key=lambda m: m.start)

    def names_in(sent: Sentence) -> list[Mention]:
        return [n for n in named if sent.start <= n.start < sent.end]

    facts: list[Fact] = []
    last_subject: Mention | None = None
    for sent in sents:
        helpers_in = [h for h in helpers if sent.start <= h.start < sent.end]
        groups_in = [g for g in groups if sent.start <= g[0].start < sent.end]
        recips_in = [r for r in recipients if sent.start <= r.start < sent.end]
        # A trigger inside a name is part of the name (专业合作社, 某援建指挥部): not a relation.
        triggers = [(m.start(), m.end(), m.group()) for m in TRIGGER_RE.finditer(text, sent.start, sent.end)
                    if not any(n.start <= m.start() < n.end for n in names_in(sent))]
        actors = [h for h in helpers_in if not _companion(text, h)]
        subject = actors[0] if actors else (last_subject if clause_subjectless(text, sent) else None)
        if triggers and not recips_in and not helpers_in and any(t[2] in _PAIRING for t in triggers):
            both = _both_sides(text, sent, last_subject, recipients)
            if both is not None:
                facts.extend(_pairing_facts(doc.text, sent, [both], triggers, ev))
        if not triggers or not recips_in:
            # Amounts without a pair: only in sentences about pairing or gifts (the amounts' own test).
            if PAIR_RE.search(text, sent.start, sent.end) or helpers_in:
                facts.extend(loose_amounts(doc, text, sent, subject, recips_in, ev))
            if actors:
                last_subject = actors[0]
            continue
        pairs = _pairs(text, sent, helpers_in, groups_in, recips_in, triggers, last_subject)
        facts.extend(_pairing_facts(doc.text, sent, pairs, triggers, ev))
        paired_amounts = amounts_after_recipients(doc, text, sent, pairs, ev)
        if not paired_amounts:
            paired_amounts = loose_amounts(doc, text, sent, subject, recips_in, ev)
        facts.extend(paired_amounts)
        if actors:
            last_subject = actors[0]
    return dedupe_amounts(facts)


def _both_sides(text: str, sent: Sentence, last_subject: Mention | None, recipients: list[Mention]) -> Pair | None:
    """``双方签订了结对协议``: the helper and the village of the sentence before pair."""
    if last_subject is None:
        return None
    said = next((m for m in _BOTH_SIDES_RE.finditer(text, sent.start, sent.end)), None)
    if said is None or text[said.end():said.end() + 1] == "的":
        return None  # 双方 must be a clause's subject (双方签订…), not a possessor (双方的…)
    previous = [r for r in recipients if r.kind == "village" and last_subject.start <= r.start < sent.start
                and _same_sentence(text, last_subject.start, r.start)]
    if not previous or len({entity_uid(r) for r in previous}) != 1:
        return None  # 双方 is clear only when the sentence before named the helper and one village
    return (last_subject, previous[-1], "pairing_both_sides_named_before", 0.7)


_BOTH_SIDES_RE = re.compile(r"(?:^|(?<=[，,；;:：\n。]))(?:" + "|".join(BOTH_SIDES_WORDS) + ")")


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not any(ch in "。！？!?\n" for ch in text[a:b])


def _standing_for_owner(party: Mention) -> Mention:
    """The village (or town) a place's party organization belongs to, at the party organization's span."""
    owner: Mention = party.extra["owner"]
    return Mention(owner.kind, party.start, party.end, owner.surface, owner.method, owner.confidence,
                   place=owner.place, resolution=owner.resolution, uid=owner.uid,
                   extra={**owner.extra, "party": party, "refers_to": owner})


def _pairs(text: str, sent: Sentence, helpers: list[Mention], groups: list[list[Mention]],
           recipients: list[Mention], triggers: list[tuple[int, int, str]],
           last_subject: Mention | None) -> list[Pair]:
    pairs: list[Pair] = []
    done: set[int] = set()
    acting_as_helper: set[str | None] = set()
    pairs += _distributed(text, sent, helpers, recipients, done)
    # Villages that pair with each other (A村则和B村签订协议) act in their own clause: settle them first.
    for h, r, method, conf in _village_to_village(text, recipients, triggers, done):
        pairs.append((h, r, method, conf))
        acting_as_helper.add(entity_uid(referent(h.extra.get("owner", h))))
    for r in recipients:
        if id(r) in done or entity_uid(r) in acting_as_helper or _is_person_affiliation(text, r):
            continue
        chosen = _helpers_before(text, r, helpers, groups)
        method, conf = "pairing_helper_before_recipient", 0.85
        if not chosen:
            chosen = _helpers_after(text, r, helpers, recipients)
            method, conf = "pairing_helper_after_recipient", 0.7
            for h in chosen:
                if h.kind in ("village", "town"):
                    acting_as_helper.add(entity_uid(h))
        if not chosen and last_subject is not None and not helpers and clause_subjectless(text, sent):
            chosen = [last_subject]
            method, conf = "pairing_helper_from_previous_sentence", 0.55
        for h in chosen:
            if h.start >= sent.start and not _trigger_between(text, triggers, h, r):
                continue
            if h.start < sent.start and not any(t[0] < _clause_end(text, r.end, sent.end) for t in triggers):
                continue
            pairs.append((h, r, method, conf))
            done.add(id(r))
    return pairs


def _helpers_before(text: str, r: Mention, helpers: list[Mention], groups: list[list[Mention]]) -> list[Mention]:
    before = [h for h in helpers if h.end <= r.start and not _companion(text, h)]
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
    return _with_listed(text, chosen, before, forward=False)


def _helpers_after(text: str, r: Mention, helpers: list[Mention], recipients: list[Mention]) -> list[Mention]:
    after = [h for h in helpers if h.start >= r.end and not _companion(text, h)]
    if not after:
        return []
    first = after[0]
    # Villages listed with the helpers after a recipient act with them (与该村签约的有A村、B公司).
    listed = sorted(after + [v for v in recipients if v.start >= r.end and v.kind == "village"
                             and entity_uid(v) != entity_uid(r)], key=lambda m: m.start)
    group = _with_listed(text, first, listed, forward=True)
    group += _with_listed(text, first, listed, forward=False)[:-1]
    return sorted({id(m): m for m in group}.values(), key=lambda m: m.start)


def _with_listed(text: str, anchor: Mention, candidates: list[Mention], *, forward: bool) -> list[Mention]:
    """The anchor and the mentions joined to it by 、/和/及/以及, in the given direction."""
    out = [anchor]
    ordered = sorted(candidates, key=lambda m: m.start, reverse=not forward)
    current = anchor
    for m in ordered:
        if forward and m.start < current.end or not forward and m.end > current.start:
            continue
        gap = text[current.end:m.start] if forward else text[m.end:current.start]
        if _LIST_JOINER_RE.match(gap.strip()) is None:
            break
        out.append(m)
        current = m
    return out if forward else list(reversed(out))


def _distributed(text: str, sent: Sentence, helpers: list[Mention], recipients: list[Mention],
                 done: set[int]) -> list[Pair]:
    """``A、B、C分别与X村、Y村、Z村结对``: two lists of the same length pair in order."""
    at = text.find("分别", sent.start, sent.end)
    if at < 0:
        return []
    before = [h for h in helpers if h.end <= at]
    after = [r for r in recipients if r.start > at]
    if not before or not after:
        return []
    helper_list = _with_listed(text, before[-1], before, forward=False)
    # Recipients may carry a party ending or a town before them; keep those whose order is a list.
    recipient_list = _recipient_list(text, after)
    if len(helper_list) < 2 or len(helper_list) != len(recipient_list):
        return []
    out: list[Pair] = []
    for h, r in zip(helper_list, recipient_list):
        out.append((h, r, "pairing_distributed_in_order", 0.85))
        done.add(id(r))
    return out


def _recipient_list(text: str, recipients: list[Mention]) -> list[Mention]:
    out = [recipients[0]]
    for r in recipients[1:]:
        gap = text[out[-1].end:r.start]
        gap = re.sub(r"^(?:党支部|党总支|党委|村委会|居委会)", "", gap)
        if re.fullmatch(r"(?:、|和|及|以及|与)?[^，。；、]{0,6}?", gap) is None:
            break
        if entity_uid(r) == entity_uid(out[-1]):
            continue
        out.append(r)
    return out


def _village_to_village(text: str, recipients: list[Mention], triggers: list[tuple[int, int, str]],
                        done: set[int]) -> list[Pair]:
    """``A村与B村签订结对协议``: a community (urban) helps a village; else the first named is the helper.

    Villages listed on either side (广金村和梅陇三村、六村) all take part.
    """
    out: list[Pair] = []
    villages = [r for r in recipients if r.kind == "village"]
    for i, (a, b) in enumerate(zip(villages, villages[1:])):
        if entity_uid(a) == entity_uid(b) or id(b) in done:
            continue
        if not _VILLAGE_JOIN_RE.match(text[a.end:b.start]):
            continue
        if not any(t[2] in _PAIRING and t[0] >= a.start and t[0] < _clause_end(text, b.end, len(text))
                   for t in triggers):
            continue
        first = _with_listed(text, a, villages[:i + 1], forward=False)
        second = _with_listed(text, b, villages[i + 1:], forward=True)
        helpers, others = first, second
        if all(_is_community(v) for v in second) and not any(_is_community(v) for v in first):
            helpers, others = second, first
        for h in helpers:
            for o in others:
                out.append((_as_helper(h), o, "pairing_village_with_village", 0.7))
                done.add(id(o))
    return out


def _is_community(v: Mention) -> bool:
    return v.place is not None and v.place.kind == "community"


def _as_helper(village: Mention) -> Mention:
    """A village acting as a helper: its party organization, named in the text or implied."""
    party: Mention | None = village.extra.get("party")
    if party is not None:
        return party
    return Mention("party_org", village.start, village.end, village.surface, village.method, village.confidence,
                   place=village.place, uid=f"party:{entity_uid(village)}:党组织", extra={"owner": village})


def _trigger_between(text: str, triggers: list[tuple[int, int, str]], h: Mention, r: Mention) -> bool:
    """A trigger between the two, or in the clause of either; anywhere in the sentence when the two are
    joined by 与/和 (A与B…签订结对协议, A和B，C和D结对共建)."""
    lo, hi = min(h.start, r.start), max(h.end, r.end)
    if h.end <= r.start and _JOINED_RE.fullmatch(text[h.end:r.start]):
        return True
    spans = [(lo, hi), _clause(text, r), _clause(text, h)]
    if h.end <= r.start:
        # 来到某村，举办扶贫义诊活动: the clause after the recipient's goes on with the same subject.
        clause_end = _clause(text, r)[1]
        spans.append((clause_end, _clause_end(text, clause_end + 1, len(text))))
    return any(a <= t[0] and t[1] <= b for t in triggers for a, b in spans)


def _clause(text: str, m: Mention) -> tuple[int, int]:
    breaks = [i for i in _breaks(text) if i < m.start]
    return (breaks[-1] + 1 if breaks else 0), _clause_end(text, m.end, len(text))


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
        elif ch in _CLAUSE_BREAK and depth == 0:
            out.append(i)
    _BREAKS_CACHE.clear()
    _BREAKS_CACHE[id(text)] = (text, out)
    return out


def _companion(text: str, h: Mention) -> bool:
    """会同某局…, 某局的主要负责人, 按照某办的安排: the unit goes along or instructs; it does not act."""
    if text[max(0, h.start - 2):h.start] in COMPANION_BEFORE:
        return True
    return text.startswith(COMPANION_AFTER, h.end)


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


def _pairing_facts(original: str, sent: Sentence, pairs: list[Pair], triggers: list[tuple[int, int, str]],
                   ev: EvidenceAt) -> list[Fact]:
    """Pairing facts; names are taken as written in the document (``original``), not as matched."""
    facts: list[Fact] = []
    done: set[tuple[str | None, str | None]] = set()
    for helper, recipient, method, conf in pairs:
        key = (helper.uid, entity_uid(recipient))
        if key in done:
            continue
        done.add(key)
        kind = _nearest_trigger(triggers, recipient)
        if kind not in _PAIRING and conf > 0.7:
            conf = 0.7
        if helper.extra.get("needs_name"):
            conf = min(conf, 0.45)  # 我校 with no school named: a person must say which unit it is
        named = referent(helper)
        as_written = original[named.start:named.end]
        helper_name = named.extra.get("full_name", named.surface)
        if helper_name == named.surface:
            helper_name = as_written
        owner = named.extra.get("owner")
        if owner is not None and "expanded" in owner.extra:
            helper_name = owner.extra["expanded"] + named.surface[len(owner.surface):]
        data = {"helper_uid": helper.uid, "helper_name": helper_name, "helper_kind": helper.kind,
                "helper_org_kind": helper.extra.get("org_kind"),
                "helper_district_code": helper.extra.get("district_code"),
                "helper_place_code": owner.place.code if owner is not None and owner.place else None,
                "recipient_uid": entity_uid(recipient),
                "recipient_name": original[referent(recipient).start:referent(recipient).end],
                "recipient_full_name": recipient.extra.get(
                    "expanded", recipient.place.name if recipient.place else referent(recipient).surface),
                "recipient_level": recipient.kind,
                "recipient_code": recipient.place.code if recipient.place else None,
                "relation": kind}
        in_sentence = helper.start >= sent.start
        start = min(helper.start, recipient.start) if in_sentence else recipient.start
        end = max(helper.end, recipient.end) if in_sentence else recipient.end
        facts.append(Fact("pairing", data, ev(start, end, method, conf * min(1.0, recipient.confidence + 0.1))))
    return facts


def _nearest_trigger(triggers: list[tuple[int, int, str]], m: Mention) -> str:
    return min(triggers, key=lambda t: min(abs(t[0] - m.end), abs(m.start - t[1])))[2]


def is_helper(m: Mention) -> bool:
    if m.kind == "organization":
        return True
    return m.kind == "party_org" and m.extra.get("owner") is None


def is_street_office(m: Mention, places: list[Mention]) -> bool:
    """A 街道 named on its own acts as its office (街道办事处), the usual urban helper."""
    return (m.kind == "town" and m.place is not None and m.place.kind == "street"
            and m.surface.endswith("街道") and not is_chain_prefix(m, places))


def acts(text: str, m: Mention) -> bool:
    """The street is the subject of a clause (starts it, or is followed by a verb-like word)."""
    before = text[m.start - 1:m.start]
    return not before or before in BOUNDARY_CHARS or text[m.start - 2:m.start] in LEFT_VERBS


def street_office(m: Mention, text: str = "") -> Mention:
    """The street's office as a unit; ``某街道办事处`` keeps its full name."""
    assert m.place is not None
    end = m.end
    for word in ("办事处", "办"):
        if text.startswith(word, m.end):
            end = m.end + len(word)
            break
    return Mention("organization", m.start, end, m.surface + text[m.end:end], m.method, m.confidence, place=None,
                   uid=org_uid(m.place.name),
                   extra={"org_kind": "street_office", "district_code": m.place.code[:6], "town_code": m.place.code})


def is_chain_prefix(m: Mention, places: Iterable[Mention], text: str = "") -> bool:
    """崇明区堡镇四滧村, 溪尾镇的老区基点村仙洋村: the town is only the village's address here."""
    for p in places:
        if p.kind != "village" or p.start < m.end:
            continue
        if p.start == m.end:
            return True
        gap = text[m.end:p.start]
        if gap.startswith("的") and len(gap) <= 8 and not any(ch in _CLAUSE_BREAK + "、和与及" for ch in gap):
            return True
    return False


def district_near(m: Mention, places: list[Mention]) -> str | None:
    for p in places:
        if p.end == m.start and p.place is not None and p.kind in ("district", "town"):
            return p.place.code[:6]
    return None


def clause_subjectless(text: str, sent: Sentence) -> bool:
    head = text[sent.start:sent.start + 8]
    return bool(_SUBJECTLESS_RE.match(head))
