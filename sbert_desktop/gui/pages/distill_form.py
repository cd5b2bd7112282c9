"""The Train page's settings for multilingual distillation (core/training/distill.py): the teacher,
which columns of the parallel file are the source and its translation, and an optional STS dev set
(e.g. KorSTS dev) whose Spearman picks the published model. Shown when the task is "distill"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.widgets.file_field import FileField


def inspect_parallel(path: str) -> dict:
    """Worker thread: the parallel file as distillation reads it (columns, rows, a few pairs)."""
    from sbert_desktop.core.data.parallel import read_parallel

    data = read_parallel(path)
    return {"format": data.format, "task": "distill", "rows": len(data), "encoding": data.encoding or "",
            "columns": list(data.columns), "source_column": data.source_column, "target_column": data.target_column,
            "sample": [list(pair) for pair in zip(data.source[:3], data.target[:3])]}


class DistillOptions(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("DistillForm", "Distillation"), parent)
        self.setObjectName("distillOptions")
        self.teacher = QLineEdit()
        self.teacher.setObjectName("distillTeacher")
        self.teacher.setPlaceholderText(translate("DistillForm", "the start model itself (or a folder / hub id)"))
        self.teacher.setToolTip(translate("DistillForm", "The teacher embeds the source sentences; the student learns to "
                                          "put the source and its translation there. Empty: the model training "
                                          "starts from"))
        self.source_column = QComboBox()
        self.source_column.setObjectName("distillSource")
        self.target_column = QComboBox()
        self.target_column.setObjectName("distillTarget")
        for box in (self.source_column, self.target_column):
            box.setMinimumContentsLength(12)
            box.setToolTip(translate("DistillForm", "Columns of the parallel file (the training file): the source "
                                     "sentence and its translation"))
        self.sts_dev = FileField(translate("DistillForm", "STS dev set to watch, e.g. KorSTS dev (optional)"))
        form = QFormLayout(self)
        form.addRow(translate("DistillForm", "Teacher"), self.teacher)
        form.addRow(translate("DistillForm", "Source column"), self.source_column)
        form.addRow(translate("DistillForm", "Translation column"), self.target_column)
        form.addRow(translate("DistillForm", "STS dev"), self.sts_dev)

    def set_columns(self, info: dict) -> None:
        """Offer the parallel file's columns, the reader's choice selected."""
        columns = [str(c) for c in info.get("columns") or []] or ["0", "1"]
        for box, chosen in ((self.source_column, info.get("source_column")), (self.target_column, info.get("target_column"))):
            box.clear()
            box.addItems(columns)
            if chosen in columns:
                box.setCurrentText(str(chosen))

    def config(self) -> tuple[dict, str | None]:
        """The ``TrainConfig`` fields of distillation, or a problem to show."""
        sts_dev = self.sts_dev.path() or None
        if sts_dev and not Path(sts_dev).is_file():
            return {}, translate("DistillForm", "STS dev file not found: {path}").format(path=sts_dev)
        source, target = self.source_column.currentText() or None, self.target_column.currentText() or None
        if source is not None and source == target:
            return {}, translate("DistillForm", "The source and the translation column are the same ({column}).").format(
                column=source)
        return {"teacher": self.teacher.text().strip() or None, "source_column": source, "target_column": target,
                "sts_dev_file": sts_dev}, None
