"""Issue #12, item 7: the Map as a person uses it — whole-word and semantic search, the method combo
honoured while the automatic projection runs, the view fitted to the bulk with Zoom to all, and
legend names that wrap instead of being cut mid-word."""

from __future__ import annotations

import numpy as np
import pytest
from _explore import set_models, topic_embeddings, topic_sentences
from PySide6.QtCore import Qt

from sbert_desktop.gui.pages.map import MapPage
from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter


def _page(qtbot, state, sentences, vectors):
    state.set_embeddings(sentences, vectors)
    page = MapPage(state)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    return page


def _project(qtbot, page, method="pca"):
    page.method.setCurrentIndex(page.method.findData(method))
    if page.exploration.projection is None or page.exploration.projection.params["method"] != method:
        with qtbot.waitSignal(page.exploration.projection_changed, timeout=120_000):
            page.project_button.click()


def test_search_by_whole_words_by_text_and_by_meaning(qtbot, state, tiny_bi_encoder):
    sentences = ["Rain is coming today.", "The training went well.", "He sprained his ankle.",
                 "After the rain, again sun.", "Nothing here at all."] * 5
    vectors = np.random.default_rng(0).normal(size=(len(sentences), 8)).astype(np.float32)
    page = _page(qtbot, state, sentences, vectors)
    _project(qtbot, page)
    assert page.search_mode.currentData() == "word"  # whole words by default
    qtbot.keyClicks(page.search, "rain")
    qtbot.waitUntil(lambda: page.scatter.matches is not None, timeout=5000)
    expected = [s.startswith(("Rain", "After")) for s in sentences]
    np.testing.assert_array_equal(page.scatter.matches, expected)  # not "training", not "sprained"
    page.search_mode.setCurrentIndex(page.search_mode.findData("text"))
    assert page.scatter.matches.sum() == 20  # substrings, when asked for
    # by meaning: the query embedded with the bi-encoder, its nearest sentences highlighted
    set_models(state, bi=tiny_bi_encoder)
    page.state.set_embeddings(sentences, tiny_bi_encoder.encode(sentences))
    _project(qtbot, page)
    page.search.setText("rain")
    page.search_mode.setCurrentIndex(page.search_mode.findData("meaning"))
    qtbot.waitUntil(lambda: page.scatter.matches is not None and "meaning" in page.scatter.info.text(),
                    timeout=60_000)
    assert page.scatter.matches.sum() == 20
    query = tiny_bi_encoder.encode(["rain"])[0]
    vec = tiny_bi_encoder.encode(sentences)
    sims = vec @ query / (np.linalg.norm(vec, axis=1) * np.linalg.norm(query))
    assert sims[page.scatter.matches].min() >= sims[~page.scatter.matches].max() - 1e-5


def test_choosing_a_method_while_the_automatic_projection_runs_is_honoured(qtbot, state):
    sentences, topics = topic_sentences()
    page = _page(qtbot, state, sentences, topic_embeddings(topics))
    page.method.setCurrentIndex(page.method.findData("tsne"))
    page.show()  # starts the automatic t-SNE projection
    qtbot.waitUntil(lambda: state.jobs.current("project") is not None, timeout=10_000)
    page.method.setCurrentIndex(page.method.findData("pca"))  # changed while it runs
    qtbot.waitUntil(lambda: page.exploration.projection is not None
                    and state.jobs.current("project") is None, timeout=120_000)
    assert page.exploration.projection.params["method"] == "pca" == page.method.currentData()
    assert page.status.text().startswith("PCA")


def test_the_view_fits_the_bulk_and_zoom_to_all_shows_far_points(qtbot):
    scatter = EmbeddingScatter(axes=False)
    qtbot.addWidget(scatter)
    scatter.resize(500, 400)
    scatter.show()
    rng = np.random.default_rng(0)
    coords = np.vstack([rng.normal(size=(300, 2)), [[400.0, 400.0], [401.0, 399.0], [399.0, 401.0]]])
    scatter.set_points(coords)
    (x0, x1), (y0, y1) = scatter.view.viewRange()
    assert x1 < 50 and y1 < 50  # the far cluster does not squeeze the rest into a strip
    assert scatter.outside == 3 and "outside the view" in scatter.info.text()
    scatter.zoom_all()
    (x0, x1), (y0, y1) = scatter.view.viewRange()
    assert x1 > 400 and y1 > 400 and scatter.outside == 0


def test_zoom_to_all_button_and_legend_names_wrap(qtbot, state, wait_job):
    from sbert_desktop.gui.exploration_state import ClusterView

    sentences, topics = topic_sentences()
    vectors = topic_embeddings(topics)
    vectors[:2] += 40  # two far-away sentences
    page = _page(qtbot, state, sentences, vectors)
    page.show()
    _project(qtbot, page)
    assert page.legend.wordWrap() and page.legend.textElideMode() == Qt.TextElideMode.ElideNone
    if page.scatter.outside:
        qtbot.mouseClick(page.zoom_all_button, Qt.MouseButton.LeftButton)
        assert page.scatter.outside == 0
    from sbert_desktop.core.clustering import cluster

    result = cluster(vectors, "kmeans", n_clusters=3, seed=0)
    view = ClusterView(result, names={0: "espresso latte barista beans roast and a very long descriptive name"})
    page.exploration.set_clusters(view)
    item = page.legend.item(0)
    assert item.text().startswith("espresso latte barista beans roast and a very long descriptive name")
    line = page.legend.fontMetrics().height()
    assert page.legend.visualItemRect(item).height() > 1.5 * line  # wrapped onto lines, not cut
