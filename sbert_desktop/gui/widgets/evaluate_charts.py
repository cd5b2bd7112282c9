"""The Evaluate page's two charts: the pooling table as grouped bars (one group per mode, one bar
per kept run shown), and retrieval accuracy against time per query (one line per run: the
bi-encoder alone, then top-k + rerank at each k)."""

from __future__ import annotations

from sbert_desktop.gui.pages.evaluate_text import cell_text, header_text
from typing import Any, Sequence

import numpy as np
import pyqtgraph as pg

#: one colour per run shown (the current run first)
RUN_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728")
#: axis labels short enough to sit side by side at 1280 px
SHORT = {"mean_sqrt_len_tokens": "mean/√len", "weightedmean": "weighted", "lasttoken": "last token"}


class PoolingBars(pg.PlotWidget):
    """Grouped bars: x = pooling mode, height = the metric x 100, one bar per run."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.plot_item = self.getPlotItem()
        self.plot_item.showGrid(y=True, alpha=0.3)
        self.plot_item.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.legend = self.plot_item.addLegend(offset=(-10, 10))
        self.bars: list[pg.BarGraphItem] = []
        self.labels: list[pg.TextItem] = []

    def set_runs(self, runs: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """``runs``: (name, pooling result) pairs; the first is the current run."""
        for item in self.bars + self.labels:
            self.plot_item.removeItem(item)
        self.bars, self.labels = [], []
        self.legend.clear()
        if not runs:
            return
        metric = runs[0][1]["metric"]
        modes = [r["pooling"] for r in runs[0][1]["rows"]]
        width = 0.8 / len(runs)
        low = []
        for j, (name, result) in enumerate(runs):
            by_mode = {r["pooling"]: r.get(metric) for r in result["rows"]}
            heights = np.array([100 * float(by_mode.get(m) or 0.0) for m in modes])
            x = np.arange(len(modes)) - 0.4 + width * (j + 0.5)
            bar = pg.BarGraphItem(x=x, height=heights, width=width * 0.9,
                                  brush=RUN_COLORS[j % len(RUN_COLORS)], pen=None)
            self.plot_item.addItem(bar)
            self.legend.addItem(bar, name)
            self.bars.append(bar)
            low.append(heights.min())
            if j == 0:
                for xi, h in zip(x, heights):
                    label = pg.TextItem(f"{h:.1f}", color="#333", anchor=(0.5, 1.0))
                    label.setPos(xi, h)
                    self.plot_item.addItem(label)
                    self.labels.append(label)
        self.plot_item.getAxis("bottom").setTicks([[(i, cell_text(SHORT.get(m, m))) for i, m in enumerate(modes)]])
        self.plot_item.setLabel("left", header_text(f"{metric} x 100"))
        top = max(float(b.opts["height"].max()) for b in self.bars)
        self.plot_item.setXRange(-0.6, len(modes) - 0.4, padding=0)
        self.plot_item.setYRange(min(0.0, min(low)), top * 1.22 + 1, padding=0)  # room for the legend above the bars

    def bar_heights(self) -> list[list[float]]:
        return [list(map(float, b.opts["height"])) for b in self.bars]


class AccuracyTimePlot(pg.PlotWidget):
    """x = milliseconds per query, y = a retrieval metric x 100; each run one line of settings."""

    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.plot_item = self.getPlotItem()
        self.plot_item.showGrid(x=True, y=True, alpha=0.3)
        self.plot_item.setMenuEnabled(False)
        self.legend = self.plot_item.addLegend(offset=(-10, -10))
        self.metric = "mrr@10"
        self.items: list[Any] = []
        self.points: list[tuple[float, float, str]] = []  # of the current run

    def set_runs(self, runs: Sequence[tuple[str, dict[str, Any]]], metric: str = "mrr@10") -> None:
        self.metric = metric
        for item in self.items:
            self.plot_item.removeItem(item)
        self.items, self.points = [], []
        self.legend.clear()
        for j, (name, result) in enumerate(runs):
            color = RUN_COLORS[j % len(RUN_COLORS)]
            rows = result["rows"]
            x = [1000 * r["seconds_per_query"] for r in rows]
            y = [100 * r[metric] for r in rows]
            tags = [cell_text("bi-encoder") if r["k"] is None else cell_text(f"rerank k={r['k']}") for r in rows]
            line = pg.PlotDataItem(x, y, pen=pg.mkPen(color, width=2), symbol="o", symbolSize=9,
                                   symbolBrush=color, symbolPen=None, name=name)
            self.plot_item.addItem(line)
            self.items.append(line)
            if j == 0:
                self.points = list(zip(x, y, tags))
                for xi, yi, tag in self.points:
                    label = pg.TextItem(tag, color="#333", anchor=(0, 1.2))
                    label.setPos(xi, yi)
                    self.plot_item.addItem(label)
                    self.items.append(label)
        self.plot_item.setLabel("bottom", cell_text("time per query (ms)"))
        self.plot_item.setLabel("left", header_text(f"{metric} x 100"))
        xs = [1000 * r["seconds_per_query"] for _n, res in runs for r in res["rows"]]
        ys = [100 * r[metric] for _n, res in runs for r in res["rows"]]
        if xs:  # readable ranges even for one point: from 0 ms, and at least 10 points of the metric
            self.plot_item.setXRange(0, max(xs) * 1.25 + 1e-6, padding=0)
            low, high = min(ys), max(ys)
            pad = max(5.0, (high - low) * 0.15)
            self.plot_item.setYRange(max(0.0, low - pad), min(100.0, high + pad) + 2, padding=0)
