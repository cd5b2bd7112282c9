"""Train page, driven through the window: a tiny model trains, the curves grow, cancel, resume,
finish, make the result the active model; closing during training asks and stops cleanly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def _fill_form(qtbot, page, train, dev, epochs=10, batch=4, eval_steps=20):
    form = page.form
    with qtbot.waitSignal(page.state.jobs.job_ended, timeout=30_000):
        form.train_file.set_path(str(train))  # emits path_chosen: inspected in the background
    qtbot.waitUntil(lambda: "pairs" in form.train_file.info.text(), timeout=30_000)
    form.dev_file.set_path(str(dev))
    qtbot.waitUntil(lambda: "pairs" in form.dev_file.info.text(), timeout=30_000)
    assert form.task.currentData() == "sts" and form.loss.currentData() == "cosine"
    assert form.start_from.currentData() == "active"
    form.epochs.setValue(epochs)
    form.batch_size.setValue(batch)
    form.eval_steps.setValue(eval_steps)
    form.max_seq_length.setValue(32)
    form.device.setCurrentText("cpu")


def test_train_cancel_resume_finish_make_active(qtbot, tiny_loaded, state, sts_tsv, sts_dev_tsv, wait_job):
    window = tiny_loaded
    window.show_page("Train")
    page = window.page("Train")
    _fill_form(qtbot, page, sts_tsv, sts_dev_tsv)
    assert "96 pairs" in page.form.train_file.info.text()

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    job = page.job
    assert job is not None and job.running and not page.start_button.isEnabled()
    # the loss curve and the dev curve both get points while it runs
    qtbot.waitUntil(lambda: page.loss_plot.point_count() >= 3, timeout=60_000)
    qtbot.waitUntil(lambda: page.metric_plot.point_count() >= 1, timeout=60_000)
    assert page.progress_bar.value() > 0 and page.progress_bar.maximum() == 240
    assert "step" in page.progress_label.text() and "elapsed" in page.progress_label.text()
    assert "Train" in window.jobs_label.text()

    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert wait_job(job) == "succeeded"  # train() returns a result with status "cancelled"
    run = page.runs.selected_run()
    assert run.status == "cancelled", run.status
    stopped_at = run.loss_steps[-1]
    assert stopped_at < 240
    assert page.resume_button.isEnabled() and not page.make_active_button.isEnabled()
    assert "Cancelled" in page.progress_label.text()

    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    assert run.status == "finished"
    assert run.loss_steps[-1] == 240 and run.loss_steps == sorted(run.loss_steps)
    assert page.loss_plot.steps[-1] == 240
    assert len(run.metrics) >= 2 and page.metric_plot.point_count() == len(run.metrics)
    assert page.progress_bar.value() == 240
    assert run.model_dir is not None and (run.model_dir / "modules.json").is_file()
    assert str(run.model_dir) in page.result_label.text()

    # log scale toggles without losing points
    page.log_scale.setChecked(True)
    assert page.loss_plot.getPlotItem().ctrl.logYCheck.isChecked()
    page.log_scale.setChecked(False)

    assert page.make_active_button.isEnabled()
    with qtbot.waitSignal(state.bi_encoder_changed, timeout=60_000):
        qtbot.mouseClick(page.make_active_button, Qt.MouseButton.LeftButton)
    assert state.bi_spec.source == str(run.model_dir)
    assert run.model_dir.name in window.model_label.text()

    # a second run can be overlaid on the first
    page.form.max_steps.setValue(12)
    second_job = page.start()
    assert wait_job(second_job) == "succeeded"
    page.runs.set_checked(run, True)
    assert len(page.loss_plot._overlays) == 1


def test_close_during_training_asks_then_stops_with_checkpoint(qtbot, tiny_loaded, state, sts_tsv, sts_dev_tsv,
                                                                wait_job):
    window = tiny_loaded
    page = window.page("Train")
    _fill_form(qtbot, page, sts_tsv, sts_dev_tsv, epochs=10)
    job = page.start()
    qtbot.waitUntil(lambda: page.loss_plot.point_count() >= 1, timeout=60_000)

    asked = []
    window.confirm_stop = lambda jobs: asked.append([j.name for j in jobs]) or False
    assert not window.close()  # "No": keep training
    assert asked and window.isVisible() and job.running

    window.confirm_stop = lambda jobs: asked.append(1) or True
    window.close()  # "Yes": cancel, and close when the job's thread has finished
    assert window.isVisible()  # never blocks inside closeEvent
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    run = page.runs.selected_run()
    assert run.status == "cancelled"
    assert (Path(run.out_dir) / "checkpoint").exists()
    assert not state.jobs.jobs()

    # the next session lists the stopped run and resumes it from its checkpoint
    from sbert_desktop.gui.pages.training import TrainingPage

    later = TrainingPage(state)
    qtbot.addWidget(later)
    saved = [r for r in later.runs.runs if r.out_dir == run.out_dir]
    assert len(saved) == 1 and saved[0].status == "cancelled"
    later.runs.setCurrentRow(later.runs.runs.index(saved[0]))
    assert later.resume_button.isEnabled()
    assert wait_job(later.resume(), timeout=120_000) == "succeeded"
    assert saved[0].status == "finished" and saved[0].loss_steps[-1] == 240
    assert later.make_active_button.isEnabled()


def test_cross_encoder_trains_and_bad_task_is_shown_inline(qtbot, window, state, tiny_cross_encoder_dir, sts_tsv,
                                                           wait_job):
    model_page = window.page("Model")
    model_page.cross.setChecked(True)
    model_page.source.setCurrentIndex(model_page.source.findData("folder"))
    model_page.location.setText(str(tiny_cross_encoder_dir))
    assert wait_job(model_page.load()) == "succeeded"
    page = window.page("Train")
    form = page.form
    form.encoder.setCurrentIndex(form.encoder.findData("cross"))
    assert form.start_from.currentData() == "active" and form.loss.currentData() == "bce"
    form.train_file.set_path(str(sts_tsv), emit=False)
    form.max_steps.setValue(6)
    form.batch_size.setValue(8)
    form.max_seq_length.setValue(32)
    form.device.setCurrentText("cpu")
    assert wait_job(page.start()) == "succeeded"
    run = page.runs.selected_run()
    assert run.status == "finished" and run.config["encoder"] == "cross" and run.loss_steps[-1] == 6

    # an STS file cannot train an NLI model: the reason appears next to Start, no dialog
    form.task.setCurrentIndex(form.task.findData("nli"))
    job = page.start()
    assert wait_job(job) == "failed" and job.failure.expected
    assert not page.form_error.isHidden() and page.form_error.text()
    assert page.runs.selected_run().status == "failed"


def test_training_inputs_cut_by_max_length_are_said(qtbot, window, state, tiny_cross_encoder_dir, sts_tsv, wait_job):
    """A cross-encoder run whose Max sequence length (16) cuts most STS pairs read together: the Train
    page says the share, in red, and the length the model's position table allows."""
    model_page = window.page("Model")
    model_page.cross.setChecked(True)
    model_page.source.setCurrentIndex(model_page.source.findData("folder"))
    model_page.location.setText(str(tiny_cross_encoder_dir))
    assert wait_job(model_page.load()) == "succeeded"
    window.show_page("Train")
    page = window.page("Train")
    form = page.form
    form.encoder.setCurrentIndex(form.encoder.findData("cross"))
    form.train_file.set_path(str(sts_tsv), emit=False)
    form.max_steps.setValue(4)
    form.batch_size.setValue(8)
    form.max_seq_length.setValue(16)
    form.device.setCurrentText("cpu")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    text = page.cue_label.text()
    assert not page.cue_label.isHidden() and "#b00020" in page.cue_label.styleSheet(), text
    assert "of the training pairs (both sentences together) reach Max sequence length (16 tokens)" in text
    assert "This model reads up to 128" in text
    share = int(text.split("% of the training pairs")[0].split()[-1])
    assert 50 <= share <= 100


