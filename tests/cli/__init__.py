"""The `sms-composer` commands, end to end.
"""
