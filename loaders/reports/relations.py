"""Stage 6, relations: who pairs with whom, sentence by sentence, and the amounts that go with it.

In a sentence with a pair word (结对, 共建, 帮扶…), each recipient (a village or town, or the village
a party branch stands for) is paired with the helper that governs it: the unit before it, the one
after it joined by 与, or, in a sentence without a subject, the previous sentence's helper. A street
named on its own acts as its office (街道办事处). Two places joined by 和/与 with a strong pair word
pair the urban community's party organization with the other place.
"""

from __future__ import annotations

import re

from loaders.reports.amounts import EvidenceAt, amounts_after_recipients, dedupe_amounts, loose_amounts
from loaders.reports.lexicon import BOUNDARY_CHARS, LEFT_VERBS, PAIR_RE, STRONG_PAIR, SUBJECTLESS_CLAUSE_STARTS
from loaders.reports.model import Fact, Mention, ReportDoc, Sentence, entity_uid
from loaders.units import org_uid

_SUBJECTLESS_RE = re.compile(r"^\s*(" + "|".join(SUBJECTLESS_CLAUSE_STARTS) + ")")


def relations(doc: ReportDoc, text: str, sents: list[Sentence], places: list[Mention],
              orgs: list[Mention], ev: EvidenceAt) -> list[Fact]:
    """Pairing facts sentence by sentence, with the projects (amounts) of each sentence."""
    facts: list[Fact] = []
    last_helper: Mention | None = None
    for sent in sents:
        chunk = text[sent.start:sent.end]
        helpers_in = [m for m in orgs if sent.start <= m.start < sent.end and is_helper(m)]
        helpers_in += [street_office(m) for m in places if sent.start <= m.start < sent.end
                       and is_street_office(m, places)]
        helpers_in.sort(key=lambda m: m.start)
        recips_in = [m for m in places if sent.start <= m.start < sent.end and m.kind in ("village", "town")
                     and not is_chain_prefix(m, places) and not is_street_office(m, places)]
        # A village's party organization stands for the village.
        for m in orgs:
            owner = m.extra.get("owner")
            if sent.start <= m.start < sent.end and owner is not None and owner not in recips_in:
                recips_in.append(owner)
        keywords = list(PAIR_RE.finditer(chunk))
        # Who gave an amount the sentence names without a pair: its own helper, or the last one
        # when the sentence goes on without a subject.
        sentence_helper = helpers_in[0] if helpers_in else (
            last_helper if clause_subjectless(text, sent) else None)
        if not keywords or not recips_in:
            if keywords or helpers_in:
                facts.extend(loose_amounts(doc, text, sent, sentence_helper, recips_in, ev))
            if helpers_in:
                last_helper = helpers_in[-1]
            continue
        # Clauses split at ; / ，: each clause's helper is its own or the one before it.
        pairs = pair_helpers_recipients(text, sent, helpers_in, recips_in, last_helper, orgs)
        if not pairs and not helpers_in and any(k.group() in STRONG_PAIR for k in keywords):
            pairs = place_to_place_pairs(text, sent, recips_in, orgs)
        done: set[tuple[str | None, str | None]] = set()
        for helper, recipient, method, conf in pairs:
            kw = PAIR_RE.search(text, min(helper.start, recipient.start) if helper.start >= sent.start else sent.start, sent.end)
            kind = kw.group() if kw else keywords[0].group()
            if (helper.uid, rec_key := entity_uid(recipient)) in done:
                continue
            done.add((helper.uid, rec_key))
            if kind not in STRONG_PAIR and conf > 0.7:
                conf = 0.7
            rec_uid = entity_uid(recipient)
            owner = helper.extra.get("owner")
            helper_name = helper.surface
            if owner is not None and "expanded" in owner.extra:
                helper_name = owner.extra["expanded"] + helper.surface[len(owner.surface):]
            data = {"helper_uid": helper.uid, "helper_name": helper_name, "helper_kind": helper.kind,
                    "helper_org_kind": helper.extra.get("org_kind"),
                    "helper_district_code": helper.extra.get("district_code"),
                    "recipient_uid": rec_uid, "recipient_name": recipient.surface,
                    "recipient_full_name": recipient.extra.get(
                        "expanded", recipient.place.name if recipient.place else recipient.surface),
                    "recipient_level": recipient.kind,
                    "recipient_code": recipient.place.code if recipient.place else None,
                    "relation": kind}
            start = min(helper.start, recipient.start) if helper.start >= sent.start else recipient.start
            end = max(helper.end, recipient.end) if helper.start >= sent.start else recipient.end
            facts.append(Fact("pairing", data, ev(start, end, method, conf * min(1.0, recipient.confidence + 0.1))))
        paired_amounts = amounts_after_recipients(doc, text, sent, pairs, ev)
        if not paired_amounts:
            paired_amounts = loose_amounts(doc, text, sent, sentence_helper, recips_in, ev)
        facts.extend(paired_amounts)
        if helpers_in:
            last_helper = helpers_in[-1]
    return dedupe_amounts(facts)


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


