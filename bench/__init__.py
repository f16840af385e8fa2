"""revkg's national-scale benchmarks: each figure measured against a baseline in the same run.

Run ``python -m bench run [--quick] [--only gazetteer,registers,analyses,api,extraction]`` from the
repository root. Raw results go to ``bench/results/<timestamp>.json``; ``BENCHMARKS.md`` is
regenerated from them. The benchmark runs its own managed Neo4j instance (``bench``, ports
27687/27474), so it never touches a planner's or the test suite's graph.
"""
