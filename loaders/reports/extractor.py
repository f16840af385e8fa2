"""The extractor: runs the stages over one document and turns their mentions into facts.

``Extractor`` holds what is built once (the place index, its name matcher, the recorded review
decisions); ``Extractor.extract`` is then pure — no files, no database — and fast. The stages, in
order: places (``places``), villages (``villages``), units and party organizations
(``organizations``) and which of them are one unit (``unit_identity``), persons (``people``),
references back (``references``), relations (``relations``, choosing helpers with ``pairing``) with
their amounts (``amounts``), and claims. Every fact's evidence is checked against the text before it is returned.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from typing import Any

from loaders.places import PlaceIndex
from loaders.reports.amounts import claims
from loaders.reports.model import Evidence, EvidenceError, Extraction, Fact, Mention, ReportDoc, Sentence, entity_uid
from loaders.reports.organizations import drop_founded_units, drop_overlaps, drop_street_addresses, org_mentions
from loaders.reports.people import persons as person_mentions
from loaders.reports.people import units_read_into_roles
from loaders.reports.places import (
    Matcher,
    admin_mentions,
    document_region,
    named_cities,
    resolve_admin,
    town_misspellings,
)
from loaders.reports.reading import PART_CHARS, matching_text, parts, sentence_lookup, sentences
from loaders.reports.recognizer import Recognizer
from loaders.reports.relations import (
    acts,
    district_near,
    home_unit_facts,
    is_street_office,
    relations,
    street_office,
)
from loaders.reports.unit_identity import (
    place_prefix_from,
    place_sides,
    short_forms,
    trim_to_known_names,
    unify_variants,
    units_described_as_subsidiaries,
    units_named_by_role,
    units_named_by_their_chief,
    units_named_in_pairs,
)
from loaders.reports.villages import VillageFinder, shortened_village_names

# A town name shared by more towns than this is too common to settle a village by.
AMBIGUOUS_TOWN_CANDIDATES = 12


class Extractor:
    """Holds the index and matcher (built once); ``extract`` is then pure and fast."""

    def __init__(
        self,
        index: PlaceIndex,
        matcher: Matcher | None = None,
        decisions: dict[str, str | None] | None = None,
        model: bool = True,
    ) -> None:
        """``model=False``: the rules alone, without the open-class recognizer (``recognizer``)."""
        self.index = index
        self.matcher = matcher or Matcher.build(index)
        self.decisions = decisions or {}
        self.place_prefix = place_prefix_from(index)
        self.recognizer = Recognizer() if model else None

    def extract(self, doc: ReportDoc) -> Extraction:
        """Every fact the report states, with evidence. Pure: no files, no database.

        A text longer than ``PART_CHARS`` is read in parts cut at sentence ends, each on its own
        (its own region, its own references back): several steps compare every mention with every
        other, so one part's time is bounded and the whole grows linearly with the length.
        """
        if len(doc.text) <= PART_CHARS:
            return self._extract_part(doc)
        started = time.perf_counter()
        facts: list[Fact] = []
        region: list[str] = []
        for start, end in parts(matching_text(doc.text), PART_CHARS):
            part = self._extract_part(dataclasses.replace(doc, text=doc.text[start:end]))
            facts += [
                Fact(
                    f.kind,
                    f.data,
                    dataclasses.replace(f.evidence, start=f.evidence.start + start, end=f.evidence.end + start),
                )
                for f in part.facts
            ]
            region += [code for code in part.region if code not in region]
        check_evidence(doc, facts)
        return Extraction(doc, facts, region, time.perf_counter() - started)

    def _extract_part(self, doc: ReportDoc) -> Extraction:
        started = time.perf_counter()
        text = matching_text(doc.text)
        sents = sentences(text)
        admin = admin_mentions(self.matcher, text)
        region = document_region(self.index, text, admin)
        sent_of = sentence_lookup(sents, len(text))
        cities = named_cities(self.index, admin)
        resolved_admin: list[Mention] = []
        prev: Mention | None = None
        for m in admin:
            sent = sent_of(m.start)
            sentence_places = [p for p in resolved_admin if p.start >= sent.start]
            resolve_admin(self.index, m, prev, sentence_places, region, cities)
            if m.place is not None:
                resolved_admin.append(m)
            prev = m
        ambiguous_towns = sorted(
            {
                p.code
                for m in admin
                if m.place is None and m.kind == "town"
                for p in self.index.lookup(m.surface, "town")[:AMBIGUOUS_TOWN_CANDIDATES]
            }
        )
        # Inside the document's provinces first: a namesake elsewhere in China is the last resort.
        provinces = {code[:2] for code in region}
        town_tiers = [
            [c for c in ambiguous_towns if c[:2] in provinces],
            [c for c in ambiguous_towns if c[:2] not in provinces],
        ]
        admin = [m for m in resolved_admin if m.place is not None]
        admin += town_misspellings(self.index, text, admin, region)
        admin.sort(key=lambda m: m.start)
        named_districts = sorted(
            {m.place.code[:6] for m in admin if m.place is not None and m.kind in ("district", "town")}
        )
        village_finder = VillageFinder(self.index, self.decisions, town_tiers, named_districts)
        villages = village_finder.mentions(text, sents, admin, region)
        admin += village_finder.town_stems_before_villages(text, villages, admin)
        villages += village_finder.ellipses(text, villages, admin, sents, region)
        villages += village_finder.list_villages(
            text, sents, admin, region, [(m.start, m.end) for m in villages + admin]
        )
        shortened_village_names(villages, self.index)
        places = sorted(admin + villages, key=lambda m: m.start)
        orgs = org_mentions(text, sents, places) + place_sides(text, places, self.index)
        orgs = drop_overlaps(drop_street_addresses(text, orgs, places, self.index), places)
        place_prefix = self.place_prefix
        orgs += short_forms(text, orgs, places, place_prefix)
        orgs += units_named_by_role(text, orgs + places)
        orgs += units_named_in_pairs(text, orgs, places)
        orgs += units_named_by_their_chief(text, orgs + places)
        if self.recognizer is not None:  # after every rule, so it reads only where they found no unit
            orgs = self.recognizer.headless_units_hold(text, orgs)
            orgs = sorted(orgs + self.recognizer.units(text, sents, places, orgs), key=lambda m: m.start)
        orgs = drop_founded_units(text, orgs)
        orgs = units_described_as_subsidiaries(text, orgs, places)
        trim_to_known_names(text, orgs, places, place_prefix)
        unify_variants(orgs, places, place_prefix)
        persons = person_mentions(
            text, orgs, places, self.recognizer.name_after if self.recognizer is not None else None
        )
        orgs = units_read_into_roles(orgs, persons)
        facts = self._facts(doc, text, sents, sent_of, places, orgs, persons, region)
        check_evidence(doc, facts)
        return Extraction(doc, facts, region, time.perf_counter() - started)

    def _facts(
        self,
        doc: ReportDoc,
        text: str,
        sents: list[Sentence],
        sent_of: Callable[[int], Sentence],
        places: list[Mention],
        orgs: list[Mention],
        persons: list[tuple[Mention, str, Mention | None, bool]],
        region: list[str],
    ) -> list[Fact]:
        facts: list[Fact] = []

        def ev(m_start: int, m_end: int, method: str, confidence: float) -> Evidence:
            s = sent_of(m_start)
            return Evidence(
                doc.uid,
                doc.sha256,
                m_start,
                m_end,
                doc.text[m_start:m_end],
                doc.text[s.start : s.end].strip(),
                method,
                round(confidence, 3),
            )

        for m in places:
            data = place_data(m)
            facts.append(Fact("place", data, ev(m.start, m.end, m.method, m.confidence)))
        for m in places:
            if is_street_office(m, places, text) and acts(text, m):
                office = street_office(m)
                facts.append(
                    Fact(
                        "organization",
                        {
                            "uid": office.uid,
                            "name": office.surface,
                            "org_kind": "street_office",
                            "district_code": office.extra["district_code"],
                        },
                        ev(m.start, m.end, "street_office_as_subject", 0.8),
                    )
                )
        for m in orgs:
            if m.kind == "organization":
                data = {
                    "uid": m.uid,
                    "name": text[m.start : m.end],
                    "org_kind": m.extra.get("org_kind"),
                    "district_code": district_near(m, places),
                }
                facts.append(Fact("organization", data, ev(m.start, m.end, m.method, m.confidence)))
            else:
                owner: Mention | None = m.extra.get("owner")
                data = {
                    "uid": m.uid,
                    "name": text[m.start : m.end],
                    "level": m.extra.get("party_level"),
                    "belongs_to": (owner.uid if owner is not None else m.extra.get("unit_uid")),
                    "belongs_to_kind": (owner.kind if owner is not None else "organization"),
                }
                facts.append(Fact("party_org", data, ev(m.start, m.end, m.method, m.confidence)))
        for person, role, aff, leader in persons:
            if not leader:
                facts.append(
                    Fact(
                        "byline",
                        {"name": person.surface, "role": role},
                        ev(person.start, person.end, person.method, person.confidence),
                    )
                )
                continue
            aff_uid = entity_uid(aff) if aff is not None else None
            data = {
                "uid": f"person:{person.surface}@{aff_uid or doc.uid}",
                "name": person.surface,
                "role": role,
                "affiliation_uid": aff_uid,
                "affiliation_kind": aff.kind if aff else None,
                "affiliation_name": aff.surface if aff else None,
            }
            facts.append(Fact("person", data, ev(person.start, person.end, person.method, person.confidence)))
        facts.extend(relations(doc, text, sents, places, orgs, ev))
        facts.extend(home_unit_facts(sent_of, persons, orgs, facts, ev, text, places))
        facts.extend(claims(doc, text, sents, region, ev))
        return without_units_beside_their_party(facts)


def without_units_beside_their_party(facts: list[Fact]) -> list[Fact]:
    """某公司党支部与某村党支部联建…企业出资…: where a unit's own party organization pairs with a village, the unit's
    pairing with that village (through 企业, 该院 or its name) is the same helper told twice; the party
    organization's stands, and it belongs to the unit."""
    owner = {f.data["uid"]: f.data["belongs_to"] for f in facts if f.kind == "party_org"}
    by_party = {
        (owner.get(f.data["helper_uid"]), f.data["recipient_uid"])
        for f in facts
        if f.kind == "pairing" and f.data["helper_kind"] == "party_org"
    }
    return [
        f
        for f in facts
        if not (
            f.kind == "pairing"
            and f.data["helper_kind"] == "organization"
            and (f.data["helper_uid"], f.data["recipient_uid"]) in by_party
        )
    ]


