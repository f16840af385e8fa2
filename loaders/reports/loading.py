"""Stage 8, write and load: facts into the graph, one document at a time, and the whole load.

``rows_for_write`` (pure) shapes a document's facts into the rows each ``cypher/load/merge_report_*``
query takes; ``write`` replaces what the document said before; ``load`` reads, validates, extracts
and writes each report, skipping documents whose sha256 the graph already holds and applying the
review decisions a person recorded.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.messages import MESSAGES, Language, say
from loaders.outage import OutageGuard
from loaders.personal import mask_personal
from loaders.places import PlaceIndex
from loaders.reports.extractor import Extractor
from loaders.reports.model import Fact, ReportDoc, ReportError
from loaders.reports.reading import iter_paths, read, validate


@dataclass
class ReportLoad:
    """What ``load`` did: documents written, skipped as unchanged, rejected; facts by kind; writes."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # read but changed: lines in another encoding, left out
    facts: Counter[str] = field(default_factory=Counter)
    review_items: int = 0
    writes: Any = None
    seconds: float = 0.0

    def summary(self, lang: Language = "zh") -> str:
        """One line: documents written, unchanged, rejected; facts by kind; items for review."""
        facts = ("，" if lang != "en" else ", ").join(
            say("report.summary.fact", lang, kind=fact_kind_name(kind, lang), count=n)
            for kind, n in sorted(self.facts.items())
        ) or say("report.summary.no_facts", lang)
        return say(
            "report.summary",
            lang,
            written=len(self.written),
            unchanged=len(self.unchanged),
            rejected=len(self.rejected),
            facts=facts,
            review=self.review_items,
        )


def fact_kind_name(kind: str, lang: Language = "zh") -> str:
    """The planner's word for a kind of fact (``pairing`` → 结对), the kind itself when it has none."""
    code = f"report.fact.{kind}"
    return say(code, lang) if code in MESSAGES else kind


def _prov(f: Fact) -> dict[str, Any]:
    e = f.evidence
    # The sentence is shown by every read endpoint; a phone or ID number in it is masked (loaders/personal.py).
    return {
        "source_id": e.source_id,
        "source_loc": e.source_loc,
        "evidence": mask_personal(e.sentence),
        "method": e.method,
        "confidence": e.confidence,
    }


