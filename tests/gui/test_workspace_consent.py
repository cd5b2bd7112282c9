"""A workspace naming a hub model that is not on this computer: File → Open Workspace asks before
anything is downloaded, and No opens the workspace without that model."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sbert_desktop.core.workspace import Workspace, save_workspace


def test_hub_model_in_a_workspace_is_asked_for_and_no_skips_it(qtbot, window, monkeypatch, tmp_path, wait_job):
    ws = Workspace(sentences=["a", "b"], embeddings=np.ones((2, 4), dtype=np.float32))
    ws.models = {"active": "bi", "bi": {"source": "stranger/tiny-model", "pooling": "mean"}}
    path = save_workspace(tmp_path / "w.sbert", ws)
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, title, *a: asked.append(title) or QMessageBox.StandardButton.No)
    with qtbot.waitSignal(window.workspace.restored, timeout=60_000) as restored:
        window.open_workspace_action.trigger()
    report = restored.args[0]
    assert asked == ["Download models?"]
    assert report.jobs == [] and "not downloaded: stranger/tiny-model" in report.notes
    assert len(window.state.embeddings.sentences) == 2
    for job in list(window.state.jobs.jobs()):
        wait_job(job)
