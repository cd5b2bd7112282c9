"""Map page: PCA/t-SNE projections (seeded, cached), cluster colours, hover, click → neighbours,
rectangle and lasso selection, search highlighting, exports; the scatter at 100k points; every
exploration page launched on its own."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from _explore import manifest, read_table, set_models, topic_embeddings, topic_sentences, wait_export

from sbert_desktop.gui.pages.map import MapPage
from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter, points_in_polygon


@pytest.fixture
def page(qtbot, state):
    sentences, topics = topic_sentences()
    state.set_embeddings(sentences, topic_embeddings(topics))
    p = MapPage(state)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.topics = topics
    return p


def _project(qtbot, page, method="pca", **values):
    page.method.setCurrentIndex(page.method.findData(method))
    for name, value in values.items():
        getattr(page, name).setValue(value)
    with qtbot.waitSignal(page.exploration.projection_changed, timeout=120_000):
        page.project_button.click()
    return page.exploration.projection


def test_showing_the_page_projects_and_reopening_is_instant(qtbot, page):
    page.method.setCurrentIndex(page.method.findData("pca"))
    with qtbot.waitSignal(page.projected, timeout=60_000) as blocker:
        page.show()  # a small corpus is projected as soon as the page is shown
    proj = blocker.args[0]
    assert proj.coords.shape == (60, 2) and proj.params["method"] == "pca" and proj.params["seed"] == 42
    assert len(page.scatter.coords) == 60 and page.scatter.info.text() == "60 points"
    assert "PCA" in page.status.text() and "seed 42" in page.status.text()
    from sbert_desktop.core.projection import cache_key, cache_path

    assert cache_path(cache_key(page.state.embeddings.vectors, proj.params)).exists()  # on disk too
    # projecting again with the same parameters needs no job: the session keeps it
    assert page.project() is None and page.exploration.projection is proj
    # another seed is another projection; t-SNE with its perplexity exposed
    tsne = _project(qtbot, page, "tsne", perplexity=10)
    assert tsne.params["perplexity"] == 10.0 and tsne.coords.shape == (60, 2)
    assert page.perplexity.isEnabled() and not page.n_neighbors.isEnabled()


def test_clusters_colour_the_map_with_a_legend(qtbot, page, wait_job):
    from sbert_desktop.core.explore import describe_clusters
    from sbert_desktop.gui.exploration_state import ClusterView

    _project(qtbot, page)
    assert "Cluster on the Clusters page" in page.legend.item(0).text()
    emb = page.state.embeddings
    view = ClusterView.from_report(describe_clusters(emb.vectors, emb.sentences, {"method": "kmeans", "n_clusters": 3}))
    page.exploration.set_clusters(view)
    np.testing.assert_array_equal(page.scatter.labels, view.labels)
    assert page.legend.count() == 3 and all("(20)" in page.legend.item(i).text() for i in range(3))
    # the scatter uses the 26 shared palette brushes, never one per point
    assert len(page.scatter.item.fragmentAtlas) <= 26
    assert len({id(b) for b in page.scatter.item.data["brush"]}) == 3


def test_rectangle_and_lasso_selection_fill_the_table_and_dim_the_rest(qtbot, page):
    _project(qtbot, page)
    coords = page.scatter.coords
    first = page.topics == 0
    lo, hi = coords[first].min(axis=0) - 1e-3, coords[first].max(axis=0) + 1e-3
    expected = np.flatnonzero(np.all((coords >= lo) & (coords <= hi), axis=1))
    # a drag in rectangle mode, as the ViewBox reports it
    assert page.scatter.view.mode == "rect"
    with qtbot.waitSignal(page.scatter.selection_changed):
        page.scatter.view.finish_selection([(lo[0], lo[1]), (hi[0], hi[1])])
    assert page.selection_model.rowCount() == len(expected) >= 20
    assert f"{len(expected)} selected sentences" == page.selection_label.text()
    assert page.selection_model.index(0, 0).data() == page.state.embeddings.sentences[expected[0]]
    emphasis = page.scatter.emphasis()
    assert emphasis.sum() == len(expected)  # the rest is dimmed, still drawn
    assert len(page.scatter.drawn) == 60
    # lasso: a triangle around the same points
    page.tools.buttons()[2].click()
    assert page.scatter.view.mode == "lasso"
    pad = (hi - lo)
    triangle = [(lo[0] - pad[0], lo[1] - pad[1]), (hi[0] + 2 * pad[0], lo[1] - pad[1]), (lo[0] - pad[0], hi[1] + 2 * pad[1])]
    page.scatter.view.finish_selection(triangle)
    inside = np.flatnonzero(points_in_polygon(coords, np.array(triangle)))
    assert set(expected) <= set(inside) and page.selection_model.rowCount() == len(inside)
    page.clear_button.click()
    assert page.scatter.emphasis() is None and page.selection_model.rowCount() == 0


def test_search_box_highlights_matches(qtbot, page):
    _project(qtbot, page)
    qtbot.keyClicks(page.search, "Espresso")
    qtbot.waitUntil(lambda: page.scatter.matches is not None, timeout=5000)
    expected = [("espresso" in s.lower()) for s in page.state.embeddings.sentences]
    np.testing.assert_array_equal(page.scatter.matches, expected)
    assert f"{sum(expected)} matching" in page.scatter.info.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.scatter.matches is None, timeout=5000)


def test_hover_and_click_show_text_and_reranked_neighbours(qtbot, page, tiny_bi_encoder, tiny_cross_encoder):
    set_models(page.state, tiny_bi_encoder, tiny_cross_encoder)
    _project(qtbot, page)
    page.show()
    page.scatter.hover(12)
    sentence = page.state.embeddings.sentences[12]
    assert page.scatter.hover_text.isVisible() and page.scatter.hover_text.toPlainText() == sentence
    assert sentence in page.text.toPlainText()
    x, y = page.scatter.coords[40]
    page.scatter.view.autoRange()
    with qtbot.waitSignal(page.neighbours.finished, timeout=60_000) as blocker:
        row = page.scatter.click_at(float(x), float(y))
    result = blocker.args[0]
    assert row >= 0 and page.scatter.current == row
    assert page.state.embeddings.sentences[row] in page.text.toPlainText()
    assert len(result.bi_ranking) == 8 and len(result.cross_ranking) == 8
    assert all(h.index != row for h in result.bi_ranking)
    assert page.neighbours.bi_table.rowCount() == 8 and page.neighbours.cross_table.rowCount() == 8
    # nearest neighbours of a point in a clear topic are from that topic
    assert all(page.topics[h.index] == page.topics[row] for h in result.bi_ranking)


def test_map_exports(qtbot, page, tmp_path):
    from sbert_desktop.core.explore import describe_clusters
    from sbert_desktop.gui.exploration_state import ClusterView

    _project(qtbot, page)
    emb = page.state.embeddings
    page.exploration.set_clusters(ClusterView.from_report(
        describe_clusters(emb.vectors, emb.sentences, {"method": "kmeans", "n_clusters": 3})))
    assert page.export_button.export("selection", tmp_path / "none.csv") is None  # nothing selected yet
    df = read_table(wait_export(qtbot, page.export_button, "coordinates", tmp_path / "map.csv", "utf-8-sig"))
    assert list(df.columns) == ["index", "sentence", "x", "y", "cluster", "cluster_label"] and len(df) == 60
    view = page.exploration.clusters
    assert list(df.cluster_label) == [view.name(int(c)) for c in df.cluster]
    np.testing.assert_allclose(df[["x", "y"]].to_numpy(), page.exploration.projection.coords, atol=1e-4)
    meta = manifest(tmp_path / "map.csv")
    assert meta["kind"] == "coordinates" and meta["projection"]["method"] == "pca"
    assert meta["clustering"]["method"] == "kmeans"

    page.scatter.select_rows(np.array([3, 5, 8]))
    sel = read_table(wait_export(qtbot, page.export_button, "selection", tmp_path / "sel.parquet"))
    assert list(sel["index"]) == [3, 5, 8] and list(sel.sentence) == [emb.sentences[i] for i in (3, 5, 8)]
    assert set(sel.columns) >= {"x", "y", "cluster", "cluster_label"}
    assert manifest(tmp_path / "sel.parquet")["rows"] == 3
    for suffix in ("png", "svg"):
        out = page.export_button.export(f"map-{suffix}", tmp_path / f"map.{suffix}")
        assert out.stat().st_size > 1000 and manifest(out)["summary"]["points_drawn"] == 60


def test_scatter_at_100k_points_draws_every_point_and_selects_among_all(qtbot):
    # how long this takes is measured by bench/map_frame.py, not here
    scatter = EmbeddingScatter(max_points=50_000)
    qtbot.addWidget(scatter)
    scatter.resize(900, 700)
    scatter.show()
    rng = np.random.default_rng(0)
    coords = rng.normal(size=(100_000, 2)).astype(np.float32)
    labels = rng.integers(-1, 12, 100_000)
    scatter.set_points(coords, labels)
    scatter.zoom_all()
    scatter.refresh()
    assert scatter.level == "density" and scatter.info.text().startswith("100,000 points as a density image")
    assert scatter.density.counts.sum() == 100_000  # every point is in the image, none sampled away
    rows = scatter.select_rect((0.0, 0.0, 1.0, 1.0))  # over every point, not only the drawn ones
    scatter.set_matches(labels == 3)
    scatter.plot.viewport().repaint()
    assert len(rows) == int(np.sum((coords[:, 0] >= 0) & (coords[:, 0] <= 1) & (coords[:, 1] >= 0) & (coords[:, 1] <= 1)))
    assert "selected" in scatter.info.text() and "matching" in scatter.info.text()
    assert scatter.density.counts.sum() == 100_000  # the dimmed points are still counted (in grey)
    assert len(scatter.item.fragmentAtlas) <= 26


@pytest.mark.parametrize("module", ["compare", "clusters", "map"])
def test_each_exploration_page_launches_alone(module, tmp_path):
    env = {**__import__("os").environ, "SBERT_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", f"sbert_desktop.gui.pages.{module}", "--quit-after", "300"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "QThread" not in proc.stderr


def test_a_selection_does_not_outlive_its_embeddings(qtbot, page, tmp_path):
    """Rows selected on one set of sentences are not exported against the next one's."""
    _project(qtbot, page)
    page.scatter.select_rows(np.array([3, 5, 8]))
    assert len(page.selected_rows) == 3
    sentences, topics = topic_sentences()
    page.state.set_embeddings([s.upper() for s in sentences], topic_embeddings(topics))
    assert len(page.selected_rows) == 0
    assert page.export_button.export("selection", tmp_path / "sel.csv") is None


def test_a_cancelled_automatic_projection_is_not_started_again_by_itself(qtbot, page, wait_job):
    """Showing the page starts a projection; the user presses Cancel; leaving the page and coming back
    started it again. It waits for Project now."""
    from PySide6.QtCore import Qt

    page.method.setCurrentIndex(page.method.findData("tsne"))
    page.show()
    qtbot.waitUntil(lambda: page.state.jobs.current("project") is not None and page.cancel_button.isVisible(),
                    timeout=10_000)
    job = page.state.jobs.current("project")
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert wait_job(job) == "cancelled" and page.status.text() == "Projection cancelled."
    page.hide()
    page.show()
    qtbot.wait(50)
    assert page.state.jobs.current("project") is None and page.status.text() == "Projection cancelled."
    assert page.project_button.isEnabled()
