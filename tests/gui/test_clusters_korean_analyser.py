"""The Clusters page says which Korean analyser builds its keyword labels (Kiwi or the heuristic)."""

from __future__ import annotations

import sys

import pytest

from sbert_desktop.core import korean_morph
from sbert_desktop.gui.pages.clusters import ClustersPage


def _page(qtbot, state):
    page = ClustersPage(state)
    qtbot.addWidget(page)
    page.resize(1240, 760)
    page.show()
    return page


def test_page_names_the_heuristic_without_kiwi(qtbot, state, monkeypatch):
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)
    korean_morph.reset()
    try:
        page = _page(qtbot, state)
        assert page.korean_analyser.isVisible()
        assert page.korean_analyser.property("analyser") == "heuristic"
        assert "heuristic" in page.korean_analyser.text()
    finally:
        korean_morph.reset()


def test_page_names_kiwi_when_installed(qtbot, state):
    pytest.importorskip("kiwipiepy")
    korean_morph.reset()
    page = _page(qtbot, state)
    assert page.korean_analyser.property("analyser") == "kiwi"
    assert page.korean_analyser.text().startswith("Korean words: Kiwi")
