"""A training preset on the Train page: a dialog that shows the plan and its estimated time on
this machine, then runs the preset's stages as one background job (progress and Cancel in the
job list; a cancelled preset resumes where it stopped when started again on the same folder).

Subclasses give the plan, its description and how to run it; the work itself is in
``sbert_desktop.core.training`` (``cross_preset``, ``korean_preset``).
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox, QWidget

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState


def about(seconds: float) -> str:
    """``5400 -> "about 1 h 30 min"``, ``200 -> "about 3 min"``."""
    minutes = max(1, round(seconds / 60))
    if minutes >= 60:
        return translate("PresetLauncher", "about {h} h {m} min").format(h=minutes // 60, m=minutes % 60)
    return translate("PresetLauncher", "about {m} min").format(m=minutes)


class PresetLauncher:
    """Builds the plan, asks with the estimate, starts the job. ``dialog`` is the open question
    (tests click its buttons); ``job`` the running preset."""

    object_name = ""    # the dialog's objectName
    folder = ""         # the run folder's suffix under runs_dir()

    def __init__(self, state: AppState, parent: QWidget):
        self.state = state
        self.parent = parent
        self.dialog: QMessageBox | None = None
        self.job: Job | None = None
        self.preset = None
        self.out = None

    # -- what a preset defines ----------------------------------------------------------------
    @property
    def title(self) -> str:
        """The dialog's and the job's name, in the window's language."""
        raise NotImplementedError

    def plan(self, out):
        raise NotImplementedError

    def describe(self, preset) -> str:
        """The dialog's rich text: what runs and the estimated time."""
        raise NotImplementedError

    def run(self, preset, progress, cancel):
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------------------
    def source_model(self) -> str:
        spec = self.state.bi_spec
        return spec.source if spec is not None else "default"

    def ask(self) -> QMessageBox:
        """Open the question (non-blocking); Start launches the job."""
        from sbert_desktop.core.errors import SbertDesktopError
        from sbert_desktop.core.paths import runs_dir

        self.out = runs_dir() / f"{time.strftime('%Y%m%d-%H%M%S')}-{self.folder}"
        box = QMessageBox(self.parent)
        box.setObjectName(self.object_name)
        box.setWindowTitle(self.title)
        try:
            self.preset = self.plan(self.out)
        except SbertDesktopError as exc:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(translate("PresetLauncher", "The preset cannot start: {message}").format(message=exc))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            self.dialog = box
            box.open()
            return box
        box.setText(self.describe(self.preset))
        box.setInformativeText(translate("PresetLauncher", "Results in {path}. Cancel from the job list; starting the "
                                         "preset again continues a cancelled stage.").format(path=self.out))
        self.start_button = box.addButton(translate("PresetLauncher", "Start"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.start() if button is self.start_button else None)
        self.dialog = box
        box.open()
        return box

    def start(self) -> Job | None:
        if self.preset is None or (self.job is not None and self.job.running):
            return self.job
        preset = self.preset
        self.job = self.state.jobs.start(self.title, lambda progress, cancel: self.run(preset, progress, cancel),
                                         kind="train", ask_before_close=True)
        return self.job
