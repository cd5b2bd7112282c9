"""The Korean cue (core/language.py): Korean sentences an English tokenizer spells out letter by letter
are flagged; English, a little Korean, or a vocabulary that holds Korean pieces are not; the CLI says
so on stderr before it encodes."""

from __future__ import annotations

import pytest

from sbert_desktop.core.language import LETTER_BY_LETTER, korean_cue, trained_on_korean

KO = ["고양이가 소파에서 잔다", "내일은 전국에 비가 온다", "주식 시장이 크게 하락했다", "커피를 마시고 싶어요",
      "강아지가 공원에서 뛰어논다", "축구 경기가 열렸다"]
EN = ["A cat sleeps on the sofa.", "Rain is expected tomorrow.", "Stocks fell sharply.", "I would like a coffee."]


@pytest.fixture(scope="module")
def english_tokenizer(bundled_model_path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(bundled_model_path))


def test_korean_spelt_out_is_flagged_english_and_a_little_korean_are_not(english_tokenizer):
    cue = korean_cue(english_tokenizer, KO * 10 + EN * 10)
    assert cue is not None and cue.korean_share == pytest.approx(0.6) and cue.tokens_per_syllable >= LETTER_BY_LETTER
    assert "60% of the sentences are Korean" in cue.text() and "letter by letter" in cue.text()
    assert korean_cue(english_tokenizer, EN * 20) is None
    assert korean_cue(english_tokenizer, KO[:1] + EN * 30) is None  # 3% Korean: below KOREAN_SHARE (5%)
    assert korean_cue(None, KO) is None and korean_cue(english_tokenizer, []) is None


def test_a_vocabulary_with_korean_pieces_is_not_flagged(tiny_bi_encoder, english_tokenizer):
    from sbert_desktop.core.training.vocab import extend_vocabulary

    corpus = KO * 20
    extend_vocabulary(tiny_bi_encoder, corpus, new_tokens=300, min_frequency=2)
    assert korean_cue(tiny_bi_encoder.tokenizer, KO) is None
    assert korean_cue(english_tokenizer, KO) is not None


def test_a_model_trained_here_on_korean_is_not_flagged(tmp_path):
    """A run folder whose train_config.json names a Korean training file: trained on Korean, even with a
    vocabulary that spells it out. English data, a moved file or no configuration: not known to be."""
    import json

    korean = tmp_path / "ko.tsv"
    korean.write_text("sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{b}\t3\n" for a, b in zip(KO, KO[1:])),
                      encoding="utf-8")
    english = tmp_path / "en.tsv"
    english.write_text("sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{b}\t3\n" for a, b in zip(EN, EN[1:])),
                       encoding="utf-8")
    for name, train, dev, expected in (("ko", korean, None, True), ("ko-dev", english, korean, True),
                                       ("en", english, None, False), ("moved", tmp_path / "gone.tsv", None, False)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "train_config.json").write_text(json.dumps({"train_file": str(train),
                                                               "dev_file": str(dev) if dev else None}))
        assert trained_on_korean(folder) is expected, name
    assert not trained_on_korean(tmp_path / "nothing") and not trained_on_korean(None)


def test_korsts_dev_with_the_bundled_tokenizer(data_dir, english_tokenizer):
    """The figure the module documents: KorSTS dev, about 1.9 tokens per Hangul syllable."""
    from sbert_desktop.core.data import read_pairs

    dev = read_pairs(data_dir / "korsts" / "sts-dev.tsv")
    cue = korean_cue(english_tokenizer, dev.sentence1)
    assert cue is not None and cue.korean_share > 0.95 and 1.7 < cue.tokens_per_syllable < 2.1


