"""The ``serve`` command: the HTTP API and web page over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presslens.store.sqlite import Store

from . import app, console


@app.command()
def serve(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
          host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the HTTP API (/api/...) and a web page (/) over a store."""
    import uvicorn

    from presslens.serve.app import create_app

    Store(db, create=False).close()  # fail early, with the usual message, if the store is missing
    console.print(f"presslens on http://{host}:{port}/  (API under /api, docs at /docs)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
