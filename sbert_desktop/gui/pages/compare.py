"""Compare page: bi-encoder cosine against cross-encoder scores (and gold) on sentence pairs, and
retrieve-and-rerank search.

Pairs come from each sentence's k nearest neighbours (paraphrase mining, chunked), from all pairs
of a small set (refused politely above the limit) or from a pair data set opened on the Data page
(gold scores or labels). The table is sortable and filterable; the scatter shows one score
against another with Pearson and Spearman; clicking a point selects its row and vice versa.
"""

from __future__ import annotations

from dataclasses import replace

import sys


import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QProgressBar, QPushButton, QSpinBox, QSplitter,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.core_text import failure_detail, stage_text
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.exploration_state import ExplorationState, exploration_for
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState
from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter
from sbert_desktop.gui.widgets.embeddings_bar import EmbeddingsBar
from sbert_desktop.gui.widgets.form_state import form_state, restore_form
from sbert_desktop.gui.widgets.export_menu import ExportButton
from sbert_desktop.gui.widgets.pair_table import CROSS, DELTA, GOLD, PAIR_ROLE, PairFilterProxy, PairTableModel
from sbert_desktop.gui.widgets.rerank_view import RerankPanel
from sbert_desktop.gui.widgets.table import configure_big_table

MODES = [(QT_TRANSLATE_NOOP("Compare", "Nearest neighbours of each sentence (top-k)"), "top_k"), (QT_TRANSLATE_NOOP("Compare", "All pairs of the sentences"), "all"),
         (QT_TRANSLATE_NOOP("Compare", "Pair data set from the Data page (with gold)"), "dataset")]
AXES = [(QT_TRANSLATE_NOOP("Compare", "Bi-encoder vs cross-encoder"), "bi", "cross"), (QT_TRANSLATE_NOOP("Compare", "Bi-encoder vs gold"), "bi", "gold"),
        (QT_TRANSLATE_NOOP("Compare", "Cross-encoder vs gold"), "cross", "gold")]
AXIS_NAMES = {"bi": QT_TRANSLATE_NOOP("Compare", "bi-encoder cosine"), "cross": QT_TRANSLATE_NOOP("Compare", "cross-encoder score"), "gold": QT_TRANSLATE_NOOP("Compare", "gold")}


