"""``sbert-desktop train``: fine-tune a bi-encoder or cross-encoder on NLI or STS pairs.

A progress bar on stderr, one summary line per dev evaluation on stdout. Ctrl-C stops at the next
step and leaves a checkpoint; ``--resume DIR`` continues it and ends with the weights the
uninterrupted run would have had. The output folder loads with ``--model DIR`` everywhere.
Standard library only at import time.
"""

from __future__ import annotations

import argparse
import json
import math
import signal
import sys
from pathlib import Path

#: kept in step with sbert_desktop.core.training.LOSSES / core.models.POOLING_MODES (not imported here)
LOSS_CHOICES = ("softmax", "mnrl", "cosine", "cosent", "ce", "bce", "mse", "cached_mnrl")
POOLING_CHOICES = ("cls", "mean", "max", "mean_sqrt_len_tokens", "weightedmean", "lasttoken")
FORMATS = ("stsb", "korsts", "snli", "kornli", "sick", "generic")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "train",
        help="fine-tune a bi-encoder or cross-encoder on NLI or STS pairs",
        description="Fine-tune with the Sentence-BERT recipe (batch 16, AdamW lr 2e-5, linear warm-up over 10% "
                    "of the steps, 1 epoch for NLI and 4 for STS). Losses: bi/nli softmax (default) | mnrl; "
                    "bi/sts cosine (default) | cosent; cross/nli ce; cross/sts bce. The best model on the dev "
                    "set is written to --out (loadable with --model DIR), with history.csv and "
                    "train_config.json beside it. Ctrl-C stops at the next step and keeps a checkpoint: "
                    "continue with --resume DIR.",
    )
    p.add_argument("--encoder", choices=("bi", "cross"), help="bi-encoder (SBERT) or cross-encoder")
    p.add_argument("--task", choices=("nli", "sts", "distill", "pairs", "triplets"),
                   help="NLI labels, STS scores, distill: multilingual distillation on parallel sentences, "
                        "pairs: (anchor, positive) or triplets: (anchor, positive, negative) retrieval data")
    p.add_argument("--loss", choices=LOSS_CHOICES, help="training objective (default: the task's first)")
    p.add_argument("--model", help="start from: 'default' (bundled, the default), a folder or a hub id; "
                                   "for --task distill the student (default: a copy of --teacher)")
    p.add_argument("--pooling", choices=POOLING_CHOICES, help="bi-encoder pooling (default: the model's own)")
    p.add_argument("--train", dest="train_file", metavar="FILE", help="training pairs")
    p.add_argument("--dev", dest="dev_file", metavar="FILE", help="dev pairs, evaluated during training")
    p.add_argument("--train-format", choices=FORMATS, help="force the training file's format")
    p.add_argument("--dev-format", choices=FORMATS, help="force the dev file's format")
    distill = p.add_argument_group("--task distill (Reimers and Gurevych, 2020): --train/--dev hold parallel "
                                   "sentences, source<TAB>translation (or any table with --source/--target-column)")
    distill.add_argument("--teacher", metavar="MODEL", help="teacher bi-encoder (default: --model, or 'default')")
    distill.add_argument("--sts-dev", dest="sts_dev_file", metavar="FILE",
                         help="an STS dev set in the new language (e.g. KorSTS dev), evaluated during training")
    distill.add_argument("--source-column", metavar="NAME", help="source column (default: the first)")
    distill.add_argument("--target-column", metavar="NAME", help="translation column (default: the second)")
    retrieval = p.add_argument_group("--task pairs / triplets: any table (csv, tsv, jsonl, parquet, xlsx), "
                                     "bi-encoder, loss mnrl (default) or cached_mnrl")
    retrieval.add_argument("--columns", metavar="ROLE=COL,...", type=_column_mapping,
                           help="e.g. anchor=question,positive=answer[,negative=wrong] (default: found by name, "
                                "else the first columns in order)")
    retrieval.add_argument("--mini-batch-size", type=_positive_int, default=32,
                           help="cached_mnrl: rows embedded with a graph at a time (default: %(default)s)")
    p.add_argument("--out", dest="out_dir", metavar="DIR", help="output folder (new or empty)")
    p.add_argument("--epochs", type=_positive_int, help="epochs (default: 1 for NLI, 4 for STS)")
    p.add_argument("--batch-size", type=_positive_int, default=16, help="default: %(default)s")
    p.add_argument("--lr", type=float, default=2e-5, help="AdamW learning rate (default: %(default)s)")
    p.add_argument("--warmup", type=float, default=0.1, metavar="RATIO",
                   help="fraction of the steps with linear warm-up (default: %(default)s)")
    p.add_argument("--weight-decay", type=float, default=0.01, help="default: %(default)s")
    p.add_argument("--max-grad-norm", type=float, default=1.0,
                   help="gradient clipping, 0 for none (default: %(default)s)")
    p.add_argument("--max-seq-length", type=_positive_int,
                   help="truncate longer inputs to N tokens (default: the model's own, 256 for the bundled model)")
    p.add_argument("--seed", type=int, default=42, help="default: %(default)s")
    p.add_argument("--eval-steps", type=_positive_int, help="evaluate every N steps (and at each epoch end)")
    p.add_argument("--max-steps", type=_positive_int, help="stop after N steps (the schedule spans N)")
    p.add_argument("--concat-product", action="store_true", help="softmax head: also use u*v")
    p.add_argument("--both-orders", action="store_true",
                   help="cross-encoder STS: train on every pair as (a, b) and (b, a) (the cross-encoder preset)")
    p.add_argument("--group-by-length", action="store_true",
                   help="batches of similar length (the epoch's order cut into groups of 50 batches, each sorted "
                        "by length; batches shuffled): less padding, the same examples per epoch; not with mnrl")
    p.add_argument("--device", default="auto", help="cpu, cuda, mps or auto (default: %(default)s)")
    p.add_argument("--no-amp", action="store_true", help="no mixed precision on CUDA")
    p.add_argument("--nproc", type=_positive_int, metavar="N",
                   help="data-parallel on N local processes (DDP: one per GPU, or gloo on CPU) via torchrun; "
                        "--batch-size stays the global batch. Several machines: torchrun --nnodes M "
                        "--nproc-per-node N ... -m sbert_desktop train ...")
    p.add_argument("--resume", metavar="DIR", help="continue the cancelled run in DIR (other options ignored)")
    p.add_argument("--onnx", action="store_true",
                   help="also write onnx/model.onnx and onnx/model_qint8_avx2.onnx into the trained model (ONNX "
                        "Runtime fp32 and int8; SentenceTransformer(DIR, backend='onnx') reads them; needs the "
                        "'fast' extra)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the result as JSON at the end")
    return p


