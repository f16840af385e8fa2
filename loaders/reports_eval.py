"""Precision and recall of report extraction against hand-written gold annotations.

``python -m loaders.reports_eval`` measures two sets:

- the five corpus reports (``../shared/corpus``) against the project's own gold
  (``tests/loaders/gold/<file stem>.json``): a table per category;
- the development reports (``../shared/corpus-dev``) against their ``gold.json`` (schema in that
  folder's README): helper → village links and people with roles, per category and per document.

Both print the counts that matter most: villages given a wrong code, reporters taken for leaders,
extraction speed. ``-v`` lists every miss and every extra. ``--corpus-only`` / ``--dev-only`` pick one.
The development reports are scored per folder (d01–d20; e01–e10 and f01–f10 in ``more/``) and all forty
together. ``--renamed=SEED`` (repeatable) also scores a copy of all forty whose units, villages and people
are renamed and whose lists of villages are shuffled (``loaders.dev_renaming``): rules that know names fail there.

``--blind`` scores only the ten blind reports (``../shared/corpus-dev/blind``) against their own gold and
prints only the totals — no document, no miss, no text — so the set stays unseen while it estimates how the
loader does on reports nobody developed against.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.places import PlaceIndex
from loaders.reports import Extractor, Fact, ReportDoc, normal_key, read

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_GOLD = REPO / "tests" / "loaders" / "gold"
DEFAULT_DEV = REPO.parent / "shared" / "corpus-dev"
DEFAULT_BLIND = DEFAULT_DEV / "blind"
# The development sets, each a folder with its gold.json: d01–d20, and e01–e10, f01–f10 in more/.
DEV_SETS = (DEFAULT_DEV, DEFAULT_DEV / "more")
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


def _greedy_match(gold: list[Any], pred: list[Any], same: Any) -> tuple[int, list[Any], list[Any]]:
    """Greedy one-to-one matching of gold items to predicted items: (matched, missed gold, extra predicted)."""
    left = list(pred)
    missed = []
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
    return len(gold) - len(missed), missed, left


def _match_sets(doc: str, cat: str, gold: list[Any], pred: list[Any], same: Any, ev: Evaluation) -> None:
    tp, missed, extra = _greedy_match(gold, pred, same)
    ev.scores[cat].tp += tp
    ev.scores[cat].fn += len(missed)
    ev.scores[cat].fp += len(extra)
    ev.misses.extend(f"{doc} {cat}: {g}" for g in missed)
    ev.extras.extend(f"{doc} {cat}: {p}" for p in extra)


def _contains(a: str, b: str) -> bool:
    a, b = normal_key(a), normal_key(b)
    return bool(a and b) and (a in b or b in a)


def _unit_of(name: str) -> str:
    """The unit a party organization's name starts with (某中心党支部 → 某中心): matching either counts."""
    return re.sub(
        r"(?:机关)?(?:第[一二三四五六七八九十]+)?(?:党总支|党支部|联合支部|支部|党委|党组|党小组|党工委)$", "", name
    )


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


def evaluate(
    index: PlaceIndex, corpus: Path = DEFAULT_CORPUS, gold_dir: Path = DEFAULT_GOLD, extractor: Extractor | None = None
) -> Evaluation:
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
            g = next(
                (g for g in gold["villages"] if g["name"] in {p["name"], p.get("official_name"), p["surface"]}), None
            )
            if p["status"] == "resolved" and (g is None and False or g is not None and p["code"] != g.get("code")):
                ev.wrong_codes.append(f"{name}: {p['surface']} → {p['code']} (gold {g})")
        _match_sets(name, "units", gold["units"], pred["units"], lambda g, p: normal_key(g) == normal_key(p), ev)
        _match_sets(name, "party_orgs", gold["party_orgs"], pred["party_orgs"], _contains, ev)
        _match_sets(
            name,
            "persons",
            [tuple(x) for x in gold["persons"]],
            pred["persons"],
            lambda g, p: g[0] == p[0] and p[1].endswith(g[1]),
            ev,
        )
        ev.reporters_as_leaders += [f"{name}: {p}" for p in pred["persons"] if p[0] in gold["not_persons"]]
        _match_sets(
            name,
            "pairings",
            [tuple(x) for x in gold["pairings"]],
            pred["pairings"],
            lambda g, p: (_contains(g[0], p[0]) or _contains(g[0], _unit_of(p[0]))) and g[1] in (p[1], p[2]),
            ev,
        )
        _match_sets(
            name,
            "amounts",
            [tuple(x) for x in gold["amounts"]],
            pred["amounts"],
            lambda g, p: abs(float(g[0]) - float(p[0])) < 1e-9 and g[1] == p[1],
            ev,
        )
        _match_sets(name, "claims", gold["claims"], pred["claims"], lambda g, p: float(g) == float(p), ev)
    return ev


