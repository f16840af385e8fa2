"""The named Cypher queries, one per ``<area>/<name>.cypher`` file, as package data.

Importable so that an installed revkg finds its catalogue with ``importlib.resources`` (see
``graph/queries.py``); no Python code lives here.
"""
