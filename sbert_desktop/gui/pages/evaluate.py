"""Evaluate page: the Sentence-BERT paper's comparisons on the loaded models and a labelled pair set.

Pooling ablation (every pooling mode on one transformer pass: table and bar chart), bi- against
cross-encoder (accuracy, measured sentences/s and pairs/s, the cost of comparing all pairs of n
sentences both ways) and retrieve-then-rerank (recall@1/10, MRR@10, nDCG@10 against time per
query, plotted). The work is ``core.evaluation_suite.run_evaluation`` on a background task — the
same dict ``sbert-desktop evaluate --pooling all --cost --retrieval --json`` prints. Every finished
run is kept; "Compare with" draws an earlier one beside the current (a fine-tuned model against
its starting point), and the Runs tab lists their headline figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from sbert_desktop.gui.core_text import failure_detail, stage_text
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.pages.evaluate_text import cell_text, header_text
from sbert_desktop.core import evaluation_tables as T
from sbert_desktop.gui.state import AppState
from sbert_desktop.gui.widgets.evaluate_charts import AccuracyTimePlot, PoolingBars
from sbert_desktop.gui.widgets.export_menu import ExportButton, write_plot_manifest
from sbert_desktop.gui.widgets.file_field import FileField

TABLE_CHOICES = [("pooling", QT_TRANSLATE_NOOP("Evaluate", "Pooling table")), ("cost", QT_TRANSLATE_NOOP("Evaluate", "Bi vs cross (accuracy, speed, cost)")),
                 ("retrieval", QT_TRANSLATE_NOOP("Evaluate", "Retrieve then rerank"))]


def _load_task(path: str, bi, ce, bi_source: str | None, tables, rerank_k, progress, cancel) -> dict[str, Any]:
    """Worker thread: read the pair set, find the NLI head beside the bi-encoder, run the tables."""
    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.evaluation_suite import run_evaluation

    data = read_pairs(path)
    head = None
    if data.task == "nli" and bi_source and Path(bi_source).is_dir():
        from sbert_desktop.core.training.predict import load_nli_head

        try:
            head = load_nli_head(bi_source, device=bi.device)
        except SbertDesktopError:
            head = None
    return run_evaluation(bi, data, ce=ce, head=head, tables=tables, rerank_k=rerank_k, progress=progress,
                          cancel=cancel)


def fill_table(view: QTableWidget, table: T.Table) -> None:
    headers, rows = table
    view.clear()
    view.setColumnCount(len(headers))
    view.setRowCount(len(rows))
    view.setHorizontalHeaderLabels([header_text(h) for h in headers])
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            text = "–" if value is None else (number(value, 2) if isinstance(value, float) else
                                              number(value) if isinstance(value, int) else cell_text(str(value)))
            item = QTableWidgetItem(text)
            if isinstance(value, (int, float)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            view.setItem(i, j, item)
    view.resizeColumnsToContents()


def _table_view(name: str) -> QTableWidget:
    view = QTableWidget()
    view.setObjectName(name)
    view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    return view


class EvaluatePage(QWidget):
    title = "Evaluate"
    run_finished = Signal(object)  # the result dict

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.job = None
        self.runs: list[dict[str, Any]] = []  # {"name", "result"}, oldest first

        self.data_file = FileField(translate("Evaluate", "A labelled pair set: STS (scores) or NLI (labels), any format "
                                             "the Data page reads"))
        self.models = QLabel()
        self.models.setObjectName("evaluateModels")
        self.models.setWordWrap(True)
        self.checks: dict[str, QCheckBox] = {}
        checks = QHBoxLayout()
        for key, text in TABLE_CHOICES:
            box = QCheckBox(translate("Evaluate", text))
            box.setChecked(True)
            self.checks[key] = box
            checks.addWidget(box)
        self.rerank_k = QLineEdit("10,50,100")
        self.rerank_k.setMaximumWidth(110)
        self.rerank_k.setToolTip(translate("Evaluate", "Candidates the cross-encoder reranks, comma-separated"))
        checks.addWidget(QLabel(translate("Evaluate", "rerank k")))
        checks.addWidget(self.rerank_k)
        checks.addStretch(1)
        self.run_button = QPushButton(translate("Evaluate", "Run"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("Evaluate", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("evaluateMessage")
        self.message.setWordWrap(True)
        self.compare = QComboBox()
        self.compare.setMinimumWidth(260)
        self.compare.setToolTip(translate("Evaluate", "Draw an earlier run beside this one (before/after fine-tuning)"))
        self.compare.currentIndexChanged.connect(lambda _i: self.show_run())
        self.export_status = QLabel()
        self.export_button = ExportButton(state.jobs, self.export_status)
        controls = QHBoxLayout()
        for w in (self.run_button, self.cancel_button, self.progress, self.message):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(QLabel(translate("Evaluate", "Compare with")))
        controls.addWidget(self.compare)
        controls.addWidget(self.export_button)
        form = QFormLayout()
        form.addRow(translate("Evaluate", "Data set"), self.data_file)
        form.addRow(translate("Evaluate", "Models"), self.models)
        form.addRow(translate("Evaluate", "Tables"), checks)

        self.pooling_table = _table_view("poolingTable")
        self.pooling_bars = PoolingBars()
        self.encoders_table = _table_view("encodersTable")
        self.cost_table = _table_view("costTable")
        self.cost_note = QLabel()
        self.cost_note.setWordWrap(True)
        self.retrieval_table = _table_view("retrievalTable")
        self.retrieval_plot = AccuracyTimePlot()
        self.retrieval_note = QLabel()
        self.retrieval_note.setWordWrap(True)
        self.runs_table = _table_view("runsTable")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._split(self.pooling_table, self.pooling_bars), translate("Evaluate", "Pooling"))
        cost = QWidget()
        cl = QVBoxLayout(cost)
        for w in (QLabel(translate("Evaluate", "Accuracy and measured speed on this data set")), self.encoders_table,
                  QLabel(translate("Evaluate", "Comparing all pairs of n sentences")), self.cost_table, self.cost_note):
            cl.addWidget(w)
        self.tabs.addTab(cost, translate("Evaluate", "Bi vs cross"))
        retrieval = QWidget()
        rl = QVBoxLayout(retrieval)
        rl.addWidget(self.retrieval_note)
        split = self._split(self.retrieval_table, self.retrieval_plot)
        split.setSizes([700, 500])
        rl.addWidget(split, 1)
        self.tabs.addTab(retrieval, translate("Evaluate", "Retrieval"))
        self.tabs.addTab(self.runs_table, translate("Evaluate", "Runs"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_status)
        self._build_exports()
        state.bi_encoder_changed.connect(lambda _m: self._update_models())
        state.cross_encoder_changed.connect(lambda _m: self._update_models())
        state.data_changed.connect(self._on_data)
        self._on_data(state.data)
        self._update_models()

    @staticmethod
    def _split(left: QWidget, right: QWidget) -> QSplitter:
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 640])
        return split

    # -- inputs --------------------------------------------------------------------------------
    def _on_data(self, data) -> None:
        if data is not None and data.kind == "pairs" and not self.data_file.path():
            self.data_file.set_path(str(data.path), emit=False)

    def _update_models(self) -> None:
        self.models.setText(f"{self.state.bi_summary()}<br>{self.state.cross_summary()}<br><i>"
                            + translate("Evaluate", "Load or switch models on the Model page.") + "</i>")
        self.run_button.setEnabled(self.state.bi_encoder is not None and self.job is None)

    # -- running -------------------------------------------------------------------------------
    def start(self):
        path = self.data_file.path()
        if not path or not Path(path).is_file():
            self.data_file.set_error(translate("Evaluate", "Choose a labelled pair file first.") if not path
                                     else translate("Evaluate", "Not found: {path}").format(path=path))
            return None
        self.data_file.clear_messages()
        bi, ce = self.state.bi_encoder, self.state.cross_encoder
        if bi is None:
            self.message.setText(translate("Evaluate", "Load a bi-encoder on the Model page first."))
            return None
        tables = [k for k, box in self.checks.items() if box.isChecked()]
        try:
            ks = [int(k) for k in self.rerank_k.text().split(",") if k.strip()]
        except ValueError:
            self.message.setText(translate("Evaluate", "rerank k: {value} is not a list of numbers").format(value=repr(self.rerank_k.text())))
            return None
        source = self.state.bi_spec.source if self.state.bi_spec else None
        reads = ("bi-encoder",) + (("cross-encoder",) if ce is not None else ())
        job = self.state.jobs.start(translate("Evaluate", "Evaluate"), lambda progress, cancel: _load_task(
            path, bi, ce, source, tables, ks, progress, cancel), kind="evaluate", inputs=self.state.inputs(*reads))
        self.job = job
        self.message.setStyleSheet("")
        self.message.setText(translate("Evaluate", "Evaluating…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.run_button.setEnabled(False)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_result)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(lambda: self.message.setText(translate("Evaluate", "Cancelled; earlier runs are kept.")))
        job.dropped.connect(lambda why: self.message.setText(translate("Evaluate", "Result dropped: {why}.").format(why=why)))
        job.ended.connect(self._on_ended)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, event) -> None:
        if event.total > 0:
            self.progress.setRange(0, event.total)
            self.progress.setValue(min(event.done, event.total))
        self.message.setText(f"{stage_text(event.stage)}… {number(event.done)} / {number(event.total)}")

    def _on_failed(self, failure) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(translate("Evaluate", "Evaluation failed: {message}").format(message=failure_detail(failure)))
        if not failure.expected:
            from sbert_desktop.gui.errors import show_failure

            show_failure(self, failure, translate("Evaluate", "Could not evaluate"))

    def _on_ended(self, _status: str) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_models()

    def _on_result(self, result: dict[str, Any]) -> None:
        bi = result["bi_encoder"]
        ce = result.get("cross_encoder")
        models = (f"{Path(str(bi.get('source') or bi.get('name'))).name or bi.get('name')}"
                  + (f" + {Path(str(ce.get('source') or ce.get('name'))).name}" if ce else ""))
        name = translate("Evaluate", "run {n}: {models} on {data}").format(
            n=len(self.runs) + 1, models=models, data=Path(result['data']).name)
        self.runs.append({"name": name, "result": result})
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(translate("Evaluate", "(nothing)"), None)
        for i, run in enumerate(self.runs[:-1]):
            self.compare.addItem(run["name"], i)
        self.compare.blockSignals(False)
        notes = "; ".join(result.get("notes", []))
        self.message.setText(translate("Evaluate", "{name}: {pairs} pairs in {seconds} s").format(
            name=name, pairs=number(result['pairs']), seconds=number(result['seconds'], 1))
            + (translate("Evaluate", ". Note: {notes}").format(notes=notes) if notes else ""))
        self.show_run()
        self.run_finished.emit(result)

    # -- showing -------------------------------------------------------------------------------
    @property
    def current(self) -> dict[str, Any] | None:
        return self.runs[-1]["result"] if self.runs else None

    def _shown_runs(self, key: str) -> list[tuple[str, dict]]:
        shown = [self.runs[-1]] if self.runs else []
        other = self.compare.currentData()
        if other is not None:
            shown.append(self.runs[other])
        return [(r["name"], r["result"][key]) for r in shown if key in r["result"]]

    def show_run(self) -> None:
        result = self.current
        if result is None:
            return
        for key, view in (("pooling", self.pooling_table), ("retrieval", self.retrieval_table)):
            if key in result:
                fill_table(view, (T.pooling_table if key == "pooling" else T.retrieval_table)(result[key]))
        if "encoders" in result:
            fill_table(self.encoders_table, T.encoders_table(result["encoders"]))
            headers, rows = T.cost_table(result["encoders"])
            fill_table(self.cost_table, (headers[:4], [r[:4] for r in rows]))
            self.cost_note.setText(result["encoders"]["cost_note"] + ".")
        if "retrieval" in result:
            r = result["retrieval"]
            self.retrieval_note.setText(
                translate("Evaluate", "{queries} queries against {corpus} sentences; relevant: {relevance}. "
                          "Time: {timing} ({timing_queries} queries).").format(
                    queries=number(r['queries']), corpus=number(r['corpus']), relevance=r['relevance'],
                    timing=r['timing'], timing_queries=r['timing_queries']))
        self.pooling_bars.set_runs(self._shown_runs("pooling"))
        self.retrieval_plot.set_runs(self._shown_runs("retrieval"))
        fill_table(self.runs_table, runs_overview(self.runs))

    # -- exports -------------------------------------------------------------------------------
    def _build_exports(self) -> None:
        from sbert_desktop.core.export import Provenance

        def prov():
            r = self.current or {}
            return Provenance(model=r.get("bi_encoder") or {}, cross_encoder=r.get("cross_encoder"),
                              source_file=r.get("data"))

        def table_entry(name, text, key, make):
            def write(path, encoding, progress, cancel):
                return T.export_table(path, make(self.current[key]), f"evaluate-{name}", prov(),
                                      self.current[key], encoding)

            self.export_button.add_table(name, text, write,
                                         lambda: None if self.current and key in self.current else translate("Evaluate", "run it first"))

        table_entry("pooling", translate("Evaluate", "Pooling table"), "pooling", T.pooling_table)
        table_entry("encoders", translate("Evaluate", "Bi vs cross table"), "encoders", T.encoders_table)
        table_entry("cost", translate("Evaluate", "All-pairs cost table"), "encoders", T.cost_table)
        table_entry("retrieval", translate("Evaluate", "Retrieval table"), "retrieval", T.retrieval_table)
        self.export_button.add_separator()
        for name, text, key, plot in (("pooling-chart", translate("Evaluate", "Pooling chart"), "pooling", self.pooling_bars),
                                      ("retrieval-chart", translate("Evaluate", "Accuracy against time"), "retrieval",
                                       self.retrieval_plot)):
            self.export_button.add_plot(
                name, text, lambda p=plot: p.plot_item,
                lambda k=key: None if self.current and k in self.current else translate("Evaluate", "run it first"),
                lambda path, k=key: write_plot_manifest(path, prov(), len(self.current[k]["rows"]), self.current[k]))


def runs_overview(runs: list[dict[str, Any]]) -> T.Table:
    """One row per kept run: its headline figures, for before/after comparisons."""
    headers = ["run", "own pooling", "bi x 100", "cross x 100", "bi MRR@10", "best rerank MRR@10"]
    rows = []
    for run in runs:
        r = run["result"]
        own = bi = cross = mrr = best = None
        if "pooling" in r:
            p = r["pooling"]
            row = next((x for x in p["rows"] if x.get("own")), None)
            own = p["model_pooling"]
            bi = None if row is None else round(100 * row[p["metric"]], 2)
        if "encoders" in r:
            e = r["encoders"]
            metric = e["metrics"][-1] if e["task"] == "sts" else e["metrics"][0]
            bi = round(100 * e["rows"][0][metric], 2) if metric in e["rows"][0] else bi
            cross = round(100 * e["rows"][1][metric], 2) if len(e["rows"]) > 1 else None
        if "retrieval" in r:
            rows_r = r["retrieval"]["rows"]
            mrr = round(100 * rows_r[0]["mrr@10"], 2)
            best = max((round(100 * x["mrr@10"], 2) for x in rows_r[1:]), default=None)
        rows.append([run["name"], own, bi, cross, mrr, best])
    return headers, rows