def format_report(ev: Evaluation) -> str:
    lines = [f"{'category':<11} {'precision':>9} {'recall':>7}  {'tp':>3} {'fp':>3} {'fn':>3}"]
    for cat, s in ev.scores.items():
        lines.append(f"{cat:<11} {s.precision:>9.2f} {s.recall:>7.2f}  {s.tp:>3} {s.fp:>3} {s.fn:>3}")
    lines.append(f"villages given a wrong code: {len(ev.wrong_codes)} {ev.wrong_codes}")
    lines.append(f"reporters/authors taken for leaders: {len(ev.reporters_as_leaders)} {ev.reporters_as_leaders}")
    kb = ev.bytes / 1024
    lines.append(
        f"extraction: {kb:.1f} KB ({ev.chars} chars) in {ev.seconds:.3f}s = {kb / ev.seconds:.0f} KB/s "
        "(one core, matcher already built)"
    )
    return "\n".join(lines)


# --- the development set: links and people (../shared/corpus-dev/gold.json) ----------------------

DEV_CATEGORIES = ("links", "pairing_links", "people")


@dataclass
class DevEvaluation:
    """Scores on the development reports, overall and per document."""

    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in DEV_CATEGORIES})
    per_doc: dict[str, dict[str, Score]] = field(default_factory=dict)
    wrong_codes: list[str] = field(default_factory=list)
    bylines_as_leaders: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0


def _helper_matches(gold_helper: str, link: dict[str, Any]) -> bool:
    """Gold names a short distinctive part of the helper (the unit or its party organization)."""
    key = normal_key(gold_helper)
    return any(key and key in normal_key(name) for name in link["helper_names"] if name)


def _village_matches(gold: dict[str, Any], codes: set[str], link: dict[str, Any]) -> bool:
    if codes:
        return link["village_code"] in codes
    name = gold.get("village_name") or gold["village"]
    return link["village_code"] is None and name in (link["village_name"], link["village_surface"])


def _link_matches(gold: dict[str, Any], link: dict[str, Any]) -> bool:
    """A predicted link is the gold one; a village-to-village pairing may be read either way round."""
    if _helper_matches(gold["helper"], link) and _village_matches(gold, set(gold["village_codes"]), link):
        return True
    partners = set(gold.get("partner_codes") or [])
    if partners and link["village_code"] in partners:
        own = set(gold["village_codes"])
        return bool(own & set(link["helper_codes"])) or _helper_matches(gold["village"], link)
    return False


def predicted_links(facts: list[Fact]) -> list[dict[str, Any]]:
    """Helper → village links of one document, one per (helper, village); towns are not links."""
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for f in facts:
        d = f.data
        if f.kind != "pairing" or d["recipient_level"] != "village":
            continue
        key = (d["helper_uid"], d["recipient_uid"])
        link = links.setdefault(
            key,
            {
                "helper_names": {d["helper_name"], d.get("helper_unit_name") or ""},
                "helper_codes": [c for c in (d.get("helper_place_code"),) if c],
                "village_code": d.get("recipient_code"),
                "village_name": d.get("recipient_full_name"),
                "village_surface": d["recipient_name"],
                "relation": d.get("relation"),
                "confidence": f.evidence.confidence,
            },
        )
        link["confidence"] = max(link["confidence"], f.evidence.confidence)
    return list(links.values())


def _roles_match(gold_role: str, role: str) -> bool:
    """Several gold roles are joined by 、; one is enough, written with or without its organ."""
    return any(g.endswith(role) or role.endswith(g) for g in gold_role.split("、") if g)


