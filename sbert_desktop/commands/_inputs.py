"""Shared arguments and input loading of the exploration commands (pairs, search, cluster, project).

INPUT is a sentence file (txt, csv, tsv, jsonl, parquet, xlsx), encoded with ``--model``, or a
``.npy`` of precomputed embeddings whose sentences come from ``--sentences FILE`` (optional; rows
are then called #0, #1, ...). Standard library only at import time.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: kept in step with sbert_desktop.core.models.POOLING_MODES (not imported: --help stays instant)
POOLING_CHOICES = ("cls", "mean", "max", "mean_sqrt_len_tokens", "weightedmean", "lasttoken")


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="sentence file (txt, csv, tsv, jsonl, parquet, xlsx) or .npy embeddings")
    parser.add_argument("--model", default="default",
                        help="bi-encoder: 'default' (bundled), a folder or a hub id (default: %(default)s)")
    parser.add_argument("--pooling", choices=POOLING_CHOICES, help="pooling mode (default: the model's own)")
    parser.add_argument("--max-seq-length", type=int, help="truncate sentences to this many tokens")
    parser.add_argument("--column", help="text column of a sentence table (default: guessed)")
    parser.add_argument("--sheet", help="sheet of an xlsx workbook (default: the one it opens on)")
    parser.add_argument("--sentences", metavar="FILE", help="sentence file matching a .npy INPUT, row for row")
    parser.add_argument("--batch-size", type=int, default=32, help="encoding batch size (default: %(default)s)")
    parser.add_argument("--device", default="auto", help="cpu, cuda, mps or auto (default: %(default)s)")
    add_runtime_arguments(parser)
    add_embedding_options(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def add_runtime_arguments(parser: argparse.ArgumentParser) -> None:
    """``--precision`` and ``--backend`` of every command that loads a model (core/models/runtime.py)."""
    parser.add_argument("--precision", choices=("fp32", "int8"), default="fp32",
                        help="fp32 (exact) or int8 (ONNX Runtime, about 3x faster on CPU; needs the 'fast' "
                             "extra) (default: %(default)s)")
    parser.add_argument("--backend", choices=("torch", "onnx"), default=None,
                        help="runtime: torch (fp32 only) or onnx (fp32 or int8) (default: torch for fp32, "
                             "onnx for int8)")


def runtime_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    return {"precision": getattr(args, "precision", "fp32"), "backend": getattr(args, "backend", None)}


def add_embedding_options(parser: argparse.ArgumentParser, queries: bool = False) -> None:
    """``--prompt-name`` and ``--dimensions`` (Matryoshka); with ``queries`` also ``--query-prompt-name``."""
    corpus = "the corpus" if queries else "every sentence"
    parser.add_argument("--prompt-name", metavar="NAME",
                        help=f"prompt of the model's config_sentence_transformers.json put before {corpus} "
                             "('none' for no prompt; default: the model's default prompt"
                             + (", or its document/passage/corpus prompt)" if queries else ")"))
    parser.add_argument("--dimensions", type=positive_int, metavar="N",
                        help="Matryoshka: keep the first N dimensions, then L2-normalise (default: all)")
    if queries:
        parser.add_argument("--query-prompt-name", metavar="NAME",
                            help="prompt put before each query (default: the model's 'query' prompt if it has one)")


#: the prompt names sentence-transformers' encode_document tries, in order
DOCUMENT_PROMPTS = ("document", "passage", "corpus")


def document_prompt_name(model: Any, chosen: str | None) -> str | None:
    """The corpus prompt: the chosen one, else the model's default, else its document prompt."""
    if chosen is not None or model.default_prompt_name:
        return chosen
    return next((name for name in DOCUMENT_PROMPTS if name in model.prompts), None)


def query_prompt_name(model: Any, chosen: str | None) -> str | None:
    """The query prompt: the chosen one, else the model's 'query' prompt, else its default."""
    if chosen is not None:
        return chosen
    return "query" if "query" in model.prompts else None


def add_output_arguments(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--out", "-o", required=required, metavar="FILE",
                        help="output table: .csv, .tsv or .parquet (a FILE.manifest.json is written beside it)")
    parser.add_argument("--excel", action="store_true", help="write CSV as UTF-8 with BOM so Excel shows Korean")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


@dataclass
class Inputs:
    sentences: list[str]
    embeddings: Any  # numpy float32 [n, dim]
    bi_encoder: Any | None  # loaded only when INPUT had to be encoded (or a query must be)
    provenance: Any  # sbert_desktop.core.export.Provenance
    info: dict[str, Any] = field(default_factory=dict)
    rows: list[int] | None = None  # each sentence's 1-based line (or sheet row) in its file: the exports' "row"
    columns: dict[str, list[Any]] | None = None  # the file's other columns, value per sentence (cluster, project)


#: the options that say how a bi-encoder encodes, and the manifest's names for them
_MADE_AS = (("model", "source"), ("pooling", "pooling"), ("max_seq_length", "max_seq_length"),
            ("dimensions", "dimensions"))


