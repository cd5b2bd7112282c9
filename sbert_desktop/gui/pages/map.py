"""Map page: the sentences in 2-D (PCA, t-SNE or UMAP; seeded and cached, so re-opening is
instant), coloured by the Clusters page's clusters. Hover shows a sentence, click shows its
nearest neighbours in bi-encoder order and reranked by the cross-encoder; a rectangle or lasso
selection fills a table; a search box highlights matching sentences. Points outside the selection
or the matches are dimmed, not hidden. Smooth at 100k points (it samples for drawing and says so).
"""

from __future__ import annotations

import sys
import time


import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QProgressBar, QPushButton, QSpinBox, QSplitter, QTableView, QTextBrowser, QToolButton,
    QVBoxLayout, QWidget,
)

from sbert_desktop.core.explore import meaning_matches
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.exploration_state import ExplorationState, Projection, data_matches, exploration_for
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState
from sbert_desktop.gui.widgets.layout import column, page_with_panes
from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter, label_color
from sbert_desktop.gui.widgets.embeddings_bar import EmbeddingsBar
from sbert_desktop.gui.widgets.export_menu import ExportButton
from sbert_desktop.gui.widgets.form_state import form_state, restore_form
from sbert_desktop.gui.widgets.rerank_view import RerankPanel
from sbert_desktop.gui.widgets.table import ColumnsTableModel, configure_big_table

METHODS = [("UMAP", "umap"), ("t-SNE", "tsne"), ("PCA", "pca")]
SEARCH_MODES = [(QT_TRANSLATE_NOOP("Map", "Words"), "word",
                 QT_TRANSLATE_NOOP("Map", "Sentences containing these whole words (\"rain\" does not find \"training\")")),
                (QT_TRANSLATE_NOOP("Map", "Text"), "text",
                 QT_TRANSLATE_NOOP("Map", "Sentences containing this text anywhere, inside words too")),
                (QT_TRANSLATE_NOOP("Map", "Meaning"), "meaning",
                 QT_TRANSLATE_NOOP("Map", "The sentences nearest in meaning: the query is embedded with the bi-encoder"))]
AUTO_PROJECT_UP_TO = 20_000  # showing the page projects by itself up to this many sentences


