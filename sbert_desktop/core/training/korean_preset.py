"""The Korean preset: turn a bi-encoder (by default the bundled English all-MiniLM-L6-v2) into a
Korean-capable one with the data in ``../shared/data``, in three stages:

1. Korean WordPiece pieces learnt from the preset's Korean training text are added to the model's
   vocabulary (:mod:`sbert_desktop.core.training.vocab`): the English vocabulary spells Hangul in
   jamo (49 tokens a KorSTS dev sentence), with the pieces 17, so every later step is ~2.9x cheaper;
2. multilingual distillation on the English-Korean parallel sentences (``parallel/en-ko-train.tsv``;
   dev: ``parallel/en-ko-dev.tsv`` and KorSTS dev), the original model as teacher, at a higher
   learning rate (:data:`DISTILL_LR`) since the new embedding rows have to move, for 5 epochs (the
   new rows keep learning: KorSTS dev after distillation alone 0.4225 after one epoch, 0.6993 after
   three, 0.7605 after five);
3. one epoch of KorSTS fine-tuning (``korsts/sts-train.tsv``, cosine loss) of the distilled model,
   dev KorSTS; the best epoch on dev is published (after 3 distillation epochs, epochs 2-4 of a
   4-epoch KorSTS run scored no higher than its first: 0.7949, 0.7937, 0.7935, 0.7932).

Both training stages use length-grouped batches (``length_grouped``; ``train --group-by-length``):
the same pairs per epoch, batches of similar length, so a step pads little. Measured by
``bench/korean.py`` on the full data (bench/results/korean.txt, Dec 2, one machine): KorSTS dev
Spearman 0.434 untrained -> **0.8242 in 39.1 minutes** (3 distillation epochs: 0.7904 in 28.0
minutes; the same with plain batches and the unfused AdamW, on another machine that morning: 0.7908
in 45.5 minutes); with one distillation epoch (Dec 1) 0.7027 after 4 KorSTS epochs; without the
pieces (``extend_vocab=False``) 0.6734 in 43.5 minutes with one distillation and one KorSTS epoch.

The same stages from the command line::

    sbert-desktop extend-vocab ../shared/data/parallel/en-ko-train.tsv ../shared/data/korsts/sts-train.tsv \\
        --column korean --column sentence1 --column sentence2 --out runs/ko/vocab
    sbert-desktop train --encoder bi --task distill --model runs/ko/vocab --teacher default --lr 1e-4 --epochs 5 \\
        --group-by-length --max-seq-length 128 --train ../shared/data/parallel/en-ko-train.tsv \\
        --dev ../shared/data/parallel/en-ko-dev.tsv --sts-dev ../shared/data/korsts/sts-dev.tsv --out runs/ko/distill
    sbert-desktop train --encoder bi --task sts --model runs/ko/distill --epochs 1 --group-by-length --max-seq-length 128 \\
        --train ../shared/data/korsts/sts-train.tsv --dev ../shared/data/korsts/sts-dev.tsv --out runs/ko/korsts

:func:`estimate_seconds` gives the time on this kind of machine before anything starts (pairs,
epochs and the per-step times measured by ``bench/korean.py``); :func:`run_preset` runs the
stages with progress and cancel, and picks up a cancelled stage where it stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sbert_desktop.core.progress import CancelToken, ProgressCallback
from sbert_desktop.core.training import presets
from sbert_desktop.core.training.presets import PresetDataError  # noqa: F401  (re-exported)

#: seconds per training step (batch 16, length-grouped) of the bundled MiniLM-L6 on two quiet CPU cores,
#: measured by bench/korean.py on the full data with the Korean pieces added (bench/results/korean.txt,
#: Dec 2 14:02): distillation 3,295 steps in 2,027 s, KorSTS 360 steps in 240 s. (With plain batches, on
#: other machines: 1.14 and 1.15 s a step on Dec 2's morning machine, 0.85 and 0.88 on Dec 1's.) Without the
#: pieces (the English vocabulary spells Hangul in jamo, ~2.9x the tokens) each step took 2.85x
#: (distillation, 1,603 s against 562 s) and 3.02x (KorSTS, 956 s against 317 s) as long on Dec 1's
#: machine (plain batches; the ratios are applied to the grouped step times).
SECONDS_PER_STEP = {"distill": 2027 / 3295, "sts": 240 / 360}
SECONDS_PER_STEP_JAMO = {"distill": SECONDS_PER_STEP["distill"] * 1603 / 562,
                         "sts": SECONDS_PER_STEP["sts"] * 956 / 317}
#: encoding for evaluation: 350 English sentences/s measured (bench/results/encode.txt); Korean
#: sentences 17 / 12.9 tokens with the pieces (2.72x English without)
SECONDS_PER_SENTENCE = {"en": 1 / 350, "ko": 1.32 / 350, "ko_jamo": 2.72 / 350}
#: seconds to learn and add the pieces (14 s measured) and save the model
VOCAB_SECONDS = 20.0
#: the distillation learning rate with new pieces (the recipe's 2e-5 without)
DISTILL_LR = 1e-4

FILES = {
    "parallel_train": "parallel/en-ko-train.tsv", "parallel_dev": "parallel/en-ko-dev.tsv",
    "korsts_train": "korsts/sts-train.tsv", "korsts_dev": "korsts/sts-dev.tsv",
}


def data_dir(start: Optional[Path] = None) -> Optional[Path]:
    """``$SBERT_DESKTOP_DATA``, else the first ``shared/data`` beside or above the project folder."""
    return presets.data_dir(FILES["korsts_train"], start)


@dataclass
class KoreanPreset:
    distill: "object"          # TrainConfig of the distillation stage
    korsts: "object"           # TrainConfig of the KorSTS stage
    pairs: dict[str, int]      # rows per file, for the estimate
    vocab: "object" = None     # VocabStage before them (None: the vocabulary is kept)

    @property
    def stages(self) -> list:
        return ([self.vocab] if self.vocab is not None else []) + [self.distill, self.korsts]

    @property
    def model(self) -> str:
        """The model the preset starts from."""
        return self.vocab.model if self.vocab is not None else self.distill.model


def plan(out_dir: str | Path, model: str = "default", data: Optional[Path] = None, distill_epochs: int = 5,
         korsts_epochs: int = 1, max_seq_length: int = 128, device: str = "auto",
         extend_vocab: bool = True, length_grouped: bool = True) -> KoreanPreset:
    """The stages: ``out_dir/vocab`` (with ``extend_vocab``), ``out_dir/distill``, ``out_dir/korsts``."""
    from sbert_desktop.core.training.config import TrainConfig
    from sbert_desktop.core.training.vocab import VocabStage

    f = presets.data_files("Korean preset", FILES, data)
    out = Path(out_dir)
    common = dict(encoder="bi", batch_size=16, max_seq_length=max_seq_length, device=device, seed=42,
                  length_grouped=length_grouped)
    vocab = VocabStage(model=model, parallel_file=f["parallel_train"], sts_file=f["korsts_train"],
                       out_dir=str(out / "vocab")) if extend_vocab else None
    student = dict(model=vocab.out_dir, teacher=model, lr=DISTILL_LR) if vocab else dict(model=model)
    distill = TrainConfig(task="distill", train_file=f["parallel_train"], dev_file=f["parallel_dev"],
                          sts_dev_file=f["korsts_dev"], out_dir=str(out / "distill"), epochs=distill_epochs,
                          **student, **common)
    korsts = TrainConfig(task="sts", model=str(out / "distill"), train_file=f["korsts_train"],
                         dev_file=f["korsts_dev"], out_dir=str(out / "korsts"), epochs=korsts_epochs, **common)
    pairs = {k: presets.count_rows(p) for k, p in f.items()}
    return KoreanPreset(distill.validate(), korsts.validate(), pairs, vocab)


def estimate_seconds(preset: KoreanPreset) -> dict[str, float]:
    """Seconds per stage and in total on two CPU cores (more cores or a GPU: less)."""
    import math

    p, d, k = preset.pairs, preset.distill, preset.korsts
    pieces = preset.vocab is not None
    step = SECONDS_PER_STEP if pieces else SECONDS_PER_STEP_JAMO
    distill_steps = math.ceil(p["parallel_train"] / d.batch_size) * d.num_epochs
    korsts_steps = math.ceil(p["korsts_train"] / k.batch_size) * k.num_epochs
    en, ko = SECONDS_PER_SENTENCE["en"], SECONDS_PER_SENTENCE["ko" if pieces else "ko_jamo"]
    teacher = (p["parallel_train"] + p["parallel_dev"]) * en
    distill_eval = (p["parallel_dev"] * (en + ko) + p["korsts_dev"] * 2 * ko) * d.num_epochs
    vocab = VOCAB_SECONDS if pieces else 0.0
    distill = distill_steps * step["distill"] + teacher + distill_eval
    korsts = korsts_steps * step["sts"] + p["korsts_dev"] * 2 * ko * k.num_epochs
    return {"vocab": vocab, "distill": distill, "korsts": korsts, "total": vocab + distill + korsts,
            "distill_steps": distill_steps, "korsts_steps": korsts_steps}


def run_preset(preset: KoreanPreset, progress: Optional[ProgressCallback] = None,
               cancel: Optional[CancelToken] = None):
    """Run the stages (see :func:`~sbert_desktop.core.training.presets.run_preset`)."""
    return presets.run_preset(preset.stages, progress, cancel)
