"""The Jobs menu (menu bar, and the status bar's "Jobs" button): every running task with its
progress and its own Cancel, and "Cancel all". Tasks start at once (nothing waits in a queue):
a task of a replacing kind cancels the previous one instead (see gui/jobs.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from sbert_desktop.gui.core_text import stage_text
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.jobs import Job, JobRunner


def describe(job: Job) -> str:
    """``"Cluster — clustering (hdbscan) 1/3 · 12 s"`` for one menu entry."""
    from sbert_desktop.core.units import format_duration

    parts = [job.name]
    p = job.last_progress
    if p is not None:
        stage = stage_text(p.stage)
        parts.append(f"{stage} {number(p.done)}/{number(p.total)}" if p.total > 1 else stage)
    parts.append(format_duration(job.elapsed))
    if job.token.cancelled:
        parts.append(translate("JobsMenu", "stopping…"))
    return " — ".join(parts[:1]) + (" — " + " · ".join(parts[1:]) if len(parts) > 1 else "")


class JobsMenu(QMenu):
    """Rebuilt each time it opens: one "Cancel <task>" entry per running task, then "Cancel all"."""

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(translate("JobsMenu", "&Jobs"), parent)
        self.jobs = jobs
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.fill)
        self.fill()

    def running(self) -> list[Job]:
        return [job for job in self.jobs.jobs() if job.running and not job.silent()]

    def fill(self) -> None:
        self.clear()
        running = self.running()
        if not running:
            self.addAction(translate("JobsMenu", "No jobs running")).setEnabled(False)
        for job in running:
            action = self.addAction(translate("JobsMenu", "Cancel {job}").format(job=describe(job)), job.cancel)
            action.setEnabled(not job.token.cancelled)
            tip = translate("JobsMenu", "Stop “{job}” (a checkpoint is kept)") if job.ask_before_close else translate("JobsMenu", "Stop “{job}”")
            action.setToolTip(tip.format(job=job.name))
        self.addSeparator()
        cancel_all = self.addAction(translate("JobsMenu", "Cancel all jobs"), self.jobs.cancel_all)
        cancel_all.setEnabled(bool(running))


class JobsButton(QToolButton):
    """The status bar's "Jobs" button: opens a :class:`JobsMenu`; shows how many tasks run."""

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jobsButton")
        self.menu_ = JobsMenu(jobs, self)
        self.setMenu(self.menu_)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(True)
        self.setToolTip(translate("JobsMenu", "Running jobs, each with its own Cancel"))
        jobs.jobs_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        n = len(self.menu_.running())
        self.setText(translate("JobsMenu", "Jobs ({n})").format(n=n) if n else translate("JobsMenu", "Jobs"))
