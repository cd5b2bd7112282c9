"""A scatter of many points (an embedding map, or pair scores) that stays smooth at a million.

Up to ``max_points`` points are drawn as dots: one ``ScatterPlotItem`` styled by palette index
(scatter_items.py), ``data=`` holding each dot's row. A bigger map is drawn by level of detail:
while more than ``max_points`` points are in view, every point is counted into a density image
(density_layer.py); zoomed in to fewer, those points are drawn as dots. A grid over all the
points (point_grid.py) finds the points in view and the point under the mouse among all N, so
hover, click, selection and search work on every point at every zoom. The image and the dots are
computed for the view plus a margin, so panning only repaints; a zoom or a pan past the margin
recounts once the view settles (a 30 ms timer folds a burst of wheel steps into one recount).
Cluster names sit on the map at their densest spot (map_labels.py).

Tools: pan/zoom (default), rectangle or lasso selection (drag with the left button). Points
outside the selection or the search matches are dimmed, not hidden.
"""

from __future__ import annotations

from typing import Sequence

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sbert_desktop.gui.i18n import number
from sbert_desktop.gui.widgets.density_layer import DensityLayer
from sbert_desktop.gui.widgets.detail_levels import DetailLevels
from sbert_desktop.gui.widgets.map_labels import ClusterLabels
from sbert_desktop.gui.widgets.point_grid import PointGrid
from sbert_desktop.gui.widgets.scatter_items import (  # noqa: F401  (re-exported: the map's pieces)
    NOISE, PALETTE, PaletteScatterItem, SelectViewBox, _brushes, label_color, points_in_polygon,
)

translate = QCoreApplication.translate  # the alias of gui/i18n.py, which pyside6-lupdate reads
DEFAULT_MAX_POINTS = 50_000  # at most this many points in view are drawn as dots


