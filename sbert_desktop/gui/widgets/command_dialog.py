"""The Train page's "Export as command line" dialog: the exact ``sbert-desktop train`` command of a
run (for one process, or N with ``--nproc``), a Copy button and Save launch script…"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout,
)

from sbert_desktop.gui.i18n import translate
from sbert_desktop.core.atomic import atomic_write_text
from sbert_desktop.core.training.command_line import command_line, launch_script, train_argv


class CommandDialog(QDialog):
    def __init__(self, config: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("CommandDialog", "Run headless"))
        self.setObjectName("commandDialog")
        self.config = dict(config)
        self.nproc = QSpinBox()
        self.nproc.setObjectName("commandNproc")
        self.nproc.setRange(1, 64)
        self.nproc.setToolTip(translate("CommandDialog", "Processes on one machine (one per GPU): --nproc N runs torchrun, data-parallel"))
        self.nproc.valueChanged.connect(self._update)
        self.text = QPlainTextEdit()
        self.text.setObjectName("commandText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.copy_button = QPushButton(translate("CommandDialog", "Copy"))
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.save_button = QPushButton(translate("CommandDialog", "Save launch script…"))
        self.save_button.setObjectName("saveLaunchScript")
        self.save_button.clicked.connect(lambda: self.save_script())
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("CommandDialog", "Processes (GPUs) on one machine:")))
        top.addWidget(self.nproc)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self.resize(720, 260)
        self._update()

    def _update(self, *_args) -> None:
        n = self.nproc.value()
        self.text.setPlainText(command_line(self.config, n))
        notes = train_argv(self.config, n)[1]
        self.notes.setText("\n".join(notes) or translate("CommandDialog", "Several machines: torchrun --nnodes M "
                                                          "--nproc-per-node G --rdzv-endpoint HOST:29500 -m sbert_desktop "
                                                          "train … (the same options)"))

    def save_script(self, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("CommandDialog", "Save launch script"), "train.sh",
                                                  translate("CommandDialog", "Shell script (*.sh)"))
        if not path:
            return None
        atomic_write_text(path, launch_script(self.config))
        return path
