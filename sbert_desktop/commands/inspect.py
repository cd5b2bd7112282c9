"""``sbert-desktop inspect FILE``: what a sentence file or pair data set holds, and what is wrong with it."""

from __future__ import annotations

import argparse
import json

#: kept in step with sbert_desktop.core.data (not imported here, so ``--help`` stays instant)
FORMATS = ("stsb", "korsts", "snli", "kornli", "sick", "generic", "txt", "csv", "tsv", "jsonl", "parquet", "xlsx")


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "inspect",
        help="summarize a sentence file or pair data set (rows, encoding, labels/scores, problems)",
        description="Read FILE the way training and exploration would, and summarize it. A pair data set "
                    "(STS-B, KorSTS, SNLI, KorNLI, SICK, or a table with sentence1/sentence2 and score/label "
                    "columns) is detected; anything else is read as a sentence file.",
    )
    parser.add_argument("file", help="txt, csv, tsv, jsonl, parquet or xlsx file")
    parser.add_argument("--format", choices=FORMATS, help="force a pair format or a sentence file format")
    parser.add_argument("--column", help="text column of a sentence table (default: guessed)")
    parser.add_argument("--sheet", help="sheet of an xlsx workbook (default: the one it opens on)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.core.data import inspect_file

    summary = inspect_file(args.file, format=args.format, column=args.column, sheet=args.sheet)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0


def format_summary(s: dict) -> str:
    from sbert_desktop.core.data.inspect import how_read

    read = how_read(s["format"], s.get("encoding"), s.get("delimiter"), s.get("sheet"), s.get("gzipped", False))
    out = [f"{s['path']}", f"  kind:     {s['kind']} ({read})", f"  rows:     {s['rows']:,}"]
    if s["columns"]:
        out.append(f"  columns:  {', '.join(s['columns'])}")
    if s["kind"] == "sentences":
        if s.get("column"):
            out.append(f"  text column: {s['column']}")
        out.append(f"  sentences: {s['sentences']:,} ({s['blank']:,} blank skipped, {s['duplicates']:,} duplicates kept)")
        length = s["length_chars"]
        out.append(f"  length:   {length['min']}-{length['max']} characters, mean {length['mean']:.1f}")
    else:
        out.append(f"  task:     {s['task']}")
        if "labels" in s:
            total = sum(s["labels"].values()) or 1
            out.append("  labels:   " + ", ".join(f"{k} {v:,} ({100 * v / total:.1f}%)" for k, v in s["labels"].items()))
        if "scores" in s:
            sc = s["scores"]
            low, high = s["score_range"]
            out.append(f"  scores:   {sc['min']:g} to {sc['max']:g} on a {low:g}-{high:g} scale, mean {sc['mean']:.3f}")
            edges, counts = sc["histogram"]["edges"], sc["histogram"]["counts"]
            peak = max(counts) or 1
            for left, right, count in zip(edges, edges[1:], counts):
                bar = "#" * round(30 * count / peak)
                out.append(f"    {left:5.2f}-{right:5.2f} {count:7,} {bar}")
    if s["problems"]:
        out.append("  problems:")
        out.extend(f"    - {p}" for p in s["problems"])
    else:
        out.append("  problems: none")
    return "\n".join(out)
