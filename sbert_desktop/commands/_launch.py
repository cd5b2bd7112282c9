"""``--nproc N``: relaunch this very command under torchrun on this machine (one process per rank).

``torchrun --standalone --nproc-per-node N -m sbert_desktop CMD ...`` with ``--nproc`` removed; the
agent stops every rank as soon as one fails. Standard library only (``--help`` stays instant).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Optional


def under_torchrun() -> bool:
    return "TORCHELASTIC_RUN_ID" in os.environ or "LOCAL_RANK" in os.environ


def rank() -> int:
    try:
        return int(os.environ.get("RANK", "0"))
    except ValueError:
        return 0


def strip_nproc(argv: list[str]) -> list[str]:
    out, skip = [], False
    for i, a in enumerate(argv):
        if skip:
            skip = False
            continue
        if a in ("--nproc", "--devices"):
            skip = True
            continue
        if a.startswith(("--nproc=", "--devices=")):
            continue
        out.append(a)
    return out


def torchrun_command(nproc: int, argv: list[str]) -> list[str]:
    """The command line that runs ``sbert-desktop ARGV`` on ``nproc`` local processes."""
    return [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={nproc}",
            "--monitor-interval=0.5", "-m", "sbert_desktop", *strip_nproc(argv)]


def cuda_devices(text: str) -> list[int]:
    """``cuda:0,cuda:2`` -> [0, 2] (``--devices``: one process per listed GPU)."""
    out = []
    for part in text.split(","):
        name, _, index = part.strip().partition(":")
        if name != "cuda" or not index.isdigit():
            raise ValueError(f"--devices: expected cuda:N[,cuda:M...], got {part.strip()!r}")
        out.append(int(index))
    return out


def launch(nproc: int, argv: Optional[list[str]] = None, devices: Optional[list[int]] = None) -> int:
    """Run the command under torchrun and return its exit status (``devices``: the GPUs to use,
    one process each, made visible as cuda:0..N-1 to the processes)."""
    argv = sys.argv[1:] if argv is None else argv
    cmd = torchrun_command(nproc, argv)
    env = dict(os.environ)
    if devices:
        env["CUDA_VISIBLE_DEVICES"] = ",".join(map(str, devices))
    env.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // nproc)))
    print("sbert-desktop: " + " ".join(cmd[2:]), file=sys.stderr, flush=True)
    return subprocess.call(cmd, env=env)


def world_size() -> int:
    """The world size torchrun set (1 outside torchrun)."""
    try:
        return int(os.environ.get("WORLD_SIZE", "1"))
    except ValueError:
        return 1
