"""run_app: the entry point `sbert-desktop` calls; the window comes up, opens a file, loads the
bundled model after it is shown, and exits cleanly with no job left running."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sbert_desktop.gui.app import run_app
from sbert_desktop.gui.main_window import MainWindow


def _close_when(predicate, seen: dict, timeout_ms: int = 120_000):
    """Poll from the event loop run_app starts; close the window once ``predicate(window)``."""
    timer = QTimer()
    timer.setInterval(20)
    waited = {"ms": 0}

    def poll():
        waited["ms"] += 20
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        window = windows[0]
        if predicate(window) or waited["ms"] > timeout_ms:
            seen["window"] = window
            seen["ok"] = predicate(window)
            seen["model_label"] = window.model_label.text()
            timer.stop()
            window.close()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_run_app_opens_a_file_and_exits_cleanly(qapp, tmp_path):
    path = tmp_path / "hello.txt"
    path.write_text("hello world\nhow are you\n", encoding="utf-8")
    seen: dict = {}
    timer = _close_when(lambda w: w.state.data is not None, seen)
    assert run_app(str(path), load_model=False) == 0
    assert seen["ok"], "the file was not opened"
    assert seen["window"].state.data.content.sentences == ["hello world", "how are you"]
    assert not seen["window"].state.jobs.jobs()
    timer.deleteLater()


@pytest.mark.slow
def test_run_app_loads_the_bundled_model_after_showing(qapp):
    seen: dict = {}
    timer = _close_when(lambda w: w.state.bi_encoder is not None, seen)
    assert run_app(None) == 0
    assert seen["ok"], "the bundled model did not load"
    assert "all-MiniLM-L6-v2" in seen["model_label"] and "384-d" in seen["model_label"]
    assert seen["window"].state.settings.last_model()["source"] == "default"
    timer.deleteLater()


@pytest.mark.slow
def test_bundled_model_fine_tunes_on_stsb(qtbot, window, state, data_dir, sts_dev_tsv, wait_job):
    """The issue's workflow on the real model and data, shortened to a few steps."""
    model_page = window.page("Model")
    model_page.pooling.setCurrentIndex(model_page.pooling.findData("mean"))
    assert wait_job(model_page.load(), timeout=300_000) == "succeeded"
    assert "all-MiniLM-L6-v2" in window.model_label.text()
    data_page = window.page("Data")
    assert wait_job(data_page.open_path(str(data_dir / "stsb-en" / "sts-dev.csv"))) == "succeeded"
    assert data_page.facts["rows"].text() == "1,500"
    train = window.page("Train")
    train.form.train_file.set_path(str(data_dir / "stsb-en" / "sts-train.csv"))
    train.form.dev_file.set_path(str(sts_dev_tsv))
    train.form.max_steps.setValue(6)
    train.form.batch_size.setValue(4)
    train.form.eval_steps.setValue(3)
    job = train.start()
    qtbot.waitUntil(lambda: train.loss_plot.point_count() >= 1, timeout=300_000)
    assert wait_job(job, timeout=600_000) == "succeeded"
    run = train.runs.selected_run()
    assert run.status == "finished" and run.metrics
    with qtbot.waitSignal(state.bi_encoder_changed, timeout=300_000):
        train.make_active()
    assert state.bi_spec.source == str(run.model_dir)
