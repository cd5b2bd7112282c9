"""The cross-encoder preset: NLI first, then STS-B in both orders, from the active bi-encoder.

One epoch of STS-B from the bundled weights gives a cross-encoder well below the bi-encoder (dev
81.2 against 86.7, bench/results/train-cross-stsb.txt). This recipe reaches 86.2 on STS-B dev,
still 0.5 below the bi-encoder (``bench/cross_preset.py``; docs/TRAINING.md has the figures):

1. NLI first: a 3-way cross-encoder (softmax, cross-entropy) on the SNLI pairs in ``snli/validation.tsv``
   (the shared data has no SNLI train split), one epoch, lr ``RECIPE["nli_lr"]``;
2. STS-B: a one-output head (sigmoid, BCE on the score scaled to 0–1) on the NLI model's encoder,
   every training pair in both orders, ``RECIPE["sts_epochs"]`` epochs at lr ``RECIPE["sts_lr"]``,
   evaluated on STS-B dev after each epoch; the best epoch is the saved model.

The same two runs from the command line::

    sbert-desktop train --encoder cross --task nli --model default --epochs 1 \\
        --train ../shared/data/snli/validation.tsv --out runs/ce/nli
    sbert-desktop train --encoder cross --task sts --model runs/ce/nli --epochs 2 --lr 4e-5 --both-orders \\
        --train ../shared/data/stsb-en/sts-train.csv --dev ../shared/data/stsb-en/sts-dev.csv --out runs/ce/sts
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sbert_desktop.core.progress import CancelToken, ProgressCallback
from sbert_desktop.core.training import presets

FILES = {"sts_train": "stsb-en/sts-train.csv", "sts_dev": "stsb-en/sts-dev.csv", "nli_train": "snli/validation.tsv"}
RECIPE = {"nli_epochs": 1, "nli_lr": 2e-5, "sts_epochs": 2, "sts_lr": 4e-5, "batch_size": 16}
#: seconds per training step (batch 16) of the bundled MiniLM-L6 as a cross-encoder on two quiet CPU
#: cores: 228 s for 360 STS-B steps (bench/results/train-cross-stsb.txt); SNLI pairs are as short
SECONDS_PER_STEP = {"nli": 228.1 / 360, "sts": 228.1 / 360}
#: dev evaluation: cross-encoder pairs per second on the same machine (bench/results/evaluate-stsb-cross.txt)
PAIRS_PER_SECOND = 120.0


@dataclass
class CrossPreset:
    nli: "object"            # TrainConfig of stage 1
    sts: "object"            # TrainConfig of stage 2
    pairs: dict[str, int]    # rows per file, for the estimate

    @property
    def stages(self) -> list:
        return [self.nli, self.sts]


def plan(out_dir: str | Path, model: str = "default", data: Optional[Path] = None,
         device: str = "auto") -> CrossPreset:
    """The two training configurations (``out_dir/nli``, then ``out_dir/sts``)."""
    from sbert_desktop.core.training.config import TrainConfig

    f = presets.data_files("cross-encoder preset", FILES, data)
    out = Path(out_dir)
    common = dict(encoder="cross", batch_size=RECIPE["batch_size"], device=device, seed=42, warmup_ratio=0.1)
    nli = TrainConfig(task="nli", model=model, train_file=f["nli_train"], out_dir=str(out / "nli"),
                      epochs=RECIPE["nli_epochs"], lr=RECIPE["nli_lr"], **common)
    sts = TrainConfig(task="sts", model=str(out / "nli"), train_file=f["sts_train"], dev_file=f["sts_dev"],
                      out_dir=str(out / "sts"), epochs=RECIPE["sts_epochs"], lr=RECIPE["sts_lr"],
                      both_orders=True, **common)
    pairs = {k: presets.count_rows(p, header=not k.startswith("sts")) for k, p in f.items()}  # STS-B: no header
    return CrossPreset(nli.validate(), sts.validate(), pairs)


def estimate_seconds(preset: CrossPreset) -> dict[str, float]:
    """Seconds per stage and in total on two CPU cores (more cores or a GPU: less)."""
    p, n, s = preset.pairs, preset.nli, preset.sts
    nli_steps = math.ceil(p["nli_train"] / n.batch_size) * n.num_epochs
    sts_steps = math.ceil(2 * p["sts_train"] / s.batch_size) * s.num_epochs
    nli = nli_steps * SECONDS_PER_STEP["nli"]
    sts = sts_steps * SECONDS_PER_STEP["sts"] + p["sts_dev"] / PAIRS_PER_SECOND * s.num_epochs
    return {"nli": nli, "sts": sts, "total": nli + sts, "nli_steps": nli_steps, "sts_steps": sts_steps}


def run_preset(preset: CrossPreset, progress: Optional[ProgressCallback] = None,
               cancel: Optional[CancelToken] = None):
    """Run both stages (see :func:`~sbert_desktop.core.training.presets.run_preset`)."""
    return presets.run_preset(preset.stages, progress, cancel)
