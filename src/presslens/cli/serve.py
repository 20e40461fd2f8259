"""The ``serve`` command: the HTTP API and web page over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presslens.store.sqlite import Store

from . import app, console

LOOPBACK = "127.0.0.1"


@app.command()
def serve(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")] = Path("presslens.sqlite"),
          host: Annotated[str, typer.Option(help="Address to bind; the default answers this machine only.")]
          = LOOPBACK,
          port: int = 8000,
          read_only: Annotated[bool, typer.Option("--read-only", help="Turn off POST /api/analyze.")] = False,
          max_body_bytes: Annotated[int | None, typer.Option(help="Largest request body accepted, 413 above "
                                                                 "(default 2 MB).")] = None,
          workers: Annotated[int, typer.Option(min=1, help="Server processes, each opening the store once "
                                                           "(read-only); about one per core.")] = 1) -> None:
    """Serve the HTTP API (/api/...) and a web page (/) over a store, opened read-only."""
    import os

    import uvicorn

    from presslens.serve.app import DEFAULT_MAX_BODY_BYTES, SERVE_ENV, create_app

    Store(db, read_only=True).close()  # fail early, with the usual message, if the store is missing
    reach = ("this machine only (loopback); pass --host 0.0.0.0 to answer other machines" if host == LOOPBACK
             else f"every client that can reach {host}: the API has no authentication")
    console.print(f"presslens on http://{host}:{port}/  (dashboard at /dashboard, API under /api, schema at /openapi.json)\n"
                  f"listening on {host}: {reach}"
                  + ("\nread-only: POST /api/analyze is off" if read_only else "")
                  + (f"\n{workers} worker processes" if workers > 1 else ""), highlight=False)
    max_body_bytes = max_body_bytes or DEFAULT_MAX_BODY_BYTES
    if workers == 1:
        uvicorn.run(create_app(db, read_only=read_only, max_body_bytes=max_body_bytes), host=host, port=port,
                    log_level="warning")
        return
    os.environ.update(zip(SERVE_ENV, (str(db.resolve()), "1" if read_only else "0", str(max_body_bytes))))
    run_workers(host, port, workers)


def run_workers(host: str, port: int, workers: int) -> None:
    """uvicorn's worker processes (``app_from_environment`` each) on one listening socket whose
    connections get TCP_NODELAY.

    uvicorn opens that socket with protocol 0, and asyncio then leaves Nagle's algorithm on: each
    response body would wait for the client's delayed ACK of its headers (40 ms on Linux).
    """
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config("presslens.serve.app:app_from_environment", factory=True, workers=workers, host=host,
                            port=port, log_level="warning")
    listening = socket.socket(fileno=config.bind_socket().detach())  # family, type and TCP read from the socket
    Multiprocess(config, sockets=[listening]).run()
