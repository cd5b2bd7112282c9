"""Is a trained model folder whole? ``best.json`` (written by training when it publishes a model)
lists every published file with its size and sha256 and names the step; loading checks both, so
weights, classifier head and ``best.json`` that come from different saves are refused instead of
being used together. Folders without ``best.json`` (any other model) are not checked here.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sbert_desktop.core.errors import ModelLoadError

BEST_FILE = "best.json"
HEAD_DIR = "nli_head"


def file_digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def published_files(folder: Path, skip: tuple[str, ...] = (BEST_FILE,)) -> dict[str, dict[str, Any]]:
    """``{relative name: {"bytes", "sha256"}}`` of every file of a model folder being published."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel in skip:
            continue
        out[rel] = {"bytes": path.stat().st_size, "sha256": file_digest(path)}
    return out


def _refuse(root: Path, what: str) -> ModelLoadError:
    return ModelLoadError(f"{root}: {what}; the folder is not one complete save (resume or re-run the training "
                          "to publish it again)")


def check_published(root: Path) -> None:
    """Refuse a published folder whose parts do not belong to one save (see the module docstring)."""
    best = Path(root) / BEST_FILE
    if not best.is_file():
        return
    try:
        info = json.loads(best.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _refuse(root, f"{BEST_FILE} is unreadable ({exc})") from None
    if not isinstance(info, dict):
        raise _refuse(root, f"{BEST_FILE} is not an object")
    files = info.get("files")
    if isinstance(files, dict):
        for rel, spec in files.items():
            path = Path(root) / str(rel)
            if ".." in Path(str(rel)).parts or not isinstance(spec, dict):
                raise _refuse(root, f"{BEST_FILE} lists an invalid file {rel!r}")
            if not path.is_file():
                raise _refuse(root, f"{rel} is missing")
            if path.stat().st_size != spec.get("bytes") or file_digest(path) != spec.get("sha256"):
                raise _refuse(root, f"{rel} is not the file saved at step {info.get('step')}")
    head_cfg = Path(root) / HEAD_DIR / "config.json"
    if head_cfg.is_file():
        try:
            head_step = json.loads(head_cfg.read_text(encoding="utf-8")).get("step")
        except (OSError, ValueError, AttributeError):
            raise _refuse(root, f"{HEAD_DIR}/config.json is unreadable") from None
        if head_step is not None and info.get("step") is not None and head_step != info.get("step"):
            raise _refuse(root, f"the classifier head is from step {head_step}, {BEST_FILE} from step "
                                f"{info.get('step')}")
