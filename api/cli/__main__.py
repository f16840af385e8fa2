"""``python -m api.cli`` runs the ``revkg`` command line (as the installed ``revkg`` script does)."""

from api.cli import app

app()
