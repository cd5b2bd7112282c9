"""The window's one task system: core jobs (load a model, encode, cluster, train...) on worker
threads, never freezing the window, and never landing a result on data it was not computed for.

A job is a plain callable ``fn(progress, cancel)`` — usually a lambda around a core function that
takes ``progress=`` and ``cancel=`` — started with :meth:`JobRunner.start`. It runs on its own
:class:`QThread`. The :class:`Job` handle lives on the GUI thread, and every public signal of it
is emitted there, so any receiver (a slot, a lambda, a method) runs on the GUI thread::

    job = state.jobs.start("Encode", lambda progress, cancel: model.encode(s, progress=progress, cancel=cancel))
    job.progress.connect(self.on_progress)     # Progress, throttled to a few events a second
    job.succeeded.connect(self.on_encoded)     # the return value
    job.failed.connect(self.on_failed)         # JobFailure: the exception and its traceback
    job.ended.connect(...)                     # always last: "succeeded" | "failed" | "cancelled"
    job.cancel()                               # cooperative: the core checks the CancelToken

The worker thread only ever emits the private ``_raw_*`` signals; the job's own slots receive
them through queued connections and re-emit the public ones (two hops, so a lambda connected to
``job.progress`` can never run on the worker thread). :meth:`JobRunner.shutdown` cancels and
waits with a bounded timeout, so the app never destroys a running ``QThread``.

Tasks by kind, and the inputs they were computed from (the rules every page follows)::

    job = state.jobs.start("Cluster", work, kind="cluster", inputs=state.inputs("embeddings"))

* Starting a task of a kind in :data:`REPLACING_KINDS` cancels the running one of that kind; the
  replaced job goes silent (only ``ended`` fires, with status ``"cancelled"``).
* ``inputs`` records what the task reads (``AppState.inputs``: versions of the open data, the
  embeddings, each model). When one of them changes while it runs, the task is cancelled at once;
  a result that still arrives for outdated inputs is dropped (status ``"stale"``, ``dropped`` and
  the runner's ``note`` say why, the window shows that in its status bar). ``succeeded`` therefore
  only ever fires for a result computed from what is open now: pages need no staleness checks.
* CPU-bound library fits run through :func:`sbert_desktop.core.child_process.run_in_child` inside
  the job function, so cancelling kills the process: the CPU is free at once.
* :meth:`JobRunner.current` is the running task of a kind (for a page's buttons).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
import weakref
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDeadlineTimer, QObject, QThread, Qt, Signal, Slot

from sbert_desktop.gui.i18n import translate
from sbert_desktop.core.errors import SbertDesktopError, disk_error
from sbert_desktop.core.progress import CancelToken, Cancelled, Progress

log = logging.getLogger(__name__)

JobFunction = Callable[[Callable[[Progress], None], CancelToken], Any]

#: kinds where a new task replaces (cancels) the running one; others (train, save, export, model
#: loads, cache) may run side by side. ``"search:<panel>"`` is its own kind per panel.
REPLACING_KINDS = frozenset({"data", "encode", "cluster", "cluster-labels", "project", "pairs", "search", "rerank",
                             "model-load", "cache"})


@dataclass
class JobFailure:
    """A job's exception, carried to the GUI thread with its formatted traceback."""

    job_name: str
    error: BaseException
    traceback: str

    @property
    def expected(self) -> bool:
        """A user mistake (bad file, unknown model) or a full disk: show it inline, no traceback needed."""
        return isinstance(self.error, SbertDesktopError) or disk_error(self.error) is not None

    @property
    def message(self) -> str:
        return disk_error(self.error) or str(self.error) or type(self.error).__name__


#: the inputs a task reads, as the window names them (AppState.inputs)
INPUT_NAMES = {"data": QT_TRANSLATE_NOOP("Jobs", "data"), "embeddings": QT_TRANSLATE_NOOP("Jobs", "embeddings"),
               "bi-encoder": QT_TRANSLATE_NOOP("Jobs", "bi-encoder"), "cross-encoder": QT_TRANSLATE_NOOP("Jobs", "cross-encoder")}


def changed_text(changed) -> str:
    """``the data and bi-encoder changed while it ran``, translated."""
    names = translate("Jobs", " and ").join(translate("Jobs", INPUT_NAMES[c]) if c in INPUT_NAMES else str(c) for c in changed)
    return translate("Jobs", "the {inputs} changed while it ran").format(inputs=names)


