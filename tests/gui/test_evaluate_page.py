"""Evaluate page: real clicks run the tables in the background, show them, keep runs, export."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from sbert_desktop.core import evaluation_tables as T
from sbert_desktop.gui.state import ModelSpec


@pytest.fixture
def page(qtbot, state, tiny_bi_encoder, tiny_cross_encoder):
    from sbert_desktop.gui.pages.evaluate import EvaluatePage

    state.set_model(tiny_bi_encoder, ModelSpec(encoder="bi", source="tiny-bi"), remember=False)
    state.set_model(tiny_cross_encoder, ModelSpec(encoder="cross", source="tiny-cross"), remember=False,
                    activate=False)
    view = EvaluatePage(state)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def sts_dev():
    from sbert_desktop.core import example

    return example.example_files().sts_dev


def _click_run(qtbot, page, wait_job):
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.job is not None
    job = page.job
    assert wait_job(job, 120_000) == "succeeded"
    return job.result


def test_run_shows_every_table_and_chart_and_keeps_runs(qtbot, page, sts_dev, wait_job, tmp_path):
    qtbot.keyClicks(page.data_file.edit, str(sts_dev))
    qtbot.keyClick(page.rerank_k, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.rerank_k, "10,20")
    result = _click_run(qtbot, page, wait_job)
    assert set(result) >= {"pooling", "encoders", "retrieval"}
    headers, rows = T.pooling_table(result["pooling"])
    assert page.pooling_table.rowCount() == len(rows) == 6
    assert page.pooling_table.item(0, 0).text() == rows[0][0]
    assert page.pooling_table.item(0, 2).text() == f"{rows[0][2]:.2f}"
    assert page.pooling_bars.bar_heights()[0] == pytest.approx([r[2] for r in rows], abs=0.006)
    assert page.retrieval_table.rowCount() == 3  # bi-encoder alone, k = 10, k = 20
    assert len(page.retrieval_plot.points) == 3
    assert page.encoders_table.rowCount() == 2 and page.cost_table.rowCount() == 3
    assert "this data set" in page.cost_table.item(0, 0).text()

    # a second run (say, after fine-tuning) without the cost table; compare it with the first
    qtbot.mouseClick(page.checks["cost"], Qt.MouseButton.LeftButton)
    assert not page.checks["cost"].isChecked()
    second = _click_run(qtbot, page, wait_job)
    assert "encoders" not in second and len(page.runs) == 2
    assert page.compare.count() == 2  # "(nothing)" and run 1
    page.compare.setFocus()
    qtbot.keyClick(page.compare, Qt.Key.Key_Down)
    assert page.compare.currentData() == 0
    assert len(page.pooling_bars.bar_heights()) == 2  # this run beside run 1
    assert page.runs_table.rowCount() == 2

    # exports: the table to CSV with its manifest (every raw number), the chart to PNG and SVG
    job = page.export_button.export("pooling", tmp_path / "pooling.csv")
    assert wait_job(job) == "succeeded"
    lines = (tmp_path / "pooling.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(headers) and len(lines) == 7
    manifest = json.loads((tmp_path / "pooling.csv.manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["rows"][0]["spearman"] == pytest.approx(second["pooling"]["rows"][0]["spearman"])
    for suffix in ("png", "svg"):
        out = page.export_button.export(f"pooling-chart-{suffix}", tmp_path / f"bars.{suffix}")
        assert out is not None and out.stat().st_size > 500
    out = page.export_button.export("retrieval-chart-svg", tmp_path / "retrieval.svg")
    assert out is not None and (tmp_path / "retrieval.svg.manifest.json").is_file()


def test_cancel_and_bad_input(qtbot, page, wait_job):
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.job is None and "Choose a labelled pair file" in page.data_file.error.text()


def test_cancel_keeps_earlier_runs(qtbot, page, sts_dev, wait_job):
    qtbot.keyClicks(page.data_file.edit, str(sts_dev))
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    job = page.job
    assert page.cancel_button.isVisible()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert wait_job(job, 120_000) == "cancelled"
    assert page.runs == [] and "Cancelled" in page.message.text()
    assert page.run_button.isEnabled() and not page.cancel_button.isVisible()
