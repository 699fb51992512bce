"""The 检查并发送 page (`review_page`), the send in progress (`panel`), its worker thread (`worker`) and the
per-number status model (`status_model`).
"""
