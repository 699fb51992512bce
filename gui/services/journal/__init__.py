"""The send journal in SQLite: the store (`store.Journal`), per-number reads and receipts (`numbers`), the
schema (`schema`) and its vocabulary (`types`).
"""
