"""Load a folder of registers into a fresh test graph and print its counts and property checksum.

Run it on two versions of the loader with the same input folder to prove a refactoring left the
graph unchanged (the ``Document.path`` property holds the file's path, so both runs must read the
very same files)::

    python -m tests.reliability.register_graphsum make /tmp/regsum      # examples + generated registers
    python -m tests.reliability.register_graphsum load /tmp/regsum      # the loader on PYTHONPATH

``load`` wipes the graph of the instance named by ``REVKG_INSTANCE`` (start it with its own
ports), loads the test provinces' gazetteer and then every register in the folder, twice (the
second load must leave the same graph).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROVINCES = ("31", "35")
GENERATED_ROWS = 20_000


def make(folder: Path) -> None:
    """Copy the example registers and write two generated pairings registers beside them."""
    from graph.settings import get_settings
    from loaders.gazetteer import ensure_downloaded
    from loaders.places import PlaceIndex
    from tests.reliability.badfiles import big_register

    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((REPO / "data" / "examples").iterdir()):
        if path.suffix.lower() in (".csv", ".xlsx", ".xls"):
            shutil.copy(path, folder / path.name)
    index = PlaceIndex.from_gazetteer(ensure_downloaded(get_settings().home / "gazetteer"), PROVINCES)
    codes = [p.code for p in index.descendants("310151", "village")]
    big_register(folder / "generated_by_code.csv", codes, rows=GENERATED_ROWS, bad_every=997)
    sys.path.insert(0, str(REPO / "bench"))
    from register_pairings import generate  # by name, town and district: exercises the resolver

    generate(GENERATED_ROWS, folder / "generated_by_name.csv", list(PROVINCES), seed=11)


def load(folder: Path) -> dict[str, object]:
    from graph.db import connect
    from graph.schema import install_schema
    from graph.server import LocalNeo4j
    from graph.settings import get_settings
    from loaders import gazetteer, register
    from loaders.places import PlaceIndex
    from tests.conftest import wipe
    from tests.reliability.graphsum import graph_sum

    settings = get_settings()
    LocalNeo4j(settings).start()
    driver = connect(settings)
    try:
        install_schema()
        wipe(driver)
        data = gazetteer.ensure_downloaded(settings.home / "gazetteer")
        gazetteer.load(driver, data, PROVINCES)
        index = PlaceIndex.from_gazetteer(data, PROVINCES)
        paths = register.expand([folder])
        report = register.load(driver, paths, index)
        first = graph_sum(driver)
        register.load(driver, paths, index)
        second = graph_sum(driver)
        return {
            "loader": register.__file__,
            "files": [p.name for p in paths],
            "loaded": report.loaded(),
            "rejected": len(report.rejected),
            "nodes": first.nodes,
            "relationships": first.relationships,
            "checksum": first.checksum,
            "second_load_identical": first == second,
            "by_label": first.by_label,
            "by_type": first.by_type,
        }
    finally:
        driver.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("make", "load"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.action == "make":
        make(args.folder)
    else:
        print(json.dumps(load(args.folder), ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
