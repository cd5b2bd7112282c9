"""`sbert-desktop encode` and `evaluate` on tiny models and small files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sbert_desktop.cli import main


@pytest.fixture
def sts_file(tmp_path):
    path = tmp_path / "sts.tsv"
    rows = ["sentence1\tsentence2\tscore"]
    rows += [f"a cat number {i} sleeps\ta cat number {i} naps\t{(i % 6):.1f}" for i in range(30)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_encode_writes_npy_in_input_order(tiny_bi_encoder, tiny_bi_encoder_dir, tmp_path, capsys):
    src = tmp_path / "s.txt"
    src.write_text("first sentence\n\nsecond one, a bit longer than the first\nfirst sentence\n", encoding="utf-8")
    out = tmp_path / "emb.npy"
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "-q"]) == 0
    emb = np.load(out)
    assert emb.shape == (3, 32)
    expected = tiny_bi_encoder.encode(["first sentence", "second one, a bit longer than the first", "first sentence"])
    np.testing.assert_allclose(emb, expected, rtol=1e-5, atol=1e-6)
    assert "1 blank rows skipped" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "emb.npy.manifest.json").read_text())
    assert manifest["model"]["pooling"] == "mean"


def test_encode_csv_output_and_bad_suffix(tiny_bi_encoder_dir, tmp_path, capsys):
    src = tmp_path / "s.txt"
    src.write_text("안녕하세요\nhello\n", encoding="cp949")
    out = tmp_path / "emb.csv"
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "-q", "--excel"]) == 0
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "안녕하세요".encode() in text
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(tmp_path / "x.bin")]) == 2
    assert "error" in capsys.readouterr().err


def test_evaluate_sts_bi_and_cross(tiny_bi_encoder_dir, tiny_cross_encoder_dir, sts_file, capsys):
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--cross-encoder", str(tiny_cross_encoder_dir),
                 "--data", str(sts_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["task"] == "sts" and result["pairs"] == 30
    for key in ("bi_encoder", "cross_encoder"):
        assert -1 <= result[key]["spearman"] <= 1
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--data", str(sts_file), "-q"]) == 0
    table = capsys.readouterr().out
    assert "Spearman" in table and "bi-encoder" in table


def test_evaluate_user_mistakes_are_one_line(tmp_path, capsys):
    assert main(["evaluate", "--model", str(tmp_path / "missing" / "m" / "x"), "--data", str(tmp_path / "no.tsv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "error" in err


def test_untrained_cross_encoder_head_is_flagged(tiny_bi_encoder_dir, sts_file, capsys):
    # an encoder folder loaded as a cross-encoder gets a new head: say so instead of reporting noise
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--cross-encoder", str(tiny_bi_encoder_dir),
                 "--data", str(sts_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "untrained" in result["cross_encoder"]["warning"]
    from sbert_desktop.core.models import CrossEncoder

    assert CrossEncoder.load(tiny_bi_encoder_dir).info()["head"].startswith("new")


def test_commands_say_what_reading_the_file_changed(tiny_bi_encoder_dir, tmp_path, capsys):
    """Only ``inspect`` showed the readers' notes: encode cut 'Hello, world.' to 'Hello' at its comma and
    said nothing. A one-column CSV now keeps each line whole, and encode/evaluate say on stderr (even
    with -q) what reading changed; blank and duplicate counts stay on the summary line."""
    import numpy as np

    src = tmp_path / "one.csv"
    src.write_text("text\nHello, world. How are you?\nI bought apples, pears, and plums.\nNo comma here.\n\n"
                   "No comma here.\n", encoding="utf-8")
    out = tmp_path / "one.csv.npy"
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "-q", "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert ("sbert-desktop encode: warning: " + str(src) + ": 2 line(s) of the one column hold commas outside quotes: "
            "each read whole (first at line 2)") in captured.err
    assert "blank" not in captured.err and "duplicate" not in captured.err and "1 duplicates kept" in captured.out
    assert np.load(out).shape[0] == 4
    from sbert_desktop.core.data import read_sentences

    assert read_sentences(src).sentences[:2] == ["Hello, world. How are you?", "I bought apples, pears, and plums."]
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("sentence1,sentence2,label\nA man plays.,Someone plays.,1\nA cat.,A dog.,0\n", encoding="utf-8")
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--data", str(pairs), "-q"]) == 0
    assert "sbert-desktop evaluate: warning: " + str(pairs) + ": the 'label' column holds only 0 and 1" in capsys.readouterr().err


def test_an_output_that_would_destroy_the_input_is_refused(tmp_path, capsys):
    """encode same.csv --out same.csv replaced the sentences with their vectors (exit 0); an --out under a
    file was a traceback after all the encoding. Both are refused before anything is loaded."""
    src = tmp_path / "same.csv"
    src.write_text("text\nhello there\n", encoding="utf-8")
    assert main(["encode", str(src), "--out", str(src)]) == 2
    assert "is the file this command reads (INPUT); name another file to write" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == "text\nhello there\n"
    assert main(["cluster", str(src), "--out", str(tmp_path / "same.csv" / "x.csv")]) == 2
    assert f"{src} is a file, not a folder to write in" in capsys.readouterr().err


def test_nproc_refusals_come_before_any_process_starts(tmp_path, capsys):
    """--nproc 2 with --no-cache, or a missing file: every worker refused and torchrun printed a 40-line
    traceback (exit 1); one line now, exit 2, nothing launched."""
    assert main(["encode", str(tmp_path / "missing.txt"), "--nproc", "2", "--out", str(tmp_path / "x.npy")]) == 2
    assert "missing.txt: file not found" in capsys.readouterr().err
    src = tmp_path / "s.txt"
    src.write_text("one\ntwo\n", encoding="utf-8")
    assert main(["encode", str(src), "--nproc", "2", "--no-cache", "--out", str(tmp_path / "x.npy")]) == 2
    assert "--no-cache cannot be used on several processes" in capsys.readouterr().err


def test_evaluate_that_measures_nothing_fails(tiny_bi_encoder_dir, tmp_path, capsys):
    """NLI data and a bi-encoder without an NLI head: no number, a note nested in a note, and exit 0."""
    data = tmp_path / "nli.tsv"
    data.write_text("sentence1\tsentence2\tgold_label\nA man.\tA person.\tentailment\nA dog.\tA cat.\tcontradiction\n",
                    encoding="utf-8")
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--data", str(data), "-q"]) == 2
    err = capsys.readouterr().err
    assert "has no NLI classifier head (an nli_head/ folder beside it): NLI accuracy needs a bi-encoder" in err
