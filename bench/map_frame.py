"""The Map at 100k and 1M points: first draw and frame times while panning and zooming, ours
(``EmbeddingScatter``: density image zoomed out, dots zoomed in) beside pyqtgraph's plain
``ScatterPlotItem`` holding the same points, in the same run, timed the same way.

Points are synthetic 2-D map coordinates: 50 Gaussian clusters with Zipf-like sizes (the biggest
about 100 times the smallest) and 1% scattered noise, float32, seeded. Both plots are 1000 x 700
pixels (the same plot area), offscreen (``QT_QPA_PLATFORM=offscreen``); a frame is one change of the view followed by
the paint (``plot.grab()`` renders the plot into a pixmap, what a repaint costs), and for ours
any recount the change starts (a zoom, a pan past the margin) is run inside that frame, so a
frame time is the whole cost of the step, never a deferred one. Scenes, each from the same view
for both plots:

* ``pan out``: 40 pans of 2% of the width over the whole map (ours: the density image);
* ``zoom``: 12 wheel steps in (x0.8) then 12 out around the middle, starting from the whole map;
* ``pan in``: 40 pans of 2% zoomed in until about 30k points are in view (ours: dots).

The peer gets at most ``--peer-frames`` frames a scene and stops a scene once it has spent
``--peer-budget`` seconds in it (at 1M its frames take seconds); what it did not finish is said.

    python bench/map_frame.py [--sizes 100000 1000000] [--peer-frames 40] [--peer-budget 60]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return f"load average {os.getloadavg()[0]:.2f}"


def synthetic_map(n: int, k: int = 50, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, k + 1) ** 1.2
    labels = rng.choice(k, size=n, p=weights / weights.sum())
    centres = rng.uniform(-30, 30, size=(k, 2))
    spread = rng.uniform(0.5, 2.5, size=k)
    coords = centres[labels] + rng.normal(size=(n, 2)) * spread[labels, None]
    noise = rng.random(n) < 0.01
    coords[noise] = rng.uniform(-40, 40, size=(int(noise.sum()), 2))
    labels[noise] = -1
    return coords.astype(np.float32), labels


class Ours:
    name = "ours (EmbeddingScatter)"

    def __init__(self, coords, labels):
        from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter

        self.w = EmbeddingScatter(axes=False)
        self.w.resize(1000, 700)
        self.w.show()
        self.coords, self.labels = coords, labels

    def first_draw(self):
        self.w.set_points(self.coords, self.labels)
        self.w.zoom_all()
        self.settle()

    def settle(self):
        if self.w.refresh_pending:
            self.w.refresh()  # the recount this view change started, inside the frame

    @property
    def view(self):
        return self.w.view

    @property
    def plot(self):
        return self.w.plot

    def state(self) -> str:
        return f"{self.w.level}, {self.w.in_view:,} in view"


class Peer:
    name = "pyqtgraph ScatterPlotItem"
    size = None  # QSize of ours's plot, set after ours ran

    def __init__(self, coords, labels):
        import pyqtgraph as pg

        from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter

        self.plot = pg.PlotWidget(background="w")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.resize(Peer.size)  # the same plot area as ours (which has an info line below)
        self.plot.show()
        self.view = self.plot.getViewBox()
        self.coords, self.labels = coords, labels
        brushes = EmbeddingScatter.FULL  # the same 13 shared brushes, one per colour
        self.brush = brushes[np.where(labels < 0, len(brushes) - 1, labels % (len(brushes) - 1))]

    def first_draw(self):
        import pyqtgraph as pg

        item = pg.ScatterPlotItem(x=self.coords[:, 0], y=self.coords[:, 1], brush=self.brush, pen=None, size=6,
                                  pxMode=True)
        self.plot.addItem(item)
        lo, hi = self.coords.min(axis=0), self.coords.max(axis=0)
        from PySide6.QtCore import QRectF

        self.view.setRange(QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1])), padding=0.04)

    def settle(self):
        pass

    def state(self) -> str:
        return "every point a dot"


def frame(app, plot, subject, change) -> float:
    start = time.perf_counter()
    change()
    app.processEvents()
    subject.settle()
    plot.grab()
    return time.perf_counter() - start


def scenes(view0, coords):
    """(name, [view rect per frame]) from the whole-map view ``view0`` = ((x0, x1), (y0, y1))."""
    (x0, x1), (y0, y1) = view0
    w, h = x1 - x0, y1 - y0
    pan_out = [((x0 + i * 0.02 * w, x1 + i * 0.02 * w), (y0, y1)) for i in range(1, 41)]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    zoom, s = [], 1.0
    for step in list(range(12)) + list(range(12)):
        s = s * 0.8 if len(zoom) < 12 else s / 0.8
        zoom.append(((cx - s * w / 2, cx + s * w / 2), (cy - s * h / 2, cy + s * h / 2)))
    # zoomed in around the densest cluster until about 30k points are in view
    hist, xe, ye = np.histogram2d(coords[:, 0], coords[:, 1], bins=64)
    i, j = np.unravel_index(np.argmax(hist), hist.shape)
    px, py = float(xe[i] + xe[i + 1]) / 2, float(ye[j] + ye[j + 1]) / 2
    target = min(30_000, len(coords) // 4)
    lo, hi = 1e-4, 1.0
    for _ in range(30):  # bisect the view's scale for ~target points in view
        mid = (lo + hi) / 2
        c = coords
        inside = np.sum((np.abs(c[:, 0] - px) <= mid * w / 2) & (np.abs(c[:, 1] - py) <= mid * h / 2))
        lo, hi = (mid, hi) if inside < target else (lo, mid)
    zw, zh = float(hi * w), float(hi * h)
    pan_in = [((px - zw / 2 + i * 0.02 * zw, px + zw / 2 + i * 0.02 * zw), (py - zh / 2, py + zh / 2))
              for i in range(0, 41)]
    return [("pan out", pan_out, None), ("zoom", zoom, None), ("pan in", pan_in[1:], pan_in[0])]


def run_subject(app, cls, coords, labels, max_frames: int, budget: float) -> dict:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    subject = cls(coords, labels)
    subject.first_draw()
    app.processEvents()
    subject.settle()
    subject.plot.grab()
    first = time.perf_counter() - start
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    out = {"first": first, "held": held, "scenes": {}, "state0": subject.state()}
    view0 = subject.view.viewRange()
    for name, rects, setup in scenes(view0, coords):
        if setup is not None:
            subject.view.setRange(xRange=setup[0], yRange=setup[1], padding=0)
            app.processEvents()
            subject.settle()
            subject.plot.grab()
        else:
            subject.view.setRange(xRange=view0[0], yRange=view0[1], padding=0)
            app.processEvents()
            subject.settle()
            subject.plot.grab()
        times, spent = [], 0.0
        for xr, yr in rects[:max_frames]:
            t = frame(app, subject.plot, subject,
                      lambda xr=xr, yr=yr: subject.view.setRange(xRange=xr, yRange=yr, padding=0))
            times.append(t)
            spent += t
            if spent > budget:
                break
        out["scenes"][name] = (np.array(times), len(rects), subject.state())
    out["size"] = subject.plot.size()
    subject.plot.close()
    return out


def fmt(ms: float) -> str:
    return f"{ms:8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--peer-frames", type=int, default=40)
    parser.add_argument("--peer-budget", type=float, default=60.0, help="seconds a scene of the peer may take")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()

    import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)
    import pyqtgraph as pg
    import PySide6
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, PySide6 {PySide6.__version__}, "
          f"pyqtgraph {pg.__version__}, {os.cpu_count()} CPUs, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %cI"], capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "unknown"
    print(f"code: commit {commit}; uptime at start: {uptime()}", flush=True)
    for n in args.sizes:
        coords, labels = synthetic_map(n)
        print(f"\n{n:,} points, 50 Zipf-sized clusters + 1% noise, plot 1000 x 700 px", flush=True)
        results = {}
        for cls in (Ours, Peer):
            if cls is Peer and args.no_peer:
                continue
            frames = 10_000 if cls is Ours else args.peer_frames
            budget = 1e9 if cls is Ours else args.peer_budget
            results[cls.name] = r = run_subject(app, cls, coords, labels, frames, budget)
            Peer.size = r["size"]
            print(f"  {cls.name}: plot {r['size'].width()} x {r['size'].height()} px; first draw {r['first']:.2f} s "
                  f"({r['state0']}); memory allocated through numpy/Python and still held: "
                  f"{r['held'] / 2**20:.0f} MB", flush=True)
            print(f"    {'scene':<9s} {'frames':>9s} {'median ms':>10s} {'p90 ms':>8s} {'max ms':>8s}  level at the end")
            for scene, (times, wanted, state) in r["scenes"].items():
                ms = 1000 * times
                done = f"{len(times)}/{wanted}"
                print(f"    {scene:<9s} {done:>9s} {fmt(np.median(ms)):>10s} {fmt(np.percentile(ms, 90)):>8s} "
                      f"{fmt(ms.max()):>8s}  {state}", flush=True)
            all_ms = 1000 * np.concatenate([t for t, _w, _s in r["scenes"].values()])
            print(f"    {'all':<9s} {len(all_ms):>9d} {fmt(np.median(all_ms)):>10s} "
                  f"{fmt(np.percentile(all_ms, 90)):>8s} {fmt(all_ms.max()):>8s}", flush=True)
            r["all"] = all_ms
        if len(results) == 2:
            ours, peer = results[Ours.name], results[Peer.name]
            print(f"  -> first draw: peer / ours = {peer['first'] / ours['first']:.1f}x")
            for scene in ours["scenes"]:
                o, p = np.median(ours["scenes"][scene][0]), np.median(peer["scenes"][scene][0])
                partial = "" if len(peer["scenes"][scene][0]) == peer["scenes"][scene][1] or \
                    len(peer["scenes"][scene][0]) == args.peer_frames else " (peer stopped early, over its budget)"
                print(f"  -> {scene}: median frame peer / ours = {p / o:.1f}x{partial}")
            print(f"  -> all frames: median peer / ours = {np.median(peer['all']) / np.median(ours['all']):.1f}x, "
                  f"p90 {np.percentile(peer['all'], 90) / np.percentile(ours['all'], 90):.1f}x", flush=True)
    print(f"\nuptime at the end: {uptime()}")


if __name__ == "__main__":
    main()
