"""Issue #12, item 8: the Data page previews every column of a table (the text column first), and a
label column such as ``topic`` colours the Map and shows topics per class on the Clusters page."""

from __future__ import annotations

import csv

import numpy as np
from _explore import topic_embeddings, topic_sentences
from PySide6.QtCore import Qt


def _write_csv(tmp_path):
    sentences, topics = topic_sentences()
    names = ["coffee", "football", "galaxy"]
    path = tmp_path / "topics.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text", "topic"])
        for i, (s, t) in enumerate(zip(sentences, topics)):
            writer.writerow([i + 1, s, names[t]])
    return path, sentences, topics, names


def test_preview_shows_every_column_and_label_columns_colour_map_and_clusters(qtbot, window, tmp_path, wait_job):
    path, sentences, topics, names = _write_csv(tmp_path)
    data_page = window.page("Data")
    assert wait_job(data_page.open_path(str(path))) == "succeeded"
    headers = [data_page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(data_page.model.columnCount())]
    assert headers == ["text", "id", "topic"]  # the chosen text column first, then all the others
    assert data_page.model.index(0, 2).data() == "coffee" and data_page.model.index(0, 1).data() == "1"
    assert list(window.state.data.info["label_columns"]) == ["topic"]  # "id" has a value per row: no label

    window.state.set_embeddings(sentences, topic_embeddings(topics))
    window.show_page("Map")
    map_page = window.page("Map")
    map_page.method.setCurrentIndex(map_page.method.findData("pca"))
    qtbot.waitUntil(lambda: map_page.exploration.projection is not None, timeout=120_000)
    combo = map_page.colour_by
    assert combo.findData("topic") >= 0
    combo.setCurrentIndex(combo.findData("topic"))
    legend = [map_page.legend.item(i).text() for i in range(map_page.legend.count())]
    assert legend == ["coffee (20)", "football (20)", "galaxy (20)"]
    assert len(np.unique(map_page.scatter.labels)) == 3
    np.testing.assert_array_equal(map_page.scatter.labels, topics)

    clusters = window.page("Clusters")
    window.show_page("Clusters")
    clusters.method.setCurrentIndex(clusters.method.findData("kmeans"))
    clusters.n_clusters.setValue(3)
    assert wait_job(clusters.run()) == "succeeded"
    qtbot.waitUntil(lambda: "topic:" in clusters.detail_title.text(), timeout=5000)
    assert any(f"{n} 20" in clusters.detail_title.text() for n in names)  # each cluster is one topic
