"""``sbert-desktop pairs INPUT --out FILE``: the most similar sentence pairs (paraphrase mining)."""

from __future__ import annotations

import argparse

from sbert_desktop.commands._inputs import (add_input_arguments, add_output_arguments, encoding_of, load_cross_encoder,
                                            load_inputs, positive_int, shorten, warn_if_unread_korean)


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "pairs",
        help="find the most similar sentence pairs (top-k per sentence, or all pairs)",
        description="Encode the sentences and list unordered pairs by cosine similarity, highest first. "
                    "--top-k keeps each sentence's K nearest neighbours (memory-bounded, any corpus size); "
                    "--all lists every pair (refused when there are too many). A cross-encoder adds a "
                    "second score per pair.",
    )
    add_input_arguments(parser)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--top-k", type=positive_int, default=10, help="neighbours per sentence (default: %(default)s)")
    mode.add_argument("--all", action="store_true", help="every pair (small corpora only)")
    parser.add_argument("--max-pairs", type=positive_int, help="keep only the best N pairs")
    parser.add_argument("--min-score", type=float, help="drop pairs below this cosine")
    copies = parser.add_mutually_exclusive_group()
    copies.add_argument("--distinct", dest="distinct", action="store_true", default=True,
                        help="the default: a text on several rows is mined once, from its first row (a text and its "
                             "copies would otherwise fill the top with cosine 1.000); the output says how many rows "
                             "were left out")
    copies.add_argument("--all-copies", dest="distinct", action="store_false",
                        help="mine every row, copies included (pairs of a text with its own copy at 1.000)")
    parser.add_argument("--cross-encoder", metavar="CE", help="also score each pair with this cross-encoder")
    parser.add_argument("--chunk-size", type=positive_int, default=4096, help="block size of the search (default: %(default)s)")
    parser.add_argument("--neighbors", choices=("auto", "exact", "ivf"), default="auto",
                        help="auto: exact below 20,000 sentences, the cached approximate index (k-means cells, "
                             "recall@10 tuned to 0.96) above; exact: always exact (default: %(default)s)")
    parser.add_argument("--show", type=int, default=10, help="print this many top pairs (default: %(default)s)")
    add_output_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.export import Provenance, export_pairs, file_format
    from sbert_desktop.core.similarity import all_pairs, distinct_vectors, mine_pairs, on_rows

    file_format(args.out)  # a wrong suffix fails before any work
    with ProgressBar("pairs", enabled=not args.quiet) as bar:
        inputs = load_inputs(args, bar)
        rows, among = (distinct_vectors(inputs.sentences, inputs.embeddings) if args.distinct
                       else (None, inputs.embeddings))
        if args.all:
            pairs = all_pairs(among)
            if args.min_score is not None:
                keep = pairs.scores >= args.min_score
                pairs = type(pairs)(pairs.first[keep], pairs.second[keep], pairs.scores[keep])
            if args.max_pairs:
                pairs = pairs.head(args.max_pairs)
        else:
            pairs = mine_pairs(among, top_k=args.top_k, chunk_size=args.chunk_size,
                               max_pairs=args.max_pairs, min_score=args.min_score, progress=bar,
                               method=args.neighbors)
        if rows is not None:
            pairs = on_rows(pairs, rows)
        extra = {}
        prov = inputs.provenance
        if args.cross_encoder and len(pairs):
            from sbert_desktop.core.similarity import cross_encoder_scores, spearman

            ce = load_cross_encoder(args)
            warn_if_unread_korean("pairs", ce, inputs.sentences, encoder="cross", bi_encoder=inputs.bi_encoder)
            s = inputs.sentences
            extra["cross_score"] = cross_encoder_scores(ce, [(s[a], s[b]) for a, b, _ in pairs],
                                                        batch_size=args.batch_size, progress=bar)
            prov = Provenance(**{**vars(prov), "cross_encoder": Provenance.from_models(ce).model})
            rho = spearman(pairs.scores, extra["cross_score"])
            bar.message(f"Spearman(bi-encoder, cross-encoder) over {len(pairs):,} pairs: {rho:.3f}")
        prov.extra.update({"mode": "all" if args.all else "top_k", "top_k": None if args.all else args.top_k,
                           "neighbors": "exact" if args.all else pairs.method,
                           "max_pairs": args.max_pairs, "min_score": args.min_score, "distinct": args.distinct})
        export_pairs(args.out, pairs, inputs.sentences, prov, encoding=encoding_of(args), extra_columns=extra,
                     source_rows=inputs.rows)

    for rank, (a, b, score) in enumerate(pairs.head(args.show)):
        cross = f" ce={extra['cross_score'][rank]:.3f}" if extra else ""
        print(f"{rank + 1:3d}. {score:.3f}{cross}  {shorten(inputs.sentences[a], 50)}  <->  {shorten(inputs.sentences[b], 50)}")
    how = "all pairs" if args.all else f"{pairs.method} neighbours"
    if rows is not None:
        left = len(inputs.sentences) - rows.size
        how += f"; {left:,} repeated sentence{'s' if left != 1 else ''} left out"
    print(f"wrote {len(pairs):,} pairs of {len(inputs.sentences):,} sentences ({how}) to {args.out}")
    return 0
