"""``sbert-desktop evaluate --pooling all / --retrieval / --cost``: the Evaluate page's tables as text
or, with ``--json``, the whole result (every number the page shows)."""

from __future__ import annotations

import argparse
import json

from sbert_desktop.commands._inputs import runtime_kwargs


def run_tables(args: argparse.Namespace, data) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.evaluation_suite import run_evaluation
    from sbert_desktop.core.models import BiEncoder, CrossEncoder

    try:
        rerank_k = [int(k) for k in str(args.rerank_k).split(",") if k.strip()]
    except ValueError:
        raise SbertDesktopError(f"--rerank-k: {args.rerank_k!r} is not a comma-separated list of numbers") from None
    if args.no_bi_encoder:
        raise SbertDesktopError("--pooling all, --retrieval and --cost need the bi-encoder (drop --no-bi-encoder)")
    tables = [t for t, on in (("pooling", args.pooling == "all"), ("cost", args.cost),
                              ("retrieval", args.retrieval)) if on]
    bi = BiEncoder.load(args.model, pooling=None if args.pooling == "all" else args.pooling,
                        max_seq_length=args.max_seq_length, device=args.device, **runtime_kwargs(args))
    ce = CrossEncoder.load(args.cross_encoder, device=args.device, **runtime_kwargs(args)) if args.cross_encoder else None
    head = None
    if data.task == "nli":
        from sbert_desktop.core.training.predict import load_nli_head

        try:
            head = load_nli_head(args.model, device=bi.device)
        except SbertDesktopError:
            head = None
    bar = ProgressBar("evaluate", enabled=not args.quiet and not args.json)
    with bar:
        result = run_evaluation(bi, data, ce=ce, head=head, tables=tables, rerank_k=rerank_k,
                                min_score=args.min_score, timing_queries=args.timing_queries,
                                batch_size=args.batch_size, progress=bar)
    result["bi_encoder"]["model"] = args.model
    if result["cross_encoder"] is not None:
        result["cross_encoder"]["model"] = args.cross_encoder
    print(json.dumps(result, indent=2, ensure_ascii=False, default=float) if args.json else format_result(result))
    return 0


def format_result(result: dict) -> str:
    from sbert_desktop.core import evaluation_tables as T

    out = [f"{result['data']} ({result['format']}, {result['task'].upper()}, {result['pairs']:,} pairs); "
           f"bi-encoder {result['bi_encoder'].get('model', result['bi_encoder'].get('name'))}"
           + (f", cross-encoder {result['cross_encoder'].get('model', result['cross_encoder'].get('name'))}"
              if result.get("cross_encoder") else "")]
    if "pooling" in result:
        p = result["pooling"]
        out += ["", f"Pooling ({p['sentences']:,} sentences, one transformer pass; * = the model's own)",
                T.format_text(T.pooling_table(p))]
    if "encoders" in result:
        e = result["encoders"]
        out += ["", "Bi-encoder vs cross-encoder (measured on this data set)", T.format_text(T.encoders_table(e)),
                "", f"Cost of comparing all pairs of n sentences ({e['cost_note']})",
                T.format_text(T.cost_table(e))]
    if "retrieval" in result:
        r = result["retrieval"]
        out += ["", f"Retrieval ({r['queries']:,} queries, corpus {r['corpus']:,}, relevant: {r['relevance']}; "
                    f"time: {r['timing']}, {r['timing_queries']} queries)", T.format_text(T.retrieval_table(r))]
    out += [f"note: {n}" for n in result.get("notes", [])]
    out.append(f"({result['seconds']:.1f}s)")
    return "\n".join(out)
