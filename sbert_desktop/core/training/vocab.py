"""Extending a WordPiece vocabulary with the pieces of another script (Korean) before training on it.

The bundled all-MiniLM-L6-v2 is uncased: its normaliser decomposes every Hangul syllable into jamo
and its English vocabulary holds Hangul only as single jamo letters, so the model reads Korean
letter by letter and a KorSTS sentence costs ~2.7x the tokens of an STS-B one (49 a KorSTS dev
sentence). :func:`extend_vocabulary` learns WordPiece pieces from Korean text *in the form the
model's own normaliser writes it* (jamo for this model), appends those of the chosen script that
the vocabulary lacks (7,542 from the Korean preset's training text: a KorSTS dev sentence becomes
17 tokens), and starts each new row of the embedding matrix at the mean of the rows of the pieces
the old vocabulary spelt it with. That start is not the old model: a mean of letters is not a word
(KorSTS dev Spearman untrained 0.269 against 0.434, bench/results/korean.txt); training moves the
rows, which the preset's distillation does at a higher learning rate.

Every token the old vocabulary had keeps its id and its embedding, and text without the script
tokenises exactly as before (all 3,000 STS-B dev sentences do; ``tests/core/test_vocab.py`` checks
English with accents). The result is an ordinary BERT folder (a longer vocabulary and embedding
matrix), so sentence-transformers and transformers load it as they load the original.
"""

from __future__ import annotations

import os
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check


def is_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable or jamo (conjoining, compatibility or extended)."""
    for ch in text:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F \
                or 0xA960 <= o <= 0xA97F or 0xD7B0 <= o <= 0xD7FF:
            return True
    return False


#: scripts whose pieces can be added: name -> test on a piece
SCRIPTS: dict[str, Callable[[str], bool]] = {"hangul": is_hangul}
#: pieces learnt from the corpus (before those the vocabulary has or of other scripts are dropped)
DEFAULT_NEW_TOKENS = 8000
MIN_FREQUENCY = 3


@dataclass
class VocabExtension:
    """What :func:`extend_vocabulary` did: pieces added, vocabulary sizes, and the mean tokens per
    sentence of the script's corpus sentences before and after."""

    added: int
    vocab_before: int
    vocab_after: int
    sentences: int
    tokens_before: float
    tokens_after: float
    script: str

    def summary(self) -> str:
        return (f"{self.added:,} {self.script} pieces added ({self.vocab_before:,} -> {self.vocab_after:,} tokens); "
                f"{self.sentences:,} corpus sentences: {self.tokens_before:.1f} -> {self.tokens_after:.1f} tokens each")


def _wordpiece_backend(tokenizer, source: str):
    backend = getattr(tokenizer, "backend_tokenizer", None)
    kind = type(backend.model).__name__ if backend is not None else type(tokenizer).__name__
    if backend is None or kind != "WordPiece":
        raise SbertDesktopError(f"{source}: the vocabulary can only be extended for WordPiece (BERT-style) "
                                f"tokenizers; this model's is {kind}")
    return backend


def learn_pieces(tokenizer, texts: Sequence[str], new_tokens: int = DEFAULT_NEW_TOKENS,
                 min_frequency: int = MIN_FREQUENCY, script: str = "hangul", source: str = "model") -> list[str]:
    """WordPiece pieces of ``texts`` (normalised and pre-split exactly as ``tokenizer`` does) that
    belong to ``script`` and that ``tokenizer``'s vocabulary lacks, most frequent merges first."""
    from tokenizers import Tokenizer, models, trainers

    backend = _wordpiece_backend(tokenizer, source)
    keep = SCRIPTS[script]
    unk = tokenizer.unk_token or "[UNK]"
    prefix = getattr(backend.model, "continuing_subword_prefix", "##")
    learner = Tokenizer(models.WordPiece(unk_token=unk, continuing_subword_prefix=prefix))
    learner.normalizer = backend.normalizer
    learner.pre_tokenizer = backend.pre_tokenizer
    trainer = trainers.WordPieceTrainer(vocab_size=new_tokens, min_frequency=min_frequency, special_tokens=[unk],
                                        continuing_subword_prefix=prefix, show_progress=False)
    learner.train_from_iterator(list(texts), trainer)
    have = tokenizer.get_vocab()
    learnt = sorted(learner.get_vocab().items(), key=lambda kv: kv[1])
    return [piece for piece, _ in learnt if piece not in have and keep(piece)]


