"""Exports use the window's names, point back to the source file's rows and carry its columns; manifests name
the models that made the results (issue #12, item 10, and after)."""

from __future__ import annotations

import numpy as np
from _explore import open_pairs, open_sentences, read_table, set_models, wait_export
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbert_desktop.gui.pages.clusters import ClustersPage
from sbert_desktop.gui.pages.compare import ComparePage


def test_pair_csv_names_columns_like_the_window_and_adds_source_rows(qtbot, state, wait_job, tmp_path,
                                                                     tiny_bi_encoder):
    set_models(state, bi=tiny_bi_encoder)
    lines = ["The cat sat on the mat.", "", "A cat is sitting on a mat.", "Stocks fell sharply today.",
             "The market dropped.", "", "A dog runs in the park.", "A puppy is running outside."]
    path = open_sentences(state, tmp_path, lines)
    page = ComparePage(state)
    qtbot.addWidget(page)
    job = page.bar.encode()
    assert wait_job(job) == "succeeded"
    page.top_k.setValue(2)
    page.max_pairs.setValue(0)
    page.find_button.click()
    assert wait_job(page.job) == "succeeded"
    df = read_table(wait_export(qtbot, page.export_button, "pairs", tmp_path / "pairs.csv"))
    assert "bi_cosine" in df.columns and "score" not in df.columns
    source = path.read_text(encoding="utf-8").splitlines()
    for _, r in df.iterrows():  # row1/row2 are the lines of the file, blank lines counted
        assert source[int(r.row1) - 1] == r.sentence1 and source[int(r.row2) - 1] == r.sentence2


def test_pair_data_set_rows_point_into_the_pair_file(qtbot, state, wait_job, tmp_path, tiny_bi_encoder):
    set_models(state, bi=tiny_bi_encoder)
    rows = [("A man plays a guitar.", "A person plays music.", 4.0), ("A cat sleeps.", "The dog barks.", 0.5),
            ("A man plays a guitar.", "Someone is cooking.", 0.2)]
    open_pairs(state, tmp_path, rows)
    page = ComparePage(state)
    qtbot.addWidget(page)
    page.mode.setCurrentIndex(page.mode.findData("dataset"))
    page.find_button.click()
    assert wait_job(page.job) == "succeeded"
    df = read_table(wait_export(qtbot, page.export_button, "pairs", tmp_path / "pairs.csv"))
    assert {"row1", "row2", "bi_cosine", "gold"} <= set(df.columns)
    for _, r in df.iterrows():  # the first data row holding each sentence
        assert rows[int(r.row1) - 1][0] == r.sentence1 or rows[int(r.row1) - 1][1] == r.sentence1
        assert rows[int(r.row2) - 1][0] == r.sentence2 or rows[int(r.row2) - 1][1] == r.sentence2
    assert np.isfinite(df.bi_cosine).all()


def _clustered(qtbot, state, wait_job, k: int):
    """A Clusters page that encoded the open sentences and split them into ``k`` by k-means."""
    page = ClustersPage(state)
    qtbot.addWidget(page)
    assert wait_job(page.bar.encode()) == "succeeded"
    page.method.setCurrentIndex(page.method.findData("kmeans"))
    page.n_clusters.setValue(k)
    assert wait_job(page.run()) == "succeeded"
    return page


