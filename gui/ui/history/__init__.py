"""The 发送记录 page (`page`).
"""