def _extended_tokenizer(tokenizer, pieces: list[str]):
    """A tokenizer of the same class and settings whose WordPiece vocabulary is the old one plus
    ``pieces`` (ids after the old ones): saved, its ``tokenizer.json`` vocabulary extended, loaded again."""
    import json

    from sbert_desktop.core.models.hf import transformers_names

    (AutoTokenizer,) = transformers_names("AutoTokenizer")

    with tempfile.TemporaryDirectory(prefix="sbert-vocab-") as tmp:
        tokenizer.save_pretrained(tmp)
        path = Path(tmp) / "tokenizer.json"
        if not path.is_file():
            raise SbertDesktopError("the tokenizer saved no tokenizer.json; its vocabulary cannot be extended")
        state = json.loads(path.read_text(encoding="utf-8"))
        vocab = state.get("model", {}).get("vocab")
        if state["model"].get("type") != "WordPiece" or not isinstance(vocab, dict):
            raise SbertDesktopError("the tokenizer is not a WordPiece tokenizer; its vocabulary cannot be extended")
        n = len(vocab)
        if max(vocab.values()) != n - 1 or any(t.get("id", 0) >= n for t in state.get("added_tokens", [])):
            raise SbertDesktopError("the tokenizer has tokens after its vocabulary; new pieces cannot follow it")
        for i, piece in enumerate(pieces):
            vocab[piece] = n + i
        path.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        vocab_txt = Path(tmp) / "vocab.txt"  # older transformers save the slow tokenizer's file too
        if vocab_txt.is_file():
            vocab_txt.write_text("\n".join(sorted(vocab, key=vocab.__getitem__)) + "\n", encoding="utf-8")
        return AutoTokenizer.from_pretrained(tmp)


def _initial_rows(old_tokenizer, emb: np.ndarray, pieces: list[str], prefix: str = "##") -> np.ndarray:
    """Each new piece's starting embedding: the mean of the old rows that spelt it."""
    vocab = old_tokenizer.get_vocab()
    fallback = emb.mean(axis=0)
    rows = np.empty((len(pieces), emb.shape[1]), emb.dtype)
    for i, piece in enumerate(pieces):
        cont = piece.startswith(prefix)
        body = piece[len(prefix):] if cont else piece
        ids = old_tokenizer.convert_tokens_to_ids(old_tokenizer.tokenize(body))
        if cont and ids:  # inside a word: the first piece in its continuation form where there is one
            first = old_tokenizer.convert_ids_to_tokens(ids[0])
            ids[0] = vocab.get(prefix + first, ids[0])
        ids = [j for j in ids if j != old_tokenizer.unk_token_id]
        rows[i] = emb[ids].mean(axis=0) if ids else fallback
    return rows


def mean_tokens(tokenizer, texts: Sequence[str]) -> float:
    if not texts:
        return 0.0
    enc = tokenizer(list(texts), add_special_tokens=False)["input_ids"]
    return float(np.mean([len(ids) for ids in enc]))


