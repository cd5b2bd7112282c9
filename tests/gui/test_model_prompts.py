"""Model page: a bi-encoder with prompts shows them; picking a sentence prompt, a query prompt and
fewer dimensions (keyboard) changes what the loaded model encodes and its cache key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_pick_prompts_and_dimensions(qtbot, window, state, tiny_bi_encoder, tmp_path, wait_job):
    tiny_bi_encoder.prompts = {"query": "query: ", "document": "passage: "}
    folder = tiny_bi_encoder.save(tmp_path / "prompted")
    page = window.page("Model")
    assert page.prompt_choice.isHidden()
    page.source.setCurrentIndex(page.source.findData("folder"))
    page.location.setText(str(folder))
    assert wait_job(page.load()) == "succeeded"
    choice = page.prompt_choice
    assert not choice.isHidden()
    assert [choice.sentences.itemData(i) for i in range(choice.sentences.count())][2:] == ["query", "document"]
    model = state.bi_encoder
    before = model.fingerprint()
    with qtbot.waitSignal(state.bi_encoder_changed, timeout=10_000):
        choice.sentences.setFocus()
        for _ in range(3):  # default -> none -> query -> document
            QTest.keyClick(choice.sentences, Qt.Key.Key_Down)
    assert model.effective_prompt() == "passage: " and model.fingerprint() != before
    choice.queries.setFocus()
    QTest.keyClick(choice.queries, Qt.Key.Key_Down)  # none: queries without a prompt
    assert model.query_prompt_args() == {"prompt_name": None, "prompt": ""}
    choice.dimensions.setFocus()
    choice.dimensions.selectAll()
    QTest.keyClicks(choice.dimensions, "8")
    QTest.keyClick(choice.dimensions, Qt.Key.Key_Return)
    assert model.dimension == 8 and model.encode(["a sentence"]).shape == (1, 8)
    assert state.bi_encoder is model
