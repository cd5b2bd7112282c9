"""Training runs of this session: their curves, status and output, in a checkable list."""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sbert_desktop.gui.i18n import number, translate
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

#: dev metrics in the order one is chosen as "the" metric to plot
PRIMARY_METRICS = ("spearman", "spearman_cosine", "accuracy", "macro_f1", "translation_accuracy", "pearson", "pearson_cosine")


def primary_metric(dev: dict[str, Any]) -> tuple[str, float] | None:
    """The headline number of a dev evaluation: Spearman for STS, accuracy for NLI."""
    numbers = {k: v for k, v in dev.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    for name in PRIMARY_METRICS:
        if name in numbers:
            return name, float(numbers[name])
    for name, value in numbers.items():
        return name, float(value)
    return None


@dataclass
class RunRecord:
    name: str
    config: dict  # TrainConfig keyword arguments
    out_dir: Path
    status: str = "running"  # running | finished | cancelled | failed
    loss_steps: list[float] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    metric_name: str = ""
    metric_steps: list[float] = field(default_factory=list)
    metrics: list[float] = field(default_factory=list)
    total_steps: int = 0
    result: Any = None  # TrainResult
    baseline: float | None = None  # the dev figure of the untrained model (step 0)
    cut: dict = field(default_factory=dict)  # the training inputs max_seq_length cuts (run_setup._cut_info)
    data_notes: list[str] = field(default_factory=list)  # what reading the train / dev file changed or assumed

    def add_loss(self, step: float, loss: float) -> None:
        while self.loss_steps and self.loss_steps[-1] >= step:  # resumed: the last steps come again
            self.loss_steps.pop()
            self.losses.pop()
        self.loss_steps.append(step)
        self.losses.append(float(loss))

    def add_metric(self, step: float, name: str, value: float) -> None:
        while self.metric_steps and self.metric_steps[-1] >= step:
            self.metric_steps.pop()
            self.metrics.pop()
        self.metric_name = name
        self.metric_steps.append(step)
        self.metrics.append(float(value))

    @property
    def model_dir(self) -> Path | None:
        path = getattr(self.result, "model_dir", None)
        return Path(path) if path else None

    def display_name(self) -> str:
        """``bi STS · all-MiniLM-L6-v2 · 21:03`` — what was trained, from what, when."""
        c = self.config
        model = str(c.get("model") or "default")
        model = "all-MiniLM-L6-v2" if model == "default" else (Path(model).name or model)
        when = ""
        stamp = self.name.split("-")
        if len(stamp) >= 2 and len(stamp[0]) == 8 and len(stamp[1]) == 6 and stamp[1].isdigit():
            when = f" · {stamp[0][4:6]}-{stamp[0][6:8]} {stamp[1][:2]}:{stamp[1][2:4]}"
        return f"{c.get('encoder', '?')} {str(c.get('task', '?')).upper()} · {model}{when}"

    def label(self) -> str:
        trained = [v for step, v in zip(self.metric_steps, self.metrics) if step > 0]
        best = translate("Runs", " · best {metric} {value}").format(metric=self.metric_name, value=number(max(trained), 3)) if trained else ""
        from sbert_desktop.gui.pages.training import texts_of_status

        return f"{self.display_name()} — {texts_of_status(self.status)}{best}"

    def settings_text(self) -> str:
        """The run's settings in one line (shown when the run is selected)."""
        c = self.config
        keys = [("loss", QT_TRANSLATE_NOOP("Runs", "loss")), ("epochs", QT_TRANSLATE_NOOP("Runs", "epochs")),
                ("batch_size", QT_TRANSLATE_NOOP("Runs", "batch")), ("lr", "lr"),
                ("max_seq_length", QT_TRANSLATE_NOOP("Runs", "max length")), ("pooling", QT_TRANSLATE_NOOP("Runs", "pooling")),
                ("seed", QT_TRANSLATE_NOOP("Runs", "seed")), ("max_steps", QT_TRANSLATE_NOOP("Runs", "max steps"))]
        parts = [f"{translate('Runs', label)} {c[k]}" for k, label in keys if c.get(k) not in (None, "")]
        files = [Path(str(c[k])).name for k in ("train_file", "dev_file") if c.get(k)]
        if files:
            parts.append(translate("Runs", "data {files}").format(files=" / ".join(files)))
        trained = [v for step, v in zip(self.metric_steps, self.metrics) if step > 0]
        if self.baseline is not None and trained:
            parts.append(translate("Runs", "dev {metric} {before} untrained → best {best}").format(
                metric=self.metric_name, before=number(self.baseline, 3), best=number(max(trained), 3)))
        return " · ".join(parts)


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text not in (None, "") else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def load_saved_run(out_dir: Path) -> RunRecord | None:
    """A run folder written by ``core.training.train`` (an earlier session), or None.

    Its ``history.csv`` gives the dev curve and the mean training loss between evaluations; a
    ``checkpoint/`` folder means it was stopped and can be resumed.
    """
    try:
        config = json.loads((out_dir / "train_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(config, dict):
        return None
    resumable = (out_dir / "checkpoint" / "state.json").is_file()
    published = (out_dir / "modules.json").is_file() or (out_dir / "config.json").is_file()
    status = "cancelled" if resumable else "finished" if published else "incomplete"
    run = RunRecord(name=out_dir.name, config=config, out_dir=out_dir, status=status)
    best = None
    try:
        with open(out_dir / "history.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError:
        rows = []
    for row in rows:
        step = _number(row.get("step"))
        if step is None:
            continue
        loss = _number(row.get("train_loss"))
        if loss is not None:
            run.add_loss(step, loss)
        dev = {k: _number(v) for k, v in row.items()
               if k not in ("step", "epoch", "train_loss", "lr", "train_seconds") and _number(v) is not None}
        metric = primary_metric(dev)
        if metric is not None:
            run.add_metric(step, *metric)
            best = metric[1] if best is None else max(best, metric[1])
    try:
        saved = json.loads((out_dir / "best.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    baseline = saved.get("baseline") if isinstance(saved, dict) else None
    if isinstance(baseline, dict) and run.metric_name in baseline and _number(str(baseline[run.metric_name])) is not None:
        run.baseline = float(baseline[run.metric_name])  # the dev curve starts at the untrained figure
        run.metric_steps.insert(0, 0.0)
        run.metrics.insert(0, run.baseline)
    run.result = SimpleNamespace(status=status, model_dir=out_dir if published and not resumable else None,
                                 best_metric=best, metric_name=run.metric_name, train_seconds=0.0)
    return run


def load_saved_runs(root: Path, limit: int = 20) -> list[RunRecord]:
    """The newest ``limit`` run folders under ``root``, oldest first."""
    if not root.is_dir():
        return []
    folders = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.name)[-limit:]
    return [run for run in map(load_saved_run, folders) if run is not None]


class RunList(QListWidget):
    """One checkable row per run; checked runs are overlaid on the plots."""

    overlays_changed = Signal()
    run_selected = Signal(object)  # RunRecord | None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs: list[RunRecord] = []
        self.setToolTip(translate("Runs", "Check runs to overlay their curves; select one to see where it was saved"))
        self.itemChanged.connect(lambda _item: self.overlays_changed.emit())
        self.currentRowChanged.connect(self._on_row)

    def add_run(self, run: RunRecord, select: bool = True) -> None:
        self.runs.append(run)
        item = QListWidgetItem(run.label())
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(True)
        self.addItem(item)
        self.blockSignals(False)
        if select:
            self.setCurrentRow(len(self.runs) - 1)

    def refresh(self, run: RunRecord) -> None:
        if run in self.runs:
            self.blockSignals(True)
            self.item(self.runs.index(run)).setText(run.label())
            self.blockSignals(False)

    def checked_runs(self) -> list[RunRecord]:
        return [run for i, run in enumerate(self.runs) if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, run: RunRecord, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.item(self.runs.index(run)).setCheckState(state)

    def selected_run(self) -> RunRecord | None:
        row = self.currentRow()
        return self.runs[row] if 0 <= row < len(self.runs) else None

    def _on_row(self, row: int) -> None:
        self.run_selected.emit(self.runs[row] if 0 <= row < len(self.runs) else None)
