"""Precision and recall of report extraction against hand-written gold annotations.

``python -m loaders.reports_eval [CORPUS_DIR] [GOLD_DIR]`` prints a table per category and the
counts that matter most: villages given a wrong code, reporters taken for leaders, extraction speed.
Gold files are ``tests/loaders/gold/<file stem>.json`` (see the files for the format).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.reports import Extractor, Fact, normal_key, read
from loaders.places import PlaceIndex

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_GOLD = REPO / "tests" / "loaders" / "gold"
CATEGORIES = ("districts", "towns", "villages", "units", "party_orgs", "persons", "pairings", "amounts", "claims")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    wrong_codes: list[str] = field(default_factory=list)
    reporters_as_leaders: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    chars: int = 0
    bytes: int = 0
    seconds: float = 0.0


def _match_sets(doc: str, cat: str, gold: list[Any], pred: list[Any], same: Any, ev: Evaluation) -> None:
    """Greedy one-to-one matching of gold items to predicted items with ``same``."""
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is None:
            ev.scores[cat].fn += 1
            ev.misses.append(f"{doc} {cat}: {g}")
        else:
            ev.scores[cat].tp += 1
            left.remove(hit)
    ev.scores[cat].fp += len(left)
    ev.extras.extend(f"{doc} {cat}: {p}" for p in left)


def _contains(a: str, b: str) -> bool:
    a, b = normal_key(a), normal_key(b)
    return bool(a and b) and (a in b or b in a)


def predicted(facts: list[Fact]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {c: [] for c in CATEGORIES}
    villages: dict[str, dict[str, Any]] = {}
    units: set[str] = set()
    for f in facts:
        d = f.data
        if f.kind == "place":
            if d["level"] in ("district", "town") and d["status"] == "resolved":
                out[d["level"] + "s"].append(d["code"])
            elif d["level"] == "village":
                villages.setdefault(d.get("official_name") or d["name"], d)
        elif f.kind == "organization":
            units.add(d["name"])
        elif f.kind == "pairing":
            if d["helper_kind"] == "organization":
                units.add(d["helper_name"])
            out["pairings"].append((d["helper_name"], d["recipient_name"], d.get("recipient_full_name") or ""))
        elif f.kind == "party_org":
            out["party_orgs"].append(d["name"])
        elif f.kind == "person":
            out["persons"].append((d["name"], d["role"]))
        elif f.kind == "project":
            out["amounts"].append((d["amount"], d["amount_unit"]))
        elif f.kind == "claim":
            out["claims"].append(d["value"])
    out["districts"] = sorted(set(out["districts"]))
    out["towns"] = sorted(set(out["towns"]))
    out["party_orgs"] = sorted(set(out["party_orgs"]))
    out["persons"] = sorted(set(out["persons"]))
    out["pairings"] = sorted(set(out["pairings"]))
    out["villages"] = list(villages.values())
    out["units"] = sorted(units)
    return out


def _village_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    names = {p["name"], p.get("official_name"), p["surface"]}
    if g["name"] not in names:
        return False
    if g.get("code"):
        return p.get("code") == g["code"] or (bool(g.get("unresolved_ok")) and p["status"] != "resolved")
    if g.get("status") == "ambiguous":
        return p["status"] == "ambiguous" and set(p.get("candidate_codes") or []) == set(g["candidates"])
    return p["status"] == "unknown"


def evaluate(index: PlaceIndex, corpus: Path = DEFAULT_CORPUS, gold_dir: Path = DEFAULT_GOLD,
             extractor: Extractor | None = None) -> Evaluation:
    ev = Evaluation()
    extractor = extractor or Extractor(index)
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = read(corpus / f"{gold_path.stem}.txt")
        started = time.perf_counter()
        facts = extractor.extract(doc).facts
        ev.seconds += time.perf_counter() - started
        ev.chars += len(doc.text)
        ev.bytes += len(doc.text.encode("utf-8"))
        pred = predicted(facts)
        name = gold_path.stem[:3]
        _match_sets(name, "districts", gold["districts"], pred["districts"], lambda g, p: g == p, ev)
        _match_sets(name, "towns", gold["towns"], pred["towns"], lambda g, p: g == p, ev)
        _match_sets(name, "villages", gold["villages"], pred["villages"], _village_ok, ev)
        for p in pred["villages"]:
            g = next((g for g in gold["villages"] if g["name"] in {p["name"], p.get("official_name"), p["surface"]}), None)
            if p["status"] == "resolved" and (g is None and False or g is not None and p["code"] != g.get("code")):
                ev.wrong_codes.append(f"{name}: {p['surface']} → {p['code']} (gold {g})")
        _match_sets(name, "units", gold["units"], pred["units"], lambda g, p: normal_key(g) == normal_key(p), ev)
        _match_sets(name, "party_orgs", gold["party_orgs"], pred["party_orgs"], _contains, ev)
        _match_sets(name, "persons", [tuple(x) for x in gold["persons"]], pred["persons"],
                    lambda g, p: g[0] == p[0] and p[1].endswith(g[1]), ev)
        ev.reporters_as_leaders += [f"{name}: {p}" for p in pred["persons"] if p[0] in gold["not_persons"]]
        _match_sets(name, "pairings", [tuple(x) for x in gold["pairings"]], pred["pairings"],
                    lambda g, p: _contains(g[0], p[0]) and g[1] in (p[1], p[2]), ev)
        _match_sets(name, "amounts", [tuple(x) for x in gold["amounts"]], pred["amounts"],
                    lambda g, p: abs(float(g[0]) - float(p[0])) < 1e-9 and g[1] == p[1], ev)
        _match_sets(name, "claims", gold["claims"], pred["claims"], lambda g, p: float(g) == float(p), ev)
    return ev


def format_report(ev: Evaluation) -> str:
    lines = [f"{'category':<11} {'precision':>9} {'recall':>7}  {'tp':>3} {'fp':>3} {'fn':>3}"]
    for cat, s in ev.scores.items():
        lines.append(f"{cat:<11} {s.precision:>9.2f} {s.recall:>7.2f}  {s.tp:>3} {s.fp:>3} {s.fn:>3}")
    lines.append(f"villages given a wrong code: {len(ev.wrong_codes)} {ev.wrong_codes}")
    lines.append(f"reporters/authors taken for leaders: {len(ev.reporters_as_leaders)} {ev.reporters_as_leaders}")
    kb = ev.bytes / 1024
    lines.append(f"extraction: {kb:.1f} KB ({ev.chars} chars) in {ev.seconds:.3f}s = {kb / ev.seconds:.0f} KB/s "
                 "(one core, matcher already built)")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    from loaders.gazetteer import ensure_downloaded
    from graph.settings import get_settings

    positional = [a for a in argv if not a.startswith("-")]
    corpus = Path(positional[0]) if positional else DEFAULT_CORPUS
    gold = Path(positional[1]) if len(positional) > 1 else DEFAULT_GOLD
    provinces = None if "--all" in argv else ["31", "35"]
    started = time.perf_counter()
    index = PlaceIndex.from_gazetteer(ensure_downloaded(get_settings().home / "gazetteer"), provinces)
    built = time.perf_counter() - started
    extractor = Extractor(index)
    print(f"index: {len(index):,} places in {built:.1f}s; matcher built in {extractor.matcher.seconds:.1f}s")
    cold = evaluate(index, corpus, gold, extractor)
    kb = cold.bytes / 1024
    print(f"first pass (per-region caches cold): {kb / cold.seconds:.0f} KB/s")
    ev = evaluate(index, corpus, gold, extractor)
    print(format_report(ev))
    if "-v" in argv:
        print("\nmisses:\n  " + "\n  ".join(ev.misses))
        print("extras:\n  " + "\n  ".join(ev.extras))


if __name__ == "__main__":
    main([a for a in sys.argv[1:]])
