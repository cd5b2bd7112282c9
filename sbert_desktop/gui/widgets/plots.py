"""Live training curves and a histogram, drawn with pyqtgraph.

Curves use ``PlotDataItem(autoDownsample=True, clipToView=True)`` so a long run stays cheap to
redraw; points are appended to Python lists and pushed with ``setData`` (no item is rebuilt).
"""

from __future__ import annotations

from sbert_desktop.gui.i18n import translate
import math
from typing import Sequence

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _CurvePlot(pg.PlotWidget):
    """A white plot with a legend, a live current run and any number of overlaid runs."""

    def __init__(self, title: str, y_label: str, parent=None, legend_offset=(-10, 10)):
        super().__init__(parent=parent, background="w")
        self.setMinimumHeight(160)
        item = self.getPlotItem()
        item.setTitle(title, color="#222", size="10pt")
        item.setLabel("bottom", translate("Plots", "step"))
        item.setLabel("left", y_label)
        item.showGrid(x=True, y=True, alpha=0.2)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen("#888")
            item.getAxis(axis).setTextPen("#333")
            item.getAxis(axis).enableAutoSIPrefix(False)  # "0.02", not "20 (x0.001)"
        # the legend is a label the page puts under the plot: it never covers a curve or clips
        self.legend_label = QLabel()
        self.legend_label.setObjectName("plotLegend")
        self.legend_label.setWordWrap(True)
        self.legend_label.setStyleSheet("color: #222;")
        self.legend_entries: list[tuple[str, str, bool]] = []  # (name, colour, dashed)
        self.setMenuEnabled(False)
        self._overlays: list[pg.PlotDataItem] = []
        self.steps: list[float] = []
        self.values: list[float] = []

    def _curve(self, color: str, width: float = 1.5, name: str | None = None, alpha: int = 255) -> pg.PlotDataItem:
        qc = QColor(color)
        qc.setAlpha(alpha)
        if name:
            self._own_entries = getattr(self, "_own_entries", []) + [(name, qc.name(), False)]
            self._update_legend()
        return self.plot([], [], pen=pg.mkPen(qc, width=width), autoDownsample=True, clipToView=True)

    def _update_legend(self, overlays: Sequence[tuple[str, str, bool]] = ()) -> None:
        self.legend_entries = list(getattr(self, "_own_entries", [])) + list(overlays)
        parts = [f"<span style='color:{colour}'>{'╍╍' if dashed else '━━'}</span>&nbsp;{_escape(name)}"
                 for name, colour, dashed in self.legend_entries]
        self.legend_label.setText(" &nbsp; ".join(parts))

    def set_overlays(self, runs: Sequence[tuple[str, Sequence[float], Sequence[float]]]) -> None:
        """Replace the overlaid runs: ``(label, steps, values)`` each, drawn dashed."""
        for curve in self._overlays:
            self.removeItem(curve)
        self._overlays = []
        entries = []
        for i, (label, steps, values) in enumerate(runs):
            qc = QColor(PALETTE[(i + 1) % len(PALETTE)])
            pen = pg.mkPen(qc, width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
            # add empty, then set data: a clipToView item given data before it is in a ViewBox trips pyqtgraph
            curve = self.plot([], [], pen=pen, autoDownsample=True, clipToView=True)
            curve.setData(list(steps), list(values))
            self._overlays.append(curve)
            entries.append((label, qc.name(), True))
        self._update_legend(entries)
        self._fit_range()

    def _all_points(self) -> tuple[list[float], list[float]]:
        xs, ys = list(self.steps), list(self.values)
        for curve in self._overlays:
            x, y = curve.getData()
            if x is not None:
                xs += list(x)
                ys += list(y)
        return xs, ys

    def _fit_range(self) -> None:
        """Auto range, except for one point (or one step): pyqtgraph would span −5…35 around it."""
        xs, ys = self._all_points()
        item = self.getPlotItem()
        if len(set(xs)) > 1:
            item.enableAutoRange(x=True)
        elif xs:
            x = xs[0]
            item.setXRange(min(0.0, x - 1), max(x + 1, x * 1.1), padding=0.02)
        finite = [y for y in ys if y is not None and math.isfinite(y)]
        if len(set(finite)) > 1:
            item.enableAutoRange(y=True)
        elif finite:
            y = finite[0]
            pad = max(0.05, abs(y) * 0.1)
            item.setYRange(y - pad, y + pad, padding=0)

    def point_count(self) -> int:
        return len(self.steps)


class LossPlot(_CurvePlot):
    """Training loss: raw points (light) and a smoothed line (dark); optional log scale."""

    def __init__(self, parent=None):
        super().__init__(translate("Plots", "Training loss"), translate("Plots", "loss"), parent)
        self._raw = self._curve(CURRENT, 1.0, translate("Plots", "raw"), alpha=80)
        self._smooth = self._curve(CURRENT, 2.0, translate("Plots", "smoothed"))
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
        if len(self.steps) <= 2:
            self._fit_range()


class MetricPlot(_CurvePlot):
    """A dev metric (Spearman, accuracy) at each evaluation, with markers."""

    def __init__(self, parent=None):
        super().__init__(translate("Plots", "Dev metric"), translate("Plots", "score"), parent, legend_offset=(-10, -10))  # bottom right: metrics rise
        self._line = self.plot([], [], pen=pg.mkPen(CURRENT, width=2), symbol="o", symbolSize=6,
                               symbolBrush=CURRENT, symbolPen=None)
        self._own_entries = [(translate("Plots", "selected run (first point: before training)"), CURRENT, False)]
        self._update_legend()
        self.metric_name = ""

    def set_metric_name(self, name: str, others: Sequence[str] = ()) -> None:
        """The axis names the current run's metric and any other metric an overlaid run plots
        (an NLI accuracy next to an STS Spearman is named, not passed off as Spearman)."""
        self.metric_name = name
        names = [name or translate("Plots", "score")] + [n for n in dict.fromkeys(others) if n and n != name]
        self.getPlotItem().setLabel("left", " / ".join(names))

    def clear_points(self) -> None:
        self.steps, self.values = [], []
        self._line.setData([], [])

    def set_points(self, steps: Sequence[float], values: Sequence[float]) -> None:
        self.steps, self.values = list(steps), list(values)
        self._line.setData(self.steps, self.values)
        self._fit_range()

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
        if len(self.steps) <= 2:
            self._fit_range()


class HistogramPlot(pg.PlotWidget):
    """Counts of integer values (sentence lengths in words) as bars."""

    def __init__(self, title: str | None = None, parent=None):
        super().__init__(parent=parent, background="w")
        self.setMinimumHeight(140)
        item = self.getPlotItem()
        item.setTitle(title if title is not None else translate("Plots", "Sentence length (words)"), color="#222", size="10pt")
        item.setLabel("left", translate("Plots", "sentences"))
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
