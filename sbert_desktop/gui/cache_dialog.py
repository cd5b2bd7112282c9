"""Tools → Embedding cache…: what the embedding cache holds (per model: sentences, size, last
use), its size limit, and a button that empties it. Scanning and clearing run as jobs, since a
large cache takes a while to walk or delete."""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.i18n import date_time, number, translate
from sbert_desktop.core.units import format_bytes
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState

GB = 1024**3
COLUMNS = [QT_TRANSLATE_NOOP("CacheDialog", "Model"), QT_TRANSLATE_NOOP("CacheDialog", "Sentences"), QT_TRANSLATE_NOOP("CacheDialog", "Size"), QT_TRANSLATE_NOOP("CacheDialog", "Last used")]


def _scan(cache) -> dict:
    return {"entries": cache.entries(), "bytes": cache.size_bytes(), "max_bytes": cache.max_bytes}


class CacheDialog(QDialog):
    refreshed = Signal()  # the table shows the cache as it is now

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.cache = state.embedding_cache
        self.job: Job | None = None
        self.entries: list[dict] = []
        self.setWindowTitle(translate("CacheDialog", "Embedding cache"))
        self.setObjectName("cacheDialog")
        self.resize(640, 380)

        self.summary = QLabel(translate("CacheDialog", "Reading the cache…"))
        self.summary.setObjectName("cacheSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("CacheDialog", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.limit = QDoubleSpinBox()
        self.limit.setRange(0.1, 100_000)
        self.limit.setDecimals(1)
        self.limit.setSuffix(" GB")
        self.limit.setValue(self.cache.max_bytes / GB)
        self.limit.setToolTip(translate("CacheDialog", "When the cache grows beyond this, the models used least recently are removed"))
        self.apply_button = QPushButton(translate("CacheDialog", "Apply limit"))
        self.apply_button.clicked.connect(self.apply_limit)
        self.clear_button = QPushButton(translate("CacheDialog", "Clear cache…"))
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("CacheDialog", "Size limit")))
        row.addWidget(self.limit)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(translate("CacheDialog", "Folder: {path}").format(path=self.cache.root)))
        layout.addWidget(buttons)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> Job:
        cache = self.cache
        return self._run(translate("CacheDialog", "Read embedding cache"), lambda progress, cancel: _scan(cache))

    def _run(self, name: str, fn) -> Job:
        job = self.state.jobs.start(name, fn, kind="cache")  # replaces a scan or clean-up still running
        self.job = job
        self._set_busy(True)
        job.succeeded.connect(self._show)
        job.failed.connect(lambda failure: self.summary.setText(translate("CacheDialog", "{name} failed: {message}").format(name=name, message=failure.message)))
        job.ended.connect(lambda _status: self._set_busy(self.state.jobs.current("cache") is not None))
        return job

    def _set_busy(self, busy: bool) -> None:
        for button in (self.apply_button, self.clear_button):
            button.setEnabled(not busy)

    def _show(self, scan: dict) -> None:
        self.entries = scan["entries"]
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            name = entry.get("name") or entry.get("source") or entry["fingerprint"][:16]
            used = date_time(entry["last_used"]) if entry.get("last_used") else "–"
            cells = [name, number(entry['count']), format_bytes(entry["bytes"]), used]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setToolTip(translate("CacheDialog", "{source}\nfingerprint {fingerprint}\ndimension {dimension}").format(
                        source=entry.get('source') or '', fingerprint=entry['fingerprint'], dimension=entry.get('dimension')))
                if col in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        sentences = sum(e["count"] for e in self.entries)
        self.summary.setText(translate("CacheDialog", "{used} of {limit} used · {models} model(s) · {n} sentences").format(
            used=format_bytes(scan['bytes']), limit=format_bytes(scan['max_bytes']), models=len(self.entries), n=number(sentences)))
        self.refreshed.emit()

    # -- changing ----------------------------------------------------------------------------
    def apply_limit(self) -> Job:
        """Remember the limit and, when the cache is larger, remove the least recently used models."""
        cache, limit = self.cache, int(self.limit.value() * GB)

        def work(progress, cancel):
            cache.set_max_bytes(limit)
            cache.evict_to()
            return _scan(cache)

        return self._run(translate("CacheDialog", "Apply embedding cache limit"), work)

    def confirm_clear(self) -> bool:
        answer = QMessageBox.question(
            self, translate("CacheDialog", "Clear the embedding cache?"),
            translate("CacheDialog", "Remove every cached embedding? Sentences are encoded again the next time they are needed."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def clear(self) -> Job | None:
        if any(job.kind in ("encode", "pairs") for job in self.state.jobs.jobs()):
            self.summary.setText(translate("CacheDialog", "Sentences are being encoded; clear the cache when that finished."))
            return None
        if not self.confirm_clear():
            return None
        cache = self.cache

        def work(progress, cancel):
            cache.clear()
            return _scan(cache)

        return self._run(translate("CacheDialog", "Clear embedding cache"), work)


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    state = AppState()
    dialog = CacheDialog(state)
    dialog.show()
    code = app.exec()
    state.jobs.shutdown(10.0)
    sys.exit(code)
