"""The Korean preset measured: KorSTS dev Spearman and English-Korean translation retrieval of the
bundled (English) model untrained, after KorSTS only, after distillation only, and after
distillation then KorSTS (the preset); with the time of each arm and the machine's load.

Distillation is also run by sentence-transformers (``old_fit`` with its ``MSELoss`` on the same
parallel pairs, teacher embeddings, batch size, lr, warm-up, seed and threads) as the peer; its
model is evaluated the same way. (Its MSELoss averages the source and translation terms where ours
sums them; AdamW makes the two nearly equivalent.)

The whole bench is ~2 h on two cores, so it runs in parts: ``--arms`` chooses the arms (run in the
order given), ``--keep DIR`` keeps each trained model with a ``<arm>.bench.json`` record (steps,
times, load), ``--reuse DIR`` evaluates the models an earlier run kept there instead of training
them again (the preset's distillation stage included), and ``--stop-by HH:MM`` (UTC) starts no arm
that its estimate says ends later and stops one of ours cleanly at that time (its checkpoint stays in
``--keep``; the same command resumes it). With ``--korsts-epochs`` > 1 the KorSTS dev Spearman after
each epoch is printed as well (measured during that run, so it is not the 1-epoch arm's figure).

    nice -n 5 python bench/korean.py --keep /work/runs/korean               # every arm, all pairs
    nice -n 5 python bench/korean.py --arms untrained,distill,preset,korsts --keep /work/runs/korean \\
        --stop-by 06:00
    nice -n 5 python bench/korean.py --arms korsts,peer --korsts-epochs 4 --keep /work/runs/korean-4ep \\
        --reuse /work/runs/korean
    nice -n 5 python bench/korean.py --distill-pairs 3200 --korsts-pairs 1600 --dev-pairs 500
                                                           # shortened (printed as such)

Raw output: bench/results/korean.txt.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data"

from korean_arms import (TRAIN_KEYS, Deadline, distill_reference, evaluate, load_record, now_utc,  # noqa: E402
                         print_epochs, sample, save_record, steps_done, train_ours, uptime, write_parallel,
                         write_sts)

ARMS = ("untrained", "korsts", "distill", "preset", "peer")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--arms", default=",".join(ARMS),
                        help=f"comma-separated, run in this order (default: {','.join(ARMS)}); "
                        "preset = distillation then KorSTS, peer = sentence-transformers' distillation")
    parser.add_argument("--distill-pairs", type=int, default=0, help="parallel training pairs (0: all 10,536)")
    parser.add_argument("--korsts-pairs", type=int, default=0, help="KorSTS training pairs (0: all 5,749)")
    parser.add_argument("--dev-pairs", type=int, default=0, help="KorSTS dev pairs evaluated (0: all 1,500)")
    parser.add_argument("--parallel-dev", type=int, default=1000, help="parallel dev pairs for retrieval (0: all)")
    parser.add_argument("--distill-epochs", type=int, default=1)
    parser.add_argument("--korsts-epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--distill-lr", type=float, default=None, help="default: --lr")
    parser.add_argument("--max-seq-length", type=int, default=128)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--korsts-loss", choices=("cosine", "cosent"), default="cosine",
                        help="the KorSTS stage's loss (default: the paper's cosine MSE)")
    parser.add_argument("--group-by-length", action="store_true",
                        help="our trainings with length-grouped batches (train --group-by-length; the preset's "
                             "default since Dec 2)")
    parser.add_argument("--extend-vocab", type=int, default=0, metavar="N",
                        help="first add Korean WordPiece pieces (N learnt) from the training text (the Korean side "
                             "of the parallel train file and KorSTS train) to the bundled model, and start every "
                             "arm from it (timed; the teacher of distillation stays the bundled model)")
    parser.add_argument("--no-reference", action="store_true", help="skip the sentence-transformers peer")
    parser.add_argument("--keep", type=Path, help="keep the trained models (and their data files) here")
    parser.add_argument("--reuse", type=Path, help="evaluate the finished models an earlier --keep left here "
                        "instead of training them (same pair counts, epochs, lr, seed)")
    parser.add_argument("--stop-by", metavar="HH:MM", help="UTC, today: start no arm estimated to end later; "
                        "stop a training of ours at that time (checkpoint kept in --keep)")
    parser.add_argument("--step-seconds", default="distill=2.5,sts=3.0",
                        help="seconds per step assumed for --stop-by until this run measured its own")
    args = parser.parse_args(argv)
    args.arms = [a.strip() for a in args.arms.split(",") if a.strip()]
    unknown = [a for a in args.arms if a not in ARMS]
    if unknown:
        parser.error(f"unknown arm(s) {', '.join(unknown)}; choose from {', '.join(ARMS)}")
    if args.no_reference and "peer" in args.arms:
        args.arms.remove("peer")
    args.rates = {k: float(v) for k, v in (p.split("=") for p in args.step_seconds.split(","))}
    return args


def folder_names(args) -> dict:
    d, k = f"{args.distill_epochs}ep", f"{args.korsts_epochs}ep"
    v = f"-vocab{args.extend_vocab}" if args.extend_vocab else ""
    v += "-grouped" if args.group_by_length else ""
    k += "-cosent" if args.korsts_loss == "cosent" else ""
    return {"korsts": f"korsts-{k}{v}", "distill": f"distill-{d}{v}", "preset": f"distill-{d}-korsts-{k}{v}",
            "peer": f"distill-st-{d}"}


def extended_base(args, korsts_train, par_train, k_idx, d_idx, base: Path) -> tuple[str, float]:
    """The bundled model with Korean pieces learnt from the arms' training text (kept in ``base``)."""
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training.vocab import extend_vocabulary

    folder = base / f"base-vocab{args.extend_vocab}"
    if (folder / "modules.json").is_file():
        print(f"  [vocab] reused {folder}", flush=True)
        return str(folder), 0.0
    t = time.perf_counter()
    texts = [par_train.target[i] for i in d_idx] + [s for i in k_idx for s in (korsts_train.sentence1[i],
                                                                              korsts_train.sentence2[i])]
    model = BiEncoder.load("default", device="cpu")
    report = extend_vocabulary(model, texts, new_tokens=args.extend_vocab)
    model.save(folder)
    took = time.perf_counter() - t
    print(f"  [vocab] {report.summary()}; {took:.0f}s", flush=True)
    return str(folder), took


