"""CLI on .npy embeddings through the scale paths: pairs says which neighbour search it used."""

import json

import numpy as np

from sbert_desktop.cli import main
from sbert_desktop.core import neighbors as nb


def test_pairs_on_npy_uses_the_index_above_the_threshold_and_exact_when_asked(capsys, tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((10, 32))
    emb = centres[rng.integers(0, 10, 2500)] + 0.1 * rng.standard_normal((2500, 32))
    np.save(tmp_path / "emb.npy", emb.astype(np.float32))
    monkeypatch.setattr(nb, "EXACT_BELOW", 1000)
    code = main(["pairs", str(tmp_path / "emb.npy"), "--top-k", "3", "-q", "--out", str(tmp_path / "a.csv")])
    out = capsys.readouterr().out
    assert code == 0 and "(ivf neighbours)" in out
    manifest = json.loads((tmp_path / "a.csv.manifest.json").read_text())
    assert "ivf" in json.dumps(manifest)
    code = main(["pairs", str(tmp_path / "emb.npy"), "--top-k", "3", "-q", "--neighbors", "exact",
                 "--out", str(tmp_path / "b.csv")])
    assert code == 0 and "(exact neighbours)" in capsys.readouterr().out
