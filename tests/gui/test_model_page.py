"""Model page: load tiny bi- and cross-encoder folders in the background and show the summary."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sbert_desktop.gui.pages.model import ModelPage


def _choose_folder(page, folder):
    page.source.setCurrentIndex(page.source.findData("folder"))
    page.location.setText(str(folder))


def test_load_tiny_bi_encoder_folder_with_cls_pooling(qtbot, state, tiny_bi_encoder_dir, wait_job):
    page = ModelPage(state)
    qtbot.addWidget(page)
    _choose_folder(page, tiny_bi_encoder_dir)
    page.pooling.setCurrentIndex(page.pooling.findData("cls"))
    assert not page.pooling.isHidden() and page.pooling.isEnabled()
    with qtbot.waitSignal(state.bi_encoder_changed, timeout=60_000):
        qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    wait_job(page.job)
    assert state.bi_encoder.pooling.mode == "cls"
    assert page.summary["dimension"].text() == "32"
    assert page.summary["layers"].text() == "2"
    assert page.summary["pooling"].text() == "cls"
    assert page.summary["vocab_size"].text() == "30,522"
    assert "BertModel" in page.summary["architecture"].text()
    assert page.load_button.isEnabled() and page.busy.isHidden()
    assert "cls pooling · 32-d" in state.model_summary()
    # remembered: last model and the recent list
    assert state.settings.last_model()["source"] == str(tiny_bi_encoder_dir)
    assert str(tiny_bi_encoder_dir) in state.settings.recent_models()
    assert page.source.findData(str(tiny_bi_encoder_dir)) >= 0
    # cpu is always offered; devices the machine lacks are disabled
    model = page.device.model()
    assert model.item(page.device.findText("cpu")).isEnabled()
    for name in ("cuda", "mps"):
        assert model.item(page.device.findText(name)).isEnabled() == (name in state.devices)


def test_load_tiny_cross_encoder(qtbot, state, tiny_cross_encoder_dir, wait_job):
    page = ModelPage(state)
    qtbot.addWidget(page)
    page.cross.setChecked(True)
    assert not page.pooling.isEnabled()
    _choose_folder(page, tiny_cross_encoder_dir)
    job = page.load()
    assert wait_job(job) == "succeeded"
    assert state.active_kind == "cross" and state.cross_encoder is not None
    assert page.summary["num_labels"].text() == "1"
    assert page.summary["dimension"].isHidden()  # a cross-encoder has no embedding dimension
    assert "Cross-encoder" in state.model_summary()


def test_missing_folder_error_inline(qtbot, state, tmp_path, wait_job):
    page = ModelPage(state)
    qtbot.addWidget(page)
    _choose_folder(page, tmp_path / "no-such-model")
    job = page.load()
    assert wait_job(job) == "failed"
    assert job.failure.expected
    assert not page.error.isHidden() and "no-such-model" in page.error.text()
    assert state.bi_encoder is None


def test_a_length_beyond_the_position_table_is_said_inline(qtbot, state, tiny_bi_encoder_dir, wait_job):
    """Max sequence length typed above the model's 128 positions: the load fails with the reason and the
    length to use under the form (it was an IndexError from inside the model on the first long text)."""
    page = ModelPage(state)
    qtbot.addWidget(page)
    _choose_folder(page, tiny_bi_encoder_dir)
    page.max_len.lineEdit().selectAll()
    qtbot.keyClicks(page.max_len.lineEdit(), "512")
    qtbot.keyClick(page.max_len.lineEdit(), Qt.Key.Key_Tab)
    assert page.max_len.value() == 512
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "failed"
    assert not page.error.isHidden()
    assert "reads at most 128 tokens" in page.error.text() and "use 128 or less" in page.error.text()
    assert state.bi_encoder is None


def test_a_cross_encoder_folder_loaded_as_the_bi_encoder_is_said(qtbot, state, tiny_cross_encoder_dir, wait_job, capsys):
    """A reranker's folder chosen with Bi-encoder checked loaded as a mean-pooled encoder without a word;
    the summary now says, in red, what it is (and the CLI says it on stderr)."""
    page = ModelPage(state)
    qtbot.addWidget(page)
    _choose_folder(page, tiny_cross_encoder_dir)
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    note = page.summary["note"]
    assert not note.isHidden() and "#b00020" in note.styleSheet()
    assert "is a cross-encoder (BertForSequenceClassification)" in note.text() and "load it as the cross-encoder" in note.text()
    page.cross.setChecked(True)
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    assert note.isHidden() and page.summary["score"].text() == "sigmoid, 0 to 1"
    from sbert_desktop.cli import main

    text = tiny_cross_encoder_dir.parent / "s.txt"
    text.write_text("one sentence\nanother one\n", encoding="utf-8")
    out = tiny_cross_encoder_dir.parent / "s.npy"
    assert main(["encode", str(text), "--model", str(tiny_cross_encoder_dir), "--out", str(out), "-q", "--no-cache"]) == 0
    assert "sbert-desktop encode: warning: " in capsys.readouterr().err