def _score(ev: DevEvaluation, doc: str, cat: str, gold: list[Any], pred: list[Any], same: Any, show: Any = str) -> None:
    per = ev.per_doc.setdefault(doc, {c: Score() for c in DEV_CATEGORIES})
    tp, missed, extra = _greedy_match(gold, pred, same)
    for score in (ev.scores[cat], per[cat]):
        score.tp += tp
        score.fn += len(missed)
        score.fp += len(extra)
    ev.misses.extend(f"{doc} {cat}: {show(g)}" for g in missed)
    ev.extras.extend(f"{doc} {cat}: {show(p)}" for p in extra)


def _show_link(x: dict[str, Any]) -> str:
    if "helper_names" in x:
        names = " / ".join(sorted(n for n in x["helper_names"] if n))
        return f"{names} → {x['village_surface']} [{x['village_code']}] ({x['relation']}, {x['confidence']})"
    return f"{x['helper']} → {x['village']} {x['village_codes']} ({x['kind']})"


def evaluate_dev(index: PlaceIndex, dev: Path = DEFAULT_DEV, extractor: Extractor | None = None) -> DevEvaluation:
    """Links and people of every development report against ``gold.json``."""
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    ev = DevEvaluation()
    extractor = extractor or Extractor(index)
    for name in sorted(gold["sources"]):
        doc = read(dev / name)
        started = time.perf_counter()
        facts = extractor.extract(doc).facts
        ev.seconds += time.perf_counter() - started
        ev.bytes += len(doc.text.encode("utf-8"))
        short = name.split("_")[0]
        links = predicted_links(facts)
        gold_links = [g for g in gold["links"] if g["doc"] == name]
        _score(ev, short, "links", gold_links, links, _link_matches, _show_link)
        _score(
            ev,
            short,
            "pairing_links",
            [g for g in gold_links if g["kind"] == "pairing"],
            [
                p
                for p in links
                if any(_link_matches(g, p) for g in gold_links if g["kind"] == "pairing")
                or not any(_link_matches(g, p) for g in gold_links)
            ],
            _link_matches,
            _show_link,
        )
        people_by_role: dict[tuple[str, str], str] = {}
        for f in facts:
            if f.kind == "person":
                people_by_role.setdefault((f.data["name"], f.data["role"]), f.data.get("affiliation_name") or "")
        people = sorted((name, role, of) for (name, role), of in people_by_role.items())
        gold_people = [g for g in gold["people"] if g["doc"] == name]
        _score(
            ev,
            short,
            "people",
            gold_people,
            people,
            lambda g, p: g["name"] == p[0] and _roles_match(g["role"], p[1]),
            lambda x: f"{x['name']} {x['role']} ({x['of']})" if isinstance(x, dict) else f"{x[0]} {x[1]} ({x[2]})",
        )
        ev.bylines_as_leaders += [
            f"{short}: {p[0]}"
            for p in people
            if p[0] in gold["not_leaders"] or p[0].replace(" ", "") in gold["not_leaders"]
        ]
        # A wrong code: a village the gold knows, written in the text, resolved to another code.
        known: dict[str, set[str]] = {}
        for g in gold_links:
            known.setdefault(g.get("village_name") or g["village"], set()).update(g["village_codes"])
        for f in facts:
            d = f.data
            if f.kind != "place" or d["level"] != "village" or d["status"] != "resolved":
                continue
            codes = next((c for n, c in known.items() if n in (d["surface"], d["name"], d.get("official_name"))), None)
            if codes is not None and d["code"] not in codes:
                ev.wrong_codes.append(f"{short}: {d['surface']} → {d['code']} (gold {sorted(codes) or 'not in table'})")
    return ev


def evaluate_dev_sets(
    index: PlaceIndex, dirs: tuple[Path, ...] = DEV_SETS, extractor: Extractor | None = None
) -> DevEvaluation:
    """Several development folders (each with its gold.json) scored as one set."""
    extractor = extractor or Extractor(index)
    total = DevEvaluation()
    for folder in dirs:
        ev = evaluate_dev(index, folder, extractor)
        for cat, score in ev.scores.items():
            total.scores[cat].tp += score.tp
            total.scores[cat].fp += score.fp
            total.scores[cat].fn += score.fn
        total.per_doc.update(ev.per_doc)
        total.wrong_codes += ev.wrong_codes
        total.bylines_as_leaders += ev.bylines_as_leaders
        total.misses += ev.misses
        total.extras += ev.extras
        total.bytes += ev.bytes
        total.seconds += ev.seconds
    return total


