"""The core's errors and progress stages in a Korean window: the window's frame and the word "line"
translated, the core's file, line and reason kept (gui/core_text.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sbert_desktop.core.data import read_pairs
from sbert_desktop.core.errors import DataError
from sbert_desktop.gui import i18n
from sbert_desktop.gui.core_text import error_detail, stage_text
from sbert_desktop.gui.state import ModelSpec


@pytest.fixture
def korean(qapp):
    i18n.install_translators(qapp, "ko")
    yield
    i18n.install_translators(qapp, "en")


@pytest.fixture
def bad_pairs(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("sentence1\tsentence2\tscore\na\tb\t1.0\nc\td\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_pairs(path)
    return path, caught.value


def test_data_page_frames_the_core_error_in_korean(qtbot, state, korean, bad_pairs):
    from sbert_desktop.gui.pages.data import DataPage

    path, error = bad_pairs
    page = DataPage(state)
    qtbot.addWidget(page)
    page.show()
    page.kind.setCurrentIndex(page.kind.findData("pairs"))
    qtbot.keyClicks(page.file.edit, str(path))
    qtbot.keyClick(page.file.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.file.error.isHidden(), timeout=30_000)
    assert page.file.error.text() == f"파일을 읽을 수 없습니다: bad.tsv, {error.line}행: {error.reason}"
    assert state.data is None


def test_evaluate_page_frames_the_core_error_in_korean(qtbot, state, korean, bad_pairs, tiny_bi_encoder, wait_job):
    from sbert_desktop.gui.pages.evaluate import EvaluatePage

    path, error = bad_pairs
    state.set_model(tiny_bi_encoder, ModelSpec(encoder="bi", source="tiny-bi"), remember=False)
    page = EvaluatePage(state)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.data_file.edit, str(path))
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "failed"
    assert page.message.text() == f"평가 실패: {path}, {error.line}행: {error.reason}"

def test_stage_names_and_error_details_follow_the_language(qapp):
    err = DataError("/data/x.tsv", "score is not a number", line=4)
    assert stage_text("reducing (umap)") == "reducing (umap)" and stage_text(None) == "working"
    assert error_detail(err) == "/data/x.tsv, line 4: score is not a number"
    assert error_detail(err, name_only=True) == "x.tsv, line 4: score is not a number"
    assert error_detail(ValueError("boom")) == "boom" and error_detail(None, "disk full") == "disk full"
    i18n.install_translators(qapp, "ko")
    try:
        assert stage_text("reducing (umap)") == "차원 축소 (umap)"
        assert stage_text("bi-encoder: encode") == "바이 인코더: 인코딩"
        assert stage_text("labelling the other 12,345 rows from the sample") == "표본 밖의 나머지 12,345행에 레이블 붙이는 중"
        assert stage_text("merging clusters to 8") == "클러스터를 8개로 병합"
        assert stage_text("refining 8 topics") == "주제 8개 다듬는 중"
        assert stage_text("some new stage") == "some new stage"
        assert error_detail(err) == "/data/x.tsv, 4행: score is not a number"
    finally:
        i18n.install_translators(qapp, "en")
