"""A loader run in its own process, so a test can SIGKILL it mid-load.

    python -m tests.reliability.killable register FILE [--batch-size N] [--retry-s S]
    python -m tests.reliability.killable reports FILE... [--retry-s S]

It prints ``WRITING`` when the first write begins (so the killer can aim at the write phase)
and ``DONE`` when the load returned. Settings come from the environment, as for ``revkg``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph.db import connect
from graph.settings import get_settings
from loaders import register, reports
from loaders.gazetteer import ensure_downloaded
from loaders.places import PlaceIndex


def say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("loader", choices=("register", "reports"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--provinces", default="31,35")
    parser.add_argument("--retry-s", type=float, default=30.0, help="the driver's transaction retry time")
    args = parser.parse_args(argv)
    settings = get_settings()
    index = PlaceIndex.from_gazetteer(ensure_downloaded(settings.home / "gazetteer"), tuple(args.provinces.split(",")))
    driver = connect(settings, retry_s=args.retry_s)
    try:
        if args.loader == "register":

            def on_rows(stage: str, n: int) -> None:
                if stage == "read":
                    say("WRITING")

            register.load(driver, args.paths, index, batch_size=args.batch_size, on_rows=on_rows)
        else:
            # load() calls write() from the module it lives in, so that is where it is wrapped.
            from loaders.reports import loading

            real_write = loading.write
            started = False

            def write(*a: Any, **kw: Any) -> Any:
                nonlocal started
                if not started:
                    started = True
                    say("WRITING")
                return real_write(*a, **kw)

            loading.write = write  # type: ignore[assignment]
            reports.load(driver, args.paths, index)
    finally:
        driver.close()
    say("DONE")


if __name__ == "__main__":
    main()