def rows_for_write(doc: ReportDoc, facts: Sequence[Fact]) -> dict[str, list[dict[str, Any]]]:
    """The rows each ``cypher/load/merge_report_*`` query takes (pure)."""
    rows: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "document",
            "villages",
            "organizations",
            "party_orgs",
            "persons",
            "pairings",
            "projects",
            "claims",
            "mentions",
        )
    }
    rows["document"].append(
        {
            "uid": doc.uid,
            "title": mask_personal(doc.title),
            "path": doc.path,
            "sha256": doc.sha256,
            "text": mask_personal(doc.text),
        }
    )
    seen_villages: set[str] = set()
    seen_orgs: set[str] = set()
    for f in facts:
        d = f.data
        mention = {
            **_prov(f),
            "uid": None,
            "code": None,
            "start": f.evidence.start,
            "end": f.evidence.end,
            "surface": f.evidence.surface,
            "review_key": d.get("review_key"),
        }
        if f.kind == "place":
            if d["status"] == "resolved":
                if d["level"] == "village":
                    mention["uid"] = d["code"]
                else:
                    mention["code"] = d["code"]
            else:
                mention["uid"] = d["uid"]
                if d["uid"] not in seen_villages:
                    seen_villages.add(d["uid"])
                    rows["villages"].append(
                        {
                            "uid": d["uid"],
                            "name": d["name"],
                            "status": d["status"],
                            "candidate_codes": d.get("candidate_codes") or [],
                            "part_of": d.get("part_of"),
                        }
                    )
            rows["mentions"].append(mention)
        elif f.kind == "organization":
            if d["uid"] not in seen_orgs:
                seen_orgs.add(d["uid"])
                rows["organizations"].append(
                    {"uid": d["uid"], "name": d["name"], "kind": d["org_kind"], "district_code": d.get("district_code")}
                )
            rows["mentions"].append({**mention, "uid": d["uid"]})
        elif f.kind == "party_org":
            owner = d.get("belongs_to")
            owner_is_code = d.get("belongs_to_kind") == "town"
            rows["party_orgs"].append(
                {
                    **_prov(f),
                    "uid": d["uid"],
                    "name": d["name"],
                    "level": d["level"],
                    "owner_uid": None if owner_is_code else owner,
                    "owner_code": owner if owner_is_code else None,
                }
            )
            rows["mentions"].append({**mention, "uid": d["uid"]})
        elif f.kind == "person":
            aff = d.get("affiliation_uid")
            by_code = d.get("affiliation_kind") in ("town", "district")
            rows["persons"].append(
                {
                    **_prov(f),
                    "uid": d["uid"],
                    "name": d["name"],
                    "role": d["role"],
                    "aff_uid": None if by_code else aff,
                    "aff_code": aff if by_code else None,
                }
            )
            rows["mentions"].append({**mention, "uid": d["uid"]})
        elif f.kind == "pairing":
            if d["helper_kind"] == "organization" and d["helper_uid"] not in seen_orgs:
                seen_orgs.add(d["helper_uid"])
                rows["organizations"].append(
                    {
                        "uid": d["helper_uid"],
                        "name": d["helper_name"],
                        "kind": d.get("helper_org_kind"),
                        "district_code": d.get("helper_district_code"),
                    }
                )
            if d["helper_kind"] == "party_org":
                rows["party_orgs"].append(
                    {
                        **_prov(f),
                        "uid": d["helper_uid"],
                        "name": d["helper_name"],
                        "level": "other",
                        "owner_uid": None,
                        "owner_code": None,
                    }
                )
            rec_uid = d["recipient_uid"] if d["recipient_level"] == "village" else None
            rec_code = d["recipient_code"] if d["recipient_level"] != "village" else None
            rows["pairings"].append(
                {
                    **_prov(f),
                    "helper_uid": d["helper_uid"],
                    "recipient_uid": rec_uid,
                    "recipient_code": rec_code,
                    "kind": d.get("relation"),
                }
            )
        elif f.kind == "project":
            uids = [u for u in d["recipient_uids"] if u and not (u.isdigit() and len(u) < 12)]
            codes = [u for u in d["recipient_uids"] if u and u.isdigit() and len(u) < 12]
            rows["projects"].append(
                {
                    **_prov(f),
                    "uid": d["uid"],
                    "name": d["name"],
                    "category": d["category"],
                    "amount": d["amount"],
                    "amount_unit": d["amount_unit"],
                    "amount_yuan": d["amount_yuan"],
                    "helper_uid": d["helper_uid"],
                    "recipient_uids": uids,
                    "recipient_codes": codes,
                }
            )
        elif f.kind == "claim":
            rows["claims"].append(
                {
                    **_prov(f),
                    "uid": d["uid"],
                    "metric": d["metric"],
                    "value": d["value"],
                    "unit": d["unit"],
                    "scope_code": d.get("scope_code"),
                }
            )
    return rows


# Order matters: nodes before the relationships that MATCH them.
_WRITE_ORDER = (
    ("document", "load/merge_report_document"),
    ("villages", "load/merge_report_villages"),
    ("organizations", "load/merge_report_organizations"),
    ("party_orgs", "load/merge_report_party_orgs"),
    ("persons", "load/merge_report_persons"),
    ("pairings", "load/merge_report_pairings"),
    ("projects", "load/merge_report_projects"),
    ("claims", "load/merge_report_claims"),
    ("mentions", "load/merge_report_mentions"),
)


def write(
    driver: Any, doc: ReportDoc, facts: Sequence[Fact], *, database: str = "neo4j", batch_size: int = 2000
) -> Any:
    """Replace the document's facts in the graph: delete what it said before, then write (batched)."""
    from graph.db import BatchWriter

    writer = BatchWriter(driver, database=database, batch_size=batch_size)
    # The stored hash makes a re-load skip the document: it is cleared before the old facts go and
    # set only once every batch is in, so a load killed half-way is redone in full.
    writer.statement("load/mark_document_loaded", uid=doc.uid, sha256=None)
    writer.statement("load/delete_report_facts", source_id=doc.uid)
    rows = rows_for_write(doc, facts)
    rows["document"] = [{**row, "sha256": None} for row in rows["document"]]
    for key, query in _WRITE_ORDER:
        if rows[key]:
            writer.write(query, rows[key])
    writer.statement("load/mark_document_loaded", uid=doc.uid, sha256=doc.sha256)
    return writer.counts


def stored_hash(driver: Any, uid: str, database: str = "neo4j") -> str | None:
    from graph import records

    rows = records.read(driver, "load/get_report_document_hash", database, uid=uid)
    return rows[0]["sha256"] if rows else None


