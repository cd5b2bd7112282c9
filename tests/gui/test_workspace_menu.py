"""File → Save/Open Workspace through the real menu actions (dialogs monkeypatched), and the
window's encodes going through the embedding cache."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sbert_desktop.gui.errors import open_error_dialogs
from sbert_desktop.gui.exploration_state import exploration_for
from sbert_desktop.gui.main_window import MainWindow
from sbert_desktop.gui.state import AppState, ModelSpec

N = 30
Yes, No, Ok, Cancel = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok,
                       QMessageBox.StandardButton.Cancel)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "data" / "corpus.txt"
    path.parent.mkdir()
    path.write_text("\n".join(f"sentence {i} about {'cats' if i % 2 else 'dogs'}" for i in range(N)) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def dialogs(monkeypatch):
    """Answers for the file dialogs and message boxes, in order; records what was asked."""

    class Dialogs:
        files: list[str] = []
        answers: list = []
        asked: list[str] = []

    def file_dialog(_parent, title, *_args):
        Dialogs.asked.append(title)
        return (Dialogs.files.pop(0) if Dialogs.files else ""), ""

    def message(_parent, title, *_args):
        Dialogs.asked.append(title)
        return Dialogs.answers.pop(0)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", file_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", file_dialog)
    monkeypatch.setattr(QMessageBox, "question", message)
    monkeypatch.setattr(QMessageBox, "warning", message)
    Dialogs.files, Dialogs.answers, Dialogs.asked = [], [], []
    return Dialogs


def run(job, wait_job):
    assert job is not None
    assert wait_job(job) == "succeeded", job.failure and job.failure.traceback


def fill(window, corpus, model, model_dir, wait_job):
    """Data opened and encoded, clustered, projected, pairs found, a run listed, forms changed."""
    state = window.state
    state.set_model(model, ModelSpec(encoder="bi", source=str(model_dir), pooling="mean", max_seq_length=64),
                    remember=False)
    run(window.page("Data").open_path(str(corpus)), wait_job)
    run(window.page("Data").encode(), wait_job)
    clusters = window.page("Clusters")
    clusters.method.setCurrentIndex(clusters.method.findData("kmeans"))
    clusters.n_clusters.setValue(2)
    clusters.seed.setValue(7)
    clusters.stop_words.setPlainText("sentence about")
    run(clusters.run(), wait_job)
    exploration_for(state).rename(0, "First")
    map_page = window.page("Map")
    map_page.method.setCurrentIndex(map_page.method.findData("pca"))
    map_page.seed.setValue(3)
    run(map_page.project(), wait_job)
    map_page.search.setText("cats")
    map_page.scatter.select_rows(np.array([1, 2, 5]))
    compare = window.page("Compare")
    compare.top_k.setValue(2)
    compare.use_cross.setChecked(False)
    compare.query.setText("dogs")
    run(compare.find_pairs(), wait_job)
    from sbert_desktop.gui.widgets.runs import RunRecord

    record = RunRecord(name="run-1", config={"task": "sts"}, out_dir=corpus.parent / "run-1", status="finished")
    record.add_loss(10, 0.9)
    record.add_metric(10, "spearman", 0.6)
    window.page("Train").runs.add_run(record)
    window.show_page("Clusters")


def save(qtbot, window, dialogs, path, embed=No):
    dialogs.files.append(str(path))
    dialogs.answers.append(embed)
    with qtbot.waitSignal(window.workspace.saved, timeout=60_000) as saved:
        window.save_workspace_action.trigger()
    return saved.args[0]


def new_window(qtbot):
    window = MainWindow(AppState())
    qtbot.addWidget(window)
    return window


def open_via_menu(qtbot, window, dialogs, path, *more_files):
    dialogs.files += [str(path), *map(str, more_files)]
    with qtbot.waitSignal(window.workspace.restored, timeout=60_000) as restored:
        window.open_workspace_action.trigger()
    return restored.args[0]


def close(window, wait_job):
    for job in list(window.state.jobs.jobs()):
        wait_job(job)
    window.state.jobs.shutdown(30)
    window.close()


def test_save_shortcut_and_menu_entries(window):
    actions = [a.text() for a in window.open_action.parent().actions()]
    assert "Save &Workspace…" in actions and "Open Wor&kspace…" in actions
    assert window.save_action.shortcut().toString() == "Ctrl+S"  # Save Model As… keeps Ctrl+S
    assert window.save_workspace_action.shortcut().toString() == "Ctrl+Shift+S"


def test_save_then_open_in_a_new_window_restores_every_page(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                           tiny_bi_encoder, tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    first, st1 = window, window.state
    path = save(qtbot, first, dialogs, tmp_path / "analysis")
    assert path == tmp_path / "analysis.sbert" and path.is_file()
    assert dialogs.asked == ["Save workspace", "Save workspace"]  # the file, then "embed a copy?"
    assert str(path) in st1.settings.recent_files()

    second = new_window(qtbot)
    report = open_via_menu(qtbot, second, dialogs, path)
    assert report.data_status == "ok" and report.notes == []
    for job in report.jobs:  # the saved bi-encoder loads in the background
        run(job, wait_job)
    st2 = second.state
    # Data: the file, and the page shows it although it did not load it itself
    assert st2.data.path == corpus.resolve() and len(st2.data.content.sentences) == N
    data_page = second.page("Data")
    assert data_page.model.rowCount() == N and data_page.facts["sentences"].text() == f"{N}"
    assert data_page.file.path() == str(corpus.resolve())
    # embeddings (no re-encoding), the model
    assert st2.embeddings.sentences == st1.embeddings.sentences
    np.testing.assert_array_equal(st2.embeddings.vectors, st1.embeddings.vectors)
    assert st2.bi_encoder is not None and st2.bi_spec.source == str(tiny_bi_encoder_dir)
    assert st2.bi_spec.pooling == "mean" and st2.bi_encoder.dimension == tiny_bi_encoder.dimension
    # clusters with their names, and the Clusters form
    e1, e2 = exploration_for(st1), exploration_for(st2)
    np.testing.assert_array_equal(e2.clusters.labels, e1.clusters.labels)
    assert e2.clusters.name(0) == "First" and e2.clusters.name(1) == e1.clusters.name(1)
    clusters = second.page("Clusters")
    assert clusters.method.currentData() == "kmeans" and clusters.n_clusters.value() == 2
    assert clusters.seed.value() == 7 and clusters.stop_words.toPlainText() == "sentence about"
    assert clusters.table.rowCount() == first.page("Clusters").table.rowCount()
    # the map, its form, search and selection
    np.testing.assert_array_equal(e2.projection.coords, e1.projection.coords)
    map_page = second.page("Map")
    assert map_page.method.currentData() == "pca" and map_page.seed.value() == 3
    assert map_page.search.text() == "cats"
    np.testing.assert_array_equal(map_page.selected_rows, [1, 2, 5])
    # the compare table and form
    compare1, compare2 = first.page("Compare"), second.page("Compare")
    assert compare2.model.rowCount() == compare1.model.rowCount() > 0
    np.testing.assert_allclose(compare2.result.bi, compare1.result.bi)
    assert compare2.top_k.value() == 2 and not compare2.use_cross.isChecked() and compare2.query.text() == "dogs"
    # runs, and the page that was shown
    (record,) = second.page("Train").runs.runs
    assert record.name == "run-1" and record.losses == [0.9] and record.metrics == [0.6]
    assert second.current_page_title() == "Clusters"
    assert str(path) == st2.settings.recent_files()[0]
    close(second, wait_job)


def test_moved_data_file_is_asked_for(qtbot, window, dialogs, corpus, tmp_path, wait_job, tiny_bi_encoder,
                                      tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    path = save(qtbot, window, dialogs, tmp_path / "w.sbertws")
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    corpus.rename(moved)
    second = new_window(qtbot)
    dialogs.asked.clear()
    report = open_via_menu(qtbot, second, dialogs, path / "workspace.json", moved)  # workspace.json picks the folder
    assert dialogs.asked[1].startswith("Where is corpus.txt now?")
    assert report.data_status == "ok" and second.state.data.path == moved
    assert second.page("Data").file.path() == str(moved)
    close(second, wait_job)


def test_moved_data_file_not_found_opens_with_saved_sentences(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                              tiny_bi_encoder, tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    path = save(qtbot, window, dialogs, tmp_path / "w.sbert")
    corpus.unlink()
    second = new_window(qtbot)
    report = open_via_menu(qtbot, second, dialogs, path)  # the file dialog is cancelled
    assert report.data_status == "missing" and "data file not found" in report.notes[0]
    assert second.state.data is None and len(second.state.embeddings.sentences) == N
    close(second, wait_job)


def test_embedded_copy_is_used_when_the_file_is_gone(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                     tiny_bi_encoder, tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    path = save(qtbot, window, dialogs, tmp_path / "w.sbert", embed=Yes)
    corpus.unlink()
    second = new_window(qtbot)
    dialogs.asked.clear()
    report = open_via_menu(qtbot, second, dialogs, path)
    assert dialogs.asked == ["Open workspace (a .sbert file, or workspace.json in a .sbertws folder)"]
    assert report.data_status == "ok" and len(second.state.data.content.sentences) == N
    close(second, wait_job)


def test_changed_data_file_warns_and_continues_on_ok(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                      tiny_bi_encoder, tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    path = save(qtbot, window, dialogs, tmp_path / "w.sbert")
    with open(corpus, "a", encoding="utf-8") as fh:
        fh.write("one more sentence\n")
    second = new_window(qtbot)
    dialogs.asked.clear()
    dialogs.answers.append(Ok)
    report = open_via_menu(qtbot, second, dialogs, path)
    assert dialogs.asked[1] == "Data file changed"  # warned, no file dialog in between
    assert report.data_status == "changed" and "changed since the workspace was saved" in report.notes[0]
    assert len(second.state.data.content.sentences) == N + 1  # the file as it is now ...
    assert len(second.state.embeddings.sentences) == N  # ... the analysis as it was saved
    close(second, wait_job)


def test_changed_data_file_cancel_leaves_the_window_alone(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                           tiny_bi_encoder, tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    path = save(qtbot, window, dialogs, tmp_path / "w.sbert")
    corpus.write_text("changed\n", encoding="utf-8")
    second = new_window(qtbot)
    dialogs.files.append(str(path))
    dialogs.answers.append(Cancel)
    second.open_workspace_action.trigger()
    qtbot.waitUntil(lambda: not second.workspace.busy() and "Data file changed" in dialogs.asked, timeout=60_000)
    assert second.state.data is None and second.state.embeddings is None
    assert "cancelled" in second.statusBar().currentMessage()
    close(second, wait_job)


@pytest.mark.parametrize("damage", ["truncated archive", "changed array"])
def test_corrupt_workspace_shows_error_and_changes_nothing(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                          tiny_bi_encoder, tiny_bi_encoder_dir, damage):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    if damage == "truncated archive":
        path = save(qtbot, window, dialogs, tmp_path / "bad.sbert")
        blob = path.read_bytes()
        path.write_bytes(blob[: len(blob) // 2])
    else:
        path = save(qtbot, window, dialogs, tmp_path / "bad.sbertws")
        arr = path / "arrays" / "embeddings.npy"
        blob = bytearray(arr.read_bytes())
        blob[-1] ^= 0xFF
        arr.write_bytes(bytes(blob))
    st = window.state
    before = (st.data, st.embeddings, exploration_for(st).clusters, exploration_for(st).projection,
              window.page("Compare").result, list(window.page("Train").runs.runs), window.current_page_title())
    with qtbot.waitSignal(window.workspace.open_failed, timeout=60_000) as failed:
        window.open_file(path)  # as from a drop or the command line
    message = failed.args[0]
    assert str(path) in message
    assert ("archive" in message) if damage == "truncated archive" else ("checksum" in message)
    boxes = [b for b in open_error_dialogs() if b.windowTitle() == "Could not open the workspace"]
    assert boxes and message in boxes[-1].informativeText()
    after = (st.data, st.embeddings, exploration_for(st).clusters, exploration_for(st).projection,
             window.page("Compare").result, list(window.page("Train").runs.runs), window.current_page_title())
    assert all(a is b for a, b in zip(before[:5], after[:5])) and before[5:] == after[5:]
    for box in boxes:
        box.close()


def test_drop_or_command_line_opens_a_workspace(qtbot, window, dialogs, corpus, tmp_path, wait_job,
                                                tiny_bi_encoder, tiny_bi_encoder_dir):
    fill(window, corpus, tiny_bi_encoder, tiny_bi_encoder_dir, wait_job)
    path = save(qtbot, window, dialogs, tmp_path / "w.sbertws")
    second = new_window(qtbot)
    with qtbot.waitSignal(second.workspace.restored, timeout=60_000):
        second.open_file(path)
    assert second.state.embeddings is not None and second.page("Data").job is None  # not read as a data file
    close(second, wait_job)


def test_re_encoding_hits_the_cache(qtbot, window, corpus, wait_job, tiny_bi_encoder):
    state = window.state
    state.set_model(tiny_bi_encoder, ModelSpec(source="tiny"), remember=False)
    data_page = window.page("Data")
    run(data_page.open_path(str(corpus)), wait_job)
    run(data_page.encode(), wait_job)
    assert data_page.last_stats["encoded"] == N and data_page.last_stats["hits"] == 0
    first = state.embeddings.vectors
    run(data_page.encode(), wait_job)
    assert data_page.last_stats["encoded"] == 0 and data_page.last_stats["hits"] == N
    assert f"{N} from cache, 0 encoded" in data_page.encode_status.text()
    np.testing.assert_allclose(state.embeddings.vectors, first, rtol=1e-6)
    bar = window.page("Clusters").bar
    run(bar.encode(), wait_job)
    assert bar.last_stats["encoded"] == 0 and f"{N} from cache, 0 encoded" in bar.label.text()
    assert state.embedding_cache.entries()[0]["count"] == N
