"""Train page: Open run… brings a run folder trained elsewhere (headless) back with its curves, and
Export as command line… gives the exact command and a launch script for a bigger machine."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from sbert_desktop.core.training import TrainConfig
from sbert_desktop.core.training.command_line import command_line, launch_script


def _headless_run(folder):
    """What ``sbert-desktop train`` leaves in its folder: the configuration and history.csv."""
    folder.mkdir()
    cfg = TrainConfig(encoder="bi", task="sts", loss="cosent", train_file="/data/train.tsv", dev_file="/data/dev.tsv",
                      out_dir=str(folder), batch_size=64, eval_steps=100, device="cuda")
    (folder / "train_config.json").write_text(cfg.to_json(), encoding="utf-8")
    (folder / "history.csv").write_text(
        "step,epoch,train_loss,lr,train_seconds,pearson,spearman\n"
        "100,0.5,2.1,1e-5,10,0.70,0.71\n200,1.0,1.7,5e-6,20,0.78,0.79\n300,1.0,1.5,0,30,0.80,0.82\n",
        encoding="utf-8")
    return cfg


def test_open_run_shows_its_curves_and_export_gives_its_command(qtbot, window, tmp_path, monkeypatch):
    window.show_page("Train")
    page = window.page("Train")
    folder = tmp_path / "gpu-run"
    cfg = _headless_run(folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    qtbot.mouseClick(page.open_run_button, Qt.MouseButton.LeftButton)
    run = page.runs.selected_run()
    assert run is not None and run.out_dir == folder
    assert page.metric_plot.point_count() == 3 and page.loss_plot.point_count() == 3
    assert run.metric_name == "spearman" and run.metrics[-1] == 0.82

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.command_dialog
    qtbot.waitExposed(dialog)
    assert dialog.text.toPlainText() == command_line(cfg)
    dialog.nproc.setFocus()
    dialog.nproc.selectAll()
    qtbot.keyClicks(dialog.nproc, "4")
    assert dialog.text.toPlainText() == command_line(cfg, 4)
    assert dialog.text.toPlainText().endswith("--nproc 4")
    script = tmp_path / "train.sh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(script), "")))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert script.read_text(encoding="utf-8") == launch_script(cfg)
    dialog.close()


def test_open_run_refuses_a_folder_that_is_no_run(qtbot, window, tmp_path, monkeypatch):
    window.show_page("Train")
    page = window.page("Train")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    qtbot.mouseClick(page.open_run_button, Qt.MouseButton.LeftButton)
    assert page.runs.selected_run() is None
    assert "not a training run folder" in page.form_error.text() and page.form_error.isVisible()
