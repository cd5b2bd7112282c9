"""Level of detail for ``EmbeddingScatter``: which of a big map's points are drawn, and how.

Up to ``max_points`` points all are dots. Above, ``refresh`` looks at the view: when at most
``max_points`` points are in it (found through the grid over every point), those are drawn as
dots; otherwise every point is counted into the density image. Both are computed for the view
plus a margin of ``MARGIN`` of its size on each side, so a pan inside the margin only repaints
(the image and the dots live in data coordinates); a zoom, a resize or a pan past the margin
starts a 30 ms timer that recounts once the view settles, folding a burst of wheel steps into one.
"""

from __future__ import annotations

import math

import numpy as np

from sbert_desktop.gui.widgets.density_layer import colour_slots

MARGIN = 0.25  # share of the view's width/height computed beyond each edge, so panning only repaints
CELL_PX = 2  # density cells are this many screen pixels wide


class DetailLevels:
    """Mixed into ``EmbeddingScatter``: uses its view, coords, labels, grid, density and item."""

    @property
    def refresh_pending(self) -> bool:
        """True between a zoom (or a pan past the margin) and the recount it starts."""
        return self._refresh_timer.isActive()

    def _on_range_changed(self, *_args) -> None:
        self.cluster_labels.layout()
        if self.grid is None or self._covered is None:
            return
        (x0, x1), (y0, y1) = self.view.viewRange()
        px, py = self.view.viewPixelSize()
        cx0, cx1, cy0, cy1, cpx, cpy = self._covered
        inside = x0 >= cx0 and x1 <= cx1 and y0 >= cy0 and y1 <= cy1
        same_scale = abs(px / cpx - 1) < 0.02 and abs(py / cpy - 1) < 0.02
        # dots stay right while zooming in inside what was drawn; the image needs its cells recounted
        if not inside or (self.level == "density" and not same_scale):
            self._refresh_timer.start()
            return
        # nothing to redraw: keep the "k of N in view" line true (a cheap count of what is drawn)
        if self.level == "points":
            c = self.coords[self.sample]
            self.in_view = int(np.count_nonzero((c[:, 0] >= x0) & (c[:, 0] <= x1) & (c[:, 1] >= y0) & (c[:, 1] <= y1)))
        else:
            self.in_view = self.density.count_in((x0, y0, x1, y1))
        self._update_info()

    def refresh(self) -> None:
        """Draw the points for the current view: all of them as dots up to ``max_points``; above,
        the dots in view when at most ``max_points`` are, else the density image of every point."""
        self._refresh_timer.stop()
        n = len(self.coords)
        if self.grid is None:
            self.level, self.sample, self.in_view = "points", np.arange(n), n
            self.density.clear()
            self._draw_dots()
            return
        grid = self.grid
        (x0, x1), (y0, y1) = self.view.viewRange()
        px, py = self.view.viewPixelSize()
        mx, my = MARGIN * (x1 - x0), MARGIN * (y1 - y0)
        ex0, ex1, ey0, ey1 = x0 - mx, x1 + mx, y0 - my, y1 + my
        rows = None  # the rows in view, when few enough to be worth finding exactly
        if grid.count_bound(x0, x1, y0, y1) <= 2 * self.max_points:
            rows = grid.rows_in_box(x0, x1, y0, y1, ordered=False)
        if rows is not None and len(rows) <= self.max_points:
            self.level, self.in_view = "points", len(rows)
            if grid.count_bound(ex0, ex1, ey0, ey1) <= 2 * self.max_points:
                rows = grid.rows_in_box(ex0, ex1, ey0, ey1, ordered=False)
            else:
                ex0, ex1, ey0, ey1 = x0, x1, y0, y1
            self.sample = rows
            self.density.clear()
        else:
            self.level, self.sample = "density", np.zeros(0, np.int64)
            self._draw_density(ex0, ex1, ey0, ey1, px, py)
            self.in_view = self.density.count_in((x0, y0, x1, y1)) if rows is None else len(rows)
        self._covered = (ex0, ex1, ey0, ey1, px, py)
        self._draw_dots()
        self.cluster_labels.layout()

    def _draw_density(self, x0: float, x1: float, y0: float, y1: float, px: float, py: float) -> None:
        """Count every point in the box (the view and its margin, cut to the points' extent)."""
        grid = self.grid
        x0, x1 = max(x0, grid.lo[0]), min(x1, grid.hi[0])
        y0, y1 = max(y0, grid.lo[1]), min(y1, grid.hi[1])
        if x1 < x0 or y1 < y0:
            self.density.clear()
            return
        cw, ch = CELL_PX * px, CELL_PX * py
        cols = max(1, min(4096, math.ceil((x1 - x0) / cw + 1e-9)))
        rows = max(1, min(4096, math.ceil((y1 - y0) / ch + 1e-9)))
        rect = (x0, y0, x0 + max(cols * cw, 1e-12), y0 + max(rows * ch, 1e-12))
        if self._slots is None:
            self._slots = colour_slots(self.labels, self.emphasis())
        few = grid.count_bound(rect[0], rect[2], rect[1], rect[3]) < len(grid) // 2
        cand = grid.candidates(rect[0], rect[2], rect[1], rect[3]) if few else None
        self.density.show_points(self.coords, self._slots, rect, (rows, cols), cand)

    def _redraw(self) -> None:
        """Colours or emphasis changed: draw the same level again."""
        self._slots = None
        if self.level == "density" and self.grid is not None:
            self.refresh()
        else:
            self._draw_dots()
