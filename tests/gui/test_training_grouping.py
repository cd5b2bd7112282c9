"""Train page: the "Batches of similar length" box, clicked with the mouse, trains with length-grouped
batches (the run's configuration says so); with an in-batch-negatives loss it cannot be ticked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def _click(box) -> None:
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, box.height() // 2))


def _choose(combo, value) -> None:
    """Pick ``value`` with the arrow keys, as a user would."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findData(value) > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        QTest.keyClick(combo, key)
    assert combo.currentData() == value


def test_length_grouped_batches_box(qtbot, tiny_loaded, state, tmp_path, wait_job):
    window = tiny_loaded
    sts = tmp_path / "sts.tsv"
    sts.write_text("sentence1\tsentence2\tscore\n" + "".join(
        f"a {'short ' * (i % 7)}sentence {i}\tanother {'long ' * (i % 5)}one {i}\t{i % 6}\n" for i in range(24)),
        encoding="utf-8")
    window.show_page("Train")
    page = window.page("Train")
    form = page.form
    with qtbot.waitSignal(state.jobs.job_ended, timeout=30_000):
        form.train_file.set_path(str(sts))
    qtbot.waitUntil(lambda: "pairs" in form.train_file.info.text(), timeout=30_000)
    assert form.task.currentData() == "sts" and form.loss.currentData() == "cosine"
    box = form.group_by_length
    assert box.isEnabled() and not box.isChecked()
    _click(box)
    assert box.isChecked()
    form.max_steps.setValue(4)
    form.batch_size.setValue(4)
    form.max_seq_length.setValue(32)
    form.device.setCurrentText("cpu")
    config, problem = form.config()
    assert problem is None and config["length_grouped"] is True
    assert wait_job(page.start()) == "succeeded"
    run = page.runs.selected_run()
    assert run.status == "finished" and run.config["length_grouped"] is True

    # "Paper defaults" unticks it; the NLI mnrl loss (in-batch negatives) disables it
    _click(box)
    assert not box.isChecked()
    _click(box)
    QTest.mouseClick(form.defaults_button, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
    _choose(form.task, "nli")
    _choose(form.loss, "mnrl")
    assert not box.isEnabled()
    _click(box)
    assert not box.isChecked()
    _choose(form.loss, "softmax")
    assert box.isEnabled()
