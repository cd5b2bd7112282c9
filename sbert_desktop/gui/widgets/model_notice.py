"""A one-line notice on the pages that use both models (Compare, its Search tab): which model is
missing, what the page does without it, and a button that offers to load it; and, when a loaded
model is weak by the quality rule (docs/GUI.md), that cue."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.quality_text import cue_text
from sbert_desktop.gui.state import AppState, model_quality

WITHOUT = {"bi": "nothing can be encoded or searched", "cross": "pairs and search results are not reranked"}


class ModelNotice(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.label = QLabel()
        self.label.setObjectName("modelNotice")
        self.label.setWordWrap(True)
        self.load_bi = QPushButton(translate("ModelNotice", "Load a bi-encoder…"))
        self.load_bi.setObjectName("loadBiEncoder")
        self.load_bi.clicked.connect(lambda: state.model_requested.emit("bi"))
        self.load_cross = QPushButton(translate("ModelNotice", "Load a cross-encoder…"))
        self.load_cross.setObjectName("loadCrossEncoder")
        self.load_cross.clicked.connect(lambda: state.model_requested.emit("cross"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.load_bi)
        layout.addWidget(self.load_cross)
        state.active_changed.connect(self.refresh)
        self.refresh()

    def missing(self) -> list[str]:
        return [kind for kind, model in (("bi", self.state.bi_encoder), ("cross", self.state.cross_encoder))
                if model is None]

    def refresh(self) -> None:
        missing = self.missing()
        parts = [translate("ModelNotice", "No bi-encoder loaded: nothing can be encoded or searched.") if kind == "bi"
                 else translate("ModelNotice", "No cross-encoder loaded: pairs and search results are not reranked.")
                 for kind in missing]
        for kind, model, spec in (("bi", self.state.bi_encoder, self.state.bi_spec),
                                  ("cross", self.state.cross_encoder, self.state.cross_spec)):
            cue = model_quality(model, spec) if model is not None else None
            if cue is not None and cue.warning:
                parts.append((translate("ModelNotice", "Bi-encoder: {cue}") if kind == "bi"
                              else translate("ModelNotice", "Cross-encoder: {cue}")).format(cue=cue_text(cue)))
        self.label.setText(" ".join(parts))
        self.label.setStyleSheet("color: #b00020;" if parts else "")
        self.load_bi.setVisible("bi" in missing)
        self.load_cross.setVisible("cross" in missing)
        self.setVisible(bool(parts))