def test_the_cli_warns_before_it_encodes(capsys, tmp_path, tiny_bi_encoder_dir):
    from sbert_desktop.cli import main

    path = tmp_path / "ko.txt"
    path.write_text("\n".join(KO) + "\n", encoding="utf-8")
    assert main(["encode", str(path), "--model", str(tiny_bi_encoder_dir), "-q", "--out", str(tmp_path / "e.npy")]) == 0
    err = capsys.readouterr().err
    assert "sbert-desktop encode: warning: 100% of the sentences are Korean" in err
    en = tmp_path / "en.txt"
    en.write_text("\n".join(EN) + "\n", encoding="utf-8")
    assert main(["cluster", str(en), "--model", str(tiny_bi_encoder_dir), "--method", "kmeans", "--n-clusters", "2",
                 "-q", "--out", str(tmp_path / "c.csv")]) == 0
    assert "Korean" not in capsys.readouterr().err


def test_a_cross_encoder_that_spells_korean_out_is_flagged(capsys, tmp_path, tiny_bi_encoder, tiny_cross_encoder,
                                                           tiny_cross_encoder_dir):
    """The cross-encoder is judged by its own tokenizer: its scores and reranking of Korean are as weak.
    The CLI says so on stderr when it reranks Korean sentences, in the cross-encoder's words; a cross-encoder
    trained here on Korean is not flagged."""
    import json

    from sbert_desktop.cli import main
    from sbert_desktop.core.language import unread_korean
    from sbert_desktop.core.training.vocab import extend_vocabulary

    cue = unread_korean(tiny_cross_encoder, KO)
    assert cue is not None and "the cross-encoder spells Korean out" in cue.text("cross")
    assert "reranking of Korean sentences mean little" in cue.text("cross") and unread_korean(None, KO) is None
    (tiny_cross_encoder_dir / "train_config.json").write_text(json.dumps({"train_file": str(_korean_pairs(tmp_path))}))
    tiny_cross_encoder.source = str(tiny_cross_encoder_dir)
    assert unread_korean(tiny_cross_encoder, KO) is None
    (tiny_cross_encoder_dir / "train_config.json").unlink()

    extend_vocabulary(tiny_bi_encoder, KO * 20, new_tokens=300, min_frequency=2)  # a bi-encoder that reads Korean
    bi_dir = tmp_path / "bi-ko"
    tiny_bi_encoder.save(bi_dir)
    path = tmp_path / "ko.txt"
    path.write_text("\n".join(KO) + "\n", encoding="utf-8")
    assert main(["search", str(path), "-Q", "비가 온다", "--model", str(bi_dir),
                 "--cross-encoder", str(tiny_cross_encoder_dir), "-q"]) == 0
    err = capsys.readouterr().err
    assert "sbert-desktop search: warning: 100% of the sentences are Korean, and the cross-encoder" in err
    assert "this model spells" not in err  # the bi-encoder reads it
    assert main(["pairs", str(path), "--model", str(bi_dir), "--cross-encoder", str(tiny_cross_encoder_dir),
                 "-q", "--out", str(tmp_path / "p.csv")]) == 0
    assert "sbert-desktop pairs: warning: 100% of the sentences are Korean, and the cross-encoder" in capsys.readouterr().err


def _korean_pairs(tmp_path):
    path = tmp_path / "ko-train.tsv"
    path.write_text("sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{b}\t3\n" for a, b in zip(KO, KO[1:])),
                    encoding="utf-8")
    return path


def test_both_models_spelling_korean_out_get_one_full_warning(capsys, tmp_path, tiny_bi_encoder_dir,
                                                              tiny_cross_encoder_dir):
    from sbert_desktop.cli import main

    path = tmp_path / "ko.txt"
    path.write_text("\n".join(KO) + "\n", encoding="utf-8")
    assert main(["search", str(path), "-Q", "비가 온다", "--model", str(tiny_bi_encoder_dir),
                 "--cross-encoder", str(tiny_cross_encoder_dir), "-q"]) == 0
    err = capsys.readouterr().err
    assert err.count("100% of the sentences are Korean") == 1
    assert "warning: the cross-encoder spells Korean out too" in err
