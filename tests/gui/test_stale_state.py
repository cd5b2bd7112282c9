"""Issue #12, items 4 and 5: what a page shows is never left over from before — a failed open clears
the summary and preview, the embeddings line follows the open data, the Compare bar says
"encoded" after encoding — and a pair file opened on the Data page is offered to the Train page,
not set behind the user's back."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _open(page, path, wait_job):
    job = page.open_path(str(path))
    return wait_job(job)


def test_failed_open_clears_the_previous_summary_and_preview(qtbot, window, tmp_path, wait_job):
    page = window.page("Data")
    good = tmp_path / "good.txt"
    good.write_text("one sentence\nanother sentence\na third\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    assert _open(page, good, wait_job) == "succeeded"
    assert page.facts["sentences"].text() == "3" and page.model.rowCount() == 3
    assert _open(page, bad, wait_job) == "failed"
    assert page.file.path() == str(bad) and not page.file.error.isHidden()
    assert all(label.text() == "–" for label in page.facts.values())
    assert page.model.rowCount() == 0
    assert "Still open: good.txt" in page.file.info.text()  # what the other pages still use, said plainly
    # the encode button names the file it encodes (it read 'Encode with active model' beside a blank page)
    assert page.encode_button.text() == "Encode good.txt with active model"
    assert _open(page, good, wait_job) == "succeeded"
    assert page.encode_button.text() == "Encode with active model"


def test_embeddings_line_follows_the_open_data(qtbot, window, tmp_path, wait_job, tiny_bi_encoder):
    from _explore import set_models

    set_models(window.state, bi=tiny_bi_encoder)
    page = window.page("Data")
    first = tmp_path / "first.txt"
    first.write_text("alpha\nbeta\ngamma\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("delta\nepsilon\n", encoding="utf-8")
    assert _open(page, first, wait_job) == "succeeded"
    qtbot.mouseClick(page.encode_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.embeddings is not None, timeout=60_000)
    qtbot.waitUntil(lambda: "3 embeddings" in page.encode_status.text(), timeout=10_000)
    assert _open(page, second, wait_job) == "succeeded"
    assert page.encode_status.text() == ""  # not "3 embeddings" under a file of two sentences


def test_compare_bar_says_encoded_right_after_encoding(qtbot, window, tmp_path, wait_job, tiny_bi_encoder):
    from _explore import set_models

    set_models(window.state, bi=tiny_bi_encoder)
    path = tmp_path / "s.txt"
    path.write_text("alpha\nbeta\ngamma\ndelta\n", encoding="utf-8")
    assert _open(window.page("Data"), path, wait_job) == "succeeded"
    window.show_page("Compare")
    bar = window.page("Compare").bar
    assert "not encoded yet" in bar.label.text()
    qtbot.mouseClick(bar.encode_button, Qt.MouseButton.LeftButton)
    assert wait_job(bar.job) == "succeeded"
    qtbot.waitUntil(lambda: bar.progress.isHidden(), timeout=10_000)
    assert "4 sentences from s.txt encoded" in bar.label.text() and "not encoded" not in bar.label.text()
    assert "encoded" in window.page("Map").bar.label.text()


def test_a_pair_file_on_the_data_page_is_offered_to_train_not_set(qtbot, window, sts_tsv, sts_dev_tsv, wait_job):
    form = window.page("Train").form
    assert _open(window.page("Data"), sts_dev_tsv, wait_job) == "succeeded"
    assert form.train_file.path() == "" and form.dev_file.path() == ""  # nothing set behind the user's back
    window.show_page("Train")
    button = form.use_data_button
    assert button.isVisible() and "as the dev file" in button.text()  # "…-dev.tsv" is a dev split
    with qtbot.waitSignal(window.state.jobs.job_ended, timeout=30_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert form.dev_file.path() == str(sts_dev_tsv) and form.train_file.path() == "" and button.isHidden()
    assert _open(window.page("Data"), sts_tsv, wait_job) == "succeeded"
    assert button.isVisible() and "as the train file" in button.text()
    assert form.train_file.path() == ""
