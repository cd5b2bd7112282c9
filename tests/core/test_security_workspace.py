"""Crafted workspaces from a stranger: every value that could become a path, a size or a download is
refused with one line, nothing is written outside the app's folders, memory stays bounded."""

from __future__ import annotations

import io
import json
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from sbert_desktop.core.errors import ModelLoadError, WorkspaceError
from sbert_desktop.core.workspace import Workspace, describe_data, embedded_data_path, load_workspace, save_workspace
from sbert_desktop.core.workspace.safety import (
    CHECKSUM_FIELD, check_model_downloads, manifest_checksum, models_to_download,
)

N = 6


@pytest.fixture
def victim(tmp_path, monkeypatch) -> Path:
    """A stand-in for the user's home: nothing may ever be written here."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    return home


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def _workspace(tmp_path: Path) -> Workspace:
    data = tmp_path / "sentences.txt"
    data.write_text("\n".join(f"sentence {i}" for i in range(N)) + "\n", encoding="utf-8")
    ws = Workspace(data=describe_data(data), sentences=[f"sentence {i}" for i in range(N)],
                   embeddings=np.ones((N, 4), dtype=np.float32))
    ws.models = {"active": "bi", "bi": {"source": "default"}}
    return ws


def _signed(doc: dict) -> bytes:
    """The manifest as an attacker writes it: with a valid checksum of its own (which proves nothing)."""
    doc[CHECKSUM_FIELD] = manifest_checksum(doc)
    return json.dumps(doc).encode("utf-8")


def _rezip(src: Path, dst: Path, change=None, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "workspace.json" and change is not None:
                doc = json.loads(data)
                change(doc)
                data = _signed(doc)
            zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def _refused(path: Path, pattern: str, **kwargs) -> WorkspaceError:
    with pytest.raises(WorkspaceError, match=pattern) as info:
        ws = load_workspace(path, **kwargs)
        embedded_data_path(ws)
    assert "\n" not in str(info.value)
    return info.value


_PEAK_PROBE = """
import sys, tracemalloc
from sbert_desktop.core.errors import WorkspaceError
from sbert_desktop.core.workspace import embedded_data_path, load_workspace
embedded_data_path(load_workspace(sys.argv[1]))  # the good one first: imports are not the bomb's
tracemalloc.start()
try:
    embedded_data_path(load_workspace(sys.argv[2]))
except WorkspaceError as exc:
    print(tracemalloc.get_traced_memory()[1])
    print(exc)
else:
    print(-1)
    print("not refused")
"""


def _refused_peak(good: Path, path: Path, pattern: str) -> int:
    """Open ``good``, then refuse ``path`` in a fresh interpreter and return the peak of Python
    allocations while refusing it. A fresh process: tracemalloc beside native thread pools that earlier tests left running
    (ONNX Runtime's) crashed the test process."""
    out = subprocess.run([sys.executable, "-c", _PEAK_PROBE, str(good), str(path)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    peak, message = out.stdout.strip().split("\n", 1)
    assert re.search(pattern, message) and "\n" not in message, message
    return int(peak)


# ----------------------------------------------------------------------------- values that become paths


@pytest.mark.parametrize("sha", ["../../../home/.ssh", "/tmp/x", "a" * 63 + "/", "A" * 64, "..", 123])
def test_data_sha256_that_is_not_a_hash_is_refused(sha, tmp_path, victim, _isolated_config):
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path), embed_data=True)
    bad = _rezip(good, tmp_path / "bad.sbert", lambda d: d["data"].update(sha256=sha))
    _refused(bad, "invalid data.sha256")
    assert _tree(victim) == [".ssh"]
    assert not (_isolated_config / "cache" / "workspace-data").exists()


@pytest.mark.parametrize("name", ["data/../../../../home/.ssh/authorized_keys", "/etc/passwd", "data/.pth",
                                  "data\\..\\x.pth", "lib/site-packages/evil.pth", "data/a/b", "data/", "C:/x"])
def test_embedded_copy_name_outside_data_is_refused(name, tmp_path, victim, _isolated_config):
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path), embed_data=True)

    def change(doc):
        old = doc["data"]["embedded_copy"]
        doc["data"]["embedded_copy"] = name
        doc["files"][name] = doc["files"].pop(old)

    bad = _rezip(good, tmp_path / "bad.sbert", change)
    _refused(bad, "invalid (data.embedded_copy|file name)")
    assert _tree(victim) == [".ssh"]
    assert not (_isolated_config / "cache" / "workspace-data").exists()


