"""The window's words around what the core reports: the detail of a failure and the names of
progress stages.

The core's messages stay English (the CLI prints the same ones, and ``core`` never imports Qt), so
the window translates what it adds around them: the frame ("Training failed: …", written where the
message is shown), the word "line" of a data file's position, and the stage names it knows. A data
error keeps its file, line and reason; the reason is shown as the core wrote it.

    translate("Evaluate", "Evaluation failed: {message}").format(message=failure_detail(failure))
    stage_text("reducing (umap)")   # "차원 축소 (umap)" in Korean
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sbert_desktop.gui.i18n import translate

#: stage names the core gives its progress events (core/progress.py users); others show as they are
STAGES = frozenset((
    QT_TRANSLATE_NOOP("Stage", "working"), QT_TRANSLATE_NOOP("Stage", "encode"),
    QT_TRANSLATE_NOOP("Stage", "train"), QT_TRANSLATE_NOOP("Stage", "eval"),
    QT_TRANSLATE_NOOP("Stage", "baseline"), QT_TRANSLATE_NOOP("Stage", "teacher"),
    QT_TRANSLATE_NOOP("Stage", "score"), QT_TRANSLATE_NOOP("Stage", "rank"),
    QT_TRANSLATE_NOOP("Stage", "rerank"), QT_TRANSLATE_NOOP("Stage", "publish"),
    QT_TRANSLATE_NOOP("Stage", "calibrate"), QT_TRANSLATE_NOOP("Stage", "bi-encoder"),
    QT_TRANSLATE_NOOP("Stage", "cross-encoder"), QT_TRANSLATE_NOOP("Stage", "similarity matrix"),
    QT_TRANSLATE_NOOP("Stage", "nearest neighbours"), QT_TRANSLATE_NOOP("Stage", "search"),
    QT_TRANSLATE_NOOP("Stage", "umap layout"), QT_TRANSLATE_NOOP("Stage", "reducing"),
    QT_TRANSLATE_NOOP("Stage", "clustering"), QT_TRANSLATE_NOOP("Stage", "noise"),
    QT_TRANSLATE_NOOP("Stage", "scoring"), QT_TRANSLATE_NOOP("Stage", "done"),
    QT_TRANSLATE_NOOP("Stage", "vocabulary"), QT_TRANSLATE_NOOP("Stage", "merging clusters (best silhouette)"),
    QT_TRANSLATE_NOOP("Stage", "scanning coarser topic levels"),
))
_QUALIFIED = re.compile(r"^(?P<name>[a-z][a-z -]*?) \((?P<what>[^()]*)\)$")  # "clustering (hdbscan)"
_LABELLING = re.compile(r"^labelling the other (?P<n>[\d,]+) rows from the sample$")  # core/clustering.py
_MERGING = re.compile(r"^merging clusters to (?P<n>\d+)$")  # core/clustering.py, a number of topics asked for
_REFINING = re.compile(r"^refining (?P<n>\d+) topics$")  # core/clustering.py, the k-means steps after that cut


def stage_text(stage: str | None) -> str:
    """A progress stage in the window's language: known names translated, a parenthesised method
    (``reducing (umap)``) and a ``prefix: stage`` pair translated part by part, others unchanged."""
    if not stage:
        return translate("Stage", "working")
    if ": " in stage:
        return ": ".join(stage_text(part) for part in stage.split(": "))
    if stage in STAGES:
        return translate("Stage", stage)
    match = _QUALIFIED.match(stage)
    if match and match["name"] in STAGES:
        return f"{translate('Stage', match['name'])} ({match['what']})"
    match = _LABELLING.match(stage)
    if match:
        return translate("Stage", "labelling the other {n} rows from the sample").format(n=match["n"])
    match = _MERGING.match(stage)
    if match:
        return translate("Stage", "merging clusters to {n}").format(n=match["n"])
    match = _REFINING.match(stage)
    if match:
        return translate("Stage", "refining {n} topics").format(n=match["n"])
    return stage


def error_detail(error: BaseException | None, message: str = "", name_only: bool = False) -> str:
    """The detail of an error for the window: a data error as ``file, line N: reason`` with the word
    "line" in the window's language (the file by its path as the core names it, or by its name
    where the window shows the path already: ``name_only``); any other error's own message."""
    reason = getattr(error, "reason", None)
    if reason is None:
        if message or error is None:
            return message
        return str(error) or type(error).__name__
    path, line = getattr(error, "path", None), getattr(error, "line", None)
    where = (Path(path).name if name_only else str(path)) if path else ""
    if line is not None:
        where = (translate("FileField", "{file}, line {line}").format(file=where, line=line) if where
                 else translate("FileField", "line {line}").format(line=line))
    return f"{where}: {reason}" if where else str(reason)


def failure_detail(failure) -> str:
    """:func:`error_detail` of a job's failure (``gui.jobs.JobFailure``)."""
    return error_detail(getattr(failure, "error", None), getattr(failure, "message", ""))