def street_office(m: Mention) -> Mention:
    assert m.place is not None
    return Mention("organization", m.start, m.end, m.surface, m.method, m.confidence, place=None,
                   uid=org_uid(m.place.name),
                   extra={"org_kind": "street_office", "district_code": m.place.code[:6], "town_code": m.place.code})


def is_chain_prefix(m: Mention, places: list[Mention]) -> bool:
    """崇明区堡镇四滧村: the town is only the village's address here."""
    return any(p.start == m.end and p.kind == "village" for p in places)


def district_near(m: Mention, places: list[Mention]) -> str | None:
    for p in places:
        if p.end == m.start and p.place is not None and p.kind in ("district", "town"):
            return p.place.code[:6]
    return None


def pair_helpers_recipients(text: str, sent: Sentence, helpers: list[Mention], recips: list[Mention],
                            last_helper: Mention | None, orgs: list[Mention]
                            ) -> list[tuple[Mention, Mention, str, float]]:
    """Pair every recipient with the helper that governs it."""
    out: list[tuple[Mention, Mention, str, float]] = []
    recips = sorted({id(r): r for r in recips}.values(), key=lambda m: m.start)
    for r in recips:
        # X与Y / X和Y: the helper right before a 与/和 that precedes the recipient.
        before = [h for h in helpers if h.end <= r.start]
        helper: Mention | None = None
        method = "pairing_subject_before_recipient"
        conf = 0.8
        if before:
            helper = before[-1]
            between = text[helper.end:r.start]
            if PAIR_RE.search(between) or re.search(r"^[与和同]", between) or "与" in between:
                conf = 0.85
            elif len(between) > 40:
                conf = 0.6
        else:
            after = [h for h in helpers if h.start >= r.end]
            if after and re.search(r"^[和与同]", text[r.end:after[0].start]) is None and "与" in text[sent.start:r.start]:
                helper, method, conf = after[0], "pairing_recipient_before_helper", 0.6
            elif last_helper is not None and not helpers and clause_subjectless(text, sent):
                helper, method, conf = last_helper, "pairing_helper_from_previous_sentence", 0.55
        if helper is None:
            continue
        out.append((helper, r, method, conf))
    return out


def place_to_place_pairs(text: str, sent: Sentence, recips: list[Mention], orgs: list[Mention]
                         ) -> list[tuple[Mention, Mention, str, float]]:
    """``A村党支部和B社区党支部共建``: two places joined by 和/与; the urban one (a community) helps."""
    recips = sorted({id(r): r for r in recips}.values(), key=lambda m: m.start)
    if len(recips) < 2:
        return []
    urban = [r for r in recips if r.place is not None and r.place.kind == "community"]
    rural = [r for r in recips if r not in urban]
    if not urban or not rural or not re.search("[和与同]", text[recips[0].end:recips[-1].start]):
        return []
    party_of = {id(m.extra.get("owner")): m for m in orgs if m.extra.get("owner") is not None}
    out = []
    for u in urban:
        helper = party_of.get(id(u))
        if helper is None:
            helper = Mention("party_org", u.start, u.end, u.surface, u.method, u.confidence, place=u.place,
                             uid=f"party:{entity_uid(u)}:党组织", extra={"owner": u})
        for r in rural:
            out.append((helper, r, "pairing_urban_place_with_rural_place", 0.7))
    return out


def clause_subjectless(text: str, sent: Sentence) -> bool:
    head = text[sent.start:sent.start + 8]
    return bool(_SUBJECTLESS_RE.match(head))
