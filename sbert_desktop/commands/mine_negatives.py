"""``sbert-desktop mine-negatives PAIRS --out TRIPLETS --k N``: hard negatives for retrieval training.

Reads (anchor, positive) pairs in any table format, retrieves each anchor's nearest corpus texts
with the bi-encoder, optionally rescores them with ``--cross-encoder`` and drops candidates within
``--margin`` of the positive, and writes (anchor, positive, negative) triplets that
``sbert-desktop train --task triplets`` reads. Standard library only at import time.
"""

from __future__ import annotations

import argparse

from sbert_desktop.commands._inputs import positive_int, shorten


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "mine-negatives",
        help="mine hard negatives for (anchor, positive) pairs and write a triplet file",
        description="For each (anchor, positive) pair, take the K corpus texts (every distinct positive, plus "
                    "--corpus) closest to the anchor that are not its own positives; with --cross-encoder the "
                    "candidates are rescored and any scored above (positive score - margin) are dropped as "
                    "likely false negatives. Writes anchor, positive, negative rows (.csv, .tsv, .jsonl, .parquet).",
    )
    p.add_argument("pairs", help="pair file: csv, tsv, jsonl, parquet, xlsx or tab-separated txt")
    p.add_argument("--out", "-o", required=True, metavar="TRIPLETS", help="triplet file to write")
    p.add_argument("--k", type=positive_int, default=1, help="negatives per pair (default: %(default)s)")
    p.add_argument("--model", default="default", help="bi-encoder: 'default', a folder or a hub id")
    p.add_argument("--columns", metavar="ROLE=COL,...", help="anchor=COL,positive=COL (default: found by name)")
    p.add_argument("--corpus", metavar="FILE", help="more candidate texts (a sentence file)")
    p.add_argument("--candidates", type=positive_int,
                   help="nearest texts considered per anchor (default: k + 10; 30 with a cross-encoder)")
    p.add_argument("--cross-encoder", metavar="CE", help="rescore the candidates with this cross-encoder")
    p.add_argument("--margin", type=float,
                   help="drop candidates scored above (positive score - MARGIN) (default: 0 with a "
                        "cross-encoder, none without)")
    p.add_argument("--prompt-name", metavar="NAME", help="prompt for the corpus (default: the model's document prompt)")
    p.add_argument("--query-prompt-name", metavar="NAME", help="prompt for the anchors (default: its 'query' prompt)")
    p.add_argument("--batch-size", type=positive_int, default=32, help="default: %(default)s")
    p.add_argument("--device", default="auto", help="cpu, cuda, mps or auto (default: %(default)s)")
    p.add_argument("--sample", type=int, default=3, metavar="N", help="triplets to print (default: %(default)s)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return p


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._inputs import document_prompt_name, query_prompt_name
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.commands.train import _column_mapping
    from sbert_desktop.core.data import read_sentences
    from sbert_desktop.core.data.retrieval_pairs import read_retrieval_pairs, write_retrieval_pairs
    from sbert_desktop.core.errors import DataError
    from sbert_desktop.core.mining import mine_hard_negatives
    from sbert_desktop.core.models import BiEncoder

    if not str(args.out).lower().endswith((".csv", ".tsv", ".jsonl", ".parquet")):
        raise DataError(args.out, "write triplets as .csv, .tsv, .jsonl or .parquet")
    columns = _column_mapping(args.columns) if args.columns else None
    pairs = read_retrieval_pairs(args.pairs, "pairs", columns)
    corpus = read_sentences(args.corpus).sentences if args.corpus else []
    bi = BiEncoder.load(args.model, device=args.device)
    doc_prompt = document_prompt_name(bi, args.prompt_name)
    q_prompt = query_prompt_name(bi, args.query_prompt_name)
    bi.use_prompt(doc_prompt)  # validates the names now, before any work
    bi.use_prompt(q_prompt)
    ce = None
    if args.cross_encoder:
        from sbert_desktop.commands._inputs import load_cross_encoder

        ce = load_cross_encoder(args)
    with ProgressBar("mine", enabled=not args.quiet) as bar:
        mined = mine_hard_negatives(pairs.anchor, pairs.positive, bi, args.k, corpus=corpus,
                                    candidates=args.candidates, margin=args.margin, cross_encoder=ce,
                                    query_prompt_name=q_prompt, document_prompt_name=doc_prompt,
                                    batch_size=args.batch_size, progress=bar)
    if not mined.rows:
        raise DataError(args.pairs, "no negative survived the margin; lower --margin or add --corpus texts")
    write_retrieval_pairs(args.out, mined.rows, "triplets")
    summary = mined.summary()
    for anchor, positive, negative in mined.rows[:max(0, args.sample)]:
        print(f"  anchor   {shorten(anchor, 90)}\n  positive {shorten(positive, 90)}\n"
              f"  negative {shorten(negative, 90)}\n")
    print(f"{summary['triplets']:,} triplets from {summary['pairs']:,} pairs ({summary['corpus']:,} candidate texts"
          f"; {summary['short']:,} pairs with fewer than {args.k}; {summary['dropped_by_margin']:,} candidates "
          f"dropped by the margin) -> {args.out}")
    return 0
