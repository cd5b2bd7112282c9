"""Cluster names written on the map, each at its cluster's densest spot.

Each cluster's anchor is the centre of the cell (of a 48 x 48 grid over the map) holding most of
its points — one ``np.bincount`` over (cluster, cell) — so a crescent-shaped or split cluster is
labelled where its points are, not at a mean that may fall between its parts. The biggest
clusters get a label; after every pan or zoom the labels are laid out again, largest first,
and a label that would overlap one already placed (in screen pixels) or whose anchor is out of
view is hidden, so zoomed out the map shows the big topics and zooming in reveals the smaller.
"""

from __future__ import annotations

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont

MAX_LABELS = 40
BINS = 48


def label_anchors(coords: np.ndarray, labels: np.ndarray, bins: int = BINS,
                  most: int = MAX_LABELS) -> list[tuple[int, float, float, int]]:
    """(cluster, x, y, size) of the ``most`` largest clusters (labels >= 0), largest first; (x, y)
    is the centre of the grid cell where the cluster has the most points."""
    labels = np.asarray(labels)
    keep = labels >= 0
    if not len(coords) or not keep.any():
        return []
    sizes = np.bincount(labels[keep])
    top = np.argsort(-sizes, kind="stable")[:most]
    top = top[sizes[top] > 0]
    slot = np.full(len(sizes), -1, np.int64)
    slot[top] = np.arange(len(top))
    lo, hi = coords.min(axis=0).astype(np.float64), coords.max(axis=0).astype(np.float64)
    span = np.maximum(hi - lo, 1e-12)
    s = np.where(keep, slot[np.where(keep, labels, 0)], -1)
    mine = s >= 0
    c = coords[mine]
    ix = np.clip(((c[:, 0] - lo[0]) / span[0] * bins).astype(np.int64), 0, bins - 1)
    iy = np.clip(((c[:, 1] - lo[1]) / span[1] * bins).astype(np.int64), 0, bins - 1)
    counts = np.bincount(s[mine] * bins * bins + iy * bins + ix, minlength=len(top) * bins * bins)
    best = counts.reshape(len(top), bins * bins).argmax(axis=1)
    x = lo[0] + (best % bins + 0.5) / bins * span[0]
    y = lo[1] + (best // bins + 0.5) / bins * span[1]
    return [(int(k), float(x[i]), float(y[i]), int(sizes[k])) for i, k in enumerate(top)]


class ClusterLabels:
    """Text items for cluster names on a ``ViewBox``; ``layout`` after the view changes."""

    def __init__(self, view: pg.ViewBox):
        self.view = view
        self.items: list[pg.TextItem] = []
        self.anchors: list[tuple[int, float, float, int]] = []

    def set_labels(self, coords: np.ndarray, labels: np.ndarray | None, names: dict | None) -> None:
        """Label the largest clusters with ``names`` (cluster → name); None removes the labels."""
        for item in self.items:
            self.view.removeItem(item)
        self.items, self.anchors = [], []
        if names is None or labels is None or not len(coords):
            return
        font = QFont()
        font.setBold(True)
        for cluster, x, y, size in label_anchors(coords, labels):
            name = str(names.get(cluster, "")).strip()
            if not name:
                continue
            item = pg.TextItem(name if len(name) <= 40 else name[:39] + "…", color="#111",
                               fill=pg.mkBrush(255, 255, 255, 190), anchor=(0.5, 0.5))
            item.setFont(font)
            item.setZValue(15)
            item.setPos(x, y)
            self.view.addItem(item, ignoreBounds=True)
            self.items.append(item)
            self.anchors.append((cluster, x, y, size))
        self.layout()

    def layout(self) -> None:
        """Show the labels whose anchor is in view and that overlap no larger cluster's label."""
        if not self.items:
            return
        (x0, x1), (y0, y1) = self.view.viewRange()
        placed: list[QRectF] = []
        for item, (_cluster, x, y, _size) in zip(self.items, self.anchors):
            if not (x0 <= x <= x1 and y0 <= y <= y1):
                item.hide()
                continue
            centre = self.view.mapViewToScene(QPointF(x, y))
            size = item.textItem.boundingRect()
            box = QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height())
            if any(box.intersects(other) for other in placed):
                item.hide()
                continue
            placed.append(box)
            item.show()

    def visible_names(self) -> list[str]:
        return [item.toPlainText() for item in self.items if item.isVisible()]
