"""Results written back: export to a copy of the user's workbook or CSV (`export`), what each row says (`rows`)
and the two workbook writers (`workbook_copy`, `workbook_stream`).
"""
