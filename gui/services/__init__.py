"""I/O without Qt: the API client, the simulator, spreadsheets, the SQLite journal, credentials."""
