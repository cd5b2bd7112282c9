"""Clusters page: HDBSCAN (or, to compare, k-means and agglomerative) on the embeddings, with an
optional UMAP/PCA reduction first; the noise share (and an option to give noise points to their
nearest cluster); a cluster list with size, keyword label (c-TF-IDF, Korean-aware, editable stop
words), silhouette and the most central sentences; clusters renamed by hand. The Map page colours
its points by these clusters (they are shared through :class:`ExplorationState`).
"""

from __future__ import annotations

import sys


import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QListWidget, QPlainTextEdit, QProgressBar, QPushButton, QSpinBox, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.core_text import stage_text
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.exploration_state import ClusterView, ExplorationState, data_matches, exploration_for
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState
from sbert_desktop.gui.widgets.layout import column, page_with_panes
from sbert_desktop.gui.widgets.embedding_scatter import label_color
from sbert_desktop.gui.widgets.embeddings_bar import EmbeddingsBar
from sbert_desktop.gui.widgets.export_menu import ExportButton
from sbert_desktop.gui.widgets.form_state import form_state, restore_form
from sbert_desktop.gui.widgets.table import ColumnsTableModel, configure_big_table
from sbert_desktop.gui.widgets.topic_levels import TopicLevels

METHODS = [("HDBSCAN", "hdbscan", QT_TRANSLATE_NOOP("Clusters", "Finds the number of clusters itself and marks outliers as noise")),
           ("k-means", "kmeans", QT_TRANSLATE_NOOP("Clusters", "For comparison: exactly k clusters, no noise")),
           (QT_TRANSLATE_NOOP("Clusters", "Agglomerative (Ward)"), "agglomerative",
            QT_TRANSLATE_NOOP("Clusters", "For comparison: exactly k clusters, no noise (up to 20,000 points)"))]
REDUCTIONS = [(QT_TRANSLATE_NOOP("Clusters", "Auto"), "auto"), (QT_TRANSLATE_NOOP("Clusters", "None"), None), ("UMAP", "umap"),
              (QT_TRANSLATE_NOOP("Clusters", "UMAP on the neighbour index"), "umap-knn"), ("PCA", "pca")]


def effective_reduction(choice: str | None, method: str, n: int) -> str | None:
    """"Auto": the core's rule (:func:`core.clustering.choose_reduction`), so the window and
    ``sbert-desktop cluster`` cluster the same sentences the same way: HDBSCAN reduces with UMAP from
    200 sentences, on the approximate neighbour index's graph above 10,000; k-means and
    agglomerative cluster the vectors themselves."""
    from sbert_desktop.core.clustering import choose_reduction

    return choose_reduction(method, n, choice)


NAME_COL, SIZE_COL = 1, 2


def _swatch(label: int) -> QPixmap:
    pix = QPixmap(12, 12)
    pix.fill(label_color(label))
    return pix


