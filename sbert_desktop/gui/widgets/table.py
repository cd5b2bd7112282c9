"""A read-only table model over columns of Python sequences or numpy arrays.

Nothing is copied into items: ``data()`` indexes the columns on demand, so a preview of a million
rows costs no more than one of ten. Pair it with :func:`configure_big_table`, which keeps the view
from measuring every row.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

_Index = QModelIndex | QPersistentModelIndex


class ColumnsTableModel(QAbstractTableModel):
    """Columns of equal length, shown side by side; optional row labels (source line numbers)."""

    def __init__(self, columns: dict[str, Sequence[Any]] | None = None, row_labels: Sequence[Any] | None = None, parent=None):
        super().__init__(parent)
        self._names: list[str] = []
        self._columns: list[Sequence[Any]] = []
        self._rows = 0
        self._row_labels: Sequence[Any] | None = None
        if columns is not None:
            self.set_columns(columns, row_labels)

    def set_columns(self, columns: dict[str, Sequence[Any]], row_labels: Sequence[Any] | None = None) -> None:
        self.beginResetModel()
        self._names = list(columns)
        self._columns = [columns[name] for name in self._names]
        self._rows = min((len(c) for c in self._columns), default=0)
        self._row_labels = row_labels
        self.endResetModel()

    def clear(self) -> None:
        self.set_columns({})

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][index.row()]
            if value is None:
                return ""
            if isinstance(value, float):
                return f"{value:.3g}"
            text = str(value)
            if role == Qt.ItemDataRole.DisplayRole and len(text) > 300:
                return text[:300] + "…"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = self._columns[index.column()][index.row()]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._names[section] if section < len(self._names) else None
        if self._row_labels is not None and section < len(self._row_labels):
            return str(self._row_labels[section])
        return str(section + 1)


def configure_big_table(view: QTableView) -> None:
    """Fixed row heights and interactive column widths: the view never scans all rows."""
    vh = view.verticalHeader()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(view.fontMetrics().height() + 8)
    hh = view.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hh.setStretchLastSection(True)
    hh.setDefaultSectionSize(260)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it): it walked every cell
