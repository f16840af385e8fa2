"""Shared by the report tests written on sentences of their own: the facts of one made-up text."""

from __future__ import annotations

import hashlib

from loaders.reports import Extractor, Fact, ReportDoc


def facts(extractor: Extractor, text: str, kind: str) -> list[Fact]:
    doc = ReportDoc("report:t", "t.txt", text, hashlib.sha256(text.encode()).hexdigest(), text[:20])
    return [f for f in extractor.extract(doc).facts if f.kind == kind]


def links(extractor: Extractor, text: str) -> set[tuple[str, str | None]]:
    """(helper name, village code) of every helper → village pairing."""
    return {
        (f.data["helper_name"], f.data["recipient_code"])
        for f in facts(extractor, text, "pairing")
        if f.data["recipient_level"] == "village"
    }
