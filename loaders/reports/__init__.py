"""Chinese reports (news articles, work summaries) into facts, resolved against the gazetteer.

Shaped read → validate → extract (pure: mentions, resolution, relations) → write → load, one module
per stage:

- ``model``: ReportDoc, Sentence, Mention, Evidence, Fact, Extraction and the errors;
- ``reading``: read, validate, the text as matched, sentences;
- ``lexicon``: every word list the extractor uses (edit words there, not in the stages);
- ``places``: the gazetteer matcher, the document's region, districts and towns resolved;
- ``villages``: village names, resolved in the context the text gives, or kept unresolved;
- ``organizations``: units and party organizations (kinds and uids from ``loaders/units.py``);
- ``people``: persons after a role word;
- ``relations``: who pairs with whom; ``amounts``: projects and claims;
- ``extractor``: ``Extractor`` runs the stages and builds the facts;
- ``loading``: rows for the graph, write, load.

``extract`` is pure: given a ``ReportDoc`` and a ``PlaceIndex`` it returns ``Fact`` values, each
with its evidence (document uid and sha256, character span verified against the text, sentence,
rule name, confidence). Places are resolved with the most precise context the text gives: an
explicit chain (区 + 镇 + 村) first, then a town or district named earlier in the sentence, then
the document's region (the districts it names most). A village the code table lacks, or one with
several candidates, is kept as an unresolved village with its candidates — never given a code.

No rule names a place, unit or article: the mechanisms are the gazetteer, suffix patterns for
units and party organizations, role words for persons, and relation keywords.
"""

from __future__ import annotations

from loaders.reports.amounts import parse_number
from loaders.reports.extractor import Extractor, check_evidence, extract
from loaders.reports.loading import (
    ReportLoad,
    load,
    needs_review,
    reextract,
    review_decisions,
    rows_for_write,
    stored_hash,
    write,
)
from loaders.reports.model import (
    Evidence,
    EvidenceError,
    Extraction,
    Fact,
    Mention,
    ReportDoc,
    ReportError,
    Sentence,
)
from loaders.reports.places import Matcher
from loaders.reports.reading import MAX_CHARS, iter_paths, matching_text, read, sentences, validate
from loaders.units import name_key as normal_key  # the uid key of units and party organizations
from loaders.units import party_level, unit_kind

org_kind = unit_kind  # the name this loader used before loaders/units.py

__all__ = [
    "MAX_CHARS",
    "Evidence",
    "EvidenceError",
    "Extraction",
    "Extractor",
    "Fact",
    "Matcher",
    "Mention",
    "ReportDoc",
    "ReportError",
    "ReportLoad",
    "Sentence",
    "check_evidence",
    "extract",
    "iter_paths",
    "load",
    "reextract",
    "matching_text",
    "needs_review",
    "normal_key",
    "org_kind",
    "parse_number",
    "party_level",
    "read",
    "review_decisions",
    "rows_for_write",
    "sentences",
    "stored_hash",
    "unit_kind",
    "validate",
    "write",
]
