"""A page's form as JSON and back, for the workspace hooks ``workspace_state`` and
``restore_workspace_state``: ``form_state({"seed": self.seed, ...})`` reads each widget's value,
``restore_form(fields, saved)`` sets the values that are present and of the right type and skips
the rest, so an older or hand-edited workspace never breaks a page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox, QTabWidget, QWidget,
)


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return widget.currentText() if data is None and widget.currentIndex() >= 0 and _no_data(widget) else data
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTabWidget):
        return widget.currentIndex()
    raise TypeError(f"no form value for {type(widget).__name__}")


def set_widget_value(widget: QWidget, value: Any) -> bool:
    """Set ``value`` if it fits ``widget``; returns whether it did."""
    if isinstance(widget, QComboBox):
        index = widget.findText(value) if _no_data(widget) and isinstance(value, str) else widget.findData(value)
        if index < 0:
            return False
        widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QSpinBox) and isinstance(value, int) and not isinstance(value, bool):
        widget.setValue(value)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, (int, float)) and not isinstance(value, bool):
        widget.setValue(float(value))
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QTabWidget) and isinstance(value, int) and 0 <= value < widget.count():
        widget.setCurrentIndex(value)
    else:
        return False
    return True


def form_state(fields: dict[str, QWidget]) -> dict[str, Any]:
    return {key: widget_value(widget) for key, widget in fields.items()}


def restore_form(fields: dict[str, QWidget], saved: dict[str, Any]) -> None:
    """Set every field ``saved`` holds a fitting value for, in the order of ``fields``."""
    for key, widget in fields.items():
        if key in saved:
            set_widget_value(widget, saved[key])


def _no_data(combo: QComboBox) -> bool:
    """A combo box filled with ``addItems`` (texts only) is saved by its text."""
    return all(combo.itemData(i) is None for i in range(combo.count()))
