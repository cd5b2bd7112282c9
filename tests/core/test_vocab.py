"""Vocabulary extension (core/training/vocab.py, ``extend-vocab``): Korean pieces in the model's own
normal form, old tokens and English text untouched, new rows at the mean of their old pieces, and the
saved folder read alike by sbert-desktop and sentence-transformers."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from sbert_desktop.cli import main
from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.models import BiEncoder
from sbert_desktop.core.training.vocab import extend_vocabulary, is_hangul

KO = ["고양이가 잔다", "개가 달린다", "새가 노래한다", "빨간 자동차가 달린다", "큰 집에 고양이가 있다", "작은 나무",
      "남자가 기타를 친다", "여자가 노래한다", "아이가 밥을 먹는다", "파란 길을 달린다", "말이 뛴다",
      "피아노가 연주된다", "남자가 노래를 부른다", "여자가 기타를 친다", "고양이가 밥을 먹는다"]
EN = ["A man is playing a guitar.", "The café serves crème brûlée!", "Two dogs run on the beach.",
      "naïve résumé, 3.5 km north", "an airplane is taking off"]


def test_is_hangul():
    assert is_hangul("고양이") and is_hangul("\u1100\u1161") and not is_hangul("cat") and not is_hangul("日本")


def test_extension_keeps_english_and_old_rows(tiny_bi_encoder, tmp_path):
    model = tiny_bi_encoder
    old_tok = model.tokenizer
    old_rows = model.transformer.get_input_embeddings().weight.detach().clone()
    english_before = model.encode(EN, 8)
    before = {s: old_tok.tokenize(s) for s in KO + EN}

    report = extend_vocabulary(model, KO * 4 + EN, new_tokens=200, min_frequency=2)

    assert report.added > 0 and report.vocab_after == report.vocab_before + report.added == len(model.tokenizer)
    assert report.sentences == len(KO) * 4  # only the Hangul sentences are the corpus
    assert report.tokens_after < report.tokens_before
    weight = model.transformer.get_input_embeddings().weight.detach()
    assert weight.shape[0] == report.vocab_after
    assert torch.equal(weight[: report.vocab_before], old_rows)
    for s in EN:  # text without Hangul tokenises exactly as before, so its embeddings are unchanged
        assert model.tokenizer.tokenize(s) == before[s]
    np.testing.assert_allclose(model.encode(EN, 8), english_before, atol=1e-6)
    for s in KO:
        assert len(model.tokenizer.tokenize(s)) < len(before[s])
    # a new word-initial piece starts at the mean of the rows of the pieces the old vocabulary spelt it with
    new_vocab = model.tokenizer.get_vocab()
    piece = next(p for p, i in sorted(new_vocab.items(), key=lambda kv: kv[1])
                 if i >= report.vocab_before and not p.startswith("##") and len(old_tok.tokenize(p)) > 1)
    ids = old_tok.convert_tokens_to_ids(old_tok.tokenize(piece))
    torch.testing.assert_close(weight[new_vocab[piece]], old_rows[ids].mean(0))


def test_saved_extension_loads_alike_here_and_in_sentence_transformers(tiny_bi_encoder, tmp_path):
    st = pytest.importorskip("sentence_transformers")
    model = tiny_bi_encoder
    extend_vocabulary(model, KO * 4, new_tokens=200, min_frequency=2)
    mine = model.encode(KO + EN, 8)
    path = model.save(tmp_path / "ext")
    again = BiEncoder.load(path, device="cpu")
    assert again.tokenizer.get_vocab() == model.tokenizer.get_vocab()
    np.testing.assert_allclose(again.encode(KO + EN, 8), mine, atol=1e-5)
    theirs = st.SentenceTransformer(str(path), device="cpu").encode(KO + EN, batch_size=8, convert_to_numpy=True)
    np.testing.assert_allclose(theirs, mine, atol=1e-5)


def test_refusals(tiny_bi_encoder):
    with pytest.raises(SbertDesktopError, match="no hangul text"):
        extend_vocabulary(tiny_bi_encoder, EN)
    with pytest.raises(SbertDesktopError, match="unknown script"):
        extend_vocabulary(tiny_bi_encoder, KO, script="klingon")

    class NotWordPiece:
        backend_tokenizer = type("T", (), {"model": type("BPE", (), {})()})()

    tiny_bi_encoder.tokenizer = NotWordPiece()
    with pytest.raises(SbertDesktopError, match="only be extended for WordPiece"):
        extend_vocabulary(tiny_bi_encoder, KO)


def test_cli_reads_several_columns_and_saves(tiny_bi_encoder_dir, tmp_path, capsys):
    table = tmp_path / "pairs.tsv"
    table.write_text("sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{b}\t1.0\n" for a, b in zip(KO, KO[1:] * 4)),
                     encoding="utf-8")
    text = tmp_path / "more.txt"
    text.write_text("\n".join(KO * 2) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extend-vocab", str(table), str(text), "--column", "sentence1", "--column", "sentence2",
                 "--model", str(tiny_bi_encoder_dir), "--new-tokens", "200", "--min-frequency", "2",
                 "--out", str(out), "--json"]) == 0
    import json

    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["sentences"] == 2 * len(KO) + 2 * len(KO) and report["added"] > 0
    assert len(BiEncoder.load(out, device="cpu").tokenizer) == report["vocab_after"]
    assert main(["extend-vocab", str(table), "--column", "korean", "--model", str(tiny_bi_encoder_dir),
                 "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "pairs.tsv" in err and "none of the columns korean" in err and "sentence1" in err
    assert not (tmp_path / "x").exists()


def test_korean_preset_plans_the_vocabulary_stage(tmp_path, tiny_bi_encoder_dir):
    from sbert_desktop.core.training.korean_preset import DISTILL_LR, estimate_seconds, plan
    from sbert_desktop.core.training.vocab import VocabStage

    data = tmp_path / "data"
    (data / "parallel").mkdir(parents=True)
    (data / "korsts").mkdir()
    par = "english\tkorean\n" + "".join(f"{e}\t{k}\n" for e, k in zip(EN * 3, KO))
    for name in ("en-ko-train.tsv", "en-ko-dev.tsv"):
        (data / "parallel" / name).write_text(par, encoding="utf-8")
    sts = "sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{b}\t3.0\n" for a, b in zip(KO, KO[1:] + KO[:1]))
    for name in ("sts-train.tsv", "sts-dev.tsv"):
        (data / "korsts" / name).write_text(sts, encoding="utf-8")
    with_pieces = plan(tmp_path / "out", model=str(tiny_bi_encoder_dir), data=data)
    assert isinstance(with_pieces.stages[0], VocabStage) and len(with_pieces.stages) == 3
    assert with_pieces.distill.model == with_pieces.vocab.out_dir and with_pieces.distill.lr == DISTILL_LR
    assert with_pieces.distill.teacher == with_pieces.model == str(tiny_bi_encoder_dir)
    assert with_pieces.distill.length_grouped and with_pieces.korsts.length_grouped  # less padding, same data
    jamo = plan(tmp_path / "out2", model=str(tiny_bi_encoder_dir), data=data, extend_vocab=False)
    assert len(jamo.stages) == 2 and jamo.distill.model == str(tiny_bi_encoder_dir) and jamo.distill.teacher is None
    slow, fast = estimate_seconds(jamo), estimate_seconds(with_pieces)
    assert slow["vocab"] == 0 and fast["vocab"] > 0
    assert slow["distill"] + slow["korsts"] > 2 * (fast["distill"] + fast["korsts"])  # jamo: ~2.9x the tokens
    stage = with_pieces.vocab
    assert stage.texts() == KO + KO + KO[1:] + KO[:1] and not stage.done()
    events = []
    report = stage.run(progress=events.append)
    assert stage.done() and report.added > 0 and events[-1].stage == "vocabulary"
    assert len(BiEncoder.load(stage.out_dir, device="cpu").tokenizer) == report.vocab_after