def _as_made(args: argparse.Namespace, made: dict, path: Path) -> argparse.Namespace:
    """``args`` for the model that encodes queries next to a .npy: the one its manifest names where the
    command line leaves an option unset (a CLS-pooled .npy searched with mean-pooled queries compared
    other vectors), and a warning where the command line sets it otherwise."""
    if not made:
        return args
    args = argparse.Namespace(**vars(args))
    differ = []
    for option, key in _MADE_AS:
        given, saved = getattr(args, option, None), made.get(key)
        unset = given is None or (option == "model" and given == "default")
        if saved is None:
            continue
        if unset:
            setattr(args, option, saved)
        elif str(given) != str(saved):
            differ.append(f"--{option.replace('_', '-')} {given} (it was {saved})")
    if differ:
        command = getattr(args, "command", None) or "search"
        print(f"sbert-desktop {command}: warning: {path} was encoded otherwise than the queries will be: "
              f"{'; '.join(differ)}; their scores compare different vectors", file=sys.stderr, flush=True)
    return args


def _warn_unused_model_options(args: argparse.Namespace, made: dict, path: Path) -> None:
    """A .npy holds its vectors already: model options on the command line change nothing; said."""
    given = [f"--{option.replace('_', '-')}" for option, _key in _MADE_AS
             if getattr(args, option, None) not in (None, "default")]
    if given:
        by = f" (made by {made.get('source')}, {made.get('pooling')} pooling)" if made.get("source") else ""
        command = getattr(args, "command", None) or "explore"
        print(f"sbert-desktop {command}: warning: {', '.join(given)} ignored: {path} holds its vectors already{by}",
              file=sys.stderr, flush=True)


def load_bi_encoder(args: argparse.Namespace) -> Any:
    from sbert_desktop.core.models import BiEncoder

    model = BiEncoder.load(args.model, pooling=args.pooling, max_seq_length=args.max_seq_length, device=args.device,
                           dimensions=getattr(args, "dimensions", None), **runtime_kwargs(args))
    chosen = getattr(args, "prompt_name", None)
    if hasattr(args, "query_prompt_name"):  # search: the corpus takes the document prompt
        chosen = document_prompt_name(model, chosen)
    model.use_prompt(chosen)
    warn_if_cross_folder(getattr(args, "command", None) or "explore", model)
    return model


def warn_if_cross_folder(command: str, model: Any) -> None:
    """Say on stderr, even with --quiet, when the bi-encoder given is a cross-encoder's folder."""
    if getattr(model, "note", None):
        print(f"sbert-desktop {command}: warning: {model.note}", file=sys.stderr, flush=True)


def load_cross_encoder(args: argparse.Namespace) -> Any:
    """The ``--cross-encoder`` model; warns on stderr when its head is new (untrained)."""
    import sys

    from sbert_desktop.core.models import CrossEncoder

    ce = CrossEncoder.load(args.cross_encoder, device=args.device, **runtime_kwargs(args))
    if ce.new_head:
        print(f"warning: {args.cross_encoder} has no trained classification head; its scores are noise "
              "until it is fine-tuned (sbert-desktop train --encoder cross)", file=sys.stderr)
    return ce