class _JobThread(QThread):
    """Runs one job function; talks to the GUI only through the job's private signals."""

    def __init__(self, job: "Job", fn: JobFunction, min_interval: float):
        super().__init__()
        self._job = job
        self._fn = fn
        self._min_interval = min_interval
        self._last_emit = -1e9
        self._last_stage: str | None = None
        self.setObjectName(f"job:{job.name}")

    def _progress(self, event: Progress) -> None:
        now = time.monotonic()
        info = event.info or {}
        important = (
            event.done >= event.total
            or event.stage != self._last_stage
            or event.stage == "eval"
            or "dev" in info
        )
        if important or now - self._last_emit >= self._min_interval:
            self._last_emit = now
            self._last_stage = event.stage
            self._job._raw_progress.emit(event)

    def run(self) -> None:  # worker thread
        job = self._job
        try:
            result = self._fn(self._progress, job.token)
        except Cancelled:
            job._raw_done.emit(("cancelled", None))
        except BaseException as exc:  # noqa: BLE001 — every failure goes to the GUI, never lost
            job._raw_done.emit(("failed", JobFailure(job.name, exc, traceback.format_exc())))
        else:
            job._raw_done.emit(("succeeded", result))
        # self._fn is not dropped here: it may hold the last reference to a widget (a page's lambda),
        # and a widget destroyed off the GUI thread crashes Qt; JobRunner drops it once the thread ended


