"""Sending a campaign: the engine facade (`engine.Engine`), the runner (`runner`), what outcomes mean
(`outcomes`), run reports (`types`), the journal helper thread (`writer`), reconciliation, receipts, the run
lock and the session the window shares (`session`).
"""
