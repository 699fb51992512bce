"""The journal tests share the sending tests' fixtures (a simulator, a journal on a real file)."""

from tests.services.sending.conftest import client, journal, simulator  # noqa: F401
