"""The compose view: Marketing/Notification editors, live counters, problems and the phone preview."""

from gui.ui.compose.compose_view import ComposeView

__all__ = ["ComposeView"]
