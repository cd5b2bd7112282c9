"""Live training curves and a histogram, drawn with pyqtgraph.

Curves use ``PlotDataItem(autoDownsample=True, clipToView=True)`` so a long run stays cheap to
redraw; points are appended to Python lists and pushed with ``setData`` (no item is rebuilt).
"""

from __future__ import annotations

import math
from typing import Sequence

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

#: colours of overlaid runs (colour-blind friendly, Okabe–Ito)
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
CURRENT = "#0072B2"


def ema(values: Sequence[float], weight: float = 0.9) -> np.ndarray:
    """Debiased exponential moving average (TensorBoard's smoothing)."""
    out = np.empty(len(values), dtype=np.float64)
    acc = 0.0
    for i, v in enumerate(values):
        acc = weight * acc + (1 - weight) * float(v)
        out[i] = acc / (1 - weight ** (i + 1))
    return out


class _CurvePlot(pg.PlotWidget):
    """A white plot with a legend, a live current run and any number of overlaid runs."""

    def __init__(self, title: str, y_label: str, parent=None, legend_offset=(-10, 10)):
        super().__init__(parent=parent, background="w")
        self.setMinimumHeight(160)
        item = self.getPlotItem()
        item.setTitle(title, color="#222", size="10pt")
        item.setLabel("bottom", "step")
        item.setLabel("left", y_label)
        item.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen("#888")
            item.getAxis(axis).setTextPen("#333")
            item.getAxis(axis).enableAutoSIPrefix(False)  # "0.02", not "20 (x0.001)"
        self.legend = item.addLegend(offset=legend_offset, labelTextColor="#222")
        self.setMenuEnabled(False)
        self._overlays: list[pg.PlotDataItem] = []
        self.steps: list[float] = []
        self.values: list[float] = []

    def _curve(self, color: str, width: float = 1.5, name: str | None = None, alpha: int = 255) -> pg.PlotDataItem:
        qc = QColor(color)
        qc.setAlpha(alpha)
        return self.plot([], [], pen=pg.mkPen(qc, width=width), name=name, autoDownsample=True, clipToView=True)

    def set_overlays(self, runs: Sequence[tuple[str, Sequence[float], Sequence[float]]]) -> None:
        """Replace the overlaid runs: ``(label, steps, values)`` each, drawn dashed."""
        for curve in self._overlays:
            self.legend.removeItem(curve)
            self.removeItem(curve)
        self._overlays = []
        for i, (label, steps, values) in enumerate(runs):
            qc = QColor(PALETTE[(i + 1) % len(PALETTE)])
            pen = pg.mkPen(qc, width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
            # add empty, then set data: a clipToView item given data before it is in a ViewBox trips pyqtgraph
            curve = self.plot([], [], pen=pen, name=label, autoDownsample=True, clipToView=True)
            curve.setData(list(steps), list(values))
            self._overlays.append(curve)

    def point_count(self) -> int:
        return len(self.steps)


class LossPlot(_CurvePlot):
    """Training loss: raw points (light) and a smoothed line (dark); optional log scale."""

    def __init__(self, parent=None):
        super().__init__("Training loss", "loss", parent)
        self._raw = self._curve(CURRENT, 1.0, "raw", alpha=80)
        self._smooth = self._curve(CURRENT, 2.0, "smoothed")
        self.smoothed: list[float] = []

    SMOOTHING = 0.9

    def clear_points(self) -> None:
        self.set_points([], [])

    def set_points(self, steps: Sequence[float], values: Sequence[float]) -> None:
        self.steps, self.values = list(steps), list(values)
        self.smoothed = ema(self.values, self.SMOOTHING).tolist()
        self._refresh()

    def append(self, step: float, loss: float) -> None:
        """Add one point; the smoothed line is extended, not recomputed (cheap for long runs)."""
        if loss is None or not math.isfinite(loss):
            return
        if self.steps and step <= self.steps[-1]:  # a resumed run re-reports its last step
            keep = sum(1 for s in self.steps if s < step)
            self.set_points(self.steps[:keep], self.values[:keep])
        w, n = self.SMOOTHING, len(self.values)
        biased = self.smoothed[-1] * (1 - w ** n) if n else 0.0  # undo the debiasing of the last value
        self.steps.append(step)
        self.values.append(float(loss))
        self.smoothed.append((w * biased + (1 - w) * float(loss)) / (1 - w ** (n + 1)))
        self._refresh()

    def set_log_y(self, on: bool) -> None:
        self.getPlotItem().setLogMode(y=on)

    def _refresh(self) -> None:
        self._raw.setData(self.steps, self.values)
        self._smooth.setData(self.steps, self.smoothed)


class MetricPlot(_CurvePlot):
    """A dev metric (Spearman, accuracy) at each evaluation, with markers."""

    def __init__(self, parent=None):
        super().__init__("Dev metric", "score", parent, legend_offset=(-10, -10))  # bottom right: metrics rise
        self._line = self.plot([], [], pen=pg.mkPen(CURRENT, width=2), symbol="o", symbolSize=6,
                               symbolBrush=CURRENT, symbolPen=None, name="current")
        self.metric_name = ""

    def set_metric_name(self, name: str) -> None:
        self.metric_name = name
        self.getPlotItem().setLabel("left", name or "score")

    def clear_points(self) -> None:
        self.steps, self.values = [], []
        self._line.setData([], [])

    def set_points(self, steps: Sequence[float], values: Sequence[float]) -> None:
        self.steps, self.values = list(steps), list(values)
        self._line.setData(self.steps, self.values)

    def append(self, step: float, value: float) -> None:
        if value is None or not math.isfinite(value):
            return
        if self.steps and step <= self.steps[-1]:
            while self.steps and self.steps[-1] >= step:
                self.steps.pop()
                self.values.pop()
        self.steps.append(step)
        self.values.append(float(value))
        self._line.setData(self.steps, self.values)


class HistogramPlot(pg.PlotWidget):
    """Counts of integer values (sentence lengths in words) as bars."""

    def __init__(self, title: str = "Sentence length (words)", parent=None):
        super().__init__(parent=parent, background="w")
        self.setMinimumHeight(140)
        item = self.getPlotItem()
        item.setTitle(title, color="#222", size="10pt")
        item.setLabel("left", "sentences")
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen("#888")
            item.getAxis(axis).setTextPen("#333")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self._bars: pg.BarGraphItem | None = None

    def set_values(self, lengths: Sequence[int] | np.ndarray, max_bins: int = 60) -> None:
        if self._bars is not None:
            self.removeItem(self._bars)
            self._bars = None
        lengths = np.asarray(lengths)
        if lengths.size == 0:
            return
        top = int(np.percentile(lengths, 99.5)) + 1
        bins = max(1, min(max_bins, top))
        counts, edges = np.histogram(np.minimum(lengths, top), bins=bins, range=(0, top))
        width = edges[1] - edges[0]
        self._bars = pg.BarGraphItem(x0=edges[:-1], width=width * 0.9, height=counts, brush=CURRENT, pen=None)
        self.addItem(self._bars)
        self.getPlotItem().enableAutoRange()
