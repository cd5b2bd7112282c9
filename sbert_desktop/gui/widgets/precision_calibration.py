"""What the loaded model's precision choice costs and buys, measured here the first time it is chosen.

Shown under the Model page's Precision combo: for an int8 / ONNX Runtime model, a background job
runs the chosen engine and the exact fp32 path on a few hundred sentences (the open data, else the
example set) and shows the speed ratio and the agreement with fp32 (core/models/calibration.py).
The result is kept per model fingerprint, so it is measured once.
"""

from __future__ import annotations

from sbert_desktop.gui.i18n import number, translate
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget


def calibration_texts(state: Any) -> list[str]:
    """A few hundred sentences: the open data set's, else the bundled example's (worker thread)."""
    from sbert_desktop.core.models.calibration import CALIBRATION_SENTENCES

    data = getattr(state, "data", None)
    content = getattr(data, "content", None)
    texts: list[str] = []
    if content is not None:
        texts = list(getattr(content, "sentences", None) or [])
        if not texts and getattr(content, "sentence1", None):
            texts = [t for pair in zip(content.sentence1, content.sentence2) for t in pair]
    if len(texts) < CALIBRATION_SENTENCES:
        from sbert_desktop.core.data import read_sentences
        from sbert_desktop.core.example import example_files

        texts += read_sentences(example_files().sentences).sentences
    return texts[:CALIBRATION_SENTENCES]


class PrecisionCalibration(QLabel):
    """One line: the measured speed-up and agreement of the active model's precision/backend."""

    def __init__(self, state: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.job = None
        self.setObjectName("precisionCalibration")
        self.setWordWrap(True)
        self.setStyleSheet("color: #444;")
        self.hide()

    def measure(self, model: Any) -> None:
        """Show the calibration of ``model``'s choice, measuring it in the background if new."""
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = None
        if getattr(model, "backend", "torch") == "torch":
            self.hide()
            return
        from sbert_desktop.core.models.calibration import cached_calibration

        known = cached_calibration(model)
        if known is not None:
            self.setText(describe(known))
            self.show()
            return
        self.setText(translate("PrecisionCalibration", "Measuring {precision} on {backend} against fp32 on this machine…").format(
            precision=model.precision, backend=model.backend))
        self.show()
        state = self.state

        def work(progress, cancel):
            from sbert_desktop.core.models.calibration import calibrate

            return calibrate(model, calibration_texts(state), progress=progress, cancel=cancel)

        job = self.state.jobs.start(translate("PrecisionCalibration", "Measure {precision} against fp32").format(
            precision=model.precision), work, kind="calibrate")
        job.succeeded.connect(lambda result: self._show(job, result))
        job.failed.connect(lambda failure: self._failed(job, failure))
        self.job = job

    def _show(self, job, result: dict) -> None:
        if job is not self.job:
            return
        self.setText(describe(result))

    def _failed(self, job, failure) -> None:
        if job is self.job:
            self.setText(translate("PrecisionCalibration", "Could not measure the precision choice: {message}").format(
                message=failure.message))


def describe(result: dict) -> str:
    """core.models.calibration.describe's line in the window's language."""
    what = translate("PrecisionCalibration", "{precision} on {backend}: {speedup}× the speed of fp32").format(
        precision=result["precision"], backend=result["backend"], speedup=number(result["speedup"], 2))
    if "mean_cosine" in result:
        agree = translate("PrecisionCalibration", "mean cosine to fp32 {mean} (lowest {low})").format(
            mean=number(result["mean_cosine"], 4), low=number(result["min_cosine"], 4))
        measured = translate("PrecisionCalibration", "measured on {n} sentences here")
    else:
        agree = translate("PrecisionCalibration", "scores differ from fp32 by {diff} on average").format(
            diff=number(result["mean_abs_diff"], 4))
        measured = translate("PrecisionCalibration", "measured on {n} pairs here")
    return f"{what}, {agree}; " + measured.format(n=result["items"])
