"""Issue #13, the map at a million points, on small data: a map bigger than ``max_points`` is a
density image of every point when zoomed out and the real dots when zoomed in; both levels show
the same points, the mouse (real wheel and click events on the plot's viewport) finds real points
at either level, and cluster names sit on the map without overlapping.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter
from sbert_desktop.gui.widgets.point_grid import PointGrid

N, LIMIT = 4000, 500


def clustered(n: int = N, k: int = 6, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-10, 10, size=(k, 2))
    labels = rng.integers(0, k, n)
    return (centres[labels] + rng.normal(scale=0.8, size=(n, 2))).astype(np.float32), labels, centres


def in_rect(coords: np.ndarray, rect) -> np.ndarray:
    x0, y0, x1, y1 = rect
    c = coords
    return np.flatnonzero((c[:, 0] >= x0) & (c[:, 0] <= x1) & (c[:, 1] >= y0) & (c[:, 1] <= y1))


def pixel(scatter: EmbeddingScatter, x: float, y: float) -> QPoint:
    return scatter.plot.mapFromScene(scatter.view.mapViewToScene(QPointF(float(x), float(y))))


def wheel(scatter: EmbeddingScatter, at: QPoint, steps: int) -> None:
    """Real wheel events on the plot's viewport (positive: zoom in), one notch each."""
    viewport = scatter.plot.viewport()
    for _ in range(abs(steps)):
        event = QWheelEvent(QPointF(at), QPointF(viewport.mapToGlobal(at)), QPoint(0, 0),
                            QPoint(0, 120 if steps > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)


@pytest.fixture
def scatter(qtbot):
    w = EmbeddingScatter(axes=False, max_points=LIMIT)
    qtbot.addWidget(w)
    w.resize(600, 450)
    w.show()
    qtbot.waitExposed(w)
    coords, labels, centres = clustered()
    w.set_points(coords, labels, [f"sentence {i}" for i in range(N)])
    w.zoom_all()
    w.refresh()
    w.centres = centres
    return w


def test_the_grid_finds_the_same_points_as_a_full_scan():
    coords, _labels, _c = clustered(3000, seed=3)
    grid = PointGrid(coords)
    rng = np.random.default_rng(1)
    for _ in range(30):
        x0, y0 = rng.uniform(-14, 10, 2)
        x1, y1 = x0 + rng.uniform(0.1, 12), y0 + rng.uniform(0.1, 12)
        rows = grid.rows_in_box(x0, x1, y0, y1)
        np.testing.assert_array_equal(rows, in_rect(coords, (x0, y0, x1, y1)))
        assert grid.count_bound(x0, x1, y0, y1) >= len(rows)
        x, y = rng.uniform(-10, 10, 2)
        d2 = ((coords[:, 0] - x) / 0.05) ** 2 + ((coords[:, 1] - y) / 0.04) ** 2
        expected = int(np.argmin(d2)) if d2.min() <= 49 else -1
        assert grid.nearest(float(x), float(y), 0.05, 0.04, 7.0) == expected


def test_zoomed_out_every_point_is_in_the_density_image(scatter):
    assert scatter.level == "density" and len(scatter.sample) == 0
    assert scatter.density.isVisible() and scatter.density.counts.sum() == N
    assert scatter.density.counts.sum() == len(in_rect(scatter.coords, scatter.density.rect))
    assert scatter.info.text().startswith(f"{N:,} points as a density image")
    # the image's cells are a couple of screen pixels wide, whatever the data's units
    rows, cols = scatter.density.counts.shape
    assert 100 <= cols <= 600 and 50 <= rows <= 450


def test_wheel_zoom_switches_levels_and_both_show_the_same_points(qtbot, scatter):
    coords = scatter.coords
    target = scatter.centres[0]
    at = pixel(scatter, *target)
    for _ in range(40):  # zoom in on a cluster, notch by notch, until its points are dots
        wheel(scatter, at, 1)
        qtbot.waitUntil(lambda: not scatter.refresh_pending, timeout=3000)
        if scatter.level == "points":
            break
    assert scatter.level == "points" and not scatter.density.isVisible()
    (x0, x1), (y0, y1) = scatter.view.viewRange()
    in_view = in_rect(coords, (x0, y0, x1, y1))
    assert 0 < len(in_view) <= LIMIT and scatter.in_view == len(in_view)
    # the dots are exactly the points of the view and its margin (every point there, no sample)
    cx0, cx1, cy0, cy1 = scatter._covered[:4]
    np.testing.assert_array_equal(np.sort(scatter.sample), in_rect(coords, (cx0, cy0, cx1, cy1)))
    assert set(in_view) <= set(scatter.sample.tolist())
    assert f"{len(in_view):,} of {N:,} points in view" in scatter.info.text()
    # zooming back out returns to the image of the same N points
    for _ in range(40):
        wheel(scatter, at, -1)
        qtbot.waitUntil(lambda: not scatter.refresh_pending, timeout=3000)
        if scatter.level == "density":
            break
    assert scatter.level == "density"
    assert scatter.density.counts.sum() == len(in_rect(coords, scatter.density.rect))
    scatter.zoom_all()
    scatter.refresh()
    assert scatter.density.counts.sum() == N


def test_a_click_on_a_dense_area_of_the_image_picks_a_real_point(qtbot, scatter):
    assert scatter.level == "density"
    viewport = scatter.plot.viewport()
    for centre in scatter.centres[:3]:
        at = pixel(scatter, *centre)
        with qtbot.waitSignal(scatter.point_clicked, timeout=2000) as blocker:
            QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        row = blocker.args[0]
        assert row >= 0 and scatter.current == row
        dot = pixel(scatter, *scatter.coords[row])
        assert (dot - at).manhattanLength() <= 10  # the point under the mouse, among all N
        QTest.mouseMove(viewport, at)
        qtbot.waitUntil(lambda: scatter._hovered >= 0, timeout=3000)
        assert scatter.hover_text.isVisible() and scatter.hover_text.toPlainText().startswith("sentence ")


def test_selection_and_search_dim_the_image_without_losing_points(scatter):
    rows = scatter.select_rect((-50.0, -50.0, 0.0, 50.0))
    assert len(rows) == len(in_rect(scatter.coords, (-50, -50, 0, 50)))
    assert scatter.level == "density" and scatter.density.counts.sum() == N
    image = scatter.density.image
    opaque = image[..., 3][scatter.density.counts > 0]
    assert opaque.min() > 0  # a cell of dimmed points is faint, never blank
    scatter.set_matches(scatter.labels == 2)
    assert f"{int(np.sum(scatter.labels == 2)):,} matching" in scatter.info.text()
    assert scatter.density.counts.sum() == N


def test_cluster_names_sit_on_their_clusters_without_overlapping(qtbot, scatter):
    names = {c: f"topic number {c}" for c in range(6)}
    scatter.set_cluster_names(names)
    shown = scatter.cluster_labels.visible_names()
    assert shown and set(shown) <= set(names.values())
    boxes = []
    for item, (cluster, x, y, _size) in zip(scatter.cluster_labels.items, scatter.cluster_labels.anchors):
        # each name sits at its cluster's densest spot: near the cluster's centre
        assert np.hypot(*(np.array([x, y]) - scatter.centres[cluster])) < 2.0
        if item.isVisible():
            boxes.append(item.textItem.mapRectToScene(item.textItem.boundingRect()))
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    scatter.set_cluster_names(None)
    assert scatter.cluster_labels.visible_names() == []


def test_a_small_map_still_draws_every_point_as_a_dot(qtbot):
    w = EmbeddingScatter(axes=False, max_points=LIMIT)
    qtbot.addWidget(w)
    coords, labels, _c = clustered(300)
    w.set_points(coords, labels)
    assert w.level == "points" and w.grid is None and len(w.sample) == 300
    assert w.info.text() == "300 points" and not w.density.isVisible()


def test_the_map_page_names_its_clusters_and_exports_the_density_image(qtbot, state, tmp_path):
    from _explore import manifest, topic_embeddings, topic_sentences

    from sbert_desktop.core.clustering import cluster
    from sbert_desktop.gui.exploration_state import ClusterView
    from sbert_desktop.gui.pages.map import MapPage

    sentences, topics = topic_sentences()
    vectors = topic_embeddings(topics)
    state.set_embeddings(sentences, vectors)
    page = MapPage(state)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.scatter.max_points = 20  # 60 sentences: more than the dots' limit, so the map is an image
    page.method.setCurrentIndex(page.method.findData("pca"))
    page.show()
    qtbot.waitUntil(lambda: page.exploration.projection is not None, timeout=60_000)
    scatter = page.scatter
    assert scatter.level == "density" and scatter.density.counts.sum() == 60
    names = {0: "coffee words", 1: "football words", 2: "galaxy words"}
    page.exploration.set_clusters(ClusterView(cluster(vectors, "kmeans", n_clusters=3, seed=0), names=names))
    shown = scatter.cluster_labels.visible_names()
    assert shown and set(shown) <= set(names.values())
    out = page.export_button.export("map-png", tmp_path / "map.png")
    assert out.stat().st_size > 1000
    summary = manifest(out)["summary"]
    assert summary["drawn_as"] == "density" and summary["points_drawn"] == 0


def test_the_count_in_view_follows_a_zoom_that_needs_no_recount(qtbot, scatter):
    x, y = (float(v) for v in scatter.centres[0])
    scatter.view.setRange(xRange=(x - 0.5, x + 0.5), yRange=(y - 0.5, y + 0.5), padding=0)  # ~100 points
    scatter.refresh()
    assert scatter.level == "points"
    wheel(scatter, pixel(scatter, x, y), 3)  # zooming in inside the drawn dots: no recount needed
    assert not scatter.refresh_pending
    (x0, x1), (y0, y1) = scatter.view.viewRange()
    assert scatter.in_view == len(in_rect(scatter.coords, (x0, y0, x1, y1)))
    assert scatter.info.text().startswith(f"{scatter.in_view:,} of {N:,} points in view")
