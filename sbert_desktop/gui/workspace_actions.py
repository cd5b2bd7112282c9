"""File → Save Workspace… and Open Workspace… of the main window.

Saving reads the pages on the GUI thread (:func:`~sbert_desktop.gui.workspace_io.prepare_workspace`)
and hashes and writes on a worker. Opening reads and checks the whole workspace and the data file
on a worker; only when that fully succeeded does the window change (``restore_workspace``), so a
damaged workspace leaves the window exactly as it was. A data file that moved is asked for; one that
changed since the workspace was saved is opened only after the user agreed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.core.progress import Progress
from sbert_desktop.gui.jobs import Job, JobFailure

ARCHIVE, FOLDER, MANIFEST = ".sbert", ".sbertws", "workspace.json"  # core.workspace's; it imports numpy,
# which the window's first paint does not wait for


def save_filter() -> str:
    return translate("WorkspaceActions", "SBERT workspace, one file (*{archive});;SBERT workspace folder (*{folder})").format(
        archive=ARCHIVE, folder=FOLDER)


def open_filter() -> str:
    return translate("WorkspaceActions", "SBERT workspaces (*{archive} {manifest});;All files (*)").format(
        archive=ARCHIVE, manifest=MANIFEST)


def workspace_path(path: str | Path) -> Path | None:
    """``path`` as a workspace (a ``.sbert`` archive, a ``.sbertws`` folder, or the
    ``workspace.json`` inside one), or None when it is not a workspace. A damaged file named like
    a workspace still counts, so opening it says what is wrong with it instead of reading it as data."""
    from sbert_desktop.core.workspace import is_workspace

    path = Path(path)
    if path.name == MANIFEST and is_workspace(path.parent):
        return path.parent
    if path.suffix.lower() in (ARCHIVE, FOLDER) and path.exists():
        return path
    return path if is_workspace(path) else None


def _load(path: Path, progress, cancel) -> dict[str, Any]:
    """Worker thread: the workspace, checked whole, and its data file found and read."""
    from sbert_desktop.core.workspace import check_data, load_workspace
    from sbert_desktop.gui.workspace_io import find_data, read_data

    from sbert_desktop.core.workspace.safety import models_to_download

    progress(Progress(0, 3, "read workspace"))
    ws = load_workspace(path)
    cancel.raise_if_cancelled()
    progress(Progress(1, 3, "find data"))
    out: dict[str, Any] = {"ws": ws, "path": None, "status": "missing", "data": None,
                           "downloads": models_to_download(ws.models)}
    found = find_data(ws)
    if found is None:  # a file at the saved place that changed is offered as it is (with a warning)
        saved = Path(ws.data["path"]) if ws.data.get("path") else None
        if saved is not None and check_data(ws, saved) == "changed":
            found = saved
    if found is not None:
        progress(Progress(2, 3, "read data"))
        out["path"] = found
        out["status"], out["data"] = read_data(ws, found)
    progress(Progress(3, 3, "done"))
    return out


def _read_chosen(ws, path: Path, progress, cancel) -> dict[str, Any]:
    from sbert_desktop.gui.workspace_io import read_data

    progress(Progress(0, 1, "read data"))
    status, data = read_data(ws, path)
    return {"ws": ws, "path": path, "status": status, "data": data}


class WorkspaceActions(QObject):
    """The two menu actions of ``window`` (a :class:`MainWindow`) and the jobs behind them."""

    saved = Signal(object)  # Path written
    restored = Signal(object)  # RestoreReport, once a workspace is in the window
    open_failed = Signal(str)  # the message shown when a workspace could not be opened

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.job: Job | None = None
        self.report = None  # the last RestoreReport
        self.save_action = QAction(translate("WorkspaceActions", "Save &Workspace…"), window)
        self.save_action.setStatusTip(translate("WorkspaceActions", "Save data, embeddings, clusters, map, pairs and runs as one workspace"))
        self.save_action.triggered.connect(self.save_dialog)
        self.open_action = QAction(translate("WorkspaceActions", "Open Wor&kspace…"), window)
        self.open_action.setStatusTip(translate("WorkspaceActions", "Open a saved workspace (.sbert file or .sbertws folder)"))
        self.open_action.triggered.connect(self.open_dialog)

    def set_shortcuts(self, taken: set[str]) -> None:
        """Ctrl+S for saving when nothing else has it, else Ctrl+Shift+S."""
        save = QKeySequence(QKeySequence.StandardKey.Save).toString()
        self.save_action.setShortcut(QKeySequence("Ctrl+Shift+S" if save in taken else save))

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def _message(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _start_dir(self) -> str:
        recent = self.state.settings.recent_files()
        return str(Path(recent[0]).parent) if recent else ""

    # -- save --------------------------------------------------------------------------------
    def save_dialog(self) -> Job | None:
        if self.busy():
            self._message(translate("WorkspaceActions", "A workspace is being saved or opened; try again when it finished."))
            return None
        path, chosen_filter = QFileDialog.getSaveFileName(self.window, translate("WorkspaceActions", "Save workspace"), self._start_dir(),
                                                          save_filter())
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in (ARCHIVE, FOLDER):
            path = path.with_name(path.name + (FOLDER if FOLDER in (chosen_filter or "") else ARCHIVE))
        embed = False
        data = self.state.data
        if data is not None:
            size = data.path.stat().st_size if data.path.is_file() else 0
            answer = QMessageBox.question(
                self.window, translate("WorkspaceActions", "Save workspace"),
                translate("WorkspaceActions", "Embed a copy of the data file {name} ({size} MB) in the workspace?\n\n"
                          "With a copy the workspace opens anywhere, also where the original file is not.").format(
                    name=data.path.name, size=number(size / 1e6, 1)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Cancel:
                return None
            embed = answer == QMessageBox.StandardButton.Yes
        return self.save(path, embed_data=embed)

    def save(self, path: str | Path, embed_data: bool = False) -> Job:
        """Save the window as a workspace at ``path`` in the background."""
        from sbert_desktop.core.workspace import save_workspace
        from sbert_desktop.gui.workspace_io import prepare_workspace

        finish = prepare_workspace(self.window)  # GUI thread: read the pages
        target = Path(path)

        def work(progress, cancel):
            progress(Progress(0, 2, "checksum"))
            ws = finish()
            cancel.raise_if_cancelled()
            progress(Progress(1, 2, "write"))
            written = save_workspace(target, ws, embed_data=embed_data)
            progress(Progress(2, 2, "write"))
            return written

        job = self.state.jobs.start(translate("WorkspaceActions", "Save workspace {name}").format(name=target.name), work, kind="save")
        job.succeeded.connect(self._on_saved)
        job.failed.connect(lambda failure: self._show_failure(failure, translate("WorkspaceActions", "Could not save the workspace")))
        self.job = job
        self._message(translate("WorkspaceActions", "Saving workspace {name}…").format(name=target.name), 0)
        return job

    def _on_saved(self, path: Path) -> None:
        self.state.settings.add_recent_file(path)
        self._message(translate("WorkspaceActions", "Workspace saved to {path}").format(path=path))
        self.saved.emit(path)

    # -- open --------------------------------------------------------------------------------
    def open_dialog(self) -> Job | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("WorkspaceActions", "Open workspace (a .sbert file, or workspace.json in a .sbertws folder)"),
            self._start_dir(), open_filter())
        return self.open(path) if path else None

    def open(self, path: str | Path) -> Job | None:
        """Open the workspace at ``path``: read and check it in the background, then restore it."""
        if self.busy():
            self._message(translate("WorkspaceActions", "A workspace is being saved or opened; try again when it finished."))
            return None
        target = workspace_path(path) or Path(path)
        job = self.state.jobs.start(translate("WorkspaceActions", "Open workspace {name}").format(name=target.name), lambda p, c: _load(target, p, c), kind="data")
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(lambda failure: self._open_failed(failure))
        self.job = job
        self._message(translate("WorkspaceActions", "Opening workspace {name}…").format(name=target.name), 0)
        return job

    def _on_loaded(self, out: dict[str, Any]) -> None:
        ws = out["ws"]
        if out["path"] is None and ws.data.get("path"):
            chosen = self.ask_for_data(ws)
            if chosen:
                job = self.state.jobs.start(translate("WorkspaceActions", "Read {name}").format(name=Path(chosen).name),
                                            lambda p, c: _read_chosen(ws, Path(chosen), p, c), kind="data")
                job.succeeded.connect(self._on_loaded)
                job.failed.connect(lambda failure: self._open_failed(failure))
                self.job = job
                return
        if out["status"] == "changed" and not self.confirm_changed(out["path"]):
            self._message(translate("WorkspaceActions", "Opening the workspace was cancelled; nothing was changed."))
            return
        self._restore(out)

    def ask_for_data(self, ws) -> str:
        """Ask where the data file is now; "" when the user cancels (the saved sentences are used)."""
        saved = Path(ws.data["path"])
        start = str(ws.source.parent) if ws.source is not None else ""
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("WorkspaceActions", "Where is {name} now? (Cancel: open the workspace without it)").format(
                name=saved.name), start, f"{saved.name} ({saved.name});;" + translate("WorkspaceActions", "All files (*)"))
        return path

    def confirm_changed(self, path: Path) -> bool:
        answer = QMessageBox.warning(
            self.window, translate("WorkspaceActions", "Data file changed"),
            translate("WorkspaceActions", "{path} changed since the workspace was saved.\n\nThe saved sentences, embeddings and "
                      "clusters are shown as they were; the Data page shows the file as it is now. Open the workspace "
                      "anyway?").format(path=path),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Ok)
        return answer == QMessageBox.StandardButton.Ok

    def confirm_downloads(self, downloads: dict[str, str]) -> bool:
        """A workspace naming hub models that are not on this computer: download them only if the user agrees."""
        names = "\n".join(f"  {source}" for source in sorted(set(downloads.values())))
        answer = QMessageBox.question(
            self.window, translate("WorkspaceActions", "Download models?"),
            translate("WorkspaceActions", "This workspace uses model(s) that are not on this computer:\n{names}\n\nDownload "
                      "them from the Hugging Face hub? (No: the workspace opens without loading them.)").format(names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _restore(self, out: dict[str, Any]) -> None:
        from sbert_desktop.gui.workspace_io import restore_workspace

        ws = out["ws"]
        downloads = out.get("downloads") or {}
        if downloads and not self.confirm_downloads(downloads):
            ws.models = {k: v for k, v in ws.models.items() if k not in downloads}
        report = restore_workspace(self.window, ws, out["path"], data=out["data"], data_status=out["status"])
        if downloads and any(k not in ws.models for k in downloads):
            report.notes.append(translate("WorkspaceActions", "not downloaded: ") + ", ".join(sorted(set(downloads.values()))))
        self.report = report
        if ws.source is not None:
            self.state.settings.add_recent_file(ws.source)
        notes = f" ({'; '.join(report.notes)})" if report.notes else ""
        self._message(translate("WorkspaceActions", "Workspace {name} opened").format(name=ws.source.name if ws.source else '') + notes, 15000)
        self.restored.emit(report)

    def _open_failed(self, failure: JobFailure) -> None:
        self._message("")
        self._show_failure(failure, translate("WorkspaceActions", "Could not open the workspace"))
        self.open_failed.emit(failure.message)

    def _show_failure(self, failure: JobFailure, title: str) -> None:
        from sbert_desktop.gui.errors import show_failure

        show_failure(self.window, failure, title)