class MapPage(QWidget):
    title = "Map"
    projected = Signal(object)  # Projection

    def __init__(self, state: AppState, parent: QWidget | None = None, exploration: ExplorationState | None = None):
        super().__init__(parent)
        self.state = state
        self.exploration = exploration or exploration_for(state)
        self.job: Job | None = None
        self._lower: list[str] | None = None  # lower-cased sentences for the search box
        self._declined = None  # the embeddings whose automatic projection was cancelled
        self.selected_rows = np.zeros(0, np.int64)

        self.bar = EmbeddingsBar(state)
        self.export_status = QLabel()
        self.export_button = ExportButton(state.jobs, self.export_status)
        top = QHBoxLayout()
        top.addWidget(self.bar, 1)
        top.addWidget(self.export_button)

        self.method = QComboBox()
        for text, value in METHODS:
            self.method.addItem(text, value)
        self.method.currentIndexChanged.connect(self._update_enabled)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        self.metric_box = QComboBox()
        self.metric_box.addItems(["cosine", "euclidean"])
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(42)
        self.perplexity = QDoubleSpinBox()
        self.perplexity.setRange(2, 200)
        self.perplexity.setValue(30)
        self.n_neighbors = QSpinBox()
        self.n_neighbors.setRange(2, 200)
        self.n_neighbors.setValue(15)
        self.min_dist = QDoubleSpinBox()
        self.min_dist.setRange(0.0, 1.0)
        self.min_dist.setSingleStep(0.05)
        self.min_dist.setValue(0.1)
        self.project_button = QPushButton(translate("Map", "Project"))
        self.project_button.setDefault(True)
        self.project_button.clicked.connect(self.project)
        self.cancel_button = QPushButton(translate("Map", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(translate("Map", "No map yet."))
        self.status.setObjectName("mapStatus")
        self.status.setWordWrap(True)
        proj_box = QGroupBox(translate("Map", "Projection"))
        form = QFormLayout(proj_box)
        form.addRow(translate("Map", "Method"), self.method)
        form.addRow(translate("Map", "Metric"), self.metric_box)
        form.addRow(translate("Map", "Seed"), self.seed)
        form.addRow(translate("Map", "Perplexity"), self.perplexity)
        form.addRow(translate("Map", "Neighbours"), self.n_neighbors)
        form.addRow(translate("Map", "Min distance"), self.min_dist)
        buttons = QHBoxLayout()
        buttons.addWidget(self.project_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        form.addRow(self.progress)
        form.addRow(self.status)

        self.tools = QButtonGroup(self)
        tool_row = QHBoxLayout()
        for text, mode, tip in [(translate("Map", "Pan"), "pan", translate("Map", "Drag to pan, wheel to zoom")),
                                (translate("Map", "Rectangle"), "rect", translate("Map", "Drag a rectangle to select points")),
                                (translate("Map", "Lasso"), "lasso", translate("Map", "Draw around points to select them"))]:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setObjectName(f"tool_{mode}")
            button.toggled.connect(lambda on, m=mode: on and self.scatter.set_mode(m))
            self.tools.addButton(button)
            tool_row.addWidget(button)
        self.zoom_all_button = QToolButton()
        self.zoom_all_button.setText(translate("Map", "Zoom to all"))
        self.zoom_all_button.setObjectName("zoomAll")
        self.zoom_all_button.setToolTip(translate("Map", "The map opens on the bulk of the points; this shows every point"))
        self.zoom_all_button.clicked.connect(lambda: self.scatter.zoom_all())
        tool_row.addWidget(self.zoom_all_button)
        self.clear_button = QPushButton(translate("Map", "Clear selection"))
        self.clear_button.clicked.connect(lambda: self.scatter.clear_selection())
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Map", "Highlight sentences…"))
        self.search.setClearButtonEnabled(True)
        self.search_mode = QComboBox()
        self.search_mode.setObjectName("searchMode")
        for text, value, tip in SEARCH_MODES:
            self.search_mode.addItem(translate("Map", text), value)
            self.search_mode.setItemData(self.search_mode.count() - 1, translate("Map", tip), Qt.ItemDataRole.ToolTipRole)
        self.search_mode.setCurrentIndex(self.search_mode.findData("word"))
        self.search_mode.currentIndexChanged.connect(lambda _i: self.apply_search())
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.legend = QListWidget()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)  # long cluster names wrap between words, never cut mid-word
        self.legend.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.legend.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        select_box = QGroupBox(translate("Map", "Select and search"))
        sv = QVBoxLayout(select_box)
        sv.addLayout(tool_row)
        sv.addWidget(self.clear_button)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_mode)
        sv.addLayout(search_row)
        self.colour_by = QComboBox()
        self.colour_by.setObjectName("colourBy")
        self.colour_by.setToolTip(translate("Map", "Colour the points by their cluster, or by a label column of the file (e.g. topic)"))
        self.colour_by.addItem(translate("Map", "Clusters"), None)
        self.colour_by.currentIndexChanged.connect(lambda _i: self._show_clusters())
        state.data_changed.connect(self._fill_colour_by)
        legend_box = QGroupBox(translate("Map", "Colours"))
        legend_layout = QVBoxLayout(legend_box)
        legend_layout.addWidget(self.colour_by)
        legend_layout.addWidget(self.legend)
        left = QWidget()
        left.setMaximumWidth(300)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(proj_box)
        lv.addWidget(select_box)
        lv.addWidget(legend_box, 1)

        self.scatter = EmbeddingScatter(axes=False)
        self.tools.buttons()[1].setChecked(True)  # rectangle selection by default
        self.scatter.point_hovered.connect(self._on_hover)
        self.scatter.point_clicked.connect(self.show_point)
        self.scatter.selection_changed.connect(self._on_selection)
        self.selection_label = QLabel(translate("Map", "Drag a rectangle (or lasso) on the map to list its sentences."))
        self.selection_model = ColumnsTableModel()
        self.selection_table = QTableView()
        self.selection_table.setModel(self.selection_model)
        configure_big_table(self.selection_table)
        self.selection_table.horizontalHeader().setDefaultSectionSize(90)
        self.selection_table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._on_selection_row(cur.row()))
        lower = column(self.selection_label, (self.selection_table, 1))
        center = QSplitter(Qt.Orientation.Vertical)
        center.addWidget(self.scatter)
        center.addWidget(lower)
        center.setSizes([480, 180])

        self.text = QTextBrowser()
        self.text.setObjectName("sentenceText")
        self.text.setPlaceholderText(translate("Map", "Hover over a point to read its sentence; click it for its nearest neighbours."))
        self.text.setMaximumHeight(110)
        self.neighbours = RerankPanel(state, top_k=8, vertical=True)
        self.neighbours.sentence_activated.connect(lambda row, _t: self.show_point(row))
        right = column(QLabel(translate("Map", "Sentence")), self.text, (self.neighbours, 1))
        page_with_panes(self, top, [left, center, right], [250, 620, 380], self.export_status)

        from sbert_desktop.gui.pages.map_export import add_map_exports

        add_map_exports(self)
        self.exploration.projection_changed.connect(self._show_projection)
        self.exploration.clusters_changed.connect(lambda _v: self._show_clusters())
        self.exploration.names_changed.connect(self._show_clusters)
        state.embeddings_changed.connect(self._on_embeddings)
        self._update_enabled()

    # -- projection ----------------------------------------------------------------------------
    def params(self) -> dict:
        from sbert_desktop.core.projection import projection_params

        return projection_params(self.method.currentData(), 2, self.seed.value(), self.metric_box.currentText(),
                                 self.perplexity.value(), self.n_neighbors.value(), self.min_dist.value())

    def _update_enabled(self, *_args) -> None:
        method = self.method.currentData()
        self.perplexity.setEnabled(method == "tsne")
        self.n_neighbors.setEnabled(method == "umap")
        self.min_dist.setEnabled(method == "umap")
        running = self.state.jobs.current("project") is not None
        self.project_button.setEnabled(self.state.embeddings is not None and not running)

    def _on_method_changed(self, *_args) -> None:
        """The combo never lies about the map: a projection already made with the new method is
        shown at once; while one runs (the automatic one included) it is replaced by the new
        method's; otherwise the status says which map is shown until Project is pressed."""
        if self.state.embeddings is None:
            return
        if self.exploration.cached_projection(self.params()) is not None or self.state.jobs.current("project"):
            self.project()
            return
        shown = self.exploration.projection
        if shown is not None and shown.params.get("method") == self.method.currentData():
            self._show_projection(shown)  # the map shown is of this method (a restored workspace sets the combo)
        elif shown is not None:
            self.status.setText(translate("Map", "Showing {shown}; press Project for {method}.").format(
                shown=shown.params['method'].upper(), method=self.method.currentText()))

    def cancel(self) -> None:
        job = self.state.jobs.current("project")
        if job is not None:
            job.cancel()

    def project(self) -> Job | None:
        """Project the embeddings with the form's parameters (at once when this session has it);
        t-SNE and UMAP run in a child process that Cancel (or new embeddings) kills at once."""
        from sbert_desktop.core.explore import project_in_child

        emb = self.state.embeddings
        if emb is None:
            return None
        params = self.params()
        cached = self.exploration.cached_projection(params)
        if cached is not None:
            self.exploration.set_projection(cached)
            return None
        vectors = emb.vectors

        def work(progress, cancel):
            start = time.perf_counter()
            coords = project_in_child(vectors, params, progress=progress, cancel=cancel)
            return Projection(coords, params, time.perf_counter() - start)

        job = self.state.jobs.start(translate("Map", "Project ({method})").format(method=params['method']), work, kind="project",
                                    inputs=self.state.inputs("embeddings"))  # replaces a running projection
        self.job = job
        self.status.setText(translate("Map", "Projecting {n} sentences with {method}…").format(
            n=number(len(emb.sentences)), method=self.method.currentText()))
        self.progress.show()
        self.cancel_button.show()
        job.succeeded.connect(self._on_projected)  # only for the current embeddings (gui/jobs.py)
        job.failed.connect(lambda f: self.status.setText(translate("Map", "Projection failed: {message}").format(message=f.message)))
        job.cancelled.connect(lambda projected=emb: self._on_cancelled(projected))
        job.ended.connect(self._on_ended)
        self._update_enabled()
        return job

    def _on_projected(self, projection: Projection) -> None:
        if self.exploration.set_projection(projection):
            self.projected.emit(projection)

    def _on_ended(self, _status: str = "") -> None:
        if self.state.jobs.current("project") is None:  # no newer projection runs
            self.progress.hide()
            self.cancel_button.hide()
        self._update_enabled()

    def _on_cancelled(self, projected) -> None:
        self.status.setText(translate("Map", "Projection cancelled."))
        # cancelled: these embeddings are not projected again by themselves on the next visit (Project does it)
        self._declined = projected

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        emb = self.state.embeddings
        if (emb is not None and self.exploration.projection is None and len(emb.sentences) <= AUTO_PROJECT_UP_TO
                and self.state.jobs.current("project") is None and self._declined is not emb):
            QTimer.singleShot(0, self.project)

    def _on_embeddings(self, emb) -> None:
        self._lower = None
        # rows picked on the old sentences mean other sentences now: never exported or shown against them
        self.scatter.clear_selection()
        self.scatter.set_current(-1)
        self.text.clear()
        self._update_enabled()
        if emb is not None and self.isVisible() and len(emb.sentences) <= AUTO_PROJECT_UP_TO:
            QTimer.singleShot(0, self.project)

    def _show_projection(self, projection: Projection | None) -> None:
        emb = self.state.embeddings
        if projection is None or emb is None or len(projection.coords) != len(emb.sentences):
            self.scatter.set_points(np.zeros((0, 2)))
            self.status.setText(translate("Map", "No map yet.") if emb is not None
                                else translate("Map", "Encode the sentences to draw the map."))
            self._show_clusters()
            return
        p = projection.params
        extra = {"tsne": translate("Map", "perplexity {value}").format(value=p.get('perplexity')),
                 "umap": translate("Map", "{n} neighbours, min dist {dist}").format(
                     n=p.get('n_neighbors'), dist=p.get('min_dist'))}.get(p["method"], "")
        self.status.setText(f"{p['method'].upper()} · {p['metric']} · " + translate("Map", "seed {seed}").format(seed=p['seed'])
                            + f"{' · ' + extra if extra else ''} · "
                            + translate("Map", "{seconds} s").format(seconds=number(projection.seconds, 1)))
        self.scatter.set_points(projection.coords, self.exploration.labels(), emb.sentences)
        self._show_clusters()
        self.apply_search()

    def _fill_colour_by(self, data) -> None:
        """Offer each label column of the open file (e.g. ``topic``) as a colouring."""
        self.colour_by.blockSignals(True)
        self.colour_by.clear()
        self.colour_by.addItem(translate("Map", "Clusters"), None)
        for name in ((data.info.get("label_columns") or {}) if data is not None else {}):
            self.colour_by.addItem(translate("Map", "Label column: {name}").format(name=name), name)
        self.colour_by.blockSignals(False)
        self._show_clusters()

    def label_values(self) -> list[str] | None:
        """The chosen label column's value for every embedded sentence, or None."""
        name, data, emb = self.colour_by.currentData(), self.state.data, self.state.embeddings
        if name is None or data is None or emb is None:
            return None
        values = (data.info.get("label_columns") or {}).get(name)
        return values if values is not None and len(values) == len(emb.sentences) and data_matches(data, emb.sentences) else None

    def _show_label_colours(self, values: list[str]) -> None:
        classes, codes = np.unique(np.asarray(values, dtype=object).astype(str), return_inverse=True)
        if len(self.scatter.coords) == len(codes):
            self.scatter.set_labels(codes)
            self.scatter.set_cluster_names(dict(enumerate(classes)))  # written on the map
        self.legend.clear()
        counts = np.bincount(codes, minlength=len(classes))
        for c, name in enumerate(classes):
            pix = QPixmap(12, 12)
            pix.fill(label_color(c))
            item = QListWidgetItem(QIcon(pix), f"{name} ({number(int(counts[c]))})")
            item.setToolTip(f"{self.colour_by.currentData()} = {name}")
            self.legend.addItem(item)

    def _show_clusters(self) -> None:
        values = self.label_values()
        if values is not None:
            self._show_label_colours(values)
            return
        view = self.exploration.clusters
        labels = self.exploration.labels()
        if labels is not None and len(labels) == len(self.scatter.coords):
            self.scatter.set_labels(labels)
            self.scatter.set_cluster_names(view.all_names() if view is not None else None)  # on the map
        elif len(self.scatter.coords):
            self.scatter.set_labels(None)
            self.scatter.set_cluster_names(None)
        self.legend.clear()
        if view is None:
            self.legend.addItem(translate("Map", "Cluster on the Clusters page to colour the map."))
            return
        counts = view.result.sizes
        noise = int(np.sum(view.labels < 0))
        for c, name in view.all_names().items():
            size = counts.get(c, noise) if c >= 0 else noise
            if size == 0:
                continue
            pix = QPixmap(12, 12)
            pix.fill(label_color(c))
            item = QListWidgetItem(QIcon(pix), f"{name} ({size:,})")
            item.setToolTip(name)
            self.legend.addItem(item)

    # -- workspace -----------------------------------------------------------------------------
    def _form(self) -> dict:
        return {"method": self.method, "metric": self.metric_box, "seed": self.seed, "perplexity": self.perplexity,
                "n_neighbors": self.n_neighbors, "min_dist": self.min_dist, "search": self.search,
                "search_mode": self.search_mode}

    def workspace_state(self) -> dict:
        """The form and the search text as JSON (map and selection are saved by ``gui.workspace_io``)."""
        return form_state(self._form())

    def restore_workspace_state(self, saved: dict) -> None:
        restore_form(self._form(), saved)
        self._update_enabled()

    # -- interaction ---------------------------------------------------------------------------
    def apply_search(self) -> Job | None:
        """Highlight by whole words (default), by text anywhere, or by meaning (the query embedded
        with the bi-encoder; its nearest sentences, a background job)."""
        import re

        emb = self.state.embeddings
        query = self.search.text().strip().lower()
        if not query or emb is None or not len(self.scatter.coords):
            self.scatter.set_matches(None)
            return None
        mode = self.search_mode.currentData()
        if mode == "meaning":
            return self._semantic_search(query)
        if self._lower is None:
            self._lower = [s.lower() for s in emb.sentences]
        if mode == "word":
            pattern = re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in query.split()) + r"(?!\w)")
            mask = np.fromiter((pattern.search(s) is not None for s in self._lower), bool, len(self._lower))
        else:
            mask = np.fromiter((query in s for s in self._lower), bool, len(self._lower))
        self.scatter.set_matches(mask)
        return None

    def _semantic_search(self, query: str) -> Job | None:
        bi, emb = self.state.bi_encoder, self.state.embeddings
        if bi is None:
            self.scatter.set_matches(None)
            self.scatter.info.setText(translate("Map", "Load a bi-encoder on the Model page to search by meaning."))
            return None
        vectors, made_by = emb.vectors, emb.fingerprint
        work = lambda progress, cancel: meaning_matches(query, vectors, bi, made_by)  # noqa: E731
        job = self.state.jobs.start(translate("Map", "Search the map by meaning"), work, kind="map-search",
                                    inputs=self.state.inputs("embeddings", "bi-encoder"))
        job.failed.connect(lambda f: self.scatter.info.setText(
            translate("Map", "Search by meaning failed: {message}").format(message=f.message)))
        job.succeeded.connect(lambda mask: self.scatter.set_matches(mask, translate("Map", "nearest in meaning to “{query}”").format(query=query))
                              if self.search.text().strip().lower() == query
                              and self.search_mode.currentData() == "meaning" else None)
        return job

    def _sentence(self, row: int) -> str:
        emb = self.state.embeddings
        return emb.sentences[row] if emb is not None and 0 <= row < len(emb.sentences) else ""

    def _line(self, row: int) -> int:
        """Sentence ``row``'s line in the file, as the Data page numbers it (row + 1 if the file is not theirs)."""
        lines = self.exploration.source_lines()
        return int(lines[row]) if lines is not None and 0 <= row < len(lines) else row + 1

    def _describe(self, row: int) -> str:
        view = self.exploration.clusters
        cluster = translate("Map", " · cluster: {name}").format(name=view.name(int(view.labels[row]))) if view is not None else ""
        return f"<p><b>#{self._line(row)}</b>{cluster}</p><p>{_escape(self._sentence(row))}</p>"

    def _on_hover(self, row: int) -> None:
        if row >= 0:
            self.text.setHtml(self._describe(row))
        elif self.scatter.current >= 0:
            self.text.setHtml(self._describe(self.scatter.current))

    def show_point(self, row: int) -> Job | None:
        """Ring point ``row``, show its sentence and its nearest neighbours (bi, then reranked)."""
        if row < 0 or row >= len(self.scatter.coords):
            return None
        if self.scatter.current != row:
            self.scatter.set_current(row)
        self.text.setHtml(self._describe(row))
        return self.neighbours.run(self._sentence(row), query_index=row)

    def _on_selection(self, rows: np.ndarray) -> None:
        emb = self.state.embeddings
        self.selected_rows = np.asarray(rows, np.int64)
        if emb is None or not len(rows):
            self.selection_model.clear()
            self.selection_label.setText(translate("Map", "Nothing selected.") if emb is not None else "")
            return
        view = self.exploration.clusters
        columns = {}
        if view is not None:
            columns[translate("Map", "cluster")] = [view.name(int(c)) for c in view.labels[rows]]
        columns[translate("Map", "sentence")] = [emb.sentences[i] for i in rows]
        self.selection_model.set_columns(columns, [self._line(int(i)) for i in rows])  # as the Data page numbers them
        self.selection_label.setText(translate("Map", "{n} selected sentences").format(n=number(len(rows))))

    def _on_selection_row(self, row: int) -> None:
        rows = self.selected_rows
        if 0 <= row < len(rows):
            self.show_point(int(rows[row]))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    from sbert_desktop.gui.pages.standalone import launch

    sys.exit(launch(MapPage))
