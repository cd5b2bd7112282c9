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

Publishing swaps the whole run folder: the new model, its head and ``best.json`` (which lists every
published file with its sha256) are built in a hidden folder beside ``out_dir``, the run's own files
(history, configuration, checkpoint) are hard-linked into it, and it replaces ``out_dir`` by rename;
the previous folder is kept until the swap succeeded. :func:`recover_run_folder` finishes or undoes
a swap that a kill interrupted and removes hidden leftovers, so the next run needs no manual cleanup.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import numpy as np
import torch

from sbert_desktop.core import faults
from sbert_desktop.core.atomic import atomic_dir, atomic_write_text
from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.models.published import BEST_FILE, published_files

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
        path = self.path / "trainer_state.pt"
        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
        except FileNotFoundError:
            raise CheckpointError(f"{path}: missing; the checkpoint is incomplete") from None
        except Exception as exc:  # truncated, empty, garbage: never a traceback
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise CheckpointError(f"{path}: unreadable ({reason}); the checkpoint is damaged") from None
        if not isinstance(state, dict) or not isinstance(state.get("optimizer"), dict) or "rng" not in state:
            raise CheckpointError(f"{path}: not a trainer state (no optimizer/rng); the checkpoint is damaged")
        return state

    def restore(self, optimizer, scaler) -> dict[str, Any]:
        """Load the optimizer and scaler states; returns the RNG state to restore before the first step."""
        state = self.trainer_state()
        try:
            optimizer.load_state_dict(state["optimizer"])
            if scaler is not None and "scaler" in state:
                scaler.load_state_dict(state["scaler"])
        except (ValueError, KeyError, RuntimeError, TypeError) as exc:
            raise CheckpointError(f"{self.path}: the optimizer state does not fit this model ({exc})") from None
        return state["rng"]


def save_checkpoint(out_dir: str | Path, *, model, head, optimizer, scaler, state: dict[str, Any],
                    config_json: str) -> Path:
    """Replace ``out_dir/checkpoint`` with the current state, atomically."""
    path = Path(out_dir) / CHECKPOINT_DIR
    with atomic_dir(path) as tmp:
        model.save(tmp / "model")
        faults.boundary("checkpoint.model")
        if head is not None:
            head.save(tmp / "nli_head")
        payload = {"optimizer": optimizer.state_dict(), "rng": rng_state()}
        if scaler is not None:
            payload["scaler"] = scaler.state_dict()
        with open(tmp / "trainer_state.pt", "wb") as fh:
            torch.save(payload, fh)
            fh.flush()
            os.fsync(fh.fileno())
        faults.boundary("checkpoint.trainer_state")
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
    except (OSError, ValueError) as exc:  # ValueError: bad JSON or bytes that are not UTF-8
        raise CheckpointError(f"{path}: unreadable checkpoint ({' '.join(str(exc).split())[:200]})") from None
    if not isinstance(state, dict) or not isinstance(config, dict):
        raise CheckpointError(f"{path}: state.json and train_config.json must be objects; the checkpoint is damaged")
    if state.get("schema_version") != STATE_SCHEMA_VERSION:
        raise CheckpointError(f"{path}: checkpoint schema {state.get('schema_version')} is not supported")
    for key in ("step", "epoch", "batch_in_epoch"):
        if not isinstance(state.get(key), int) or isinstance(state.get(key), bool) or state[key] < 0:
            raise CheckpointError(f"{path}: state.json has no valid {key!r}; the checkpoint is damaged")
    if not isinstance(state.get("history", []), list):
        raise CheckpointError(f"{path}: state.json 'history' must be a list; the checkpoint is damaged")
    if not (path / "model").is_dir():
        raise CheckpointError(f"{path}: the checkpoint has no model folder; it is damaged")
    if path.name != CHECKPOINT_DIR:  # restore the backup under the proper name
        target = path.parent / CHECKPOINT_DIR
        if not target.exists():
            os.replace(path, target)
            path = target
    return Checkpoint(path, state, config)


