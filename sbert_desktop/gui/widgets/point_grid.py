"""A uniform grid over 2-D points, so that the map finds the points in a box or the point nearest
the mouse among all N (a million) without looking at every one.

The points are bucketed once into ``side x side`` cells over their bounding box (about 16 points
a cell, at most 512 cells a side): ``order`` lists the rows cell by cell (int32) and ``starts``
where each cell begins, the layout of a CSR matrix. A box query visits the cells it overlaps, one
contiguous slice of ``order`` per grid row, and tests only those points exactly; a summed-area
table of the cell counts bounds how many points a box holds in O(1). The grid keeps a reference
to the caller's float32 coordinates, never a copy: about 4 bytes a point for ``order``.
No Qt here.
"""

from __future__ import annotations

import numpy as np


class PointGrid:
    def __init__(self, coords: np.ndarray, per_cell: int = 16, max_side: int = 512):
        self.coords = coords  # [n, 2] float32, shared with the caller
        n = len(coords)
        lo, hi = (coords.min(axis=0), coords.max(axis=0)) if n else (np.zeros(2), np.ones(2))
        self.lo = lo.astype(np.float64)
        self.hi = hi.astype(np.float64)
        self.side = int(np.clip(np.sqrt(max(n, 1) / per_cell), 1, max_side))
        self.scale = self.side / np.maximum(self.hi - self.lo, 1e-12)  # cells per data unit
        cx = self._cell_index(coords[:, 0], 0)
        cy = self._cell_index(coords[:, 1], 1)
        cell = cy * self.side + cx
        del cx, cy
        self.order = np.argsort(cell, kind="stable").astype(np.int32)
        counts = np.bincount(cell, minlength=self.side * self.side)
        del cell
        self.starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        table = np.zeros((self.side + 1, self.side + 1), np.int64)  # summed-area table
        table[1:, 1:] = counts.reshape(self.side, self.side).cumsum(0).cumsum(1)
        self._table = table

    def __len__(self) -> int:
        return len(self.coords)

    def _cell_index(self, values: np.ndarray, axis: int) -> np.ndarray:
        scaled = (values.astype(np.float64) - self.lo[axis]) * self.scale[axis]
        return np.clip(scaled, 0, self.side - 1).astype(np.int32)

    def _cell_span(self, lo: float, hi: float, axis: int) -> tuple[int, int] | None:
        """First and last cell (inclusive) that [lo, hi] overlaps on ``axis``; None when it misses."""
        if hi < self.lo[axis] or lo > self.hi[axis]:
            return None
        first = int(np.clip((lo - self.lo[axis]) * self.scale[axis], 0, self.side - 1))
        last = int(np.clip((hi - self.lo[axis]) * self.scale[axis], 0, self.side - 1))
        return first, last

    def _spans(self, x0: float, x1: float, y0: float, y1: float):
        sx, sy = self._cell_span(x0, x1, 0), self._cell_span(y0, y1, 1)
        return None if sx is None or sy is None else (sx, sy)

    def count_bound(self, x0: float, x1: float, y0: float, y1: float) -> int:
        """How many points the cells overlapping the box hold: at least the points in the box."""
        spans = self._spans(x0, x1, y0, y1)
        if spans is None:
            return 0
        (cx0, cx1), (cy0, cy1) = spans
        t = self._table
        return int(t[cy1 + 1, cx1 + 1] - t[cy0, cx1 + 1] - t[cy1 + 1, cx0] + t[cy0, cx0])

    def candidates(self, x0: float, x1: float, y0: float, y1: float) -> np.ndarray:
        """Rows in the cells overlapping the box (a superset of the rows inside it), int32."""
        spans = self._spans(x0, x1, y0, y1)
        if spans is None:
            return np.zeros(0, np.int32)
        (cx0, cx1), (cy0, cy1) = spans
        if cx0 == 0 and cy0 == 0 and cx1 == self.side - 1 and cy1 == self.side - 1:
            return self.order
        side, starts, order = self.side, self.starts, self.order
        rows = np.arange(cy0, cy1 + 1) * side
        begin, end = starts[rows + cx0], starts[rows + cx1 + 1]
        if cx0 == 0 and cx1 == side - 1:  # whole grid rows: one contiguous slice
            return order[begin[0]:end[-1]]
        return np.concatenate([order[b:e] for b, e in zip(begin.tolist(), end.tolist())])

    def rows_in_box(self, x0: float, x1: float, y0: float, y1: float, ordered: bool = True) -> np.ndarray:
        """Rows whose point lies in [x0, x1] x [y0, y1], int64; ascending unless ``ordered`` is False
        (then in grid order, which saves a sort when only the set or its size matters)."""
        cand = self.candidates(x0, x1, y0, y1)
        if len(cand) == len(self.coords):
            c = self.coords
            inside = (c[:, 0] >= x0) & (c[:, 0] <= x1) & (c[:, 1] >= y0) & (c[:, 1] <= y1)
            return np.flatnonzero(inside)
        c = self.coords[cand]
        inside = (c[:, 0] >= x0) & (c[:, 0] <= x1) & (c[:, 1] >= y0) & (c[:, 1] <= y1)
        rows = cand[inside].astype(np.int64)
        return np.sort(rows) if ordered else rows

    def nearest(self, x: float, y: float, px: float, py: float, tolerance_px: float) -> int:
        """The row nearest to (x, y) in screen distance (``px``, ``py``: data units per pixel),
        within ``tolerance_px`` pixels; -1 when none is that close."""
        rx, ry = tolerance_px * px, tolerance_px * py
        cand = self.candidates(x - rx, x + rx, y - ry, y + ry)
        if not len(cand):
            return -1
        c = self.coords[cand]
        d2 = ((c[:, 0] - x) / px) ** 2 + ((c[:, 1] - y) / py) ** 2
        j = int(np.argmin(d2))
        return int(cand[j]) if d2[j] <= tolerance_px ** 2 else -1
