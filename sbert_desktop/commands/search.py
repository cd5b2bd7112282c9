"""``sbert-desktop search INPUT --query Q``: semantic search, optionally reranked by a cross-encoder."""

from __future__ import annotations

import argparse

from sbert_desktop.commands._inputs import (add_input_arguments, add_output_arguments, encoding_of, load_cross_encoder,
                                            load_inputs, positive_int, query_prompt_name, shorten, warn_if_unread_korean)


def _query(text: str) -> str:
    """A query with words in it: a blank one ranked the corpus by its similarity to nothing."""
    if not text.strip():
        raise argparse.ArgumentTypeError("is blank: give the text to search for")
    return text


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "search",
        help="find the sentences closest to a query (bi-encoder, optionally reranked by a cross-encoder)",
        description="Encode the corpus and the query, retrieve the nearest sentences by cosine, and with "
                    "--cross-encoder rescore the candidates and show how each hit moved.",
    )
    add_input_arguments(parser)
    parser.add_argument("--query", "-Q", action="append", required=True, metavar="Q", type=_query,
                        help="query text (repeat for several queries)")
    parser.add_argument("--query-prompt-name", metavar="NAME",
                        help="prompt put before each query (default: the model's 'query' prompt if it has one; "
                             "the corpus takes --prompt-name, else its document/passage/corpus prompt)")
    parser.add_argument("--cross-encoder", metavar="CE", help="rerank the candidates with this cross-encoder")
    parser.add_argument("--top-k", type=positive_int, default=10, help="hits to show (default: %(default)s)")
    parser.add_argument("--all-copies", action="store_true",
                        help="list every row of a text that occurs several times (default: each text once, "
                             "with its number of rows)")
    parser.add_argument("--candidates", type=positive_int,
                        help="bi-encoder candidates the cross-encoder rescores (default: max(top-k, 32))")
    add_output_arguments(parser, required=False)
    return parser


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.export import Provenance, export_search, file_format
    from sbert_desktop.core.similarity import retrieve_and_rerank

    if args.out:
        file_format(args.out)
    with ProgressBar("search", enabled=not args.quiet) as bar:
        inputs = load_inputs(args, bar, need_model=True)
        inputs.bi_encoder.use_query_prompt(query_prompt_name(inputs.bi_encoder, args.query_prompt_name))
        ce = None
        prov = inputs.provenance
        if args.cross_encoder:

            ce = load_cross_encoder(args)
            warn_if_unread_korean("search", ce, list(args.query) + list(inputs.sentences), encoder="cross",
                                  bi_encoder=inputs.bi_encoder)
            prov = Provenance(**{**vars(prov), "cross_encoder": Provenance.from_models(ce).model})
        results = [retrieve_and_rerank(q, inputs.sentences, inputs.embeddings, inputs.bi_encoder, ce,
                                       top_k=args.top_k, candidates=args.candidates, batch_size=args.batch_size,
                                       distinct=not args.all_copies)
                   for q in args.query]
        if args.out:
            prov.extra.update({"top_k": args.top_k, "candidates": results[0].candidates,
                               "each_text_once": not args.all_copies})
            export_search(args.out, results, prov, encoding=encoding_of(args), source_rows=inputs.rows)

    for res in results:
        print(f"query: {res.query}")
        t = res.timings
        timing = f"encode {1000 * t.get('encode', 0):.0f} ms, search {1000 * t.get('search', 0):.0f} ms"
        if ce is None:
            for h in res.bi_ranking:
                print(f"  {h.bi_rank + 1:3d}. {h.bi_score:.3f}  {shorten(h.sentence, 90)}{_copies(h)}")
        else:
            timing += f", rerank {res.candidates} candidates {1000 * t.get('rerank', 0):.0f} ms"
            print("  rank  cross    bi  (bi rank, move)  sentence")
            for h in res.cross_ranking:
                move = f"+{h.move}" if h.move > 0 else ("=" if h.move == 0 else str(h.move))
                print(f"  {h.cross_rank + 1:4d}. {h.cross_score:.3f} {h.bi_score:.3f}  ({h.bi_rank + 1:3d}, {move:>4})  "
                      f"{shorten(h.sentence, 70)}{_copies(h)}")
        print(f"  ({timing})")
    if args.out:
        print(f"wrote {sum(len(r.bi_ranking) for r in results):,} hits to {args.out}")
    return 0


def _copies(hit) -> str:
    return f"  (x{hit.copies:,} rows)" if hit.copies > 1 else ""
