"""The files a load takes: paths as given, with folders expanded to the files of the loader's kinds."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def expand(paths: Iterable[Path], suffixes: Iterable[str], *, recursive: bool = False) -> list[Path]:
    """``paths`` with each folder replaced by its files whose suffix is one of ``suffixes``, sorted.

    The suffix is compared without regard to case; hidden files and Office's ``~$`` lock files are
    skipped. A path that is not a folder is kept as given, existing or not, so the caller can say
    which file is missing.

    Args:
        paths: files or folders.
        suffixes: the loader's file kinds, with the dot (``".csv"``).
        recursive: also take the files of sub-folders.

    >>> expand([Path("pairings.csv"), Path("no-such-folder")], [".csv"])
    [PosixPath('pairings.csv'), PosixPath('no-such-folder')]
    """
    wanted = {s.lower() for s in suffixes}
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = path.rglob("*") if recursive else path.iterdir()
        out.extend(
            sorted(
                p for p in found if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith(("~$", "."))
            )
        )
    return out
