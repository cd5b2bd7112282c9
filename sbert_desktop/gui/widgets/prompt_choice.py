"""The loaded bi-encoder's use settings: the prompt put before sentences, the prompt put before
search queries, and the Matryoshka dimensions. Shown on the Model page once a bi-encoder is loaded.

A change is applied to the loaded model (no reload) and announced through ``changed``: its
fingerprint — the embedding cache key — changes with it, so nothing embedded with the old
setting is reused.
"""

from __future__ import annotations

from typing import Any

from sbert_desktop.gui.i18n import translate
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QSpinBox, QWidget

DEFAULT = "__default__"
NONE = "__none__"


class PromptChoice(QGroupBox):
    """Prompts per use (sentences / queries) and dimensions of ``model``."""

    changed = Signal(object)  # the model, after a setting changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("PromptChoice", "Prompts and dimensions"), parent)
        self.model: Any = None
        self.sentences = QComboBox()
        self.sentences.setObjectName("promptSentences")
        self.sentences.setToolTip(translate("PromptChoice", "Put before every sentence that is embedded (the corpus, the map, clusters)"))
        self.queries = QComboBox()
        self.queries.setObjectName("promptQueries")
        self.queries.setToolTip(translate("PromptChoice", "Put before search queries (Compare page search)"))
        self.dimensions = QSpinBox()
        self.dimensions.setObjectName("dimensions")
        self.dimensions.setSpecialValueText(translate("PromptChoice", "all"))
        self.dimensions.setToolTip(translate("PromptChoice", "Matryoshka models: keep the first N dimensions, then normalise to unit length "
                                   "(smaller, faster; the Evaluate page shows what it costs)"))
        form = QFormLayout(self)
        form.addRow(translate("PromptChoice", "Sentence prompt"), self.sentences)
        form.addRow(translate("PromptChoice", "Query prompt"), self.queries)
        form.addRow(translate("PromptChoice", "Dimensions"), self.dimensions)
        self.sentences.activated.connect(self._apply)
        self.queries.activated.connect(self._apply)
        self.dimensions.editingFinished.connect(self._apply)
        self.hide()

    def set_model(self, model: Any) -> None:
        """Show ``model``'s prompts and dimension (hidden for a cross-encoder or no model)."""
        self.model = model if model is not None and hasattr(model, "prompts") else None
        if self.model is None:
            self.hide()
            return
        prompts = dict(model.prompts)
        default = model.default_prompt_name
        for box, chosen in ((self.sentences, (model.prompt_name, model.prompt_text)),
                            (self.queries, model.query_prompt or (None, None))):
            box.blockSignals(True)
            box.clear()
            box.addItem(translate("PromptChoice", "model's default ({name})").format(name=default) if default
                        else translate("PromptChoice", "model's default (none)"), DEFAULT)
            box.addItem(translate("PromptChoice", "none"), NONE)
            for name, text in prompts.items():
                box.addItem(f"{name}: {text!r}", name)
            name, text = chosen
            current = NONE if text == "" or (name or "").lower() == "none" else (name or DEFAULT)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
        if model.query_prompt is None and "query" in prompts:
            self.queries.setItemText(0, translate("PromptChoice", "query (the model's query prompt)"))
        self.dimensions.blockSignals(True)
        self.dimensions.setRange(0, model.full_dimension)
        self.dimensions.setValue(model.dimensions or 0)
        self.dimensions.blockSignals(False)
        self.show()

    @staticmethod
    def _choice(box: QComboBox) -> tuple[str | None, str | None]:
        data = box.currentData()
        if data == DEFAULT:
            return None, None
        if data == NONE:
            return None, ""
        return data, None

    def _apply(self, *_args) -> None:
        model = self.model
        if model is None:
            return
        before = model.fingerprint(), model.query_prompt
        model.use_prompt(*self._choice(self.sentences))
        model.use_query_prompt(*self._choice(self.queries))
        model.set_dimensions(self.dimensions.value() or None)
        if (model.fingerprint(), model.query_prompt) != before:
            self.changed.emit(model)
