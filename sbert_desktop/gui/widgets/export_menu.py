"""An "Export ▾" button: tables to CSV (optionally UTF-8 with BOM, for Excel) or Parquet, plots to
PNG or SVG. Tables are written by ``core.export`` on a background job (it writes the manifest);
plots with ``pyqtgraph.exporters`` on the GUI thread, with a manifest beside them too.

Each entry can refuse before any dialog opens (nothing to export yet, a matrix too large) — the
reason is shown in the button's status label. :meth:`ExportButton.export` does the same without
a dialog (tests, scripts).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QToolButton, QWidget

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.jobs import Job, JobRunner

TABLE_FILTERS = {
    "csv": ("CSV (*.csv)", ".csv", "utf-8"),
    "csv-bom": (QT_TRANSLATE_NOOP("ExportMenu", "CSV for Excel, UTF-8 with BOM (*.csv)"), ".csv", "utf-8-sig"),
    "parquet": ("Parquet (*.parquet)", ".parquet", "utf-8"),
    "npy": (QT_TRANSLATE_NOOP("ExportMenu", "NumPy array (*.npy)"), ".npy", "utf-8"),
}

#: writer(path, encoding, progress, cancel) -> Path; it runs on a worker thread
TableWriter = Callable[..., Path]


@dataclass
class _Entry:
    name: str
    text: str
    kind: str  # "table" | "png" | "svg"
    writer: TableWriter | None = None
    plot: Callable[[], object] | None = None  # returns a PlotItem
    check: Callable[[], str | None] | None = None  # a reason to refuse, or None
    formats: tuple[str, ...] = ("csv", "csv-bom", "parquet")
    manifest: Callable[[Path], None] | None = None  # writes a plot's manifest


class ExportButton(QToolButton):
    exported = Signal(str, object)  # entry name, written path
    refused = Signal(str, str)  # entry name, reason

    def __init__(self, jobs: JobRunner, status: QLabel | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.jobs = jobs
        self.status = status
        self.setText(translate("ExportMenu", "Export"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.entries: dict[str, _Entry] = {}
        self.jobs_held: set[Job] = set()  # JobRunner may forget a finished job before its result arrives
        self.last_dir = ""

    def add_table(self, name: str, text: str, writer: TableWriter, check: Callable[[], str | None] | None = None,
                  formats: tuple[str, ...] = ("csv", "csv-bom", "parquet")) -> None:
        self._add(_Entry(name, text, "table", writer=writer, check=check, formats=formats))

    def add_plot(self, name: str, text: str, plot: Callable[[], object], check: Callable[[], str | None] | None = None,
                 manifest: Callable[[Path], None] | None = None) -> None:
        self._add(_Entry(f"{name}-png", translate("ExportMenu", "{what} as PNG…").format(what=text), "png", plot=plot, check=check, formats=(), manifest=manifest))
        self._add(_Entry(f"{name}-svg", translate("ExportMenu", "{what} as SVG…").format(what=text), "svg", plot=plot, check=check, formats=(), manifest=manifest))

    def add_separator(self) -> None:
        self.menu_.addSeparator()

    def _add(self, entry: _Entry) -> None:
        self.entries[entry.name] = entry
        label = entry.text if entry.kind != "table" else f"{entry.text}…"
        action = self.menu_.addAction(label, lambda e=entry: self._ask(e))
        action.setObjectName(f"export_{entry.name}")

    # -- running -------------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        if self.status is not None:
            self.status.setStyleSheet("color: #b00020;" if error else "color: #1a5e20;")
            self.status.setText(text)
            self.status.setToolTip(text)

    def _refusal(self, entry: _Entry) -> str | None:
        reason = entry.check() if entry.check is not None else None
        if reason:
            self._say(translate("ExportMenu", "Cannot export {what}: {reason}").format(what=entry.text.lower(), reason=reason), error=True)
            self.refused.emit(entry.name, reason)
        return reason

    def _ask(self, entry: _Entry) -> None:
        if self._refusal(entry):
            return
        if entry.kind == "table":
            filters = [translate("ExportMenu", TABLE_FILTERS[f][0]) for f in entry.formats]
        else:
            filters = [translate("ExportMenu", "PNG image (*.png)") if entry.kind == "png" else translate("ExportMenu", "SVG image (*.svg)")]
        start = str(Path(self.last_dir) / entry.name.split("-")[0]) if self.last_dir else entry.name.split("-")[0]
        path, chosen = QFileDialog.getSaveFileName(self, translate("ExportMenu", "Export {what}").format(what=entry.text.lower()), start, ";;".join(filters))
        if not path:
            return
        encoding, suffix = "utf-8", f".{entry.kind}"
        for key in entry.formats:
            if translate("ExportMenu", TABLE_FILTERS[key][0]) == chosen:
                suffix, encoding = TABLE_FILTERS[key][1], TABLE_FILTERS[key][2]
        if not Path(path).suffix:
            path += suffix
        self.export(entry.name, path, encoding)

    def export(self, name: str, path: str | Path, encoding: str = "utf-8") -> Job | Path | None:
        """Export entry ``name`` to ``path`` (format from the suffix); a table returns its job."""
        entry = self.entries[name]
        if self._refusal(entry):
            return None
        path = Path(path)
        self.last_dir = str(path.parent)
        if entry.kind != "table":
            return self._export_plot(entry, path)
        job = self.jobs.start(translate("ExportMenu", "Export {what}").format(what=path.name), lambda progress, cancel: entry.writer(path, encoding, progress, cancel),
                              kind="export")
        self._say(translate("ExportMenu", "Writing {name}…").format(name=path.name))
        job.succeeded.connect(lambda out: self._done(entry, Path(out)))
        job.failed.connect(lambda failure: self._say(translate("ExportMenu", "Export failed: {message}").format(message=failure.message), error=True))
        job.cancelled.connect(lambda: self._say(translate("ExportMenu", "Export cancelled"), error=True))
        self.jobs_held.add(job)
        job.ended.connect(lambda _s: self.jobs_held.discard(job))
        return job

    def _export_plot(self, entry: _Entry, path: Path) -> Path | None:
        from pyqtgraph.exporters import ImageExporter, SVGExporter

        item = entry.plot()
        try:
            if entry.kind == "png":
                exporter = ImageExporter(item)
                exporter.parameters()["width"] = max(1200, int(item.sceneBoundingRect().width()) * 2)
            else:
                exporter = SVGExporter(item)
            with _svg_close_path_fix():
                exporter.export(str(path))
            if entry.manifest is not None:
                entry.manifest(path)
        except OSError as exc:
            self._say(translate("ExportMenu", "Export failed: {message}").format(message=exc), error=True)
            return None
        self._done(entry, path)
        return path

    def _done(self, entry: _Entry, path: Path) -> None:
        self._say(f"Wrote {path} (and {path.name}.manifest.json)")
        self.exported.emit(entry.name, path)


@contextlib.contextmanager
def _svg_close_path_fix():
    """pyqtgraph 0.14's SVG exporter cannot parse the ``Z`` (close path) Qt 6.12 writes at the end
    of closed paths; drop it while exporting (the paths end on their start point anyway)."""
    import importlib

    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = module.correctCoordinates

    def correct(node, defs, item, options):
        for path in node.getElementsByTagName("path"):
            d = path.getAttribute("d")
            if "Z" in d or "z" in d:
                path.setAttribute("d", " ".join(t for t in d.split() if "," in t))
        return original(node, defs, item, options)

    module.correctCoordinates = correct
    try:
        yield
    finally:
        module.correctCoordinates = original


def write_plot_manifest(path: str | Path, provenance, points: int, summary: dict | None = None) -> Path:
    """The manifest beside an exported plot (``kind: plot``; ``rows``: the points in the data)."""
    from sbert_desktop.core.export import write_manifest

    fmt = Path(path).suffix.lstrip(".").lower()
    return write_manifest(path, "plot", points, [], provenance, fmt, None, summary or {})
