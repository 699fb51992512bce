"""The app's SQLite file and the send journal in it: connections, schema version and migrations (`database`),
the store (`store.Journal`) with its recovery and requeueing (`maintenance`), per-number reads and receipts
(`numbers`) and the repeat guard's reads (`repeats`),
the journal's tables (`schema`) and the rows it hands out (`types`).
"""
