"""Train page: the cross-encoder preset shows its plan and estimated time, and Start runs NLI, the
silver pairs, the silver run and STS in both orders as one job, each run starting from the one
before it (tiny model, tiny data)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbert_desktop.gui.state import ModelSpec

from tests.gui.test_korean_preset import _form

SNLI = ("premise\thypothesis\tlabel\n" + "".join(f"A {w} sleeps.\tA {w} is asleep.\t0\nA {w} sleeps.\tA {w} runs.\t2\n"
                                                 f"A {w} sleeps.\tThe {w} is old.\t1\n" for w in ("cat", "dog")))
STSB = "".join(f"main-captions\tMSRvid\t2012test\t{i:04d}\t{s:.3f}\tA {w} sleeps.\t{t}\n"
               for i, (w, s, t) in enumerate([("cat", 5, "A cat is asleep."), ("dog", 1, "A car is red."),
                                               ("bird", 3, "A bird rests."), ("man", 0.5, "Rain falls.")]))


def _tiny_data(root):
    (root / "snli").mkdir(parents=True)
    (root / "stsb-en").mkdir()
    (root / "snli/validation.tsv").write_text(SNLI, encoding="utf-8")
    (root / "stsb-en/sts-train.csv").write_text(STSB, encoding="utf-8")
    (root / "stsb-en/sts-dev.csv").write_text(STSB, encoding="utf-8")
    return root


def test_cross_preset_shows_its_time_then_runs_nli_silver_then_sts(qtbot, state, wait_job, tmp_path, monkeypatch,
                                                           tiny_bi_encoder, tiny_bi_encoder_dir):
    monkeypatch.setenv("SBERT_DESKTOP_DATA", str(_tiny_data(tmp_path / "data")))
    state.set_model(tiny_bi_encoder, ModelSpec(source=str(tiny_bi_encoder_dir)))
    form = _form(qtbot, state)
    QTest.mouseClick(form.cross_preset_button, Qt.MouseButton.LeftButton)
    launcher = form.cross_preset
    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
    text = launcher.dialog.text()
    assert "Estimated time on two CPU cores: about" in text
    assert "6 SNLI pairs" in text and "4 pairs in both orders" in text  # the STS-B csv has no header line
    assert "32 new pairs of STS-B training sentences" in text  # at most 4 per sentence of the tiny file
    assert launcher.job is None  # nothing starts before Start
    QTest.mouseClick(launcher.start_button, Qt.MouseButton.LeftButton)
    assert launcher.job is not None and wait_job(launcher.job, 180_000) == "succeeded", \
        launcher.job.failure and launcher.job.failure.traceback
    preset = launcher.preset
    nli, silver, sts = preset.nli, preset.silver, preset.sts
    saved = json.loads((tmp_path / sts.out_dir / "train_config.json").read_text())
    assert saved["task"] == "sts" and saved["encoder"] == "cross" and saved["both_orders"] is True
    assert saved["model"] == silver.out_dir
    middle = json.loads((tmp_path / silver.out_dir / "train_config.json").read_text())
    assert middle["model"] == nli.out_dir and middle["train_file"] == preset.silver_pairs.out_file
    assert middle["both_orders"] is False
    # the silver pairs: sentences of the STS-B training file, scored by the active bi-encoder
    rows = [line.split("\t") for line in open(preset.silver_pairs.out_file, encoding="utf-8").read().splitlines()[1:]]
    gold = {part for line in STSB.splitlines() for part in line.split("\t")[5:7]}
    assert rows and all(a in gold and b in gold and 0 <= float(s) <= 1 for a, b, s in rows)
    assert preset.silver_pairs.model == str(tiny_bi_encoder_dir)
    first = json.loads((tmp_path / nli.out_dir / "train_config.json").read_text())
    assert first["task"] == "nli" and first["model"] == str(tiny_bi_encoder_dir)


def test_cross_preset_without_its_data_says_what_is_missing(qtbot, state, tmp_path, monkeypatch):
    monkeypatch.setenv("SBERT_DESKTOP_DATA", str(tmp_path / "nothing"))
    form = _form(qtbot, state)
    QTest.mouseClick(form.cross_preset_button, Qt.MouseButton.LeftButton)
    dialog = form.cross_preset.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "snli/validation.tsv" in dialog.text() and "SBERT_DESKTOP_DATA" in dialog.text()
    dialog.close()
