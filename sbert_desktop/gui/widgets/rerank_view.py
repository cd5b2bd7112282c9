"""Retrieve and rerank, side by side: the bi-encoder's top-k (with its time) as soon as they are
found, then the cross-encoder's reranking of the candidates (with its time) and each sentence's
move up or down. Used by the Compare page's search and by the Map page for a clicked point's
nearest neighbours. Both steps are jobs; a new search discards the results of the previous one.
A text that occurs on several rows is one hit, marked with its number of rows (``distinct``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget,
)

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    for col in range(len(headers) - 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    return table


def _item(text: str, tooltip: str = "", right: bool = False, color: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tooltip:
        item.setToolTip(tooltip)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if color:
        item.setForeground(QColor(color))
    return item


class RerankPanel(QWidget):
    bi_ready = Signal(object)  # RerankResult with the bi-encoder ranking only
    finished = Signal(object)  # the final RerankResult (reranked when a cross-encoder is loaded)
    failed = Signal(str)
    sentence_activated = Signal(int, str)  # a hit was double-clicked: (corpus row, sentence)

    def __init__(self, state: AppState, parent: QWidget | None = None, top_k: int = 10, candidates: int = 32,
                 vertical: bool = False):
        super().__init__(parent)
        self.state = state
        self.top_k, self.candidates = top_k, candidates
        self.distinct = True  # each text once (its copies counted), not one hit per row
        self.job: Job | None = None
        self.result = None
        self._corpus_size = 0
        self.history: list = []  # final results on the current embeddings, for export
        state.embeddings_changed.connect(self._forget)
        state.cross_encoder_changed.connect(self._on_cross_encoder)
        self.query_label = QLabel()
        self.query_label.setWordWrap(True)
        self.query_label.setObjectName("rerankQuery")
        self.bi_label = QLabel(translate("RerankView", "Bi-encoder"))
        self.bi_label.setObjectName("biTiming")
        self.cross_label = QLabel(translate("RerankView", "Cross-encoder rerank"))
        self.cross_label.setObjectName("crossTiming")
        for label in (self.bi_label, self.cross_label):
            label.setWordWrap(True)
        self.bi_table = _table(["#", translate("RerankView", "Cosine"), translate("RerankView", "Sentence")])
        self.cross_table = _table(["#", translate("RerankView", "Score"), translate("RerankView", "Move"),
                                   translate("RerankView", "Sentence")])
        self.bi_table.cellDoubleClicked.connect(lambda r, _c: self._activate(self.bi_table, r))
        self.cross_table.cellDoubleClicked.connect(lambda r, _c: self._activate(self.cross_table, r))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query_label, 0, 0, 1, 2)
        if vertical:  # a narrow side panel: bi-encoder above, cross-encoder below
            for row, w in enumerate((self.bi_label, self.bi_table, self.cross_label, self.cross_table), start=1):
                layout.addWidget(w, row, 0, 1, 2)
            layout.setRowStretch(2, 1)
            layout.setRowStretch(4, 1)
        else:
            layout.addWidget(self.bi_label, 1, 0)
            layout.addWidget(self.cross_label, 1, 1)
            layout.addWidget(self.bi_table, 2, 0)
            layout.addWidget(self.cross_table, 2, 1)
            layout.setRowStretch(2, 1)

    # -- running -------------------------------------------------------------------------------
    def run(self, query: str, query_index: int | None = None) -> Job | None:
        """Search ``query`` (or the corpus sentence ``query_index``) and rerank; returns the first job."""
        from sbert_desktop.core.explore import search

        self.state.jobs.cancel_kind(self._kind("rerank"))  # a rerank of the previous query is not wanted
        emb = self.state.embeddings
        self.clear()
        shown = query if len(query) <= 200 else query[:199] + "…"
        head = translate("RerankView", "Neighbours of") if query_index is not None else translate("RerankView", "Query")
        self.query_label.setText(f"<b>{head}:</b> {_escape(shown)}")
        if emb is None:
            self.failed.emit(translate("RerankView", "Encode the sentences first."))
            self.bi_label.setText(translate("RerankView", "Encode the sentences first."))
            return None
        sentences, vectors, bi = emb.sentences, emb.vectors, self.state.bi_encoder
        self._corpus_size = len(sentences)
        candidates, distinct, made_by = max(self.top_k, self.candidates), self.distinct, emb.fingerprint
        job = self.state.jobs.start(
            translate("RerankView", "Search"), lambda progress, cancel: search(query, sentences, vectors, bi, query_index=query_index,
                                                      candidates=candidates, distinct=distinct,
                                                      corpus_fingerprint=made_by, progress=progress, cancel=cancel),
            kind=self._kind("search"), inputs=self.state.inputs("embeddings", "bi-encoder"))  # replaces the last search
        self.job = job
        self.bi_label.setText(translate("RerankView", "Bi-encoder: searching…"))
        job.succeeded.connect(self._on_bi)  # only for the current embeddings and model (gui/jobs.py)
        job.failed.connect(lambda f: self._on_failed(f.message))
        return job

    def _kind(self, what: str) -> str:
        """This panel's own task kinds (the Compare and Map panels do not replace each other's)."""
        return f"{what}:{id(self):x}"

    def _on_bi(self, result) -> None:
        self.result = result
        t = result.timings
        total = t.get("encode", 0.0) + t.get("search", 0.0)
        detail = (translate("RerankView", "encode {encode} · search {search}").format(
                      encode=_ms(t.get('encode', 0.0)), search=_ms(t.get('search', 0.0))) if t.get("encode")
                  else translate("RerankView", "search {search}").format(search=_ms(t.get('search', 0.0))))
        self.bi_label.setText(translate("RerankView", "<b>Bi-encoder</b>: top {k} of {n} in {time} ({detail})").format(
            k=min(self.top_k, len(result.bi_ranking)), n=number(self._corpus_size), time=_ms(total), detail=detail))
        self._fill_bi(result)
        self.bi_ready.emit(result)
        cross = self.state.cross_encoder
        if cross is None:
            self.cross_label.setText(translate("RerankView", "Cross-encoder: load one on the Model page to rerank these."))
            self._finish(result)
            return
        from sbert_desktop.core.explore import rerank

        self.cross_label.setText(translate("RerankView", "Cross-encoder: rescoring {n} candidates…").format(n=len(result.bi_ranking)))
        job2 = self.state.jobs.start(translate("RerankView", "Rerank"), lambda progress, cancel: rerank(result, cross, progress, cancel),
                                     kind=self._kind("rerank"), inputs=self.state.inputs("embeddings", "cross-encoder"))
        self.job = job2
        job2.succeeded.connect(self._on_cross)
        job2.failed.connect(lambda f: self._on_failed(f.message))

    def _quality_note(self, result) -> str:
        """The quality rule where the cross-encoder reranks (docs/GUI.md): its dev figure when it
        is weak, and a warning when its scores barely separate the candidates."""
        from sbert_desktop.core.quality import score_spread_cue
        from sbert_desktop.gui.state import model_quality

        notes = []
        cue = model_quality(self.state.cross_encoder, self.state.cross_spec)
        if cue is not None and cue.warning:
            from sbert_desktop.gui.quality_text import cue_text

            notes.append(cue_text(cue))
        spread = score_spread_cue([h.cross_score for h in result.cross_ranking])
        if spread:
            notes.append(spread)
        return "".join(f"<br><span style='color:#b00020'>{_escape(n)}</span>" for n in notes)

    def _on_cross(self, result) -> None:
        self.cross_label.setText(translate("RerankView", "<b>Cross-encoder</b>: reranked {n} candidates in {time}").format(
            n=result.candidates, time=_ms(result.timings.get('rerank', 0.0))) + self._quality_note(result))
        self._fill_bi(result)
        self._fill_cross(result)
        self._finish(result)

    def _finish(self, result) -> None:
        from sbert_desktop.core.similarity import RerankResult

        final = RerankResult(result.query, result.bi_ranking[: self.top_k], result.cross_ranking[: self.top_k],
                             result.timings, result.candidates)
        self.result = final
        self.history.append(final)
        self.finished.emit(final)

    def _on_failed(self, message: str) -> None:
        self.bi_label.setText(translate("RerankView", "Search failed: {message}").format(message=message))
        self.failed.emit(message)

    def _on_cross_encoder(self, _model) -> None:
        """Another cross-encoder: hits it did not rerank leave (those only the bi-encoder ranked stay)."""
        if any(r.cross_ranking for r in self.history):
            self._forget()

    def _forget(self, _embeddings=None) -> None:
        """New embeddings (other data, another model): earlier hits' rows point into the old ones, so
        they leave the tables and the export."""
        self.history.clear()
        self.result = None
        self.query_label.clear()
        self.clear()

    # -- showing -------------------------------------------------------------------------------
    def clear(self) -> None:
        self.bi_table.setRowCount(0)
        self.cross_table.setRowCount(0)
        self.bi_label.setText(translate("RerankView", "Bi-encoder"))
        self.cross_label.setText(translate("RerankView", "Cross-encoder rerank"))

    def _fill_bi(self, result) -> None:
        hits = result.bi_ranking[: self.top_k]
        self.bi_table.setRowCount(len(hits))
        for row, h in enumerate(hits):
            self.bi_table.setItem(row, 0, _item(str(h.bi_rank + 1), right=True))
            self.bi_table.setItem(row, 1, _item(f"{h.bi_score:.3f}", right=True))
            self.bi_table.setItem(row, 2, _sentence_item(h))

    def _fill_cross(self, result) -> None:
        hits = result.cross_ranking[: self.top_k]
        self.cross_table.setRowCount(len(hits))
        for row, h in enumerate(hits):
            move = h.move
            text, color = (f"▲ {move}", "#1a7f37") if move > 0 else (f"▼ {-move}", "#b00020") if move < 0 else ("=", "#666")
            self.cross_table.setItem(row, 0, _item(str(h.cross_rank + 1), right=True))
            self.cross_table.setItem(row, 1, _item(f"{h.cross_score:.3f}", right=True))
            self.cross_table.setItem(row, 2, _item(text, translate("RerankView", "bi-encoder rank {bi} → cross-encoder rank {cross}").format(
                bi=h.bi_rank + 1, cross=h.cross_rank + 1), color=color))
            self.cross_table.setItem(row, 3, _sentence_item(h))

    def _activate(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, table.columnCount() - 1)
        if item is not None:
            self.sentence_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)), item.data(SENTENCE_ROLE))


SENTENCE_ROLE = Qt.ItemDataRole.UserRole + 1


def _sentence_item(hit) -> QTableWidgetItem:
    """A hit's sentence, with "(×5)" after it when five rows hold the text; the row and the bare
    sentence ride along for a double-click."""
    text, tip = hit.sentence, hit.sentence
    if hit.copies > 1:
        text = f"{hit.sentence}  (×{number(hit.copies)})"
        tip = translate("RerankView", "{n} rows hold this text; shown: row {row}.").format(
            n=number(hit.copies), row=number(hit.index + 1)) + "\n" + hit.sentence
    item = _item(text, tip)
    item.setData(Qt.ItemDataRole.UserRole, hit.index)
    item.setData(SENTENCE_ROLE, hit.sentence)
    return item


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
