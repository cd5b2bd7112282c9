"""Launch one page in its own window: ``python -m sbert_desktop.gui.pages.training``."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from sbert_desktop.gui.errors import install_excepthook, setup_logging


def launch(page_cls, argv: list[str] | None = None) -> int:
    """Show ``page_cls(state)`` alone with a fresh :class:`AppState`; returns the exit code.

    ``--quit-after MS`` closes it after that many milliseconds (the smoke tests use it).
    """
    from PySide6.QtCore import QTimer

    from sbert_desktop.gui.state import AppState

    argv = list(sys.argv if argv is None else argv)
    from sbert_desktop.gui.gc_timer import GuiGarbageCollector

    app = QApplication.instance() or QApplication(argv[:1])
    collector = GuiGarbageCollector(parent=app)
    setup_logging()
    state = AppState()
    page = page_cls(state)
    page.setWindowTitle(f"SBERT Desktop — {getattr(page_cls, 'title', page_cls.__name__)}")
    page.resize(1100, 720)
    install_excepthook(lambda: page)
    page.show()
    if "--quit-after" in argv:
        QTimer.singleShot(int(argv[argv.index("--quit-after") + 1]), page.close)
    code = app.exec()
    state.jobs.shutdown(10.0)
    collector.stop()
    return code
