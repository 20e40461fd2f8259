"""The ``presslens`` command: a thin typer shell over the library.

Library errors (``PresslensError``) become one line on stderr and exit code 2;
with ``--json`` the same error is printed as ``{"error": ..., "message": ...}``.
"""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console

from presslens.core.errors import PresslensError

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Turn news articles into verifiable, structured data.")
console = Console()
err_console = Console(stderr=True)


def print_json(data: object) -> None:
    """JSON on stdout, UTF-8, no rich markup."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    """Entry point: run the app, turning library errors into a one-line message."""
    try:
        app(standalone_mode=False)
    except PresslensError as exc:
        if "--json" in sys.argv:
            print_json(exc.to_dict())
        else:
            err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise


# Command modules register themselves on ``app`` when imported (one line each).
from . import corpus  # noqa: E402,F401
from . import evaluate  # noqa: E402,F401
from . import events  # noqa: E402,F401
from . import naming  # noqa: E402,F401
from . import places  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import speakers  # noqa: E402,F401
from . import stories  # noqa: E402,F401
