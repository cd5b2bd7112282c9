"""Train page: the Korean preset button shows the plan with its estimated time, and Start runs
distillation then KorSTS as one job (tiny model, tiny data)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sbert_desktop.gui.pages.training_form import TrainingForm
from sbert_desktop.gui.state import ModelSpec

EN = ["the cat sleeps", "a dog runs", "the bird sings", "a red car", "the big house", "a small tree"]
KO = ["고양이가 잔다", "개가 달린다", "새가 노래한다", "빨간 자동차", "큰 집", "작은 나무"]


def _tiny_data(root):
    (root / "parallel").mkdir(parents=True)
    (root / "korsts").mkdir()
    par = "english\tkorean\n" + "".join(f"{a}\t{b}\n" for a, b in zip(EN, KO))
    (root / "parallel/en-ko-train.tsv").write_text(par, encoding="utf-8")
    (root / "parallel/en-ko-dev.tsv").write_text(par, encoding="utf-8")
    sts = "sentence1\tsentence2\tscore\n" + "".join(f"{KO[i]}\t{KO[(i + k) % 6]}\t{5 - 2 * k}\n"
                                                   for i in range(6) for k in (0, 1, 2))
    (root / "korsts/sts-train.tsv").write_text(sts, encoding="utf-8")
    (root / "korsts/sts-dev.tsv").write_text(sts, encoding="utf-8")
    return root


def _form(qtbot, state):
    form = TrainingForm(state)
    qtbot.addWidget(form)
    form.resize(600, 900)
    form.show()
    return form


def test_preset_shows_its_time_then_runs_both_stages(qtbot, state, wait_job, tmp_path, monkeypatch,
                                                     tiny_bi_encoder, tiny_bi_encoder_dir):
    monkeypatch.setenv("SBERT_DESKTOP_DATA", str(_tiny_data(tmp_path / "data")))
    state.set_model(tiny_bi_encoder, ModelSpec(source=str(tiny_bi_encoder_dir)))
    form = _form(qtbot, state)
    QTest.mouseClick(form.korean_preset_button, Qt.MouseButton.LeftButton)
    launcher = form.korean_preset
    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
    text = launcher.dialog.text()
    assert "Estimated time on two CPU cores: about" in text and "6 English–Korean sentence pairs" in text
    assert "three steps" in text and "Korean word pieces" in text
    assert launcher.job is None  # nothing starts before Start
    QTest.mouseClick(launcher.start_button, Qt.MouseButton.LeftButton)
    assert launcher.job is not None and wait_job(launcher.job, 180_000) == "succeeded", \
        launcher.job.failure and launcher.job.failure.traceback
    preset = launcher.preset
    saved = json.loads((tmp_path / preset.korsts.out_dir / "train_config.json").read_text())
    assert saved["task"] == "sts" and saved["model"] == preset.distill.out_dir
    distilled = json.loads((tmp_path / preset.distill.out_dir / "train_config.json").read_text())
    # the student is the model with Korean pieces added; the teacher the model as it was
    assert distilled["model"] == preset.vocab.out_dir and distilled["teacher"] == str(tiny_bi_encoder_dir)
    from sbert_desktop.core.models import BiEncoder

    assert len(BiEncoder.load(preset.vocab.out_dir, device="cpu").tokenizer) > 30522


def test_preset_without_its_data_says_what_is_missing(qtbot, state, tmp_path, monkeypatch):
    monkeypatch.setenv("SBERT_DESKTOP_DATA", str(tmp_path / "nothing"))
    form = _form(qtbot, state)
    QTest.mouseClick(form.korean_preset_button, Qt.MouseButton.LeftButton)
    dialog = form.korean_preset.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "parallel/en-ko-train.tsv" in dialog.text() and "SBERT_DESKTOP_DATA" in dialog.text()
    dialog.close()
