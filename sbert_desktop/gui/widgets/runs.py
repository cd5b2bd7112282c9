"""Training runs of this session: their curves, status and output, in a checkable list."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

#: dev metrics in the order one is chosen as "the" metric to plot
PRIMARY_METRICS = ("spearman", "spearman_cosine", "accuracy", "macro_f1", "pearson", "pearson_cosine")


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

    def label(self) -> str:
        best = f" · best {max(self.metrics):.3f}" if self.metrics else ""
        return f"{self.name} — {self.status}{best}"


class RunList(QListWidget):
    """One checkable row per run; checked runs are overlaid on the plots."""

    overlays_changed = Signal()
    run_selected = Signal(object)  # RunRecord | None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs: list[RunRecord] = []
        self.setToolTip("Check runs to overlay their curves; select one to see where it was saved")
        self.itemChanged.connect(lambda _item: self.overlays_changed.emit())
        self.currentRowChanged.connect(self._on_row)

    def add_run(self, run: RunRecord) -> None:
        self.runs.append(run)
        item = QListWidgetItem(run.label())
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(True)
        self.addItem(item)
        self.blockSignals(False)
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
