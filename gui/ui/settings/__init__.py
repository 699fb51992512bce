"""The 设置 page (`page`).
"""
