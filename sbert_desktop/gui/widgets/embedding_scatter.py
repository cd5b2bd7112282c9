"""A scatter of many points (an embedding map, or pair scores) that stays smooth at 100k points.

Built the way Orange's scatter plot is: one ``ScatterPlotItem`` with ``pxMode=True``,
``useCache=True`` and no pen; brushes come from a small palette indexed by label (the symbol
atlas is keyed by brush identity, so the same few QBrush objects are reused for every point);
``data=`` holds each drawn point's row so hover, click and selection map back to rows. Above
``max_points`` a fixed random sample is drawn and the label under the plot says "N of M shown";
selection and highlighting always use every point.

Tools: pan/zoom (default), rectangle or lasso selection (drag with the left button). Points
outside the selection or the search matches are dimmed, not hidden.
"""

from __future__ import annotations

from typing import Sequence

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QLabel, QVBoxLayout, QWidget

#: cluster colours (Okabe–Ito, then Tableau); label c uses PALETTE[c % len(PALETTE)]; noise is grey
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#882255",
           "#44AA99", "#999933", "#AA4499", "#6699CC"]
NOISE = "#9a9a9a"
DEFAULT_MAX_POINTS = 60_000


def _brushes(alpha: int) -> np.ndarray:
    out = np.empty(len(PALETTE) + 1, dtype=object)
    for i, name in enumerate(PALETTE + [NOISE]):
        color = QColor(name)
        color.setAlpha(alpha)
        out[i] = QBrush(color)
    return out


def label_color(label: int) -> QColor:
    return QColor(NOISE if label < 0 else PALETTE[int(label) % len(PALETTE)])


