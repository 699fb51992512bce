"""Allows `python -m gui` as well as the `sms-composer` command."""

import sys

from gui.cli.main import main

sys.exit(main())
