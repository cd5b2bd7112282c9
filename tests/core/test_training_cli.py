"""``sbert-desktop train`` on a tiny model: a finished run, a refused data set, a resume."""

from __future__ import annotations

import json

from _training_data import write_nli, write_sts
from sbert_desktop.cli import main


def test_train_command_runs_and_prints_evaluations(tiny_bi_encoder_dir, tmp_path, capsys):
    data = write_sts(tmp_path / "sts.tsv")
    out = tmp_path / "out"
    rc = main(["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train", str(data),
               "--dev", str(data), "--out", str(out), "--epochs", "1", "--batch-size", "4", "--eval-steps", "5",
               "--max-seq-length", "32", "--lr", "1e-3"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    lines = [line for line in captured.out.splitlines() if line.startswith("step ")]
    assert len(lines) == 2 and "spearman" in lines[0]
    assert "finished 10 steps" in captured.out
    assert (out / "model.safetensors").is_file() and (out / "history.csv").is_file()
    assert json.loads((out / "train_config.json").read_text())["batch_size"] == 4


def test_train_command_refuses_bad_data_with_one_line(tiny_bi_encoder_dir, tmp_path, capsys):
    data = write_nli(tmp_path / "nli.tsv")
    rc = main(["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train", str(data),
               "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "NLI pairs" in err


def test_train_command_resume(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.core.progress import CancelToken
    from sbert_desktop.core.training import TrainConfig, train

    data = write_sts(tmp_path / "sts.tsv")
    out = tmp_path / "out"
    token = CancelToken()

    def stop(event):
        if event.done >= 3:
            token.cancel()

    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data), out_dir=str(out),
                      batch_size=4, epochs=1, max_seq_length=32)
    assert train(cfg, progress=stop, cancel=token).status == "cancelled"
    rc = main(["train", "--resume", str(out), "--quiet", "--json"])
    captured = capsys.readouterr()
    assert rc == 0, captured.err
    assert json.loads(captured.out)["status"] == "finished"  # stdout is the JSON alone (evaluations on stderr)


def test_train_says_when_max_seq_length_cuts_the_training_texts(tiny_bi_encoder_dir, tmp_path, capsys):
    """A length that cuts most training texts is said once on stderr before the steps, with the length
    the model's position table allows; a length that cuts none says nothing."""
    data = write_sts(tmp_path / "sts.tsv")
    base = ["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train", str(data),
            "--epochs", "1", "--batch-size", "8", "--max-steps", "2"]
    assert main(base + ["--out", str(tmp_path / "short"), "--max-seq-length", "6"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if "lose their end" in line]
    assert len(warnings) == 1, err
    assert "of the training texts reach max_seq_length 6 tokens" in warnings[0]
    assert "--max-seq-length up to 128 trains on more of them" in warnings[0]
    assert main(base + ["--out", str(tmp_path / "whole"), "--max-seq-length", "64"]) == 0
    assert "lose their end" not in capsys.readouterr().err


def test_train_says_what_reading_the_data_assumed(tiny_bi_encoder_dir, tmp_path, capsys):
    """A 0/1 'label' column is read as a 0-1 similarity score: the reader noted it, but only ``inspect``
    said so. Training now says it once on stderr before the steps, naming the file."""
    data = tmp_path / "binary.csv"
    rows = [("A man is playing a guitar.", "A man plays guitar.", 1), ("A cat sleeps.", "The stock market fell.", 0)] * 8
    data.write_text("sentence1,sentence2,label\n" + "".join(f"{a},{b},{y}\n" for a, b, y in rows), encoding="utf-8")
    assert main(["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train", str(data),
                 "--epochs", "1", "--batch-size", "8", "--max-steps", "2", "--out", str(tmp_path / "run")]) == 0
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if "holds only 0 and 1" in line]
    assert len(notes) == 1 and notes[0].startswith(f"sbert-desktop train: warning: {data}: the 'label' column"), err


def test_train_refuses_and_says_what_it_ignores(tiny_bi_encoder_dir, tmp_path, capsys, monkeypatch):
    """A dev set of equal scores (or one pair) gave a NaN Spearman every time, so the first evaluation
    stayed 'best' and the untrained model was published: refused now. --out naming a file was a
    traceback; --max-grad-norm 0 (what an exported command says for no clipping) was refused; --resume
    dropped other options silently; relative paths in train_config.json broke a resume elsewhere."""
    from sbert_desktop.core.training import TrainConfig

    data = write_sts(tmp_path / "sts.tsv")
    base = ["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train", str(data),
            "--epochs", "1", "--batch-size", "8", "--max-steps", "2"]
    assert main(base + ["--dev", str(write_sts(tmp_path / "same.tsv", n=8, constant=3.0)), "--out", str(tmp_path / "a")]) == 2
    assert "every dev pair has the same score (3): the Spearman correlation is undefined" in capsys.readouterr().err
    assert main(base + ["--dev", str(write_sts(tmp_path / "one.tsv", n=1)), "--out", str(tmp_path / "b")]) == 2
    assert "the dev set has 1 pair: a Spearman correlation needs at least two" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    assert main(base + ["--out", str(tmp_path / "file")]) == 2
    assert "is a file; the output must be a folder" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)
    relative = ["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train", "sts.tsv",
                "--epochs", "1", "--batch-size", "8", "--max-steps", "2", "--max-grad-norm", "0", "--out", "c"]
    assert main(relative) == 0, capsys.readouterr().err
    saved = TrainConfig.load(tmp_path / "c")
    assert saved.max_grad_norm is None and saved.train_file == str(data.resolve())
    capsys.readouterr()
    rc = main(["train", "--resume", str(tmp_path / "c"), "--lr", "5", "-q"])  # a finished run: refused, after the note
    err = capsys.readouterr().err
    assert rc == 2 and "--lr ignored: --resume continues the run as it was configured" in err
