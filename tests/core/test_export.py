"""core.export: tables read back with the right content, manifests carry provenance, limits refuse."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from sbert_desktop import __version__
from sbert_desktop.core import export as E
from sbert_desktop.core.errors import ExportError
from sbert_desktop.core.similarity import mine_pairs

SENTENCES = [f"문장 {i} sentence" for i in range(40)]


@pytest.fixture(scope="module")
def emb() -> np.ndarray:
    return np.random.default_rng(0).standard_normal((40, 8)).astype(np.float32)


def read(path):
    return pd.read_parquet(path) if str(path).endswith(".parquet") else pd.read_csv(
        path, sep="\t" if str(path).endswith(".tsv") else ",", encoding="utf-8-sig")


def manifest(path) -> dict:
    return json.loads(E.manifest_path(path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".parquet"])
def test_pairs_round_trip_with_manifest(tmp_path, emb, suffix):
    pairs = mine_pairs(emb, top_k=3)
    prov = E.Provenance(model={"name": "m", "pooling": "mean", "max_seq_length": 128, "normalize": True},
                        seeds={"clustering": 42}, source_file="s.txt")
    out = E.export_pairs(tmp_path / f"pairs{suffix}", pairs, SENTENCES, prov,
                         extra_columns={"cross_score": np.linspace(1, 0, len(pairs))})
    df = read(out)
    assert list(df.columns) == ["rank", "index1", "index2", "sentence1", "sentence2", "score", "cross_score"]
    assert len(df) == len(pairs)
    assert df["index1"].tolist() == pairs.first.tolist()
    assert df["sentence2"].tolist() == [SENTENCES[j] for j in pairs.second]
    assert np.allclose(df["score"], pairs.scores, atol=1e-5)
    m = manifest(out)
    assert m["schema_version"] == 1 and m["kind"] == "pairs" and m["rows"] == len(pairs)
    assert m["model"]["pooling"] == "mean" and m["model"]["max_seq_length"] == 128 and m["model"]["normalize"]
    assert m["seeds"] == {"clustering": 42} and m["app_version"] == __version__
    assert m["created"] and m["columns"][-1] == "cross_score"
    assert m["format"] == suffix.lstrip(".")


def test_csv_for_excel_has_a_bom(tmp_path, emb):
    out = E.export_pairs(tmp_path / "p.csv", mine_pairs(emb, top_k=1), SENTENCES, encoding="utf-8-sig")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "문장".encode() in raw
    assert manifest(out)["encoding"] == "utf-8-sig"
    plain = E.export_pairs(tmp_path / "q.csv", mine_pairs(emb, top_k=1), SENTENCES)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_topk_is_streamed_in_chunks(tmp_path, emb, suffix, monkeypatch):
    from sbert_desktop.core.similarity import nearest_neighbors

    out = E.export_topk(tmp_path / f"t{suffix}", emb, SENTENCES, top_k=4, chunk_size=7)
    df = read(out)
    nn = nearest_neighbors(emb, top_k=4)
    assert len(df) == 40 * 4 and manifest(out)["rows"] == 160
    assert df["neighbor_index"].tolist() == nn.indices.reshape(-1).tolist()
    assert df["rank"].tolist()[:4] == [1, 2, 3, 4]
    assert df["neighbor"].iloc[0] == SENTENCES[nn.indices[0, 0]]
    assert np.allclose(df["score"], nn.scores.reshape(-1), atol=1e-5)


def test_matrix_export_and_refusal(tmp_path, emb):
    out = E.export_matrix(tmp_path / "m.parquet", emb, SENTENCES)
    df = read(out)
    unit = emb / np.linalg.norm(emb, axis=1, keepdims=True)
    assert df.shape == (40, 41) and df["sentence"].tolist() == SENTENCES
    assert np.allclose(df.drop(columns="sentence").to_numpy(), unit @ unit.T, atol=1e-5)
    npy = E.export_matrix(tmp_path / "m.npy", emb)
    assert np.allclose(np.load(npy), unit @ unit.T, atol=1e-5) and manifest(npy)["summary"]["shape"] == [40, 40]
    with pytest.raises(ExportError) as err:
        E.export_matrix(tmp_path / "big.csv", emb, SENTENCES, max_cells=1000)
    assert "1,600 cells" in str(err.value) and "top-k" in str(err.value)
    assert not (tmp_path / "big.csv").exists() and not E.manifest_path(tmp_path / "big.csv").exists()


def test_clusters_coordinates_embeddings(tmp_path, emb):
    from sbert_desktop.core.clustering import cluster

    result = cluster(emb, method="kmeans", n_clusters=3, seed=1)
    coords = emb[:, :2]
    out = E.export_clusters(tmp_path / "c.csv", SENTENCES, result, {0: "a · b", 1: "c", 2: "d"}, coords,
                            E.Provenance(projection={"method": "pca"}), encoding="utf-8-sig")
    df = read(out)
    assert df["cluster"].tolist() == result.labels.tolist()
    assert df["cluster_label"].iloc[0] == {0: "a · b", 1: "c", 2: "d"}[result.labels[0]]
    assert np.allclose(df[["x", "y"]].to_numpy(), coords, atol=1e-5)
    m = manifest(out)
    assert m["clustering"]["method"] == "kmeans" and m["clustering"]["seed"] == 1
    assert m["projection"] == {"method": "pca"} and m["summary"]["n_clusters"] == 3

    xy = E.export_coordinates(tmp_path / "xy.parquet", coords, SENTENCES, result.labels)
    assert read(xy)[["x", "y"]].to_numpy().tolist() == coords.tolist()
    assert read(xy)["cluster"].tolist() == result.labels.tolist()

    table = E.export_embeddings(tmp_path / "e.parquet", emb, SENTENCES)
    assert np.array_equal(read(table)[[f"e{d}" for d in range(8)]].to_numpy(np.float32), emb)
    npy = E.export_embeddings(tmp_path / "e.npy", emb)
    assert np.array_equal(np.load(npy), emb) and manifest(npy)["rows"] == 40


def test_source_rows_become_row_columns_and_must_match(tmp_path, emb):
    """Each sentence's line in its file rides along as ``row`` (neighbours: ``neighbor_row``) in every
    per-sentence export; a list of another length is refused rather than written shifted."""
    from sbert_desktop.core.clustering import cluster

    lines = [3 * i + 2 for i in range(40)]  # as if blank lines sat between them
    result = cluster(emb, method="kmeans", n_clusters=3, seed=1)
    for out in (E.export_clusters(tmp_path / "c.csv", SENTENCES, result, source_rows=lines),
                E.export_coordinates(tmp_path / "xy.parquet", emb[:, :2], SENTENCES, source_rows=lines),
                E.export_embeddings(tmp_path / "e.csv", emb, SENTENCES, source_rows=lines)):
        df = read(out)
        assert list(df.columns[:3]) == ["index", "row", "sentence"] and df["row"].tolist() == lines
    topk = read(E.export_topk(tmp_path / "k.csv", emb, SENTENCES, top_k=2, source_rows=lines))
    assert (topk["row"] == 3 * topk["index"] + 2).all() and (topk["neighbor_row"] == 3 * topk["neighbor_index"] + 2).all()
    assert "row" not in read(E.export_clusters(tmp_path / "c2.csv", SENTENCES, result)).columns
    with pytest.raises(ValueError, match="39 source rows for 40 sentences"):
        E.export_clusters(tmp_path / "c3.csv", SENTENCES, result, source_rows=lines[1:])
    assert not (tmp_path / "c3.csv").exists()


def test_source_columns_follow_and_never_overwrite_ours(tmp_path, emb):
    """The file's other columns come after the table's own, as text (missing values empty); one named
    like ours (cluster) is written as source_cluster; a column of another length is refused."""
    from sbert_desktop.core.clustering import cluster

    result = cluster(emb, method="kmeans", n_clusters=3, seed=1)
    ids = list(range(1000, 1040))
    rating = [None if i % 10 == 0 else float(i % 5) for i in range(40)]
    theirs = {"id": ids, "cluster": ["theirs"] * 40, "rating": rating}
    for out in (E.export_clusters(tmp_path / "c.parquet", SENTENCES, result, source_columns=theirs),
                E.export_coordinates(tmp_path / "xy.csv", emb[:, :2], SENTENCES, result.labels, source_columns=theirs)):
        df = read(out)
        assert list(df.columns[-3:]) == ["id", "source_cluster", "rating"]
        assert df["id"].astype(int).tolist() == ids and (df["source_cluster"] == "theirs").all()
        assert df["cluster"].tolist() == result.labels.tolist()
        assert df["rating"].isna().sum() == 4
    with pytest.raises(ValueError, match="'id' has 39 values for 40 sentences"):
        E.export_clusters(tmp_path / "c2.csv", SENTENCES, result, source_columns={"id": ids[1:]})


def test_unknown_suffix_is_refused(tmp_path, emb):
    with pytest.raises(ExportError, match=r"\.xlsx"):
        E.export_pairs(tmp_path / "p.xlsx", mine_pairs(emb, top_k=1), SENTENCES)


def test_failed_export_leaves_no_partial_file(tmp_path, emb):
    from sbert_desktop.core.progress import CancelToken, Cancelled

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        E.export_topk(tmp_path / "t.csv", emb, SENTENCES, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_the_output_is_named_as_such(tmp_path):
    """--out naming an existing folder said "cannot export as a file without a suffix"."""
    with pytest.raises(ExportError, match="is a folder; name the file to write in it"):
        E.file_format(tmp_path)
    with pytest.raises(ExportError, match="cannot export as .txt"):
        E.file_format(tmp_path / "x.txt")
    assert E.file_format(tmp_path / "x.csv") == "csv"
