"""The map's density layer: every point of a big map counted into an image when zoomed out.

The visible box (with a margin) is cut into cells of a couple of screen pixels and each point is
counted in its cell, and in its colour slot per block of 4 x 4 cells, with two ``np.bincount``
(no Python loop over points). A cell's colour is the mean cluster colour of its block, its
opacity grows with the log of its count, so a lone point stays visible beside a cell of ten
thousand. With a selection or a
search, the emphasised points keep their colours and the others count as faint grey, the way
the point level dims them. ``DensityLayer`` is a pyqtgraph ``ImageItem`` placed in data
coordinates, so panning moves the image and only a zoom or a pan past the margin recounts.
"""

from __future__ import annotations

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from sbert_desktop.gui.widgets.scatter_items import NOISE, PALETTE

#: colour slots: one per palette colour, then noise; DIM_SLOT counts points that are not emphasised
N_COLOURS = len(PALETTE) + 1
DIM_SLOT = N_COLOURS
N_SLOTS = N_COLOURS + 1
BLOCK_SHIFT = 2
BLOCK = 1 << BLOCK_SHIFT  # a cell's colour is that of its block of BLOCK x BLOCK cells (an 8-pixel square)
_RGB = np.array([QColor(c).getRgb()[:3] for c in PALETTE + [NOISE]], np.float32)
_DIM_RGB = np.array([150, 150, 150], np.uint8)


def colour_slots(labels: np.ndarray, emphasis: np.ndarray | None = None) -> np.ndarray:
    """uint8 colour slot of every point: its palette colour (noise for labels < 0), or DIM_SLOT
    where ``emphasis`` is given and False."""
    labels = np.asarray(labels)
    slots = np.where(labels < 0, len(PALETTE), labels % len(PALETTE)).astype(np.uint8)
    if emphasis is not None:
        slots[~np.asarray(emphasis, bool)] = DIM_SLOT
    return slots


