"""Training presets: a fixed sequence of training runs on the data in ``../shared/data``, each stage
starting from the model the stage before it saved. The Korean preset
(:mod:`~sbert_desktop.core.training.korean_preset`) and the cross-encoder preset
(:mod:`~sbert_desktop.core.training.cross_preset`) are two plans run by :func:`run_preset`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback


class PresetDataError(SbertDesktopError):
    """The data a preset needs is not where it looks."""


def data_dir(required: str, start: Optional[Path] = None) -> Optional[Path]:
    """``$SBERT_DESKTOP_DATA``, else the first ``shared/data`` beside or above the project folder that
    holds the file ``required`` (a path relative to the data folder)."""
    env = os.environ.get("SBERT_DESKTOP_DATA")
    if env:
        return Path(env)
    here = (start or Path(__file__)).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "data"
        if (candidate / required).is_file():
            return candidate
    return None


def data_files(name: str, files: dict[str, str], data: Optional[Path] = None) -> dict[str, str]:
    """The preset's files as absolute paths; one error naming every missing file."""
    data = Path(data) if data else data_dir(next(iter(files.values())))
    missing = [rel for rel in files.values() if data is None or not (data / rel).is_file()]
    if missing:
        raise PresetDataError(f"the {name} needs {', '.join(missing)} under {data or 'shared/data'} "
                              "(set SBERT_DESKTOP_DATA to the folder that holds them)")
    return {key: str(data / rel) for key, rel in files.items()}


def count_rows(path: str | Path, header: bool = True) -> int:
    """Data rows of a file, not counting its header line (``header``) and blank lines."""
    with open(path, "rb") as fh:
        return max(0, sum(1 for line in fh if line.strip()) - int(header))


def run_preset(stages: Sequence, progress: Optional[ProgressCallback] = None,
               cancel: Optional[CancelToken] = None):
    """Run the stages in order: ``TrainConfig`` objects (a run already finished is skipped, a
    cancelled one resumed) and preparation steps, objects with ``done()`` and ``run(progress, cancel)``
    such as :class:`~sbert_desktop.core.training.silver.SilverStage` (skipped once done; cancelling
    one raises :class:`~sbert_desktop.core.progress.Cancelled`).

    Progress events carry ``info["preset_stage"]`` (1-based) and ``info["preset_stages"]``.
    Returns the last stage's ``TrainResult`` (status "cancelled" when stopped).
    """
    from sbert_desktop.core.models.published import BEST_FILE
    from sbert_desktop.core.training import find_checkpoint, train

    stages = list(stages)
    result = None
    for number, cfg in enumerate(stages, 1):

        def forward(event: Progress, number=number) -> None:
            if progress is not None:
                info = dict(event.info or {}, preset_stage=number, preset_stages=len(stages))
                progress(Progress(event.done, event.total, event.stage, info, event.elapsed))

        if hasattr(cfg, "run"):  # a preparation step
            if not cfg.done():
                cfg.run(forward, cancel)
            continue
        out = Path(cfg.out_dir)
        if (out / BEST_FILE).is_file() and find_checkpoint(out) is None:
            continue  # finished earlier
        result = train(cfg, progress=forward, cancel=cancel, resume=find_checkpoint(out) is not None)
        if result.status != "finished":
            return result
    return result