def test_per_sentence_exports_point_back_to_the_file_lines(qtbot, state, wait_job, tmp_path, tiny_bi_encoder):
    """A file with blank lines: the clusters, embeddings, map and search exports carry each sentence's
    line in the file (``index`` alone would be off by the blank lines above it). Opening other data
    empties the search history, so an export never mixes hits of two corpora."""
    from sbert_desktop.gui.pages.map import MapPage

    set_models(state, bi=tiny_bi_encoder)
    lines = ["", "Refund please", "I want my money back", "", "", "The battery dies fast", "Battery drains quickly",
             "", "The screen cracked", "Screen broke on day one", "Great phone"]
    path = open_sentences(state, tmp_path, lines)
    source = path.read_text(encoding="utf-8").splitlines()
    clusters = _clustered(qtbot, state, wait_job, 3)

    def points_back(df):
        assert list(df.columns[:3]) == ["index", "row", "sentence"] and len(df) == 7
        assert all(source[int(r) - 1] == s for r, s in zip(df["row"], df["sentence"]))
        assert list(df["row"]) != list(df["index"] + 1)

    clusters.show()
    rect = clusters.table.visualItemRect(clusters.table.item(1, 0))
    QTest.mouseClick(clusters.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    model = clusters.members_model
    numbered = [(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole), model.index(r, 0).data())
                for r in range(model.rowCount())]
    assert numbered and all(source[int(line) - 1] == text for line, text in numbered)  # the members list numbers by line
    points_back(read_table(wait_export(qtbot, clusters.export_button, "clusters", tmp_path / "c.csv")))
    points_back(read_table(wait_export(qtbot, clusters.export_button, "embeddings", tmp_path / "e.parquet")))
    page = MapPage(state)
    qtbot.addWidget(page)
    page.method.setCurrentIndex(page.method.findData("pca"))
    assert wait_job(page.project()) == "succeeded"
    points_back(read_table(wait_export(qtbot, page.export_button, "coordinates", tmp_path / "m.csv")))
    page.scatter.select_rows(np.array([0, 4, 6]))
    model = page.selection_model
    last = model.columnCount() - 1  # the sentence, after its cluster
    numbered = [(model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole), model.index(r, last).data())
                for r in range(model.rowCount())]
    assert len(numbered) == 3 and all(source[int(line) - 1] == text for line, text in numbered)
    page.show_point(4)  # as a click on the point does: its text, numbered by its line
    assert f"#{numbered[1][0]}" in page.text.toHtml() and numbered[1][0] != "5"
    selected = read_table(wait_export(qtbot, page.export_button, "selection", tmp_path / "sel.csv"))
    assert list(selected["index"]) == [0, 4, 6]
    assert all(source[int(r) - 1] == t for r, t in zip(selected["row"], selected["sentence"]))

    compare = ComparePage(state)
    qtbot.addWidget(compare)
    compare.query.setText("battery")
    with qtbot.waitSignal(compare.rerank.finished, timeout=60_000):
        qtbot.mouseClick(compare.search_button, Qt.MouseButton.LeftButton)
    hits = read_table(wait_export(qtbot, compare.export_button, "search", tmp_path / "s.csv"))
    assert len(hits) == 7 and all(source[int(r) - 1] == s for r, s in zip(hits["row"], hits["sentence"]))
    open_sentences(state, tmp_path, ["Other data", "entirely"])
    assert compare.rerank.history == [] and compare.rerank.bi_table.rowCount() == 0
    assert compare.export_button.export("search", tmp_path / "s2.csv", "utf-8") is None


def test_a_tables_other_columns_ride_along(qtbot, state, wait_job, tmp_path, tiny_bi_encoder):
    """A CSV with an id and a rating beside the text: the clusters and map exports carry both for
    every sentence (a blank text row left out), so a person can sort their tickets by cluster."""
    from sbert_desktop.gui.pages.data import load_data
    from sbert_desktop.gui.pages.map import MapPage

    set_models(state, bi=tiny_bi_encoder)
    path = tmp_path / "tickets.csv"
    path.write_text("ticket,text,rating\nT1,Refund please,1\nT2,,3\nT3,The battery dies fast,2\n"
                    "T4,Battery drains quickly,2\nT5,Screen broke on day one,1\nT6,Great phone,5\n", encoding="utf-8")
    state.set_data(load_data(path, "sentences"))
    clusters = _clustered(qtbot, state, wait_job, 2)
    expected = {"Refund please": ("T1", 1), "The battery dies fast": ("T3", 2), "Battery drains quickly": ("T4", 2),
                "Screen broke on day one": ("T5", 1), "Great phone": ("T6", 5)}
    df = read_table(wait_export(qtbot, clusters.export_button, "clusters", tmp_path / "c.csv"))
    assert [(t, r) for t, r in zip(df["ticket"], df["rating"])] == [expected[s] for s in df["sentence"]]
    page = MapPage(state)
    qtbot.addWidget(page)
    page.method.setCurrentIndex(page.method.findData("pca"))
    assert wait_job(page.project()) == "succeeded"
    df = read_table(wait_export(qtbot, page.export_button, "coordinates", tmp_path / "m.parquet"))
    assert [(t, int(r)) for t, r in zip(df["ticket"], df["rating"])] == [expected[s] for s in df["sentence"]]


