"""The Evaluate page's table headers and chart labels in the window's language. The tables come
from core/evaluation_tables.py (English, shared with the CLI and the exports); only what the page
shows is translated, metric names (Spearman, MRR@10, …) stay as they are."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sbert_desktop.gui.i18n import translate

WORDS = {name: name for name in (
    QT_TRANSLATE_NOOP("EvaluateText", "pooling"), QT_TRANSLATE_NOOP("EvaluateText", "encoder"),
    QT_TRANSLATE_NOOP("EvaluateText", "model"), QT_TRANSLATE_NOOP("EvaluateText", "sentences/s"),
    QT_TRANSLATE_NOOP("EvaluateText", "pairs/s"), QT_TRANSLATE_NOOP("EvaluateText", "seconds"),
    QT_TRANSLATE_NOOP("EvaluateText", "n sentences"), QT_TRANSLATE_NOOP("EvaluateText", "pairs"),
    QT_TRANSLATE_NOOP("EvaluateText", "bi-encoder"), QT_TRANSLATE_NOOP("EvaluateText", "cross-encoder"),
    QT_TRANSLATE_NOOP("EvaluateText", "bi seconds"), QT_TRANSLATE_NOOP("EvaluateText", "cross seconds"),
    QT_TRANSLATE_NOOP("EvaluateText", "method"), QT_TRANSLATE_NOOP("EvaluateText", "ms/query"),
    QT_TRANSLATE_NOOP("EvaluateText", "run"), QT_TRANSLATE_NOOP("EvaluateText", "own pooling"),
    QT_TRANSLATE_NOOP("EvaluateText", "bi x 100"), QT_TRANSLATE_NOOP("EvaluateText", "cross x 100"),
    QT_TRANSLATE_NOOP("EvaluateText", "bi MRR@10"), QT_TRANSLATE_NOOP("EvaluateText", "best rerank MRR@10"),
    QT_TRANSLATE_NOOP("EvaluateText", "accuracy"), QT_TRANSLATE_NOOP("EvaluateText", "macro_f1"),
    QT_TRANSLATE_NOOP("EvaluateText", "time per query (ms)"), QT_TRANSLATE_NOOP("EvaluateText", "last token"),
    QT_TRANSLATE_NOOP("EvaluateText", "weighted"),
)}


def header_text(header: str) -> str:
    """``accuracy x 100`` -> ``정확도 x 100``; names without a translation stay (spearman, recall@10)."""
    head, times = (header[:-len(" x 100")], " x 100") if header.endswith(" x 100") and header not in WORDS else (header, "")
    return (translate("EvaluateText", head) if head in WORDS else head) + times


def cell_text(text: str) -> str:
    """A word in a table cell (``bi-encoder``, ``rerank k=10``), translated where the page names it."""
    if text.startswith("rerank k="):
        return translate("EvaluateText", "rerank k={k}").format(k=text[len("rerank k="):])
    return translate("EvaluateText", text) if text in WORDS else text