def test_embedded_copy_is_extracted_only_into_the_app_cache(tmp_path, victim, _isolated_config):
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path), embed_data=True)
    ws = load_workspace(good)
    path = embedded_data_path(ws)
    cache = _isolated_config / "cache" / "workspace-data"
    assert path.parent.parent == cache and path.read_text(encoding="utf-8").startswith("sentence 0")
    assert _tree(victim) == [".ssh"]


def test_embedded_copy_with_other_bytes_is_not_extracted(tmp_path, _isolated_config):
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path), embed_data=True)
    ws = load_workspace(good)
    ws.data["sha256"] = "0" * 64  # bytes that do not hash to this: nothing stays on disk
    with pytest.raises(WorkspaceError, match="does not match its checksum"):
        embedded_data_path(ws)
    assert list((_isolated_config / "cache" / "workspace-data" / ("0" * 64)).iterdir()) == []


@pytest.mark.parametrize("field,value", [
    ("embeddings", "../outside.npy"), ("embeddings", "/etc/passwd"), ("embeddings", "arrays/../../x.npy"),
    ("embeddings", "C:\\x.npy"), ("sentences", "../s.parquet"), ("files", "../evil"),
])
def test_member_names_that_leave_the_workspace_are_refused(field, value, tmp_path, victim):
    folder = save_workspace(tmp_path / "w.sbertws", _workspace(tmp_path))
    (tmp_path / "outside.npy").write_bytes((folder / "arrays" / "embeddings.npy").read_bytes())
    doc = json.loads((folder / "workspace.json").read_text(encoding="utf-8"))
    if field == "files":
        doc["files"][value] = {"sha256": "0" * 64, "bytes": 1}
    else:
        doc[field]["file"] = value
    (folder / "workspace.json").write_bytes(_signed(doc))
    _refused(folder, "invalid file name")
    assert _tree(victim) == [".ssh"]


def test_symlinks_inside_a_workspace_folder_are_refused(tmp_path):
    folder = save_workspace(tmp_path / "w.sbertws", _workspace(tmp_path))
    secret = tmp_path / "secret.npy"
    os.replace(folder / "arrays" / "embeddings.npy", secret)
    os.symlink(secret, folder / "arrays" / "embeddings.npy")
    _refused(folder, "embeddings.npy is a symbolic link")
    # a linked folder on the way is refused too
    os.unlink(folder / "arrays" / "embeddings.npy")
    os.replace(secret, folder / "arrays" / "embeddings.npy")
    os.replace(folder / "arrays", tmp_path / "arrays-elsewhere")
    os.symlink(tmp_path / "arrays-elsewhere", folder / "arrays")
    _refused(folder, "arrays is a symbolic link|arrays/embeddings.npy is a symbolic link")


def test_symlink_member_in_an_archive_is_refused(tmp_path):
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path))
    bad = tmp_path / "bad.sbert"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "arrays/embeddings.npy":
                info = zipfile.ZipInfo(info.filename)
                info.external_attr = (0o120777 << 16)
            zout.writestr(info, data)
    _refused(bad, "is a symbolic link")


def test_unsigned_edit_of_the_manifest_is_refused(tmp_path):
    folder = save_workspace(tmp_path / "w.sbertws", _workspace(tmp_path))
    doc = json.loads((folder / "workspace.json").read_text(encoding="utf-8"))
    doc["models"]["bi"]["source"] = "someone/else"
    (folder / "workspace.json").write_text(json.dumps(doc), encoding="utf-8")
    _refused(folder, "workspace.json does not match its checksum")


# ----------------------------------------------------------------------------- sizes and memory


def _patch_central_sizes(path: Path, name: str, compressed: int, size: int) -> None:
    raw = bytearray(path.read_bytes())
    pos = raw.index(b"PK\x01\x02")
    while True:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46: pos + 46 + name_len].decode() == name:
            struct.pack_into("<II", raw, pos + 20, compressed, size)
            break
        extra, comment = struct.unpack_from("<HH", raw, pos + 30)
        pos += 46 + name_len + extra + comment
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize("compressed,size", [(None, 2 << 30), (2 << 30, 2 << 30)])
def test_sizes_in_the_zip_directory_are_checked_before_reading(compressed, size, tmp_path):
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path))
    bad = _rezip(good, tmp_path / "bad.sbert")
    with zipfile.ZipFile(bad) as zf:
        real = zf.getinfo("arrays/embeddings.npy").compress_size
    _patch_central_sizes(bad, "arrays/embeddings.npy", compressed or real, size)
    assert _refused_peak(good, bad, "arrays/embeddings.npy") < 16 << 20


