"""The send journal on real SQLite files.
"""
