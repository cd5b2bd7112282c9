"""Model page: choose a bi- or cross-encoder (bundled, local folder, hub id, recent), its pooling,
length, normalisation and device; load it in the background; see what was loaded."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.i18n import translate
from sbert_desktop.core.models.modes import POOLING_MODES
from sbert_desktop.gui.jobs import Job, JobFailure
from sbert_desktop.gui.state import AppState, ModelSpec
from sbert_desktop.gui.widgets.prompt_choice import PromptChoice

POOLING_LABELS = {"mean": QT_TRANSLATE_NOOP("Model", "Mean of tokens"), "cls": QT_TRANSLATE_NOOP("Model", "CLS token"),
                  "max": QT_TRANSLATE_NOOP("Model", "Max over tokens"),
                  "mean_sqrt_len_tokens": QT_TRANSLATE_NOOP("Model", "Mean × √length"),
                  "weightedmean": QT_TRANSLATE_NOOP("Model", "Position-weighted mean"),
                  "lasttoken": QT_TRANSLATE_NOOP("Model", "Last token")}
#: (label, value): the model's own, then core's modes (core.models.modes: no torch at start-up)
POOLING_CHOICES = [(QT_TRANSLATE_NOOP("Model", "Model's own"), None)] + [(POOLING_LABELS.get(m, m), m) for m in POOLING_MODES]
DEVICES = ["auto", "cpu", "cuda", "mps"]
#: (label, (precision, backend)) of the model's inference (core/models/runtime.py); int8 is last
PRECISION_CHOICES = [(QT_TRANSLATE_NOOP("Model", "fp32 (torch, exact)"), ("fp32", None)), ("fp32 (ONNX Runtime)", ("fp32", "onnx")),
                     ("int8 (ONNX Runtime)", ("int8", "onnx"))]
SUMMARY_FIELDS = [("name", QT_TRANSLATE_NOOP("Model", "Name")), ("architecture", QT_TRANSLATE_NOOP("Model", "Architecture")),
                  ("parameters", QT_TRANSLATE_NOOP("Model", "Parameters")), ("layers", QT_TRANSLATE_NOOP("Model", "Layers")),
                  ("dimension", QT_TRANSLATE_NOOP("Model", "Dimension")), ("vocab_size", QT_TRANSLATE_NOOP("Model", "Vocabulary")),
                  ("pooling", QT_TRANSLATE_NOOP("Model", "Pooling")), ("normalize", QT_TRANSLATE_NOOP("Model", "Normalized")),
                  ("num_labels", QT_TRANSLATE_NOOP("Model", "Labels")), ("head", QT_TRANSLATE_NOOP("Model", "Head")),
                  ("score", QT_TRANSLATE_NOOP("Model", "Score")), ("note", QT_TRANSLATE_NOOP("Model", "Note")),
                  ("max_seq_length", QT_TRANSLATE_NOOP("Model", "Max length")), ("device", QT_TRANSLATE_NOOP("Model", "Device")),
                  ("source", QT_TRANSLATE_NOOP("Model", "Source"))]


def load_model(spec: ModelSpec):
    """Load the model ``spec`` describes (worker thread); returns ``(model, info, devices)``."""
    from sbert_desktop.core.models import BiEncoder, CrossEncoder, available_devices

    if spec.encoder == "cross":
        model = CrossEncoder.load(spec.source, max_seq_length=spec.max_seq_length, device=spec.device,
                                  precision=spec.precision or "fp32", backend=spec.backend)
    else:
        model = BiEncoder.load(spec.source, pooling=spec.pooling, max_seq_length=spec.max_seq_length,
                               normalize=spec.normalize, device=spec.device,
                               precision=spec.precision or "fp32", backend=spec.backend)
    return model, model.info(), available_devices()


def load_models(specs: list[ModelSpec]):
    """Load every spec (worker thread): ``(loaded, errors, devices)`` with ``loaded`` a list of
    ``(spec, model, info)`` and ``errors`` a list of ``(spec, message)`` — one model that fails to
    load does not keep the other from loading."""
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.models import available_devices

    loaded, errors = [], []
    for spec in specs:
        try:
            model, info, _devices = load_model(spec)
        except (SbertDesktopError, OSError, ValueError) as exc:
            errors.append((spec, str(exc)))
            continue
        loaded.append((spec, model, info))
    return loaded, errors, available_devices()


def format_value(key: str, value) -> str:
    if value is None:
        return "–"
    if key == "parameters":
        return f"{value:,} ({value / 1e6:.1f} M)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class ModelPage(QWidget):
    title = "Model"
    model_loaded = Signal(object)  # the model, after the state was updated

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.job: Job | None = None

        self.bi = QRadioButton(translate("Model", "Bi-encoder (sentence embeddings)"))
        self.cross = QRadioButton(translate("Model", "Cross-encoder (scores a pair)"))
        self.bi.setChecked(True)
        self.encoder_group = QButtonGroup(self)
        self.encoder_group.addButton(self.bi)
        self.encoder_group.addButton(self.cross)
        self.bi.toggled.connect(self._update_enabled)

        self.source = QComboBox()
        self.source.setObjectName("modelSource")
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.location = QLineEdit()
        self.location.setPlaceholderText(translate("Model", "a folder, or a hub id such as sentence-transformers/all-mpnet-base-v2"))
        self.location.returnPressed.connect(self.load)
        self.browse = QPushButton(translate("Model", "Browse…"))
        self.browse.clicked.connect(self._browse)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location, 1)
        location_row.addWidget(self.browse)

        self.pooling = QComboBox()
        for label, value in POOLING_CHOICES:
            self.pooling.addItem(translate("Model", label), value)
        self.pooling.setToolTip(translate("Model", "How token vectors become one sentence vector (the SBERT paper: mean is best)"))
        self.max_len = QSpinBox()
        self.max_len.setRange(0, 8192)
        self.max_len.setSpecialValueText(translate("Model", "model's own"))
        self.max_len.setToolTip(translate("Model", "Longer inputs are truncated to this many tokens"))
        self.normalize = QComboBox()
        for label, value in [(translate("Model", "Model's own"), None), (translate("Model", "On (unit length)"), True),
                             (translate("Model", "Off"), False)]:
            self.normalize.addItem(label, value)
        self.precision = QComboBox()
        self.precision.setObjectName("modelPrecision")
        for label, value in PRECISION_CHOICES:
            self.precision.addItem(translate("Model", label), value)
        self.precision.setToolTip(translate("Model", "How the model runs: exact fp32 on torch, or through ONNX Runtime "
                                  "(int8: faster and smaller, measured against fp32 below)"))
        from sbert_desktop.gui.widgets.precision_calibration import PrecisionCalibration

        self.calibration = PrecisionCalibration(state)
        self.device = QComboBox()
        self.device.addItems(DEVICES)
        self._set_devices(state.devices)
        state.devices_changed.connect(self._set_devices)

        self.load_button = QPushButton(translate("Model", "Load model"))
        self.load_button.setDefault(True)
        self.load_button.clicked.connect(self.load)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("modelError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        choose = QGroupBox(translate("Model", "Choose a model"))
        form = QFormLayout(choose)
        encoder_row = QHBoxLayout()
        encoder_row.addWidget(self.bi)
        encoder_row.addWidget(self.cross)
        encoder_row.addStretch(1)
        form.addRow(translate("Model", "Encoder"), encoder_row)
        form.addRow(translate("Model", "Source"), self.source)
        form.addRow(translate("Model", "Location"), location_row)
        form.addRow(translate("Model", "Pooling"), self.pooling)
        form.addRow(translate("Model", "Max sequence length"), self.max_len)
        form.addRow(translate("Model", "Normalize embeddings"), self.normalize)
        form.addRow(translate("Model", "Precision"), self.precision)
        form.addRow(self.calibration)
        form.addRow(translate("Model", "Device"), self.device)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.error)

        summary = QGroupBox(translate("Model", "Loaded model"))
        self.summary_form = QFormLayout(summary)
        self.loaded = QLabel()
        self.loaded.setObjectName("loadedModels")
        self.loaded.setWordWrap(True)
        self.loaded.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_form.addRow(self.loaded)
        self.summary: dict[str, QLabel] = {}
        for key, label in SUMMARY_FIELDS:
            value = QLabel("–")
            value.setObjectName(f"summary_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            if key == "note":  # a cross-encoder's folder loaded as the bi-encoder
                value.setStyleSheet("color: #b00020;")
            self.summary[key] = value
            self.summary_form.addRow(translate("Model", label), value)

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(choose)
        # prompts per use (sentences / queries) and Matryoshka dimensions of the loaded bi-encoder
        self.prompt_choice = PromptChoice()
        self.prompt_choice.changed.connect(
            lambda model: self.state.set_model(model, self.state.bi_spec, remember=False)
            if model is self.state.bi_encoder and self.state.bi_spec is not None else None)
        state.bi_encoder_changed.connect(self.prompt_choice.set_model)
        left.addWidget(self.prompt_choice)
        left.addStretch(1)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(summary)
        right.addStretch(1)
        layout.addLayout(right, 2)

        self._fill_sources()
        self._update_enabled()
        self._show_loaded()
        state.active_changed.connect(self._show_active)
        state.model_requested.connect(self.offer)

    # -- choices -----------------------------------------------------------------------------
    def _fill_sources(self) -> None:
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(translate("Model", "Bundled default — all-MiniLM-L6-v2"), "default")
        self.source.addItem(translate("Model", "Local folder…"), "folder")
        self.source.addItem(translate("Model", "Hugging Face hub id…"), "hub")
        recent = [m for m in self.state.settings.recent_models() if m != "default"]
        if recent:
            self.source.insertSeparator(self.source.count())
            for item in recent:
                self.source.addItem(translate("Model", "Recent: {model}").format(model=item), item)
        self.source.blockSignals(False)
        self._on_source_changed()

    def _on_source_changed(self, *_args) -> None:
        kind = self.source.currentData()
        needs_location = kind in ("folder", "hub")
        self.location.setEnabled(needs_location)
        self.browse.setEnabled(kind == "folder")
        if not needs_location:
            self.location.setText("" if kind == "default" else str(kind))

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("Model", "Choose a model folder"), self.location.text())
        if path:
            self.location.setText(path)

    def _set_devices(self, devices: list[str]) -> None:
        model = self.device.model()
        if isinstance(model, QStandardItemModel):
            for row, name in enumerate(DEVICES):
                model.item(row).setEnabled(name == "auto" or name in devices)
        if self.device.currentText() not in devices and self.device.currentText() != "auto":
            self.device.setCurrentText("auto")

    def _update_enabled(self) -> None:
        bi = self.bi.isChecked()
        self.pooling.setEnabled(bi)
        self.normalize.setEnabled(bi)

    def spec(self) -> ModelSpec:
        """The choices on the page as a :class:`ModelSpec`."""
        kind = self.source.currentData()
        source = self.location.text().strip() if kind in ("folder", "hub") else str(kind)
        return ModelSpec(
            encoder="bi" if self.bi.isChecked() else "cross",
            source=source or "default",
            pooling=self.pooling.currentData() if self.bi.isChecked() else None,
            max_seq_length=self.max_len.value() or None,
            normalize=self.normalize.currentData() if self.bi.isChecked() else None,
            device=self.device.currentText(),
            precision=(self.precision.currentData() or ("fp32", None))[0],
            backend=(self.precision.currentData() or ("fp32", None))[1],
        )

    def set_spec(self, spec: ModelSpec) -> None:
        (self.cross if spec.encoder == "cross" else self.bi).setChecked(True)
        index = self.source.findData(spec.source)
        if index < 0:
            index = self.source.findData("folder" if Path(spec.source).exists() else "hub")
        self.source.setCurrentIndex(index)
        if self.source.currentData() in ("folder", "hub"):
            self.location.setText(spec.source)
        self.pooling.setCurrentIndex(max(0, self.pooling.findData(spec.pooling)))
        self.max_len.setValue(spec.max_seq_length or 0)
        self.normalize.setCurrentIndex(max(0, self.normalize.findData(spec.normalize)))
        self.device.setCurrentText(spec.device if spec.device in DEVICES else "auto")
        choice = (spec.precision, spec.backend if spec.backend != "torch" else None)
        values = [value for _label, value in PRECISION_CHOICES]
        self.precision.setCurrentIndex(values.index(choice) if choice in values else 0)

    # -- loading -----------------------------------------------------------------------------
    def load(self, spec: ModelSpec | None = None) -> Job:
        """Load ``spec`` (default: the page's choices) in the background; it becomes active."""
        spec = spec if isinstance(spec, ModelSpec) else self.spec()
        self.error.hide()
        self.busy.show()
        self.load_button.setEnabled(False)
        label = translate("Model", "bundled model") if spec.source == "default" else Path(spec.source).name or spec.source
        # replaces a load still running (its result is dropped; loading itself cannot be interrupted)
        job = self.state.jobs.start(translate("Model", "Load {model}").format(model=label), lambda progress, cancel: load_model(spec), kind="model-load")
        job.succeeded.connect(lambda out: self._on_loaded(spec, *out))
        job.failed.connect(self._on_failed)
        job.ended.connect(self._on_ended)
        self.job = job
        return job

    def offer(self, kind: str) -> None:
        """Another page asked for the missing ``kind`` of model: show this page with that kind
        chosen, preset to the last one of that kind this window loaded (press Load to load it)."""
        raw, _active = self.state.settings.last_models()
        spec = ModelSpec.from_dict(raw[kind]) if kind in raw else ModelSpec(encoder=kind)
        self.set_spec(spec)
        if kind == "cross" and spec.source == "default":
            self.source.setCurrentIndex(self.source.findData("folder"))  # no bundled cross-encoder
        self.state.page_requested.emit("Model")

    def restore(self, specs: list[ModelSpec], active: str = "bi") -> Job:
        """Load the models kept from the last session (a bi- and a cross-encoder) in one job; the
        ``active`` kind becomes active. A model that fails is named on the page, the rest load."""
        specs = sorted(specs, key=lambda sp: sp.encoder == active)  # the active one is set last
        self.error.hide()
        self.busy.show()
        self.load_button.setEnabled(False)
        names = translate("Model", " and ").join(translate("Model", "cross-encoder") if sp.encoder == "cross"
                                                 else translate("Model", "bi-encoder") for sp in specs)
        job = self.state.jobs.start(translate("Model", "Load the last {models}").format(models=names), lambda progress, cancel: load_models(specs),
                                    kind="model-load")  # replaces a load still running
        job.succeeded.connect(lambda out: self._on_restored(active, *out))
        job.failed.connect(self._on_failed)
        job.ended.connect(self._on_ended)
        self.job = job
        return job

    def _on_restored(self, active: str, loaded: list, errors: list, devices: list[str]) -> None:
        self.state.set_devices(devices)
        kept, _active = self.state.settings.last_models()
        for spec, model, info in loaded:
            # a kind the settings did not hold yet (the bundled bi-encoder on a first start) is kept
            self.state.set_model(model, spec, remember=spec.encoder not in kept,
                                 activate=spec.encoder == active or len(loaded) == 1)
        if loaded:
            self.state.settings.set_active_kind(self.state.active_kind)
        if loaded:
            spec, model, info = next(((s, m, i) for s, m, i in loaded if s.encoder == self.state.active_kind),
                                     loaded[-1])
            self._show_info(info)
            self._fill_sources()
            self.set_spec(spec)
            self.model_loaded.emit(model)
        if errors:
            self.error.setText("\n".join(
                (translate("Model", "Could not load the last cross-encoder ({source}): {message}") if sp.encoder == "cross"
                 else translate("Model", "Could not load the last bi-encoder ({source}): {message}")).format(
                    source=sp.source, message=message) for sp, message in errors))
            self.error.show()

    def _on_loaded(self, spec: ModelSpec, model, info: dict, devices: list[str]) -> None:
        self.state.set_devices(devices)
        self.state.set_model(model, spec)
        self._show_info(info)
        self._fill_sources()
        self.set_spec(spec)
        self.model_loaded.emit(model)
        self.calibration.measure(model)

    def _on_failed(self, failure: JobFailure) -> None:
        self.error.setText(translate("Model", "Could not load the model: {message}").format(message=failure.message))
        self.error.show()
        if not failure.expected:
            from sbert_desktop.gui.errors import show_failure

            show_failure(self, failure, translate("Model", "Could not load the model"))

    def _on_ended(self, _status: str = "") -> None:
        if self.state.jobs.current("model-load") is None:  # no newer load runs
            self.busy.hide()
            self.load_button.setEnabled(True)

    def _show_loaded(self) -> None:
        """Both models, the active one in bold, each with its quality cue (docs/GUI.md)."""
        from sbert_desktop.gui.quality_text import cue_text
        from sbert_desktop.gui.state import model_quality

        lines = []
        for kind, text, model, spec in (("bi", self.state.bi_summary(), self.state.bi_encoder, self.state.bi_spec),
                                        ("cross", self.state.cross_summary(), self.state.cross_encoder,
                                         self.state.cross_spec)):
            line = _escape(text)
            if model is not None and kind == self.state.active_kind:
                line = translate("Model", "<b>{model}</b> (active)").format(model=line)
            cue = model_quality(model, spec) if model is not None else None
            if cue is not None and cue.warning:
                line += f"<br><span style='color:#b00020'>{_escape(cue_text(cue))}</span>"
            elif model is not None and cue is None:
                line += "<br><span style='color:#666'>" + translate("Model", "Not evaluated here (no dev figure).") + "</span>"
            lines.append(line)
        self.loaded.setText("<br>".join(lines))

    def _show_active(self) -> None:
        self._show_loaded()
        model = self.state.active_model
        if model is not None and hasattr(model, "info"):
            self._show_info(model.info())

    def _show_info(self, info: dict) -> None:
        for key, label in self.summary.items():
            label.setText(format_value(key, info.get(key)))
            visible = key in info
            label.setVisible(visible)
            self.summary_form.labelForField(label).setVisible(visible)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    from sbert_desktop.gui.pages.standalone import launch

    sys.exit(launch(ModelPage))
