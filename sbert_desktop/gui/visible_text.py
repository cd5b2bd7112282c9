"""Every string a widget tree shows (labels, buttons, group boxes, actions and menus, tooltips, combo
items, tab titles, table/tree headers, placeholders, spin box affixes) and a check for English left
in a translated window. Used by the translation test and by ``scripts/i18n_ko.py --scan``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QGroupBox, QHeaderView, QLabel,
    QLineEdit, QListWidget, QMenu, QPlainTextEdit, QTabWidget, QTextEdit, QWidget,
)

#: names and technical terms that stay as they are in every language
ALLOWED_TERMS = [
    "SBERT Desktop", "Sentence-BERT", "sentence-transformers", "HDBSCAN", "UMAP", "t-SNE", "PCA", "k-means",
    "KorSTS", "KorNLI", "STS-B", "STS", "NLI", "SNLI", "MultiNLI", "SICK", "CLS", "MNRL", "CoSENT", "MSE",
    "Spearman", "Pearson", "MRR@10", "NDCG@10", "Recall@", "MAP", "F1", "c-TF-IDF", "TF-IDF", "Kiwi",
    "kiwipiepy", "ONNX Runtime", "ONNX", "int8", "fp32", "fp16", "bf16", "AMP", "CUDA", "CPU", "GPU", "MPS",
    "BERT", "MiniLM", "Hugging Face", "AdamW", "faiss", "IVF", "kNN", "k-NN", "top-k", "cosine", "dot",
    "euclidean", "manhattan", "Parquet", "Excel", "CSV", "TSV", "JSONL", "JSON", "HTML", "PNG", "SVG",
    "txt", "csv", "tsv", "jsonl", "parquet", "xlsx", "json", "png", "svg", "html", "sbertws",
    "MB", "GB", "KB", "ms", "it/s", "ETA", "URL", "ID", "id", "Ctrl", "Shift", "Alt", "Esc", "Enter",
    "English", "QtWebEngine", "SBERT", "torch", "dev", "Apple", "LayerNorm", "sbert-desktop train", "sbert-desktop", "Ward", "Matryoshka",
    "NumPy", "UTF-8", "BOM", "torchrun", "SNLI", "GPUs",
    # values the user types or sees in files and commands: devices, loss ids, folder and column names
    "auto", "cpu", "cuda", "mps", "cosent", "cosine", "softmax", "mnrl", "bce", "ce", "runs", "topic",
]
_TERMS = sorted(ALLOWED_TERMS, key=len, reverse=True)
#: file names, paths, model ids (org/name, all-MiniLM-L6-v2), hyphenated identifiers, %1 / {name} slots
_PATTERNS = [
    re.compile(r"\S*[/\\]\S*"),                       # paths and hub ids
    re.compile(r"\b[\w.-]+\.(?:txt|csv|tsv|jsonl|json|parquet|xlsx|png|svg|html|qm|ts|sbertws|npy)\b"),
    re.compile(r"\b[a-z0-9]+(?:[-_][a-zA-Z0-9]+){2,}\b"),  # all-MiniLM-L6-v2, paraphrase-multilingual-…
    re.compile(r"\{\w*(?::[^}]*)?\}|%\d"),
    re.compile(r"\b\w+_\w+\b|--[\w-]+"),            # identifiers (min_samples) and command options
    re.compile(r"&(?=\w)"),                           # mnemonics
]
_WORD = re.compile(r"[A-Za-z]{2,}")
_TAGS = re.compile(r"<[^>]+>|&\w+;")


def english_words(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The Latin-script words of ``text`` left once allowed names, paths and markup are removed."""
    text = _TAGS.sub(" ", text)
    for pattern in _PATTERNS:
        text = pattern.sub(" ", text)
    for term in sorted(_TERMS + list(extra), key=len, reverse=True):
        text = re.sub(r"(?<![A-Za-z])" + re.escape(term) + r"(?![A-Za-z])", " ", text)
    return _WORD.findall(text)


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isVisible()


def _action_texts(actions, where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        yield f"{where} action", action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield f"{where} action tooltip", action.toolTip()
        if action.menu() is not None:
            yield from _action_texts(action.menu().actions(), f"{where} > {action.text()}")


def _header_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for orientation, count, header in ((Qt.Orientation.Horizontal, model.columnCount(), getattr(view, "horizontalHeader", None)),):
        head = header() if header is not None else getattr(view, "header", lambda: None)()
        if head is None or not isinstance(head, QHeaderView) or head.isHidden():
            continue
        for column in range(count):
            if head.isSectionHidden(column):
                continue
            value = model.headerData(column, orientation, Qt.ItemDataRole.DisplayRole)
            if value is not None:
                yield str(value)


def _plot_texts(widget: QWidget, name: str) -> Iterator[tuple[str, str]]:
    """A pyqtgraph plot's title and axis labels (drawn on the canvas, not widgets)."""
    get_item = getattr(widget, "getPlotItem", None)
    if get_item is None:
        return
    item = get_item()
    title = getattr(getattr(item, "titleLabel", None), "text", "")
    if title and getattr(item.titleLabel, "isVisible", lambda: True)():
        yield f"{name} plot title", title
    for side in ("left", "bottom", "right", "top"):
        axis = item.getAxis(side) if side in item.axes else None
        if axis is not None and axis.isVisible() and axis.label.isVisible() and axis.labelText:
            yield f"{name} plot axis", axis.labelText


def visible_texts(root: QWidget, include_hidden: bool = False) -> Iterator[tuple[str, str]]:
    """(where, text) for every string ``root`` shows; ``include_hidden`` also walks hidden widgets."""
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if isinstance(widget, QMenu):
            continue  # menus are walked through their actions
        if not include_hidden and not _visible(widget, root):
            continue
        kind = type(widget).__name__
        name = widget.objectName() or kind
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QLabel) and widget.text():
            yield f"{name} label", widget.text()
        elif isinstance(widget, QAbstractButton):
            if widget.text():
                yield f"{name} button", widget.text()
            if getattr(widget, "menu", None) and widget.menu() is not None:
                yield from _action_texts(widget.menu().actions(), f"{name} menu")
        elif isinstance(widget, QGroupBox) and widget.title():
            yield f"{name} group", widget.title()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                if widget.itemText(i):
                    yield f"{name} combo item", widget.itemText(i)
            if widget.isEditable() and widget.lineEdit() is not None and widget.lineEdit().placeholderText():
                yield f"{name} placeholder", widget.lineEdit().placeholderText()
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.placeholderText():
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QAbstractSpinBox):
            for part in ("prefix", "suffix", "specialValueText"):
                value = getattr(widget, part, lambda: "")()
                if value and value.strip():
                    yield f"{name} {part}", value
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    yield f"{name} tab", widget.tabText(i)
                    if widget.tabToolTip(i):
                        yield f"{name} tab tooltip", widget.tabToolTip(i)
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield f"{name} list item", widget.item(i).text()
        elif isinstance(widget, QAbstractItemView):
            for text in _header_texts(widget):
                yield f"{name} header", text
        yield from _plot_texts(widget, name)
        if widget.actions() and not isinstance(widget, (QLineEdit,)):
            yield from _action_texts(widget.actions(), name)


def untranslated(root: QWidget, extra_allowed: tuple[str, ...] = (), include_hidden: bool = False) -> list[str]:
    """'where: text' for each visible string of ``root`` that still has English words."""
    found = []
    for where, text in visible_texts(root, include_hidden):
        words = english_words(text, extra_allowed)
        if words:
            found.append(f"{where}: {text!r}")
    return sorted(set(found))
