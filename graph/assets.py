"""Where the files revkg ships beside its code are: the same lookup in a checkout and in an installed wheel.

Each is package data found through ``importlib.resources``, never through the checkout's layout:
the Cypher catalogue is the ``cypher`` package; the Browser style and guide (``docs/browser``) and
the demo registers (``data/examples``) appear inside ``graph`` and ``loaders`` through the links
``graph/browser_assets`` and ``loaders/demo_data``, whose files setuptools copies into the wheel.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_dir(package: str, *parts: str) -> Path:
    """The folder ``parts`` inside the installed package ``package``.

    Raises:
        RuntimeError: the package is not installed as plain files (a zip import cannot serve a folder).
    """
    root = resources.files(package)
    if not isinstance(root, Path):
        raise RuntimeError(f"package {package!r} is not installed as files ({root!r}); reinstall revkg with pip")
    return root.joinpath(*parts)


def cypher_dir() -> Path:
    """The catalogue's root: ``<area>/<name>.cypher`` below it."""
    return package_dir("cypher")


def browser_dir() -> Path:
    """The Neo4j Browser style (``style.grass``) and guide (``guide.html``) the API serves."""
    return package_dir("graph", "browser_assets")


def demo_dir() -> Path:
    """The example registers ``revkg up`` loads as the demo."""
    return package_dir("loaders", "demo_data")