def _config(args: argparse.Namespace):
    from sbert_desktop.core.training import TrainConfig, TrainConfigError

    if args.resume:
        cfg = TrainConfig.load(args.resume)
        cfg.out_dir = args.resume
        cfg.device = args.device
        cfg.amp = not args.no_amp
        from sbert_desktop.commands._inputs import given_options

        ignored = given_options(args, add_parser) - {"resume", "device", "no_amp", "quiet", "json", "nproc", "devices"}
        if ignored:  # the run goes on as it was configured; say so rather than drop them silently
            names = ", ".join("--" + name.replace("_", "-") for name in sorted(ignored))
            print(f"sbert-desktop train: warning: {names} ignored: --resume continues the run as it was "
                  f"configured ({args.resume}/train_config.json)", file=sys.stderr)
        return cfg
    if args.task in ("pairs", "triplets") and not args.encoder:
        args.encoder = "bi"  # retrieval data trains bi-encoders
    missing = [flag for flag, value in (("--encoder", args.encoder), ("--task", args.task),
                                        ("--train", args.train_file), ("--out", args.out_dir)) if not value]
    if missing:
        raise TrainConfigError(f"{', '.join(missing)} required (or --resume DIR)")
    model = args.model or (args.teacher if args.task == "distill" and args.teacher else "default")
    distill = {k: getattr(args, k, None) for k in ("teacher", "sts_dev_file", "source_column", "target_column")}
    # files as absolute paths: train_config.json reproduces the run, and a resume from another folder
    # finds the same files (not "changed since the checkpoint")
    absolute = lambda path: str(Path(path).resolve()) if path and Path(path).exists() else path  # noqa: E731
    model = absolute(model)
    distill = {k: absolute(v) if k in ("teacher", "sts_dev_file") else v for k, v in distill.items()}
    return TrainConfig(
        **{k: v for k, v in distill.items() if v},
        encoder=args.encoder, task=args.task, loss=args.loss, model=model, pooling=args.pooling,
        max_seq_length=args.max_seq_length, train_file=absolute(args.train_file), dev_file=absolute(args.dev_file),
        train_format=args.train_format, dev_format=args.dev_format, out_dir=args.out_dir, epochs=args.epochs,
        batch_size=args.batch_size, lr=args.lr, warmup_ratio=args.warmup, weight_decay=args.weight_decay,
        max_grad_norm=args.max_grad_norm or None, seed=args.seed, eval_steps=args.eval_steps, max_steps=args.max_steps,
        device=args.device, amp=not args.no_amp, concat_product=args.concat_product, both_orders=args.both_orders,
        length_grouped=args.group_by_length,
        columns=getattr(args, "columns", None), mini_batch_size=getattr(args, "mini_batch_size", 32),
    )


def _column_mapping(text: str) -> dict:
    """``anchor=q,positive=a[,negative=n]`` -> dict."""
    out = {}
    for part in text.split(","):
        role, sep, column = part.partition("=")
        role = role.strip()
        if not sep or role not in ("anchor", "positive", "negative") or not column.strip():
            raise argparse.ArgumentTypeError(f"expected ROLE=COLUMN with ROLE anchor, positive or negative, got {part!r}")
        out[role] = column.strip()
    return out


