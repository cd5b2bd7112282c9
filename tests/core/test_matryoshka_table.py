"""`evaluate --dimensions`: STS correlations at several Matryoshka dimensions from one encoding,
equal to encoding with the model truncated to each dimension."""

from __future__ import annotations

import json

import pytest

from sbert_desktop.cli import main


@pytest.fixture
def sts_file(tmp_path):
    path = tmp_path / "sts.tsv"
    rows = ["sentence1\tsentence2\tscore"]
    rows += [f"a cat number {i} sleeps on mat {i % 3}\ta dog {i} naps near box {i % 4}\t{(i % 6):.1f}"
             for i in range(24)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_table_matches_truncated_models(tiny_bi_encoder, tiny_bi_encoder_dir, sts_file, capsys):
    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.evaluation import evaluate_sts_bi
    from sbert_desktop.core.matryoshka import sts_by_dimensions

    data = read_pairs(sts_file)
    rows = sts_by_dimensions(tiny_bi_encoder, data, [32, 16, 8])
    for row in rows:
        tiny_bi_encoder.set_dimensions(row["dimensions"])
        assert evaluate_sts_bi(tiny_bi_encoder, data)["spearman"] == pytest.approx(row["spearman"], abs=1e-6)
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--data", str(sts_file), "--dimensions",
                 "32,16,8", "--json", "-q"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["dimensions"] for r in out["bi_encoder"]["by_dimensions"]] == [32, 16, 8]
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--data", str(sts_file), "--dimensions",
                 "64", "-q"]) == 2
    assert "at most 32" in capsys.readouterr().err
