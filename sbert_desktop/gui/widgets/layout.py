"""Layout helpers the exploration pages share."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout, QSplitter, QVBoxLayout, QWidget


def column(*items: QWidget | tuple[QWidget, int]) -> QWidget:
    """A widget stacking ``items`` top to bottom without margins; ``(widget, stretch)`` sets a stretch."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        layout.addWidget(widget, stretch)
    return box


def page_with_panes(page: QWidget, top: QLayout, panes: list[QWidget], sizes: list[int], status: QWidget) -> QSplitter:
    """``top`` row, then ``panes`` side by side (the middle one takes spare width), then ``status``."""
    splitter = QSplitter()
    for pane in panes:
        splitter.addWidget(pane)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(sizes)
    layout = QVBoxLayout(page)
    layout.addLayout(top)
    layout.addWidget(splitter, 1)
    layout.addWidget(status)
    return splitter


def warning_label(name: str) -> QLabel:
    """A hidden, word-wrapped red line for a warning a page shows when it applies (object name ``name``)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label