def test_highly_compressed_member_is_refused_without_expanding_it(tmp_path):
    """256 MiB of zeros deflated to a few hundred KB, listed honestly in the file table."""
    size = 256 << 20
    cols = (size - 128) // (4 * N)
    good = save_workspace(tmp_path / "w.sbert", _workspace(tmp_path))
    bad = tmp_path / "bomb.sbert"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            if info.filename == "workspace.json":
                doc = json.loads(zin.read(info.filename))
                doc["embeddings"]["shape"] = [N, cols]
                doc["files"]["arrays/embeddings.npy"] = {"sha256": "0" * 64, "bytes": None}
                zout.writestr("workspace.json", _signed(doc))
            elif info.filename != "arrays/embeddings.npy":
                zout.writestr(info.filename, zin.read(info.filename))
        with zout.open("arrays/embeddings.npy", "w", force_zip64=True) as fh:
            np.lib.format.write_array_header_1_0(fh, {"descr": "<f4", "fortran_order": False, "shape": (N, cols)})
            zeros = bytes(4 << 20)
            for _ in range(N * cols * 4 // len(zeros)):
                fh.write(zeros)
    assert bad.stat().st_size < 2 << 20

    assert _refused_peak(good, bad, "would expand .* refused as a likely archive bomb") < 16 << 20


def test_parquet_decompression_bomb_is_refused(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = save_workspace(tmp_path / "w.sbertws", _workspace(tmp_path))
    rows = 2_000_000
    column = pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, dtype=np.int32)), pa.array(["same text"]))
    path = folder / "sentences.parquet"
    pq.write_table(pa.table({"sentence": column}), path)
    doc = json.loads((folder / "workspace.json").read_text(encoding="utf-8"))
    import hashlib

    doc["files"]["sentences.parquet"] = {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                                         "bytes": path.stat().st_size}
    (folder / "workspace.json").write_bytes(_signed(doc))
    assert path.stat().st_size < 1 << 20
    _refused(folder, "decompression bomb")


# ----------------------------------------------------------------------------- models


def test_hub_model_named_by_a_workspace_is_not_downloaded_without_consent(tmp_path):
    ws = _workspace(tmp_path)
    ws.models = {"active": "bi", "bi": {"source": "stranger/tiny-model"}, "cross": {"source": "default"}}
    loaded = load_workspace(save_workspace(tmp_path / "w.sbert", ws))
    assert models_to_download(loaded.models) == {"bi": "stranger/tiny-model"}
    with pytest.raises(WorkspaceError, match="not on this computer .*stranger/tiny-model"):
        check_model_downloads(loaded.models)
    from sbert_desktop.core.models.sources import resolve_source

    with pytest.raises(ModelLoadError, match="downloaded from the hub only when you agree"):
        resolve_source("stranger/tiny-model", allow_download=False)


@pytest.mark.parametrize("source", [["a"], {"x": 1}, "a\x00b"])
def test_model_source_that_is_not_a_string_is_refused(source, tmp_path):
    folder = save_workspace(tmp_path / "w.sbertws", _workspace(tmp_path))
    doc = json.loads((folder / "workspace.json").read_text(encoding="utf-8"))
    doc["models"]["bi"]["source"] = source
    (folder / "workspace.json").write_bytes(_signed(doc))
    _refused(folder, "models.bi.source")


@pytest.mark.parametrize("modules", [{"0": {"path": ""}}, [{"type": "x.Transformer", "path": "../../etc"}],
                                     [{"type": "x.Transformer", "path": "/etc"}], ["Transformer"]])
def test_modules_json_paths_are_checked(modules, tiny_bi_encoder_dir):
    from sbert_desktop.core.models import BiEncoder

    (tiny_bi_encoder_dir / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    with pytest.raises(ModelLoadError) as info:
        BiEncoder.load(str(tiny_bi_encoder_dir))
    assert "modules.json" in str(info.value) and "\n" not in str(info.value)


def test_modules_json_link_out_of_the_model_is_refused(tiny_bi_encoder_dir, tmp_path):
    from sbert_desktop.core.models import BiEncoder

    outside = tmp_path / "elsewhere"
    os.replace(tiny_bi_encoder_dir / "1_Pooling", outside)
    os.symlink(outside, tiny_bi_encoder_dir / "1_Pooling")
    with pytest.raises(ModelLoadError, match="leads outside the model folder"):
        BiEncoder.load(str(tiny_bi_encoder_dir))
