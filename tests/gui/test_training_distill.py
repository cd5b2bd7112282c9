"""Train page, distillation: choosing the task (by keyboard) shows the teacher, the parallel file's
columns and an STS dev field; the parallel file is read with a sample; a short run trains."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_distill_task_on_the_train_page(qtbot, window, state, tiny_bi_encoder_dir, sts_dev_tsv, tmp_path, wait_job):
    model_page = window.page("Model")
    model_page.source.setCurrentIndex(model_page.source.findData("folder"))
    model_page.location.setText(str(tiny_bi_encoder_dir))
    assert wait_job(model_page.load()) == "succeeded"
    parallel = tmp_path / "en-ko.tsv"
    parallel.write_text("id\ten\tko\n" + "".join(f"{i}\tthe cat number {i} sleeps\t{i}번 고양이가 잔다\n" for i in range(12)),
                        encoding="utf-8")
    window.show_page("Train")
    page = window.page("Train")
    form = page.form
    assert not form.distill.isVisible()
    form.encoder.setCurrentIndex(form.encoder.findData("cross"))
    form.task.setFocus()
    while form.task.currentData() != "distill":  # keyboard, as a user would
        QTest.keyClick(form.task, Qt.Key.Key_Down)
    assert form.distill.isVisible() and form.encoder.currentData() == "bi"  # distillation trains a bi-encoder
    assert [form.loss.itemData(i) for i in range(form.loss.count())] == ["mse"]
    form.train_file.set_path(str(parallel))
    qtbot.waitUntil(lambda: "DISTILL" in form.train_file.info.text(), timeout=30_000)
    assert "12 sentence pairs" in form.train_file.info.text()  # with a sample read as the reader's first guess
    assert "0  →  the cat number 0 sleeps" in form.train_file.info.text()
    columns = [form.distill.source_column.itemText(i) for i in range(form.distill.source_column.count())]
    assert columns == ["id", "en", "ko"]  # the column mapping: any two of the file's columns
    assert (form.distill.source_column.currentText(), form.distill.target_column.currentText()) == ("id", "en")
    form.distill.source_column.setCurrentText("en")
    form.distill.target_column.setCurrentText("ko")
    form.distill.sts_dev.set_path(str(sts_dev_tsv), emit=False)
    form.max_steps.setValue(2)
    form.batch_size.setValue(4)
    form.max_seq_length.setValue(32)
    form.device.setCurrentText("cpu")
    form.distill.target_column.setCurrentText("en")
    assert "same" in form.config()[1]  # one column for both sides is refused before training
    form.distill.target_column.setCurrentText("ko")
    config, problem = form.config()
    assert problem is None and config["task"] == "distill" and config["loss"] == "mse"
    assert config["source_column"] == "en" and config["target_column"] == "ko" and config["teacher"] is None
    assert config["sts_dev_file"] == str(sts_dev_tsv)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job, timeout=180_000) == "succeeded"
    run = page.runs.selected_run()
    assert run.status == "finished" and run.config["task"] == "distill"
    assert run.metric_name in ("spearman", "spearman_cosine")  # the STS dev set picks the model