def test_what_reading_the_training_file_assumed_is_said(qtbot, tiny_loaded, state, tmp_path, wait_job):
    """A 0/1 'label' column is read as a 0-1 similarity score. The Train page said only 'generic · STS ·
    16 pairs'; now the note is under the file as soon as it is typed in, and in red with the run's cues."""
    from PySide6.QtTest import QTest

    data = tmp_path / "binary.csv"
    rows = [("A man is playing a guitar.", "A man plays guitar.", 1), ("A cat sleeps.", "The stock market fell.", 0)] * 8
    data.write_text("sentence1,sentence2,label\n" + "".join(f"{a},{b},{y}\n" for a, b, y in rows), encoding="utf-8")
    tiny_loaded.show_page("Train")
    page = tiny_loaded.page("Train")
    form = page.form
    QTest.keyClicks(form.train_file.edit, str(data))
    QTest.keyClick(form.train_file.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "pairs" in form.train_file.info.text(), timeout=30_000)
    assert "16 pairs" in form.train_file.info.text()
    assert "⚠ the 'label' column holds only 0 and 1: read as a 0-1 similarity score" in form.train_file.info.text()
    form.max_steps.setValue(2)
    form.batch_size.setValue(8)
    form.device.setCurrentText("cpu")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    text = page.cue_label.text()
    assert f"Reading the data: {data}: the 'label' column holds only 0 and 1" in text and "#b00020" in page.cue_label.styleSheet()
