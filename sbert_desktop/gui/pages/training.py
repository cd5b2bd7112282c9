"""Train page: fine-tune a bi- or cross-encoder in the background and watch it learn.

The form builds a ``TrainConfig`` (the paper's defaults, a tooltip on each value); Start runs
``core.training.train`` as a job; progress events feed the progress bar and the live loss and
dev-metric curves; Cancel leaves a checkpoint that Resume continues; a finished run can be made
the active model in one click.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.core_text import failure_detail
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.core.units import format_duration
from sbert_desktop.gui.jobs import Job, JobFailure
from sbert_desktop.gui.pages.training_form import TrainingForm
from sbert_desktop.gui.state import AppState, ModelSpec
from sbert_desktop.gui.widgets.plots import LossPlot, MetricPlot
from sbert_desktop.gui.widgets.runs import RunList, RunRecord, primary_metric


def run_training(config: dict, resume: bool, progress, cancel):
    """Worker thread: build the ``TrainConfig`` here (importing training loads torch) and train."""
    from sbert_desktop.core.training import TrainConfig, train
    return train(TrainConfig.from_dict(config), progress=progress, cancel=cancel, resume=resume)


class TrainingPage(QWidget):
    title = "Train"
    run_ended = Signal(object)  # RunRecord, when a run finishes, is cancelled or fails

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.job: Job | None = None
        self.current: RunRecord | None = None
        self._session_start = 0.0
        self._elapsed_before = 0.0

        self.form = TrainingForm(state)
        self.start_button = QPushButton(translate("Training", "Start"))
        self.start_button.setObjectName("startTraining")
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("Training", "Cancel"))
        self.cancel_button.setToolTip(translate("Training", "Stop at the next step and keep a checkpoint to resume from"))
        self.cancel_button.clicked.connect(self.cancel)
        self.resume_button = QPushButton(translate("Training", "Resume"))
        self.resume_button.setToolTip(translate("Training", "Continue the selected cancelled run from its checkpoint"))
        self.resume_button.clicked.connect(self.resume)
        self.form_error = QLabel()
        self.form_error.setObjectName("trainError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b00020;")
        self.form_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_error.hide()
        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button, self.resume_button):
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.form)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.sizeHint().width() + 24)
        # Start / Cancel / Resume stay in view below the (scrolling) form on small screens
        controls = QWidget()
        controls_layout = QVBoxLayout(controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addWidget(scroll, 1)
        controls_layout.addLayout(buttons)
        controls_layout.addWidget(self.form_error)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("trainProgress")
        self.progress_bar.setFormat("%p%")
        self.progress_label = QLabel(translate("Training", "Not started"))
        self.progress_label.setObjectName("trainProgressLabel")
        self.cue_label = QLabel()
        self.cue_label.setObjectName("trainCue")
        self.cue_label.setWordWrap(True)
        self.cue_label.hide()
        self.loss_plot = LossPlot()
        self.metric_plot = MetricPlot()
        self.log_scale = QCheckBox(translate("Training", "Log scale"))
        self.log_scale.setToolTip(translate("Training", "Show the loss on a logarithmic axis"))
        self.log_scale.toggled.connect(self.loss_plot.set_log_y)
        self.runs = RunList()
        self.runs.setMaximumHeight(130)
        self.runs.overlays_changed.connect(self._refresh_overlays)
        self.runs.run_selected.connect(self._on_run_selected)
        self.result_label = QLabel(translate("Training", "Runs are saved under the app's runs folder."))
        self.result_label.setObjectName("trainResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.make_active_button = QPushButton(translate("Training", "Make active model"))
        self.make_active_button.setObjectName("makeActive")
        self.make_active_button.clicked.connect(self.make_active)
        self.open_folder_button = QPushButton(translate("Training", "Open folder"))
        self.open_folder_button.clicked.connect(self._open_folder)
        self.open_run_button = QPushButton(translate("Training", "Open run…"))
        self.open_run_button.setObjectName("openRun")
        self.open_run_button.setToolTip(translate("Training", "Bring a run folder (trained here or headless elsewhere) into the list, "
                                        "with its history and curves"))
        self.open_run_button.clicked.connect(lambda: self.open_run())
        self.export_button = QPushButton(translate("Training", "Export as command line…"))
        self.export_button.setObjectName("exportCommand")
        self.export_button.setToolTip(translate("Training", "The selected run (or the form) as the exact sbert-desktop train command, "
                                      "and a launch script for a bigger machine (several GPUs, several machines)"))
        self.export_button.clicked.connect(lambda: self.export_command())

        plots = QSplitter(Qt.Orientation.Vertical)
        loss_box = QWidget()
        loss_layout = QVBoxLayout(loss_box)
        loss_layout.setContentsMargins(0, 0, 0, 0)
        loss_layout.addWidget(self.loss_plot, 1)
        legend_row = QHBoxLayout()  # legends under the plots, never over the curves
        legend_row.addWidget(self.loss_plot.legend_label, 1)
        legend_row.addWidget(self.log_scale, 0, Qt.AlignmentFlag.AlignRight)
        loss_layout.addLayout(legend_row)
        plots.addWidget(loss_box)
        metric_box = QWidget()
        metric_layout = QVBoxLayout(metric_box)
        metric_layout.setContentsMargins(0, 0, 0, 0)
        metric_layout.addWidget(self.metric_plot, 1)
        metric_layout.addWidget(self.metric_plot.legend_label)
        plots.addWidget(metric_box)
        runs_box = QGroupBox(translate("Training", "Runs (check to overlay)"))
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.addWidget(self.runs)
        # the run's summary on its own row, the buttons under it: side by side, the four buttons left the
        # summary a narrow column and pushed the window past 1280 px
        runs_layout.addWidget(self.result_label)
        result_row = QHBoxLayout()
        result_row.addStretch(1)
        result_row.addWidget(self.open_folder_button)
        result_row.addWidget(self.open_run_button)
        result_row.addWidget(self.export_button)
        result_row.addWidget(self.make_active_button)
        runs_layout.addLayout(result_row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.progress_bar)
        right_layout.addWidget(self.progress_label)
        right_layout.addWidget(self.cue_label)
        right_layout.addWidget(plots, 1)
        right_layout.addWidget(runs_box)

        splitter = QSplitter()
        splitter.addWidget(controls)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.load_saved_runs()
        self._update_buttons()

    def load_saved_runs(self) -> None:
        """List the runs of earlier sessions: finished ones can be made active, stopped ones resumed."""
        from sbert_desktop.core.paths import runs_dir
        from sbert_desktop.gui.widgets.runs import load_saved_runs

        known = {run.out_dir for run in self.runs.runs}
        for run in load_saved_runs(runs_dir()):
            if run.out_dir not in known:
                self.runs.add_run(run, select=False)

    # -- starting and stopping ---------------------------------------------------------------
    def start(self) -> Job | None:
        """Start a new run from the form; returns its job, or None when the form is incomplete."""
        if self.training:
            return None
        config, problem = self.form.config()
        if problem:
            self._show_error(problem)
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        from sbert_desktop.core.paths import runs_dir

        out_dir = runs_dir() / f"{stamp}-{config['encoder']}-{config['task']}"
        n = 2
        while out_dir.exists():
            out_dir = out_dir.with_name(f"{stamp}-{config['encoder']}-{config['task']}-{n}")
            n += 1
        config["out_dir"] = str(out_dir)
        run = RunRecord(name=out_dir.name, config=config, out_dir=out_dir)
        self.runs.add_run(run)
        return self._launch(run, resume=False)

    def resume(self) -> Job | None:
        run = self.runs.selected_run()
        if self.training or run is None or run.status != "cancelled":
            return None
        return self._launch(run, resume=True)

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.progress_label.setText(self.progress_label.text() + translate("Training", " · stopping after this step…"))
            self.cancel_button.setEnabled(False)

    @property
    def training(self) -> bool:
        return self.job is not None and self.job.running

    def _launch(self, run: RunRecord, resume: bool) -> Job:
        self.form_error.hide()
        run.status = "running"
        self.current = run
        self.runs.refresh(run)
        self._elapsed_before = (getattr(run.result, "train_seconds", 0.0) or 0.0) if resume else 0.0
        self._session_start = time.monotonic()
        self._show_run(run)
        config = dict(run.config)
        title = translate("Training", "Resume {name}") if resume else translate("Training", "Train {name}")
        job = self.state.jobs.start(title.format(name=run.name),
                                    lambda progress, cancel: run_training(config, resume, progress, cancel),
                                    kind="train", ask_before_close=True)
        job.progress.connect(lambda event: self._on_progress(run, event))
        job.succeeded.connect(lambda result: self._on_result(run, result))
        job.failed.connect(lambda failure: self._on_failed(run, failure))
        job.ended.connect(lambda _status: self._on_ended(run))
        self.job = job
        self.progress_label.setText(translate("Training", "Reading the data and loading the model…"))
        self._update_buttons()
        return job

    # -- job events --------------------------------------------------------------------------
    def _on_progress(self, run: RunRecord, event) -> None:
        info = event.info or {}
        run.total_steps = event.total
        new_cut = bool(info.get("cut")) and not run.cut
        if new_cut:  # said from the first event on (run_setup._cut_info)
            run.cut = {key: info.get(key) for key in ("cut", "max_seq_length", "limit")}
        if info.get("data_notes") and not run.data_notes:
            run.data_notes = [str(note) for note in info["data_notes"]]
            new_cut = True
        if event.stage == "train" and info.get("loss") is not None:
            run.add_loss(event.done, info["loss"])
            if run is self.current:
                self.loss_plot.append(event.done, info["loss"])
        dev = info.get("dev")
        if isinstance(dev, dict) and dev:
            name = info.get("metric") if isinstance(info.get("metric"), str) else None
            if name in dev:
                metric = (name, float(dev[name]))
            else:
                metric = primary_metric(dev)
            if metric is not None:
                run.add_metric(event.done, *metric)
                if event.stage == "baseline":
                    run.baseline = metric[1]  # the untrained model's figure: the curve starts there
                if run is self.current:
                    self.metric_plot.set_metric_name(f"dev {metric[0]}")
                    self.metric_plot.append(event.done, metric[1])
                self.runs.refresh(run)
        if run is not self.current:
            return
        self.progress_bar.setMaximum(max(1, event.total))
        self.progress_bar.setValue(min(event.done, event.total))
        elapsed = self._elapsed_before + (time.monotonic() - self._session_start)
        epoch = info.get("epoch")
        epochs = info.get("epochs")
        parts = [translate("Training", "step {done} / {total}").format(done=number(event.done), total=number(event.total))]
        if epoch is not None:
            parts.append(translate("Training", "epoch {epoch}").format(epoch=epoch) + (f" / {epochs}" if epochs else ""))
        parts.append(translate("Training", "elapsed {time}").format(time=format_duration(elapsed, '–')))
        if event.stage == "eval":
            parts.append(translate("Training", "evaluated on dev"))
        elif event.stage == "baseline":
            parts.append(translate("Training", "evaluated the untrained model on dev"))
        else:
            parts.append(translate("Training", "ETA {time}").format(time=format_duration(info.get('eta', event.eta), '–')))
        self.progress_label.setText(" · ".join(parts))
        if event.stage != "train" or event.done % 10 == 0 or new_cut:
            self._show_cues(run)

    def _show_cues(self, run: RunRecord) -> None:
        """The quality rule on the Train page: the loss stuck at chance, the dev figure against
        the untrained model's and chance (docs/GUI.md)."""
        from sbert_desktop.gui.widgets.training_cues import cut_cue, dev_cue, loss_at_chance

        c = run.config
        texts, warn = [], False
        stuck = loss_at_chance(str(c.get("task")), str(c.get("encoder")), c.get("loss"), run.loss_steps, run.losses,
                               run.total_steps)
        if stuck:
            texts.append(stuck)
            warn = True
        cue = dev_cue(run.metric_name, [v for s, v in zip(run.metric_steps, run.metrics) if s > 0], run.baseline)
        if cue is not None:
            texts.append(cue[0])
            warn = warn or cue[1]
        if run.cut:
            texts.append(cut_cue(run.cut, str(c.get("encoder"))))
            warn = True
        if run.data_notes:
            texts.append(translate("Training", "Reading the data: {notes}.").format(notes="; ".join(run.data_notes)))
            warn = True
        self.cue_label.setText(" ".join(texts))
        self.cue_label.setStyleSheet("color: #b00020;" if warn else "color: #1a7f37;")
        self.cue_label.setVisible(bool(texts))

    def _on_result(self, run: RunRecord, result) -> None:
        run.result = result
        run.status = getattr(result, "status", "finished")
        if run.status == "finished":
            self.progress_bar.setValue(self.progress_bar.maximum())

    def _on_failed(self, run: RunRecord, failure: JobFailure) -> None:
        run.status = "failed"
        if failure.expected:
            self._show_error(translate("Training", "Training failed: {message}").format(message=failure_detail(failure)))
        else:
            from sbert_desktop.gui.errors import show_failure

            show_failure(self, failure, translate("Training", "Training failed"))

    def _on_ended(self, run: RunRecord) -> None:
        if self.job is not None and not self.job.running:
            if run.status == "running":  # the job was cancelled before train() returned
                run.status = "cancelled" if (run.out_dir / "checkpoint").exists() else "stopped"
            self.runs.refresh(run)
            texts = {"finished": translate("Training", "Finished"),
                     "cancelled": translate("Training", "Cancelled — Resume continues from the checkpoint"),
                     "failed": translate("Training", "Failed"),
                     "stopped": translate("Training", "Stopped before the first checkpoint")}
            self.progress_label.setText(f"{texts.get(run.status, run.status)} · {self.progress_label.text()}"
                                        if run.status != "failed" else texts["failed"])
            self._on_run_selected(self.runs.selected_run())
            self._update_buttons()
            self.run_ended.emit(run)

    def _show_error(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.show()

    # -- runs, curves and the result ----------------------------------------------------------
    def _show_run(self, run: RunRecord) -> None:
        self.loss_plot.set_points(run.loss_steps, run.losses)
        self.metric_plot.set_points(run.metric_steps, run.metrics)
        self.metric_plot.set_metric_name(f"dev {run.metric_name}" if run.metric_name else translate("Training", "dev metric"))
        self._refresh_overlays()
        self._show_cues(run)

    def _refresh_overlays(self) -> None:
        others = [r for r in self.runs.checked_runs() if r is not self.current]
        self.loss_plot.set_overlays([(r.display_name(), r.loss_steps, r.losses) for r in others])
        self.metric_plot.set_overlays([(f"{r.display_name()} · {r.metric_name}", r.metric_steps, r.metrics)
                                       for r in others if r.metrics])
        current = self.current.metric_name if self.current is not None else ""
        self.metric_plot.set_metric_name(f"dev {current}" if current else translate("Training", "dev metric"),
                                         [f"dev {r.metric_name}" for r in others if r.metrics])

    def _on_run_selected(self, run: RunRecord | None) -> None:
        if run is not None and not self.training and run is not self.current:
            self.current = run
            self._show_run(run)
        if run is None:
            self.result_label.setText(translate("Training", "Runs are saved under the app's runs folder."))
        elif run.status == "finished" and run.model_dir is not None:
            best = getattr(run.result, "best_metric", None)
            extra = (translate("Training", " (best dev {metric} {value})").format(metric=run.result.metric_name, value=number(best, 4))
                     if best is not None else "")
            self.result_label.setText(translate("Training", "Saved to {path}").format(path=run.model_dir) + extra)
        elif run.status == "cancelled":
            self.result_label.setText(translate("Training", "Cancelled; checkpoint in {path}").format(path=run.out_dir))
        else:
            self.result_label.setText(f"{texts_of_status(run.status)}: {run.out_dir}")
        if run is not None:  # what the run was: its settings under where it is
            self.result_label.setText(f"<b>{_escape(run.display_name())}</b>: {_escape(run.settings_text())}<br>"
                                      f"{_escape(self.result_label.text())}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        run = self.runs.selected_run()
        busy = self.training
        self.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy and not self.job.token.cancelled)
        self.resume_button.setEnabled(not busy and run is not None and run.status == "cancelled")
        finished = run is not None and run.status == "finished" and run.model_dir is not None
        self.make_active_button.setEnabled(not busy and finished)
        self.open_folder_button.setEnabled(run is not None and run.out_dir.exists())

    def make_active(self) -> Job | None:
        """Load the selected finished run's model and make it the active one."""
        run = self.runs.selected_run()
        if run is None or run.model_dir is None:
            return None
        from sbert_desktop.gui.pages.model import load_model

        spec = ModelSpec(encoder=run.config["encoder"], source=str(run.model_dir), device=run.config.get("device", "auto"))
        job = self.state.jobs.start(translate("Training", "Load {name}").format(name=run.name), lambda progress, cancel: load_model(spec), kind="model")
        job.succeeded.connect(lambda out: self._on_made_active(spec, *out))
        job.failed.connect(lambda failure: self._show_error(translate("Training", "Could not load the trained model: {message}").format(message=failure.message)))
        self.make_active_button.setEnabled(False)
        job.ended.connect(lambda _status: self._update_buttons())
        return job

    def _on_made_active(self, spec: ModelSpec, model, _info: dict, devices: list[str]) -> None:
        self.state.set_devices(devices)
        self.state.set_model(model, spec)
        self.result_label.setText(translate("Training", "Active model: {model}").format(model=spec.source))

    def open_run(self, folder: str | None = None):
        """Add a run folder to the list (asks for it when ``folder`` is None) and show its curves."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from sbert_desktop.gui.widgets.runs import load_saved_run

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, translate("Training", "Open a training run folder"))
        if not folder:
            return None
        known = {r.out_dir: r for r in self.runs.runs}
        run = known.get(Path(folder)) or load_saved_run(Path(folder))
        if run is None:
            self._show_error(translate("Training", "{folder}: not a training run folder (no train_config.json)").format(folder=folder))
            return None
        if run.out_dir not in known:
            self.runs.add_run(run)
        else:
            self.runs.setCurrentRow(self.runs.runs.index(run))
        self.form_error.hide()
        self._on_run_selected(run)
        return run

    def export_command(self):
        """Show the selected run's (else the form's) configuration as a command and a launch script."""
        from sbert_desktop.gui.widgets.command_dialog import CommandDialog

        run = self.runs.selected_run()
        if run is not None:
            config = dict(run.config)
        else:
            config, problem = self.form.config()
            if problem:
                self._show_error(problem)
                return None
            from sbert_desktop.core.paths import runs_dir

            config.setdefault("out_dir", str(runs_dir() / f"{config['encoder']}-{config['task']}-headless"))
        dialog = CommandDialog(config, self)
        dialog.show()
        self.command_dialog = dialog
        return dialog

    def _open_folder(self) -> None:
        run = self.runs.selected_run()
        if run is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(run.out_dir)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def texts_of_status(status: str) -> str:
    """A run's status as shown ("Failed", "Stopped", "Running")."""
    names = {"running": QT_TRANSLATE_NOOP("Training", "Running"), "failed": QT_TRANSLATE_NOOP("Training", "Failed"),
             "stopped": QT_TRANSLATE_NOOP("Training", "Stopped"), "finished": QT_TRANSLATE_NOOP("Training", "Finished"),
             "cancelled": QT_TRANSLATE_NOOP("Training", "Cancelled")}
    return translate("Training", names[status]) if status in names else status.capitalize()


if __name__ == "__main__":
    from sbert_desktop.gui.pages.standalone import launch

    sys.exit(launch(TrainingPage))