def test_manifests_name_the_models_that_made_the_results(qtbot, state, wait_job, tmp_path, tiny_bi_encoder,
                                                         tiny_cross_encoder, bundled_model_path):
    """Encode and cluster with one bi-encoder, then load another: the bar says so, a typed query is
    refused (a stored sentence's neighbours are not), the clusters export still names the first (it
    made the embeddings), and so does a saved and reopened workspace's. A pair table's manifest names
    the models that scored it; pairs scored by one cross-encoder leave when another is loaded."""
    import transformers

    from _explore import manifest
    from sbert_desktop.core.models import BiEncoder, CrossEncoder
    from sbert_desktop.core.workspace import load_workspace, save_workspace
    from sbert_desktop.gui.exploration_state import model_provenance
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState
    from sbert_desktop.gui.workspace_io import collect_workspace, restore_workspace

    small = dict(vocab_size=30522, dim=32, n_layers=1, n_heads=2, hidden_dim=64, max_position_embeddings=130)
    other_bi = BiEncoder.from_config(transformers.DistilBertConfig(**small), bundled_model_path)
    set_models(state, tiny_bi_encoder, tiny_cross_encoder)
    first = model_provenance(tiny_bi_encoder)
    assert first["name"] != model_provenance(other_bi)["name"]
    open_sentences(state, tmp_path, ["Refund please", "I want my money back", "The battery dies fast",
                                     "Battery drains quickly", "Great phone"])
    clusters = _clustered(qtbot, state, wait_job, 2)
    set_models(state, other_bi)
    assert f"encoded with {first['name']}, not the loaded bi-encoder" in clusters.bar.label.text()
    searching = ComparePage(state)  # a typed query of the other model is not compared with these vectors
    qtbot.addWidget(searching)
    searching.query.setText("battery")
    with qtbot.waitSignal(searching.rerank.failed, timeout=30_000):
        qtbot.mouseClick(searching.search_button, Qt.MouseButton.LeftButton)
    assert "encoded by another model than the loaded bi-encoder" in searching.rerank.bi_label.text()
    with qtbot.waitSignal(searching.rerank.finished, timeout=30_000):  # a stored sentence's neighbours still are
        searching.find_similar("Refund please")
    out = wait_export(qtbot, clusters.export_button, "clusters", tmp_path / "c.csv")
    assert manifest(out)["model"]["name"] == first["name"]

    window = MainWindow(state)
    qtbot.addWidget(window)
    path = save_workspace(tmp_path / "w.sbertws", collect_workspace(window))
    again = MainWindow(AppState())
    qtbot.addWidget(again)
    restore_workspace(again, load_workspace(path), data_path=None, load_models=False)
    assert again.state.embeddings.model["name"] == first["name"]

    compare = ComparePage(state)
    qtbot.addWidget(compare)
    assert wait_job(compare.bar.encode()) == "succeeded"  # with the other bi-encoder now
    assert "not the loaded bi-encoder" not in compare.bar.label.text()
    compare.top_k.setValue(1)
    qtbot.mouseClick(compare.find_button, Qt.MouseButton.LeftButton)
    assert wait_job(compare.job) == "succeeded" and compare.result.cross is not None
    set_models(state, tiny_bi_encoder)  # loaded after the pairs were found: the manifest still names their makers
    pairs = manifest(wait_export(qtbot, compare.export_button, "pairs", tmp_path / "p.csv"))
    assert pairs["model"]["name"] == model_provenance(other_bi)["name"] != first["name"]
    assert pairs["cross_encoder"]["name"] == model_provenance(tiny_cross_encoder)["name"]
    set_models(state, cross=CrossEncoder.from_config(transformers.DistilBertConfig(**small, num_labels=1),
                                                     bundled_model_path, num_labels=1))
    assert compare.result is None and "cross-encoder changed" in compare.message.text()


def test_the_same_model_loaded_otherwise_says_what_differs(qtbot, state, wait_job, tmp_path, tiny_bi_encoder_dir):
    """Encoded with mean pooling, then the same model loaded with CLS: the bar said 'encoded with
    tiny-bi, not the loaded bi-encoder' of a loaded model of the same name. It says the settings now."""
    from sbert_desktop.core.models import BiEncoder

    set_models(state, BiEncoder.load(tiny_bi_encoder_dir, pooling="mean", device="cpu"))
    open_sentences(state, tmp_path, ["Refund please", "I want my money back", "The battery dies fast"])
    clusters = ClustersPage(state)
    qtbot.addWidget(clusters)
    assert wait_job(clusters.bar.encode()) == "succeeded"
    set_models(state, BiEncoder.load(tiny_bi_encoder_dir, pooling="cls", device="cpu"))
    text = clusters.bar.label.text()
    assert "(mean pooling), loaded now with cls pooling: encode again to use it" in text, text
