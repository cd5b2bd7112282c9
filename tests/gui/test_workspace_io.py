"""Save a window's analysis as a workspace, close, reopen in a fresh window: every page as it was."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core.workspace import check_data, load_workspace, save_workspace
from sbert_desktop.gui.exploration_state import ClusterView, Projection, exploration_for
from sbert_desktop.gui.main_window import MainWindow
from sbert_desktop.gui.pages.data import load_data
from sbert_desktop.gui.state import AppState, ModelSpec
from sbert_desktop.gui.workspace_io import collect_workspace, find_data, restore_workspace

N = 30


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text("\n".join(f"sentence {i} about {'cats' if i % 2 else 'dogs'}" for i in range(N)) + "\n",
                    encoding="utf-8")
    return path


def fill(window, corpus):
    from sbert_desktop.core.clustering import ClusterResult

    state = window.state
    state.set_data(load_data(corpus))
    state.bi_spec = ModelSpec(encoder="bi", source="default", pooling="mean")
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((N, 16)).astype(np.float32)
    state.set_embeddings(state.data.content.sentences, vectors, "fp-123")
    labels = np.array([0, 1, -1] * 10, dtype=np.int64)
    result = ClusterResult(labels=labels, n_clusters=2, noise_fraction=1 / 3, sizes={0: 10, 1: 10, -1: 10},
                           silhouette=0.4, representatives={0: [0, 3], 1: [1]}, params={"method": "hdbscan"},
                           was_noise=labels < 0)
    expl = exploration_for(state)
    expl.set_clusters(ClusterView(result, keywords={0: ["dogs"], 1: ["cats"]}, names={0: "Dogs"}))
    from sbert_desktop.core.projection import projection_params

    expl.set_projection(Projection(rng.standard_normal((N, 2)).astype(np.float32), projection_params("pca", seed=1)))
    train = window.page("Train")
    if train is not None:
        from sbert_desktop.gui.widgets.runs import RunRecord

        run = RunRecord(name="run-1", config={"task": "sts"}, out_dir=corpus.parent / "run-1", status="finished")
        run.add_loss(10, 0.9)
        run.add_loss(20, 0.5)
        run.add_metric(20, "spearman", 0.7)
        train.runs.add_run(run)
    compare = window.page("Compare")
    if compare is not None:
        from sbert_desktop.core.similarity import PairTable
        from sbert_desktop.core.explore import PairResult

        bi = np.array([0.9, 0.8], dtype=np.float32)
        compare.set_result(PairResult(table=PairTable(np.array([0, 1]), np.array([2, 3]), bi),
                                      sentences=list(state.embeddings.sentences), bi=bi,
                                      cross=np.array([0.7, 0.1], dtype=np.float32), params={"top_k": 5}))
    map_page = window.page("Map")
    if map_page is not None:
        map_page.scatter.select_rows(np.array([2, 4, 6]))
    window.show_page("Model")
    return vectors, labels


def test_save_close_reopen_restores_every_page(qtbot, state, corpus, tmp_path):
    first = MainWindow(state)
    qtbot.addWidget(first)
    vectors, labels = fill(first, corpus)
    ws = collect_workspace(first)
    path = save_workspace(tmp_path / "analysis.sbert", ws)
    first.close()

    loaded = load_workspace(path)
    assert check_data(loaded) == "ok" and find_data(loaded) == corpus.resolve()
    second = MainWindow(AppState())
    qtbot.addWidget(second)
    report = restore_workspace(second, loaded, data_path=find_data(loaded), load_models=False)
    assert report.data_status == "ok" and report.notes == []
    st = second.state
    assert st.data is not None and st.data.path == corpus.resolve()
    assert st.embeddings.fingerprint == "fp-123" and st.embeddings.sentences == state.embeddings.sentences
    np.testing.assert_array_equal(st.embeddings.vectors, vectors)
    expl = exploration_for(st)
    np.testing.assert_array_equal(expl.clusters.labels, labels)
    assert expl.clusters.name(0) == "Dogs" and expl.clusters.name(1) == "cats"
    assert expl.clusters.result.sizes == {0: 10, 1: 10, -1: 10}
    np.testing.assert_array_equal(expl.clusters.result.was_noise, labels < 0)
    np.testing.assert_array_equal(expl.projection.coords, exploration_for(state).projection.coords)
    assert expl.projection.params == exploration_for(state).projection.params
    assert loaded.models["bi"]["source"] == "default" and loaded.models["bi"]["pooling"] == "mean"
    if second.page("Train") is not None:
        (run,) = second.page("Train").runs.runs
        assert run.name == "run-1" and run.losses == [0.9, 0.5] and run.metrics == [0.7]
    if second.page("Compare") is not None:
        pairs = second.page("Compare").result
        np.testing.assert_array_equal(pairs.table.second, [2, 3])
        np.testing.assert_allclose(pairs.cross, [0.7, 0.1])
        assert pairs.params == {"top_k": 5} and len(pairs.sentences) == N
    if second.page("Map") is not None:
        np.testing.assert_array_equal(first.page("Map").selected_rows, [2, 4, 6])
        np.testing.assert_array_equal(second.page("Map").selected_rows, [2, 4, 6])
    assert second.current_page_title() == "Model"
    second.close()


def test_moved_and_changed_data_file(qtbot, state, corpus, tmp_path):
    first = MainWindow(state)
    qtbot.addWidget(first)
    fill(first, corpus)
    path = save_workspace(tmp_path / "w.sbertws", collect_workspace(first))
    first.close()
    moved = tmp_path / "moved" / "corpus.txt"
    moved.parent.mkdir()
    corpus.rename(moved)
    loaded = load_workspace(path)
    assert find_data(loaded) is None  # the window would ask the user here
    assert find_data(loaded, [moved.parent]) == moved
    moved.write_text("changed\n", encoding="utf-8")
    second = MainWindow(AppState())
    qtbot.addWidget(second)
    report = restore_workspace(second, loaded, data_path=moved, load_models=False)
    assert report.data_status == "changed" and "changed since the workspace was saved" in report.notes[0]
    assert second.state.embeddings.sentences[0] == "sentence 0 about dogs"  # the saved sentences
    second.close()


def test_a_page_job_running_at_restore_is_cancelled_and_lands_nothing(qtbot, state, corpus, tmp_path):
    import threading

    first = MainWindow(state)
    qtbot.addWidget(first)
    fill(first, corpus)
    path = save_workspace(tmp_path / "analysis.sbert", collect_workspace(first))
    first.close()

    second = MainWindow(AppState())
    qtbot.addWidget(second)
    st = second.state
    release = threading.Event()

    def slow_clustering(progress, cancel):  # stands in for an HDBSCAN fit started before the open
        release.wait(10)
        cancel.raise_if_cancelled()
        return "stale clusters"

    job = st.jobs.start("Cluster (hdbscan)", slow_clustering, kind="cluster")
    restore_workspace(second, load_workspace(path), data_path=corpus, load_models=False)
    assert job.token.cancelled
    release.set()
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass
    assert job.status == "cancelled"
    np.testing.assert_array_equal(exploration_for(st).clusters.labels, np.array([0, 1, -1] * 10))
    second.close()


def test_restored_sentences_never_take_another_files_rows(qtbot, state, corpus, tmp_path):
    """A workspace opened while another file is open, its own file gone: the other file is closed
    (its lines and label columns would land on the wrong sentences). Sentences other than the open
    file's, even as many, are not coloured by the file's label column."""
    first = MainWindow(state)
    qtbot.addWidget(first)
    fill(first, corpus)
    path = save_workspace(tmp_path / "w.sbertws", collect_workspace(first))
    first.close()
    other = tmp_path / "other.csv"
    other.write_text("text,topic\n" + "".join(f"other {i},{'ab'[i % 2]}\n" for i in range(N)), encoding="utf-8")
    second = MainWindow(AppState())
    qtbot.addWidget(second)
    second.state.set_data(load_data(other))
    corpus.unlink()
    report = restore_workspace(second, load_workspace(path), data_path=None, load_models=False)
    assert "data file not found" in report.notes[0] and second.state.data is None
    assert second.state.embeddings.sentences[0] == "sentence 0 about dogs"
    second.close()

    # the same number of rows, other sentences (a changed file under the saved ones): no colouring by its column
    third = MainWindow(AppState())
    qtbot.addWidget(third)
    third.state.set_data(load_data(other))
    third.state.set_embeddings(third.state.data.content.sentences, np.ones((N, 4), np.float32))
    page = third.page("Map")
    page.colour_by.setCurrentIndex(page.colour_by.findData("topic"))
    assert page.colour_by.currentData() == "topic" and page.label_values()[:2] == ["a", "b"]
    third.state.set_embeddings([f"saved {i}" for i in range(N)], np.ones((N, 4), np.float32))
    assert page.label_values() is None
    third.close()


def test_both_models_come_back_and_the_pairs_they_scored_stay(qtbot, state, corpus, tmp_path, tiny_bi_encoder_dir,
                                                                tiny_cross_encoder_dir, wait_job):
    """A workspace with a bi- and a cross-encoder: each was loaded by its own job, the second replacing the
    first, so the bi-encoder never came back; and the cross-encoder's arrival dropped the Compare pairs
    it had scored ('The cross-encoder changed'). Both load in one job now, and the pairs stay."""
    first = MainWindow(state)
    qtbot.addWidget(first)
    fill(first, corpus)
    map_page = first.page("Map")  # the map was made with PCA, seed 1, chosen on the page
    map_page.method.setCurrentIndex(map_page.method.findData("pca"))
    map_page.seed.setValue(1)
    state.bi_spec = ModelSpec(encoder="bi", source=str(tiny_bi_encoder_dir))
    state.cross_spec = ModelSpec(encoder="cross", source=str(tiny_cross_encoder_dir))
    state.active_kind = "cross"
    path = save_workspace(tmp_path / "w.sbertws", collect_workspace(first))
    first.close()
    second = MainWindow(AppState())
    qtbot.addWidget(second)
    second.show_page("Map")
    report = restore_workspace(second, load_workspace(path), data_path=corpus)
    assert len(report.jobs) == 1 and wait_job(report.jobs[0]) == "succeeded"
    restored = second.state
    assert restored.bi_encoder is not None and restored.cross_encoder is not None and restored.active_kind == "cross"
    compare = second.page("Compare")
    assert compare.result is not None and len(compare.result) == 2 and compare.result.cross is not None
    # the restored map's own status, not "Showing PCA; press Project for PCA"
    status = second.page("Map").status.text()
    assert status.startswith("PCA · cosine · seed 1") and "press Project" not in status, status
    # a cross-encoder loaded afterwards (another one) still drops the pairs the first one scored
    restored.set_model(restored.cross_encoder, ModelSpec(encoder="cross", source=str(tiny_cross_encoder_dir), device="cpu"))
    assert compare.result is None and "The cross-encoder changed" in compare.message.text()
