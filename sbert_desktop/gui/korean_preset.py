"""The Train page's Korean preset: a dialog that shows the plan and its estimated time on this
machine, then runs distillation on the English-Korean parallel set and KorSTS fine-tuning as one
background job (progress and Cancel in the status bar's job list; a cancelled preset resumes
where it stopped when started again on the same folder).

The work itself is :mod:`sbert_desktop.core.training.korean_preset`.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.core.units import format_duration
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState


def about(seconds: float) -> str:
    """``5400 -> "about 1 h 30 min"``, ``200 -> "about 3 min"``."""
    minutes = max(1, round(seconds / 60))
    if minutes >= 60:
        return translate("KoreanPreset", "about {h} h {m} min").format(h=minutes // 60, m=minutes % 60)
    return translate("KoreanPreset", "about {m} min").format(m=minutes)


class KoreanPresetLauncher:
    """Builds the plan, asks with the estimate, starts the job. ``dialog`` is the open question
    (tests click its buttons); ``job`` the running preset."""

    def __init__(self, state: AppState, parent: QWidget):
        self.state = state
        self.parent = parent
        self.dialog: QMessageBox | None = None
        self.job: Job | None = None
        self.preset = None

    def source_model(self) -> str:
        spec = self.state.bi_spec
        return spec.source if spec is not None else "default"

    def ask(self) -> QMessageBox:
        """Open the question (non-blocking); Start launches the job."""
        from sbert_desktop.core.errors import SbertDesktopError
        from sbert_desktop.core.paths import runs_dir
        from sbert_desktop.core.training.korean_preset import estimate_seconds, plan

        out = runs_dir() / f"{time.strftime('%Y%m%d-%H%M%S')}-korean-preset"
        box = QMessageBox(self.parent)
        box.setObjectName("koreanPresetDialog")
        box.setWindowTitle(translate("KoreanPreset", "Korean preset"))
        try:
            self.preset = plan(out, model=self.source_model())
        except SbertDesktopError as exc:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(str(exc))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            self.dialog = box
            box.open()
            return box
        est = estimate_seconds(self.preset)
        p = self.preset.pairs
        model = Path(self.preset.distill.model).name if self.preset.distill.model != "default" else "all-MiniLM-L6-v2"
        box.setText(translate(
            "KoreanPreset", "Make {model} Korean-capable in two runs:<br>"
            "1. distillation on {pairs} English–Korean sentence pairs ({distill_steps} steps), the model as its own "
            "teacher;<br>2. KorSTS fine-tuning on {korsts} pairs ({korsts_steps} steps).<br><br>"
            "<b>Estimated time on two CPU cores: {total}</b> ({distill_time} + {korsts_time}); "
            "faster with more cores or a GPU.").format(
                model=model, pairs=number(p['parallel_train']), distill_steps=number(int(est['distill_steps'])),
                korsts=number(p['korsts_train']), korsts_steps=number(int(est['korsts_steps'])),
                total=about(est['total']), distill_time=format_duration(est['distill']),
                korsts_time=format_duration(est['korsts'])))
        box.setInformativeText(translate("KoreanPreset", "Results in {path}. Cancel from the job list; starting the preset "
                                         "again continues a cancelled stage.").format(path=out))
        self.start_button = box.addButton(translate("KoreanPreset", "Start"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.start() if button is self.start_button else None)
        self.dialog = box
        box.open()
        return box

    def start(self) -> Job | None:
        from sbert_desktop.core.training.korean_preset import run_preset

        if self.preset is None or (self.job is not None and self.job.running):
            return self.job
        preset = self.preset
        job = self.state.jobs.start(translate("KoreanPreset", "Korean preset"), lambda progress, cancel: run_preset(preset, progress, cancel),
                                    kind="train", ask_before_close=True)
        self.job = job
        return job
