"""The Compare page's pair table: sentence A, sentence B, bi-encoder cosine, cross-encoder score,
gold and their rank disagreement.

:class:`PairTableModel` reads the :class:`~sbert_desktop.core.explore.PairResult` arrays on
demand (nothing is copied into items) and sorts with ``numpy.argsort`` (a 50k-row sort takes
milliseconds instead of the seconds of a Python ``lessThan``). :class:`PairFilterProxy` filters
by text and by how much the two rankings disagree; its ``sort`` is delegated to the source model.
"""

from __future__ import annotations

from sbert_desktop.gui.i18n import translate
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PAIR_ROLE = Qt.ItemDataRole.UserRole + 2  # the pair's index in the result

COLUMNS = [QT_TRANSLATE_NOOP("PairTable", "Sentence A"), QT_TRANSLATE_NOOP("PairTable", "Sentence B"), QT_TRANSLATE_NOOP("PairTable", "Bi cosine"), QT_TRANSLATE_NOOP("PairTable", "Cross score"), QT_TRANSLATE_NOOP("PairTable", "Gold"), QT_TRANSLATE_NOOP("PairTable", "Δ rank")]
A, B, BI, CROSS, GOLD, DELTA = range(6)


def _reference_name(ref: str) -> str:
    names = {"cross": QT_TRANSLATE_NOOP("PairTable", "cross-encoder"), "gold": QT_TRANSLATE_NOOP("PairTable", "gold"),
             "reference": QT_TRANSLATE_NOOP("PairTable", "reference"),
             "cross-encoder (or gold)": QT_TRANSLATE_NOOP("PairTable", "cross-encoder (or gold)")}
    return translate("PairTable", names[ref]) if ref in names else ref


class PairTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self.delta: np.ndarray | None = None
        self.order = np.zeros(0, np.int64)  # row -> pair
        self.row_of = np.zeros(0, np.int64)  # pair -> row

    def set_result(self, result) -> None:
        self.beginResetModel()
        self.result = result
        n = 0 if result is None else len(result)
        self.delta = None if result is None else result.disagreement()
        self.order = np.arange(n)
        self.row_of = np.arange(n)
        self.endResetModel()

    def column_values(self, column: int) -> np.ndarray | None:
        r = self.result
        if r is None:
            return None
        return {BI: r.bi, CROSS: r.cross, GOLD: r.gold, DELTA: self.delta}.get(column)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() or self.result is None else len(self.result)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def pair_at(self, row: int) -> int:
        return int(self.order[row])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.result is None:
            return None
        pair, col = int(self.order[index.row()]), index.column()
        if role == PAIR_ROLE:
            return pair
        if col in (A, B):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
                return self.result.text(pair)[col]
            return None
        values = self.column_values(col)
        if values is None:
            return "–" if role == Qt.ItemDataRole.DisplayRole else None
        value = values[pair]
        if role == SORT_ROLE:
            return float(value)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == GOLD and self.result.gold_names is not None:
                return self.result.gold_names[int(value)]
            if col == DELTA:
                return f"{int(value):+d}" if value else "0"
            return f"{float(value):.3f}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == DELTA and value:
            return QColor("#1a7f37") if value > 0 else QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole and col == DELTA:
            ref = _reference_name(self.result.reference[0] if self.result.reference else "reference")
            return translate("PairTable", "bi-encoder rank minus {ref} rank: {delta}\n"
                             "positive: the {ref} ranks this pair higher than the bi-encoder").format(ref=ref, delta=f"{int(value):+d}")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("PairTable", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            ref = _reference_name(self.result.reference[0] if self.result is not None and self.result.reference
                                  else "cross-encoder (or gold)")
            return {BI: translate("PairTable", "bi-encoder cosine similarity"),
                    CROSS: translate("PairTable", "cross-encoder score of the pair"),
                    DELTA: translate("PairTable", "difference of ranks: bi-encoder rank minus {ref} rank (positive: the {ref} ranks "
                                     "the pair higher)").format(ref=ref),
                    GOLD: translate("PairTable", "the data set's gold score or label")}.get(section)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.result is None or not len(self.result):
            return
        values = self.column_values(column)
        if column in (A, B):
            keys = [self.result.text(i)[column].lower() for i in range(len(self.result))]
            perm = np.array(sorted(range(len(keys)), key=keys.__getitem__), np.int64)
        elif values is None:
            return
        else:
            perm = np.argsort(np.asarray(values, np.float64), kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            perm = perm[::-1].copy()
        self.layoutAboutToBeChanged.emit()
        old_rows = self.persistentIndexList()
        old_pairs = [(int(self.order[i.row()]), i.column()) for i in old_rows]
        self.order = perm
        self.row_of = np.empty_like(perm)
        self.row_of[perm] = np.arange(len(perm))
        self.changePersistentIndexList(old_rows, [self.index(int(self.row_of[p]), c) for p, c in old_pairs])
        self.layoutChanged.emit()


class PairFilterProxy(QSortFilterProxyModel):
    """Rows whose sentences contain ``text`` (case-insensitive) and whose |Δ rank| ≥ ``min_delta``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._min_delta = 0
        self._keep: np.ndarray | None = None  # per pair
        self.setSortRole(SORT_ROLE)

    def source(self) -> PairTableModel:
        return self.sourceModel()

    def set_filter(self, text: str | None = None, min_delta: int | None = None) -> None:
        if text is not None:
            self._text = text.strip().lower()
        if min_delta is not None:
            self._min_delta = int(min_delta)
        self.refresh()

    def refresh(self) -> None:
        model = self.source()
        result = model.result if model is not None else None
        keep = None
        if result is not None and (self._text or self._min_delta):
            keep = np.ones(len(result), bool)
            if self._text:
                t = self._text
                keep &= np.fromiter((t in a.lower() or t in b.lower() for a, b in map(result.text, range(len(result)))),
                                    bool, len(result))
            if self._min_delta and model.delta is not None:
                keep &= np.abs(model.delta) >= self._min_delta
        self.beginFilterChange()
        self._keep = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if self._keep is None:
            return True
        return bool(self._keep[self.source().order[source_row]])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (numpy), keep the proxy's own order the source order."""
        self.source().sort(column, order)

    def row_of_pair(self, pair: int) -> int:
        """The proxy row showing ``pair``, -1 when it is filtered out."""
        model = self.source()
        if model.result is None or not 0 <= pair < len(model.result):
            return -1
        return self.mapFromSource(model.index(int(model.row_of[pair]), 0)).row()

    def pair_at(self, proxy_row: int) -> int:
        return self.source().pair_at(self.mapToSource(self.index(proxy_row, 0)).row())
