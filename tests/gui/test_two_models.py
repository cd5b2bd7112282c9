"""Issue #12: both models survive a restart, the status bar names both, Compare says which one is
missing (and offers to load it), and a weak model carries its quality cue wherever it is used."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from sbert_desktop.core.quality import judge, read_cue, score_spread_cue
from sbert_desktop.gui.pages.model import ModelPage


def _load_folder(qtbot, page, folder, cross: bool, wait_job):
    (page.cross if cross else page.bi).setChecked(True)
    page.source.setCurrentIndex(page.source.findData("folder"))
    page.location.setText(str(folder))
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"


def test_both_models_are_restored_and_named_in_the_status_bar(qtbot, state, tiny_bi_encoder_dir,
                                                              tiny_cross_encoder_dir, wait_job):
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState

    page = ModelPage(state)
    qtbot.addWidget(page)
    _load_folder(qtbot, page, tiny_bi_encoder_dir, False, wait_job)
    _load_folder(qtbot, page, tiny_cross_encoder_dir, True, wait_job)  # the cross-encoder is active last
    state.settings.sync()

    restarted = AppState()  # the same settings file: the next start
    win = MainWindow(restarted)
    qtbot.addWidget(win)
    win.start_up()
    assert wait_job(win.page("Model").job) == "succeeded"
    assert restarted.bi_encoder is not None and restarted.cross_encoder is not None
    assert restarted.bi_spec.source == str(tiny_bi_encoder_dir)
    assert restarted.cross_spec.source == str(tiny_cross_encoder_dir)
    assert restarted.active_kind == "cross"
    text = win.model_label.text()
    assert text.startswith("Cross-encoder: ") and "| Bi-encoder: " in text and "32-d" in text
    loaded = win.page("Model").loaded.text()
    assert "(active)" in loaded and "Bi-encoder" in loaded and "Cross-encoder" in loaded
    restarted.jobs.shutdown(30)


def test_an_old_settings_file_with_only_a_cross_encoder_also_gets_the_bundled_bi_encoder(qtbot, state):
    state.settings.set_value("model/last", json.dumps({"encoder": "cross", "source": "/somewhere/ce"}))
    models, active = state.settings.last_models()
    assert active == "cross" and models["cross"]["source"] == "/somewhere/ce" and "bi" not in models


def test_compare_says_which_model_is_missing_and_offers_to_load_it(qtbot, window, tiny_bi_encoder):
    from _explore import set_models

    set_models(window.state, bi=tiny_bi_encoder)
    compare = window.page("Compare")
    window.show_page("Compare")
    notice = compare.notice
    assert notice.isVisible() and "No cross-encoder loaded" in notice.label.text()
    assert notice.load_cross.isVisible() and not notice.load_bi.isVisible()
    compare.tabs.setCurrentIndex(1)  # the Search tab shows it too (it is above the tabs)
    assert notice.isVisible()
    qtbot.mouseClick(notice.load_cross, Qt.MouseButton.LeftButton)
    model_page = window.page("Model")
    assert window.current_page_title() == "Model" and model_page.cross.isChecked()
    assert model_page.source.currentData() == "folder"


def test_quality_cue_rule():
    assert judge("spearman", 0.35).level == "weak" and "(weak)" in judge("spearman", 0.35).short
    assert judge("spearman", 0.02).level == "chance"
    assert judge("accuracy", 0.36).level == "chance"  # three-way NLI: chance is 1/3
    assert judge("spearman", 0.70, baseline=0.80).level == "worse"
    assert judge("spearman", 0.82, baseline=0.80).level == "ok"
    assert "0.39 before training" in judge("spearman", 0.45, baseline=0.393).text
    assert score_spread_cue([0.51, 0.52, 0.53]) and score_spread_cue([0.1, 0.9]) is None


def test_a_weak_cross_encoder_is_flagged_where_it_reranks(qtbot, window, tiny_bi_encoder, tiny_cross_encoder,
                                                          tiny_cross_encoder_dir):
    from sbert_desktop.gui.state import ModelSpec

    (tiny_cross_encoder_dir / "best.json").write_text(json.dumps(
        {"schema_version": 1, "metric_name": "spearman", "metric": 0.35, "baseline": {"spearman": 0.30}}))
    assert read_cue(tiny_cross_encoder_dir).level == "weak"
    window.state.set_model(tiny_bi_encoder, ModelSpec(source="tiny-bi"), remember=False)
    window.state.set_model(tiny_cross_encoder, ModelSpec(encoder="cross", source=str(tiny_cross_encoder_dir)),
                           remember=False)
    assert "dev ρ 0.35 (weak)" in window.model_label.text()
    window.show_page("Compare")
    notice = window.page("Compare").notice
    assert notice.isVisible() and "dev ρ 0.35, 0.30 before training" in notice.label.text()
    window.show_page("Model")
    assert "Weak" in window.page("Model").loaded.text()


def test_search_says_when_the_reranking_cross_encoder_is_weak(qtbot, window, tiny_bi_encoder, tiny_cross_encoder,
                                                              tiny_cross_encoder_dir):
    from _explore import topic_embeddings, topic_sentences

    from sbert_desktop.gui.state import ModelSpec

    (tiny_cross_encoder_dir / "best.json").write_text(json.dumps(
        {"schema_version": 1, "metric_name": "spearman", "metric": 0.35}))
    state = window.state
    state.set_model(tiny_bi_encoder, ModelSpec(source="tiny-bi"), remember=False)
    state.set_model(tiny_cross_encoder, ModelSpec(encoder="cross", source=str(tiny_cross_encoder_dir)),
                    remember=False)
    sentences, topics = topic_sentences()
    state.set_embeddings(sentences, topic_embeddings(topics, dim=32))  # the tiny model's dimension
    window.show_page("Compare")
    page = window.page("Compare")
    page.tabs.setCurrentIndex(1)
    qtbot.keyClicks(page.query, "espresso in the club")
    with qtbot.waitSignal(page.rerank.finished, timeout=60_000):
        qtbot.keyClick(page.query, Qt.Key.Key_Return)
    text = page.rerank.cross_label.text()
    assert "reranked" in text and "dev ρ 0.35" in text and "Weak" in text


def test_a_long_model_summary_never_widens_the_window(qtbot, state):
    """Both models loaded, the status bar's summary was ~800 px of text and the window grew to 1,414 px,
    past a laptop's screen, and stayed so. The label shortens with '…' and keeps its whole text."""
    from sbert_desktop.gui.main_window import MainWindow

    window = MainWindow(state)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    before = window.minimumSizeHint().width()
    window.model_label.setText("Cross-encoder: a-very-long-model-name · 1 label(s) · cpu · dev ρ 0.81 | " * 6)
    assert window.minimumSizeHint().width() == before
    assert window.model_label.text().startswith("Cross-encoder: a-very-long-model-name")
    qtbot.waitUntil(lambda: window.model_label.is_cut())
