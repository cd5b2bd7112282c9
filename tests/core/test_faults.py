"""Fault injection at save boundaries (``core/faults.py``): a kill at each boundary, or a full disk,
during training, encoding, pairs, the cache and workspace saves. Afterwards every folder is the
previous good state or the new one (never mixed), nothing is a traceback, and the next run proceeds
without manual cleanup."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import numpy as np
import pytest

from _training_data import write_nli
from sbert_desktop.cli import main
from sbert_desktop.core import cache_integrity, faults
from sbert_desktop.core.faults import SimulatedKill


def kill_at(name: str, occurrence: int = 1):
    """A hook that 'kills the process' at the ``occurrence``-th boundary called ``name``."""
    seen = {"n": 0}

    def hook(boundary: str) -> None:
        if boundary == name:
            seen["n"] += 1
            if seen["n"] == occurrence:
                raise SimulatedKill(f"killed at {name} #{occurrence}")
    return hook


def disk_full_at(*names: str):
    def hook(boundary: str) -> None:
        if boundary in names:
            raise OSError(errno.ENOSPC, "No space left on device")
    return hook


def _hidden_siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def _assert_whole(out: Path) -> None:
    """A published run folder loads and its parts come from one save; no hidden leftovers inside."""
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training.predict import load_nli_head

    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    if (out / "best.json").is_file():
        BiEncoder.load(str(out), device="cpu")
        load_nli_head(out)


# ----------------------------------------------------------------------------- training

TRAIN_KILLS = [("atomic.file", 1), ("atomic.dir", 1), ("publish.model", 1), ("publish.head", 1),
               ("publish.staged", 1), ("publish.swap", 1), ("checkpoint.model", 1),
               ("checkpoint.trainer_state", 1), ("atomic.dir", 4), ("atomic.file", 11)]


@pytest.fixture
def train_setup(tiny_bi_encoder_dir, tmp_path):
    from sbert_desktop.core.training import TrainConfig

    data = write_nli(tmp_path / "nli.tsv", premises=4)
    out = tmp_path / "run"

    def cfg():
        return TrainConfig(encoder="bi", task="nli", loss="softmax", model=str(tiny_bi_encoder_dir),
                           train_file=str(data), dev_file=str(data), out_dir=str(out), batch_size=4, epochs=1,
                           eval_steps=2, device="cpu", max_seq_length=32)
    return cfg, out


@pytest.mark.parametrize("boundary,occurrence", TRAIN_KILLS)
def test_train_killed_at_a_save_boundary_recovers(boundary, occurrence, train_setup):
    from sbert_desktop.core.training import train
    from sbert_desktop.core.training.checkpoint import find_checkpoint

    cfg, out = train_setup
    with faults.inject(kill_at(boundary, occurrence)), pytest.raises(SimulatedKill):
        train(cfg())
    # the next run: resume when a checkpoint survived, else start again in the same folder
    result = train(cfg(), resume=find_checkpoint(out) is not None)
    assert result.status == "finished" and result.step == 3
    _assert_whole(out)
    assert _hidden_siblings(out) == []
    assert json.loads((out / "best.json").read_text())["finished"] is True


def test_kill_between_the_two_renames_of_a_publish_puts_the_new_model_in_place(train_setup):
    from sbert_desktop.core.training import train
    from sbert_desktop.core.training.checkpoint import recover_run_folder

    cfg, out = train_setup
    with faults.inject(kill_at("publish.swap")), pytest.raises(SimulatedKill):
        train(cfg())
    assert not out.exists() and len(_hidden_siblings(out)) == 2  # the new folder and the previous one
    note = recover_run_folder(out)
    assert "the new model was put in place" in note and _hidden_siblings(out) == []
    _assert_whole(out)


def test_train_disk_full_is_one_line_and_the_next_run_starts_over(train_setup, capsys):
    cfg, out = train_setup
    c = cfg()
    argv = ["train", "--encoder", "bi", "--task", "nli", "--loss", "softmax", "--model", c.model, "--train",
            c.train_file, "--dev", c.dev_file, "--out", str(out), "--batch-size", "4", "--epochs", "1",
            "--eval-steps", "2", "--max-seq-length", "32", "--device", "cpu", "--quiet"]
    with faults.inject(disk_full_at("checkpoint.trainer_state")):
        rc = main(argv)
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "No space left on device" in err, err
    _assert_whole(out)  # the first published model is whole; no temporary checkpoint stayed
    from sbert_desktop.core.training import train

    result = train(cfg())
    assert result.status == "finished"
    assert any("stopped before its first checkpoint" in n for n in result.notes)
    _assert_whole(out)


def test_published_folder_with_parts_of_two_saves_is_refused(train_setup):
    from sbert_desktop.core.errors import ModelLoadError
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training import train

    cfg, out = train_setup
    train(cfg())
    head_cfg = out / "nli_head" / "config.json"
    doc = json.loads(head_cfg.read_text())
    doc["step"] = 99
    head_cfg.write_text(json.dumps(doc))
    with pytest.raises(ModelLoadError, match="nli_head/config.json is not the file saved at step|head is from step 99"):
        BiEncoder.load(str(out))
    weights = out / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-8] + bytes(8))
    with pytest.raises(ModelLoadError, match="model.safetensors is not the file saved at step"):
        BiEncoder.load(str(out))


def test_saved_model_files_follow_the_umask(tiny_bi_encoder, tmp_path):
    import os

    old = os.umask(0o022)
    try:
        folder = tiny_bi_encoder.save(tmp_path / "m")
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in folder.rglob("*") if p.is_file()}
    assert modes["model.safetensors"] == 0o644 and set(modes.values()) == {0o644}, modes


# ----------------------------------------------------------------------------- encode, pairs, cache limit


@pytest.fixture
def sentences(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("\n".join(f"sentence {i} about {'cats' if i % 2 else 'dogs'}" for i in range(12)) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", ["npy", "csv", "parquet"])
def test_encode_disk_full_is_one_line_and_leaves_no_file(suffix, sentences, tiny_bi_encoder_dir, tmp_path, capsys):
    out = tmp_path / "out" / f"emb.{suffix}"
    with faults.inject(disk_full_at("atomic.file")):
        rc = main(["encode", str(sentences), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and "No space left on device" in err[-1] and err[-1].startswith("sbert-desktop encode: error:")
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    assert main(["encode", str(sentences), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "--quiet"]) == 0


def test_encode_with_a_full_disk_for_the_cache_still_writes_the_output(sentences, tiny_bi_encoder_dir, tmp_path,
                                                                       capsys):
    out = tmp_path / "emb.npy"
    with faults.inject(disk_full_at("cache.vectors")):
        rc = main(["encode", str(sentences), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert rc == 0 and np.load(out).shape == (12, 32)
    assert "warning: embedding cache not updated (No space left on device)" in captured.err


def test_pairs_disk_full_is_one_line(sentences, tiny_bi_encoder_dir, tmp_path, capsys):
    out = tmp_path / "pairs.csv"
    with faults.inject(disk_full_at("atomic.file", "cache.vectors")):
        rc = main(["pairs", str(sentences), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and err[-1].startswith("sbert-desktop pairs: error:") and "No space left" in err[-1]
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("command", ["encode", "pairs"])
def test_output_killed_while_written_is_absent_or_whole_and_the_rerun_works(command, sentences, tiny_bi_encoder_dir,
                                                                            tmp_path):
    out = tmp_path / "out" / ("emb.npy" if command == "encode" else "pairs.csv")
    argv = [command, str(sentences), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "--quiet"]
    assert main(argv) == 0
    before = out.read_bytes()
    for occurrence in (1, 2):  # the output, then its manifest (the cache is not written: all hits)
        with faults.inject(kill_at("atomic.file", occurrence)), pytest.raises(SimulatedKill):
            main(argv)
        assert out.read_bytes() == before  # the previous output, whole (the new one is identical)
    assert main(argv) == 0 and out.read_bytes() == before


def test_cache_limit_disk_full_is_one_line(capsys):
    with faults.inject(disk_full_at("atomic.file")):
        rc = main(["cache", "limit", "2G"])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "No space left on device" in err


# ----------------------------------------------------------------------------- the cache


@pytest.mark.parametrize("boundary,occurrence", [("cache.vectors", 1), ("cache.sums", 1), ("atomic.file", 1),
                                                 ("atomic.file", 2), ("atomic.file", 3)])
def test_cache_killed_while_writing_serves_correct_embeddings_next_time(boundary, occurrence, tiny_bi_encoder,
                                                                        tmp_path):
    from sbert_desktop.core.cache import EmbeddingCache, cached_encode

    texts = [f"text {i}" for i in range(10)]
    cache = EmbeddingCache(tmp_path / "emb")
    cached_encode(tiny_bi_encoder, texts[:5], cache=cache)
    with faults.inject(kill_at(boundary, occurrence)), pytest.raises(SimulatedKill):
        cached_encode(tiny_bi_encoder, texts, cache=cache)
    cache_integrity._verified.clear()
    emb, stats = cached_encode(tiny_bi_encoder, texts, cache=EmbeddingCache(cache.root))
    assert stats["notes"] == [] and stats["hits"] >= 5
    np.testing.assert_allclose(emb, tiny_bi_encoder.encode(texts), rtol=1e-5, atol=1e-6)


# ----------------------------------------------------------------------------- workspace save


def _ws(tag: str):
    from sbert_desktop.core.workspace import Workspace

    return Workspace(sentences=[f"{tag} {i}" for i in range(4)], embeddings=np.full((4, 3), len(tag), np.float32),
                     pages={"tag": tag})


@pytest.mark.parametrize("suffix", [".sbert", ".sbertws"])
@pytest.mark.parametrize("boundary", ["workspace.manifest", "atomic.file", "atomic.dir", "atomic.dir.swap"])
def test_workspace_save_killed_or_disk_full_keeps_a_whole_workspace(boundary, suffix, tmp_path):
    from sbert_desktop.core.workspace import load_workspace, save_workspace

    path = save_workspace(tmp_path / f"w{suffix}", _ws("old"))
    for hook, error in ((kill_at(boundary), SimulatedKill), (disk_full_at(boundary), OSError)):
        try:
            with faults.inject(hook):
                save_workspace(path, _ws("newer"))
        except error:
            pass
        tag = load_workspace(path).pages["tag"]
        assert tag in ("old", "newer")  # one whole workspace or the other
    assert load_workspace(save_workspace(path, _ws("last"))).pages["tag"] == "last"
