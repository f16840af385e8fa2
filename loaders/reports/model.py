"""The values every stage passes on: the document, its sentences, mentions, facts and their evidence.

No stage logic lives here; ``Fact.as_json`` is the shape the CLI, the eval and the tests print.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from loaders.places import CODE_LENGTH, Place, Resolution


@dataclass(frozen=True)
class ReportDoc:
    uid: str  # report:<file stem>
    path: str
    text: str  # as read (offsets refer to this text)
    sha256: str
    title: str
    notes: tuple[str, ...] = ()  # what reading changed or left out (lines in another encoding), for the load report


class ReportError(ValueError):
    """A report file cannot be read as text."""


class EvidenceError(ValueError):
    """A fact's offsets do not point at its surface string."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    kind: str  # province/city/district/town/village, organization, party_org
    start: int
    end: int
    surface: str
    method: str
    confidence: float
    place: Place | None = None
    resolution: Resolution | None = None
    uid: str | None = None  # for organizations, party orgs and unresolved villages
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_place(self) -> bool:
        return self.kind in CODE_LENGTH


@dataclass(frozen=True)
class Evidence:
    source_id: str
    sha256: str
    start: int
    end: int
    surface: str
    sentence: str
    method: str
    confidence: float

    @property
    def source_loc(self) -> str:
        return f"chars {self.start}-{self.end}"


@dataclass
class Fact:
    """One extracted fact: ``kind`` ∈ place, organization, party_org, person, pairing, project, claim."""

    kind: str
    data: dict[str, Any]
    evidence: Evidence

    def as_json(self) -> dict[str, Any]:
        ev = asdict(self.evidence)
        ev["source_loc"] = self.evidence.source_loc
        return {"kind": self.kind, **self.data, "evidence": ev}


@dataclass
class Extraction:
    doc: ReportDoc
    facts: list[Fact]
    region: list[str]  # district codes the document is about
    seconds: float = 0.0


def entity_uid(m: Mention) -> str | None:
    """How facts refer to a mention: a village by its uid, another place by its code, else its uid."""
    if m.kind == "village":
        return m.uid
    if m.place is not None:
        return m.place.code
    return m.uid
