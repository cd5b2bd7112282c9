"""Model page Precision (issue #14): int8 chosen with the keyboard, loaded through ONNX Runtime,
its speed and agreement with fp32 measured once in the background and shown under the combo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sbert_desktop.gui.pages.model import ModelPage
from sbert_desktop.gui.state import ModelSpec

pytest.importorskip("onnxruntime")


def test_int8_choice_loads_calibrates_and_round_trips(qtbot, state, tiny_bi_encoder_dir, wait_job):
    page = ModelPage(state)
    qtbot.addWidget(page)
    page.source.setCurrentIndex(page.source.findData("folder"))
    page.location.setText(str(tiny_bi_encoder_dir))
    assert page.precision.currentData() == ("fp32", None) and page.calibration.isHidden()
    page.precision.setFocus()
    qtbot.keyClick(page.precision, Qt.Key.Key_End)  # the last choice: int8 (ONNX Runtime)
    assert page.precision.currentData() == ("int8", "onnx")
    with qtbot.waitSignal(state.bi_encoder_changed, timeout=120_000):
        qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    wait_job(page.job)
    model = state.bi_encoder
    assert (model.precision, model.backend) == ("int8", "onnx")
    assert state.bi_spec.precision == "int8" and state.bi_spec.to_dict()["backend"] == "onnx"  # workspaces
    assert wait_job(page.calibration.job) == "succeeded"
    text = page.calibration.text()
    assert not page.calibration.isHidden() and "int8 on onnx" in text and "mean cosine to fp32" in text
    # measured once: the same model again shows the kept figures without a new job
    page.calibration.measure(model)
    assert page.calibration.job is None and page.calibration.text() == text
    # a workspace/settings spec restores the choice on the page
    page.set_spec(ModelSpec(source=str(tiny_bi_encoder_dir)))
    assert page.precision.currentData() == ("fp32", None)
    page.set_spec(ModelSpec.from_dict({**state.bi_spec.to_dict()}))
    assert page.precision.currentData() == ("int8", "onnx")
