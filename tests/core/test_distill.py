"""Multilingual distillation (task "distill"): parallel data, the loss, dev metrics, CLI, resume,
and the distilled model in sentence-transformers."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from sbert_desktop.cli import main
from sbert_desktop.core.data.parallel import read_parallel
from sbert_desktop.core.errors import DataError, TrainingDataError
from sbert_desktop.core.training import TrainConfig, TrainConfigError, train
from sbert_desktop.core.training.distill import distill_loss, translation_accuracy

EN = ["the cat sleeps", "a dog runs", "the bird sings", "a red car", "the big house", "a small tree",
      "the man plays guitar", "a woman sings", "the child eats", "a blue road", "the horse jumps", "a piano plays"]
KO = ["고양이가 잔다", "개가 달린다", "새가 노래한다", "빨간 자동차", "큰 집", "작은 나무",
      "남자가 기타를 친다", "여자가 노래한다", "아이가 먹는다", "파란 길", "말이 뛴다", "피아노가 연주된다"]


def write_parallel(path, rows=None, header="english\tkorean"):
    rows = rows or list(zip(EN, KO))
    lines = ([header] if header else []) + [f"{a}\t{b}" for a, b in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_sts_ko(path):
    rows = ["sentence1\tsentence2\tscore"] + [f"{KO[i]}\t{KO[(i + k) % 12]}\t{5 - k:.1f}" for i in range(12)
                                                for k in (0, 2, 5)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_read_parallel_formats_and_columns(tmp_path):
    plain = read_parallel(write_parallel(tmp_path / "p.tsv", header=None))
    assert plain.source == EN and plain.target == KO and plain.lines[0] == 1
    named = read_parallel(write_parallel(tmp_path / "h.tsv"))
    assert named.source == EN and (named.source_column, named.target_column) == ("english", "korean")
    swapped = read_parallel(tmp_path / "h.tsv", columns={"source": "korean", "target": "english"})
    assert swapped.source == KO and swapped.target == EN
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": i, "en": a, "ko": b}) for i, (a, b) in enumerate(zip(EN, KO))),
                     encoding="utf-8")
    assert read_parallel(jsonl, columns={"source": "en", "target": "ko"}).target == KO
    with pytest.raises(DataError, match="no source column 'french'"):
        read_parallel(tmp_path / "h.tsv", columns={"source": "french"})
    bad = write_parallel(tmp_path / "bad.tsv", rows=[(EN[0], KO[0]), (EN[1], " ")])
    with pytest.raises(DataError, match=r"line 3: the korean field is empty"):
        read_parallel(bad)
    dup = read_parallel(write_parallel(tmp_path / "d.tsv", rows=[("a b", "가"), ("a b", "나"), ("c d", "가"), ("e f", "다")]))
    assert dup.one_to_one().source == ["a b", "e f"]


def test_loss_and_retrieval_accuracy():
    t = torch.randn(4, 8)
    assert float(distill_loss(t, t, t)) == 0.0
    assert float(distill_loss(t + 1, t, t)) == pytest.approx(1.0)
    e = np.eye(3, dtype=np.float32)
    assert translation_accuracy(e, e) == (1.0, 1.0)
    assert translation_accuracy(e, e[[1, 0, 2]]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))


def _cfg(tmp_path, teacher_dir, **kw):
    par = write_parallel(tmp_path / "par.tsv")
    base = dict(encoder="bi", task="distill", model=str(teacher_dir), train_file=str(par), dev_file=str(par),
                out_dir=str(tmp_path / "out"), batch_size=4, epochs=3, lr=1e-3, max_seq_length=32)
    base.update(kw)
    return TrainConfig(**base)


def test_distill_moves_translations_to_the_teacher(tiny_bi_encoder_dir, tmp_path):
    from sbert_desktop.core.models import BiEncoder

    sts = write_sts_ko(tmp_path / "sts-ko.tsv")
    cfg = _cfg(tmp_path, tiny_bi_encoder_dir, sts_dev_file=str(sts), eval_steps=3)
    teacher = BiEncoder.load(str(tiny_bi_encoder_dir), max_seq_length=32)
    t_src = teacher.encode(EN)
    before = float(np.mean((teacher.encode(KO) - t_src) ** 2))
    result = train(cfg)
    assert result.status == "finished" and result.metric_name == "spearman"
    last = result.history[-1]
    assert {"mse", "mse_target", "src2tgt_accuracy", "tgt2src_accuracy", "translation_accuracy",
            "spearman", "pearson"} <= set(last)
    assert last["mse_target"] < before / 2  # the student puts Korean near the teacher's English
    saved = json.loads((result.out_dir / "train_config.json").read_text())
    assert saved["task"] == "distill" and saved["loss"] == "mse" and saved["sts_dev_file"] == str(sts)


def test_distilled_model_loads_in_sentence_transformers(tiny_bi_encoder_dir, tmp_path):
    st = pytest.importorskip("sentence_transformers")
    from sbert_desktop.core.models import BiEncoder

    result = train(_cfg(tmp_path, tiny_bi_encoder_dir, dev_file=None, epochs=1))
    ours = BiEncoder.load(str(result.out_dir)).encode(EN + KO)
    theirs = st.SentenceTransformer(str(result.out_dir), device="cpu").encode(EN + KO)
    assert np.allclose(ours, theirs, atol=1e-5)


def test_cli_distill_and_resume(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.core.progress import CancelToken

    par = write_parallel(tmp_path / "par.tsv")
    out = tmp_path / "cli"
    rc = main(["train", "--encoder", "bi", "--task", "distill", "--teacher", str(tiny_bi_encoder_dir),
               "--train", str(par), "--dev", str(par), "--out", str(out), "--epochs", "1", "--batch-size", "4",
               "--max-seq-length", "32", "--quiet"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert "translation_accuracy" in captured.out and "finished 3 steps" in captured.out
    assert json.loads((out / "train_config.json").read_text())["model"] == str(tiny_bi_encoder_dir)

    # a cancelled distillation resumes to the same weights as an uninterrupted one
    token = CancelToken()

    def stop(event):
        if event.stage == "train" and event.done >= 2:
            token.cancel()

    cut = _cfg(tmp_path, tiny_bi_encoder_dir, out_dir=str(tmp_path / "cut"), epochs=2)
    assert train(cut, progress=stop, cancel=token).status == "cancelled"
    assert main(["train", "--resume", str(tmp_path / "cut"), "--quiet"]) == 0
    whole = train(_cfg(tmp_path, tiny_bi_encoder_dir, out_dir=str(tmp_path / "whole"), epochs=2))
    from sbert_desktop.core.models import BiEncoder

    a = BiEncoder.load(str(tmp_path / "cut")).encode(KO)
    b = BiEncoder.load(str(whole.out_dir)).encode(KO)
    assert np.allclose(a, b, atol=1e-6)


def test_refusals(tiny_bi_encoder, tiny_bi_encoder_dir, tmp_path, bundled_model_path, capsys):
    with pytest.raises(TrainConfigError, match="bi-encoders only"):
        _cfg(tmp_path, tiny_bi_encoder_dir, encoder="cross").validate()
    with pytest.raises(TrainConfigError, match="distill task only"):
        _cfg(tmp_path, tiny_bi_encoder_dir, task="sts", teacher="default").validate()
    with pytest.raises(TrainingDataError, match="same dimension"):  # 384-d teacher, 32-d student
        train(_cfg(tmp_path, tiny_bi_encoder_dir, teacher=str(bundled_model_path), dev_file=None, epochs=1))
    one = write_parallel(tmp_path / "one.tsv", rows=[(EN[0], KO[0])])
    rc = main(["train", "--encoder", "bi", "--task", "distill", "--model", str(tiny_bi_encoder_dir),
               "--train", str(one), "--out", str(tmp_path / "o1"), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "at least two parallel pairs" in err


def test_a_resume_after_the_teacher_changed_is_refused(tiny_bi_encoder, tiny_bi_encoder_dir, tmp_path, capsys):
    """The teacher folder replaced between cancel and resume: the run finished against the new teacher
    without a word (changed train and dev files were refused)."""
    import shutil

    import torch

    from sbert_desktop.core.progress import CancelToken

    teacher = tmp_path / "teacher"
    shutil.copytree(tiny_bi_encoder_dir, teacher)
    cfg = _cfg(tmp_path, teacher, out_dir=str(tmp_path / "run"), epochs=2)
    token = CancelToken()
    assert train(cfg, progress=lambda e: token.cancel() if e.stage == "train" and e.done >= 2 else None,
                 cancel=token).status == "cancelled"
    with torch.no_grad():
        for p in tiny_bi_encoder.parameters():
            p.add_(0.01)
    shutil.rmtree(teacher)
    tiny_bi_encoder.save(teacher)
    assert main(["train", "--resume", str(tmp_path / "run"), "--quiet"]) == 2
    assert f"the teacher {teacher} changed since the checkpoint was written" in capsys.readouterr().err
