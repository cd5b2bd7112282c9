"""A training configuration as the exact ``sbert-desktop train`` command line, and a launch script.

The Train page exports a run with this, to run it headless on a bigger machine (one GPU, several
GPUs with ``--nproc``, several machines with torchrun). ``sbert-desktop train`` parses the command
back into the same :class:`TrainConfig` (the test checks the round trip). Values the command line
has no flag for (``scale``, ``eval_batch_size``, ``checkpoint_steps``, ``keep_checkpoint``) are
returned as notes when they differ from their defaults.
"""

from __future__ import annotations

import shlex
from typing import Any, Optional

from sbert_desktop.core.training.config import TrainConfig

#: TrainConfig field -> its ``sbert-desktop train`` flag (valued flags)
FLAGS = (
    ("encoder", "--encoder"), ("task", "--task"), ("loss", "--loss"), ("model", "--model"), ("pooling", "--pooling"),
    ("train_file", "--train"), ("dev_file", "--dev"), ("train_format", "--train-format"),
    ("dev_format", "--dev-format"), ("teacher", "--teacher"), ("sts_dev_file", "--sts-dev"),
    ("source_column", "--source-column"), ("target_column", "--target-column"), ("out_dir", "--out"),
    ("epochs", "--epochs"), ("batch_size", "--batch-size"), ("lr", "--lr"), ("warmup_ratio", "--warmup"),
    ("weight_decay", "--weight-decay"), ("max_grad_norm", "--max-grad-norm"), ("max_seq_length", "--max-seq-length"),
    ("seed", "--seed"), ("eval_steps", "--eval-steps"), ("max_steps", "--max-steps"), ("device", "--device"),
    ("mini_batch_size", "--mini-batch-size"),
)
NO_FLAG = ("scale", "eval_batch_size", "checkpoint_steps", "keep_checkpoint")


def train_argv(config: TrainConfig | dict[str, Any], nproc: Optional[int] = None) -> tuple[list[str], list[str]]:
    """``(argv after 'sbert-desktop', notes)`` for ``config``; ``nproc`` > 1 adds ``--nproc``."""
    cfg = config if isinstance(config, TrainConfig) else TrainConfig.from_dict(config)
    default = TrainConfig()
    argv = ["train"]
    for name, flag in FLAGS:
        value = getattr(cfg, name)
        if value is None or (name in ("mini_batch_size", "device") and value == getattr(default, name)):
            continue
        argv += [flag, repr(value) if isinstance(value, float) else str(value)]
    if cfg.max_grad_norm is None:
        argv += ["--max-grad-norm", "0"]
    if cfg.columns:
        argv += ["--columns", ",".join(f"{k}={v}" for k, v in cfg.columns.items())]
    if cfg.concat_product:
        argv.append("--concat-product")
    if cfg.both_orders:
        argv.append("--both-orders")
    if cfg.length_grouped:
        argv.append("--group-by-length")
    if not cfg.amp:
        argv.append("--no-amp")
    if nproc and nproc > 1:
        argv += ["--nproc", str(nproc)]
    notes = [f"{name} = {getattr(cfg, name)!r} has no command-line flag; the command uses the default "
             f"{getattr(default, name)!r}" for name in NO_FLAG if getattr(cfg, name) != getattr(default, name)]
    return argv, notes


def command_line(config: TrainConfig | dict[str, Any], nproc: Optional[int] = None) -> str:
    """The shell command (quoted for sh)."""
    argv, _ = train_argv(config, nproc)
    return shlex.join(["sbert-desktop", *argv])


def launch_script(config: TrainConfig | dict[str, Any]) -> str:
    """A small sh script: one GPU or CPU by default, ``NPROC=N`` for N local processes (GPUs), and
    torchrun's own flags for several machines; ``--resume`` when the output folder holds a checkpoint."""
    argv, notes = train_argv(config)
    cfg = config if isinstance(config, TrainConfig) else TrainConfig.from_dict(config)
    args = shlex.join(argv)
    lines = [
        "#!/bin/sh",
        "# Exported from SBERT Desktop's Train page: the same run, headless.",
        "#   sh train.sh                    one process (a GPU when there is one)",
        "#   NPROC=4 sh train.sh            4 processes on this machine (one per GPU), torch.distributed",
        "#   several machines: on each, torchrun --nnodes=M --node-rank=I --nproc-per-node=G \\",
        "#     --rdzv-backend=c10d --rdzv-endpoint=HOST:29500 -m sbert_desktop train ... (the options below)",
        *[f"# note: {n}" for n in notes],
        "set -e",
        'NPROC="${NPROC:-1}"',
        f"if [ -d {shlex.quote(cfg.out_dir + '/checkpoint')} ]; then  # stopped earlier: continue it",
        f'  exec sbert-desktop train --resume {shlex.quote(cfg.out_dir)} --nproc "$NPROC"',
        "fi",
        f'exec sbert-desktop {args} --nproc "$NPROC"',
        "",
    ]
    return "\n".join(lines)
