"""``sbert-desktop encode INPUT --model M --out OUT``: embed every sentence of a file."""

from __future__ import annotations

import argparse
import sys

from sbert_desktop.commands._inputs import (POOLING_CHOICES, add_embedding_options, add_runtime_arguments, runtime_kwargs,
                                            warn_if_cross_folder, warn_if_cut, warn_if_unread_korean,
                                            warn_read)


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "encode", help="embed the sentences of a file with a bi-encoder (.npy, .parquet or .csv)",
        description="Embed every non-blank sentence of INPUT (txt, csv, tsv, jsonl, parquet, xlsx) and write "
                    "the embeddings in input order: .npy (float32 [n, dim]), or a .parquet/.csv table with "
                    "the sentence and one column per dimension. A manifest JSON is written beside it.")
    parser.add_argument("input", help="sentence file")
    parser.add_argument("--model", default="default", help="'default' (bundled), a folder or a hub id")
    parser.add_argument("--pooling", choices=POOLING_CHOICES, help="pooling mode (default: the model's own)")
    parser.add_argument("--max-seq-length", type=int, help="truncate sentences to this many tokens")
    parser.add_argument("--normalize", action=argparse.BooleanOptionalAction, default=None,
                        help="L2-normalise the embeddings (default: the model's own setting)")
    parser.add_argument("--column", help="text column of a table (default: guessed)")
    parser.add_argument("--sheet", help="sheet of an xlsx workbook (default: the one it opens on)")
    parser.add_argument("--batch-size", type=int, default=32, help="default: %(default)s")
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda or mps (default: %(default)s)")
    add_runtime_arguments(parser)
    parser.add_argument("--out", "-o", required=True, help="output file: .npy, .parquet, .csv or .tsv")
    parser.add_argument("--excel", action="store_true", help="write CSV as UTF-8 with BOM (Excel shows Korean)")
    parser.add_argument("--no-cache", action="store_true",
                        help="encode everything and leave the embedding cache alone (default: sentences "
                             "embedded before with the same model are read from the cache)")
    add_embedding_options(parser)
    parser.add_argument("--nproc", type=int, metavar="N",
                        help="encode on N local processes via torchrun (one per GPU, or CPU processes): each "
                             "embeds its share into the embedding cache, the first writes --out in input order")
    parser.add_argument("--devices", metavar="cuda:0,cuda:1",
                        help="encode on these GPUs, one process each (like --nproc with the GPUs chosen)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return parser


def _before_launch(args: argparse.Namespace) -> None:
    """What every process would refuse, said once here before any is started (each worker's error
    came back as a torchrun traceback)."""
    from pathlib import Path

    from sbert_desktop.core.errors import DataError

    if args.no_cache:
        raise DataError(args.input, "--no-cache cannot be used on several processes: they meet in the cache")
    if not Path(args.input).is_file():
        raise DataError(args.input, "file not found" if not Path(args.input).exists() else "is not a file")


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.data import read_sentences
    from sbert_desktop.core.errors import DataError
    from sbert_desktop.core.export import Provenance, export_embeddings, file_format
    from sbert_desktop.core.models import BiEncoder

    from sbert_desktop.commands import _launch

    file_format(args.out, ("npy", "parquet", "csv", "tsv"))  # refuse a bad suffix before any work
    if args.devices and not _launch.under_torchrun():
        try:
            devices = _launch.cuda_devices(args.devices)
        except ValueError as exc:
            from sbert_desktop.core.errors import SbertDesktopError

            raise SbertDesktopError(str(exc)) from None
        _before_launch(args)
        return _launch.launch(len(devices), devices=devices)
    if args.nproc and args.nproc > 1 and not _launch.under_torchrun():
        _before_launch(args)
        return _launch.launch(args.nproc)
    sf = read_sentences(args.input, column=args.column, sheet=args.sheet)
    if not sf.sentences:
        raise DataError(args.input, "no sentences to encode (only blank rows)")
    if _launch.rank() == 0:
        warn_read("encode", sf)
    world = _launch.world_size()
    if world > 1:  # under torchrun: core/distributed_encode.py
        if args.no_cache:
            raise DataError(args.input, "--no-cache cannot be used on several processes: they meet in the cache")
        from sbert_desktop.core import distributed_encode

        rank, world, args.device = distributed_encode.init(args.device)
    model = BiEncoder.load(args.model, pooling=args.pooling, max_seq_length=args.max_seq_length,
                           normalize=args.normalize, device=args.device, prompt_name=args.prompt_name,
                           dimensions=args.dimensions, **runtime_kwargs(args))
    if world <= 1 or rank == 0:
        warn_if_cross_folder("encode", model)
        warn_if_unread_korean("encode", model, sf.sentences)
        warn_if_cut("encode", model, sf.sentences)
    if world > 1:
        import torch.distributed as dist

        with ProgressBar("encode", enabled=not args.quiet and rank == 0, unit="sent") as bar:
            distributed_encode.encode_share(model, sf.sentences, rank, world, batch_size=args.batch_size,
                                            progress=bar, barrier=dist.barrier)
        dist.barrier()  # every share is in the cache
        dist.destroy_process_group()
        if rank != 0:
            return 0
    with ProgressBar("encode", enabled=not args.quiet, unit="sent") as bar:
        if args.no_cache:
            emb = model.encode(sf.sentences, batch_size=args.batch_size, progress=bar)
        else:
            from sbert_desktop.core.cache import cached_encode

            emb, stats = cached_encode(model, sf.sentences, batch_size=args.batch_size, progress=bar)
    if not args.no_cache:
        print(f"{stats['hits']:,} from cache, {stats['encoded']:,} encoded")
        for note in stats["notes"]:  # a repaired cache, or one that a full disk kept from being updated
            print(f"sbert-desktop encode: warning: {note}", file=sys.stderr)
    from sbert_desktop.core.export import sentences_digest

    # what a .npy's --sentences must match: the texts in this order, and where they came from
    read = {"column": sf.column, "sheet": sf.sheet, "sentences_sha256": sentences_digest(sf.sentences)}
    export_embeddings(args.out, emb, sf.sentences, Provenance.from_models(model, source_file=str(sf.path), extra=read),
                      encoding="utf-8-sig" if args.excel else "utf-8", source_rows=sf.line_numbers)
    notes = [f"{sf.n_blank:,} blank rows skipped" if sf.n_blank else "",
             f"{sf.n_duplicates:,} duplicates kept" if sf.n_duplicates else ""]
    notes = "; ".join(n for n in notes if n)
    print(f"{len(emb):,} sentences x {emb.shape[1]} dims -> {args.out}" + (f" ({notes})" if notes else ""))
    return 0
