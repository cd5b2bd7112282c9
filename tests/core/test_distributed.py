"""Data-parallel training and encoding on torch.distributed: gloo, 2 CPU processes, a tiny BERT.

Each test starts torchrun (``--nproc 2``) in a subprocess, so each costs a few seconds of start-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.core._training_data import write_nli, write_sts

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false", **extra)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _cli(*args, env=None, timeout=240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sbert_desktop", *map(str, args)], cwd=ROOT, env=env or _env(),
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def tiny_no_dropout_dir(bundled_model_path, tmp_path) -> Path:
    """A tiny random BERT without dropout: one process and two then compute the same function."""
    import torch
    from transformers import BertConfig

    from sbert_desktop.core.models import BiEncoder

    torch.manual_seed(0)
    config = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128, hidden_dropout_prob=0.0,
                        attention_probs_dropout_prob=0.0)
    path = tmp_path / "tiny"
    BiEncoder.from_config(config, bundled_model_path, pooling="mean", max_seq_length=64).save(path)
    return path


def _weights(folder: Path) -> dict:
    from sbert_desktop.core.models import BiEncoder

    return {k: v.detach().clone() for k, v in BiEncoder.load(str(folder)).state_dict().items()}


#: float32, 6 AdamW steps at lr 1e-3: the two runs sum the same gradients in another order
TOLERANCE = 1e-5


@pytest.mark.parametrize("task,loss,writer", [("sts", "cosent", write_sts),
                                              ("nli", "mnrl", lambda path: write_nli(path, premises=30))])
def test_two_processes_train_the_weights_of_one(tmp_path, tiny_no_dropout_dir, task, loss, writer):
    from sbert_desktop.core.training import TrainConfig, train

    data = writer(tmp_path / f"{task}.tsv")
    common = ["--encoder", "bi", "--task", task, "--loss", loss, "--model", tiny_no_dropout_dir, "--train", data,
              "--batch-size", 7, "--lr", 1e-3, "--max-steps", 6, "--epochs", 2, "--quiet"]
    proc = _cli("train", *common, "--out", tmp_path / "ddp", "--nproc", 2)
    assert proc.returncode == 0, proc.stderr[-3000:]
    cfg = TrainConfig(encoder="bi", task=task, loss=loss, model=str(tiny_no_dropout_dir), train_file=str(data),
                      batch_size=7, lr=1e-3, max_steps=6, epochs=2, out_dir=str(tmp_path / "one"), device="cpu")
    one = train(cfg)
    assert one.step == 6
    a, b = _weights(tmp_path / "one"), _weights(tmp_path / "ddp")
    start = _weights(tiny_no_dropout_dir)
    moved = max(float((a[k] - start[k]).abs().max()) for k in a)
    assert moved > 1e-3  # training changed the weights, so equality below means something
    worst = max(float((a[k] - b[k]).abs().max()) for k in a)
    assert worst < TOLERANCE, f"largest weight difference {worst:g}"
    config = (tmp_path / "ddp" / "train_config.json").read_text()
    assert '"batch_size": 7' in config  # the global batch


def test_a_killed_rank_stops_the_run_and_it_resumes(tmp_path, tiny_no_dropout_dir):
    from sbert_desktop.core.training.checkpoint import find_checkpoint, load_checkpoint

    train_file = write_sts(tmp_path / "train.tsv", n=60)
    dev = write_sts(tmp_path / "dev.tsv", n=12, seed=3)
    out = tmp_path / "run"
    args = ["train", "--encoder", "bi", "--task", "sts", "--model", tiny_no_dropout_dir, "--train", train_file,
            "--dev", dev, "--batch-size", 8, "--max-steps", 12, "--eval-steps", 3, "--quiet", "--nproc", 2]
    proc = _cli(*args, "--out", out, env=_env(SBERT_DESKTOP_FAULT_KILL_RANK="1:7"))
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert "a training process failed" in proc.stderr and f"--resume {out} --nproc 2" in proc.stderr
    assert "checkpoint (step 6)" in proc.stderr, proc.stderr[-2000:]
    assert find_checkpoint(out) is not None and load_checkpoint(out).state["world_size"] == 2
    leftovers = [p.name for p in out.iterdir() if ".tmp" in p.name or p.name.startswith(".")]
    assert not leftovers, leftovers

    resumed = _cli("train", "--resume", out, "--quiet", "--nproc", 2)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "finished 12 steps" in resumed.stdout
    history = (out / "history.csv").read_text().splitlines()
    assert [line.split(",")[0] for line in history[1:]] == ["3", "6", "8", "9", "12"]  # every 3 steps and at the epoch end (8 batches)


def test_two_processes_encode_what_one_does(tmp_path, tiny_no_dropout_dir):
    import random

    rng = random.Random(5)
    words = "alpha beta gamma delta kitten river mountain piano quietly runs under over the a".split()
    lines = [" ".join(rng.choices(words, k=rng.randint(1, 30))) + f" {i}" for i in range(150)]
    lines[7] = lines[3]  # a duplicate is embedded once and written twice
    src = tmp_path / "sentences.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    common = ["encode", src, "--model", tiny_no_dropout_dir, "--batch-size", 8, "--quiet"]
    one = _cli(*common, "--out", tmp_path / "one.npy", env=_env(SBERT_DESKTOP_HOME=str(tmp_path / "home1")))
    assert one.returncode == 0, one.stderr[-3000:]
    two = _cli(*common, "--out", tmp_path / "two.npy", "--nproc", 2,
               env=_env(SBERT_DESKTOP_HOME=str(tmp_path / "home2")))
    assert two.returncode == 0, two.stderr[-3000:]
    a, b = np.load(tmp_path / "one.npy"), np.load(tmp_path / "two.npy")
    assert a.shape == (150, 32)
    assert np.array_equal(a, b)  # bit for bit, in input order
    assert "150 from cache, 0 encoded" in two.stdout  # rank 0 only read back what the ranks stored
