"""``sbert-desktop silver-pairs GOLD --out PAIRS``: new sentence pairs scored by a bi-encoder.

The cross-encoder preset's second step (:mod:`sbert_desktop.core.training.silver`): pairs of the
gold STS file's sentences (nearest neighbours and random partners) scored by the bi-encoder's
cosine on the gold scale, for ``sbert-desktop train --encoder cross --task sts --train PAIRS``
before the gold pairs. Standard library only at import time.
"""

from __future__ import annotations

import argparse

from sbert_desktop.commands._inputs import positive_int


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "silver-pairs",
        help="score new pairs of an STS file's sentences with a bi-encoder (silver data for a cross-encoder)",
        description="Builds pairs from the sentences of GOLD (an STS file: each sentence with its two nearest "
                    "neighbours, one from ranks 3-40 and one random partner; pairs already in GOLD and "
                    "near-duplicates left out), scores each with the bi-encoder's cosine mapped to GOLD's "
                    "scale by a line fitted on GOLD's pairs, and writes sentence1, sentence2, score (0-1) "
                    "as a TSV. Train a cross-encoder on it before the gold pairs (the cross-encoder preset).",
    )
    p.add_argument("gold", help="STS pair file whose sentences are paired (the training split, never dev)")
    p.add_argument("--out", "-o", required=True, metavar="PAIRS", help="TSV file to write")
    p.add_argument("--model", default="default", help="bi-encoder: 'default', a folder or a hub id")
    p.add_argument("--pairs", type=positive_int, default=12000, help="at most this many pairs (default: %(default)s)")
    p.add_argument("--seed", type=int, default=42, help="default: %(default)s")
    p.add_argument("--device", default="auto", help="cpu, cuda, mps or auto (default: %(default)s)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return p


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.training.silver import make_silver_pairs

    if Path(args.out).suffix.lower() not in (".tsv", ".txt"):  # it writes tab-separated text (STS-B's columns)
        raise SbertDesktopError(f"{args.out}: silver pairs are written as tab-separated text: name the file .tsv")
    with ProgressBar("silver", enabled=not args.quiet) as bar:
        report = make_silver_pairs(args.model, args.gold, args.out, args.pairs, args.seed, device=args.device,
                                   progress=bar)
    print(f"{report.pairs:,} silver pairs from {report.sentences:,} sentences of {args.gold} "
          f"(score = {report.slope:.3f} x cosine {report.intercept:+.3f}, clipped to 0-1) -> {args.out}")
    return 0
