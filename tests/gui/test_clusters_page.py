"""Clusters page on three clear synthetic topics: HDBSCAN, k-means and agglomerative; noise and
its assignment; keyword labels and stop words; renaming; cancel; exports read back."""

from __future__ import annotations

import numpy as np
import pytest
from _explore import TOPICS, manifest, read_table, topic_embeddings, topic_sentences, wait_export
from PySide6.QtCore import Qt

from sbert_desktop.gui.pages.clusters import NAME_COL, ClustersPage


@pytest.fixture
def page(qtbot, state):
    sentences, topics = topic_sentences()
    state.set_embeddings(sentences, topic_embeddings(topics))
    p = ClustersPage(state)
    qtbot.addWidget(p)
    p.resize(1240, 760)
    p.show()
    p.topics = topics
    return p


def _cluster(page, wait_job, **values):
    for name, value in values.items():
        widget = getattr(page, name)
        if hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        elif hasattr(widget, "setChecked"):
            widget.setChecked(value)
        else:
            widget.setValue(value)
    job = page.run()
    assert wait_job(job) == "succeeded", job.failure and job.failure.traceback
    return page.exploration.clusters


def _same_partition(labels, topics) -> bool:
    return all(len(set(labels[topics == t])) == 1 for t in np.unique(topics)) and len(set(labels)) == len(set(topics))


