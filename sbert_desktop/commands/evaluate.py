"""``sbert-desktop evaluate``: a bi-encoder (and optionally a cross-encoder) on an STS or NLI data set."""

from __future__ import annotations

import argparse
import json

from sbert_desktop.commands._inputs import POOLING_CHOICES, add_runtime_arguments, runtime_kwargs, warn_read
from sbert_desktop.commands.inspect import FORMATS

PAIR_FORMATS = [f for f in FORMATS if f in ("stsb", "korsts", "snli", "kornli", "sick", "generic")]


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "evaluate", help="STS Spearman/Pearson or NLI accuracy of a bi-encoder and a cross-encoder",
        description="For STS data: Pearson and Spearman correlation (x 100 in the table, raw in JSON) of the "
                    "bi-encoder's cosine similarity and, with --cross-encoder, of the cross-encoder's score, "
                    "side by side. For NLI data: accuracy and macro-F1 of the cross-encoder, and of the "
                    "bi-encoder when it was trained with the softmax loss (its classifier head is beside it).")
    parser.add_argument("--model", default="default", help="bi-encoder: 'default', a folder or a hub id")
    parser.add_argument("--pooling", choices=POOLING_CHOICES + ("all",),
                        help="pooling mode (default: the model's own); 'all': the pooling table, every mode on "
                             "one transformer pass")
    parser.add_argument("--max-seq-length", type=int)
    parser.add_argument("--data", required=True, help="pair data set (STS-B, KorSTS, SNLI, KorNLI, SICK, generic)")
    parser.add_argument("--format", choices=PAIR_FORMATS, help="force the data format (default: detected)")
    parser.add_argument("--sheet", help="sheet of an xlsx workbook (default: the one it opens on)")
    parser.add_argument("--task", choices=("sts", "nli"), help="for data with both scores and labels (SICK)")
    parser.add_argument("--cross-encoder", metavar="CE", help="cross-encoder folder or hub id to compare")
    parser.add_argument("--no-bi-encoder", action="store_true", help="evaluate only the cross-encoder")
    parser.add_argument("--retrieval", action="store_true",
                        help="retrieval table: each sentence1 a query, its high-scored (STS) or entailed (NLI) "
                             "partners relevant, every sentence2 the corpus; bi-encoder alone and, with "
                             "--cross-encoder, top-k + rerank")
    parser.add_argument("--rerank-k", default="10,50,100", help="candidates reranked (default: %(default)s)")
    parser.add_argument("--min-score", type=float, default=0.8,
                        help="STS retrieval: relevant from this share of the score scale (default: %(default)s)")
    parser.add_argument("--timing-queries", type=int, default=20,
                        help="queries timed one by one for the time per query (default: %(default)s)")
    parser.add_argument("--cost", action="store_true",
                        help="bi- against cross-encoder: accuracy, measured sentences/s and pairs/s, and the cost "
                             "of comparing all pairs of n sentences (this data set's n, 10k, 1M; extrapolated)")
    parser.add_argument("--dimensions", metavar="N,N,...",
                        help="STS: the bi-encoder's correlations at each Matryoshka dimension (first N values, "
                             "renormalised), from one encoding, e.g. 384,256,128,64")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--device", default="auto")
    add_runtime_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print raw results as JSON")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return parser


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core import evaluation
    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.models import BiEncoder, CrossEncoder

    data = read_pairs(args.data, format=args.format, task=args.task, sheet=args.sheet)
    warn_read("evaluate", data)
    if args.pooling == "all" or args.retrieval or args.cost:
        from sbert_desktop.commands._evaluate_tables import run_tables

        return run_tables(args, data)
    results: dict = {"data": str(data.path), "format": data.format, "task": data.task, "pairs": len(data)}
    bar = ProgressBar("evaluate", enabled=not args.quiet and not args.json)
    with bar:
        if not args.no_bi_encoder:
            bi = BiEncoder.load(args.model, pooling=args.pooling, max_seq_length=args.max_seq_length,
                                device=args.device, **runtime_kwargs(args))
            entry = {"model": args.model, "pooling": bi.pooling.mode}
            if data.task == "sts":
                entry.update(evaluation.evaluate_sts_bi(bi, data, args.batch_size, progress=bar))
                if getattr(args, "dimensions", None):
                    from sbert_desktop.core.matryoshka import parse_dimensions, sts_by_dimensions

                    entry["by_dimensions"] = sts_by_dimensions(
                        bi, data, parse_dimensions(args.dimensions, bi.full_dimension), args.batch_size)
            else:
                from sbert_desktop.core.training.predict import load_nli_head

                try:
                    head = load_nli_head(args.model, device=bi.device)
                except SbertDesktopError:
                    if not args.cross_encoder:  # nothing would be measured: not a success
                        raise SbertDesktopError(
                            f"{args.model} has no NLI classifier head (an nli_head/ folder beside it): NLI accuracy "
                            "needs a bi-encoder trained with the softmax loss, or a --cross-encoder") from None
                    entry["note"] = "no NLI classifier head (nli_head/): not scored"
                else:
                    entry.update(evaluation.evaluate_nli_bi(bi, head, data, args.batch_size, progress=bar))
            results["bi_encoder"] = entry
        if args.cross_encoder:
            ce = CrossEncoder.load(args.cross_encoder, device=args.device, **runtime_kwargs(args))
            entry = {"model": args.cross_encoder}
            if ce.new_head:
                entry["warning"] = "its classification head is new and untrained; the scores are noise"
            if data.task == "sts":
                entry.update(evaluation.evaluate_sts_cross(ce, data, args.batch_size, progress=bar))
            else:
                entry.update(evaluation.evaluate_nli_cross(ce, data, args.batch_size, progress=bar))
            results["cross_encoder"] = entry
    if "bi_encoder" not in results and "cross_encoder" not in results:
        raise SbertDesktopError("nothing to evaluate: give --cross-encoder or drop --no-bi-encoder")
    print(json.dumps(results, indent=2, ensure_ascii=False, default=float) if args.json else format_table(results))
    if not args.json and (results.get("bi_encoder") or {}).get("by_dimensions"):
        from sbert_desktop.core.matryoshka import format_dimension_table

        print("bi-encoder by Matryoshka dimensions (x 100):")
        print(format_dimension_table(results["bi_encoder"]["by_dimensions"]))
    return 0


def format_table(results: dict) -> str:
    lines = [f"{results['data']} ({results['format']}, {results['task'].upper()}, {results['pairs']:,} pairs)"]
    if results["task"] == "sts":
        lines.append(f"  {'model':<44} {'Pearson':>8} {'Spearman':>9}")
        cols = ("pearson", "spearman")
    else:
        lines.append(f"  {'model':<44} {'Accuracy':>8} {'Macro-F1':>9}")
        cols = ("accuracy", "macro_f1")
    for key, title in (("bi_encoder", "bi-encoder"), ("cross_encoder", "cross-encoder")):
        entry = results.get(key)
        if not entry:
            continue
        name = f"{title}: {entry['model']}" + (f" ({entry['pooling']})" if "pooling" in entry else "")
        if cols[0] in entry:
            a, b = (100 * float(entry[c]) for c in cols)
            lines.append(f"  {name[:44]:<44} {a:8.2f} {b:9.2f}")
        else:
            lines.append(f"  {name[:44]:<44} {entry.get('note', '')}")
    lines += [f"  note: {results[k]['warning']}" for k in ("cross_encoder",) if results.get(k, {}).get("warning")]
    return "\n".join(lines)
