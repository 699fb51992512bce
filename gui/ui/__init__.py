"""Everything Qt: windows, item models, the send worker thread. The only package that imports PySide6."""