def load_inputs(args: argparse.Namespace, bar: Any, need_model: bool = False) -> Inputs:
    """Sentences and their embeddings from ``args``; ``need_model`` loads the bi-encoder even for .npy."""
    import numpy as np

    from sbert_desktop.core.data import read_sentences
    from sbert_desktop.core.errors import DataError
    from sbert_desktop.core.export import Provenance

    path = Path(args.input)
    if path.suffix.lower() == ".npy":
        try:
            emb = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise DataError(path, f"cannot read embeddings: {exc}") from None
        if emb.ndim != 2 or not np.issubdtype(emb.dtype, np.floating):
            raise DataError(path, f"expected a float array [n, dim], got {emb.dtype} with shape {emb.shape}")
        emb = np.ascontiguousarray(emb, dtype=np.float32)
        from sbert_desktop.core.export import read_manifest

        made = read_manifest(path) or {}  # what encode wrote beside it: the model and the sentences
        made_model = made.get("model") if isinstance(made.get("model"), dict) else {}
        read_as = made.get("extra") if isinstance(made.get("extra"), dict) else {}
        rows = columns = None
        if args.sentences:
            column = args.column or read_as.get("column")  # the column the .npy was encoded from
            sheet = getattr(args, "sheet", None) or read_as.get("sheet")
            sf = read_sentences(args.sentences, column=column, sheet=sheet)
            warn_read(getattr(args, "command", None) or "explore", sf)
            sentences, rows, columns = sf.sentences, sf.line_numbers, sf.other_columns()
            if len(sentences) != len(emb):
                raise DataError(args.sentences, f"{len(sentences):,} sentences but {path} holds {len(emb):,} embeddings")
            from sbert_desktop.core.export import sentences_digest

            expected = read_as.get("sentences_sha256")
            if expected and sentences_digest(sentences) != expected:
                raise DataError(args.sentences, f"these are not the sentences {path} was encoded from (another file, "
                                                "order or column: row i would be labelled with another sentence)"
                                + (f"; it was encoded from {made.get('source_file')}" if made.get("source_file") else ""))
        else:
            sentences = [f"#{i}" for i in range(len(emb))]
        bi = load_bi_encoder(_as_made(args, made_model, path)) if need_model else None
        if not need_model:
            _warn_unused_model_options(args, made_model, path)
        model = {"embeddings_file": str(path)}
        if bi is not None:
            model.update(Provenance.from_models(bi).model)
        prov = Provenance(model=model, source_file=args.sentences)
        return Inputs(sentences, emb, bi, prov, {"encoded": False}, rows, columns or None)

    sf = read_sentences(path, column=args.column, sheet=getattr(args, "sheet", None))
    if not sf.sentences:
        raise DataError(path, "no sentences to explore (the file has only blank rows)")
    warn_read(getattr(args, "command", None) or "explore", sf)
    bi = load_bi_encoder(args)
    warn_if_unread_korean(getattr(args, "command", None) or "explore", bi, sf.sentences)
    warn_if_cut(getattr(args, "command", None) or "explore", bi, sf.sentences)
    if getattr(args, "no_cache", False):
        emb = bi.encode(sf.sentences, batch_size=args.batch_size, progress=bar)
    else:  # the embedding cache shared with ``encode`` and the window
        from sbert_desktop.core.cache import cached_encode

        emb, stats = cached_encode(bi, sf.sentences, batch_size=args.batch_size, progress=bar)
        for note in stats["notes"]:  # a repaired cache, or one that a full disk kept from being updated
            print(f"sbert-desktop {getattr(args, 'command', None) or 'explore'}: warning: {note}", file=sys.stderr,
                  flush=True)  # even with -q, as encode says it
    prov = Provenance.from_models(bi, source_file=str(path))
    return Inputs(list(sf.sentences), emb, bi, prov, {"encoded": True, "column": sf.column}, list(sf.line_numbers),
                  sf.other_columns() or None)


def warn_if_unread_korean(command: str, model: Any, sentences: list[str], encoder: str = "bi",
                          bi_encoder: Any = None) -> None:
    """Say on stderr, before encoding or scoring, when the sentences are Korean that ``model`` (the
    ``encoder``: "bi" or "cross") cannot read (core/language.py), even with --quiet: the results
    would look as trustworthy as any other. A cross-encoder next to a ``bi_encoder`` already warned
    about gets one short line."""
    import sys

    from sbert_desktop.core.language import unread_korean

    cue = unread_korean(model, sentences)
    if cue is None:
        return
    text = cue.text(encoder)
    if encoder == "cross" and bi_encoder is not None and unread_korean(bi_encoder, sentences) is not None:
        text = (f"the cross-encoder spells Korean out too ({cue.tokens_per_syllable:.1f} tokens per syllable): its "
                "scores and reranking of Korean sentences mean as little")  # the bi-encoder's warning said the rest
    print(f"sbert-desktop {command}: warning: {text}", file=sys.stderr, flush=True)


def given_options(args: argparse.Namespace, add_parser: Any) -> set[str]:
    """The options of ``args`` that differ from the defaults of the parser ``add_parser`` builds (what the
    user typed)."""
    sub = add_parser(argparse.ArgumentParser().add_subparsers())
    defaults: dict[str, Any] = {}
    for action in sub._actions:  # several options may share a dest (--keep-noise / --noise): the first default
        if action.dest != "help":
            defaults.setdefault(action.dest, action.default)
    return {name for name, value in vars(args).items() if name in defaults and value != defaults[name]}


def warn_read(command: str, data: Any) -> None:
    """Say on stderr, even with --quiet, what reading a file changed or assumed (``data.warnings``:
    fields cut at a separator, a title row skipped, a score scale assumed, another sheet read ...):
    before, only ``inspect`` showed them and the results came out as if nothing had happened."""
    for note in data.warnings:
        print(f"sbert-desktop {command}: warning: {data.path}: {note}", file=sys.stderr, flush=True)


def warn_if_cut(command: str, model: Any, sentences: list[str]) -> None:
    """Say on stderr, before encoding, when 2% or more of the sentences are longer than ``model`` reads
    (core/length_cue.py), even with --quiet: their embeddings come from their beginning only."""
    import sys

    from sbert_desktop.core.length_cue import model_length_cue

    cue = model_length_cue(model, sentences)
    if cue is not None:
        print(f"sbert-desktop {command}: warning: {cue.text()} (--max-seq-length)", file=sys.stderr, flush=True)


def encoding_of(args: argparse.Namespace) -> str:
    return "utf-8-sig" if getattr(args, "excel", False) else "utf-8"


def shorten(text: str, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
