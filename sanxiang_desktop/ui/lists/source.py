"""Kept for the GUI's imports: the list protocol lives in services (Qt-free, layer rule)."""
from ...services.list_source import *  # noqa: F401,F403
from ...services.list_source import ColumnSpec, ListQuery, ListSource, ListSourceByIds, Row, RowState  # noqa: F401