def place_data(m: Mention) -> dict[str, Any]:
    res = m.resolution
    data: dict[str, Any] = {"level": m.kind, "surface": m.surface, "name": m.extra.get("expanded", m.surface)}
    if m.place is not None and (res is None or res.status == "resolved"):
        data.update(
            {
                "status": "resolved",
                "code": m.place.code,
                "official_name": m.place.name,
                "uid": m.place.code if m.kind == "village" else None,
            }
        )
    else:
        data.update(
            {
                "status": res.status if res else "unknown",
                "code": None,
                "uid": m.uid,
                "candidate_codes": res.candidate_codes if res else [],
                "part_of": m.extra.get("scope") or None,
            }
        )
    if res is not None:
        data["reason"] = res.reason
        data["fuzzy"] = res.fuzzy
    if "review_key" in m.extra:
        data["review_key"] = m.extra["review_key"]
    return data


def check_evidence(doc: ReportDoc, facts: Sequence[Fact]) -> None:
    """Raise EvidenceError when a fact's offsets do not give back its surface string."""
    for f in facts:
        e = f.evidence
        if doc.text[e.start : e.end] != e.surface or not e.surface:
            raise EvidenceError(
                f"{doc.uid}: {f.kind} chars {e.start}-{e.end} give {doc.text[e.start : e.end]!r}, not {e.surface!r}"
            )


def extract(doc: ReportDoc, index: PlaceIndex, decisions: dict[str, str | None] | None = None) -> list[Fact]:
    """Facts of one document (builds a matcher; reuse an ``Extractor`` for many documents)."""
    return Extractor(index, decisions=decisions).extract(doc).facts
