"""Extraction phase: report extraction throughput (KB/s per core) and the matcher's cost.

The corpus reports (``/work/shared/corpus``) are extracted in this process, timed by CPU time (one
thread, so per core): once as written, then again in copies whose resolved villages are renamed to
other villages of the same town (the issue's "corpus reports repeated with varied names"), so no
copy repeats the text or the places of another. Baseline in the same run: scanning the same texts for every
place name of the index with one Aho-Corasick automaton (pyahocorasick) — dictionary matching
alone, the floor of what any extractor has to do. The extraction is timed with the open-class
recognizer (the loader's default) and with the rules alone, alternating, in the same process. Matcher build time and memory: the national (or
quick: one province) ``PlaceIndex`` and the ``Extractor`` built on it, measured by RSS growth.
"""

from __future__ import annotations

import gc
import hashlib
import os
import random
import time
from pathlib import Path
from typing import Any

from bench.context import Context
from bench.instance import _rss
from bench.measure import load_average
from loaders import gazetteer, reports
from loaders.places import PlaceIndex

CORPUS = Path("/work/shared/corpus")


def run(ctx: Context) -> dict[str, Any]:
    import ahocorasick

    result: dict[str, Any] = {"load_average": {"start": load_average()}}
    data_dir = gazetteer.ensure_downloaded(ctx.server.settings.home / "gazetteer")
    paths = sorted(CORPUS.glob("*.txt"))
    docs = [reports.read(p) for p in paths]
    size_kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1024
    gc.collect()
    rss0 = _rss(os.getpid()) or 0
    t0, c0 = time.perf_counter(), time.process_time()
    index = PlaceIndex.for_home(ctx.server.settings.home, ctx.provinces)
    extractor = reports.Extractor(index)
    extractor.extract(docs[0])  # the matcher is built lazily on first use
    result["matcher"] = {
        "build_seconds": round(time.perf_counter() - t0, 2),
        "build_cpu_seconds": round(time.process_time() - c0, 2),
        "rss_growth_bytes": (_rss(os.getpid()) or 0) - rss0,
        "provinces": "all" if ctx.provinces is None else ",".join(ctx.provinces),
    }
    ctx.log(
        f"  matcher built in {result['matcher']['build_seconds']} s, "
        f"+{result['matcher']['rss_growth_bytes'] / 2**20:.0f} MiB"
    )
    rounds = 3 if ctx.quick else 5
    originals = [extractor.extract(doc) for doc in docs]
    copies, renamed = varied_copies(originals, index, rounds - 1, ctx.seed)
    docs = docs + copies
    size_kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1024
    # With the open-class recognizer (the loader's default) and the rules alone, alternating in this
    # process so both see the same load from other work on the machine.
    rules_only = reports.Extractor(index, matcher=extractor.matcher, model=False)
    cpu = {"with": 0.0, "without": 0.0}
    facts = {"with": 0, "without": 0}
    recognizer = extractor.recognizer
    calls0, chars0 = (recognizer.calls, recognizer.chars) if recognizer else (0, 0)
    for _ in range(3):
        for key, ex in (("with", extractor), ("without", rules_only)):
            c0 = time.process_time()
            for doc in docs:
                facts[key] += len(ex.extract(doc).facts)
            cpu[key] += time.process_time() - c0
    result["extraction"] = {
        "documents": len(docs),
        "kb": round(size_kb, 1),
        "villages_renamed": renamed,
        "cpu_seconds": round(cpu["with"] / 3, 3),
        "kb_per_s_per_core": round(3 * size_kb / cpu["with"], 1),
        "facts": facts["with"] // 3,
        "without_model_kb_per_s_per_core": round(3 * size_kb / cpu["without"], 1),
        "with_over_without": round(cpu["without"] / cpu["with"], 3),
        # How much of the text the model read: only the sentences and windows the rules left open.
        "model_calls": (recognizer.calls - calls0) // 3 if recognizer else 0,
        "model_chars_share": (
            round((recognizer.chars - chars0) / (3 * sum(len(d.text) for d in docs)), 4) if recognizer else 0.0
        ),
    }
    ctx.log(
        f"  extraction with model {result['extraction']['kb_per_s_per_core']} KB/s/core, without "
        f"{result['extraction']['without_model_kb_per_s_per_core']} (ratio {result['extraction']['with_over_without']})"
    )
    # Baseline: one automaton over every place name in the index, scanning the same texts.
    automaton = ahocorasick.Automaton()
    for r in gazetteer.read(data_dir, ctx.provinces):
        for name in {r.name, r.full_name}:
            if len(name) >= 2:
                automaton.add_word(name, name)
    automaton.make_automaton()
    c0 = time.process_time()
    hits = 0
    for _ in range(20):
        for doc in docs:
            hits += sum(1 for _ in automaton.iter(doc.text))
    cpu_base = time.process_time() - c0
    result["baseline_dictionary_scan"] = {
        "kb": round(size_kb * 20, 1),
        "cpu_seconds": round(cpu_base, 3),
        "kb_per_s_per_core": round(size_kb * 20 / cpu_base, 1),
    }
    result["ratio"] = round(
        result["extraction"]["kb_per_s_per_core"] / result["baseline_dictionary_scan"]["kb_per_s_per_core"], 4
    )
    ctx.log(
        f"  extraction {result['extraction']['kb_per_s_per_core']} KB/s/core vs dictionary scan "
        f"{result['baseline_dictionary_scan']['kb_per_s_per_core']} KB/s/core"
    )
    result["load_average"]["end"] = load_average()
    return result


def varied_copies(
    extractions: list[reports.Extraction], index: PlaceIndex, copies: int, seed: int
) -> tuple[list[reports.ReportDoc], int]:
    """``copies`` renamed versions of each report, and how many village mentions were renamed.

    Every village the extractor resolved is replaced, at each of its mentions, by a village of the
    same town chosen at random (a mention written without 村 gets the new name without it), so the
    copies read like reports about other places.
    """
    rng = random.Random(seed)
    out: list[reports.ReportDoc] = []
    renamed = 0
    for n in range(1, copies + 1):
        for ext in extractions:
            doc = ext.doc
            spans = sorted(
                {
                    (f.evidence.start, f.evidence.end, f.data["code"])
                    for f in ext.facts
                    if f.kind == "place" and f.data["level"] == "village" and f.data.get("code")
                }
            )
            new_name: dict[str, str] = {}
            for code in {code for _, _, code in spans}:
                place = index.get(code)
                siblings = (
                    [p for p in index.children(place.parent_code) if p.code != code]
                    if place is not None and place.parent_code
                    else []
                )
                if siblings:
                    new_name[code] = rng.choice(siblings).name
            parts, last = [], 0
            for start, end, code in spans:
                if start < last or code not in new_name:
                    continue
                name = new_name[code]
                if not doc.text[start:end].endswith(("村", "社区")):
                    name = name.removesuffix("村").removesuffix("社区") or name
                parts += [doc.text[last:start], name]
                last = end
                renamed += 1
            text = "".join(parts) + doc.text[last:]
            out.append(
                reports.ReportDoc(
                    uid=f"{doc.uid}~{n}",
                    path=doc.path,
                    text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    title=doc.title,
                )
            )
    return out, renamed