def renamed_dev_sets(
    index: PlaceIndex, out: Path, seed: int, dirs: tuple[Path, ...] = DEV_SETS
) -> tuple[tuple[Path, ...], str]:
    """Renamed copies of the development folders under ``out``, and what was renamed (for a heading)."""
    from loaders.dev_renaming import renamed_copy

    copies = []
    counts = [0, 0, 0, 0]
    for i, folder in enumerate(dirs):
        copy = out / f"set{i}"
        done = renamed_copy(index, folder, copy, seed)
        counts = [a + b for a, b in zip(counts, done, strict=True)]
        copies.append(copy)
    units, villages, people, lists = counts
    return tuple(copies), f"{units} units, {villages} villages, {people} people renamed, {lists} lists shuffled"


def format_dev_report(ev: DevEvaluation) -> str:
    lines = [f"{'category':<14} {'precision':>9} {'recall':>7}  {'tp':>3} {'fp':>3} {'fn':>3}"]
    for cat, s in ev.scores.items():
        lines.append(f"{cat:<14} {s.precision:>9.2f} {s.recall:>7.2f}  {s.tp:>3} {s.fp:>3} {s.fn:>3}")
    lines.append(
        "per document (tp/fp/fn): "
        + "  ".join(
            f"{doc} " + " ".join(f"{c[0]}{s.tp}/{s.fp}/{s.fn}" for c, s in ((c, sc[c]) for c in ("links", "people")))
            for doc, sc in ev.per_doc.items()
        )
    )
    lines.append(f"villages given a wrong code: {len(ev.wrong_codes)} {ev.wrong_codes}")
    lines.append(f"bylines/reporters taken for leaders: {len(ev.bylines_as_leaders)} {ev.bylines_as_leaders}")
    kb = ev.bytes / 1024
    if ev.seconds:
        lines.append(f"extraction: {kb:.1f} KB in {ev.seconds:.3f}s = {kb / ev.seconds:.0f} KB/s (one core)")
    return "\n".join(lines)


def format_blind_totals(ev: DevEvaluation) -> str:
    """Only the totals of a set kept unseen: no document names, no misses, no text."""
    links, people = ev.scores["links"], ev.scores["people"]
    return "\n".join(
        [
            f"links   P {links.precision:.2f} R {links.recall:.2f}  (tp {links.tp} fp {links.fp} fn {links.fn})",
            f"people  P {people.precision:.2f} R {people.recall:.2f}  (tp {people.tp} fp {people.fp} fn {people.fn})",
            f"villages given a wrong code: {len(ev.wrong_codes)}",
            f"bylines/reporters taken for leaders: {len(ev.bylines_as_leaders)}",
        ]
    )


WESTERN_PROVINCES = ("50", "51", "52", "53", "54", "61", "62", "63", "64", "65")
_SPOKEN_SUFFIXES = (
    ("村民委员会", "村"),
    ("村委会", "村"),
    ("牧民委员会", "村"),
    ("牧委会", "村"),
    ("居民委员会", "社区"),
    ("居委会", "社区"),
)


def spoken_village_name(full_name: str) -> str:
    """How a report writes a village of the code table: 某村委会 → 某村, 某居委会 → 某社区, 某村社区 as is.

    >>> [spoken_village_name(n) for n in ("四滧村村委会", "巴音牧委会", "烟多居委会", "东沟社区村民委员会")]
    ['四滧村', '巴音村', '烟多社区', '东沟社区']
    """
    for suffix, word in _SPOKEN_SUFFIXES:
        if full_name.endswith(suffix) and len(full_name) > len(suffix):
            base = full_name[: -len(suffix)]
            return base if base.endswith(("村", "社区")) else base + word
    return full_name


@dataclass
class VillageProbe:
    found: int = 0
    wrong: int = 0
    total: int = 0