class ClustersPage(QWidget):
    title = "Clusters"
    clustered = Signal(object)  # ClusterView

    def __init__(self, state: AppState, parent: QWidget | None = None, exploration: ExplorationState | None = None):
        super().__init__(parent)
        self.state = state
        self.exploration = exploration or exploration_for(state)
        self.job: Job | None = None
        self.label_job: Job | None = None
        self._filling = False

        self.bar = EmbeddingsBar(state)
        self.export_status = QLabel()
        self.export_button = ExportButton(state.jobs, self.export_status)
        top = QHBoxLayout()
        top.addWidget(self.bar, 1)
        top.addWidget(self.export_button)

        self.method = QComboBox()
        for i, (text, value, tip) in enumerate(METHODS):
            self.method.addItem(translate("Clusters", text), value)
            self.method.setItemData(i, translate("Clusters", tip), Qt.ItemDataRole.ToolTipRole)
        self.method.currentIndexChanged.connect(self._update_enabled)
        self.min_cluster_size = QSpinBox()
        self.min_cluster_size.setRange(2, 100_000)
        self.min_cluster_size.setValue(10)
        self.min_samples = QSpinBox()
        self.min_samples.setRange(0, 100_000)
        self.min_samples.setSpecialValueText(translate("Clusters", "same as min size"))
        self.min_samples.setToolTip(translate("Clusters", "HDBSCAN's min_samples: larger values call more points noise"))
        self.topic_count = QSpinBox()  # cut HDBSCAN's merge tree at this many clusters (0: the best silhouette)
        self.topic_count.setRange(0, 10_000)
        self.topic_count.setSpecialValueText(translate("Clusters", "automatic"))
        self.topic_count.setToolTip(translate(
            "Clusters", "Automatic: HDBSCAN's clusters merged to the level of best silhouette, or to a several "
            "times broader level where the sentences' neighbour graph splits best, read as a number is. A number: "
            "that many topics by k-means on each sentence's vector averaged with its neighbours', from the same tree "
            "cut there and from 10 other starts, the one that splits the neighbour graph best kept"))
        self.metric_box = QComboBox()
        self.metric_box.addItems(["cosine", "euclidean"])
        self.n_clusters = QSpinBox()
        self.n_clusters.setRange(1, 1000)
        self.n_clusters.setValue(8)
        self.reduce = QComboBox()
        for text, value in REDUCTIONS:
            self.reduce.addItem(translate("Clusters", text), value)
        self.reduce.setToolTip(translate("Clusters", "Auto: UMAP to a few dimensions before HDBSCAN from 200 sentences (above 10,000 "
                               "on the neighbour index's graph); "
                               "none for k-means and agglomerative"))
        self.reduce_dim = QSpinBox()
        self.reduce_dim.setRange(2, 100)
        self.reduce_dim.setValue(5)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(42)
        self.assign_noise = QCheckBox(translate("Clusters", "Assign noise points to the nearest cluster"))
        self.assign_noise.setChecked(True)  # the CLI's default too (--noise knn): no 10-30% left as noise unless asked
        self.run_button = QPushButton(translate("Clusters", "Cluster", "button: run the clustering"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        for box in (self.min_cluster_size, self.min_samples, self.topic_count, self.n_clusters, self.reduce_dim, self.seed):
            # Enter in a number runs the clustering, as the default button of a dialog would
            box.lineEdit().returnPressed.connect(lambda: self.run_button.isEnabled() and self.run())
        self.cancel_button = QPushButton(translate("Clusters", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        form_box = QGroupBox(translate("Clusters", "Clustering"))
        form = QFormLayout(form_box)
        form.addRow(translate("Clusters", "Method"), self.method)
        form.addRow(translate("Clusters", "Min cluster size"), self.min_cluster_size)
        form.addRow(translate("Clusters", "Min samples"), self.min_samples)
        form.addRow(translate("Clusters", "Topics"), self.topic_count)
        form.addRow(translate("Clusters", "Clusters (k)"), self.n_clusters)
        form.addRow(translate("Clusters", "Metric"), self.metric_box)
        form.addRow(translate("Clusters", "Reduce first"), self.reduce)
        form.addRow(translate("Clusters", "Reduced dimensions"), self.reduce_dim)
        form.addRow(translate("Clusters", "Seed"), self.seed)
        form.addRow(self.assign_noise)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        form.addRow(self.progress)

        self.default_stop_words = QCheckBox(translate("Clusters", "Built-in English and Korean stop words"))
        self.default_stop_words.setChecked(True)
        self.stop_words = QPlainTextEdit()
        self.stop_words.setTabChangesFocus(True)  # Tab moves on (it typed tab characters into the list)
        self.stop_words.setPlaceholderText(translate("Clusters", "More stop words, separated by spaces or commas"))
        self.stop_words.setMaximumHeight(70)
        self.relabel_button = QPushButton(translate("Clusters", "Update labels"))
        self.relabel_button.clicked.connect(self.relabel)
        labels_box = QGroupBox(translate("Clusters", "Keyword labels (class-based TF-IDF)"))
        lv = QVBoxLayout(labels_box)
        from sbert_desktop.core.korean_morph import analyser, analyser_description

        self.korean_analyser = QLabel(korean_words_text(analyser(), analyser_description()))  # Kiwi nouns or the particle heuristic
        self.korean_analyser.setWordWrap(True)
        self.korean_analyser.setProperty("analyser", analyser())
        lv.addWidget(self.korean_analyser)
        lv.addWidget(self.default_stop_words)
        lv.addWidget(self.stop_words)
        lv.addWidget(self.relabel_button)
        left = QWidget()
        left.setMaximumWidth(300)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(form_box)
        left_layout.addWidget(labels_box)
        left_layout.addStretch(1)

        self.summary = QLabel(translate("Clusters", "No clusters yet."))
        self.summary.setObjectName("clusterSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([translate("Clusters", "Cluster"), translate("Clusters", "Name"), translate("Clusters", "Size"), translate("Clusters", "Share"), translate("Clusters", "Silhouette")])
        self.table.horizontalHeaderItem(NAME_COL).setToolTip(translate("Clusters", "Keywords (c-TF-IDF) unless renamed; double-click to rename"))
        self.table.horizontalHeaderItem(4).setToolTip(translate("Clusters", "Mean cosine silhouette of the cluster's sentences (-1 … 1)"))
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COL, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_cluster(row))
        self.broader = TopicLevels()  # the topic scan: a curve to click, "Try N topics" at its peaks
        self.broader.chosen.connect(self._try_topics)
        self._scan: tuple[tuple, dict] | None = None  # (what the scan depends on, its params) of the last default run
        middle = column(self.summary, self.broader, (self.table, 1))

        self.detail_title = QLabel(translate("Clusters", "Select a cluster"))
        self.detail_title.setWordWrap(True)
        self.central = QListWidget()
        self.central.setWordWrap(True)
        self.central.setAlternatingRowColors(True)
        self.central.setSpacing(2)
        self.central.setObjectName("centralSentences")
        self.members_model = ColumnsTableModel()
        self.members = QTableView()
        self.members.setModel(self.members_model)
        configure_big_table(self.members)
        right = column(self.detail_title, QLabel(translate("Clusters", "Most central sentences")), (self.central, 2),
                       QLabel(translate("Clusters", "All sentences of the cluster")), (self.members, 3))
        page_with_panes(self, top, [left, middle, right], [290, 660, 330], self.export_status)

        from sbert_desktop.gui.pages.clusters_export import add_cluster_exports

        add_cluster_exports(self)
        self.exploration.clusters_changed.connect(self._show)
        # after the event loop turns: a rename comes from the table's own editor, and rebuilding the
        # table while that editor commits made Qt warn ("commitData called with an editor that does
        # not belong to this view")
        self.exploration.names_changed.connect(
            lambda: QTimer.singleShot(0, lambda: self._show(self.exploration.clusters)))
        state.embeddings_changed.connect(lambda _e: self._update_enabled())
        self._update_enabled()

    # -- running -------------------------------------------------------------------------------
    def _update_enabled(self, *_args) -> None:
        hdb = self.method.currentData() == "hdbscan"
        for w in (self.min_cluster_size, self.min_samples, self.topic_count, self.assign_noise):
            w.setEnabled(hdb)
        self.n_clusters.setEnabled(not hdb)
        running = self.state.jobs.current("cluster") is not None
        self.run_button.setEnabled(self.state.embeddings is not None and not running)
        self.relabel_button.setEnabled(self.exploration.clusters is not None)

    def params(self) -> dict:
        n = len(self.state.embeddings.sentences) if self.state.embeddings is not None else 0
        return {"method": self.method.currentData(), "min_cluster_size": self.min_cluster_size.value(),
                "min_samples": self.min_samples.value() or None, "metric": self.metric_box.currentText(),
                "n_clusters": self.n_clusters.value(),
                "reduce": effective_reduction(self.reduce.currentData(), self.method.currentData(), n),
                "reduce_dim": self.reduce_dim.value(), "seed": self.seed.value(),
                "assign_noise": self.assign_noise.isChecked() and self.method.currentData() == "hdbscan",
                "topics": self.topic_count.value() if self.method.currentData() == "hdbscan" else 0}

    def stop_word_set(self) -> set[str]:
        from sbert_desktop.core.explore import stop_word_set

        return stop_word_set(self.default_stop_words.isChecked(), self.stop_words.toPlainText())

    def cancel(self) -> None:
        job = self.state.jobs.current("cluster")
        if job is not None:
            job.cancel()

    def run(self) -> Job | None:
        """Cluster the embeddings in a child process (Cancel, or new embeddings, kill it at once)."""
        from sbert_desktop.core.explore import describe_clusters_in_child

        emb = self.state.embeddings
        if emb is None:
            return None
        params, stop = self.params(), self.stop_word_set()
        vectors, sentences = emb.vectors, emb.sentences
        job = self.state.jobs.start(translate("Clusters", "Cluster", "button: run the clustering"), lambda progress, cancel: describe_clusters_in_child(
            vectors, sentences, params, stop, progress=progress, cancel=cancel), kind="cluster",
            inputs=self.state.inputs("embeddings"))  # replaces a running clustering
        self.job = job
        self.summary.setText(translate("Clusters", "Clustering {n} sentences ({method})…").format(
            n=number(len(sentences)), method=params['method']))
        self.progress.show()
        self.cancel_button.show()
        job.progress.connect(lambda p: self.summary.setText(translate("Clusters", "Clustering: {stage}…").format(stage=stage_text(p.stage))))
        job.succeeded.connect(self._on_done)  # only for the current embeddings (gui/jobs.py)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(lambda: self.summary.setText(translate("Clusters", "Clustering cancelled; the previous result is kept.")))
        job.ended.connect(self._on_ended)
        self._update_enabled()
        return job

    def _on_done(self, report) -> None:
        from sbert_desktop.core.cluster_names import carry_names

        view = ClusterView.from_report(report)
        old = self.exploration.clusters
        carried = None
        if old is not None and old.names:  # names given by hand follow clusters with the same members
            carried = carry_names(old.labels, old.names, view.labels)
            view.names.update(carried.names)
        if self.exploration.set_clusters(view):
            if carried is not None and carried.summary():
                self.summary.setText(f"{self.summary.text()}<br><span style='color:#555'>"
                                     + translate("Clusters", "Names: {summary}").format(summary=_escape(carried.summary()))
                                     + "</span>")
            self.clustered.emit(view)

    def _on_failed(self, failure) -> None:
        self.summary.setText(translate("Clusters", "Clustering failed: {message}").format(message=failure.message))
        if not failure.expected:
            from sbert_desktop.gui.errors import show_failure

            show_failure(self, failure, translate("Clusters", "Clustering failed"))

    def _on_ended(self, _status: str = "") -> None:
        if self.state.jobs.current("cluster") is None:  # no newer clustering runs
            self.progress.hide()
            self.cancel_button.hide()
        self._update_enabled()

    def relabel(self) -> Job | None:
        """Recompute the keyword labels with the current stop words (hand-given names are kept)."""
        from sbert_desktop.core.explore import cluster_keywords

        view, emb = self.exploration.clusters, self.state.embeddings
        if view is None or emb is None:
            return None
        stop, labels, sentences = self.stop_word_set(), view.labels, emb.sentences
        job = self.state.jobs.start(translate("Clusters", "Cluster labels"), lambda p, c: cluster_keywords(sentences, labels, stop),
                                    kind="cluster-labels", inputs=self.state.inputs("embeddings"))
        job.succeeded.connect(lambda words: self.exploration.set_keywords(words)
                              if self.exploration.clusters is view else None)  # not re-clustered meanwhile
        self.label_job = job  # hold it: JobRunner may forget a finished job before its result arrives
        return job

    # -- workspace -----------------------------------------------------------------------------
    def _form(self) -> dict:
        return {"method": self.method, "min_cluster_size": self.min_cluster_size, "min_samples": self.min_samples,
                "topics": self.topic_count, "metric": self.metric_box, "n_clusters": self.n_clusters, "reduce": self.reduce,
                "reduce_dim": self.reduce_dim, "seed": self.seed, "assign_noise": self.assign_noise,
                "default_stop_words": self.default_stop_words, "stop_words": self.stop_words}

    def workspace_state(self) -> dict:
        """The form as JSON (the clusters and their names are saved by ``gui.workspace_io``)."""
        return form_state(self._form())

    def restore_workspace_state(self, saved: dict) -> None:
        restore_form(self._form(), saved)
        self._update_enabled()

    # -- showing -------------------------------------------------------------------------------
    def _show_broader(self, params: dict | None, shown: int = 0) -> None:
        """The topic scan of the default run (core/cluster_merge.scan_levels) under the summary; kept
        while the user tries numbers of topics on the same embeddings and HDBSCAN settings, so another
        level is one more click (the scan itself runs only on the default path)."""
        if not params:
            self.broader.show_scan(None, None, 0)
            return
        key = (self.state.versions["embeddings"],) + tuple(params.get(name) for name in (
            "method", "metric", "reduce", "reduce_dim", "seed", "min_cluster_size", "min_samples", "merge"))
        if params.get("topic_scan"):
            self._scan = (key, params)
        elif not (params.get("topics") and self._scan is not None and self._scan[0] == key):
            self._scan = None
        scan = self._scan[1] if self._scan is not None else {}
        merged = scan.get("merged") or {}
        graph = scan.get("topic_modularity")  # results saved before Dec 3 afternoon have the silhouette only
        self.broader.show_scan(graph or scan.get("topic_scan"), scan.get("suggested_topics"), shown,
                               "modularity" if graph else "silhouette", scan.get("broader_topics") or 0,
                               merged.get("clusters_before", 0))

    def _try_topics(self, topics: int) -> None:
        self.method.setCurrentIndex(self.method.findData("hdbscan"))
        self.topic_count.setValue(topics)
        self.run()

    def _show(self, view: ClusterView | None) -> None:
        self._update_enabled()
        current = self.current_cluster()
        self._filling = True
        self.table.setRowCount(0)
        if view is None:
            self.summary.setText(translate("Clusters", "No clusters yet.") if self.state.embeddings is not None
                                 else translate("Clusters", "Encode the sentences, then cluster them."))
            self._filling = False
            self._show_broader(None)
            self._show_cluster(-1)
            return
        r = view.result
        n = len(r.labels)
        noise_n = int(np.sum(r.labels < 0))  # after any assignment of noise points
        was = int(np.sum(r.was_noise)) if r.was_noise is not None else 0
        noise = (translate("Clusters", "noise {share} ({count} of {n} sentences)").format(
                     share=f"{noise_n / max(n, 1):.1%}", count=number(noise_n), n=number(n)) if r.params["method"] == "hdbscan"
                 else translate("Clusters", "no noise (every point is in a cluster)"))
        if r.params.get("assign_noise") and was and r.n_clusters:
            noise = translate("Clusters", "{count} noise points ({share}) assigned to their nearest cluster").format(
                count=number(was), share=f"{was / n:.1%}")
        elif r.params["method"] == "hdbscan" and not r.n_clusters:  # nothing to assign the noise to
            noise = translate("Clusters", "HDBSCAN found no group of {size} or more close sentences among {n}: "
                              "lower Min cluster size, or use k-means").format(
                size=number(r.params["min_cluster_size"]), n=number(n))
        sil = "–" if r.silhouette is None else number(r.silhouette, 3)
        method = r.params['method'] + (translate("Clusters", " on {reduction}").format(reduction=r.params['reduce_used'].upper())
                                       if r.params.get('reduce_used') else '')
        merged = r.params.get("merged") or {}
        if merged.get("clusters_after", 0) < merged.get("clusters_before", 0):
            method += translate("Clusters", ", merged from {count} HDBSCAN clusters").format(
                count=number(merged["clusters_before"]))
            if merged.get("chosen_by") == "modularity":
                method += translate("Clusters", " (the level where the neighbour graph splits best)")
            if "refine_moved" in merged and merged.get("start", "tree") == "tree":  # k-means from the tree's cut
                method += translate("Clusters", ", then {share} of the sentences moved to a nearer topic").format(
                    share=f"{merged['refine_moved']:.1%}")
            elif "refine_moved" in merged:  # a k-means++ start split the neighbour graph better than the cut
                method += translate("Clusters", ", then k-means from a start that splits the neighbour graph better: "
                                    "{share} of the sentences in another topic than the tree's cut").format(
                    share=f"{merged['refine_moved']:.1%}")
        self.summary.setText(translate("Clusters", "<b>{n} clusters</b> · {noise} · silhouette {silhouette} · {method} · {seconds} s").format(
            n=r.n_clusters, noise=noise, silhouette=sil, method=method, seconds=number(view.seconds, 1)))
        self._show_broader(r.params, r.n_clusters)
        rows = sorted(r.sizes) + ([-1] if noise_n else [])
        self.table.setRowCount(len(rows))
        for row, c in enumerate(rows):
            size = r.sizes.get(c, noise_n)
            sil_c = view.silhouettes.get(c)
            cells = [str(c) if c >= 0 else translate("Clusters", "noise"), view.name(c), number(size), f"{size / max(n, 1):.1%}",
                     "–" if sil_c is None else number(sil_c, 3)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c)
                if col != NAME_COL or c < 0:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 0:
                    item.setIcon(_swatch(c))
                if col == NAME_COL:
                    words = " · ".join(view.keywords.get(c, [])) or translate("Clusters", "(none)")
                    item.setToolTip((translate("Clusters", "renamed by hand; keywords: {words}") if c in view.names else
                                     translate("Clusters", "keywords: {words} (double-click to rename)")).format(words=words))
                    if c in view.names:
                        item.setForeground(QColor("#0b4f8a"))
                self.table.setItem(row, col, item)
        self._filling = False
        target = current if current in rows else (rows[0] if rows else None)
        if target is not None:
            self.table.selectRow(rows.index(target))
            self._show_cluster(rows.index(target))

    def current_cluster(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_cluster(self, row: int) -> None:
        view, emb = self.exploration.clusters, self.state.embeddings
        item = self.table.item(row, 0) if row >= 0 else None
        self.central.clear()
        if view is None or emb is None or item is None:
            self.detail_title.setText(translate("Clusters", "Select a cluster"))
            self.members_model.clear()
            return
        c = int(item.data(Qt.ItemDataRole.UserRole))
        words = " · ".join(view.keywords.get(c, [])) or translate("Clusters", "(none)")
        title = translate("Clusters", "Noise") if c < 0 else translate("Clusters", "Cluster {n}").format(n=c)
        self.detail_title.setText(f"<b>{title}</b>: {view.name(c)}<br><span style='color:#555'>"
                                  + translate("Clusters", "keywords: {words}").format(words=words)
                                  + f"</span>{self._classes_of(c)}")
        for i in view.result.representatives.get(c, []):
            self.central.addItem(emb.sentences[i])
        members = np.flatnonzero(view.labels == c)
        lines = self.exploration.source_lines()  # the file's line of each, as the Data page numbers them
        self.members_model.set_columns({translate("Clusters", "sentence"): [emb.sentences[i] for i in members]},
                                       [lines[i] for i in members] if lines is not None else (members + 1).tolist())

    def _classes_of(self, c: int) -> str:
        """Topics per class: how the cluster's sentences spread over each label column of the
        file (e.g. ``topic``), largest first."""
        from collections import Counter

        data, emb, view = self.state.data, self.state.embeddings, self.exploration.clusters
        columns = (data.info.get("label_columns") or {}) if emb is not None and data_matches(data, emb.sentences) else {}
        lines = []
        for name, values in columns.items():
            if emb is None or view is None or len(values) != len(emb.sentences):
                continue
            members = np.flatnonzero(view.labels == c)
            counts = Counter(values[i] for i in members).most_common(6)
            shown = " · ".join(f"{_escape(str(v))} {n:,}" for v, n in counts)
            lines.append(f"<br><span style='color:#333'>{_escape(name)}: {shown}</span>")
        return "".join(lines)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NAME_COL:
            return
        self.rename(int(item.data(Qt.ItemDataRole.UserRole)), item.text())

    def rename(self, label: int, name: str) -> None:
        """Give cluster ``label`` a name (empty: back to its keywords); the Map page follows."""
        self.exploration.rename(label, name)


def korean_words_text(which: str, english: str) -> str:
    """The line saying which Korean analyser labels clusters (core/korean_morph.py), translated."""
    if which == "kiwi":
        version = english.split("Kiwi", 1)[1].split("(")[0].strip() if "Kiwi" in english else ""
        return translate("Clusters", "Korean words: Kiwi {version} (nouns)").format(version=version).replace("  ", " ")
    return translate("Clusters", "Korean words: particle heuristic (install kiwipiepy for morphological analysis)")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


if __name__ == "__main__":
    from sbert_desktop.gui.pages.standalone import launch

    sys.exit(launch(ClustersPage))
