"""The Korean preset: turn a bi-encoder (by default the bundled English all-MiniLM-L6-v2) into a
Korean-capable one with the data in ``../shared/data``, in two runs:

1. multilingual distillation on the English-Korean parallel sentences (``parallel/en-ko-train.tsv``;
   dev: ``parallel/en-ko-dev.tsv`` and KorSTS dev), the model being its own teacher;
2. KorSTS fine-tuning (``korsts/sts-train.tsv``, cosine loss) of the distilled model, dev KorSTS.

The same two runs from the command line::

    sbert-desktop train --encoder bi --task distill --model default \\
        --train ../shared/data/parallel/en-ko-train.tsv --dev ../shared/data/parallel/en-ko-dev.tsv \\
        --sts-dev ../shared/data/korsts/sts-dev.tsv --out runs/ko/distill
    sbert-desktop train --encoder bi --task sts --model runs/ko/distill --epochs 1 \\
        --train ../shared/data/korsts/sts-train.tsv --dev ../shared/data/korsts/sts-dev.tsv --out runs/ko/korsts

:func:`estimate_seconds` gives the time on this kind of machine before anything starts (pairs,
epochs and the per-step times measured by ``bench/korean.py``); :func:`run_preset` runs both
stages with progress and cancel, and picks up a cancelled stage where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sbert_desktop.core.progress import CancelToken, ProgressCallback
from sbert_desktop.core.training import presets
from sbert_desktop.core.training.presets import PresetDataError  # noqa: F401  (re-exported)

#: seconds per training step (batch 16) of the bundled MiniLM-L6 on two quiet CPU cores, measured by
#: bench/korean.py on the full data (bench/results/korean.txt, load 0.9-2.4): distillation 659 steps
#: in 1,603 s (one English and one Korean sentence per pair), KorSTS 360 steps in 956 s. The English
#: vocabulary breaks Hangul into jamo, so Korean steps cost ~3.7x an English STS-B step (0.72 s).
SECONDS_PER_STEP = {"distill": 1603 / 659, "sts": 956 / 360}
#: encoding for evaluation: 350 English sentences/s measured (bench/results/encode.txt), Korean 2.7x longer
SECONDS_PER_SENTENCE = {"en": 1 / 350, "ko": 2.72 / 350}

FILES = {
    "parallel_train": "parallel/en-ko-train.tsv", "parallel_dev": "parallel/en-ko-dev.tsv",
    "korsts_train": "korsts/sts-train.tsv", "korsts_dev": "korsts/sts-dev.tsv",
}


def data_dir(start: Optional[Path] = None) -> Optional[Path]:
    """``$SBERT_DESKTOP_DATA``, else the first ``shared/data`` beside or above the project folder."""
    return presets.data_dir(FILES["korsts_train"], start)


@dataclass
class KoreanPreset:
    distill: "object"          # TrainConfig of stage 1
    korsts: "object"           # TrainConfig of stage 2
    pairs: dict[str, int]      # rows per file, for the estimate

    @property
    def stages(self) -> list:
        return [self.distill, self.korsts]


def plan(out_dir: str | Path, model: str = "default", data: Optional[Path] = None, distill_epochs: int = 1,
         korsts_epochs: int = 1, max_seq_length: int = 128, device: str = "auto") -> KoreanPreset:
    """The two training configurations (``out_dir/distill``, then ``out_dir/korsts``)."""
    from sbert_desktop.core.training.config import TrainConfig

    f = presets.data_files("Korean preset", FILES, data)
    out = Path(out_dir)
    common = dict(encoder="bi", batch_size=16, max_seq_length=max_seq_length, device=device, seed=42)
    distill = TrainConfig(task="distill", model=model, train_file=f["parallel_train"], dev_file=f["parallel_dev"],
                          sts_dev_file=f["korsts_dev"], out_dir=str(out / "distill"), epochs=distill_epochs,
                          **common)
    korsts = TrainConfig(task="sts", model=str(out / "distill"), train_file=f["korsts_train"],
                         dev_file=f["korsts_dev"], out_dir=str(out / "korsts"), epochs=korsts_epochs, **common)
    pairs = {k: presets.count_rows(p) for k, p in f.items()}
    return KoreanPreset(distill.validate(), korsts.validate(), pairs)


def estimate_seconds(preset: KoreanPreset) -> dict[str, float]:
    """Seconds per stage and in total on two CPU cores (more cores or a GPU: less)."""
    import math

    p, d, k = preset.pairs, preset.distill, preset.korsts
    distill_steps = math.ceil(p["parallel_train"] / d.batch_size) * d.num_epochs
    korsts_steps = math.ceil(p["korsts_train"] / k.batch_size) * k.num_epochs
    en, ko = SECONDS_PER_SENTENCE["en"], SECONDS_PER_SENTENCE["ko"]
    teacher = (p["parallel_train"] + p["parallel_dev"]) * en
    distill_eval = (p["parallel_dev"] * (en + ko) + p["korsts_dev"] * 2 * ko) * d.num_epochs
    distill = distill_steps * SECONDS_PER_STEP["distill"] + teacher + distill_eval
    korsts = korsts_steps * SECONDS_PER_STEP["sts"] + p["korsts_dev"] * 2 * ko * k.num_epochs
    return {"distill": distill, "korsts": korsts, "total": distill + korsts,
            "distill_steps": distill_steps, "korsts_steps": korsts_steps}


def run_preset(preset: KoreanPreset, progress: Optional[ProgressCallback] = None,
               cancel: Optional[CancelToken] = None):
    """Run both stages (see :func:`~sbert_desktop.core.training.presets.run_preset`)."""
    return presets.run_preset(preset.stages, progress, cancel)