def preflight(args, names: dict, base: Path) -> None:
    """Stop before the first arm when a --keep folder of an arm is in the way (not empty, not a
    checkpoint to resume, not a finished model that --reuse of the same folder takes)."""
    if args.keep is None:
        return
    for arm in args.arms:
        folder = base / names.get(arm, "-")
        if arm == "untrained" or not folder.is_dir() or not any(folder.iterdir()):
            continue
        if arm != "peer" and (folder / "checkpoint" / "state.json").is_file():
            continue  # resumed by the trainer
        if args.reuse is not None and args.reuse.resolve() == args.keep.resolve() and \
                load_record(args.keep, names[arm], ours=arm != "peer") is not None:
            continue
        raise SystemExit(f"{folder}: already holds a model; --reuse {args.keep} to evaluate it, or another --keep")


def main(argv=None) -> int:
    args = parse_args(argv)
    import torch

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.data.parallel import read_parallel
    from sbert_desktop.core.models import default_model_path

    t_all = time.perf_counter()
    korsts_train = read_pairs(args.data / "korsts/sts-train.tsv")
    korsts_dev = read_pairs(args.data / "korsts/sts-dev.tsv")
    par_train = read_parallel(args.data / "parallel/en-ko-train.tsv")
    par_dev = read_parallel(args.data / "parallel/en-ko-dev.tsv").one_to_one()
    dev_idx = sample(len(korsts_dev), args.dev_pairs, args.seed)
    korsts_dev = korsts_dev.subset(dev_idx)
    par_dev = par_dev.subset(sample(len(par_dev), args.parallel_dev, args.seed))
    d_idx = sample(len(par_train), args.distill_pairs, args.seed)
    k_idx = sample(len(korsts_train), args.korsts_pairs, args.seed)
    shortened = len(d_idx) < len(par_train) or len(k_idx) < len(korsts_train) or len(dev_idx) < 1500
    settings = {"distill_pairs": len(d_idx), "korsts_pairs": len(k_idx), "distill_epochs": args.distill_epochs,
                "korsts_epochs": args.korsts_epochs, "batch_size": args.batch_size, "lr": args.lr,
                "distill_lr": args.distill_lr or args.lr, "max_seq_length": args.max_seq_length,
                "seed": args.seed, "dev_pairs": len(dev_idx), "group_by_length": args.group_by_length,
                "korsts_loss": args.korsts_loss}
    names = folder_names(args)
    deadline = Deadline(args.stop_by)
    print(f"{'SHORTENED run' if shortened else 'full data'} ({now_utc()}), arms {','.join(args.arms)}: "
          f"distillation on {len(d_idx):,} of {len(par_train):,} parallel pairs x {args.distill_epochs} epoch(s), "
          f"KorSTS on {len(k_idx):,} of {len(korsts_train):,} pairs x {args.korsts_epochs} epoch(s); KorSTS dev "
          f"{len(korsts_dev):,} pairs, translation retrieval on {len(par_dev):,} one-to-one parallel dev pairs; "
          f"batch {args.batch_size}, lr {args.lr}, max_seq_length {args.max_seq_length}, seed {args.seed}"
          f"{', length-grouped batches' if args.group_by_length else ''}"
          f"{', KorSTS loss cosent' if args.korsts_loss == 'cosent' else ''}; "
          f"torch {torch.__version__}, threads {torch.get_num_threads()}, cpus {os.cpu_count()}; "
          f"keep {args.keep or '-'}, reuse {args.reuse or '-'}, stop by {deadline.label()}", flush=True)
    print(f"uptime at start: {uptime()}", flush=True)
    default = str(default_model_path())
    done: dict[str, dict] = {}  # arm -> training record (this run's or reused)
    rates = {"distill": args.rates.get("distill", 2.5), "sts": args.rates.get("sts", 3.0)}
    eval_estimate = [(2 * len(korsts_dev) * 2.72 + len(par_dev) * 3.72) / 350 * 2]

    def report(name: str, ev: dict, tr: dict | None) -> None:
        took = ""
        if tr:
            took = f"; training {tr['train_seconds']:.0f}s, wall {tr['wall']:.0f}s"
            took += f" (reused: trained {tr['date']})" if tr.get("reused") else ""
        print(f"{name:<42} KorSTS dev spearman {ev['spearman']:.4f} (pearson {ev['pearson']:.4f}); "
              f"retrieval en->ko {ev['en2ko']:.3f} ko->en {ev['ko2en']:.3f}; eval {ev['eval_seconds']:.0f}s{took}",
              flush=True)
        print(f"  load after: {uptime()}", flush=True)
        eval_estimate.append(ev["eval_seconds"])

    def reused(arm: str, keys) -> dict | None:
        if args.reuse is None:
            return None
        rec = load_record(args.reuse, names[arm], ours=arm != "peer")
        if rec is None:
            return None
        older = {"group_by_length": False, "korsts_loss": "cosine"}  # records from before these options
        differs = [k for k in keys if rec["settings"].get(k, older.get(k)) != settings[k]]
        if differs:
            raise SystemExit(f"--reuse {args.reuse / names[arm]}: trained with a different {', '.join(differs)}")
        print(f"  [{arm}] reused {args.reuse / names[arm]}: trained {rec['date']}, {rec['steps']} steps, training "
              f"{rec['train_seconds']:.0f}s, wall {rec['wall']:.0f}s; load then: {rec['load_start']} / "
              f"{rec['load_end']}", flush=True)
        return {**rec, "dir": str(args.reuse / names[arm]), "reused": True}

    measured: set[str] = set()

    def fits(arm: str, steps: int, rate_key: str, extra: float = 0.0) -> bool:
        if arm in names and args.keep is not None:  # a stopped run resumes where it stopped
            steps = max(0, steps - steps_done(args.keep / names[arm]))
        if rate_key == "sts" and "sts" not in measured and "distill" in measured:
            rates["sts"] = rates["distill"] * 2.72 / 1.73  # KorSTS pairs: ~1.6x a parallel pair's tokens
        need = steps * rates[rate_key] + max(eval_estimate) + extra + 30
        left = deadline.left()
        if need <= left:
            return True
        print(f"SKIPPED {arm}: estimated {need / 60:.1f} min ({steps} steps at {rates[rate_key]:.2f} s/step, "
              f"evaluation, loading), {max(left, 0) / 60:.1f} min left before {deadline.label()}", flush=True)
        return False

    with tempfile.TemporaryDirectory(prefix="bench-korean-") as tmp:
        base = args.keep or Path(tmp)
        data_dir = base / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        ktrain = write_sts(korsts_train, k_idx, data_dir / f"korsts-train-{len(k_idx)}.tsv")
        kdev = write_sts(korsts_dev, range(len(korsts_dev)), data_dir / f"korsts-dev-{len(korsts_dev)}.tsv")
        ptrain = write_parallel(par_train, d_idx, data_dir / f"parallel-train-{len(d_idx)}.tsv")
        common = dict(batch_size=args.batch_size, max_seq_length=args.max_seq_length, seed=args.seed,
                      length_grouped=args.group_by_length)
        k_steps = math.ceil(len(k_idx) / args.batch_size) * args.korsts_epochs
        d_steps = math.ceil(len(d_idx) / args.batch_size) * args.distill_epochs
        teacher_estimate = len(d_idx) / 350 * 2
        dev_evals = (args.korsts_epochs + 1) * max(eval_estimate) if args.korsts_epochs > 1 else 0.0
        preflight(args, names, base)
        start_model, vocab_seconds = "default", 0.0
        if args.extend_vocab:
            start_model, vocab_seconds = extended_base(args, korsts_train, par_train, k_idx, d_idx, base)

        def korsts_stage(label: str, model: str, out: str) -> dict:
            # more than one epoch: the trainer evaluates KorSTS dev after each (and publishes the best)
            dev = dict(dev_file=str(kdev)) if args.korsts_epochs > 1 else {}
            return train_ours(label, deadline, task="sts", model=model, train_file=str(ktrain), out_dir=out,
                              epochs=args.korsts_epochs, lr=args.lr, loss=args.korsts_loss, **dev, **common)

        def finish(arm: str, tr: dict, title: str, rate_key: str | None, shown: dict | None = None) -> None:
            """Record a finished arm (``<arm>.bench.json`` in --keep), print its epochs and evaluate it;
            ``shown``: the times to print when they are not the arm's own (the preset's two stages)."""
            if tr["status"] != "finished":
                return
            if rate_key and tr["steps"] and not tr.get("reused"):
                rates[rate_key] = tr["train_seconds"] / tr["steps"]
                measured.add(rate_key)
            published = None
            if args.korsts_epochs > 1 and arm in ("korsts", "preset") and tr.get("history"):
                published = print_epochs(tr["history"], args.korsts_epochs, tr.get("best_step"))
            if published is not None:
                title += f" (published: epoch {published})"
            if not tr.get("reused") and args.keep:
                save_record(base, names[arm], {k: v for k, v in tr.items() if k != "dir"}
                            | {"settings": settings, "date": now_utc(), "load_end": uptime()})
            done[arm] = tr
            report(title, evaluate(tr["dir"], korsts_dev, par_dev, args.max_seq_length), shown or tr)

        for arm in args.arms:
            load_start = uptime()
            print(f"== {arm} ({now_utc()}); load before: {load_start}", flush=True)
            if arm == "untrained":
                if fits(arm, 0, "sts"):
                    report("untrained (bundled all-MiniLM-L6-v2)" if start_model == "default"
                           else "untrained, Korean pieces added",
                           evaluate(default if start_model == "default" else start_model, korsts_dev, par_dev,
                                    args.max_seq_length), None)
            elif arm == "korsts":
                title = f"KorSTS only, {args.korsts_epochs} epoch(s)"
                tr = reused(arm, TRAIN_KEYS["korsts"] + (("dev_pairs",) if args.korsts_epochs > 1 else ()))
                if tr is None and fits(arm, k_steps, "sts", dev_evals):
                    tr = korsts_stage("KorSTS only", start_model, str(base / names[arm])) | {"load_start": load_start}
                if tr is not None:
                    finish(arm, tr, title, "sts")
            elif arm in ("distill", "peer"):
                peer = arm == "peer"
                tr = reused(arm, TRAIN_KEYS["distill"])
                if tr is None and fits(arm, d_steps, "distill", teacher_estimate):
                    out = base / names[arm]
                    if peer:
                        tr = distill_reference(args, default, par_train.subset(d_idx), out)
                    else:
                        tr = train_ours("distill", deadline, task="distill", model=start_model, teacher="default",
                                        train_file=str(ptrain),
                                        out_dir=str(out), epochs=args.distill_epochs,
                                        lr=args.distill_lr or args.lr, **common)
                    tr["load_start"] = load_start
                if tr is not None:
                    finish(arm, tr, "distillation only, sentence-transformers" if peer else "distillation only",
                           None if peer else "distill")
            elif arm == "preset":
                distilled = done.get("distill") or reused("distill", TRAIN_KEYS["distill"])
                if distilled is None:
                    print("SKIPPED preset: no finished distillation (run the distill arm first, in this run or in "
                          "the --reuse folder)", flush=True)
                    continue
                keys = TRAIN_KEYS["korsts"] + TRAIN_KEYS["distill"] + (("dev_pairs",) if args.korsts_epochs > 1 else ())
                tr = reused(arm, keys)
                if tr is None and fits(arm, k_steps, "sts", dev_evals):
                    tr = korsts_stage("distill then KorSTS", distilled["dir"], str(base / names[arm]))
                    tr["load_start"] = load_start
                if tr is not None:
                    both = {k: tr[k] + distilled[k] + vocab_seconds for k in ("train_seconds", "wall")}
                    if tr["status"] == "finished":
                        print(f"  [preset] all stages: training {both['train_seconds']:.0f}s, wall {both['wall']:.0f}s "
                              f"(vocabulary {vocab_seconds:.0f}s, "
                              f"distillation {distilled['train_seconds']:.0f}s / {distilled['wall']:.0f}s, KorSTS "
                              f"{tr['train_seconds']:.0f}s / {tr['wall']:.0f}s)", flush=True)
                    finish(arm, tr, "distillation then KorSTS (the preset)", "sts", {**tr, **both})
        if "distill" in done and "peer" in done:
            ours, ref = done["distill"], done["peer"]
            ratio = (ours["steps"] / ours["train_seconds"]) / (ref["steps"] / ref["train_seconds"])
            print(f"distillation speed ratio sbert-desktop / sentence-transformers: {ratio:.2f}x (training steps "
                  f"only; compare the load lines of the two arms)", flush=True)
    print(f"uptime at end: {uptime()}; total {time.perf_counter() - t_all:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
