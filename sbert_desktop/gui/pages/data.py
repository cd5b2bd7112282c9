"""Data page: open a sentence file or a pair data set, pick the text column, see what is in it.

Reading runs as a background job; the preview is a virtual table (fast on a million rows); load
errors appear inline under the file name with the line and the reason.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.jobs import Job, JobFailure
from sbert_desktop.gui.state import AppState, LoadedData
from sbert_desktop.gui.widgets.file_field import FileField, describe_error
from sbert_desktop.gui.widgets.layout import warning_label
from sbert_desktop.gui.widgets.plots import HistogramPlot
from sbert_desktop.gui.widgets.table import ColumnsTableModel, configure_big_table

KINDS = [(QT_TRANSLATE_NOOP("DataPage", "Detect"), "auto"), (QT_TRANSLATE_NOOP("DataPage", "Sentences"), "sentences"),
         (QT_TRANSLATE_NOOP("DataPage", "Sentence pairs"), "pairs")]


def load_data(path: str | Path, kind: str = "auto", column: str | None = None, sheet: str | None = None) -> LoadedData:
    """Read ``path`` with the core readers and compute the page's statistics (worker thread);
    ``sheet``: the sheet of a workbook (default: the one it opens on)."""
    import numpy as np

    from sbert_desktop.core.data import detect_pair_format, read_pairs, read_sentences
    from sbert_desktop.core.errors import DataError

    path = Path(path)
    content = None
    if kind == "auto" and sheet is not None:  # a chosen sheet: pairs when its columns say so
        try:
            content, kind = read_pairs(path, sheet=sheet), "pairs"
        except DataError:
            kind = "sentences"
    if kind == "auto":
        kind = "pairs" if detect_pair_format(path) else "sentences"
    if kind == "pairs":
        content = content or read_pairs(path, sheet=sheet)
        texts = list(content.sentence1) + list(content.sentence2)
        pairs = Counter(zip(content.sentence1, content.sentence2))
        info = {
            "rows": len(content),
            "sentences": len(texts),
            "blank": 0,
            "duplicates": sum(c - 1 for c in pairs.values() if c > 1),
            "task": content.task,
        }
        if content.labels is not None:
            from sbert_desktop.core.data import NLI_LABELS

            counts = np.bincount(content.labels, minlength=len(NLI_LABELS))
            info["labels"] = ", ".join(f"{name} {n:,}" for name, n in zip(NLI_LABELS, counts))
        if content.scores is not None and len(content.scores):
            info["scores"] = f"{float(content.scores.min()):g} – {float(content.scores.max()):g}, mean {float(content.scores.mean()):.2f}"
    else:
        content = read_sentences(path, column=column, sheet=sheet)
        texts = content.sentences
        info = {
            "rows": content.n_rows,
            "sentences": len(texts),
            "blank": content.n_blank,
            "duplicates": content.n_duplicates,
        }
    info["lengths"] = np.fromiter((len(t.split()) for t in texts), dtype=np.int32, count=len(texts))
    info["problems"] = list(getattr(content, "problems", []) or [])
    if getattr(content, "sheet", None) is not None:  # a workbook: its sheets, to choose another
        from sbert_desktop.core.data.tables import visible_sheets

        info["sheets"] = visible_sheets(path)
    data = LoadedData(path=path, kind=kind, content=content, info=info)
    info["label_columns"] = label_columns(data)  # e.g. "topic": colours on the Map, classes on Clusters
    return data


def format_fact(content) -> str | None:
    """The Format fact: the format, and how a table was split (its separator) or which sheet was read."""
    fmt = getattr(content, "format", None)
    delimiter, sheet = getattr(content, "delimiter", None), getattr(content, "sheet", None)
    if fmt is None:
        return None
    if delimiter is not None and (delimiter != "\t" or fmt in ("csv", "generic")):
        separators = {",": translate("DataPage", "commas"), ";": translate("DataPage", "semicolons"),
                      "|": translate("DataPage", "vertical bars"), "\t": translate("DataPage", "tabs")}
        return translate("DataPage", "{format}, fields separated by {separator}").format(
            format=fmt, separator=separators.get(delimiter, repr(delimiter)))
    if sheet is not None:
        return translate("DataPage", "{format}, sheet “{sheet}”").format(format=fmt, sheet=sheet)
    return str(fmt)


def preview_columns(data: LoadedData) -> tuple[dict, list | None]:
    content = data.content
    if data.kind == "pairs":
        columns = {}  # short columns first: never pushed out of sight by long sentences
        if content.scores is not None:
            columns["score"] = content.scores.tolist()
        if content.labels is not None:
            from sbert_desktop.core.data import NLI_LABELS

            columns["label"] = [NLI_LABELS[i] for i in content.labels.tolist()]
        columns.update({"sentence1": content.sentence1, "sentence2": content.sentence2})
        return columns, None
    columns = {content.column or "sentence": content.sentences}
    raw = getattr(content, "_raw", None)
    if raw is not None and len(raw.columns) > 1:  # every column, so the text column is chosen seeing them all
        index_of = {line: i for i, line in enumerate(raw.lines)}
        rows = [index_of.get(line, -1) for line in content.line_numbers]
        for j, name in enumerate(raw.columns):
            if name != content.column:
                columns[str(name)] = RowColumn(raw.rows, rows, j)
    return columns, content.line_numbers


class RowColumn:
    """Column ``j`` of ``table_rows`` at ``rows``, read on demand (a preview of a million rows
    builds no list per column)."""

    def __init__(self, table_rows: list, rows: list[int], j: int):
        self.table_rows, self.rows, self.j = table_rows, rows, j

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        r = self.rows[i]
        row = self.table_rows[r] if r >= 0 else ()
        value = row[self.j] if self.j < len(row) else None
        return "" if value is None else value


def label_columns(data: LoadedData, max_classes: int = 30) -> dict[str, list[str]]:
    """Columns of a sentence table that look like labels (e.g. ``topic``): besides the text
    column, at most ``max_classes`` distinct values, each class more than once on average; values
    per sentence. Offered as colours on the Map and as topics per class on the Clusters page."""
    content = data.content
    raw = getattr(content, "_raw", None)
    if data.kind != "sentences" or raw is None or len(raw.columns) < 2:
        return {}
    columns, _rows = preview_columns(data)
    out = {}
    n = len(content.sentences)
    for name, values in list(columns.items())[1:]:
        sample = [str(v).strip() for v in values[: min(n, 5000)]]
        distinct = set(sample)
        if 2 <= len(distinct) <= max_classes and len(distinct) * 2 <= len(sample) and all(len(v) <= 60 for v in distinct):
            out[name] = [str(v).strip() for v in values]
    return out


class DataPage(QWidget):
    title = "Data"

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.job: Job | None = None

        self.file = FileField(translate("DataPage", "Open a sentence file (txt, csv, tsv, jsonl, parquet, xlsx) or a pair data set…"))
        self.file.path_chosen.connect(self._on_path_chosen)
        self.kind = QComboBox()
        for label, value in KINDS:
            self.kind.addItem(translate("DataPage", label), value)
        self.kind.currentIndexChanged.connect(self._reload)
        self.column = QComboBox()
        self.column.setMinimumContentsLength(14)
        self.column.setEnabled(False)
        self.column.activated.connect(self._reload)
        self.sheet = QComboBox()  # a workbook of several sheets: which one is read
        self.sheet.setObjectName("dataSheet")
        self.sheet.activated.connect(self._on_sheet_chosen)
        self.sheet_label = QLabel(translate("DataPage", "Sheet"))
        self.sheet.hide()
        self.sheet_label.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(translate("DataPage", "File")))
        top.addWidget(self.file, 1)
        top.addWidget(QLabel(translate("DataPage", "Read as")))
        top.addWidget(self.kind)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        top.addWidget(QLabel(translate("DataPage", "Text column")))
        top.addWidget(self.column)
        top.addWidget(self.busy)
        top.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.facts: dict[str, QLabel] = {}
        facts_box = QGroupBox(translate("DataPage", "Summary"))
        form = QFormLayout(facts_box)
        for key, label in [("format", translate("DataPage", "Format")), ("encoding", translate("DataPage", "Encoding")),
                           ("rows", translate("DataPage", "Rows")), ("sentences", translate("DataPage", "Sentences")),
                           ("blank", translate("DataPage", "Blank rows")), ("duplicates", translate("DataPage", "Duplicates")),
                           ("task", translate("DataPage", "Task")), ("labels", translate("DataPage", "Labels")),
                           ("scores", translate("DataPage", "Scores")), ("problems", translate("DataPage", "Notes"))]:
            value = QLabel("–")
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            form.addRow(label, value)
        self.histogram = HistogramPlot()
        self.encode_button = QPushButton(translate("DataPage", "Encode with active model"))
        self.encode_button.setToolTip(translate("DataPage", "Compute embeddings of these sentences with the active bi-encoder (in the background)"))
        self.encode_button.setEnabled(False)
        self.encode_button.clicked.connect(self.encode)
        self.encode_status = QLabel()
        self.encode_status.setWordWrap(True)
        self.korean_cue = warning_label("koreanCue")  # Korean the model cannot read, texts longer than it reads

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(facts_box)
        left_layout.addWidget(self.histogram, 1)
        left_layout.addWidget(self.encode_button)
        left_layout.addWidget(self.encode_status)
        left_layout.addWidget(self.korean_cue)

        self.model = ColumnsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_big_table(self.table)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 800])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.last_stats: dict | None = None  # the embedding cache's stats of the last encode
        state.open_file_requested.connect(self.open_path)
        state.bi_encoder_changed.connect(lambda _m: self._update_encode_button())
        state.data_changed.connect(self._show_data)
        state.embeddings_changed.connect(self._show_embeddings)

    # -- loading -----------------------------------------------------------------------------
    @Slot(str)
    def open_path(self, path: str) -> Job:
        """Read ``path`` in the background (detect its kind; first guess of the text column)."""
        self.file.set_path(path, emit=False)
        self.column.clear()
        self.column.setEnabled(False)
        self.sheet.hide()  # a new file opens on its own sheet
        self.sheet_label.hide()
        return self._start_load(path, None)

    @Slot(str)
    def _on_path_chosen(self, path: str) -> None:
        self.open_path(path)

    @Slot()
    def _reload(self, *_args) -> None:
        if self.file.path():
            column = self.column.currentText() if self.column.isEnabled() else None
            self._start_load(self.file.path(), column or None, self._chosen_sheet())

    def _chosen_sheet(self) -> str | None:
        return self.sheet.currentText() or None if self.sheet.isVisibleTo(self) else None

    @Slot(int)
    def _on_sheet_chosen(self, _index: int) -> None:
        if self.file.path():  # another sheet: its own columns, the text column guessed again
            self._start_load(self.file.path(), None, self._chosen_sheet())

    def _start_load(self, path: str, column: str | None, sheet: str | None = None) -> Job:
        self.file.clear_messages()
        self.busy.show()
        kind = self.kind.currentData()
        # replaces a load still running; dropped if other data is opened meanwhile (a workspace)
        job = self.state.jobs.start(translate("DataPage", "Open {name}").format(name=Path(path).name), lambda progress, cancel: load_data(path, kind, column, sheet),
                                    kind="data", inputs=self.state.inputs("data"))
        job.succeeded.connect(self.state.set_data)  # _show_data shows it, as it does data opened elsewhere
        job.failed.connect(self._on_failed)
        job.ended.connect(self._on_ended)
        self.job = job
        return job

    @Slot(object)
    def _show_data(self, data: LoadedData | None) -> None:
        """Show ``data`` (this page's own load, or data set elsewhere: a restored workspace)."""
        self._update_encode_button()
        self._show_embeddings(self.state.embeddings)
        if data is None:
            self._clear_view()
            self.file.set_info("")
            return
        if self.file.path() != str(data.path):
            self.file.set_path(str(data.path), emit=False)
        content, info = data.content, data.info
        encoding = getattr(content, "encoding", None)  # None for xlsx and parquet: nothing to say
        where = getattr(content, "sheet", None) if encoding is None else encoding
        text = translate("DataPage", "{format} · {encoding} · {rows} rows") if where else translate("DataPage", "{format} · {rows} rows")
        self.file.set_info(text.format(format=getattr(content, 'format', '?'), encoding=where, rows=number(info.get('rows', 0))))
        self.file.set_error("")
        columns = list(getattr(content, "columns", []) or []) if data.kind == "sentences" else []
        self.column.blockSignals(True)
        self.column.clear()
        self.column.addItems([str(c) for c in columns])
        if columns and getattr(content, "column", None) is not None:
            self.column.setCurrentText(str(content.column))
        self.column.setEnabled(len(columns) > 1)
        self.column.blockSignals(False)
        sheets = list(info.get("sheets") or [])
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(sheets)
        if getattr(content, "sheet", None) in sheets:
            self.sheet.setCurrentText(str(content.sheet))
        self.sheet.blockSignals(False)
        self.sheet.setVisible(len(sheets) > 1)
        self.sheet_label.setVisible(len(sheets) > 1)
        self._show_facts(data)
        columns_data, row_labels = preview_columns(data)
        self.model.set_columns(columns_data, row_labels)
        self._fit_columns()
        self.histogram.set_values(info.get("lengths", []))

    def _clear_view(self) -> None:
        for label in self.facts.values():
            label.setText("–")
        self.model.set_columns({}, None)
        self.histogram.set_values([])

    def _show_embeddings(self, emb) -> None:
        """The line under the Encode button follows the shared embeddings (encoded here or on
        another page); other data opened clears it."""
        if emb is None:
            self.encode_status.setText("")
        elif getattr(emb, "vectors", None) is not None and getattr(emb.vectors, "ndim", 0) == 2:
            stats = f" ({self._stats_text})" if getattr(self, "_stats_text", "") else ""
            self.encode_status.setText(translate("DataPage", "{n} embeddings of dimension {dim}").format(
                n=number(emb.vectors.shape[0]), dim=emb.vectors.shape[1]) + stats)
            self._stats_text = ""

    def _fit_columns(self) -> None:
        """Score and label columns narrow, the text columns share the rest (no scan of the rows).

        A page that is not shown yet has no real width: it fits again when it is first shown.
        """
        self._fit_pending = not self.table.isVisible()
        names = [self.model.headerData(i, Qt.Orientation.Horizontal) for i in range(self.model.columnCount())]
        other_columns = self.state.data is not None and self.state.data.kind == "sentences"  # text first, then the rest
        narrow = [i for i, name in enumerate(names) if name in ("score", "label") or (other_columns and i > 0)]
        text = len(names) - len(narrow)
        if not text:
            return
        free = self.table.viewport().width() - 110 * len(narrow) - 4
        for i in range(len(names)):
            self.table.setColumnWidth(i, 110 if i in narrow else max(160, free // text))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if getattr(self, "_fit_pending", False):
            self._fit_columns()

    def _show_facts(self, data: LoadedData) -> None:
        info, content = data.info, data.content
        values = {
            "format": format_fact(content),
            "encoding": getattr(content, "encoding", None),
            "task": info.get("task"),
            "labels": info.get("labels"),
            "scores": info.get("scores"),
            "problems": "; ".join(info.get("problems", [])[:5]) or None,
        }
        for key in ("rows", "sentences", "blank", "duplicates"):
            values[key] = number(info[key]) if key in info else None
        for key, label in self.facts.items():
            label.setText(str(values.get(key)) if values.get(key) is not None else "–")

    def _on_failed(self, failure: JobFailure) -> None:
        self._clear_view()  # never the previous file's summary and preview under this file's name
        self.file.set_error(describe_error(failure.error))
        data = self.state.data
        if data is not None:
            self.file.set_info(translate("DataPage", "Still open: {name} (the other pages keep using it)").format(name=data.path.name))
        self._update_encode_button()  # it names the file still open
        if not failure.expected:
            from sbert_desktop.gui.errors import show_failure

            show_failure(self, failure, translate("DataPage", "Could not open the file"))

    def _on_ended(self, _status: str = "") -> None:
        if self.state.jobs.current("data") is None:  # no newer load runs
            self.busy.hide()

    # -- encoding ----------------------------------------------------------------------------
    def sentences(self) -> list[str]:
        data = self.state.data
        if data is None:
            return []
        if data.kind == "pairs":
            return list(dict.fromkeys(list(data.content.sentence1) + list(data.content.sentence2)))
        return list(data.content.sentences)

    def _update_encode_button(self) -> None:
        from sbert_desktop.gui.quality_text import data_cues_text

        data = self.state.data
        self.encode_button.setEnabled(data is not None and self.state.bi_encoder is not None)
        shown = self.file.path()
        if data is not None and shown and Path(shown) != Path(data.path):  # a failed open: the file still in use
            self.encode_button.setText(translate("DataPage", "Encode {name} with active model").format(name=data.path.name))
        else:
            self.encode_button.setText(translate("DataPage", "Encode with active model"))
        cue = data_cues_text(self.state)  # Korean it cannot read, texts longer than it reads
        self.korean_cue.setText(cue)
        self.korean_cue.setVisible(bool(cue))

    def _on_encoded(self, sentences: list[str], vectors, fingerprint: str, stats: dict) -> None:
        from sbert_desktop.gui.explore_text import cache_stats_text

        self.last_stats = stats
        self._stats_text = cache_stats_text(stats)  # shown with the count by _show_embeddings
        from sbert_desktop.gui.exploration_state import model_provenance

        # the encode job is dropped when the bi-encoder changes while it runs: the loaded one made these
        self.state.set_embeddings(sentences, vectors, fingerprint, model_provenance(self.state.bi_encoder))

    @Slot()
    def encode(self) -> Job | None:
        from sbert_desktop.core.explore import encode_sentences

        model, sentences = self.state.bi_encoder, self.sentences()
        if model is None or not sentences:
            return None
        cache = self.state.embedding_cache
        # replaces a running encode; stopped and dropped if the data or the bi-encoder change meanwhile
        job = self.state.jobs.start(translate("DataPage", "Encode {n} sentences").format(n=number(len(sentences))),
                                    lambda progress, cancel: encode_sentences(model, sentences, cache,
                                                                              progress=progress, cancel=cancel),
                                    kind="encode", inputs=self.state.inputs("data", "bi-encoder"))
        self.encode_button.setEnabled(False)
        job.progress.connect(lambda p: self.encode_status.setText(translate("DataPage", "Encoding… {done} / {total}").format(done=number(p.done), total=number(p.total))))
        job.succeeded.connect(lambda out: self._on_encoded(sentences, *out))
        job.cancelled.connect(lambda: self.encode_status.setText(translate("DataPage", "Encoding cancelled")))
        job.failed.connect(lambda f: self.encode_status.setText(translate("DataPage", "Encoding failed: {message}").format(message=f.message)))
        job.ended.connect(lambda _s: self._update_encode_button())
        return job


if __name__ == "__main__":
    from sbert_desktop.gui.pages.standalone import launch

    sys.exit(launch(DataPage))
