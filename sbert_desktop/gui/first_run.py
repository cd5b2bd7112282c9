"""First start: open the bundled example so a newcomer sees what the tool is for within a minute.

:func:`open_example` (also *Help → Open example*) drives the pages through their normal paths,
one background job after another, each with its progress in the status bar:

1. the Data page opens ``resources/example/sentences.csv`` (text column ``text``);
2. it waits for the bi-encoder that ``start_up`` is loading (or loads the bundled one);
3. the Data page encodes the 415 sentences (shared embeddings in ``AppState``);
4. the Clusters page clusters them with its current settings (HDBSCAN, UMAP first);
5. the Map page projects them, and the window shows the Map.

The Train page gets the example's STS pairs (bi-encoder, cosine loss) right away, so *Start*
trains at once. Steps run one after another, never side by side (two UMAPs at once would share
numba's thread pool). A step that is cancelled (*Jobs → Cancel all jobs*, a page's Cancel) or fails
stops the walk; failures reach the usual error dialog.

First start means the settings have no ``first_run_done``; ``run_app(first_run=None)`` then opens
the example unless a file was given on the command line or ``SBERT_DESKTOP_FIRST_RUN=0`` (the GUI
tests set it) says not to.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, Signal

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.jobs import Job, JobFailure
from sbert_desktop.gui.state import ModelSpec

log = logging.getLogger(__name__)

DONE_KEY = "first_run_done"
EXPECTED_ONLY = "expected-only"
ENV_VAR = "SBERT_DESKTOP_FIRST_RUN"


def first_run_done(settings) -> bool:
    return settings.value(DONE_KEY) is not None


def _env_off() -> bool:
    return os.environ.get(ENV_VAR, "").strip().lower() in ("0", "false", "no", "off")


def should_open_example(settings, file: str | None = None, first_run: bool | None = None) -> bool:
    """``first_run``: True/False forces it; None ("auto") opens the example on the first start
    without a file to open, unless ``SBERT_DESKTOP_FIRST_RUN=0``."""
    if first_run is not None:
        return bool(first_run)
    return not file and not _env_off() and not first_run_done(settings)


def guide_enabled(first_run: bool | None) -> bool:
    """Whether the guide may show at start: not where ``SBERT_DESKTOP_FIRST_RUN=0`` turned the
    first-run behaviour off, unless the caller asked for the first run."""
    return first_run is True or not _env_off()


def start(window, file: str | None = None, first_run: bool | None = None) -> "ExampleRun | None":
    """What ``run_app`` calls after ``start_up``: the guide unless dismissed, the example on first start."""
    from sbert_desktop.gui.guide import show_guide_unless_dismissed

    settings = window.state.settings
    run = None
    if should_open_example(settings, file, first_run):
        run = open_example(window)
    if guide_enabled(first_run):
        show_guide_unless_dismissed(window)
    return run


def open_example(window) -> "ExampleRun":
    """Open the example on every page (see the module docstring); returns the running walk."""
    previous = window.findChild(ExampleRun, "exampleRun")
    if previous is not None:
        previous.cancel()
        previous.setObjectName("")
    window.state.settings.set_value(DONE_KEY, True)
    window.state.settings.sync()
    run = ExampleRun(window)
    run.start()
    return run


class ExampleRun(QObject):
    """One walk through the example; a child of the window (``findChild(ExampleRun, "exampleRun")``)."""

    step_changed = Signal(str)  # "data" | "model" | "encode" | "cluster" | "project"
    finished = Signal(str)  # "done" | "cancelled" | "failed"

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("exampleRun")
        self.window = window
        self.state = window.state
        self.step = ""
        self.status = "running"
        self.job: Job | None = None
        self.files = None
        self.text = ""
        self.messages: list[str] = []  # every status line shown, progress included (tests read it)

    # -- the walk ------------------------------------------------------------------------------
    def start(self) -> None:
        from sbert_desktop.core.example import example_files
        from sbert_desktop.core.errors import SbertDesktopError

        try:
            self.files = example_files()
        except SbertDesktopError as exc:
            self._fail_message(str(exc))
            return
        self.preselect_training()
        self._open_data()

    def preselect_training(self) -> None:
        """Train page: bi-encoder, STS, cosine loss, the example's train and dev pairs."""
        page = self.window.page("Train")
        if page is None or page.training:
            return
        form = page.form
        form.encoder.setCurrentIndex(max(0, form.encoder.findData("bi")))
        form.task.setCurrentIndex(max(0, form.task.findData("sts")))
        form.loss.setCurrentIndex(max(0, form.loss.findData("cosine")))
        form.train_file.set_path(str(self.files.sts_train))
        form.dev_file.set_path(str(self.files.sts_dev))

    def _open_data(self) -> None:
        page = self.window.page("Data")
        if page is None:
            return self._fail_message(translate("FirstRun", "the Data page is missing"))
        self._set_step("data", translate("FirstRun", "opening {name}").format(name=self.files.sentences.name))
        auto = page.kind.findData("auto")
        if page.kind.currentIndex() != auto:
            page.kind.blockSignals(True)
            page.kind.setCurrentIndex(auto)
            page.kind.blockSignals(False)
        self._follow(page.open_path(str(self.files.sentences)), self._wait_model)

    def _wait_model(self) -> None:
        if self.state.bi_encoder is not None:
            return self._encode()
        self._set_step("model", translate("FirstRun", "waiting for the model"))
        loading = [job for job in self.state.jobs.jobs() if job.kind == "model" and job.running]
        if loading:
            return self._follow(loading[-1], self._after_model_job, dialog=EXPECTED_ONLY)
        page = self.window.page("Model")
        if page is None:
            return self._fail_message(translate("FirstRun", "load a bi-encoder on the Model page first"))
        spec = ModelSpec()
        page.set_spec(spec)
        self._follow(page.load(spec), self._after_model_job, dialog=EXPECTED_ONLY)

    def _after_model_job(self) -> None:
        if self.state.bi_encoder is None and not any(j.kind == "model" and j.running for j in self.state.jobs.jobs()):
            page = self.window.page("Model")
            if page is None:
                return self._fail_message(translate("FirstRun", "no bi-encoder is loaded"))
            spec = ModelSpec()  # a cross-encoder was loaded: the example needs the bundled bi-encoder
            page.set_spec(spec)
            return self._follow(page.load(spec), self._after_model_job, dialog=EXPECTED_ONLY)
        self._wait_model()

    def _example_open(self) -> bool:
        data = self.state.data
        return data is not None and data.path.resolve() == self.files.sentences.resolve()

    def _encode(self) -> None:
        page = self.window.page("Data")
        data = self.state.data
        if not self._example_open():
            return self._stop("cancelled", translate("FirstRun", "another file was opened"))
        self._set_step("encode", translate("FirstRun", "encoding {n} sentences").format(n=number(len(data.content.sentences))))
        job = page.encode()
        if job is None:
            return self._fail_message(translate("FirstRun", "nothing to encode"))
        self._follow(job, self._cluster, dialog=translate("FirstRun", "Example: encoding failed"))

    def _cluster(self) -> None:
        page = self.window.page("Clusters")
        if self.state.embeddings is None or not self._example_open():
            return self._stop("cancelled", translate("FirstRun", "another file was opened"))
        if page is None:
            return self._project()
        self._set_step("cluster", translate("FirstRun", "clustering"))
        job = page.run()
        if job is None:
            return self._fail_message(translate("FirstRun", "nothing to cluster"))
        self._follow(job, self._project, dialog=EXPECTED_ONLY)

    def _project(self) -> None:
        page = self.window.page("Map")
        if page is None:
            return self._stop("done")
        self._set_step("project", translate("FirstRun", "drawing the map"))
        job = page.project()  # before showing the page, so its own show-time projection is not started
        self.window.show_page("Map")
        if job is None:  # this projection was cached
            return self._stop("done")
        self._follow(job, lambda: self._stop("done"), dialog=translate("FirstRun", "Example: the map could not be drawn"))

    # -- plumbing ------------------------------------------------------------------------------
    def _follow(self, job: Job, then, dialog: str | None = None) -> None:
        """Run ``then`` when ``job`` succeeds; stop the walk when it is cancelled or fails. On a
        failure, ``dialog`` is the error dialog's title (``EXPECTED_ONLY``: the page shows a dialog
        for bugs itself and only its inline message for expected errors, off screen here)."""
        self.job = job
        job.progress.connect(lambda event: self._on_progress(job, event))
        job.ended.connect(lambda status: self._on_ended(job, status, then, dialog))

    STEPS = ("data", "model", "encode", "cluster", "project")

    def _show(self, text: str) -> None:
        self.window.statusBar().showMessage(text)
        self.messages.append(text)

    def _on_progress(self, job: Job, event) -> None:
        """Every long stage says how far it is (the status bar's bar shows it too)."""
        if job is not self.job or self.status != "running":
            return
        done, total = getattr(event, "done", 0), getattr(event, "total", 0)
        if total and total > 0:
            self._show(f"{self._prefix()}{self.text}… {number(min(done, total))} / {number(total)} ({min(done, total) / total:.0%})")

    def _prefix(self) -> str:
        n = self.STEPS.index(self.step) + 1 if self.step in self.STEPS else 0
        return (translate("FirstRun", "Example, step {n} of {total}: ").format(n=n, total=len(self.STEPS)) if n
                else translate("FirstRun", "Example: "))

    def _on_ended(self, job: Job, status: str, then, dialog: str | None) -> None:
        if job is not self.job or self.status != "running":
            return
        self.job = None
        if status == "succeeded":
            then()
        elif status == "cancelled":
            self._stop("cancelled")
        else:
            failure: JobFailure | None = job.failure
            if dialog and failure is not None and (dialog != EXPECTED_ONLY or failure.expected):
                from sbert_desktop.gui.errors import show_failure

                show_failure(self.window, failure, None if dialog == EXPECTED_ONLY else dialog)
            self._stop("failed", failure.message if failure is not None else "")

    def _set_step(self, step: str, text: str) -> None:
        self.step = step
        self.text = text
        self._show(f"{self._prefix()}{text}…")
        log.info("example: %s", text)
        self.step_changed.emit(step)

    def _fail_message(self, message: str) -> None:
        from sbert_desktop.gui.errors import error_dialog

        error_dialog(self.window, translate("FirstRun", "Could not open the example"), message)
        self._stop("failed", message)

    def _stop(self, status: str, reason: str = "") -> None:
        if self.status != "running":
            return
        self.status = status
        bar = self.window.statusBar()
        if status == "done":
            view = getattr(self.window.page("Clusters"), "exploration", None)
            clusters = view.clusters if view is not None else None
            n = len(self.state.embeddings.sentences) if self.state.embeddings is not None else 0
            text = (translate("FirstRun", "Example ready: {n} sentences in {k} clusters. The Train page has its STS pairs: "
                              "press Start.") if clusters is not None
                    else translate("FirstRun", "Example ready: {n} sentences. The Train page has its STS pairs: press Start."))
            bar.showMessage(text.format(n=number(n), k=clusters.result.n_clusters if clusters is not None else 0), 20_000)
        elif status == "cancelled":
            bar.showMessage((translate("FirstRun", "Example stopped: {reason}. Help → Open example starts it again.") if reason
                             else translate("FirstRun", "Example stopped. Help → Open example starts it again.")).format(reason=reason),
                            10_000)
        else:
            bar.showMessage((translate("FirstRun", "Example failed: {reason}") if reason
                             else translate("FirstRun", "Example failed")).format(reason=reason), 10_000)
        log.info("example %s %s", status, reason)
        self.finished.emit(status)

    def cancel(self) -> None:
        """Stop the walk and cancel its current job."""
        job = self.job
        self._stop("cancelled")
        if job is not None:
            job.cancel()

    @property
    def running(self) -> bool:
        return self.status == "running"
