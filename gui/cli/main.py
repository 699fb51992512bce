"""The `sms-composer` entry point: the window by default, or one of the subcommands."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sqlite3
import sys
from pathlib import Path

from gui import __version__
from gui.cli.output import pick, print_error, tolerate_console_encoding
from gui.domain.errors import UserFacingError
from gui.services.config.paths import DATA_DIR_ENV
from gui.services.config.settings import API_BASE_ENV
from gui.services.config.storage import remove_stale_temps, storage_error
from gui.services.sending.types import EXIT_BAD_INPUT

# Each name is a module in gui/cli/ exposing `register(subparsers)`; its parser sets `handler`.
COMMAND_MODULES: tuple[str, ...] = (
    "preview", "simulator", "send", "resume", "schedule", "run-due", "campaigns", "receipts", "export", "check", "report",
)


log = logging.getLogger(__name__)


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
    if args.data_dir:
        os.environ[DATA_DIR_ENV] = args.data_dir
    if args.api_base:
        os.environ[API_BASE_ENV] = args.api_base
    if args.lang:
        os.environ["SMS_COMPOSER_LANG"] = args.lang


def main(argv: list[str] | None = None) -> int:
    """Run the command line (or the window) and return the process exit code."""
    tolerate_console_encoding(sys.stdout, sys.stderr)
    parser = build_parser(commands_needed(argv))
    args = parser.parse_args(argv)
    apply_global_options(args)
    try:
        from gui.services.config.paths import config_dir, data_dir

        remove_stale_temps([data_dir(), config_dir()])
    except OSError:
        pass  # a folder that cannot be listed now says so below, when it is used
    try:
        handler = getattr(args, "handler", None)
        if handler is not None:
            return int(handler(args))
        from gui.ui.app import run_app  # Qt is imported only when the window is wanted

        return run_app(sandbox=args.sandbox, smoke_test=args.smoke_test, language=args.lang)
    except UserFacingError as error:
        print_error(error)
        return EXIT_BAD_INPUT
    except (sqlite3.OperationalError, OSError) as error:
        import platformdirs

        from gui import APP_NAME

        # Named without creating it: creating it may be what failed.
        folder = Path(os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False))
        if isinstance(error, OSError) and error.filename:
            folder = Path(error.filename).parent  # the folder the failed write was for
        problem = storage_error(error, folder)
        if problem is None:
            raise
        print_error(problem)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write(pick("已中断。\n", "Interrupted.\n"))
        return 130
