"""The ``presslens`` command: a thin typer shell over the library.

Usage errors (unknown option, bad value, missing argument) and library errors
(``PresslensError``) become one line on stderr and exit code 2; with ``--json`` a library
error is printed as ``{"error": ..., "message": ...}``. Anything else is a bug: one line and
exit code 1, with the traceback under ``--verbose``.
"""

from __future__ import annotations

import sys
import traceback
from importlib.metadata import PackageNotFoundError, version as package_version
from typing import Annotated

import typer

from presslens.core.errors import PresslensError

from .output import VERBOSITY, console, err_console, print_json  # noqa: F401  (commands import these from here)

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Turn news articles into verifiable, structured data.")


def presslens_version() -> str:
    """The installed package version (the source tree's when running uninstalled)."""
    try:
        return package_version("presslens")
    except PackageNotFoundError:
        from presslens import __version__

        return __version__


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"presslens {presslens_version()}\n")
        raise typer.Exit()


@app.callback()
def options(version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                  help="Print the version and exit.")] = False,
            quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, titles or summaries.")] = False,
            verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                                  help="A line per article while ingesting; tracebacks of bugs.")]
            = False) -> None:
    """Turn news articles into verifiable, structured data."""
    if quiet and verbose:
        raise typer.BadParameter("give --quiet or --verbose, not both")
    VERBOSITY.quiet, VERBOSITY.verbose = quiet, verbose


def _fail(message: str, code: int) -> None:
    sys.stderr.write(" ".join(message.split()) + "\n")
    sys.exit(code)


def _usage_line(exc: typer.TyperException) -> str:
    """A click usage error as one line: what is wrong and where the help is."""
    ctx = getattr(exc, "ctx", None)
    where = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
    return f"error: {exc.format_message()}{where}"


def main() -> None:
    """Entry point: run the app, turning errors into one line and an exit code."""
    try:
        app(standalone_mode=False)
    except PresslensError as exc:
        if "--json" in sys.argv:
            print_json(exc.to_dict())
            sys.exit(2)
        _fail(f"error: {exc}", 2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _fail("aborted", 130)
    except BrokenPipeError:  # `presslens ... | head` closed the pipe: nothing more to say
        sys.stderr.close()
        sys.exit(0)
    except typer.TyperException as exc:  # click usage errors arrive here in non-standalone mode
        _fail(_usage_line(exc), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the edge: a bug becomes one line, the traceback on request
        if VERBOSITY.verbose:
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --verbose for the traceback)", 1)


# Command modules register themselves on ``app`` when imported (one line each).
from . import corpus  # noqa: E402,F401
from . import evaluate  # noqa: E402,F401
from . import events  # noqa: E402,F401
from . import naming  # noqa: E402,F401
from . import places  # noqa: E402,F401
from . import scale  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import speakers  # noqa: E402,F401
from . import stories  # noqa: E402,F401