def probe_village_names(
    index: PlaceIndex, extractor: Extractor, seed: int, count: int, provinces: tuple[str, ...] | None
) -> VillageProbe:
    """Villages drawn from the code table, each placed after its county and town in one sentence and
    paired by name alone in the next: how many get their own code, how many another village's."""
    import hashlib
    import random

    wanted = provinces or tuple(f"{n:02d}" for n in range(10, 100))
    villages = sorted(
        (p for code in wanted if index.get(code) is not None for p in index.descendants(code, "village")),
        key=lambda p: p.code,
    )
    probe = VillageProbe()
    for village in random.Random(seed).sample(villages, min(count, len(villages))):
        town = index.get(village.parent_code or "")
        district = index.get(town.parent_code or "") if town else None
        if town is None or district is None:
            continue
        name = spoken_village_name(village.full_name)
        text = f"{district.name}{town.name}{name}是经济薄弱村。县发改局与{name}结对帮扶。"
        doc = ReportDoc("report:probe", "probe.txt", text, hashlib.sha256(text.encode()).hexdigest(), text[:20])
        codes = {f.data.get("recipient_code") for f in extractor.extract(doc).facts if f.kind == "pairing"}
        probe.total += 1
        probe.found += village.code in codes
        probe.wrong += any(c and c != village.code and len(c) == 12 for c in codes)
    return probe


def main(argv: list[str]) -> None:
    from graph.settings import get_settings

    positional = [a for a in argv if not a.startswith("-")]
    corpus = Path(positional[0]) if positional else DEFAULT_CORPUS
    gold = Path(positional[1]) if len(positional) > 1 else DEFAULT_GOLD
    home = get_settings().home
    probes = [a.split("=", 1)[1] if "=" in a else "1" for a in argv if a.startswith("--village-names")]
    if probes:
        index = PlaceIndex.for_home(home, None)
        extractor = Extractor(index)
        for seed in probes:
            for title, drawn_from in (("western provinces", WESTERN_PROVINCES), ("all China", None)):
                p = probe_village_names(index, extractor, int(seed), 1000, drawn_from)
                print(
                    f"villages of the code table, {title} (seed {seed}): {p.found} of {p.total} paired with their"
                    f" own code, {p.wrong} with another village's"
                )
        return
    if "--blind" in argv:
        blind = evaluate_dev(PlaceIndex.for_home(home, None), DEFAULT_BLIND)
        print(f"== blind set (totals only): {DEFAULT_BLIND}")
        print(format_blind_totals(blind))
        return
    if "--dev-only" not in argv:
        provinces = None if "--all" in argv else ["31", "35"]
        started = time.perf_counter()
        index = PlaceIndex.for_home(home, provinces)
        built = time.perf_counter() - started
        extractor = Extractor(index)
        print(f"index: {len(index):,} places in {built:.1f}s; matcher built in {extractor.matcher.seconds:.1f}s")
        cold = evaluate(index, corpus, gold, extractor)
        kb = cold.bytes / 1024
        print(f"first pass (per-region caches cold): {kb / cold.seconds:.0f} KB/s")
        ev = evaluate(index, corpus, gold, extractor)
        print(f"== corpus: {corpus}")
        print(format_report(ev))
        if "-v" in argv:
            print("\nmisses:\n  " + "\n  ".join(ev.misses))
            print("extras:\n  " + "\n  ".join(ev.extras))
    if "--corpus-only" not in argv and (DEFAULT_DEV / "gold.json").exists():
        index = PlaceIndex.for_home(home, None)  # all of China
        extractor = Extractor(index)
        sets = tuple(d for d in DEV_SETS if (d / "gold.json").exists())
        for title, dirs in [(str(d), (d,)) for d in sets] + [("all development reports", sets)]:
            dev = evaluate_dev_sets(index, dirs, extractor)
            print(f"\n== development set: {title}")
            print(format_dev_report(dev))
            if "-v" in argv and len(dirs) == 1:
                print("\nmisses:\n  " + "\n  ".join(dev.misses))
                print("extras:\n  " + "\n  ".join(dev.extras))
        renamed = [a.split("=", 1)[1] for a in argv if a.startswith("--renamed=")]
        for seed in renamed:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                copies, what = renamed_dev_sets(index, Path(tmp), int(seed), sets)
                again = evaluate_dev_sets(index, copies, extractor)
            print(f"\n== all development reports renamed (seed {seed}: {what})")
            print(format_dev_report(again))
            if "-v" in argv:
                print("\nmisses:\n  " + "\n  ".join(again.misses))
                print("extras:\n  " + "\n  ".join(again.extras))


if __name__ == "__main__":
    main([a for a in sys.argv[1:]])
