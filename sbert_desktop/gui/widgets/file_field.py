"""A file chooser with room for what was detected and for an inline error (file, line, reason)."""

from __future__ import annotations

from pathlib import Path

from sbert_desktop.gui.core_text import error_detail
from sbert_desktop.gui.i18n import translate
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

DATA_FILTER = QT_TRANSLATE_NOOP("FileField", "Data files (*.txt *.csv *.tsv *.jsonl *.json *.parquet *.xlsx *.gz);;All files (*)")


class FileField(QWidget):
    """``[ path .................. ] [Browse…]`` with an info line and an error line below."""

    path_chosen = Signal(str)

    def __init__(self, placeholder: str = QT_TRANSLATE_NOOP("FileField", "Choose a file…"), file_filter: str = DATA_FILTER, parent=None):
        super().__init__(parent)
        self.file_filter = translate("FileField", file_filter)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("FileField", placeholder))
        self.edit.returnPressed.connect(self._on_return)
        self.browse = QPushButton(translate("FileField", "Browse…"))
        self.browse.clicked.connect(self._on_browse)
        self.info = QLabel()
        self.info.setObjectName("fileInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setStyleSheet("color: palette(mid);")
        self.info.hide()
        self.error = QLabel()
        self.error.setObjectName("fileError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addWidget(self.error)

    def path(self) -> str:
        return self.edit.text().strip()

    def set_path(self, path: str | Path, emit: bool = True) -> None:
        self.edit.setText(str(path))
        if emit:
            self.path_chosen.emit(str(path))

    def set_info(self, text: str) -> None:
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def clear_messages(self) -> None:
        self.set_info("")
        self.set_error("")

    def _on_return(self) -> None:
        if self.path():
            self.path_chosen.emit(self.path())

    def _on_browse(self) -> None:
        start = str(Path(self.path()).parent) if self.path() else ""
        path, _ = QFileDialog.getOpenFileName(self, translate("FileField", "Open data file"), start, self.file_filter)
        if path:
            self.set_path(path)


def describe_error(error: BaseException) -> str:
    """``Could not read the file: sts.csv, line 12: score is not a number`` for a DataError (the frame
    and the word "line" in the window's language, the reason as the core wrote it); the message
    for anything else under the same frame."""
    detail = error_detail(error, name_only=True)
    return translate("FileField", "Could not read the file: {detail}").format(detail=detail)
