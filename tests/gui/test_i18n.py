"""The window in Korean: translators (ours and Qt's qtbase_ko), the menus, the sidebar's page names
and the guide translated, numbers in the Korean locale, View → Language, ``--lang``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMenu

from sbert_desktop.gui import i18n

#: names that are the same in both languages
ALLOWED = {"English", "한국어", "SBERT Desktop"}


@pytest.fixture
def korean(qapp):
    loaded = i18n.install_translators(qapp, "ko")
    yield loaded
    i18n.install_translators(qapp, "en")


def _menu_texts(menu: QMenu, skip: set[str]) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None and action.menu().objectName() in skip:
            continue
        texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu(), skip)
    return texts


def test_korean_window_menus_pages_and_guide(qtbot, state, korean):
    from sbert_desktop.gui.guide import show_guide
    from sbert_desktop.gui.main_window import MainWindow

    assert any(p.endswith("qtbase_ko.qm") for p in korean) and any(p.endswith("sbert_desktop_ko.qm") for p in korean)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["파일(&F)", "보기(&V)"] and "도구(&T)" in titles and titles[-1] == "도움말(&H)"
    file_menu = window.menuBar().actions()[0].menu()
    assert window.open_workspace_action in file_menu.actions()  # found the File menu by its translated name
    assert window.sidebar.item(0).text() == "데이터" and window.current_page_title() == "Data"
    # every wrapped menu entry is translated (page names, recent files and the Jobs menu aside)
    english = [t for a in window.menuBar().actions() if a.menu() is not None and a.menu() is not window.jobs_menu
               for t in _menu_texts(a.menu(), {"jobsMenu"})
               if t not in ALLOWED and t not in window.pages and t.isascii()
               and a.menu() is not window.recent_menu]
    workspace = {window.open_workspace_action.text(), window.save_workspace_action.text()}  # another helper's module
    assert not [t for t in english if t not in workspace], english
    dock = show_guide(window)
    assert dock.panel.buttons["Data"].text() == "1. 데이터"
    assert "페이지 보기" in dock.panel.buttons["Map"].toolTip()
    lines = [label.text() for card in dock.panel.cards.values() for label in card.findChildren(QLabel)]
    assert lines and all(not line.isascii() for line in lines), lines
    assert QLocale().toString(1234567.5, "f", 1) == "1,234,567.5" and QLocale().language() == QLocale.Language.Korean
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"  # Qt's own buttons, from qtbase_ko


def test_language_menu_saves_the_choice_and_asks_for_a_restart(qtbot, state, qapp):
    from sbert_desktop.gui.main_window import MainWindow

    i18n.install_translators(qapp, "en")
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(QMenu, "languageMenu")
    assert window.language_actions["en"].isChecked()
    menu.popup(window.mapToGlobal(QPoint(20, 20)))
    qtbot.waitExposed(menu)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(window.language_actions["ko"]).center())
    qtbot.waitUntil(lambda: getattr(window, "language_notice", None) is not None)
    assert "Restart" in window.language_notice.text()
    assert state.settings.value(i18n.SETTINGS_KEY) == "ko"
    assert i18n.choose_language(None, state.settings) == "ko"
    window.language_notice.close()


def test_language_precedence_and_cli_option(monkeypatch, state):
    monkeypatch.delenv("SBERT_DESKTOP_LANG", raising=False)
    state.settings.set_value(i18n.SETTINGS_KEY, "ko")
    assert i18n.choose_language(None, state.settings) == "ko"
    monkeypatch.setenv("SBERT_DESKTOP_LANG", "en")
    assert i18n.choose_language(None, state.settings) == "en"
    assert i18n.choose_language("ko", state.settings) == "ko"
    with pytest.raises(ValueError):
        i18n.install_translators(QCoreApplication.instance(), "fr")

    import sbert_desktop.gui.app as app
    from sbert_desktop.cli import main

    seen = {}
    monkeypatch.setattr(app, "run_app", lambda file=None, **kw: seen.update(file=file, **kw) or 0)
    assert main(["--lang", "ko"]) == 0 and seen == {"file": None, "lang": "ko"}


def _click_page(qtbot, window, row: int) -> None:
    item = window.sidebar.item(row)
    QTest.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.sidebar.currentRow() == row, timeout=2000)


def test_every_page_in_korean_has_no_english_left(qtbot, state, korean):
    """Click through every page of the window with the Korean translation loaded; every visible
    label, button, group box, action and menu, tooltip, combo item, tab, header, placeholder, spin box
    text and plot title is Korean, or a name kept in every language (visible_text.ALLOWED_TERMS)."""
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.visible_text import untranslated, visible_texts

    window = MainWindow(state)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    left = {"menu bar": untranslated(window.menuBar()), "status bar": untranslated(window.statusBar())}
    counts = {}
    for row, title in enumerate(window.pages):
        _click_page(qtbot, window, row)
        page = window.pages[title]
        assert window.stack.currentWidget() is page
        left[title] = untranslated(page)
        counts[title] = len(list(visible_texts(page)))
    assert all(n >= 10 for n in counts.values()), counts  # the walk saw each page's widgets
    english = {where: texts for where, texts in left.items() if texts}
    assert not english, "English left in the Korean window:\n" + "\n".join(
        f"{where}: {text}" for where, texts in english.items() for text in texts)
    # hidden parts of the pages (result panels, other tabs) are translated too
    hidden = [t for title in window.pages for t in untranslated(window.pages[title], include_hidden=True)]
    assert not hidden, hidden


def test_english_mode_still_shows_english(qtbot, state, qapp):
    import re

    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.visible_text import visible_texts

    i18n.install_translators(qapp, "en")
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    hangul = re.compile(r"[\uac00-\ud7a3]")
    shown = {}
    for row, title in enumerate(window.pages):
        _click_page(qtbot, window, row)
        shown[title] = [text for _where, text in visible_texts(window.pages[title])]
        korean_texts = [text for text in shown[title] if hangul.search(text)]
        assert not korean_texts, (title, korean_texts)
    assert "Summary" in shown["Data"] and "Min cluster size" in shown["Clusters"] and "Learning rate" in shown["Train"]
    assert window.sidebar.item(0).text() == "Data" and QLocale().language() != QLocale.Language.Korean


def test_visible_text_check_finds_english_and_allows_names(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from sbert_desktop.gui.visible_text import english_words, untranslated

    assert english_words("HDBSCAN 최소 클러스터 크기 · all-MiniLM-L6-v2 · data/sts-dev.csv · MRR@10") == []
    assert english_words("최소 cluster size") == ["cluster", "size"]
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel("UMAP 투영"))
    layout.addWidget(QLabel("Min distance"))
    root.show()
    assert untranslated(root) == ["QLabel label: 'Min distance'"]
