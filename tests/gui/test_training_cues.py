"""Issue #12, items 3 and 6: dev curves start at the untrained model's figure, an NLI loss stuck at
ln 3 is flagged, a one-point curve gets a sane axis, and the run overlay is legible (legend under
the plot, each metric named on the axis, runs named by what they trained, settings on selection)."""

from __future__ import annotations

import json
import math
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbert_desktop.gui.widgets.plots import MetricPlot
from sbert_desktop.gui.widgets.runs import RunRecord, load_saved_run
from sbert_desktop.gui.widgets.training_cues import loss_at_chance


def _click_run(page, run) -> None:
    row = page.runs.runs.index(run)
    rect = page.runs.visualItemRect(page.runs.item(row))
    QTest.mouseClick(page.runs.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def test_train_records_the_untrained_figure_at_step_0(tiny_bi_encoder_dir, sts_tsv, tmp_path):
    from sbert_desktop.core.training import TrainConfig, train

    events = []
    out = tmp_path / "run"
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(sts_tsv),
                      dev_file=str(sts_tsv), out_dir=str(out), epochs=1, batch_size=16, max_seq_length=32,
                      device="cpu")
    result = train(cfg, progress=events.append)
    first = [e for e in events if e.stage != "train"][0]
    assert first.stage == "baseline" and first.done == 0 and "spearman" in first.info["dev"]
    best = json.loads((out / "best.json").read_text())
    assert math.isclose(best["baseline"]["spearman"], first.info["dev"]["spearman"])
    # a run folder read back draws its dev curve from step 0
    run = load_saved_run(Path(result.out_dir))
    assert run.metric_steps[0] == 0 and math.isclose(run.metrics[0], best["baseline"]["spearman"])
    assert run.baseline is not None and "untrained" in run.settings_text()


def test_nli_loss_at_ln3_is_flagged():
    steps = list(range(1, 101))
    flat = [math.log(3) + 0.005 * ((-1) ** i) for i in steps]
    assert "ln 3" in loss_at_chance("nli", "bi", "softmax", steps, flat, 100)
    learning = [1.1 * math.exp(-i / 30) for i in steps]
    assert loss_at_chance("nli", "bi", "softmax", steps, learning, 100) is None
    assert loss_at_chance("sts", "bi", "cosine", steps, flat, 100) is None
    assert loss_at_chance("nli", "bi", "softmax", steps[:10], flat[:10], 100) is None  # too early to say


def test_one_point_curve_has_a_sane_axis(qtbot):
    plot = MetricPlot()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    plot.set_points([0], [0.393])
    (x0, x1), (y0, y1) = plot.getPlotItem().viewRange()
    assert -1.5 <= x0 <= 0 and 0 < x1 <= 2.5, (x0, x1)
    assert 0.3 <= y0 < 0.393 < y1 <= 0.5, (y0, y1)


def _run(name, task, metric, values, cfg_extra=None):
    config = {"encoder": "bi", "task": task, "model": "default", "loss": "softmax" if task == "nli" else "cosine",
              "lr": 2e-5, "batch_size": 16, "epochs": 1, "train_file": f"/data/{task}-train.tsv", **(cfg_extra or {})}
    run = RunRecord(name=name, config=config, out_dir=Path("/nonexistent") / name, status="finished")
    for i, v in enumerate(values):
        run.add_metric(i * 10, metric, v)
    for i in range(1, 101):
        run.add_loss(i, math.log(3) if task == "nli" else 0.1 + 1 / i)
    run.total_steps = 100
    run.baseline = values[0]
    return run


def test_overlay_is_legible_and_selecting_a_run_shows_its_settings(qtbot, window):
    window.show_page("Train")
    page = window.page("Train")
    sts = _run("20261130-210300-bi-sts", "sts", "spearman", [0.39, 0.42, 0.45])
    nli = _run("20261130-211500-bi-nli", "nli", "accuracy", [0.33, 0.34, 0.34])
    page.runs.add_run(sts, select=False)
    page.runs.add_run(nli, select=False)
    assert page.runs.item(page.runs.runs.index(sts)).text().startswith("bi STS · all-MiniLM-L6-v2 · 11-30 21:03")
    _click_run(page, sts)
    assert page.current is sts
    text = page.result_label.text()
    assert "bi STS" in text and "lr 2e-05" in text and "batch 16" in text and "sts-train.tsv" in text
    page.runs.set_checked(nli, True)
    axis = page.metric_plot.getPlotItem().getAxis("left").labelText
    assert "dev spearman" in axis and "dev accuracy" in axis
    names = [name for name, _colour, _dashed in page.metric_plot.legend_entries]
    assert any("bi NLI" in n and "accuracy" in n for n in names)
    # the legend is a label of its own under the plot: it never covers a curve, and wraps
    legend = page.metric_plot.legend_label
    assert legend.isVisible() and "bi NLI" in legend.text()
    plot_bottom = page.metric_plot.mapTo(page, page.metric_plot.rect().bottomLeft()).y()
    assert legend.mapTo(page, legend.rect().topLeft()).y() >= plot_bottom
    # the NLI run's loss at ln 3 is flagged when it is shown
    _click_run(page, nli)
    assert page.current is nli
    assert page.cue_label.isVisible() and "ln 3" in page.cue_label.text()
    assert "Near chance" in page.cue_label.text()