def _best(out_dir: Path) -> Optional[dict[str, Any]]:
    try:
        info = json.loads((out_dir / BEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def unstarted_run(out_dir: str | Path) -> bool:
    """A folder that a run created and left before its first checkpoint (killed, or the disk was full):
    no checkpoint, nothing but the run's configuration and history and, when the first evaluation
    already published, a model whose ``best.json`` says the run did not finish. Such a folder is
    emptied so that the run can start again in it. A finished run (``"finished": true``, or a
    ``best.json`` written before that flag existed) is never taken for one."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir() or find_checkpoint(out_dir) is not None:
        return False
    entries = os.listdir(out_dir)
    names = [n for n in entries if not _ours(n)]
    if not names:  # only what a killed first write left behind (a temporary train_config.json)
        return bool(entries) and remove_leftovers(out_dir, keep_checkpoint=False) > 0
    allowed = {"train_config.json", "history.csv"}
    if BEST_FILE in names:
        info = _best(out_dir)
        if info is None or info.get("finished") is not False:
            return False
        allowed |= {BEST_FILE, "nli_head"} | _published_names(out_dir)
    if "train_config.json" not in names or not set(names) <= allowed:
        return False
    remove_leftovers(out_dir, keep_checkpoint=False)
    for name in sorted(names, key=lambda n: n == BEST_FILE):  # best.json last: a kill here is still unstarted
        path = out_dir / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
    return True


def mark_finished(out_dir: str | Path) -> None:
    """Record in ``best.json`` that the run finished (done before its checkpoint is removed)."""
    out_dir = Path(out_dir)
    info = _best(out_dir)
    if info is not None and info.get("finished") is False:
        info["finished"] = True
        atomic_write_text(out_dir / BEST_FILE, json.dumps(info, indent=2) + "\n")


def remove_checkpoint(out_dir: str | Path) -> None:
    """Called when a run finished: marks ``best.json`` finished, then removes the checkpoint."""
    out_dir = Path(out_dir)
    mark_finished(out_dir)
    shutil.rmtree(out_dir / CHECKPOINT_DIR, ignore_errors=True)
    remove_leftovers(out_dir, keep_checkpoint=False)


def _ours(name: str) -> bool:
    """Hidden names our atomic writes use inside a run folder (temporary folders and files, backups)."""
    return name.startswith(".") and (name.endswith(".tmp") or ".old-" in name or name.startswith(".publish."))


def remove_leftovers(out_dir: str | Path, keep_checkpoint: bool = True) -> int:
    """Delete hidden temporary files and folders that a killed save left in ``out_dir``; with
    ``keep_checkpoint`` a checkpoint backup is kept when it is the only complete checkpoint."""
    out_dir = Path(out_dir)
    try:
        names = os.listdir(out_dir)
    except OSError:
        return 0
    keep = find_checkpoint(out_dir) if keep_checkpoint else None
    removed = 0
    for name in names:
        path = out_dir / name
        if not _ours(name) or (keep is not None and path == keep):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        removed += 1
    return removed


# --------------------------------------------------------------------- the published model
RUN_FILES = ("history.csv", "train_config.json", CHECKPOINT_DIR)


def _stage_name(out_dir: Path, tag: str) -> Path:
    return out_dir.with_name(f".{out_dir.name}.{tag}-{os.getpid()}-{secrets.token_hex(3)}")


def _link_tree(src: Path, dst: Path) -> None:
    """Hard-link (copy where links are not possible) ``src`` to ``dst``; files are never changed in
    place afterwards (every write is a rename), so the two trees stay independent."""
    if src.is_dir():
        dst.mkdir()
        for child in src.iterdir():
            _link_tree(child, dst / child.name)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def publish_model(out_dir: str | Path, *, model, head, info: dict[str, Any]) -> None:
    """Replace ``out_dir`` by a folder holding the new model, ``nli_head/``, ``best.json`` and the
    run's own files, as one unit (see the module docstring). ``best.json`` names the step and lists
    every published file with its sha256, which loading checks."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = _stage_name(out_dir, "publish")
    backup = _stage_name(out_dir, "old-publish")
    try:
        model.save(stage)
        faults.boundary("publish.model")
        if head is not None:
            head.save(stage / "nli_head", extra={"step": info.get("step")})
            faults.boundary("publish.head")
        files = published_files(stage)
        atomic_write_text(stage / BEST_FILE, json.dumps({"schema_version": 1, "finished": False, **info,
                                                         "files": files}, indent=2) + "\n")
        old_model = _published_names(out_dir)
        for entry in sorted(out_dir.iterdir()):
            name = entry.name
            if name.startswith(".") or name == BEST_FILE or name in old_model or (stage / name).exists():
                continue
            _link_tree(entry, stage / name)
        faults.boundary("publish.staged")
        os.replace(out_dir, backup)
        faults.boundary("publish.swap")
        os.replace(stage, out_dir)
    except BaseException as exc:
        if not faults.is_kill(exc):
            if not out_dir.exists() and backup.exists():
                os.replace(backup, out_dir)  # the swap failed half-way: put the previous folder back
            shutil.rmtree(stage, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def _published_names(out_dir: Path) -> set[str]:
    """Top-level names of the model published in ``out_dir`` (from its ``best.json``; for a folder
    published before ``best.json`` listed files: every entry that is not one of the run's own)."""
    try:
        info = json.loads((out_dir / BEST_FILE).read_text(encoding="utf-8"))
        files = info.get("files") if isinstance(info, dict) else None
    except (OSError, ValueError):
        files = None
    if isinstance(files, dict):
        return {str(rel).split("/", 1)[0] for rel in files} | {"nli_head"}
    if (out_dir / BEST_FILE).is_file():
        return {p.name for p in out_dir.iterdir() if p.name not in RUN_FILES}
    return set()


def recover_run_folder(out_dir: str | Path) -> Optional[str]:
    """Finish or undo a publish that a kill interrupted, then remove hidden leftovers.

    Returns a sentence saying what was repaired, or None when nothing was.
    """
    out_dir = Path(out_dir)
    ours = re.compile(rf"^\.?\.{re.escape(out_dir.name)}\.(old-)?publish-\d+-[0-9a-f]{{6}}(\..*)?$")
    try:
        siblings = [p for p in out_dir.parent.iterdir() if ours.match(p.name)]
    except OSError:
        return None
    prefix = f".{out_dir.name}."
    stages = sorted((p for p in siblings if p.name.startswith(prefix + "publish-") and p.is_dir()),
                    key=lambda p: p.stat().st_mtime)
    backups = [p for p in siblings if p.name.startswith(prefix + "old-publish-") and p.is_dir()]
    note = None
    if not out_dir.exists() and backups:
        # killed between the two renames: the stage is complete (it was finished before the first)
        complete = [p for p in stages if (p / BEST_FILE).is_file()]
        source = complete[-1] if complete else backups[0]
        os.replace(source, out_dir)
        note = (f"{out_dir}: a publish was interrupted; " +
                ("the new model was put in place" if complete else "the previous model was put back"))
    for p in siblings:
        if p.exists() and p != out_dir:
            shutil.rmtree(p, ignore_errors=True)
    if out_dir.is_dir():
        remove_leftovers(out_dir)
    return note
