"""Results written back into workbooks and CSV files.
"""