def review_decisions(driver: Any, database: str = "neo4j") -> dict[str, str | None]:
    """Every recorded decision: mention key → decided code (None: confirmed not in the code table)."""
    from graph import records

    return {r["uid"]: r["decided_code"] for r in records.read(driver, "review/list_review_decisions", database)}


def load(
    driver: Any,
    paths: Iterable[Path],
    index: PlaceIndex,
    *,
    database: str = "neo4j",
    force: bool = False,
    on_document: Callable[[str], None] | None = None,
    origin: str | None = None,
) -> ReportLoad:
    """Read, validate, extract and write each report; unchanged documents (same sha256) are skipped.

    ``origin`` (an upload's ``upload:<id>``) is recorded as the documents' place instead of the folder
    they were read from: ``<origin>/<file name>``.

    Review decisions recorded in the graph are applied to the extraction, so re-loads keep them.

    Raises:
        LoadInterrupted: Neo4j became unreachable; it names the report and what a re-run must load.
    """
    from graph.db import WriteCounts

    started = time.perf_counter()
    report = ReportLoad(writes=WriteCounts())
    paths = list(iter_paths(paths))
    guard = OutageGuard([p.name for p in paths])
    with guard.reading():
        extractor = Extractor(index, decisions=review_decisions(driver, database))
    for path in paths:
        try:
            doc = read(path)
            if origin is not None:
                doc = dataclasses.replace(doc, path=f"{origin}/{path.name}")
        except (ReportError, OSError) as exc:
            report.rejected.append(str(exc))
            guard.finished(path.name)
            continue
        report.notes.extend(doc.notes)
        problem = validate(doc)
        if problem:
            report.rejected.append(problem)
            guard.finished(path.name)
        else:
            # A report's facts go in batches of several kinds, so its committed rows are not counted.
            with guard.writing(path.name, count_rows=False):
                if not force and stored_hash(driver, doc.uid, database) == doc.sha256:
                    report.unchanged.append(doc.uid)
                else:
                    facts = extractor.extract(doc).facts
                    report.writes.add(write(driver, doc, facts, database=database))
                    report.written.append(doc.uid)
                    report.facts.update(f.kind for f in facts)
                    report.review_items += sum(1 for f in facts if needs_review(f))
        if on_document is not None:
            on_document(doc.uid)
    report.seconds = time.perf_counter() - started
    return report


def reextract(
    driver: Any, stored: Sequence[dict[str, Any]], index: PlaceIndex, *, database: str = "neo4j"
) -> ReportLoad:
    """Extract again reports the graph holds (``graph.review.documents_for``: uid, title, path,
    sha256, text) with every recorded review decision, and write them: how a decision takes effect
    at once, without the files. A report stored before its text was kept is read from its path if
    the file is still there, else listed in ``rejected``.

    Raises:
        LoadInterrupted: Neo4j became unreachable.
    """
    from graph.db import WriteCounts

    started = time.perf_counter()
    report = ReportLoad(writes=WriteCounts())
    guard = OutageGuard([d["uid"] for d in stored])
    with guard.reading():
        extractor = Extractor(index, decisions=review_decisions(driver, database))
    for stored_doc in stored:
        uid = stored_doc["uid"]
        if stored_doc.get("text"):
            doc = ReportDoc(
                uid,
                stored_doc.get("path") or "",
                stored_doc["text"],
                stored_doc.get("sha256") or "",
                stored_doc.get("title") or uid,
            )
        elif stored_doc.get("path") and Path(stored_doc["path"]).is_file():
            doc = read(Path(stored_doc["path"]))
        else:
            report.rejected.append(say("report.no_text", name=uid.removeprefix("report:")))
            guard.finished(uid)
            continue
        with guard.writing(uid, count_rows=False):
            facts = extractor.extract(doc).facts
            report.writes.add(write(driver, doc, facts, database=database))
        report.written.append(doc.uid)
        report.facts.update(f.kind for f in facts)
        report.review_items += sum(1 for f in facts if needs_review(f))
    report.seconds = time.perf_counter() - started
    return report


def needs_review(f: Fact, threshold: float = 0.7) -> bool:
    """Ambiguous or unknown places, fuzzy matches and low-confidence facts."""
    if f.kind == "place":
        return f.data["status"] != "resolved" or bool(f.data.get("fuzzy")) or f.evidence.confidence <= threshold
    return f.kind in ("pairing", "person") and f.evidence.confidence < 0.5