def points_in_polygon(points: np.ndarray, polygon: np.ndarray) -> np.ndarray:
    """Boolean mask of ``points`` [n, 2] inside ``polygon`` [m, 2] (even-odd rule, vectorised)."""
    points, polygon = np.asarray(points, np.float64), np.asarray(polygon, np.float64)
    inside = np.zeros(len(points), bool)
    if len(polygon) < 3 or len(points) == 0:
        return inside
    lo, hi = polygon.min(axis=0), polygon.max(axis=0)
    box = np.all((points >= lo) & (points <= hi), axis=1)
    x, y = points[box, 0], points[box, 1]
    hit = np.zeros(len(x), bool)
    xj, yj = polygon[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        for xi, yi in polygon:
            crosses = (yi > y) != (yj > y)
            hit ^= crosses & (x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            xj, yj = xi, yi
    inside[box] = hit
    return inside


class PaletteScatterItem(pg.ScatterPlotItem):
    """A ``ScatterPlotItem`` whose points are styled by an index into a palette of brushes.

    The stock item looks every point up in its symbol atlas in Python (about a second at 100k
    points); here the atlas is asked once per palette entry and the result is broadcast with numpy,
    so ``set_palette_points`` on 100k points takes a few tens of milliseconds.
    """

    _palette: np.ndarray | None = None
    _colour: np.ndarray | None = None

    def set_palette_points(self, x: np.ndarray, y: np.ndarray, rows: np.ndarray, colour: np.ndarray,
                           palette: np.ndarray) -> None:
        """Points at (x, y) with ``data=rows``; point i is filled with ``palette[colour[i]]``."""
        self._palette, self._colour = palette, np.asarray(colour, np.intp)
        self.setData(x=x, y=y, data=rows)

    def updateSpots(self, dataSet=None):  # noqa: N802,N803 (pyqtgraph API)
        data = self.data if dataSet is None else dataSet
        fast = (self.opts["pxMode"] and self.opts["useCache"] and not self.opts["hoverable"]
                and self._palette is not None and self._colour is not None and len(data) == len(self._colour))
        if not fast:
            return super().updateSpots(dataSet)
        styles = [(self.opts["symbol"], self.opts["size"], self.opts["pen"], brush) for brush in self._palette]
        rects = np.array([tuple(r) for r in self.fragmentAtlas[styles]], dtype=data["sourceRect"].dtype)
        data["sourceRect"] = rects[self._colour]
        data["brush"] = self._palette[self._colour]  # what exporters (SVG) draw point by point
        self._updateMaxSpotSizes(data=data)
        self.invalidate()

    def mouseClickEvent(self, ev):  # noqa: N802 (pyqtgraph API)
        # The stock item accepts a click on a dot and emits sigClicked, so the view box never saw
        # clicks *on* dots. Let them through: the view box maps every click to the nearest row.
        ev.ignore()


class SelectViewBox(pg.ViewBox):
    """A ViewBox whose left drag pans (mode "pan") or draws a rectangle or lasso selection."""

    rect_selected = Signal(object)  # (x0, y0, x1, y1) in data coordinates
    lasso_selected = Signal(object)  # numpy [m, 2] polygon in data coordinates
    clicked = Signal(object)  # (x, y) in data coordinates

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mode = "pan"
        self._path: list[tuple[float, float]] = []
        self._overlay = QGraphicsPathItem()
        pen = pg.mkPen("#222", width=1.5, style=Qt.PenStyle.DashLine)
        self._overlay.setPen(pen)
        self._overlay.setBrush(QBrush(QColor(0, 114, 178, 30)))
        self._overlay.setZValue(1e6)
        self._overlay.hide()
        self.addItem(self._overlay, ignoreBounds=True)

    def set_mode(self, mode: str) -> None:
        assert mode in ("pan", "rect", "lasso"), mode
        self.mode = mode

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802 (Qt API)
        if self.mode == "pan" or ev.button() != Qt.MouseButton.LeftButton:
            return super().mouseDragEvent(ev, axis)
        ev.accept()
        pos = self.mapSceneToView(ev.scenePos())
        if ev.isStart():
            start = self.mapSceneToView(ev.buttonDownScenePos())
            self._path = [(start.x(), start.y())]
        self._path.append((pos.x(), pos.y()))
        self._draw()
        if ev.isFinish():
            self._overlay.hide()
            self.finish_selection(self._path)

    def finish_selection(self, path: Sequence[tuple[float, float]]) -> None:
        """Emit the selection a drag along ``path`` (data coordinates) makes in the current mode."""
        pts = np.asarray(path, np.float64)
        if len(pts) < 2:
            return
        if self.mode == "rect":
            (x0, y0), (x1, y1) = pts[0], pts[-1]
            self.rect_selected.emit((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        elif self.mode == "lasso":
            self.lasso_selected.emit(pts)

    def _draw(self) -> None:
        path = QPainterPath()
        (x0, y0), (x1, y1) = self._path[0], self._path[-1]
        if self.mode == "rect":
            path.addRect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
        else:
            path.moveTo(x0, y0)
            for x, y in self._path[1:]:
                path.lineTo(x, y)
            path.closeSubpath()
        self._overlay.setPath(path)
        self._overlay.show()

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            pos = self.mapSceneToView(ev.scenePos())
            self.clicked.emit((pos.x(), pos.y()))
            return
        super().mouseClickEvent(ev)


class EmbeddingScatter(QWidget):
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
        self.info = QLabel("No points")
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
        self.sample = np.zeros(0, np.int64)  # rows drawn (all of them below max_points)
        self.drawn = np.zeros(0, np.int64)  # rows in drawing order (emphasised last, on top)
        self.selected: np.ndarray | None = None
        self.matches: np.ndarray | None = None  # boolean mask over every row
        self.current = -1
        self._hovered = -1
        self.outside = 0  # points left outside the view by fit_bulk (far-away outliers)
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
        if n > self.max_points:
            self.sample = np.sort(np.random.default_rng(0).choice(n, self.max_points, replace=False))
        else:
            self.sample = np.arange(n)
        self.selected, self.matches, self.current, self._hovered = None, None, -1, -1
        self.marker.setData([], [])
        self.hover_text.hide()
        self._redraw()
        if auto_range and n:
            self.fit_bulk()

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
        self.view.autoRange(padding=0.04)
        self.outside = 0
        self._update_info()

    def set_labels(self, labels: np.ndarray | None) -> None:
        n = len(self.coords)
        self.labels = np.zeros(n, np.int64) if labels is None or len(labels) != n else np.asarray(labels, np.int64)
        self._redraw()

    match_label = "matching"

    def set_matches(self, mask: np.ndarray | None, label: str = "matching") -> None:
        """Emphasise the rows where ``mask`` is True (search hits); None clears it."""
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

    def _redraw(self) -> None:
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
        n, shown = len(self.coords), len(self.sample)
        parts = [f"{shown:,} of {n:,} shown (a random sample; selection and search use every point)"
                 if shown < n else f"{n:,} points"]
        if self.selected is not None:
            parts.append(f"{len(self.selected):,} selected")
        if self.matches is not None:
            parts.append(f"{int(self.matches.sum()):,} {self.match_label}")
        if getattr(self, "outside", 0):
            parts.append(f"{self.outside:,} far-away points outside the view (Zoom to all shows them)")
        self.info.setText(" · ".join(parts) if n else "No points")

    # -- interaction ---------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.view.set_mode(mode)

    def index_near(self, x: float, y: float, tolerance_px: float = 7.0) -> int:
        """The drawn row nearest to data point (x, y) within ``tolerance_px`` pixels, else -1."""
        if not len(self.drawn):
            return -1
        px, py = self.view.viewPixelSize()
        px, py = px or 1.0, py or 1.0
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
