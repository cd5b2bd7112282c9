"""The main window: a sidebar of pages, a status bar with the active model and running jobs,
the menus a desktop user expects, drag and drop, and a close that never kills a running job."""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QProgressBar, QStackedWidget, QStyle, QWidget,
)

from sbert_desktop import __version__
from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.pages import available_pages
from sbert_desktop.gui.state import AppState, ModelSpec
from sbert_desktop.gui.widgets.file_field import DATA_FILTER
from sbert_desktop.gui.workspace_actions import WorkspaceActions, open_filter, workspace_path


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state if state is not None else AppState()
        self.setWindowTitle("SBERT Desktop")
        self.setAcceptDrops(True)
        self._closing = False
        self.pages: dict[str, QWidget] = {}
        self._initial_page = self.state.settings.last_page()  # read before add_page selects the first

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(130)
        self.sidebar.setSpacing(2)
        self.stack = QStackedWidget()
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.currentRowChanged.connect(self._remember_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        from sbert_desktop.gui.widgets.elided_label import ElidedLabel

        self.model_label = ElidedLabel()  # shortened to the window, never widening it
        self.model_label.setObjectName("activeModel")
        self.jobs_label = QLabel()
        self.jobs_label.setObjectName("jobsLabel")
        self.jobs_bar = QProgressBar()
        self.jobs_bar.setMaximumWidth(140)
        self.jobs_bar.setTextVisible(False)
        self.jobs_bar.hide()
        self.statusBar().addWidget(self.model_label, 1)
        from sbert_desktop.gui.jobs_menu import JobsButton

        self.jobs_button = JobsButton(self.state.jobs)
        self.statusBar().addPermanentWidget(self.jobs_label)
        self.statusBar().addPermanentWidget(self.jobs_bar)
        self.statusBar().addPermanentWidget(self.jobs_button)
        # a task stopped or its result dropped because what it read changed (gui/jobs.py)
        self.state.jobs.note.connect(lambda text: self.statusBar().showMessage(text, 10_000))

        self._build_menus()
        self._build_workspace_menus()
        for entry, cls in available_pages():
            icon = getattr(QStyle.StandardPixmap, entry.icon, None) if entry.icon else None
            self.add_page(entry.title, cls(self.state), icon)
        from sbert_desktop.gui.i18n import add_language_menu

        add_language_menu(self)  # View → Language (applies at the next start)
        self.state.active_changed.connect(self._update_model_label)
        self.state.jobs.jobs_changed.connect(self._update_jobs)
        self.state.jobs.job_started.connect(self._watch_job)
        self.state.open_file_requested.connect(lambda _path: self.show_page("Data"))
        self.state.page_requested.connect(self.show_page)
        self._update_model_label()
        self._update_jobs()
        self._restore()

    # -- pages -------------------------------------------------------------------------------
    def add_page(self, title: str, widget: QWidget, icon: QStyle.StandardPixmap | None = None) -> int:
        """Add ``widget`` as a page named ``title`` (Ctrl+N shows the N-th page); returns its index."""
        from sbert_desktop.gui.i18n import page_title

        item = QListWidgetItem(page_title(title))  # shown translated; ``title`` stays the key
        if icon is not None:
            item.setIcon(self.style().standardIcon(icon))
        item.setSizeHint(QSize(0, 34))
        self.sidebar.addItem(item)
        index = self.stack.addWidget(widget)
        self.pages[title] = widget
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)
        action = self.view_menu.addAction(page_title(title), lambda t=title: self.show_page(t))
        if index < 9:
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        return index

    def page(self, title: str) -> QWidget | None:
        return self.pages.get(title)

    @Slot(str)
    def show_page(self, title: str) -> None:
        if title in self.pages:
            self.sidebar.setCurrentRow(list(self.pages).index(title))

    def current_page_title(self) -> str:
        row = self.sidebar.currentRow()
        return list(self.pages)[row] if 0 <= row < len(self.pages) else ""

    def _remember_page(self, _row: int) -> None:
        self.state.settings.set_last_page(self.current_page_title())

    # -- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = file_menu.addAction(self.tr("&Open…"), self.open_dialog)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = file_menu.addAction(self.tr("&Save Model As…"), self.save_model_dialog)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))  # add_page adds one entry per page
        from sbert_desktop.gui.jobs_menu import JobsMenu

        self.jobs_menu = JobsMenu(self.state.jobs, self)  # each running task with its own Cancel
        self.menuBar().addMenu(self.jobs_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.example_action = help_menu.addAction(self.tr("Open &example"), self.open_example)
        self.example_action.setToolTip(self.tr("Open the bundled example: sentences on the map, STS pairs ready to train"))
        self.guide_action = help_menu.addAction(self.tr("Show &guide"), self.show_guide)
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About SBERT Desktop"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.tr("Open &log folder"), self._open_log_folder)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.state.settings.recent_files()
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_file(p))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear list"), self.state.settings.clear_recent_files)

    def open_dialog(self) -> None:
        recent = self.state.settings.recent_files()
        start = str(Path(recent[0]).parent) if recent else ""
        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open data file"), start, f"{translate('FileField', DATA_FILTER)};;{open_filter()}")
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Open a sentence file or pair data set on the Data page, or a workspace (``.sbert``,
        ``.sbertws``) in the whole window — from the menus, a drop, or the command line."""
        workspace = workspace_path(path)
        if workspace is not None:
            self.workspace.open(workspace)
            return
        self.state.open_file_requested.emit(str(path))

    # -- workspaces and the embedding cache --------------------------------------------------
    def _build_workspace_menus(self) -> None:
        """File → Open/Save Workspace… (above Quit) and Tools → Embedding cache… (before Help)."""
        from PySide6.QtWidgets import QMenu

        self.workspace = WorkspaceActions(self)
        file_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == self.tr("&File"))
        taken = {a.shortcut().toString() for a in file_menu.actions() if not a.shortcut().isEmpty()}
        self.workspace.set_shortcuts(taken)
        separators = [a for a in file_menu.actions() if a.isSeparator()]
        before = separators[-1] if separators else None
        file_menu.insertSeparator(before)
        file_menu.insertActions(before, [self.workspace.open_action, self.workspace.save_action])
        self.open_workspace_action = self.workspace.open_action
        self.save_workspace_action = self.workspace.save_action
        tools = QMenu(self.tr("&Tools"), self)
        self.cache_action = tools.addAction(self.tr("&Embedding cache…"), self.show_cache_dialog)
        self.cache_action.setStatusTip(self.tr("See and limit the embeddings kept on disk, or clear them"))
        help_action = next((a for a in self.menuBar().actions() if a.text() == self.tr("&Help")), None)
        if help_action is not None:
            self.menuBar().insertMenu(help_action, tools)
        else:
            self.menuBar().addMenu(tools)
        self.cache_dialog = None

    def show_cache_dialog(self):
        """Tools → Embedding cache…: sizes per model, the size limit, clearing (non-modal)."""
        from sbert_desktop.gui.cache_dialog import CacheDialog

        if self.cache_dialog is None:
            self.cache_dialog = CacheDialog(self.state, self)
        else:
            self.cache_dialog.refresh()
        self.cache_dialog.show()
        self.cache_dialog.raise_()
        return self.cache_dialog

    def save_model_dialog(self) -> Job | None:
        model = self.state.active_model
        if model is None:
            QMessageBox.information(self, translate("MainWindow", "Save model"), translate("MainWindow", "Load or train a model first."))
            return None
        path = QFileDialog.getExistingDirectory(self, translate("MainWindow", "Save the active model into a folder"))
        return self.save_model(path) if path else None

    def save_model(self, path: str | Path) -> Job:
        model = self.state.active_model
        target = Path(path)
        job = self.state.jobs.start(translate("MainWindow", "Save model to {name}").format(name=target.name), lambda progress, cancel: model.save(target), kind="save")
        job.succeeded.connect(lambda _r: self.statusBar().showMessage(translate("MainWindow", "Model saved to {path}").format(path=target), 8000))
        job.failed.connect(self._show_failure)
        return job

    def show_about(self) -> QMessageBox:
        def version(name: str) -> str:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                return translate("MainWindow", "not installed")

        import PySide6

        rows = [("SBERT Desktop", __version__), ("Python", platform.python_version()),
                ("PySide6 / Qt", f"{PySide6.__version__} / {PySide6.QtCore.qVersion()}"),
                ("pyqtgraph", version("pyqtgraph")), ("PyTorch", version("torch")),
                ("transformers", version("transformers")), ("numpy", version("numpy"))]
        text = "".join(f"<tr><td>{k}</td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in rows)
        box = QMessageBox(self)
        box.setWindowTitle(translate("MainWindow", "About SBERT Desktop"))
        box.setText(translate("MainWindow", "<b>SBERT Desktop</b><br>Fine-tune and explore Sentence-BERT models."))
        box.setInformativeText(f"<table>{text}</table>")
        box.setObjectName("aboutDialog")
        box.open()
        return box

    def open_example(self):
        """Help → Open example: the bundled example on every page (see ``gui/first_run.py``)."""
        from sbert_desktop.gui.first_run import open_example

        return open_example(self)

    def show_guide(self):
        """Help → Show guide: the strip of six pages above the page area."""
        from sbert_desktop.gui.guide import show_guide

        return show_guide(self)

    def _open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from sbert_desktop.core.paths import log_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def _show_failure(self, failure) -> None:
        from sbert_desktop.gui.errors import show_failure

        show_failure(self, failure)

    # -- status bar --------------------------------------------------------------------------
    @Slot()
    def _update_model_label(self) -> None:
        state = self.state
        if state.bi_encoder is None and state.cross_encoder is None:
            self.model_label.setText(translate("MainWindow", "Model: {summary}").format(summary=state.model_summary()))
        else:
            self.model_label.setText(state.model_summary())
        self.model_label.setToolTip(self.model_label.text() + "\n\n" + translate(
            "MainWindow", "The active model is named first; Compare and Map use both "
                          "(bi-encoder to retrieve, cross-encoder to rerank)."))

    def _watch_job(self, job: Job) -> None:
        job.progress.connect(lambda _event: self._update_jobs())

    @Slot()
    def _update_jobs(self) -> None:
        jobs = [job for job in self.state.jobs.jobs() if job.running]
        if not jobs:
            self.jobs_label.setText(translate("MainWindow", "No jobs running"))
            self.jobs_bar.hide()
            return
        names = ", ".join(job.name for job in jobs[:2]) + (f" +{len(jobs) - 2}" if len(jobs) > 2 else "")
        self.jobs_label.setText(translate("MainWindow", "Running: {names}").format(names=names))
        last = next((job.last_progress for job in reversed(jobs) if job.last_progress is not None), None)
        if last is not None and last.total > 0:
            self.jobs_bar.setRange(0, last.total)
            self.jobs_bar.setValue(min(last.done, last.total))
        else:
            self.jobs_bar.setRange(0, 0)
        self.jobs_bar.show()

    # -- start-up, drag and drop, closing ------------------------------------------------------
    def start_up(self, file: str | None = None) -> None:
        """After the first paint: load the last (or bundled) model, open ``file``."""
        model_page = self.page("Model")
        if model_page is not None:
            # both models come back: the last bi-encoder (the bundled one if none was kept) and the
            # last cross-encoder, the one that was active last
            raw, active = self.state.settings.last_models()
            specs = {kind: ModelSpec.from_dict(spec) for kind, spec in raw.items()}
            specs.setdefault("bi", ModelSpec())
            model_page.set_spec(specs.get(active, specs["bi"]))
            model_page.restore(list(specs.values()), active if active in specs else "bi")
        if file:
            self.open_file(file)

    def _restore(self) -> None:
        geometry = self.state.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.show_page(self._initial_page)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.open_file(files[0])
            event.acceptProposedAction()

    def confirm_stop(self, jobs: list[Job]) -> bool:
        """Ask whether to stop ``jobs`` (training) to close; tests replace this method."""
        names = "\n".join(f"• {job.name}" for job in jobs)
        answer = QMessageBox.question(
            self, translate("MainWindow", "Stop training?"),
            translate("MainWindow", "Training is running:\n{names}\n\nStop it and close? A checkpoint is kept, so you can resume it later.").format(names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # noqa: N802
        jobs = self.state.jobs
        if not jobs.jobs():
            from sbert_desktop.core.child_process import terminate_all

            terminate_all()  # idle child processes kept warm for the next fit
            self.state.settings.set_geometry(self.saveGeometry())
            self.state.settings.sync()
            event.accept()
            return
        event.ignore()
        if self._closing:
            return
        asking = jobs.needs_confirmation()
        if asking and not self.confirm_stop(asking):
            return
        # never block here: cancel, and close again once the last job's thread has finished
        self._closing = True
        jobs.cancel_all()
        jobs.idle.connect(self.close, Qt.ConnectionType.SingleShotConnection)
        self.statusBar().showMessage(translate("MainWindow", "Stopping running jobs before closing…"))


def main() -> int:
    from sbert_desktop.gui.app import run_app

    return run_app(sys.argv[1] if len(sys.argv) > 1 else None)


if __name__ == "__main__":
    sys.exit(main())
