"""Workspaces: round trip of every field, atomic saves, data file checks, corrupt and old workspaces."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from sbert_desktop.core import workspace as wsmod
from sbert_desktop.core.workspace import save as wssave
from sbert_desktop.core.errors import WorkspaceError
from sbert_desktop.core.workspace import (
    MIGRATIONS, SCHEMA_VERSION, Workspace, check_data, describe_data, embedded_data_path, is_workspace,
    load_workspace, locate_data, save_workspace,
)

N = 12


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "data" / "corpus.txt"
    path.parent.mkdir()
    path.write_text("\n".join(f"문장 {i} about cats" for i in range(N)) + "\n", encoding="utf-8")
    return path


def make_workspace(data_file: Path) -> Workspace:
    rng = np.random.default_rng(0)
    sentences = data_file.read_text(encoding="utf-8").splitlines()
    return Workspace(
        data=describe_data(data_file, column=None, format="txt"),
        models={"active": "bi",
                "bi": {"source": "default", "pooling": "mean", "max_seq_length": 128, "normalize": True,
                       "fingerprint": "abc-mean-128-1-0"},
                "cross": {"source": "/models/cross", "max_seq_length": 256}},
        sentences=sentences,
        embeddings=rng.standard_normal((N, 8)).astype(np.float32),
        embeddings_info={"fingerprint": "abc-mean-128-1-0", "model": "default"},
        clusters={"params": {"method": "hdbscan", "min_cluster_size": 3, "seed": np.int64(42)},
                  "names": {0: "cats", 1: "dogs", -1: "noise"}},
        labels=np.array([0, 1, -1] * 4, dtype=np.int64),
        projection={"method": "umap", "params": {"n_neighbors": 15, "min_dist": np.float32(0.25), "seed": 42}},
        coords=rng.standard_normal((N, 2)).astype(np.float32),
        pairs={"top pairs": {"first": np.array([0, 1, 2]), "second": np.array([3, 4, 5]),
                             "scores": np.array([0.9, 0.8, 0.7], dtype=np.float32)},
               "판정": {"sentence1": np.array(["a", "b"], dtype=object), "label": np.array([1, 0])}},
        selections={"picked": np.array([1, 5, 7]), "empty": np.array([], dtype=np.int64)},
        extras={"was_noise": np.array([False, True] * 6), "centroids": np.ones((3, 8), dtype=np.float32)},
        runs=[{"out_dir": "/runs/nli-1", "name": "nli-1", "config": {"lr": 2e-5, "epochs": 1},
               "history": [{"step": 10, "loss": 0.7, "dev_spearman": None},
                           {"step": 20, "loss": 0.5, "dev_spearman": 0.81}]}],
        pages={"clusters": {"show_noise": False, "zoom": [0.1, 0.9]}, "current": "Explore"},
    )


def assert_same(a: Workspace, b: Workspace) -> None:
    assert a.data["path"] == b.data["path"] and a.data["sha256"] == b.data["sha256"]
    assert a.models == b.models
    assert a.sentences == b.sentences
    np.testing.assert_array_equal(a.embeddings, b.embeddings)
    assert a.embeddings_info == b.embeddings_info
    assert {k: v for k, v in a.clusters.items()} == {**b.clusters, "params": {**b.clusters["params"], "seed": 42}}
    np.testing.assert_array_equal(a.labels, b.labels)
    assert a.projection["method"] == b.projection["method"]
    assert a.projection["params"]["min_dist"] == pytest.approx(0.25)
    np.testing.assert_array_equal(a.coords, b.coords)
    assert list(a.pairs) == list(b.pairs)
    for name in a.pairs:
        assert list(a.pairs[name]) == list(b.pairs[name])
        for col in a.pairs[name]:
            np.testing.assert_array_equal(a.pairs[name][col], b.pairs[name][col])
    assert list(a.selections) == list(b.selections)
    for name in a.selections:
        np.testing.assert_array_equal(a.selections[name], b.selections[name])
    assert list(a.extras) == list(b.extras)
    for name in a.extras:
        np.testing.assert_array_equal(a.extras[name], b.extras[name])
        assert a.extras[name].dtype == b.extras[name].dtype
    assert a.runs == b.runs
    assert a.pages == b.pages


@pytest.mark.parametrize("suffix", [".sbertws", ".sbert"])
def test_round_trip_of_every_field(data_file, tmp_path, suffix):
    ws = make_workspace(data_file)
    path = save_workspace(tmp_path / f"analysis{suffix}", ws)
    assert path.suffix == suffix and is_workspace(path)
    back = load_workspace(path)
    assert_same(back, ws)
    assert back.schema_version == SCHEMA_VERSION and back.source == path and back.migrated_from is None
    assert back.clusters["names"] == {0: "cats", 1: "dogs", -1: "noise"}
    assert back.embeddings.dtype == np.float32 and back.embeddings.flags.writeable
    assert back.runs[0]["history"][1] == {"step": 20, "loss": 0.5, "dev_spearman": 0.81}
    assert check_data(back) == "ok"
    assert_same(load_workspace(save_workspace(tmp_path / f"again{suffix}", back)), ws)


def test_folder_layout_and_suffix(data_file, tmp_path):
    path = save_workspace(tmp_path / "plain", make_workspace(data_file))
    assert path.name == "plain.sbertws"
    doc = json.loads((path / "workspace.json").read_text(encoding="utf-8"))
    assert doc["schema_version"] == SCHEMA_VERSION and doc["app_version"]
    assert doc["embeddings"]["shape"] == [N, 8] and doc["embeddings"]["fingerprint"] == "abc-mean-128-1-0"
    assert set(doc["files"]) >= {"arrays/embeddings.npy", "arrays/labels.npy", "arrays/coords.npy",
                                 "sentences.parquet", "pairs/0.parquet", "selections/0.npy", "runs/0.csv"}
    assert (path / "runs" / "0.csv").read_text().splitlines()[0] == "step,loss,dev_spearman"
    assert np.load(path / "arrays" / "coords.npy").shape == (N, 2)


def test_empty_workspace_round_trips(tmp_path):
    back = load_workspace(save_workspace(tmp_path / "empty.sbert", Workspace()))
    assert back.embeddings is None and back.sentences is None and back.pairs == {} and back.runs == []
    assert check_data(back) == "missing" and locate_data(back) is None


def test_inconsistent_workspace_is_not_saved(data_file, tmp_path):
    ws = make_workspace(data_file)
    ws.coords = ws.coords[:5]
    with pytest.raises(WorkspaceError, match="2D coordinates has 5 rows but the workspace has 12"):
        save_workspace(tmp_path / "bad.sbertws", ws)
    ws = make_workspace(data_file)
    ws.selections["x"] = np.array([3, 99])
    with pytest.raises(WorkspaceError, match="outside 0..11"):
        save_workspace(tmp_path / "bad.sbertws", ws)
    assert not (tmp_path / "bad.sbertws").exists()
    ws = make_workspace(data_file)
    ws.pages = {"widget": object()}
    with pytest.raises(WorkspaceError, match="cannot save"):
        save_workspace(tmp_path / "bad.sbert", ws)
    assert not (tmp_path / "bad.sbert").exists() and not list(tmp_path.glob(".bad*"))


@pytest.mark.parametrize("suffix", [".sbertws", ".sbert"])
def test_failed_save_keeps_the_previous_workspace(data_file, tmp_path, monkeypatch, suffix):
    ws = make_workspace(data_file)
    path = save_workspace(tmp_path / f"w{suffix}", ws)
    changed = make_workspace(data_file)
    changed.pages = {"current": "Train"}
    real = wssave._history_csv

    def crash(history):
        raise OSError("disk full")

    monkeypatch.setattr(wssave, "_history_csv", crash)
    with pytest.raises(OSError):
        save_workspace(path, changed)
    monkeypatch.setattr(wssave, "_history_csv", real)
    assert load_workspace(path).pages == ws.pages
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    save_workspace(path, changed)
    assert load_workspace(path).pages == {"current": "Train"}


def test_data_file_checks_and_locating_a_moved_file(data_file, tmp_path):
    ws = load_workspace(save_workspace(tmp_path / "w.sbertws", make_workspace(data_file)))
    assert check_data(ws) == "ok" and locate_data(ws) == data_file.resolve()
    moved = tmp_path / "elsewhere" / data_file.name
    moved.parent.mkdir()
    shutil.move(data_file, moved)
    assert check_data(ws) == "missing" and locate_data(ws) is None
    assert locate_data(ws, [tmp_path / "nowhere", moved.parent]) == moved
    assert check_data(ws, moved) == "ok"
    with moved.open("a", encoding="utf-8") as fh:
        fh.write("one more line\n")
    assert check_data(ws, moved) == "changed"
    assert locate_data(ws, [moved.parent]) is None  # a changed file is not silently accepted


def test_workspace_and_data_moved_together_are_found(data_file, tmp_path):
    save_workspace(tmp_path / "w.sbertws", make_workspace(data_file))
    project = tmp_path / "copied"
    project.mkdir()
    shutil.copytree(tmp_path / "w.sbertws", project / "w.sbertws")
    shutil.copytree(data_file.parent, project / "data")
    shutil.rmtree(data_file.parent)
    ws = load_workspace(project / "w.sbertws")
    assert locate_data(ws) == project / "data" / "corpus.txt"


@pytest.mark.parametrize("suffix", [".sbertws", ".sbert"])
def test_embedded_copy_of_the_data(data_file, tmp_path, suffix):
    path = save_workspace(tmp_path / f"w{suffix}", make_workspace(data_file), embed_data=True)
    data_file.unlink()
    ws = load_workspace(path)
    assert ws.data["embedded_copy"] == "data/corpus.txt"
    copy = embedded_data_path(ws, tmp_path / "extracted")
    assert copy is not None and check_data(ws, copy) == "ok"
    again = load_workspace(save_workspace(tmp_path / f"again{suffix}", ws, embed_data=True))
    assert check_data(again, embedded_data_path(again, tmp_path / "x2")) == "ok"


def test_embedding_a_changed_data_file_is_refused(data_file, tmp_path):
    ws = make_workspace(data_file)
    data_file.write_text("different\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="changed since it was opened"):
        save_workspace(tmp_path / "w.sbert", ws, embed_data=True)


# ----------------------------------------------------------------------------- damaged workspaces


@pytest.fixture
def saved(data_file, tmp_path):
    return save_workspace(tmp_path / "w.sbertws", make_workspace(data_file))


def edit_json(path: Path, change) -> None:
    """Change workspace.json as a crafted file would, its own checksum recomputed (an unsigned edit is
    refused by that checksum first; see test_security_workspace.py)."""
    from sbert_desktop.core.workspace.safety import CHECKSUM_FIELD, manifest_checksum

    doc = json.loads((path / "workspace.json").read_text(encoding="utf-8"))
    change(doc)
    if isinstance(doc, dict) and CHECKSUM_FIELD in doc:
        doc[CHECKSUM_FIELD] = manifest_checksum(doc)
    (path / "workspace.json").write_text(json.dumps(doc), encoding="utf-8")


def refused(path: Path, pattern: str) -> None:
    with pytest.raises(WorkspaceError, match=pattern) as info:
        load_workspace(path)
    assert str(info.value).startswith(str(path))


def test_missing_workspace_and_manifest(saved, tmp_path):
    refused(tmp_path / "nope.sbertws", "no such workspace")
    (saved / "workspace.json").unlink()
    refused(saved, r"not a workspace \(workspace.json is missing\)")


def test_truncated_and_invalid_json(saved):
    text = (saved / "workspace.json").read_text(encoding="utf-8")
    (saved / "workspace.json").write_text(text[: len(text) // 2], encoding="utf-8")
    refused(saved, r"workspace.json is not valid JSON \(line \d+, column \d+: .*\); it may be truncated")
    (saved / "workspace.json").write_bytes(b"\xff\xfe garbage")
    refused(saved, "not UTF-8")
    (saved / "workspace.json").write_text("[1, 2]", encoding="utf-8")
    refused(saved, "'\\(top level\\)' must be an object, got list")


def test_unknown_and_invalid_schema_versions(saved):
    edit_json(saved, lambda d: d.update(schema_version=SCHEMA_VERSION + 1))
    refused(saved, f"schema_version {SCHEMA_VERSION + 1} is newer than this version .* reads \\(up to {SCHEMA_VERSION}\\)")
    edit_json(saved, lambda d: d.update(schema_version="two"))
    refused(saved, "no valid 'schema_version'")
    edit_json(saved, lambda d: d.update(schema_version=0))
    refused(saved, "schema_version 0 is too old to migrate")


def test_edited_array_fails_its_checksum(saved):
    path = saved / "arrays" / "embeddings.npy"
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    refused(saved, r"arrays/embeddings.npy does not match its checksum \(the file was changed or damaged\)")
    assert load_workspace(saved, verify=False).embeddings.shape == (N, 8)


def test_truncated_and_missing_files(saved):
    path = saved / "arrays" / "coords.npy"
    path.write_bytes(path.read_bytes()[:-7])
    refused(saved, r"arrays/coords.npy has \d+ bytes, \d+ expected \(truncated or changed\)")
    path.unlink()
    refused(saved, "arrays/coords.npy is missing")


def test_truncated_npy_with_matching_table_is_still_refused(saved):
    path = saved / "arrays" / "coords.npy"
    path.write_bytes(path.read_bytes()[:-8])

    def fix(d):
        d["files"]["arrays/coords.npy"] = {"sha256": None, "bytes": None}

    edit_json(saved, fix)
    refused(saved, r"arrays/coords.npy is truncated")


def test_shape_and_consistency_checks(saved):
    edit_json(saved, lambda d: d["embeddings"].update(shape=[N, 9]))
    refused(saved, r"arrays/embeddings.npy has shape \(12, 8\), workspace.json says \(12, 9\)")
    edit_json(saved, lambda d: d["embeddings"].update(shape=[N, 8]))
    load_workspace(saved)
    edit_json(saved, lambda d: d["sentences"].update(count=3))
    refused(saved, "sentences.parquet has 12 sentences, workspace.json says 3")


def test_rows_of_different_arrays_must_agree(saved, tmp_path):
    np.save(saved / "arrays" / "labels.npy", np.zeros(5, dtype=np.int64))
    raw = (saved / "arrays" / "labels.npy").read_bytes()

    def fix(d):
        import hashlib

        d["files"]["arrays/labels.npy"] = {"sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)}
        d["clusters"]["labels"]["shape"] = [5]

    edit_json(saved, fix)
    refused(saved, "cluster labels has 5 rows but the workspace has 12 sentences")


def test_wrong_types_and_paths_are_refused(saved):
    edit_json(saved, lambda d: d.update(pairs={"a": 1}))
    refused(saved, "'pairs' must be list, got dict")
    edit_json(saved, lambda d: d.update(pairs=[{"name": "x", "file": "../../etc/passwd"}]))
    refused(saved, "invalid file name")
    edit_json(saved, lambda d: d.update(pairs=[{"name": "x", "file": "extra.parquet"}]))
    (saved / "extra.parquet").write_bytes(b"PAR1")
    refused(saved, "extra.parquet is not listed in workspace.json's file table")


def test_object_arrays_and_float_labels_are_refused(saved):
    import hashlib

    def put(name, arr, spec_path):
        np.save(saved / name, arr, allow_pickle=True)
        raw = (saved / name).read_bytes()

        def fix(d):
            d["files"][name] = {"sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)}
            spec = d
            for key in spec_path:
                spec = spec[key]
            spec["shape"] = list(arr.shape)

        edit_json(saved, fix)

    put("arrays/labels.npy", np.zeros(N, dtype=np.float32), ["clusters", "labels"])
    refused(saved, "arrays/labels.npy has dtype float32, expected integers")
    put("arrays/labels.npy", np.array([{}] * N, dtype=object), ["clusters", "labels"])
    refused(saved, "holds Python objects")


def test_damaged_archive(data_file, tmp_path):
    path = save_workspace(tmp_path / "w.sbert", make_workspace(data_file))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, r"not a readable .sbert archive .* it may be truncated")
    path.write_bytes(b"not a zip at all")
    refused(path, "not a readable .sbert archive")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("something.txt", "hello")
    refused(path, r"not a workspace \(workspace.json is missing\)")


def test_archive_member_changed(data_file, tmp_path):
    path = save_workspace(tmp_path / "w.sbert", make_workspace(data_file))
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(path) as zf:
        zf.extractall(folder)
    coords = np.load(folder / "arrays" / "coords.npy")
    coords[0, 0] += 1
    np.save(folder / "arrays" / "coords.npy", coords)
    with zipfile.ZipFile(path, "w") as zf:
        for f in folder.rglob("*"):
            if f.is_file():
                zf.write(f, f.relative_to(folder).as_posix())
    refused(path, "arrays/coords.npy does not match its checksum")


# ----------------------------------------------------------------------------- old workspaces


def write_v1(folder: Path, data_file: Path) -> None:
    """A workspace as version 1 wrote it: the model a bare string, checksums without sizes."""
    import hashlib

    folder.mkdir()
    (folder / "arrays").mkdir()
    emb = np.arange(N * 4, dtype=np.float32).reshape(N, 4)
    np.save(folder / "arrays" / "embeddings.npy", emb)
    sha = hashlib.sha256((folder / "arrays" / "embeddings.npy").read_bytes()).hexdigest()
    doc = {
        "schema_version": 1, "app_version": "0.0.9", "created": "2024-01-01T00:00:00+00:00",
        "model": "/models/my-sbert", "pooling": "cls", "max_seq_length": 64, "cross_model": "cross-id",
        "data": {"path": str(data_file), "sha256": wsmod.file_sha256(data_file)},
        "embeddings": {"file": "arrays/embeddings.npy", "shape": [N, 4], "fingerprint": "fp-1"},
        "checksums": {"arrays/embeddings.npy": sha},
        "pages": {"current": "Explore"},
    }
    (folder / "workspace.json").write_text(json.dumps(doc), encoding="utf-8")


def test_v1_workspace_is_migrated(data_file, tmp_path):
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))
    write_v1(tmp_path / "old.sbertws", data_file)
    ws = load_workspace(tmp_path / "old.sbertws")
    assert ws.migrated_from == 1 and ws.schema_version == SCHEMA_VERSION
    assert ws.models == {"active": "bi", "cross": {"source": "cross-id"},
                         "bi": {"source": "/models/my-sbert", "pooling": "cls", "max_seq_length": 64,
                                "normalize": None, "fingerprint": "fp-1"}}
    assert ws.embeddings.shape == (N, 4) and ws.pages == {"current": "Explore"}
    assert check_data(ws) == "ok"
    saved = save_workspace(tmp_path / "new.sbertws", ws)  # saved again: the current schema
    assert json.loads((saved / "workspace.json").read_text())["schema_version"] == SCHEMA_VERSION
    assert load_workspace(saved).models == ws.models


def test_v1_workspace_with_edited_array_is_refused(data_file, tmp_path):
    write_v1(tmp_path / "old.sbertws", data_file)
    np.save(tmp_path / "old.sbertws" / "arrays" / "embeddings.npy", np.zeros((N, 4), dtype=np.float32))
    refused(tmp_path / "old.sbertws", "does not match its checksum")


def test_v1_workspace_with_bad_model_field(data_file, tmp_path):
    write_v1(tmp_path / "old.sbertws", data_file)
    edit_json(tmp_path / "old.sbertws", lambda d: d.update(model={"source": "x"}))
    refused(tmp_path / "old.sbertws", "'model' must be a model path or id")
