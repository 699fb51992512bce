"""Paths, settings and credentials.
"""
