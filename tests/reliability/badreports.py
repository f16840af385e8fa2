"""Reports that stress the extractor rather than the reader: no sentence ends, names of ten thousand
characters, a GBK paragraph and a NUL inside UTF-8. Built at test time from the corpus (its text is
read, never copied here), so nothing is committed but the recipe.

``python -m tests.reliability.badreports FILE...`` loads the files into the configured Neo4j in this
process and prints one JSON line: what the load did, its seconds and this process's peak RSS.
"""

from __future__ import annotations

import json
import random
import re
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CORPUS
from tests.reliability.badfiles import GOOD_SENTENCE

NAME_ENDINGS = ("村", "局", "公司", "有限公司党支部", "")  # "" is a run that ends in no unit ending at all


def corpus_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def sentence_less(path: Path, chars: int) -> Path:
    """The corpus with every sentence end and line break made a comma, repeated to ``chars`` characters:
    one line, no sentence anywhere."""
    flat = re.sub(r"[。！？!?\r\n]+", "，", "".join(corpus_texts()))
    path.write_text((flat * (chars // len(flat) + 1))[:chars], "utf-8")
    return path


def _common_han(rng: random.Random, n: int) -> str:
    common = [chr(c) for c in range(0x4E00, 0x9FA6) if chr(c).encode("gb2312", "ignore")]
    return "".join(rng.choice(common) for _ in range(n))


def long_names(folder: Path, length: int = 10_000) -> list[Path]:
    """One report per ending: a run of ``length`` Han characters ending in 村, 局, 公司, a party
    ending or nothing, between two ordinary sentences; and one whose run is a single character."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(15)
    paths = []
    for i, ending in enumerate(NAME_ENDINGS):
        path = folder / f"long_name_{i}.txt"
        path.write_text(
            f"{GOOD_SENTENCE}\n{_common_han(rng, length)}{ending}与四滧村结对共建。\n{GOOD_SENTENCE}", "utf-8"
        )
        paths.append(path)
    same = folder / "long_name_same.txt"
    same.write_text(f"{GOOD_SENTENCE}\n{'某' * length}有限公司投入资金。\n{GOOD_SENTENCE}", "utf-8")
    return paths + [same]


@dataclass
class Mixed:
    path: Path
    gbk_paragraph: str  # as it should read back
    gbk_lines: list[int]
    junk_line: int


def mixed_encodings(path: Path) -> Mixed:
    """A corpus report in UTF-8 with a NUL, another report's first paragraph in GBK and a line of
    bytes that are neither UTF-8 nor GB18030 in the middle."""
    first, second = corpus_texts()[:2]
    lines = first.splitlines()
    paragraph = next(
        line for line in second.splitlines() if len(line) > 40 and line.encode("gbk", "ignore").decode("gbk") == line
    )
    head, tail = lines[: len(lines) // 2], lines[len(lines) // 2 :]
    junk = bytes(range(0x80, 0x100))  # 0x80 and 0xFF start no character in UTF-8 or GB18030
    raw = [line.encode("utf-8") for line in head] + [b"\x00" + paragraph.encode("gbk"), junk]
    raw += [line.encode("utf-8") for line in tail]
    path.write_bytes(b"\n".join(raw))
    return Mixed(path, paragraph, [len(head) + 1], len(head) + 2)


def main(argv: list[str]) -> None:
    from graph.db import connect
    from graph.settings import get_settings
    from loaders import reports
    from loaders.gazetteer import ensure_downloaded
    from loaders.places import PlaceIndex

    settings = get_settings()
    index = PlaceIndex.from_gazetteer(ensure_downloaded(settings.home / "gazetteer"), ("31", "35"))
    driver = connect(settings)
    started = time.perf_counter()
    try:
        result = reports.load(driver, [Path(a) for a in argv], index, database=settings.neo4j_database)
    finally:
        driver.close()
    print(
        json.dumps(
            {
                "written": result.written,
                "rejected": result.rejected,
                "notes": result.notes,
                "facts": sum(result.facts.values()),
                "seconds": round(time.perf_counter() - started, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