def test_hdbscan_finds_the_topics_with_keyword_labels(qtbot, page, wait_job):
    view = _cluster(page, wait_job, method="hdbscan", min_cluster_size=5, reduce=None)
    r = view.result
    assert r.n_clusters == 3 and _same_partition(r.labels, page.topics)
    assert "3 clusters" in page.summary.text() and "noise 0.0%" in page.summary.text()
    assert "silhouette" in page.summary.text()
    assert page.table.rowCount() == 3
    for row in range(3):
        c = int(page.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        topic = list(TOPICS)[int(page.topics[r.labels == c][0])]
        words = view.keywords[c]
        assert topic in words, (topic, words)  # the topic word is what every sentence of it shares
        assert page.table.item(row, 2).text() == "20" and page.table.item(row, 3).text() == "33.3%"
        assert float(page.table.item(row, 4).text()) > 0.5  # well-separated clusters
        assert topic in page.table.item(row, NAME_COL).text()
    # the first cluster is selected: its most central sentences and all its members are listed
    assert page.central.count() == 5 and page.members_model.rowCount() == 20
    c0 = page.current_cluster()
    assert all(page.state.embeddings.sentences.index(page.central.item(i).text()) in np.flatnonzero(r.labels == c0)
               for i in range(5))


def test_rename_by_hand_is_shared_with_the_map(qtbot, page, wait_job):
    from sbert_desktop.gui.pages.map import MapPage

    _cluster(page, wait_job, method="kmeans", n_clusters=3)
    map_page = MapPage(page.state)  # same AppState: the same ExplorationState
    qtbot.addWidget(map_page)
    assert map_page.exploration is page.exploration
    item = page.table.item(1, NAME_COL)
    label = int(item.data(Qt.ItemDataRole.UserRole))
    with qtbot.waitSignal(page.exploration.names_changed):
        item.setText("Astronomy talk")  # as an edit in the table does
    assert page.exploration.clusters.name(label) == "Astronomy talk"
    assert page.table.item(1, NAME_COL).text() == "Astronomy talk"
    assert any(map_page.legend.item(i).text().startswith("Astronomy talk (") for i in range(map_page.legend.count()))
    page.rename(label, "")  # empty: back to the keywords
    assert "Astronomy" not in page.exploration.clusters.name(label)


def test_kmeans_and_agglomerative_for_comparison(qtbot, page, wait_job):
    for method in ("kmeans", "agglomerative"):
        view = _cluster(page, wait_job, method=method, n_clusters=3)
        assert view.result.n_clusters == 3 and _same_partition(view.labels, page.topics)
        assert "no noise" in page.summary.text() and method in page.summary.text()
        assert not page.min_cluster_size.isEnabled() and page.n_clusters.isEnabled()


def test_noise_share_and_assigning_noise(qtbot, state, wait_job):
    sentences, topics = topic_sentences()
    emb = topic_embeddings(topics)
    rng = np.random.default_rng(1)
    outliers = rng.normal(scale=3.0, size=(6, emb.shape[1])).astype(np.float32)
    state.set_embeddings(sentences + [f"stray remark number {i}" for i in range(6)], np.vstack([emb, outliers]))
    page = ClustersPage(state)
    qtbot.addWidget(page)
    page.show()
    assert page.assign_noise.isChecked()  # the default, as the CLI's --noise knn
    qtbot.mouseClick(page.assign_noise, Qt.MouseButton.LeftButton)  # keep the noise
    assert not page.assign_noise.isChecked()
    view = _cluster(page, wait_job, method="hdbscan", min_cluster_size=5, reduce=None)
    noise = int(np.sum(view.labels < 0))
    assert noise >= 3 and f"({noise:,} of 66 sentences)" in page.summary.text()
    assert page.table.item(page.table.rowCount() - 1, 0).text() == "noise"
    qtbot.mouseClick(page.assign_noise, Qt.MouseButton.LeftButton)
    view = _cluster(page, wait_job)
    assert (view.labels >= 0).all() and view.result.was_noise.sum() == noise
    assert "assigned to their nearest cluster" in page.summary.text()
    assert all(page.table.item(r, 0).text() != "noise" for r in range(page.table.rowCount()))


def test_no_group_found_says_what_to_change(qtbot, state):
    """Seven groups of five near-identical sentences, fewer than Min cluster size (10): HDBSCAN finds no
    cluster. The summary says so and what to change, not that noise was assigned; a person lowers Min
    cluster size to 4, clicks Cluster, and gets the seven groups."""
    from PySide6.QtTest import QTest

    rng = np.random.default_rng(0)
    emb = (np.repeat(np.eye(16), 5, axis=0)[:35] + rng.normal(scale=0.05, size=(35, 16))).astype(np.float32)
    state.set_embeddings([f"sentence {i // 5}" for i in range(35)], emb)
    page = ClustersPage(state)
    qtbot.addWidget(page)
    page.show()
    page.reduce.setCurrentIndex(page.reduce.findData(None))
    assert page.assign_noise.isChecked() and page.min_cluster_size.value() == 10
    with qtbot.waitSignal(page.exploration.clusters_changed, timeout=60_000):
        QTest.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    text = page.summary.text()
    assert "<b>0 clusters</b>" in text and "assigned" not in text
    assert "HDBSCAN found no group of 10 or more close sentences among 35: lower Min cluster size, or use k-means" in text
    page.min_cluster_size.setFocus()
    page.min_cluster_size.selectAll()
    QTest.keyClicks(page.min_cluster_size, "4")
    QTest.keyClick(page.min_cluster_size, Qt.Key.Key_Tab)
    assert page.min_cluster_size.value() == 4
    with qtbot.waitSignal(page.exploration.clusters_changed, timeout=60_000):
        QTest.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.exploration.clusters.result.n_clusters == 7 and "found no group" not in page.summary.text()


def test_stop_words_are_editable(qtbot, page, wait_job):
    view = _cluster(page, wait_job, method="kmeans", n_clusters=3)
    c = int(view.labels[0])  # a coffee sentence
    assert "coffee" in view.keywords[c]
    page.stop_words.setPlainText("coffee, club")
    with qtbot.waitSignal(page.exploration.names_changed, timeout=30_000):
        page.relabel_button.click()
    words = page.exploration.clusters.keywords[c]
    assert "coffee" not in words and "club" not in words and words
    assert page.stop_word_set() >= {"coffee", "club", "the"}


def test_cancel_discards_the_result(qtbot, page, wait_job):
    job = page.run()
    job.cancel()
    wait_job(job)
    assert page.exploration.clusters is None
    assert page.run_button.isEnabled() and page.progress.isHidden()


def test_exports_clusters_and_embeddings(qtbot, page, wait_job, tmp_path):
    view = _cluster(page, wait_job, method="kmeans", n_clusters=3)
    page.rename(int(view.labels[0]), "Coffee chat")
    out = wait_export(qtbot, page.export_button, "clusters", tmp_path / "clusters.csv", "utf-8-sig")
    df = read_table(out)
    assert list(df.columns) == ["index", "sentence", "cluster", "cluster_label", "was_noise"]
    assert len(df) == 60 and list(df.cluster) == view.labels.tolist()
    assert df.cluster_label[0] == "Coffee chat" and df.sentence[0] == page.state.embeddings.sentences[0]
    meta = manifest(out)
    assert meta["kind"] == "clusters" and meta["clustering"]["method"] == "kmeans"
    assert meta["summary"]["n_clusters"] == 3 and meta["extra"]["renamed"] == {str(int(view.labels[0])): "Coffee chat"}

    npy = wait_export(qtbot, page.export_button, "embeddings", tmp_path / "emb.npy")
    np.testing.assert_array_equal(np.load(npy), page.state.embeddings.vectors)
    pq = read_table(wait_export(qtbot, page.export_button, "embeddings", tmp_path / "emb.parquet"))
    assert pq.shape == (60, 2 + 16) and manifest(tmp_path / "emb.parquet")["kind"] == "embeddings"


def test_topics_box_merges_to_the_number_typed(qtbot, page, wait_job):
    """A person types 2 into Topics and clicks Cluster: HDBSCAN's three topics come back merged to
    two, and the summary says from how many; back to automatic (0) the three return."""
    from PySide6.QtTest import QTest

    def type_into(spin, text: str) -> None:
        spin.setFocus()
        spin.selectAll()
        QTest.keyClicks(spin, text)
        QTest.keyClick(spin, Qt.Key.Key_Tab)

    def choose(combo, data) -> None:  # arrow keys from the first item down to the one wanted
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentData() == data:
                return
            QTest.keyClick(combo, Qt.Key.Key_Down)

    choose(page.method, "hdbscan")
    choose(page.reduce, None)
    type_into(page.min_cluster_size, "5")
    assert page.method.currentData() == "hdbscan" and page.reduce.currentData() is None
    assert page.min_cluster_size.value() == 5
    assert page.topic_count.isEnabled() and page.topic_count.text() == "automatic"

    def run_with(text: str):
        type_into(page.topic_count, text)
        with qtbot.waitSignal(page.exploration.clusters_changed, timeout=60_000):
            QTest.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
        return page.exploration.clusters.result

    r = run_with("2")
    assert page.topic_count.value() == 2 and r.params["topics"] == 2
    assert r.n_clusters == 2 and page.table.rowCount() == 2
    assert "merged from 3 HDBSCAN clusters" in page.summary.text()
    moved = ("of the sentences moved to a nearer topic" if r.params["merged"]["start"] == "tree"
             else "of the sentences in another topic than the tree's cut")  # a k-means++ start split the graph better
    assert moved in page.summary.text() and "refine_steps" in r.params["merged"]
    for t in np.unique(page.topics):  # whole topics merged, none split
        assert len(set(r.labels[page.topics == t])) == 1
    r = run_with("0")
    assert page.topic_count.value() == 0 and r.n_clusters == 3 and "merged" not in page.summary.text()
    choose(page.method, "kmeans")
    assert page.method.currentData() == "kmeans" and not page.topic_count.isEnabled()


def test_broader_topics_button_clusters_at_the_subjects(qtbot, state):
    """Four subjects of six tight sub-topics each: the default shows the 24 sub-topics and offers
    "Try 4 topics"; a click on it fills the Topics box and clusters again into the four subjects."""
    from PySide6.QtTest import QTest
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(0)
    dim, subjects = 32, np.eye(32, dtype=np.float32)[:4] * 3
    centres = (subjects[:, None, :] + rng.normal(scale=2.4 / np.sqrt(dim), size=(4, 6, dim))).reshape(-1, dim)
    fine = np.repeat(np.arange(24), 25)
    emb = (centres[fine] + rng.normal(scale=0.15, size=(fine.size, dim))).astype(np.float32)
    state.set_embeddings([f"sentence {i} of sub-topic {f}" for i, f in enumerate(fine)], emb)
    page = ClustersPage(state)
    qtbot.addWidget(page)
    page.resize(1240, 760)
    page.show()
    page.reduce.setFocus()
    QTest.keyClick(page.reduce, Qt.Key.Key_Home)
    while page.reduce.currentData() is not None:
        QTest.keyClick(page.reduce, Qt.Key.Key_Down)
    page.min_cluster_size.setFocus()
    page.min_cluster_size.selectAll()
    QTest.keyClicks(page.min_cluster_size, "5")
    QTest.keyClick(page.min_cluster_size, Qt.Key.Key_Tab)
    assert not page.broader.isVisible()
    with qtbot.waitSignal(page.exploration.clusters_changed, timeout=60_000):
        QTest.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.exploration.clusters.result.n_clusters == 24
    button = page.broader.findChild(type(page.run_button), "broader4")
    assert page.broader.isVisible() and button is not None and button.text() == "Try 4 topics"
    with qtbot.waitSignal(page.exploration.clusters_changed, timeout=60_000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    r = page.exploration.clusters.result
    assert page.topic_count.value() == 4 and r.params["topics"] == 4 and r.n_clusters == 4
    assert adjusted_rand_score(fine // 6, r.labels) == 1.0
    # the curve stays (same embeddings, same HDBSCAN settings), marked at the 4 shown now: a click on
    # another of its points clusters into that many topics
    curve = page.broader
    assert curve.isVisible() and curve.current == 4 and 24 in curve.levels
    level = [t for t in curve.levels if 4 < t < 24][-1]
    with qtbot.waitSignal(page.exploration.clusters_changed, timeout=60_000):
        QTest.mouseClick(curve.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         curve.level_pixel(level))
    r = page.exploration.clusters.result
    assert page.topic_count.value() == level and r.params["topics"] == level and curve.current == r.n_clusters
    # every sub-topic inside one subject: the finer level only splits the four subjects
    assert all(len(set(fine[r.labels == c] // 6)) == 1 for c in range(r.n_clusters))
    # other embeddings: the old curve goes
    state.set_embeddings([f"s{i}" for i in range(fine.size)], emb[::-1].copy())
    assert not curve.isVisible()


def test_auto_reduction_is_the_cli_rule():
    """The window's "Auto" is the core's rule, so the window and `sbert-desktop cluster` reduce the same
    sentences the same way (they differed between 200-2,000 and 10,000-20,000 sentences before Dec 3)."""
    from sbert_desktop.core.clustering import choose_reduction
    from sbert_desktop.gui.pages.clusters import effective_reduction

    for n in (60, 199, 200, 1_500, 10_000, 10_001, 15_000, 200_000):
        for method in ("hdbscan", "kmeans", "agglomerative"):
            assert effective_reduction("auto", method, n) == choose_reduction(method, n, "auto")
    assert effective_reduction("auto", "hdbscan", 1_500) == "umap"
    assert effective_reduction("auto", "hdbscan", 15_000) == "umap-knn"
    assert effective_reduction("pca", "hdbscan", 1_500) == "pca"


def test_tab_leaves_the_stop_words_box(qtbot, state):
    """Tab in 'More stop words' typed tab characters into it and kept the focus there."""
    from PySide6.QtTest import QTest

    clusters = ClustersPage(state)
    qtbot.addWidget(clusters)
    clusters.show()
    clusters.stop_words.setFocus()
    qtbot.waitUntil(clusters.stop_words.hasFocus)
    QTest.keyClicks(clusters.stop_words, "refund")
    QTest.keyClick(clusters.stop_words, Qt.Key.Key_Tab)
    assert clusters.stop_words.toPlainText() == "refund" and not clusters.stop_words.hasFocus()


def test_enter_in_a_number_runs_the_clustering(qtbot, page, wait_job):
    """Typing 3 into Clusters (k) and pressing Enter did nothing; it runs the clustering now."""
    from PySide6.QtTest import QTest

    page.method.setCurrentIndex(page.method.findData("kmeans"))
    edit = page.n_clusters.lineEdit()
    edit.selectAll()
    QTest.keyClicks(edit, "3")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    job = page.state.jobs.current("cluster")
    assert job is not None and wait_job(job) == "succeeded"
    assert page.exploration.clusters.result.n_clusters == 3
