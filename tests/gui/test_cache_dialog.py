"""Tools → Embedding cache…: entries per model, the size limit, clearing with confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from sbert_desktop.core.cache import EmbeddingCache, cached_encode
from sbert_desktop.gui.cache_dialog import GB, format_bytes


def test_dialog_lists_entries_sets_limit_and_clears(qtbot, window, tiny_bi_encoder, monkeypatch):
    state = window.state
    sentences = [f"sentence number {i}" for i in range(25)]
    _vectors, stats = cached_encode(tiny_bi_encoder, sentences, cache=state.embedding_cache)
    assert stats["encoded"] == 25

    window.cache_action.trigger()
    dialog = window.cache_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=30_000)
    assert dialog.table.item(0, 1).text() == "25"
    size = state.embedding_cache.entries()[0]["bytes"]
    assert dialog.table.item(0, 2).text() == format_bytes(size)
    assert dialog.table.item(0, 3).text() != "–"
    assert tiny_bi_encoder.fingerprint() in dialog.table.item(0, 0).toolTip()
    assert "1 model(s) · 25 sentences" in dialog.summary.text()

    dialog.limit.setValue(2.5)
    with qtbot.waitSignal(dialog.refreshed, timeout=30_000):
        dialog.apply_limit()
    assert EmbeddingCache(state.embedding_cache.root).max_bytes == int(2.5 * GB)
    assert dialog.table.rowCount() == 1  # well under the limit: nothing removed

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert dialog.clear() is None and asked  # said no: nothing happens
    assert state.embedding_cache.entries()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.refreshed, timeout=30_000):
        dialog.clear_button.click()
    assert dialog.table.rowCount() == 0 and state.embedding_cache.entries() == []
    assert "0 model(s)" in dialog.summary.text()
    # the next encode misses and fills it again
    _vectors, stats = cached_encode(tiny_bi_encoder, sentences, cache=state.embedding_cache)
    assert stats["encoded"] == 25
    dialog.close()


def test_limit_below_the_cache_size_evicts(qtbot, window, tiny_bi_encoder, monkeypatch):
    state = window.state
    cached_encode(tiny_bi_encoder, ["a", "b", "c"], cache=state.embedding_cache)
    window.show_cache_dialog()
    dialog = window.cache_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=30_000)
    monkeypatch.setattr("sbert_desktop.gui.cache_dialog.GB", 1)  # "0.1 GB" becomes 0 bytes
    dialog.limit.setValue(0.1)
    with qtbot.waitSignal(dialog.refreshed, timeout=30_000):
        dialog.apply_limit()
    assert dialog.table.rowCount() == 0 and state.embedding_cache.entries() == []
    dialog.close()
