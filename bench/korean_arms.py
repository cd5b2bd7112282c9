"""The pieces of ``bench/korean.py``: data subsets written to files, the evaluation of a model, one
training arm (ours, with a clean stop at a deadline and resume from its checkpoint), the
sentence-transformers distillation peer, and the small ``<arm>.bench.json`` record that lets a later
run reuse a model trained by an earlier one.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import subprocess
import time
from pathlib import Path
from typing import Optional

#: what a saved arm must have been trained with to be reused (see ``Arm.keys``)
TRAIN_KEYS = {
    "korsts": ("korsts_pairs", "korsts_epochs", "batch_size", "lr", "max_seq_length", "seed", "group_by_length",
               "korsts_loss"),
    "distill": ("distill_pairs", "distill_epochs", "batch_size", "distill_lr", "max_seq_length", "seed", "group_by_length"),
}


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return f"load average {os.getloadavg()}"


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def sample(n_total: int, n: int, seed: int) -> list[int]:
    if n <= 0 or n >= n_total:
        return list(range(n_total))
    return sorted(random.Random(seed).sample(range(n_total), n))


def write_sts(ds, idx, path: Path) -> Path:
    lines = ["sentence1\tsentence2\tscore"]
    lines += [f"{ds.sentence1[i]}\t{ds.sentence2[i]}\t{float(ds.scores[i]):.4f}" for i in idx]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_parallel(par, idx, path: Path) -> Path:
    lines = ["english\tkorean"] + [f"{par.source[i]}\t{par.target[i]}" for i in idx]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def evaluate(model_dir: str, sts_dev, par_dev, max_len: int) -> dict:
    from sbert_desktop.core.evaluation import evaluate_sts_bi
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training.distill import translation_accuracy

    t = time.perf_counter()
    model = BiEncoder.load(model_dir, max_seq_length=max_len, device="cpu")
    sts = evaluate_sts_bi(model, sts_dev, 64)
    src, tgt = model.encode(par_dev.source, 64), model.encode(par_dev.target, 64)
    s2t, t2s = translation_accuracy(src, tgt)
    return {"spearman": sts["spearman"], "pearson": sts["pearson"], "en2ko": s2t, "ko2en": t2s,
            "eval_seconds": time.perf_counter() - t}


class Deadline:
    """``--stop-by HH:MM`` (UTC, today): no arm starts that its estimate says ends later, and a
    training of ours that runs past it is cancelled after its current step (checkpoint kept)."""

    def __init__(self, hhmm: Optional[str]):
        self.at: Optional[float] = None
        if hhmm:
            hour, minute = (int(x) for x in hhmm.split(":"))
            now = dt.datetime.now(dt.timezone.utc)
            self.at = now.replace(hour=hour, minute=minute, second=0, microsecond=0).timestamp()

    def left(self) -> float:
        return math.inf if self.at is None else self.at - time.time()

    def passed(self) -> bool:
        return self.left() <= 0

    def label(self) -> str:
        return "none" if self.at is None else dt.datetime.fromtimestamp(self.at, dt.timezone.utc).strftime("%H:%M UTC")


def finished_model(folder: Path) -> bool:
    """A published model whose run finished (``best.json`` says so) and no checkpoint is left."""
    best = folder / "best.json"
    if not best.is_file() or (folder / "checkpoint").exists():
        return False
    try:
        return json.loads(best.read_text(encoding="utf-8")).get("finished") is not False
    except (OSError, ValueError):
        return False


def steps_done(folder: Path) -> int:
    """Steps already taken by a stopped run whose checkpoint is in ``folder`` (0 when none)."""
    try:
        return int(json.loads((folder / "checkpoint" / "state.json").read_text(encoding="utf-8"))["step"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def save_record(base: Path, name: str, record: dict) -> None:
    (base / f"{name}.bench.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def load_record(base: Path, name: str, ours: bool = True) -> Optional[dict]:
    """The record of a finished arm in ``base`` (ours: also its folder's ``best.json`` says finished;
    the peer's record is written only after its model is saved)."""
    path = base / f"{name}.bench.json"
    if not path.is_file() or not (base / name).is_dir() or (ours and not finished_model(base / name)):
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def train_ours(label: str, deadline: Deadline, **kw) -> dict:
    """One training of ours; resumes when ``out_dir`` holds a checkpoint of the same configuration
    (an arm stopped at an earlier run's deadline). Prints one line; returns steps and times."""
    from sbert_desktop.core.progress import CancelToken
    from sbert_desktop.core.training import TrainConfig, find_checkpoint, train

    cfg = TrainConfig(encoder="bi", device="cpu", **kw)
    resume = Path(cfg.out_dir).is_dir() and find_checkpoint(cfg.out_dir) is not None
    cancel = CancelToken()

    def watch(event) -> None:
        if deadline.passed():
            cancel.cancel()

    wall = time.perf_counter()
    result = train(cfg, progress=watch, cancel=cancel, resume=resume)
    wall = time.perf_counter() - wall
    out = {"steps": result.step, "total_steps": result.total_steps, "train_seconds": result.train_seconds,
           "wall": wall, "dir": str(result.out_dir), "history": result.history, "best_step": result.best_step,
           "status": result.status, "resumed": resume}
    how = "resumed from its checkpoint, " if resume else ""
    if result.status != "finished":
        print(f"  [{label}] STOPPED at --stop-by {deadline.label()}: step {result.step} of {result.total_steps}, "
              f"training {result.train_seconds:.0f}s ({how}wall {wall:.0f}s this run); checkpoint kept in "
              f"{result.out_dir}", flush=True)
        return out
    print(f"  [{label}] {result.step} steps, training {result.train_seconds:.0f}s "
          f"({result.steps_per_second:.3f} steps/s, {result.train_seconds / max(result.step, 1):.2f} s/step), "
          f"{how}wall {wall:.0f}s{' this run' if resume else ''} (with teacher embeddings / dev evaluations, saving)",
          flush=True)
    return out


def print_epochs(history: list[dict], epochs: int, best_step: Optional[int]) -> Optional[int]:
    """The trainer's KorSTS dev evaluation after each epoch of a multi-epoch run; returns the epoch
    whose model was published (the best by dev Spearman, as ``train --dev`` publishes)."""
    published = None
    for row in history:
        epoch = int(round(float(row["epoch"])))
        mark = ""
        if row["step"] == best_step:
            published, mark = epoch, "  <- published (best dev Spearman)"
        print(f"    after epoch {epoch} of {epochs} (step {row['step']}, within the {epochs}-epoch run, not the "
              f"1-epoch arm): KorSTS dev spearman {row['spearman']:.4f} (pearson {row['pearson']:.4f}){mark}",
              flush=True)
    return published


def distill_reference(args, teacher_path: str, par, out: Path) -> dict:
    """sentence-transformers' own distillation loop on the same pairs (the peer)."""
    import numpy as np
    import torch
    from sentence_transformers import InputExample, SentenceTransformer
    from sentence_transformers.sentence_transformer.losses import MSELoss
    from torch.utils.data import DataLoader

    lr = args.distill_lr or args.lr
    wall = time.perf_counter()
    teacher = SentenceTransformer(teacher_path, device="cpu")
    teacher.max_seq_length = args.max_seq_length
    emb = teacher.encode(par.source, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
    torch.manual_seed(args.seed)
    student = SentenceTransformer(teacher_path, device="cpu")
    student.max_seq_length = args.max_seq_length
    examples = [InputExample(texts=[s, t], label=np.asarray(e)) for s, t, e in zip(par.source, par.target, emb)]
    loader = DataLoader(examples, shuffle=True, batch_size=args.batch_size,
                        generator=torch.Generator().manual_seed(args.seed))
    steps = len(loader) * args.distill_epochs
    start = time.perf_counter()
    student.old_fit(train_objectives=[(loader, MSELoss(student))], epochs=args.distill_epochs,
                    warmup_steps=math.ceil(0.1 * steps), optimizer_params={"lr": lr}, weight_decay=0.01,
                    max_grad_norm=1.0, show_progress_bar=False)
    seconds = time.perf_counter() - start
    student.save(str(out))
    wall = time.perf_counter() - wall
    print(f"  [distill, sentence-transformers] {steps} steps, training {seconds:.0f}s "
          f"({steps / seconds:.3f} steps/s, {seconds / steps:.2f} s/step), wall {wall:.0f}s", flush=True)
    return {"steps": steps, "total_steps": steps, "train_seconds": seconds, "wall": wall, "dir": str(out),
            "status": "finished", "history": [], "best_step": None, "resumed": False}
