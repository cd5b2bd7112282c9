"""Resumable checkpoints and the published best model, both written atomically.

Layout of a run folder ``out_dir``::

    out_dir/                    the best model (loads as SentenceTransformer(out_dir) / CrossEncoder(out_dir))
      nli_head/                 the softmax classifier head (bi-encoder, softmax loss)
      best.json                 which step the published model comes from, and its dev metrics
      history.csv               one row per evaluation
      train_config.json         the run's full configuration
      checkpoint/               the last resumable state (removed when a run finishes)
        model/                  current weights (a complete model folder)
        nli_head/               current head
        trainer_state.pt        optimizer, AMP scaler, RNG states (torch, CUDA, numpy, python)
        state.json              epoch, step, batches done in the epoch, best metric, history
        train_config.json

``checkpoint/`` is replaced whole through :func:`atomic_dir`, so a kill at any moment leaves the
previous complete checkpoint (under ``checkpoint`` or, for an instant, its backup name, which
:func:`find_checkpoint` also accepts).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import numpy as np
import torch

from sbert_desktop.core.atomic import atomic_dir, atomic_write_text
from sbert_desktop.core.errors import SbertDesktopError

CHECKPOINT_DIR = "checkpoint"
STATE_SCHEMA_VERSION = 1


class CheckpointError(SbertDesktopError):
    """No usable checkpoint where one was expected."""


# --------------------------------------------------------------------- RNG state
def rng_state() -> dict[str, Any]:
    np_state = np.random.get_state(legacy=False)
    state = {
        "torch": torch.get_rng_state(),
        "numpy": {
            "bit_generator": np_state["bit_generator"],
            "key": torch.from_numpy(np.asarray(np_state["state"]["key"], dtype=np.int64)),
            "pos": int(np_state["state"]["pos"]),
            "has_gauss": int(np_state["has_gauss"]),
            "gauss": float(np_state["gauss"]),
        },
        "python": _py_state_to_plain(random.getstate()),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    torch.set_rng_state(state["torch"])
    n = state["numpy"]
    np.random.set_state({
        "bit_generator": n["bit_generator"],
        "state": {"key": n["key"].numpy().astype(np.uint32), "pos": n["pos"]},
        "has_gauss": n["has_gauss"],
        "gauss": n["gauss"],
    })
    version, internal, gauss = state["python"]
    random.setstate((version, tuple(internal), gauss))
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def _py_state_to_plain(state) -> list:
    version, internal, gauss = state
    return [version, list(internal), gauss]


# --------------------------------------------------------------------- checkpoints
@dataclass
class Checkpoint:
    path: Path
    state: dict[str, Any]
    config: dict[str, Any]

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def head_dir(self) -> Optional[Path]:
        head = self.path / "nli_head"
        return head if head.is_dir() else None

    def trainer_state(self) -> dict[str, Any]:
        return torch.load(self.path / "trainer_state.pt", map_location="cpu", weights_only=True)


def save_checkpoint(out_dir: str | Path, *, model, head, optimizer, scaler, state: dict[str, Any],
                    config_json: str) -> Path:
    """Replace ``out_dir/checkpoint`` with the current state, atomically."""
    path = Path(out_dir) / CHECKPOINT_DIR
    with atomic_dir(path) as tmp:
        model.save(tmp / "model")
        if head is not None:
            head.save(tmp / "nli_head")
        payload = {"optimizer": optimizer.state_dict(), "rng": rng_state()}
        if scaler is not None:
            payload["scaler"] = scaler.state_dict()
        with open(tmp / "trainer_state.pt", "wb") as fh:
            torch.save(payload, fh)
            fh.flush()
            os.fsync(fh.fileno())
        atomic_write_text(tmp / "train_config.json", config_json)
        # written last: a folder with state.json is complete
        atomic_write_text(tmp / "state.json",
                          json.dumps({"schema_version": STATE_SCHEMA_VERSION, **state}, indent=2) + "\n")
    return path


def find_checkpoint(out_dir: str | Path) -> Optional[Path]:
    """The complete checkpoint folder of a run, or None."""
    out_dir = Path(out_dir)
    main = out_dir / CHECKPOINT_DIR
    if (main / "state.json").is_file():
        return main
    # killed between atomic_dir's two renames: only the previous folder, under its backup name
    backups = sorted(out_dir.glob(f".{CHECKPOINT_DIR}.old-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for backup in backups:
        if (backup / "state.json").is_file():
            return backup
    return None


def load_checkpoint(out_dir: str | Path) -> Checkpoint:
    path = find_checkpoint(out_dir)
    if path is None:
        raise CheckpointError(f"{out_dir}: no resumable checkpoint (a finished run removes its checkpoint)")
    try:
        state = json.loads((path / "state.json").read_text(encoding="utf-8"))
        config = json.loads((path / "train_config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CheckpointError(f"{path}: unreadable checkpoint ({exc})") from None
    if state.get("schema_version") != STATE_SCHEMA_VERSION:
        raise CheckpointError(f"{path}: checkpoint schema {state.get('schema_version')} is not supported")
    if path.name != CHECKPOINT_DIR:  # restore the backup under the proper name
        target = path.parent / CHECKPOINT_DIR
        if not target.exists():
            os.replace(path, target)
            path = target
    return Checkpoint(path, state, config)


def remove_checkpoint(out_dir: str | Path) -> None:
    out_dir = Path(out_dir)
    shutil.rmtree(out_dir / CHECKPOINT_DIR, ignore_errors=True)
    for backup in out_dir.glob(f".{CHECKPOINT_DIR}.old-*"):
        shutil.rmtree(backup, ignore_errors=True)


# --------------------------------------------------------------------- the published model
def publish_model(out_dir: str | Path, *, model, head, info: dict[str, Any]) -> None:
    """Write the model's files at ``out_dir``'s top level (each file replaced atomically), then
    ``nli_head/`` (replaced whole), then ``best.json`` naming the step.

    ``out_dir`` also holds the run's history and checkpoint, so it cannot be swapped whole; every
    file is replaced by rename, the weights last among the model's files, so a reader sees either
    the previous or the new version of each file and ``best.json`` is written only once all are in
    place. The head records its step, which :func:`check_published` compares with ``best.json``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".publish.", dir=out_dir))
    try:
        model.save(staging / "model")
        files = sorted((p for p in (staging / "model").rglob("*") if p.is_file()),
                       key=lambda p: (p.suffix in (".safetensors", ".bin"), str(p)))
        for src in files:
            target = out_dir / src.relative_to(staging / "model")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, target)
        if head is not None:
            head.save(out_dir / "nli_head", extra={"step": info.get("step")})
        atomic_write_text(out_dir / "best.json", json.dumps({"schema_version": 1, **info}, indent=2) + "\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
