"""The Train page's "Export as command line": the command parses back into the same configuration."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess

from sbert_desktop.core.training import TrainConfig
from sbert_desktop.core.training.command_line import command_line, launch_script, train_argv


def _parsed(argv: list[str]) -> TrainConfig:
    from sbert_desktop.cli import build_parser
    from sbert_desktop.commands.train import _config

    return _config(build_parser().parse_args(argv))


def test_the_command_line_gives_back_the_same_configuration(tmp_path):
    configs = [
        TrainConfig(encoder="bi", task="nli", loss="mnrl", train_file=str(tmp_path / "snli train.tsv"),
                    dev_file=str(tmp_path / "sts dev.tsv"), out_dir=str(tmp_path / "run 1"), epochs=2, batch_size=64,
                    lr=3e-5, warmup_ratio=0.05, max_seq_length=128, eval_steps=500, seed=7, pooling="cls",
                    concat_product=True, amp=False, device="cuda"),
        TrainConfig(encoder="cross", task="sts", train_file="a.csv", out_dir="o", max_grad_norm=None, max_steps=30,
                    both_orders=True, length_grouped=True),
        TrainConfig(encoder="bi", task="pairs", loss="cached_mnrl", train_file="q.parquet", out_dir="p",
                    columns={"anchor": "question", "positive": "answer"}, mini_batch_size=8),
    ]
    for cfg in configs:
        argv, notes = train_argv(cfg)
        assert notes == []
        back = _parsed(argv).to_dict()
        want = cfg.to_dict()
        if cfg.max_grad_norm is None:  # --max-grad-norm 0: no clipping either way
            assert back.pop("max_grad_norm") is None and want.pop("max_grad_norm") is None
        assert back == want
        assert shlex.split(command_line(cfg))[1:] == argv


def test_values_without_a_flag_are_named_and_nproc_is_added():
    argv, notes = train_argv(TrainConfig(train_file="t", out_dir="o", checkpoint_steps=50), nproc=4)
    assert argv[-2:] == ["--nproc", "4"]
    assert len(notes) == 1 and notes[0].startswith("checkpoint_steps = 50 has no command-line flag")


def test_the_launch_script_runs_the_command_and_resumes(tmp_path):
    fake = tmp_path / "bin" / "sbert-desktop"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    out = tmp_path / "my run"
    cfg = TrainConfig(encoder="bi", task="sts", train_file=str(tmp_path / "train file.tsv"), out_dir=str(out))
    script = tmp_path / "train.sh"
    script.write_text(launch_script(cfg))
    env = dict(os.environ, PATH=f"{fake.parent}{os.pathsep}{os.environ['PATH']}", NPROC="2")
    first = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, check=True).stdout
    assert first.splitlines() == train_argv(cfg)[0] + ["--nproc", "2"]
    (out / "checkpoint").mkdir(parents=True)
    again = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, check=True).stdout
    assert again.splitlines() == ["train", "--resume", str(out), "--nproc", "2"]
