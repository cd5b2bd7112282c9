"""Train page with retrieval data: choosing Triplets (by keyboard) reads the file as triplets and shows
a sample before training, offers mnrl / cached_mnrl, switches a cross-encoder choice to bi, trains."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_triplets_sample_losses_and_training(qtbot, tiny_loaded, state, tmp_path, wait_job):
    window = tiny_loaded
    triplets = tmp_path / "mined.tsv"
    triplets.write_text("anchor\tpositive\tnegative\n" + "".join(
        f"what is item {i}\titem {i} is a thing\tsomething else entirely {i}\n" for i in range(12)), encoding="utf-8")
    page = window.page("Train")
    form = page.form
    form.encoder.setCurrentIndex(form.encoder.findData("cross"))
    form.task.setFocus()
    while form.task.currentData() != "triplets":  # keyboard, as a user would
        QTest.keyClick(form.task, Qt.Key.Key_Down)
    assert form.encoder.currentData() == "bi"  # retrieval data trains bi-encoders
    assert [form.loss.itemData(i) for i in range(form.loss.count())] == ["mnrl", "cached_mnrl"]
    form.train_file.set_path(str(triplets))
    qtbot.waitUntil(lambda: "TRIPLETS" in form.train_file.info.text(), timeout=30_000)
    info = form.train_file.info.text()
    assert "12 triplets" in info and "what is item 0  →  item 0 is a thing  →  something else entirely 0" in info
    form.loss.setFocus()
    QTest.keyClick(form.loss, Qt.Key.Key_Down)
    assert form.loss.currentData() == "cached_mnrl"
    form.max_steps.setValue(2)
    form.batch_size.setValue(4)
    form.max_seq_length.setValue(32)
    form.device.setCurrentText("cpu")
    config, problem = form.config()
    assert problem is None and config["task"] == "triplets" and config["loss"] == "cached_mnrl"
    assert wait_job(page.start()) == "succeeded"
    run = page.runs.selected_run()
    assert run.status == "finished" and run.config["task"] == "triplets"
