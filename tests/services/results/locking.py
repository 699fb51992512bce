"""Make a folder refuse new files for the length of a block, whoever runs the tests (root included)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def unwritable_folder(folder: Path) -> Iterator[None]:
    """`folder` refuses to create, rename or replace files inside the block.

    A normal user gets a read-only folder (mode 0555); root ignores modes, so there the folder is made
    immutable (`chattr +i`, what a locked-down share or a read-only mount does); on Windows a deny-write ACE.
    Skipped where none of these works.
    """
    if os.name == "nt":
        # Read-only attributes do not stop Windows creating files in a folder; a deny ACE for Everyone does.
        everyone = "*S-1-1-0"
        if subprocess.run(["icacls", str(folder), "/deny", f"{everyone}:(W)"], capture_output=True).returncode:
            pytest.skip("icacls could not deny writing to the folder")
        try:
            yield
        finally:
            subprocess.run(["icacls", str(folder), "/remove:d", everyone], check=True, capture_output=True)
        return
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("running as root on a file system without chattr +i: no way to make a folder read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)
