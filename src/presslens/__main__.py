"""``python -m presslens`` runs the CLI."""

from .cli import main

main()
