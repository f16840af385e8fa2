"""The loaders' place index for the API process: built once, over the provinces the graph holds."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from neo4j import Driver

from graph import analyses
from graph.settings import Settings


def place_index(request: Request, driver: Driver, settings: Settings) -> Any:
    """The ``loaders.places.PlaceIndex`` uploads and review decisions resolve names with, built once per process."""
    return place_index_for(request.app.state, driver, settings)


def place_index_for(state: Any, driver: Driver, settings: Settings) -> Any:
    """The place index kept on the app's ``state`` (``api/warm.py`` builds it before the first upload)."""
    index = getattr(state, "place_index", None)
    if index is None:
        from loaders.places import PlaceIndex

        provinces = analyses.loaded_provinces(driver, settings.neo4j_database)
        index = PlaceIndex.for_home(settings.home, provinces or None)
        state.place_index = index
    return index
