"""``sbert-desktop extend-vocab CORPUS --model M --out DIR``: add a script's WordPiece pieces to a bi-encoder."""

from __future__ import annotations

import argparse


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "extend-vocab", help="add Korean WordPiece pieces learnt from a corpus to a bi-encoder's vocabulary",
        description="Learn WordPiece pieces of a script (Hangul) from CORPUS, in the form the model's own "
                    "normaliser writes them, add those the vocabulary lacks, start each new embedding row at "
                    "the mean of the rows that spelt it before, and save the model to --out (a "
                    "sentence-transformers folder; every old token keeps its id, text without the script "
                    "tokenises as before). Train it afterwards (e.g. train --task distill, then --task sts).")
    parser.add_argument("corpus", nargs="+", help="sentence file(s) of the script (txt, csv, tsv, jsonl, parquet, xlsx)")
    parser.add_argument("--column", action="append", metavar="NAME",
                        help="text column of a table; repeat it to read several (each table reads those of them it "
                             "has, e.g. --column sentence1 --column sentence2); default: guessed")
    parser.add_argument("--model", default="default", help="'default' (bundled), a folder or a hub id")
    parser.add_argument("--new-tokens", type=int, default=8000,
                        help="pieces to learn from the corpus before those of other scripts or already known are "
                             "dropped (default: %(default)s)")
    parser.add_argument("--min-frequency", type=int, default=3, help="default: %(default)s")
    parser.add_argument("--script", default="hangul", choices=("hangul",), help="default: %(default)s")
    parser.add_argument("--out", "-o", required=True, help="output folder")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from sbert_desktop.core.data import read_sentences
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training.vocab import extend_vocabulary

    from sbert_desktop.core.errors import DataError

    texts: list[str] = []
    for path in args.corpus:
        guessed = read_sentences(path)
        if not args.column or guessed.format == "txt":
            texts += guessed.sentences
            continue
        columns = [c for c in args.column if c in guessed.columns]
        if not columns:
            raise DataError(path, f"none of the columns {', '.join(args.column)} is in this table "
                                  f"(it has {', '.join(guessed.columns)})")
        for column in columns:
            texts += read_sentences(path, column=column).sentences
    model = BiEncoder.load(args.model, device="cpu")
    report = extend_vocabulary(model, texts, new_tokens=args.new_tokens, min_frequency=args.min_frequency,
                               script=args.script)
    out = model.save(args.out)
    if args.json:
        print(json.dumps({**asdict(report), "out": str(out)}))
    else:
        print(f"{report.summary()}; saved to {out}")
    return 0
