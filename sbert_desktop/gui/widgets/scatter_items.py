"""The pieces of the map's scatter: the cluster palette, a ``ScatterPlotItem`` styled by palette
index (fast at 100k points), and a ``ViewBox`` whose left drag pans or draws a rectangle or lasso
selection. ``EmbeddingScatter`` (embedding_scatter.py) puts them together with the density layer.
"""

from __future__ import annotations

from typing import Sequence

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem

#: cluster colours (Okabe–Ito, then Tableau); label c uses PALETTE[c % len(PALETTE)]; noise is grey
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#882255",
           "#44AA99", "#999933", "#AA4499", "#6699CC"]
NOISE = "#9a9a9a"


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