class Job(QObject):
    """Handle of one background job; lives on the GUI thread."""

    progress = Signal(object)  # Progress
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # JobFailure
    cancelled = Signal()
    dropped = Signal(str)  # the result was computed from inputs that changed since: why
    ended = Signal(str)  # "succeeded" | "failed" | "cancelled" | "stale"; always the last signal

    _raw_progress = Signal(object)
    _raw_done = Signal(object)

    def __init__(self, name: str, kind: str = "", ask_before_close: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.kind = kind
        self.ask_before_close = ask_before_close
        self.token = CancelToken()
        self.status = "running"
        self.result: Any = None
        self.failure: JobFailure | None = None
        self.last_progress: Progress | None = None
        self.started_at = time.monotonic()
        self.inputs: dict[str, Any] = {}  # what the task was computed from (AppState.inputs)
        self.superseded = False  # replaced by a newer task of its kind: its signals are muted
        self.outdated: str | None = None  # why its inputs are no longer current
        self.check_inputs: Callable[["Job"], list[str]] | None = None  # set by the runner
        self._raw_progress.connect(self._on_raw_progress, Qt.ConnectionType.QueuedConnection)
        self._raw_done.connect(self._on_raw_done, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.status == "running"

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started_at

    def cancel(self) -> None:
        """Ask the job to stop at its next safe point (thread-safe, returns at once)."""
        self.token.cancel()

    def silent(self) -> bool:
        """True once the page must not hear from this job again (replaced or outdated)."""
        return self.superseded or self.outdated is not None

    @Slot(object)
    def _on_raw_progress(self, event: Progress) -> None:
        if self.status != "running" or self.silent():
            return
        self.last_progress = event
        self.progress.emit(event)

    @Slot(object)
    def _on_raw_done(self, outcome: tuple[str, Any]) -> None:
        status, payload = outcome
        # a result that arrives after Cancel is still delivered (training returns its checkpoint
        # that way) unless the task was replaced or its inputs changed
        if status == "succeeded" and not self.silent() and self.check_inputs is not None:
            changed = self.check_inputs(self)
            if changed:
                self.outdated = changed_text(changed)
        if self.silent():
            status = "stale" if status == "succeeded" and self.outdated else (
                "cancelled" if status in ("succeeded", "cancelled") else status)
            self.status = status
            if status == "stale":
                self.dropped.emit(self.outdated)
            if status == "failed":
                self.failure = payload
                log.info("job %r failed after it was replaced or outdated: %s", self.name, payload.message)
            self.ended.emit(status)
            return
        self.status = status
        if status == "succeeded":
            self.result = payload
            self.succeeded.emit(payload)
        elif status == "failed":
            self.failure = payload
            log.error("job %r failed:\n%s", self.name, payload.traceback)
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.ended.emit(status)


class JobRunner(QObject):
    """Starts jobs on threads, keeps them referenced while they run, stops them at exit."""

    job_started = Signal(object)  # Job
    job_ended = Signal(object)  # Job, after its thread has finished
    note = Signal(str)  # for the status bar: a task was stopped or its result dropped, and why
    jobs_changed = Signal()
    idle = Signal()  # the last running job's thread has finished

    _all_threads: "weakref.WeakSet[_JobThread]" = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None, progress_interval: float = 0.1):
        super().__init__(parent)
        self.progress_interval = progress_interval
        self._running: dict[Job, _JobThread] = {}
        self._current: dict[str, Job] = {}  # the latest task of each kind
        #: the current value of an input key (AppState sets it to its versions); None: no checks
        self.input_source: Callable[[str], Any] | None = None

    def start(self, name: str, fn: JobFunction, *, kind: str = "", ask_before_close: bool = False,
              inputs: dict[str, Any] | None = None) -> Job:
        """Run ``fn(progress, cancel)`` on a new thread and return its :class:`Job` at once.

        A kind in :data:`REPLACING_KINDS` cancels (and silences) the running task of that kind;
        ``inputs`` (``AppState.inputs(...)``) are checked when they change and when the result arrives.
        """
        assert threading.current_thread() is threading.main_thread(), "start jobs from the GUI thread"
        if kind.split(":")[0] in REPLACING_KINDS:
            self.cancel_kind(kind)
        job = Job(name, kind, ask_before_close)
        job.inputs = dict(inputs or {})
        job.check_inputs = self.changed_inputs
        job.dropped.connect(lambda why, j=job: self.note.emit(translate("Jobs", "{job}: result dropped — {why}").format(job=j.name, why=why)))
        if kind:
            self._current[kind] = job
        thread = _JobThread(job, fn, self.progress_interval)
        thread.finished.connect(self._on_thread_finished, Qt.ConnectionType.QueuedConnection)
        self._running[job] = thread
        self._all_threads.add(thread)
        thread.start()
        log.info("job started: %s", name)
        self.job_started.emit(job)
        self.jobs_changed.emit()
        return job

    def cancel_kind(self, kind: str) -> None:
        """Cancel and silence the running task of ``kind`` (a page starts over)."""
        previous = self._current.get(kind)
        if previous is not None and previous.running:
            previous.superseded = True
            previous.cancel()

    def current(self, kind: str) -> Job | None:
        """The latest task of ``kind`` while it runs (neither replaced nor outdated), else None."""
        job = self._current.get(kind)
        return job if job is not None and job.running and not job.silent() else None

    def changed_inputs(self, job: Job) -> list[str]:
        """The input keys of ``job`` whose value changed since it started."""
        if self.input_source is None:
            return []
        return [key for key, value in job.inputs.items() if self.input_source(key) != value]

    def check_inputs(self, what: str = "") -> None:
        """Inputs changed (``what``: in words): stop every running task computed from the old ones."""
        for job in list(self._running):
            if job.running and not job.silent():
                changed = self.changed_inputs(job)
                if changed:
                    job.outdated = changed_text([what] if what else changed)
                    job.cancel()
                    self.note.emit(translate("Jobs", "{job} stopped: {why}").format(job=job.name, why=job.outdated))
        self.jobs_changed.emit()

    def jobs(self) -> list[Job]:
        """Jobs whose thread has not finished yet, oldest first."""
        return list(self._running)

    def busy(self, kind: str | None = None) -> bool:
        return any(kind is None or job.kind == kind for job in self._running)

    def needs_confirmation(self) -> list[Job]:
        """Running jobs the user should be asked about before closing (training)."""
        return [job for job in self._running if job.ask_before_close and job.running]

    def cancel_all(self) -> None:
        for job in self._running:
            job.cancel()

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel every job and wait up to ``timeout`` seconds in total; True when all stopped."""
        self.cancel_all()
        deadline = time.monotonic() + timeout
        stopped = True
        for job, thread in list(self._running.items()):
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            if not thread.wait(QDeadlineTimer(left_ms)):
                log.warning("job %r did not stop within %.0f s", job.name, timeout)
                stopped = False
        return stopped

    @Slot()
    def _on_thread_finished(self) -> None:
        for job, thread in list(self._running.items()):
            # A job whose outcome is still queued for the GUI thread stays referenced until its own
            # "finished" arrives (queued after the outcome), or its signals would be lost.
            if thread.isFinished() and job.status != "running":
                thread.wait()
                thread._fn = None  # what the job function held (pages, models, data), freed on the GUI thread
                del self._running[job]
                log.info("job ended: %s (%s)", job.name, job.status)
                self.job_ended.emit(job)
        self.jobs_changed.emit()
        if not self._running:
            self.idle.emit()

    @classmethod
    def running_threads(cls) -> list[QThread]:
        """Every job thread of this process still running (tests fail on leftovers)."""
        return [t for t in list(cls._all_threads) if t.isRunning()]