def cut_text(info: dict, encoder: str) -> str:
    """What the trainer's ``cut`` figures (run_setup._cut_info) mean, in a line."""
    what = "texts" if encoder == "bi" else "pairs (both sentences together)"
    n, limit = info["max_seq_length"], info.get("limit")
    more = (f"; --max-seq-length up to {limit} trains on more of them" if limit and limit > n
            else "; split long texts into passages to train on all of them")
    return f"{info['cut']:.0%} of the training {what} reach max_seq_length {n} tokens and lose their end to it{more}"


def _format_dev(dev: dict) -> str:
    return " ".join(f"{k} {v:.4f}" for k, v in dev.items())


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.progress import CancelToken
    from sbert_desktop.core.training import train

    from sbert_desktop.commands import _launch

    if args.nproc and args.nproc > 1 and not _launch.under_torchrun():
        return _launch_training(args)
    if _launch.rank() != 0:  # under torchrun: rank 0 alone reports
        args.quiet, args.json = True, False
    cfg = _config(args)
    token = CancelToken()
    bar = ProgressBar("train", enabled=not args.quiet, unit="step")

    warned = []

    def on_progress(event) -> None:
        info = event.info or {}
        if (info.get("cut") or info.get("data_notes")) and not warned:  # once, before the steps go by
            warned.append(True)
            bar.close()
            for note in info.get("data_notes", []):  # what reading the train / dev file changed or assumed
                print(f"sbert-desktop train: warning: {note}", file=sys.stderr, flush=True)
            if info.get("cut"):
                print(f"sbert-desktop train: warning: {cut_text(info, cfg.encoder)}", file=sys.stderr, flush=True)
        if event.stage == "eval":
            info = event.info
            best = info.get("best")
            line = (f"step {event.done}/{event.total} epoch {info.get('epoch')}: {_format_dev(info['dev'])}"
                    f" (best {info.get('metric')} {best:.4f} at step {info.get('best_step')})")
            bar.close()  # ends the bar's line; the summary goes to stdout, the bar to stderr
            print(line, flush=True, file=sys.stderr if args.json else sys.stdout)  # --json: stdout is JSON alone
        else:
            bar(event)

    def on_sigint(signum, frame) -> None:
        if token.cancelled:  # a second Ctrl-C: stop now
            raise KeyboardInterrupt
        token.cancel()
        print("\nstopping at the next step (Ctrl-C again to abort without a checkpoint)", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_sigint) if _main_thread() else None
    try:
        with bar:
            result = train(cfg, progress=on_progress, cancel=token, resume=bool(args.resume))
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if _launch.rank() != 0:
        return 130 if result.status == "cancelled" else 0
    for note in getattr(result, "notes", []):  # an interrupted publish repaired, an unstarted run reused
        print(f"sbert-desktop train: {note}", file=sys.stderr)

    if args.json:
        print(json.dumps({
            "status": result.status, "out_dir": str(result.out_dir), "step": result.step,
            "total_steps": result.total_steps, "metric": result.metric_name,
            "best_metric": result.best_metric if result.best_metric is None or math.isfinite(result.best_metric) else None,
            "best_step": result.best_step, "steps_per_second": result.steps_per_second,
            "checkpoint": str(result.checkpoint_dir) if result.checkpoint_dir else None,
            "max_seq_length": result.max_seq_length,
        }, indent=2))
    if result.status == "cancelled":
        print(f"cancelled at step {result.step}/{result.total_steps}; continue with: sbert-desktop train "
              f"--resume {result.out_dir}", file=sys.stderr)
        return 130
    best = (f", best dev {result.metric_name} {result.best_metric:.4f} at step {result.best_step}"
            if result.metric_name else "")
    own = " (the model's own)" if cfg.max_seq_length is None else ""
    print(f"finished {result.step} steps in {result.train_seconds:.0f}s "
          f"({result.steps_per_second:.2f} steps/s){best}; max_seq_length {result.max_seq_length}{own}; "
          f"model in {result.out_dir}", file=sys.stderr if args.json else sys.stdout)
    if getattr(args, "onnx", False):
        from sbert_desktop.core.models.runtime import add_runtime_files

        for path in add_runtime_files(result.model_dir, cfg.encoder):
            print(f"wrote {path}")
    return 0


def _launch_training(args: argparse.Namespace) -> int:
    """``--nproc N``: the same command under torchrun; a failed rank ends with one clear line."""
    from sbert_desktop.commands._launch import launch

    status = launch(args.nproc)
    if status == 0:
        return 0
    out = args.resume or args.out_dir
    from sbert_desktop.core.training.checkpoint import find_checkpoint, load_checkpoint

    where = "no checkpoint was written"
    if out and find_checkpoint(out) is not None:
        step = load_checkpoint(out).state.get("step")
        where = (f"the last complete checkpoint (step {step}) is in {out}: continue with sbert-desktop train "
                 f"--resume {out} --nproc {args.nproc}")
    print(f"sbert-desktop train: a training process failed (torchrun exit status {status}) and the others were "
          f"stopped; {where}", file=sys.stderr)
    return 2 if status != 130 else 130


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
