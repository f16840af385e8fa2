"""One module per benchmark phase; each exposes ``run(ctx) -> dict`` of raw results."""