def aggregate(x: np.ndarray, y: np.ndarray, slots: np.ndarray, rect: tuple[float, float, float, float],
              shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Count the points in ``rect`` = (x0, y0, x1, y1) (edges included) into ``shape`` = (rows,
    cols) cells, row 0 at the bottom (y0) edge: ``fine`` [rows, cols, 2] holds the emphasised and
    the dimmed points of each cell; ``coarse`` [rows/BLOCK, cols/BLOCK, N_SLOTS] the colour slots
    of each block of BLOCK x BLOCK cells, which colours the cells (two integer bincounts)."""
    x0, y0, x1, y1 = rect
    rows, cols = shape
    fx = x - np.float32(x0)
    fx *= np.float32(cols / (x1 - x0))
    fy = y - np.float32(y0)
    fy *= np.float32(rows / (y1 - y0))
    inside = (fx >= 0) & (fx <= cols) & (fy >= 0) & (fy <= rows)
    if not inside.all():
        fx, fy, slots = fx[inside], fy[inside], slots[inside]
    ix = fx.astype(np.int64)
    np.minimum(ix, cols - 1, out=ix)
    iy = fy.astype(np.int64)
    np.minimum(iy, rows - 1, out=iy)
    del fx, fy
    crows, ccols = -(-rows // BLOCK), -(-cols // BLOCK)
    block = iy >> BLOCK_SHIFT  # a shift: integer division is not vectorised
    block *= ccols
    block += ix >> BLOCK_SHIFT
    block *= N_SLOTS
    block += slots
    coarse = np.bincount(block, minlength=crows * ccols * N_SLOTS)
    del block
    iy *= cols
    iy += ix
    iy *= 2
    iy += slots == DIM_SLOT
    fine = np.bincount(iy, minlength=rows * cols * 2)
    return fine.reshape(rows, cols, 2), coarse.reshape(crows, ccols, N_SLOTS)


def render(fine: np.ndarray, coarse: np.ndarray) -> np.ndarray:
    """RGBA uint8 image [rows, cols, 4]: each cell in the mean cluster colour of its block's
    emphasised points, its opacity by the log of its count; cells of dimmed points only in grey."""
    rows, cols = fine.shape[:2]
    shown, dim = fine[..., 0], fine[..., 1]
    colours = coarse[..., :N_COLOURS]
    total = np.maximum(colours.sum(axis=-1, keepdims=True), 1).astype(np.float32)
    mean = (colours.astype(np.float32) @ _RGB / total).astype(np.uint8)
    rgba = np.empty((rows, cols, 4), np.uint8)
    rgba[..., :3] = np.repeat(np.repeat(mean, BLOCK, axis=0), BLOCK, axis=1)[:rows, :cols]
    any_dim = bool(dim.any())
    floor = 0.55 if any_dim else 0.3  # emphasised cells stand out over the dimmed ones
    rgba[..., 3] = _opacity(shown, floor, 1.0)
    if any_dim:
        only_dim = (shown == 0) & (dim > 0)
        rgba[only_dim, :3] = _DIM_RGB
        rgba[only_dim, 3] = _opacity(dim[only_dim], 0.12, 0.42)
    return rgba


def _opacity(counts: np.ndarray, low: float, high: float) -> np.ndarray:
    """uint8 opacity of cells holding ``counts`` points: 0 for none, ``low`` for one, ``high``
    for the fullest, log-scaled between (a lookup table: no logarithm per cell)."""
    top = int(counts.max()) if counts.size else 0
    if top == 0:
        return np.zeros(counts.shape, np.uint8)
    steps = np.arange(min(top, 1 << 16) + 1)
    lut = (255 * (low + (high - low) * np.log1p(steps) / np.log1p(top))).astype(np.uint8)
    lut[0] = 0
    return lut[np.minimum(counts, len(lut) - 1)]


class DensityLayer(pg.ImageItem):
    """The density image; ``counts`` (points per cell, [rows, cols]) and ``rect`` say what it shows."""

    def __init__(self):
        super().__init__(axisOrder="row-major")
        self.counts = np.zeros((0, 0), np.int64)
        self.rect: tuple[float, float, float, float] | None = None
        self.setZValue(-1)
        self.hide()

    def show_points(self, coords: np.ndarray, slots: np.ndarray, rect: tuple[float, float, float, float],
                    shape: tuple[int, int], rows: np.ndarray | None = None) -> None:
        """Count ``coords`` (or only ``rows`` of them, a superset of those in ``rect``) into an image
        of ``shape`` cells covering ``rect`` and show it there."""
        if rows is None:
            x, y, s = coords[:, 0], coords[:, 1], slots
        else:
            x, y, s = coords[rows, 0], coords[rows, 1], slots[rows]
        fine, coarse = aggregate(x, y, s, rect, shape)
        self.counts = fine[..., 0] + fine[..., 1]
        self.rect = rect
        self.setImage(render(fine, coarse), autoLevels=False, levels=(0, 255))
        x0, y0, x1, y1 = rect
        self.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.show()

    def clear(self) -> None:
        self.counts = np.zeros((0, 0), np.int64)
        self.rect = None
        self.hide()

    def count_in(self, rect: tuple[float, float, float, float]) -> int:
        """Points counted in the cells that lie wholly inside ``rect`` (for checks)."""
        if self.rect is None or not self.counts.size:
            return 0
        x0, y0, x1, y1 = self.rect
        rows, cols = self.counts.shape
        cx = (np.arange(cols + 1) / cols) * (x1 - x0) + x0
        cy = (np.arange(rows + 1) / rows) * (y1 - y0) + y0
        ok_x = (cx[:-1] >= rect[0]) & (cx[1:] <= rect[2])
        ok_y = (cy[:-1] >= rect[1]) & (cy[1:] <= rect[3])
        return int(self.counts[np.ix_(ok_y, ok_x)].sum())
