"""The `sms-composer` entry point: the window by default, or one of the subcommands."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from gui.domain.errors import UserFacingError

# The window is what most starts are: its start-up imports only what the window needs. The parser, the
# subcommands and the error reporting load when they are used (`main`, `build_parser`, `_report_storage_error`).

# Each name is a module in gui/cli/ exposing `register(subparsers)`; its parser sets `handler`.
COMMAND_MODULES: tuple[str, ...] = (
    "preview", "simulator", "send", "resume", "schedule", "run-due", "campaigns", "receipts", "export", "check", "report",
)


# Global options that take a value: their value is not a command name.
_VALUE_OPTIONS = ("--data-dir", "--api-base", "--lang")


def commands_needed(argv: list[str] | None) -> tuple[str, ...]:
    """The subcommand modules a command line needs: the one it names; none for the window (its start-up must
    not import the engine or the simulator); all of them for --help or anything unrecognised."""
    args = list(sys.argv[1:] if argv is None else argv)
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-h", "--help"):
            return COMMAND_MODULES
        if arg in _VALUE_OPTIONS:
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return (arg,) if arg in COMMAND_MODULES else COMMAND_MODULES
    return ()


def build_parser(commands: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser: global options plus the subcommands in `commands` (all by default)."""
    import argparse
    import importlib

    from gui import __version__
    from gui.services.config.paths import API_BASE_ENV, DATA_DIR_ENV

    parser = argparse.ArgumentParser(
        prog="sms-composer",
        description="短信群发助手 · SMS Campaign Composer",
    )
    parser.add_argument("--version", action="version", version=f"sms-composer {__version__}")
    parser.add_argument("--sandbox", action="store_true", help="practice mode: the built-in simulator")
    parser.add_argument("--smoke-test", action="store_true", help="build the window offscreen and exit")
    parser.add_argument("--data-dir", help=f"where the app database lives (or ${DATA_DIR_ENV})")
    parser.add_argument("--api-base", help=f"WeChat API base URL (or ${API_BASE_ENV})")
    parser.add_argument("--lang", choices=["zh", "en"], help="language of the window and messages")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"gui.cli.{name.replace('-', '_')}").register(subparsers)
    return parser


def apply_global_options(args: argparse.Namespace) -> None:
    """Options that every command honours travel as environment variables to the services."""
    from gui.services.config.paths import API_BASE_ENV, DATA_DIR_ENV

    if args.data_dir:
        os.environ[DATA_DIR_ENV] = args.data_dir
    if args.api_base:
        os.environ[API_BASE_ENV] = args.api_base
    if args.lang:
        os.environ["SMS_COMPOSER_LANG"] = args.lang


def main(argv: list[str] | None = None) -> int:
    """Run the command line (or the window) and return the process exit code."""
    from contextlib import ExitStack

    from gui.services.gc_scope import collector_paused

    # Start-up makes long-lived objects only (modules, classes, the window's widgets): the collector is paused
    # rather than walking them again and again (~2 % of the window's start) until the window's first paint, or
    # until a command has parsed its arguments; then it is on again as it was.
    with ExitStack() as start_up:
        start_up.enter_context(collector_paused())
        return _run(argv, start_up.close)


def _run(argv: list[str] | None, started: Callable[[], None]) -> int:
    from gui.cli.output import tolerate_console_encoding
    from gui.domain.errors import UserFacingError

    tolerate_console_encoding(sys.stdout, sys.stderr)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments:
        args = build_parser(commands_needed(arguments)).parse_args(arguments)
        apply_global_options(args)
        handler = getattr(args, "handler", None)
        sandbox, smoke_test, language = bool(args.sandbox), bool(args.smoke_test), args.lang
    else:  # the window, with nothing to parse
        handler, sandbox, smoke_test, language = None, False, False, None
    try:
        if handler is not None:
            started()
            from gui.services.config.storage import remove_app_stale_temps

            remove_app_stale_temps()
            return int(handler(args))
        # Qt is imported only when the window is wanted; it removes stale temp files after its first paint.
        from gui.ui.app import run_app

        return run_app(sandbox=sandbox, smoke_test=smoke_test, language=language, started=started)
    except UserFacingError as error:
        return _report(error)
    except OSError as error:
        return _report_storage_error(error)
    except KeyboardInterrupt:
        from gui.cli.output import pick

        sys.stderr.write(pick("已中断。\n", "Interrupted.\n"))
        return 130
    except Exception as error:
        import sqlite3

        if isinstance(error, sqlite3.OperationalError):
            return _report_storage_error(error)
        raise


def _report(error: UserFacingError) -> int:
    from gui.cli.output import print_error
    from gui.services.sending.types import EXIT_BAD_INPUT

    print_error(error)
    return EXIT_BAD_INPUT


def _report_storage_error(error: Exception) -> int:
    """A full disk or read-only data folder, said plainly; anything else is re-raised."""
    from pathlib import Path

    import platformdirs

    from gui import APP_NAME
    from gui.services.config.paths import DATA_DIR_ENV
    from gui.services.config.storage import storage_error

    # Named without creating it: creating it may be what failed.
    folder = Path(os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if isinstance(error, OSError) and error.filename:
        folder = Path(error.filename).parent  # the folder the failed write was for
    problem = storage_error(error, folder)
    if problem is None:
        raise error
    return _report(problem)
