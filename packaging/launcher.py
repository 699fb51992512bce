"""Entry script of the frozen bundle: make sure output has somewhere to go, then run the `sms-composer` CLI."""

from __future__ import annotations

import os
import sys

# Where stdout and stderr go when set: lets a windowed build (Windows console=False has no stdout at all)
# report `--version` and `--smoke-test`, e.g. in CI or a support session.
OUTPUT_ENV = "SMS_COMPOSER_OUTPUT"


def _redirect_output() -> None:
    target = os.environ.get(OUTPUT_ENV)
    if target:
        stream = open(target, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
        sys.stdout = sys.stderr = stream
        return
    if sys.platform == "win32" and sys.stdout is None:
        import ctypes

        # Started from a terminal: borrow the parent's console (ATTACH_PARENT_PROCESS) so output shows there.
        if ctypes.windll.kernel32.AttachConsole(-1):
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115
            sys.stderr = sys.stdout


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe-workbook"]:  # the trial read of an untrusted workbook (recipients/probe.py)
        from gui.services.recipients.probe import run_child

        run_child(sys.argv[2:])
    if sys.argv[1:2] == ["--read-sheet"]:  # a large workbook's sheet read apart (recipients/sheet_process.py)
        from gui.services.recipients.sheet_process import run_child as read_sheet

        read_sheet(sys.argv[2:])
    _redirect_output()
    from gui.cli.main import main

    sys.exit(main())