def extend_vocabulary(model, texts: Sequence[str], new_tokens: int = DEFAULT_NEW_TOKENS,
                      min_frequency: int = MIN_FREQUENCY, script: str = "hangul",
                      progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> VocabExtension:
    """Add ``script`` pieces learnt from ``texts`` to ``model``'s (a BiEncoder or CrossEncoder)
    tokenizer and embedding matrix, in place. Save the model afterwards (``model.save``)."""
    import torch

    if script not in SCRIPTS:
        raise SbertDesktopError(f"unknown script {script!r}; choose one of {', '.join(SCRIPTS)}")
    if new_tokens < 1:
        raise SbertDesktopError(f"new_tokens must be at least 1, got {new_tokens}")
    source = getattr(model, "source", "") or "model"
    tokenizer = model.tokenizer
    backend = _wordpiece_backend(tokenizer, source)
    keep = SCRIPTS[script]
    corpus = [t for t in texts if t and keep(unicodedata.normalize("NFC", t))]
    if not corpus:
        raise SbertDesktopError(f"no {script} text to learn pieces from ({len(texts):,} sentences given)")
    start = time.perf_counter()

    def stage(done: int, what: str) -> None:
        if progress is not None:
            progress(Progress(done, 3, "vocabulary", {"step": what}, time.perf_counter() - start))

    stage(0, f"learning {script} pieces from {len(corpus):,} sentences")
    pieces = learn_pieces(tokenizer, corpus, new_tokens, min_frequency, script, source)
    check(cancel)
    if not pieces:
        raise SbertDesktopError(f"the vocabulary already has every {script} piece learnt from the corpus")
    stage(1, f"adding {len(pieces):,} pieces")
    before = mean_tokens(tokenizer, corpus)
    new_tokenizer = _extended_tokenizer(tokenizer, pieces)
    transformer = model.transformer
    embeddings = transformer.get_input_embeddings()
    old_n = int(embeddings.weight.shape[0])
    if old_n != len(tokenizer):
        raise SbertDesktopError(f"{source}: the embedding matrix has {old_n:,} rows for a vocabulary of "
                                f"{len(tokenizer):,}; cannot extend it in step")
    prefix = getattr(backend.model, "continuing_subword_prefix", "##")
    rows = _initial_rows(tokenizer, embeddings.weight.detach().cpu().numpy(), pieces, prefix)
    check(cancel)
    transformer.resize_token_embeddings(old_n + len(pieces), mean_resizing=False)
    with torch.no_grad():
        weight = transformer.get_input_embeddings().weight
        weight[old_n:] = torch.from_numpy(rows).to(weight.dtype).to(weight.device)
    model.tokenizer = new_tokenizer
    if hasattr(model, "mark_weights_changed"):
        model.mark_weights_changed()  # new rows: cached fingerprints and exported runtimes no longer apply
    stage(2, "counting tokens")
    after = mean_tokens(new_tokenizer, corpus)
    stage(3, "done")
    return VocabExtension(len(pieces), old_n, old_n + len(pieces), len(corpus), before, after, script)


@dataclass
class VocabStage:
    """A preset stage that saves ``model`` with the script's pieces learnt from the Korean side of
    ``parallel_file`` and both sentences of ``sts_file`` added (:func:`extend_vocabulary`); done
    (and skipped when a preset is started again) once ``out_dir`` holds the saved model."""

    model: str
    parallel_file: str
    sts_file: str
    out_dir: str
    new_tokens: int = DEFAULT_NEW_TOKENS
    script: str = "hangul"

    def done(self) -> bool:
        return (Path(self.out_dir) / "modules.json").is_file()

    def texts(self) -> list[str]:
        from sbert_desktop.core.data import read_pairs
        from sbert_desktop.core.data.parallel import read_parallel

        sts = read_pairs(self.sts_file)
        return read_parallel(self.parallel_file).target + sts.sentence1 + sts.sentence2

    def run(self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> VocabExtension:
        from sbert_desktop.core.models import BiEncoder

        model = BiEncoder.load(self.model, device="cpu")
        texts = self.texts()
        try:
            report = extend_vocabulary(model, texts, self.new_tokens, script=self.script, progress=progress,
                                       cancel=cancel)
        except SbertDesktopError as exc:
            if "already has every" not in str(exc):
                raise
            n = len(model.tokenizer)  # nothing to add: the next stage starts from the model as it is
            tokens = mean_tokens(model.tokenizer, texts)
            report = VocabExtension(0, n, n, len(texts), tokens, tokens, self.script)
        check(cancel)
        model.save(self.out_dir)
        return report
