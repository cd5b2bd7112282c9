"""Start the window: ``run_app(file)`` is what ``sbert-desktop`` without a command calls.

The window is shown before anything heavy is imported; torch and transformers load on a worker
thread while the bundled (or last used) model is loaded, so the first paint does not wait for them.
"""

from __future__ import annotations

import logging
import os
import sys

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("SBERT Desktop")
    app.setOrganizationName("SBERT Desktop")
    app.setApplicationDisplayName("SBERT Desktop")
    return app


def run_app(file: str | None = None, argv: list[str] | None = None, load_model: bool = True,
            first_run: bool | None = None, lang: str | None = None) -> int:
    """Open the main window (optionally on ``file``) and run until it closes; returns the exit code.

    ``first_run``: None ("auto") opens the bundled example on the first start when no ``file`` is
    given (see :mod:`sbert_desktop.gui.first_run`); True/False forces it on or off. ``lang``:
    "ko" or "en" (default: View → Language's choice, else the system locale; see gui/i18n.py).
    """
    from sbert_desktop.gui.errors import install_excepthook, setup_logging
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sbert_desktop.gui.gc_timer import GuiGarbageCollector

    app = create_application(argv)
    collector = GuiGarbageCollector(parent=app)  # never a collection inside a worker thread
    log_path = setup_logging()
    log.info("starting SBERT Desktop; log file %s", log_path)
    state = AppState()
    from sbert_desktop.gui.i18n import choose_language, install_translators

    install_translators(app, choose_language(lang, state.settings))  # before any widget is built
    window = MainWindow(state)
    install_excepthook(lambda: window)
    window.show()

    def after_first_paint() -> None:
        from sbert_desktop.gui import first_run as first

        # the model loads on a worker thread (torch is imported there)
        if load_model:
            window.start_up(file)
        elif file:
            window.open_file(file)
        first.start(window, file, first_run)  # the guide; the example on the first start

    QTimer.singleShot(0, after_first_paint)
    code = app.exec()
    stopped = state.jobs.shutdown(timeout=15.0)
    collector.stop()
    if not stopped:
        # a job that cannot be interrupted (a model download) is still running: do not let Python
        # destroy its QThread (that aborts the process), and do not hang either
        log.warning("exiting with a job still running")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(run_app(sys.argv[1] if len(sys.argv) > 1 else None))
