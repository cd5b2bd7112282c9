"""Failures a person can act on: a dialog with the message, the traceback behind "Show Details",
and the same traceback in the log file under :func:`sbert_desktop.core.paths.log_dir`.

Expected problems (:class:`~sbert_desktop.core.errors.SbertDesktopError`) are shown inline by the
page that caused them; :func:`show_failure` is for everything else, and for jobs whose page has
no inline place for the message.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from sbert_desktop.gui.i18n import translate
from sbert_desktop.core.paths import log_dir
from sbert_desktop.gui.jobs import JobFailure

LOG_NAME = "sbert-desktop.log"
_handler: RotatingFileHandler | None = None
_open_dialogs: list[QMessageBox] = []


def log_file() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the ``sbert_desktop`` loggers to the log file (idempotent; follows SBERT_DESKTOP_HOME)."""
    global _handler
    path = log_file()
    logger = logging.getLogger("sbert_desktop")
    if _handler is not None and Path(_handler.baseFilename) == path:
        return path
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(_handler)
    logger.setLevel(level)
    return path


def error_dialog(parent: QWidget | None, title: str, message: str, details: str | None = None) -> QMessageBox:
    """A non-blocking (window-modal) message box; ``details`` go behind its "Show Details" button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical if details else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(f"<b>{title}</b>")
    text = message
    if details:
        text += translate("Errors", "\n\nThe details are also in the log file:\n{path}").format(path=log_file())
    box.setInformativeText(text)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setObjectName("errorDialog")
    _open_dialogs.append(box)
    box.finished.connect(lambda _=0, b=box: _forget(b))
    box.open()
    return box


def _forget(box: QMessageBox) -> None:
    if box in _open_dialogs:
        _open_dialogs.remove(box)
    box.deleteLater()


def open_error_dialogs() -> list[QMessageBox]:
    """Error dialogs still open (tests check that a failure produced one). A dialog deleted with its
    parent window never reported ``finished``: it is dropped here."""
    from shiboken6 import isValid

    _open_dialogs[:] = [box for box in _open_dialogs if isValid(box)]
    return list(_open_dialogs)


def show_failure(parent: QWidget | None, failure: JobFailure, title: str | None = None) -> QMessageBox:
    """Show a job's failure: expected errors without a traceback, bugs with one (logged too)."""
    setup_logging()
    title = title or translate("Errors", "{job} failed").format(job=failure.job_name)
    if failure.expected:
        logging.getLogger("sbert_desktop.gui").warning("%s: %s", title, failure.message)
        return error_dialog(parent, title, failure.message)
    logging.getLogger("sbert_desktop.gui").error("%s\n%s", title, failure.traceback)
    return error_dialog(parent, title, f"{type(failure.error).__name__}: {failure.message}", failure.traceback)


def install_excepthook(parent_getter=lambda: None) -> None:
    """Unexpected exceptions in slots go to the log file and a dialog instead of stderr only."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        logging.getLogger("sbert_desktop.gui").error("unhandled exception\n%s", text)
        try:
            error_dialog(parent_getter(), translate("Errors", "Unexpected error"), f"{exc_type.__name__}: {exc}", text)
        except Exception:  # noqa: BLE001 — never fail inside the hook
            previous(exc_type, exc, tb)

    sys.excepthook = hook
