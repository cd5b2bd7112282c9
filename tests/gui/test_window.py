"""Main window: pages, menus, status bar, settings, drag and drop, clean close."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from sbert_desktop.gui.main_window import MainWindow
from sbert_desktop.gui.pages import PAGES, PageEntry, available_pages


def test_window_opens_and_closes_cleanly(qtbot, window, state):
    registered = [entry.title for entry, _ in available_pages()]
    assert list(window.pages) == registered and registered[:3] == ["Data", "Model", "Train"]
    assert window.sidebar.count() == len(registered)
    assert window.model_label.text() == "Model: No model loaded"
    assert window.jobs_label.text() == "No jobs running"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Jobs", "&Tools", "&Help"]
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_title() == "Train"
    page_actions = [a.text() for a in window.view_menu.actions() if not a.isSeparator() and a.menu() is None]
    assert page_actions == registered  # then the Language submenu
    assert window.close()
    assert state.settings.geometry() is not None
    assert state.settings.last_page() == "Train"


def test_geometry_and_page_restored(qtbot, state):
    first = MainWindow(state)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().width(), 690)  # the offscreen screen is ~800 px wide
    first.show_page("Model")
    size = first.size()
    first.close()
    from sbert_desktop.gui.settings import Settings
    from sbert_desktop.gui.state import AppState

    again = MainWindow(AppState(Settings()))
    qtbot.addWidget(again)
    assert again.size().height() == size.height()  # width is clamped to the small offscreen screen
    assert again.current_page_title() == "Model"


def test_about_lists_versions(qtbot, window):
    box = window.show_about()
    text = box.informativeText()
    for name in ("SBERT Desktop", "Python", "PySide6", "pyqtgraph", "PyTorch", "transformers"):
        assert name in text
    box.close()


def test_drop_file_opens_it_on_data_page(qtbot, window, state, tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text("a sentence\nanother one\n", encoding="utf-8")
    window.show_page("Model")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(state.data_changed, timeout=30_000):
        window.dropEvent(event)
    assert window.current_page_title() == "Data"
    assert state.data.content.sentences == ["a sentence", "another one"]
    window._fill_recent()
    assert str(path.resolve()) in [a.text() for a in window.recent_menu.actions()]


def test_registry_fails_loudly_on_a_missing_page(monkeypatch):
    monkeypatch.setattr("sbert_desktop.gui.pages.PAGES",
                        PAGES[:1] + [PageEntry("Nowhere", "sbert_desktop.gui.pages.nowhere", "NowherePage")])
    with pytest.raises(ImportError, match="'Nowhere'.*sbert_desktop.gui.pages.nowhere does not exist"):
        available_pages()


def test_add_page_for_other_pages(qtbot, window):
    from PySide6.QtWidgets import QLabel

    index = window.add_page("Extra", QLabel("extra page"))
    assert index == len(available_pages()) and window.page("Extra").text() == "extra page"
    window.show_page("Extra")
    assert window.stack.currentWidget() is window.page("Extra")


@pytest.mark.parametrize("module", ["data", "model", "training"])
def test_each_page_launches_alone(module, tmp_path):
    env = {**__import__("os").environ, "SBERT_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", f"sbert_desktop.gui.pages.{module}", "--quit-after", "300"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "QThread" not in proc.stderr


def test_many_widget_updates_do_not_exhaust_none(tmp_path):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call (pyproject pins <6.12)."""
    code = ("import sbert_desktop.gui\n"
            "from PySide6.QtWidgets import QApplication, QLabel, QProgressBar\n"
            "app = QApplication([]); label = QLabel(); bar = QProgressBar()\n"
            "for i in range(50_000):\n    label.setText(str(i)); bar.setValue(i % 100)\n"
            "print('ok')\n")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "SBERT_DESKTOP_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]
