"""The Train page's form: encoder, task and loss; train and dev files; hyperparameters.

Defaults are the SBERT paper's recipe (batch 16, lr 2e-5, 10 % linear warm-up, 1 epoch for NLI
and 4 for STS); every value has a tooltip saying what it does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.core.training.config import LOSSES as CORE_LOSSES
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState
from sbert_desktop.gui.widgets.file_field import FileField, describe_error

LOSS_LABELS = {"softmax": QT_TRANSLATE_NOOP("TrainingForm", "Softmax classifier over (u, v, |u−v|) — paper"),
               "mnrl": QT_TRANSLATE_NOOP("TrainingForm", "Multiple negatives ranking"),
               "mse": QT_TRANSLATE_NOOP("TrainingForm", "MSE to the teacher's embedding of the source — paper"),
               "cosine": QT_TRANSLATE_NOOP("TrainingForm", "Cosine similarity, MSE — paper"),
               "cosent": QT_TRANSLATE_NOOP("TrainingForm", "CoSENT ranking"),
               "ce": QT_TRANSLATE_NOOP("TrainingForm", "Cross-entropy, 3 classes"),
               "bce": QT_TRANSLATE_NOOP("TrainingForm", "Binary cross-entropy on the scaled score"),
               "cached_mnrl": QT_TRANSLATE_NOOP("TrainingForm", "Multiple negatives ranking, gradient caching (big batches, small memory)")}
#: (encoder, task) -> [(loss, label)], the first is the default: core's LOSSES (config imports no torch)
LOSSES = {key: [(loss, LOSS_LABELS.get(loss, loss)) for loss in names] for key, names in CORE_LOSSES.items()}


RETRIEVAL_TASKS = ("pairs", "triplets")


def inspect_pairs(path: str, task: str | None = None) -> dict:
    """Worker thread: what the training reader will see in ``path`` (format, task, rows; for pair
    and triplet files also a few rows to show before training)."""
    if task == "distill":  # parallel sentences (source, translation)
        from sbert_desktop.gui.pages.distill_form import inspect_parallel

        return inspect_parallel(path)
    if task in RETRIEVAL_TASKS:
        from sbert_desktop.core.data.retrieval_pairs import read_retrieval_pairs

        data = read_retrieval_pairs(path, task)
        return {"format": data.format, "task": task, "rows": len(data), "encoding": "", "sample": data.rows()[:3]}
    from sbert_desktop.core.data import read_pairs

    pairs = read_pairs(path)
    return {"format": pairs.format, "task": pairs.task, "rows": len(pairs), "encoding": pairs.encoding,
            "warnings": pairs.warnings}


def _spin(lo: int, hi: int, value: int, tip: str, special: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setValue(value)
    box.setToolTip(tip)
    box.setAccelerated(True)
    if special:
        box.setSpecialValueText(special)
    return box


def _dspin(lo: float, hi: float, value: float, step: float, decimals: int, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setToolTip(tip)
    return box


class TrainingForm(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self._inspect_jobs: dict[str, Job] = {}

        self.encoder = QComboBox()
        self.encoder.addItem(translate("TrainingForm", "Bi-encoder (SBERT)"), "bi")
        self.encoder.addItem(translate("TrainingForm", "Cross-encoder"), "cross")
        self.encoder.setToolTip(translate("TrainingForm", "Bi-encoders embed each sentence; cross-encoders read both sentences together"))
        self.task = QComboBox()
        self.task.addItem(translate("TrainingForm", "STS — similarity scores"), "sts")
        self.task.addItem(translate("TrainingForm", "NLI — entailment labels"), "nli")
        self.task.addItem(translate("TrainingForm", "Pairs — (anchor, positive), e.g. question/answer"), "pairs")
        self.task.addItem(translate("TrainingForm", "Triplets — (anchor, positive, negative), e.g. mined"), "triplets")
        self.task.addItem(translate("TrainingForm", "Distillation — parallel sentences (source, translation)"), "distill")
        self.task.setToolTip(translate("TrainingForm", "Set from the training file when it is opened (STS/NLI); pairs and triplets train "
                             "a bi-encoder with multiple-negatives ranking on retrieval data"))
        self.loss = QComboBox()
        self.loss.setToolTip(translate("TrainingForm", "The objective; the first one is the paper's"))
        self.start_from = QComboBox()
        self.start_from.setToolTip(translate("TrainingForm", "Fine-tune the active model (Model page) or the bundled all-MiniLM-L6-v2"))
        self._start_choice: str | None = None  # what the user picked; None: the active model when there is one
        self.start_from.activated.connect(lambda _i: setattr(self, "_start_choice", self.start_from.currentData()))
        self.encoder.currentIndexChanged.connect(self._update_choices)
        self.task.currentIndexChanged.connect(self._update_losses)
        self.task.currentIndexChanged.connect(self._reinspect_train)
        state.active_changed.connect(self._update_choices)

        self.train_file = FileField(translate("TrainingForm", "Training pairs (STS-B, KorSTS, SNLI, KorNLI, SICK or generic)"))
        self.dev_file = FileField(translate("TrainingForm", "Dev pairs, for the metric curve (optional)"))
        self.train_file.path_chosen.connect(lambda path: self._inspect(self.train_file, path, set_task=True))
        self.dev_file.path_chosen.connect(lambda path: self._inspect(self.dev_file, path))
        state.data_changed.connect(self._on_data)
        self.use_data_button = QPushButton()
        self.use_data_button.setObjectName("useDataPairs")
        self.use_data_button.clicked.connect(self._use_offered)
        self.use_data_button.hide()

        self.epochs = _spin(0, 100, 0, translate("TrainingForm", "Passes over the training data. Paper: 4 for STS-B, 1 for NLI."), translate("TrainingForm", "paper (STS 4, NLI 1)"))
        self.batch_size = _spin(1, 4096, 16, translate("TrainingForm", "Pairs per optimisation step. Paper: 16."))
        self.lr = QLineEdit("2e-5")
        self.lr.setValidator(QDoubleValidator(1e-8, 1.0, 10))
        self.lr.setToolTip(translate("TrainingForm", "Peak learning rate of AdamW. Paper: 2e-5."))
        self.warmup = _dspin(0, 1, 0.1, 0.05, 2, translate("TrainingForm", "Fraction of steps with a linear warm-up of the learning rate. Paper: 0.1."))
        self.weight_decay = _dspin(0, 1, 0.01, 0.01, 3, translate("TrainingForm", "AdamW weight decay (not on biases and LayerNorm). Default 0.01."))
        self.max_grad_norm = _dspin(0, 100, 1.0, 0.5, 2, translate("TrainingForm", "Clip the gradient norm to this value; 0 turns clipping off."))
        self.max_seq_length = _spin(7, 8192, 7, translate("TrainingForm", "Longer inputs are truncated to this many tokens. "
                                    "Default: the model's own (256 for the bundled model); a fine-tune keeps it."),
                                    translate("TrainingForm", "model's own"))
        self.group_by_length = QCheckBox(translate("TrainingForm", "Batches of similar length"))
        self.group_by_length.setObjectName("groupByLength")
        self.loss.currentIndexChanged.connect(lambda _i: self._update_grouping())
        self.group_by_length.setToolTip(translate(
            "TrainingForm", "Cut each epoch's shuffled order into groups of 50 batches and sort each group by length: "
            "batches pad to little more than their own sentences, so steps are faster (an STS-B epoch in half the "
            "time, at the same dev score). The same examples per epoch; not for losses with in-batch negatives "
            "(mnrl)."))
        self.seed = _spin(0, 2**31 - 1, 42, translate("TrainingForm", "Random seed: the same seed and data give the same model."))
        self.eval_steps = _spin(0, 10**7, 0, translate("TrainingForm", "Evaluate on the dev file every N steps (and at each epoch end)."), translate("TrainingForm", "each epoch"))
        self.max_steps = _spin(0, 10**8, 0, translate("TrainingForm", "Stop after this many steps (0: train all epochs)."), translate("TrainingForm", "no limit"))
        self.device = QComboBox()
        self.device.addItems(["auto", "cpu", "cuda", "mps"])
        self.device.setToolTip(translate("TrainingForm", "auto: CUDA, then Apple MPS, then the CPU"))
        self.defaults_button = QPushButton(translate("TrainingForm", "Paper defaults"))
        self.defaults_button.setToolTip(translate("TrainingForm", "Reset every hyperparameter to the SBERT paper's recipe"))
        self.defaults_button.clicked.connect(self.reset_defaults)
        # the Korean preset (gui/korean_preset.py): distillation on en-ko pairs, then KorSTS
        self.korean_preset_button = QPushButton(translate("TrainingForm", "Korean preset…"))
        self.korean_preset_button.setObjectName("koreanPreset")
        self.korean_preset_button.setToolTip(translate("TrainingForm", "Make the active bi-encoder (or the bundled one) Korean-capable: "
                                             "distillation on English–Korean pairs, then KorSTS; shows the "
                                             "estimated time before it starts"))
        self.korean_preset_button.clicked.connect(self.open_korean_preset)
        # the cross-encoder preset (gui/cross_preset.py): NLI, silver pairs, then STS-B in both orders
        self.cross_preset_button = QPushButton(translate("TrainingForm", "Cross-encoder preset…"))
        self.cross_preset_button.setObjectName("crossPreset")
        self.cross_preset_button.setToolTip(translate(
            "TrainingForm", "Train a cross-encoder from the active bi-encoder: NLI first, then pairs the bi-encoder "
            "scored, then STS-B in both orders (STS-B dev Spearman 87.5 from the bundled model, whose bi-encoder "
            "gives 86.7: docs/TRAINING.md); shows the estimated time before it starts"))
        self.cross_preset_button.clicked.connect(self.open_cross_preset)

        what = QGroupBox(translate("TrainingForm", "What to train"))
        form = QFormLayout(what)
        form.addRow(translate("TrainingForm", "Encoder"), self.encoder)
        form.addRow(translate("TrainingForm", "Task"), self.task)
        form.addRow(translate("TrainingForm", "Loss"), self.loss)
        form.addRow(translate("TrainingForm", "Start from"), self.start_from)
        data = QGroupBox(translate("TrainingForm", "Data"))
        form = QFormLayout(data)
        form.addRow(translate("TrainingForm", "Train"), self.train_file)
        form.addRow(translate("TrainingForm", "Dev"), self.dev_file)
        form.addRow(self.use_data_button)
        hyper = QGroupBox(translate("TrainingForm", "Hyperparameters"))
        form = QFormLayout(hyper)
        for label, widget in [(QT_TRANSLATE_NOOP("TrainingForm", "Epochs"), self.epochs), (QT_TRANSLATE_NOOP("TrainingForm", "Batch size"), self.batch_size),
                              (QT_TRANSLATE_NOOP("TrainingForm", "Learning rate"), self.lr), (QT_TRANSLATE_NOOP("TrainingForm", "Warm-up ratio"), self.warmup),
                              (QT_TRANSLATE_NOOP("TrainingForm", "Weight decay"), self.weight_decay), (QT_TRANSLATE_NOOP("TrainingForm", "Max grad norm"), self.max_grad_norm),
                              (QT_TRANSLATE_NOOP("TrainingForm", "Max seq length"), self.max_seq_length), (QT_TRANSLATE_NOOP("TrainingForm", "Seed"), self.seed),
                              (QT_TRANSLATE_NOOP("TrainingForm", "Evaluate every"), self.eval_steps), (QT_TRANSLATE_NOOP("TrainingForm", "Max steps"), self.max_steps),
                              (QT_TRANSLATE_NOOP("TrainingForm", "Device"), self.device)]:
            form.addRow(translate("TrainingForm", label), widget)
        form.addRow(self.group_by_length)
        form.addRow(self.defaults_button)
        form.addRow(self.korean_preset_button)
        form.addRow(self.cross_preset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        from sbert_desktop.gui.pages.distill_form import DistillOptions

        self.distill = DistillOptions()  # teacher, parallel columns, STS dev: shown for the distill task
        self.task.currentIndexChanged.connect(lambda _i: self.distill.setVisible(self.task.currentData() == "distill"))
        self.distill.setVisible(False)
        for box in (what, data, self.distill, hyper):
            layout.addWidget(box)
        self._update_choices()

    # -- choices -----------------------------------------------------------------------------
    def _update_choices(self, *_args) -> None:
        encoder = self.encoder.currentData()
        spec = self.state.cross_spec if encoder == "cross" else self.state.bi_spec
        self.start_from.blockSignals(True)
        self.start_from.clear()
        if spec is not None:
            name = Path(spec.source).name if spec.source != "default" else "all-MiniLM-L6-v2"
            self.start_from.addItem(translate("TrainingForm", "Active model — {name}").format(name=name), "active")
        self.start_from.addItem(translate("TrainingForm", "Bundled default — all-MiniLM-L6-v2"), "default")
        self.start_from.setCurrentIndex(max(0, self.start_from.findData(self._start_choice)))
        self.start_from.blockSignals(False)
        self._update_losses()

    def _update_losses(self, *_args) -> None:
        key = (self.encoder.currentData(), self.task.currentData())
        if key not in LOSSES and (key[1] in RETRIEVAL_TASKS or key[1] == "distill"):  # these train bi-encoders
            self.encoder.setCurrentIndex(self.encoder.findData("bi"))  # calls back here through _update_choices
            return
        current = self.loss.currentData()
        self.loss.clear()
        for value, label in LOSSES.get(key, []):
            self.loss.addItem(f"{value} — {translate('TrainingForm', label)}", value)
        self.loss.setCurrentIndex(max(0, self.loss.findData(current)))
        self._update_grouping()

    def _update_grouping(self, *_args) -> None:
        """Length-grouped batches do not fit losses whose negatives are the rest of the batch."""
        self.group_by_length.setEnabled(self.loss.currentData() not in ("mnrl", "cached_mnrl"))

    def _reinspect_train(self, *_args) -> None:
        """A pair/triplet file is read differently from an STS/NLI one: read the train file again."""
        retrieval = self.task.currentData() in RETRIEVAL_TASKS + ("distill",)
        if self.train_file.path() and (retrieval or getattr(self, "_read_as_retrieval", False)):
            self._inspect(self.train_file, self.train_file.path())
        self._read_as_retrieval = retrieval

    def open_cross_preset(self):
        """Ask with the plan and its estimated time; Start runs it as a background job."""
        from sbert_desktop.gui.cross_preset import CrossPresetLauncher

        self.cross_preset = CrossPresetLauncher(self.state, self)
        return self.cross_preset.ask()

    def open_korean_preset(self):
        """Ask with the plan and its estimated time; Start runs it as a background job."""
        from sbert_desktop.gui.korean_preset import KoreanPresetLauncher

        self.korean_preset = KoreanPresetLauncher(self.state, self)
        return self.korean_preset.ask()

    def reset_defaults(self) -> None:
        self.epochs.setValue(0)
        self.batch_size.setValue(16)
        self.lr.setText("2e-5")
        self.warmup.setValue(0.1)
        self.weight_decay.setValue(0.01)
        self.max_grad_norm.setValue(1.0)
        self.max_seq_length.setValue(7)  # the special value: the model's own
        self.seed.setValue(42)
        self.eval_steps.setValue(0)
        self.max_steps.setValue(0)
        self.group_by_length.setChecked(False)

    def _on_data(self, data) -> None:
        """A pair file opened on the Data page is offered, never set behind the user's back: a
        button says which field it would fill (the dev field for a dev/test/validation split)."""
        path = str(data.path) if data is not None and data.kind == "pairs" else ""
        self._offered = path
        if not path or path in (self.train_file.path(), self.dev_file.path()):
            self.use_data_button.hide()
            return
        field = "dev" if _looks_like_dev(data.path.name) else "train"
        self._offered_field = field
        text = (translate("TrainingForm", "Use {name} (open on the Data page) as the dev file") if field == "dev"
                else translate("TrainingForm", "Use {name} (open on the Data page) as the train file"))
        self.use_data_button.setText(text.format(name=data.path.name))
        self.use_data_button.show()

    def _use_offered(self) -> None:
        if getattr(self, "_offered", ""):
            field = self.dev_file if self._offered_field == "dev" else self.train_file
            field.set_path(self._offered)  # emits path_chosen: inspected as if picked by hand
            self.use_data_button.hide()

    def _inspect(self, field: FileField, path: str, set_task: bool = False) -> Job | None:
        field.clear_messages()
        if not path:
            return None
        field.set_info(translate("TrainingForm", "reading…"))
        task = self.task.currentData() if field is self.train_file or self.task.currentData() == "distill" else None
        task = task if task in RETRIEVAL_TASKS + ("distill",) else None
        job = self.state.jobs.start(translate("TrainingForm", "Inspect {name}").format(name=Path(path).name), lambda progress, cancel: inspect_pairs(path, task),
                                    kind="inspect")  # not "data": the train and dev files are read side by side,
        self._inspect_jobs[path] = job            # and never cancel the Data page's own load

        def done(info: dict) -> None:
            if field.path() != path:
                return
            if "sample" in info:  # pairs / triplets / parallel: a few rows, to check the columns before training
                rows = "\n".join("  " + "  →  ".join(_short(t) for t in row) for row in info["sample"])
                count = (translate("TrainingForm", "{n} sentence pairs") if info["task"] == "distill"
                         else f"{{n}} {info['task']}").format(n=number(info['rows']))
                field.set_info(f"{info['format']} · {info['task'].upper()} · {count}\n{rows}")
                if info["task"] == "distill" and field is self.train_file:
                    self.distill.set_columns(info)
                return
            notes = info.get("warnings", [])  # a scale assumed, a title row skipped ...
            field.set_info(translate("TrainingForm", "{format} · {task} · {rows} pairs · {encoding}").format(
                format=info['format'], task=info['task'].upper(), rows=number(info['rows']), encoding=info['encoding'])
                + "".join(f"\n⚠ {note}" for note in notes))
            if set_task:
                self.task.setCurrentIndex(max(0, self.task.findData(info["task"])))

        def failed(failure) -> None:
            if field.path() == path:
                field.set_info("")
                field.set_error(describe_error(failure.error))

        job.succeeded.connect(done)
        job.failed.connect(failed)
        job.ended.connect(lambda _status: self._inspect_jobs.pop(path, None))
        return job

    # -- the config --------------------------------------------------------------------------
    def config(self) -> tuple[dict, str | None]:
        """``TrainConfig`` keyword arguments, or a problem to show next to the Start button."""
        train_file = self.train_file.path()
        if not train_file:
            return {}, translate("TrainingForm", "Choose a training file.")
        if not Path(train_file).is_file():
            return {}, translate("TrainingForm", "Training file not found: {path}").format(path=train_file)
        dev_file = self.dev_file.path() or None
        if dev_file and not Path(dev_file).is_file():
            return {}, translate("TrainingForm", "Dev file not found: {path}").format(path=dev_file)
        try:
            lr = float(self.lr.text())
        except ValueError:
            return {}, translate("TrainingForm", "The learning rate {value} is not a number.").format(value=repr(self.lr.text()))
        encoder = self.encoder.currentData()
        spec = self.state.cross_spec if encoder == "cross" else self.state.bi_spec
        use_active = self.start_from.currentData() == "active" and spec is not None
        config = {
            "encoder": encoder,
            "task": self.task.currentData(),
            "loss": self.loss.currentData(),
            "model": spec.source if use_active else "default",
            "pooling": spec.pooling if use_active and encoder == "bi" else None,
            "max_seq_length": None if self.max_seq_length.value() == 7 else self.max_seq_length.value(),
            "train_file": train_file,
            "dev_file": dev_file,
            "epochs": self.epochs.value() or None,
            "batch_size": self.batch_size.value(),
            "lr": lr,
            "warmup_ratio": self.warmup.value(),
            "weight_decay": self.weight_decay.value(),
            "max_grad_norm": self.max_grad_norm.value() or None,
            "seed": self.seed.value(),
            "eval_steps": self.eval_steps.value() or None,
            "max_steps": self.max_steps.value() or None,
            "device": self.device.currentText(),
        }
        if self.group_by_length.isChecked() and self.group_by_length.isEnabled():
            config["length_grouped"] = True
        if config["task"] == "distill":
            extra, problem = self.distill.config()
            if problem:
                return {}, problem
            config.update(extra)
        return config, None


def _short(text: str, width: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _looks_like_dev(name: str) -> bool:
    """A file name of a dev, test or validation split (``sts-dev.csv``, ``snli_1.0_test.jsonl``)."""
    import re

    return re.search(r"(^|[^a-z])(dev|test|valid|validation|val|eval)([^a-z]|$)", name.lower()) is not None
