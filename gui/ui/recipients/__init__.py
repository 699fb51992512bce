"""The 收件人 page (`page`) and its dialogs and panels (`tools`).
"""
