"""The cross-encoder preset: NLI first, then silver pairs scored by the bi-encoder, then STS-B in
both orders, from the active bi-encoder.

One epoch of STS-B from the bundled weights gives a cross-encoder well below the bi-encoder (dev
81.2 against 86.7, bench/results/train-cross-stsb.txt); NLI then STS-B in both orders reaches 86.2.
What the cross-encoder lacks is what the bi-encoder learned from a billion pairs: its new head has
never scored a pair. So before the gold pairs it learns from silver ones the bi-encoder scored
(:mod:`~sbert_desktop.core.training.silver`). Figures in docs/TRAINING.md (``bench/cross_preset.py``).

1. NLI: a 3-way cross-encoder (softmax, cross-entropy) on the SNLI pairs in ``snli/validation.tsv``
   (the shared data has no SNLI train split), one epoch, lr ``RECIPE["nli_lr"]``;
2. silver pairs: ``RECIPE["silver_pairs"]`` new pairs of STS-B *train* sentences (neighbours and
   random partners), scored by the bi-encoder the preset starts from (its cosine on the gold scale);
3. silver: a one-output head (sigmoid, BCE on the 0–1 score) on the NLI model's encoder, one epoch on
   the silver pairs at lr ``RECIPE["silver_lr"]``;
4. STS-B: the same head trained on, every gold training pair in both orders, ``RECIPE["sts_epochs"]``
   epochs at lr ``RECIPE["sts_lr"]``, evaluated on STS-B dev after each epoch; the best epoch is the
   saved model.

The same runs from the command line::

    sbert-desktop train --encoder cross --task nli --model default --epochs 1 \\
        --train ../shared/data/snli/validation.tsv --out runs/ce/nli
    sbert-desktop silver-pairs ../shared/data/stsb-en/sts-train.csv --model default --out runs/ce/silver-pairs.tsv
    sbert-desktop train --encoder cross --task sts --model runs/ce/nli --epochs 1 --lr 4e-5 \\
        --train runs/ce/silver-pairs.tsv --dev ../shared/data/stsb-en/sts-dev.csv --out runs/ce/silver
    sbert-desktop train --encoder cross --task sts --model runs/ce/silver --epochs 2 --lr 4e-5 --both-orders \\
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
RECIPE = {"nli_epochs": 1, "nli_lr": 2e-5, "silver_pairs": 12000, "silver_epochs": 1, "silver_lr": 4e-5,
          "sts_epochs": 2, "sts_lr": 4e-5, "batch_size": 16}
#: seconds per training step (batch 16) of the bundled MiniLM-L6 as a cross-encoder on two CPU cores at
#: load ~2 (bench/results/cross-preset.txt, the preset's own run): 600 s for the 750 silver steps,
#: 634 s for the first 719 STS-B steps; SNLI pairs are as short as STS-B's
SECONDS_PER_STEP = {"nli": 634.0 / 719, "sts": 634.0 / 719, "silver": 600.0 / 750}
#: bi-encoder sentences per second (the silver pairs' encoding; bench/results/encode.txt)
SENTENCES_PER_SECOND = 300.0
#: dev evaluation: cross-encoder pairs per second on the same machine (bench/results/evaluate-stsb-cross.txt)
PAIRS_PER_SECOND = 120.0


@dataclass
class CrossPreset:
    nli: "object"            # TrainConfig of stage 1
    silver_pairs: "object"   # SilverStage (stage 2)
    silver: "object"         # TrainConfig of stage 3
    sts: "object"            # TrainConfig of stage 4
    pairs: dict[str, int]    # rows per file, for the estimate

    @property
    def stages(self) -> list:
        return [self.nli, self.silver_pairs, self.silver, self.sts]


def plan(out_dir: str | Path, model: str = "default", data: Optional[Path] = None,
         device: str = "auto") -> CrossPreset:
    """The stages: ``out_dir/nli``, ``out_dir/silver-pairs.tsv``, ``out_dir/silver``, ``out_dir/sts``."""
    from sbert_desktop.core.training.config import TrainConfig
    from sbert_desktop.core.training.silver import SilverStage

    f = presets.data_files("cross-encoder preset", FILES, data)
    out = Path(out_dir)
    common = dict(encoder="cross", batch_size=RECIPE["batch_size"], device=device, seed=42, warmup_ratio=0.1)
    nli = TrainConfig(task="nli", model=model, train_file=f["nli_train"], out_dir=str(out / "nli"),
                      epochs=RECIPE["nli_epochs"], lr=RECIPE["nli_lr"], **common)
    silver_pairs = SilverStage(model=model, gold_file=f["sts_train"], out_file=str(out / "silver-pairs.tsv"),
                               n_pairs=RECIPE["silver_pairs"], seed=42, device=device)
    silver = TrainConfig(task="sts", model=str(out / "nli"), train_file=silver_pairs.out_file,
                         dev_file=f["sts_dev"], out_dir=str(out / "silver"), epochs=RECIPE["silver_epochs"],
                         lr=RECIPE["silver_lr"], **common)
    sts = TrainConfig(task="sts", model=str(out / "silver"), train_file=f["sts_train"], dev_file=f["sts_dev"],
                      out_dir=str(out / "sts"), epochs=RECIPE["sts_epochs"], lr=RECIPE["sts_lr"],
                      both_orders=True, **common)
    pairs = {k: presets.count_rows(p, header=not k.startswith("sts")) for k, p in f.items()}  # STS-B: no header
    # the silver file holds at most RECIPE["silver_pairs"] rows (fewer from a small STS-B file)
    pairs["silver"] = min(RECIPE["silver_pairs"], 4 * 2 * pairs["sts_train"])
    return CrossPreset(nli.validate(), silver_pairs, silver.validate(), sts.validate(), pairs)


def estimate_seconds(preset: CrossPreset) -> dict[str, float]:
    """Seconds per stage and in total on two CPU cores (more cores or a GPU: less)."""
    p, n, v, s = preset.pairs, preset.nli, preset.silver, preset.sts
    nli_steps = math.ceil(p["nli_train"] / n.batch_size) * n.num_epochs
    silver_steps = math.ceil(p["silver"] / v.batch_size) * v.num_epochs
    sts_steps = math.ceil(2 * p["sts_train"] / s.batch_size) * s.num_epochs
    nli = nli_steps * SECONDS_PER_STEP["nli"]
    # the silver pairs: STS-B train's sentences encoded once, then one epoch of training on them
    silver = (2 * p["sts_train"] / SENTENCES_PER_SECOND + silver_steps * SECONDS_PER_STEP["silver"]
              + p["sts_dev"] / PAIRS_PER_SECOND * v.num_epochs)
    sts = sts_steps * SECONDS_PER_STEP["sts"] + p["sts_dev"] / PAIRS_PER_SECOND * s.num_epochs
    return {"nli": nli, "silver": silver, "sts": sts, "total": nli + silver + sts, "nli_steps": nli_steps,
            "silver_steps": silver_steps, "sts_steps": sts_steps}


def run_preset(preset: CrossPreset, progress: Optional[ProgressCallback] = None,
               cancel: Optional[CancelToken] = None):
    """Run the four stages (see :func:`~sbert_desktop.core.training.presets.run_preset`)."""
    return presets.run_preset(preset.stages, progress, cancel)