class EmbeddingScatter(DetailLevels, QWidget):
    point_clicked = Signal(int)  # row of the clicked point, -1 for empty space
    point_hovered = Signal(int)  # row under the mouse, -1 when none
    selection_changed = Signal(object)  # numpy int64 rows selected (every point, not only drawn ones)

    FULL = _brushes(210)
    DIM = _brushes(45)
    BRUSHES = np.concatenate([FULL, DIM])  # the only brushes ever used: the atlas holds 26 symbols

    def __init__(self, parent: QWidget | None = None, *, max_points: int = DEFAULT_MAX_POINTS, point_size: int = 6,
                 axes: bool = True, x_label: str = "", y_label: str = ""):
        super().__init__(parent)
        self.max_points = max_points
        self.view = SelectViewBox()
        self.plot = pg.PlotWidget(viewBox=self.view, background="w")
        self.plot.setMenuEnabled(False)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen("#888")
            item.getAxis(axis).setTextPen("#333")
            item.getAxis(axis).enableAutoSIPrefix(False)
            if not axes:
                item.hideAxis(axis)
        self.axes = axes
        self.set_axis_labels(x_label, y_label)
        self.density = DensityLayer()
        self.plot.addItem(self.density, ignoreBounds=True)
        self.item = PaletteScatterItem(pxMode=True, useCache=True, pen=None, size=point_size, antialias=True)
        self.plot.addItem(self.item)
        self.marker = pg.ScatterPlotItem(pxMode=True, size=point_size + 9, pen=pg.mkPen("#111", width=2), brush=None)
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)
        self.hover_text = pg.TextItem(color="#111", fill=pg.mkBrush(255, 255, 255, 230), border=pg.mkPen("#aaa"),
                                      anchor=(0, 1))
        self.hover_text.setZValue(20)
        self.hover_text.hide()
        self.plot.addItem(self.hover_text, ignoreBounds=True)
        self.cluster_labels = ClusterLabels(self.view)
        self.info = QLabel(translate("EmbeddingScatter", "No points"))
        self.info.setObjectName("scatterInfo")
        self.info.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.info)

        self.coords = np.zeros((0, 2), np.float32)
        self.labels = np.zeros(0, np.int64)
        self.texts: Sequence[str] | None = None
        self.names: dict | None = None  # cluster → name written on the map
        self.grid: PointGrid | None = None  # over every point, when there are more than max_points
        self.level = "points"  # or "density"
        self.sample = np.zeros(0, np.int64)  # rows drawn as dots (all of them up to max_points)
        self.drawn = np.zeros(0, np.int64)  # the same rows in drawing order (emphasised last, on top)
        self.in_view = 0  # points inside the view at the last refresh
        self.selected: np.ndarray | None = None
        self.matches: np.ndarray | None = None  # boolean mask over every row
        self.current = -1
        self._hovered = -1
        self._slots: np.ndarray | None = None  # density colour slot per point (cluster, dimmed)
        self._covered: tuple[float, ...] | None = None  # (x0, x1, y0, y1, px, py) the last refresh drew
        self.outside = 0  # points left outside the view by fit_bulk (far-away outliers)
        self._refresh_timer = QTimer(self, singleShot=True, interval=30)
        self._refresh_timer.timeout.connect(self.refresh)
        self.view.sigRangeChanged.connect(self._on_range_changed)
        self.view.sigResized.connect(self._on_range_changed)
        self.view.rect_selected.connect(self.select_rect)
        self.view.lasso_selected.connect(self.select_lasso)
        self.view.clicked.connect(lambda xy: self.click_at(*xy))
        self._proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=40, slot=self._on_mouse_moved)
        self.plot.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.plot.viewport() and event.type() == QEvent.Type.Leave:
            self.hover(-1)  # the label goes when the mouse leaves the plot
        return super().eventFilter(watched, event)

    # -- data ---------------------------------------------------------------------------------
    def set_axis_labels(self, x_label: str, y_label: str) -> None:
        if not self.axes:
            return
        item = self.plot.getPlotItem()
        item.setLabel("bottom", x_label)
        item.setLabel("left", y_label)

    def set_points(self, coords: np.ndarray, labels: np.ndarray | None = None, texts: Sequence[str] | None = None,
                   auto_range: bool = True) -> None:
        """Show ``coords`` [n, 2] coloured by ``labels``; clears selection, matches and the marker."""
        self.coords = np.ascontiguousarray(coords, np.float32).reshape(-1, 2)
        n = len(self.coords)
        self.labels = np.zeros(n, np.int64) if labels is None else np.asarray(labels, np.int64)
        self.texts = texts
        self.names = None
        self.grid = PointGrid(self.coords) if n > self.max_points else None
        self.selected, self.matches, self.current, self._hovered = None, None, -1, -1
        self._slots, self._covered = None, None
        self.marker.setData([], [])
        self.hover_text.hide()
        self.cluster_labels.set_labels(self.coords, None, None)
        if auto_range and n:
            self.fit_bulk()
        self.refresh()

    def bulk_range(self, keep: float = 0.98) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """The box holding the central ``keep`` share of the points on each axis, when a few
        far-away points would squeeze the rest into a strip (else None: fit everything)."""
        c = self.coords
        if len(c) < 20:
            return None
        tail = (1 - keep) / 2 * 100
        lo, hi = np.percentile(c, [tail, 100 - tail], axis=0)
        full_lo, full_hi = c.min(axis=0), c.max(axis=0)
        span, full = np.maximum(hi - lo, 1e-12), full_hi - full_lo
        if np.all(full <= 2.5 * span):
            return None
        # the bulk's own tails stay in view: every point within half a span of the central box
        near = np.all((c >= lo - 0.5 * span) & (c <= hi + 0.5 * span), axis=1)
        lo, hi = c[near].min(axis=0), c[near].max(axis=0)
        pad = 0.04 * np.maximum(hi - lo, 1e-12)
        return (float(lo[0] - pad[0]), float(hi[0] + pad[0])), (float(lo[1] - pad[1]), float(hi[1] + pad[1]))

    def fit_bulk(self) -> None:
        """Show the bulk of the points; ``zoom_all`` shows every point (a far cluster included)."""
        box = self.bulk_range()
        if box is None:
            self.zoom_all()
            return
        (x0, x1), (y0, y1) = box
        self.view.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        c = self.coords
        self.outside = int(np.sum((c[:, 0] < x0) | (c[:, 0] > x1) | (c[:, 1] < y0) | (c[:, 1] > y1)))
        self._update_info()

    def zoom_all(self) -> None:
        if len(self.coords):
            lo, hi = self.coords.min(axis=0), self.coords.max(axis=0)
            self.view.setRange(QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1])),
                               padding=0.04)
        self.outside = 0
        self._update_info()

    def set_labels(self, labels: np.ndarray | None) -> None:
        n = len(self.coords)
        self.labels = np.zeros(n, np.int64) if labels is None or len(labels) != n else np.asarray(labels, np.int64)
        self.cluster_labels.set_labels(self.coords, self.labels, self.names)
        self._redraw()

    def set_cluster_names(self, names: dict | None) -> None:
        """Write these names (cluster → name) on the map at each cluster's densest spot; None: none."""
        self.names = None if names is None else dict(names)
        self.cluster_labels.set_labels(self.coords, self.labels, self.names)

    match_label: str | None = None

    def set_matches(self, mask: np.ndarray | None, label: str | None = None) -> None:
        """Emphasise the rows where ``mask`` is True (search hits), counted in the info line as
        ``label`` (default: "matching"); None clears it."""
        self.matches = None if mask is None else np.asarray(mask, bool)
        self.match_label = label
        self._redraw()

    def emphasis(self) -> np.ndarray | None:
        """Rows drawn at full colour (the rest is dimmed), or None when nothing is dimmed."""
        mask = None
        if self.selected is not None:
            mask = np.zeros(len(self.coords), bool)
            mask[self.selected] = True
        if self.matches is not None:
            mask = self.matches.copy() if mask is None else mask & self.matches
        return mask

    def _draw_dots(self) -> None:
        rows = self.sample
        lab = self.labels[rows]
        colour = np.where(lab < 0, len(PALETTE), lab % len(PALETTE))
        mask = self.emphasis()
        if mask is not None:  # dimmed colours are the second half of the palette; emphasised drawn last
            em = mask[rows]
            order = np.concatenate([np.flatnonzero(~em), np.flatnonzero(em)])
            rows, colour, em = rows[order], colour[order], em[order]
            colour = np.where(em, colour, colour + len(self.FULL))
        self.drawn = rows
        self.item.set_palette_points(self.coords[rows, 0], self.coords[rows, 1], rows, colour, self.BRUSHES)
        self._update_info()

    def _update_info(self) -> None:
        n = len(self.coords)
        if not n:
            self.info.setText(translate("EmbeddingScatter", "No points"))
            return
        if self.grid is None:
            parts = [translate("EmbeddingScatter", "{n} points").format(n=number(n))]
        elif self.level == "density":
            parts = [translate("EmbeddingScatter", "{n} points as a density image; zoom in for single points")
                     .format(n=number(n))]
        else:
            parts = [translate("EmbeddingScatter", "{k} of {n} points in view; zoom out for the density of all")
                     .format(k=number(self.in_view), n=number(n))]
        if self.selected is not None:
            parts.append(translate("EmbeddingScatter", "{n} selected").format(n=number(len(self.selected))))
        if self.matches is not None:
            label = self.match_label or translate("EmbeddingScatter", "matching")
            parts.append(f"{number(int(self.matches.sum()))} {label}")
        if getattr(self, "outside", 0):
            parts.append(translate("EmbeddingScatter", "{n} far-away points outside the view (Zoom to all shows "
                                   "them)").format(n=number(self.outside)))
        self.info.setText(" · ".join(parts))

    # -- interaction ---------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.view.set_mode(mode)

    def index_near(self, x: float, y: float, tolerance_px: float = 7.0) -> int:
        """The row nearest to data point (x, y) within ``tolerance_px`` pixels, else -1: among
        every point (through the grid) whether it is drawn as a dot or counted in the image."""
        px, py = self.view.viewPixelSize()
        px, py = px or 1.0, py or 1.0
        if self.grid is not None:
            return self.grid.nearest(x, y, px, py, tolerance_px)
        if not len(self.drawn):
            return -1
        xy = self.coords[self.drawn]
        d2 = ((xy[:, 0] - x) / px) ** 2 + ((xy[:, 1] - y) / py) ** 2
        j = int(np.argmin(d2))
        return int(self.drawn[j]) if d2[j] <= tolerance_px ** 2 else -1

    def click_at(self, x: float, y: float) -> int:
        row = self.index_near(x, y)
        self.set_current(row)
        self.point_clicked.emit(row)
        return row

    def set_current(self, row: int) -> None:
        """Ring the point of ``row`` (-1: none)."""
        self.current = int(row)
        if 0 <= row < len(self.coords):
            self.marker.setData([float(self.coords[row, 0])], [float(self.coords[row, 1])])
        else:
            self.marker.setData([], [])

    def select_rows(self, rows: np.ndarray | None) -> None:
        self.selected = None if rows is None else np.asarray(rows, np.int64)
        self._redraw()
        self.selection_changed.emit(np.zeros(0, np.int64) if rows is None else self.selected)

    def select_rect(self, rect: tuple[float, float, float, float]) -> np.ndarray:
        x0, y0, x1, y1 = rect
        c = self.coords
        rows = np.flatnonzero((c[:, 0] >= x0) & (c[:, 0] <= x1) & (c[:, 1] >= y0) & (c[:, 1] <= y1))
        self.select_rows(rows)
        return rows

    def select_lasso(self, polygon: np.ndarray) -> np.ndarray:
        rows = np.flatnonzero(points_in_polygon(self.coords, polygon))
        self.select_rows(rows)
        return rows

    def clear_selection(self) -> None:
        self.select_rows(None)

    def _on_mouse_moved(self, args) -> None:
        pos = args[0]
        if not self.view.sceneBoundingRect().contains(pos):
            row = -1
        else:
            p = self.view.mapSceneToView(pos)
            row = self.index_near(p.x(), p.y())
        self.hover(row)

    def hover(self, row: int) -> None:
        if row == self._hovered:
            return
        self._hovered = row
        if row >= 0 and self.texts is not None:
            text = str(self.texts[row])
            self.hover_text.setTextWidth(-1)
            self.hover_text.setText(text if len(text) <= 160 else text[:159] + "…")
            room = max(80.0, self.view.sceneBoundingRect().width() / 2 - 8)  # half the plot: it opens inwards
            if self.hover_text.textItem.boundingRect().width() > room:
                self.hover_text.setTextWidth(room)  # wrap instead of running off the plot
            x, y = float(self.coords[row, 0]), float(self.coords[row, 1])
            (x0, x1), (y0, y1) = self.view.viewRange()
            # open towards the middle of the plot so the label is never cut by its edge
            right = x > (x0 + x1) / 2
            top = y > (y0 + y1) / 2
            self.hover_text.setAnchor((1.0 if right else 0.0, 0.0 if top else 1.0))
            self.hover_text.setPos(x, y)
            self.hover_text.show()
        else:
            self.hover_text.hide()
        self.point_hovered.emit(row)

    @property
    def plot_item(self) -> pg.PlotItem:
        """For ``pyqtgraph.exporters`` (PNG/SVG)."""
        return self.plot.getPlotItem()
