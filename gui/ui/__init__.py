"""Everything Qt: windows, item models, the send worker thread. The only package that imports PySide6."""

from gui.ui.feature_scan import skip_feature_scan

skip_feature_scan()