class ComparePage(QWidget):
    title = "Compare"
    pairs_ready = Signal(object)  # PairResult

    def __init__(self, state: AppState, parent: QWidget | None = None, exploration: ExplorationState | None = None):
        super().__init__(parent)
        self.state = state
        self.exploration = exploration or exploration_for(state)
        self.job: Job | None = None
        self.result = None
        self.all_pairs_limit: int | None = None  # None: the core's limit
        #: the cross-encoder a restored workspace's pairs were scored by (its load keeps them), else None
        self.scored_by = None

        self.bar = EmbeddingsBar(state, cross_cue=True)
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_button = ExportButton(state.jobs, self.export_status)
        top = QHBoxLayout()
        top.addWidget(self.bar, 1)
        top.addWidget(self.export_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_pairs_tab(), translate("Compare", "Pairs"))
        self.tabs.addTab(self._build_search_tab(), translate("Compare", "Search"))
        from sbert_desktop.gui.widgets.model_notice import ModelNotice

        self.notice = ModelNotice(state)  # which model is missing (or weak), with a button to load it
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_status)
        self._build_exports()
        state.cross_encoder_changed.connect(self._on_cross_encoder)
        state.data_changed.connect(lambda _d: self._update_enabled())
        state.embeddings_changed.connect(self._on_embeddings)
        self._update_enabled()

    # -- layout --------------------------------------------------------------------------------
    def _build_pairs_tab(self) -> QWidget:
        self.mode = QComboBox()
        for text, value in MODES:
            self.mode.addItem(translate("Compare", text), value)
        self.mode.currentIndexChanged.connect(self._update_enabled)
        self.top_k = QSpinBox()
        self.top_k.setRange(1, 100)
        self.top_k.setValue(5)
        self.top_k.setPrefix("k = ")
        self.top_k.setToolTip(translate("Compare", "Neighbours per sentence (paraphrase mining, computed in memory-bounded blocks)"))
        self.max_pairs = QSpinBox()
        self.max_pairs.setRange(0, 10_000_000)
        self.max_pairs.setValue(2000)
        self.max_pairs.setSingleStep(500)
        self.max_pairs.setSpecialValueText(translate("Compare", "all pairs"))
        self.max_pairs.setPrefix(translate("Compare", "keep "))
        self.max_pairs.setToolTip(translate("Compare", "Keep only the best N pairs (the cross-encoder scores each one; 0 keeps all)"))
        self.distinct = QCheckBox(translate("Compare", "Skip repeated sentences"))
        self.distinct.setToolTip(translate("Compare", "Pairs among the first occurrence of each text only: a sentence "
                                           "and its copies (cosine 1) do not fill the table"))
        self.distinct.setChecked(True)  # as search shows each text once: copies at cosine 1 are never the finding
        self.use_cross = QCheckBox(translate("Compare", "Score with the cross-encoder"))
        self.use_cross.setChecked(True)
        self.find_button = QPushButton(translate("Compare", "Find pairs"))
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_pairs)
        self.cancel_button = QPushButton(translate("Compare", "Cancel"))
        self.cancel_button.clicked.connect(lambda: self.state.jobs.current("pairs") and self.state.jobs.current("pairs").cancel())
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        controls = QHBoxLayout()
        for w in (QLabel(translate("Compare", "Pairs from")), self.mode, self.top_k, self.max_pairs, self.distinct, self.use_cross,
                  self.find_button):
            controls.addWidget(w)
        controls.addStretch(1)
        # progress and Cancel on the message's row: on the full controls row they widened the window by
        # their width while a job ran, and a window never narrows again by itself
        running = QHBoxLayout()
        running.addWidget(self.progress)
        running.addWidget(self.cancel_button)
        self.message = QLabel()
        self.message.setObjectName("pairsMessage")
        self.message.setWordWrap(True)

        self.model = PairTableModel(self)
        self.proxy = PairFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        configure_big_table(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setDefaultSectionSize(84)
        for col in (0, 1):  # the sentences share the width; the scores keep a fixed, readable one
            header.setSectionResizeMode(col, header.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_row(cur.row()))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("Compare", "Filter: sentences containing…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.min_delta = QSpinBox()
        self.min_delta.setRange(0, 10_000_000)
        self.min_delta.setPrefix(translate("Compare", "|Δ rank| ≥ "))
        self.min_delta.setToolTip(translate("Compare", "Only pairs whose two rankings differ by at least this many places"))
        self.min_delta.valueChanged.connect(lambda v: self.proxy.set_filter(min_delta=v))
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.min_delta)
        filters.addWidget(self.count)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)

        self.axes = QComboBox()
        for text, x, y in AXES:
            self.axes.addItem(translate("Compare", text), (x, y))
        self.axes.currentIndexChanged.connect(self._update_scatter)
        self.correlation = QLabel("–")
        self.correlation.setObjectName("correlation")
        self.scatter = EmbeddingScatter(point_size=5, x_label=translate("Compare", "bi-encoder cosine"),
                                        y_label=translate("Compare", "cross-encoder score"))
        self.scatter.point_clicked.connect(self._on_point)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.axes)
        rv.addWidget(self.correlation)
        rv.addWidget(self.scatter, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 400])

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        running.addWidget(self.message, 1)
        layout.addLayout(running)
        layout.addWidget(splitter, 1)
        return tab

    def _build_search_tab(self) -> QWidget:
        self.query = QLineEdit()
        self.query.setPlaceholderText(translate("Compare", "Type a query and press Enter…"))
        self.query.returnPressed.connect(self.search)
        self.search_k = QSpinBox()
        self.search_k.setRange(1, 100)
        self.search_k.setValue(10)
        self.search_k.setPrefix(translate("Compare", "top "))
        self.search_distinct = QCheckBox(translate("Compare", "Each text once"))
        self.search_distinct.setChecked(True)
        self.search_distinct.setToolTip(translate("Compare", "A sentence that occurs on several rows is one hit, with its "
                                                  "number of rows; untick to list every row"))
        self.search_button = QPushButton(translate("Compare", "Search"))
        self.search_button.clicked.connect(self.search)
        self.rerank = RerankPanel(self.state)
        self.rerank.sentence_activated.connect(lambda _i, text: self.find_similar(text))
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_k)
        row.addWidget(self.search_distinct)
        row.addWidget(self.search_button)
        hint = QLabel(translate("Compare", "Double-click a result (or right-click a pair) to find sentences similar to it."))
        hint.setStyleSheet("color: #666;")
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.rerank, 1)
        return tab

    def _update_enabled(self, *_args) -> None:
        mode = self.mode.currentData()
        self.top_k.setEnabled(mode == "top_k")
        self.distinct.setEnabled(mode != "dataset")  # a data set's pairs are given, not found
        has_cross = self.state.cross_encoder is not None
        self.use_cross.setEnabled(has_cross)
        self.use_cross.setToolTip("" if has_cross else translate(
            "Compare", "No cross-encoder is loaded: load one on the Model page to score the pairs with it"))
        self.use_cross.setToolTip("" if has_cross else translate("Compare", "Load a cross-encoder on the Model page to score pairs with it"))
        ready = (self.state.embeddings is not None if mode != "dataset"
                 else self.state.data is not None and self.state.data.kind == "pairs")
        running = self.state.jobs.current("pairs") is not None
        self.find_button.setEnabled(ready and not running)
        self.search_button.setEnabled(self.state.embeddings is not None)

    # -- pairs ---------------------------------------------------------------------------------
    def find_pairs(self) -> Job | None:
        from sbert_desktop.core.explore import compute_pairs

        mode = self.mode.currentData()
        emb, data = self.state.embeddings, self.state.data
        dataset = data.content if data is not None and data.kind == "pairs" else None
        cross = self.state.cross_encoder if self.use_cross.isChecked() else None
        kwargs = dict(bi_encoder=self.state.bi_encoder, cross_encoder=cross, dataset=dataset, top_k=self.top_k.value(),
                      max_pairs=self.max_pairs.value(), all_pairs_limit=self.all_pairs_limit,
                      cache=self.state.embedding_cache, distinct=self.distinct.isChecked())
        sentences = emb.sentences if emb is not None else []
        vectors = emb.vectors if emb is not None else None
        reads = ("embeddings", "data", "bi-encoder") + (("cross-encoder",) if cross is not None else ())
        job = self.state.jobs.start(translate("Compare", "Find pairs"), lambda progress, cancel: compute_pairs(
            mode, sentences, vectors, progress=progress, cancel=cancel, **kwargs), kind="pairs",
            inputs=self.state.inputs(*reads))  # replaces a running search for pairs
        self.job = job
        self.message.setStyleSheet("")
        self.message.setText(translate("Compare", "Finding pairs… then scoring them with the cross-encoder") if cross
                             else translate("Compare", "Finding pairs…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        job.progress.connect(self._on_progress)
        from sbert_desktop.gui.exploration_state import model_provenance

        # who scored them, for the export's manifest: the pair file's sentences are encoded by the loaded
        # bi-encoder; mined pairs come from the shared embeddings, whichever model made them
        made_by = (dict(emb.model) if mode != "dataset" and emb is not None and emb.model
                   else model_provenance(self.state.bi_encoder))
        models = {"model": made_by, "cross_encoder": model_provenance(cross) or None}
        job.succeeded.connect(lambda result: self.set_result(replace(result, models=models)))  # only for what is open now
        job.failed.connect(self._on_failed)
        job.cancelled.connect(lambda: self.message.setText(translate("Compare", "Cancelled; the previous pairs are kept.")))
        job.ended.connect(self._on_ended)
        self._update_enabled()
        return job

    def _on_progress(self, event) -> None:
        if event.total > 0:
            self.progress.setRange(0, event.total)
            self.progress.setValue(min(event.done, event.total))
        if event.stage:
            self.message.setText(f"{stage_text(event.stage).capitalize()}… {number(event.done)} / {number(event.total)}")

    def _on_failed(self, failure) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(translate("Compare", "Could not find pairs: {message}").format(message=failure_detail(failure)))
        if not failure.expected:
            from sbert_desktop.gui.errors import show_failure

            show_failure(self, failure, translate("Compare", "Could not compute the pairs"))

    def _on_ended(self, _status: str = "") -> None:
        if self.state.jobs.current("pairs") is None:  # no newer search for pairs runs
            self.progress.hide()
            self.cancel_button.hide()
        self._update_enabled()

    def _on_embeddings(self, _emb) -> None:
        """Other embeddings (data or model changed): the pairs found on the old ones leave the table, the
        scatter and the exports, whose manifest would name the new file and model."""
        if self.result is not None:
            self._drop_result(translate("Compare", "The sentences or the model changed: find pairs again."))
        self._update_enabled()

    def _on_cross_encoder(self, _model) -> None:
        """Another cross-encoder: pairs it did not score stay only when no cross-encoder scored them. The
        one a workspace's pairs were scored by, loaded as the workspace opens, keeps them."""
        restored, self.scored_by = self.scored_by, None
        if restored is not None and self.state.cross_spec == restored:
            self._update_enabled()
            return
        if self.result is not None and self.result.cross is not None:
            self._drop_result(translate("Compare", "The cross-encoder changed: find pairs again to score them with it."))
        self._update_enabled()

    def _drop_result(self, message: str) -> None:
        self.result = None
        self.model.set_result(None)
        self.proxy.refresh()
        self.message.setText(message)
        self._update_scatter()
        self._update_count()

    def set_result(self, result) -> None:
        self.result = result
        self.model.set_result(result)
        self.proxy.refresh()
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setColumnHidden(CROSS, result.cross is None)
        self.table.setColumnHidden(GOLD, result.gold is None)
        self.table.setColumnHidden(DELTA, result.reference is None)
        scored = translate("Compare", ", scored by the cross-encoder") if result.cross is not None else ""
        note = f" ({result.note})" if result.note else ""
        self.message.setText(translate("Compare", "{n} pairs").format(n=number(len(result))) + f"{note}{scored}.")
        available = {"bi": True, "cross": result.cross is not None, "gold": result.gold is not None}
        for i, (_t, x, y) in enumerate(AXES):
            self.axes.model().item(i).setEnabled(available[x] and available[y])
        usable = [i for i, (_t, x, y) in enumerate(AXES) if available[x] and available[y]]
        if usable and self.axes.currentIndex() not in usable:
            self.axes.setCurrentIndex(usable[0])
        self._update_scatter()
        self.pairs_ready.emit(result)

    def _values(self, name: str) -> np.ndarray | None:
        r = self.result
        return None if r is None else {"bi": r.bi, "cross": r.cross, "gold": r.gold}[name]

    def _update_scatter(self, *_args) -> None:
        from sbert_desktop.gui.explore_text import correlation_text

        x_name, y_name = self.axes.currentData()
        x, y = self._values(x_name), self._values(y_name)
        if x is None or y is None:
            self.scatter.set_points(np.zeros((0, 2)))
            self.correlation.setText(translate("Compare", "Load a cross-encoder, or open a pair data set with gold scores, to compare.")
                                     if self.result is not None else "–")
            return
        labels = self.result.gold.astype(np.int64) if self.result.gold_names is not None else None
        self.scatter.set_axis_labels(translate("Compare", AXIS_NAMES[x_name]), translate("Compare", AXIS_NAMES[y_name]))
        self.scatter.set_points(np.column_stack([x, y]), labels,
                                [" ⟷ ".join(self.result.text(i)) for i in range(len(x))])
        self.correlation.setText(correlation_text(x, y))

    def _update_count(self, *_args) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count.setText(translate("Compare", "{shown} of {total}").format(shown=number(shown), total=number(total)) if shown != total
                           else translate("Compare", "{n} pairs").format(n=number(total)))

    def _on_point(self, pair: int) -> None:
        row = self.proxy.row_of_pair(pair) if pair >= 0 else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.proxy.index(row, 0))

    def _on_row(self, row: int) -> None:
        pair = self.proxy.pair_at(row) if row >= 0 else -1
        if self.scatter.current != pair:
            self.scatter.set_current(pair)

    def selected_pair(self) -> int:
        index = self.table.currentIndex()
        return int(self.proxy.data(index, PAIR_ROLE)) if index.isValid() else -1

    def _table_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        a, b = self.result.text(int(self.proxy.data(index, PAIR_ROLE)))
        menu = QMenu(self)
        menu.addAction(translate("Compare", "Find sentences similar to A: {text}").format(text=a[:50]), lambda: self.find_similar(a))
        menu.addAction(translate("Compare", "Find sentences similar to B: {text}").format(text=b[:50]), lambda: self.find_similar(b))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- search --------------------------------------------------------------------------------
    def search(self) -> Job | None:
        text = self.query.text().strip()
        if not text:
            return None
        self.rerank.top_k, self.rerank.distinct = self.search_k.value(), self.search_distinct.isChecked()
        return self.rerank.run(text)

    def find_similar(self, sentence: str) -> Job | None:
        """Search with ``sentence`` as the query (its stored vector when it is in the corpus)."""
        self.tabs.setCurrentIndex(1)
        self.query.setText(sentence)
        self.rerank.top_k, self.rerank.distinct = self.search_k.value(), self.search_distinct.isChecked()
        emb = self.state.embeddings
        index = None
        if emb is not None:
            try:
                index = emb.sentences.index(sentence)
            except ValueError:
                index = None
        return self.rerank.run(sentence, query_index=index)

    # -- workspace -----------------------------------------------------------------------------
    def _form(self) -> dict:
        return {"mode": self.mode, "top_k": self.top_k, "max_pairs": self.max_pairs, "distinct": self.distinct,
                "use_cross": self.use_cross,
                "filter": self.filter, "min_delta": self.min_delta, "query": self.query, "search_k": self.search_k,
                "search_distinct": self.search_distinct, "tab": self.tabs}

    def workspace_state(self) -> dict:
        """The form as JSON (``gui.workspace_io`` saves it; the pairs themselves are saved apart)."""
        return {**form_state(self._form()), "axes": self.axes.currentIndex()}

    def restore_workspace_state(self, saved: dict) -> None:
        restore_form(self._form(), saved)
        axes = saved.get("axes")  # an axis pair the restored pairs cannot show stays unselected
        if isinstance(axes, int) and 0 <= axes < self.axes.count() and self.axes.model().item(axes).isEnabled():
            self.axes.setCurrentIndex(axes)

    # -- export --------------------------------------------------------------------------------
    def _build_exports(self) -> None:
        from sbert_desktop.gui.pages.compare_export import add_compare_exports

        add_compare_exports(self)


if __name__ == "__main__":
    from sbert_desktop.gui.pages.standalone import launch

    sys.exit(launch(ComparePage))
