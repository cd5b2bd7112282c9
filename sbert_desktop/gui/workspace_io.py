"""The window's pages to and from a :class:`~sbert_desktop.core.workspace.Workspace`.

File → Save Workspace is meant to run::

    finish = prepare_workspace(window)                   # GUI thread: reads state, copies nothing big
    jobs.start("Save workspace", lambda p, c: save_workspace(path, finish(), embed_data=...))

and File → Open Workspace::

    ws = load_workspace(path)                            # worker thread; WorkspaceError -> message box
    found = find_data(ws)                                # None: ask the user for the file, then
    status, data = read_data(ws, found or chosen)        #   "ok" | "changed" (say so) | "missing"
    report = restore_workspace(window, ws, data=data, data_status=status)   # GUI thread

``gui/workspace_actions.py`` wires these to the File menu.

``load_workspace`` checks everything before anything is touched, so a damaged workspace never
leaves a half-restored window. ``restore_workspace`` then sets the shared state directly — data,
embeddings (no re-encoding), clusters with their names, the 2-D map, the pair table, the map
selection, training runs with their curves — and starts background jobs only to load the models.

Pages that keep more state than the shared objects hold can offer two optional hooks, used here
when present: ``workspace_state() -> dict`` (JSON-able) and ``restore_workspace_state(dict)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from sbert_desktop.core.workspace import Workspace, check_data, describe_data, embedded_data_path, locate_data
from sbert_desktop.gui.exploration_state import ClusterView, Projection, exploration_for
from sbert_desktop.gui.state import ModelSpec

PAIRS_NAME = "Compare"


@dataclass
class RestoreReport:
    data_status: str = "missing"  # ok | changed | missing | embedded
    data_path: Path | None = None
    notes: list[str] = field(default_factory=list)
    jobs: list[Any] = field(default_factory=list)  # model loads started


def _pages(window) -> dict[str, Any]:
    return dict(getattr(window, "pages", {}) or {})


# ----------------------------------------------------------------------------- collect


def collect_workspace(window) -> Workspace:
    """Everything the window shows that defines a result, as a :class:`Workspace`."""
    return prepare_workspace(window)()


def prepare_workspace(window) -> Callable[[], Workspace]:
    """Read the window (GUI thread) and return a function that finishes the :class:`Workspace` on
    a worker thread: the data file's checksum and the bi-encoder's weight fingerprint read files
    or hash tensors, which must not freeze the window."""
    state = window.state
    exploration = exploration_for(state)
    ws = Workspace()
    data_args = None
    if state.data is not None:
        content = state.data.content
        data_args = (state.data.path, dict(column=getattr(content, "column", None),
                                           format=getattr(content, "format", None), kind=state.data.kind,
                                           sheet=getattr(content, "sheet", None)))
    models: dict[str, Any] = {"active": state.active_kind}
    fingerprints: dict[str, Callable[[], str]] = {}
    for kind, spec, model in (("bi", state.bi_spec, state.bi_encoder), ("cross", state.cross_spec, state.cross_encoder)):
        if spec is not None:
            entry = spec.to_dict()
            fingerprint = getattr(model, "fingerprint", None)
            if callable(fingerprint) and kind == "bi":
                fingerprints[kind] = fingerprint
            models[kind] = entry
    ws.models = models
    if state.embeddings is not None:
        ws.sentences = list(state.embeddings.sentences)
        ws.embeddings = np.asarray(state.embeddings.vectors, dtype=np.float32)
        ws.embeddings_info = {"fingerprint": state.embeddings.fingerprint, "model": dict(state.embeddings.model)}
    view = exploration.clusters
    if view is not None:
        r = view.result
        ws.labels = np.asarray(r.labels, dtype=np.int64)
        ws.clusters = {
            "params": dict(r.params), "names": dict(view.names), "n_clusters": int(r.n_clusters),
            "noise_fraction": float(r.noise_fraction), "silhouette": r.silhouette,
            "sizes": {str(k): int(v) for k, v in r.sizes.items()},
            "representatives": {str(k): [int(i) for i in v] for k, v in r.representatives.items()},
            "keywords": {str(k): list(v) for k, v in view.keywords.items()},
            "silhouettes": {str(k): float(v) for k, v in view.silhouettes.items()},
            "seconds": float(view.seconds),
        }
        if r.was_noise is not None:
            ws.extras["cluster_was_noise"] = np.asarray(r.was_noise, dtype=bool)
    if exploration.projection is not None:
        p = exploration.projection
        ws.coords = np.asarray(p.coords, dtype=np.float32)
        ws.projection = {"method": p.params.get("method"), "params": dict(p.params), "seconds": float(p.seconds)}
    pages: dict[str, Any] = {"current": window.current_page_title()}
    for title, page in _pages(window).items():
        hook = getattr(page, "workspace_state", None)
        if callable(hook):
            pages[title] = hook()
    _collect_pairs(window, ws, pages)
    _collect_selection(window, ws)
    _collect_runs(window, ws)
    ws.pages = pages

    def finish() -> Workspace:
        if data_args is not None:
            ws.data = describe_data(data_args[0], **data_args[1])
        for kind, fingerprint in fingerprints.items():
            ws.models[kind]["fingerprint"] = fingerprint()
        return ws

    return finish


def _collect_pairs(window, ws: Workspace, pages: dict[str, Any]) -> None:
    page = _pages(window).get(PAIRS_NAME)
    result = getattr(page, "result", None)
    if result is None:
        return
    columns = {"first": np.asarray(result.table.first, np.int64), "second": np.asarray(result.table.second, np.int64),
               "bi": np.asarray(result.bi, np.float32)}
    for name in ("cross", "gold"):
        if getattr(result, name) is not None:
            columns[name] = np.asarray(getattr(result, name), np.float32)
    ws.pairs["compare"] = columns
    same = ws.sentences is not None and list(result.sentences) == ws.sentences
    info = {"mode": result.mode, "params": dict(result.params), "note": result.note, "models": dict(result.models),
            "gold_names": result.gold_names, "sentences": "workspace" if same else list(result.sentences)}
    pages.setdefault(PAIRS_NAME, {})["pairs"] = info


def _collect_selection(window, ws: Workspace) -> None:
    page = _pages(window).get("Map")
    rows = getattr(page, "selected_rows", None)
    if rows is not None and len(rows):
        ws.selections["map"] = np.asarray(rows, np.int64)


def _collect_runs(window, ws: Workspace) -> None:
    page = _pages(window).get("Train")
    runs = getattr(getattr(page, "runs", None), "runs", None) or []
    for run in runs:
        history = [{"step": s, "loss": v} for s, v in zip(run.loss_steps, run.losses)]
        history += [{"step": s, run.metric_name or "metric": v} for s, v in zip(run.metric_steps, run.metrics)]
        ws.runs.append({"name": run.name, "out_dir": str(run.out_dir), "config": dict(run.config),
                        "status": run.status, "metric_name": run.metric_name, "total_steps": run.total_steps,
                        "history": history})


# ----------------------------------------------------------------------------- restore


def find_data(ws: Workspace, search_dirs=()) -> Path | None:
    """The data file with the saved checksum, else the copy embedded in the workspace, else None."""
    return locate_data(ws, search_dirs) or embedded_data_path(ws)


def read_data(ws: Workspace, data_path: str | Path) -> tuple[str, Any]:
    """Worker thread: ``(check_data status, LoadedData or None)`` of the data file at ``data_path``,
    read as the workspace says (kind, column); pass both to :func:`restore_workspace`."""
    from sbert_desktop.gui.pages.data import load_data

    status = check_data(ws, data_path)
    if status == "missing":
        return status, None
    return status, load_data(data_path, ws.data.get("kind", "auto"), ws.data.get("column"), ws.data.get("sheet"))


#: kinds of page jobs whose results a restored workspace replaces (model loads and training go on)
RESULT_JOB_KINDS = ("data", "encode", "cluster", "project", "pairs", "search")


def restore_workspace(window, ws: Workspace, data_path: str | Path | None = None, *,
                      load_models: bool = True, data: Any = None, data_status: str | None = None) -> RestoreReport:
    """Put ``ws`` back into the window. ``data_path``: where the data file is now (found by
    :func:`find_data` or picked by the user); without it the saved sentences are used alone.
    ``data``/``data_status``: that file already read by :func:`read_data` on a worker thread
    (then nothing is read here, on the GUI thread)."""
    from sbert_desktop.gui.pages.data import load_data

    state = window.state
    exploration = exploration_for(state)
    report = RestoreReport()
    # a page job started before the workspace was opened must not land its result on top of it
    for job in state.jobs.jobs():
        if job.kind in RESULT_JOB_KINDS and job.running:
            job.cancel()
    if data is not None:
        data_path = data.path
    if data_path is not None:
        data_path = Path(data_path)
        report.data_path = data_path
        report.data_status = data_status or check_data(ws, data_path)
        if report.data_status == "changed":
            report.notes.append(f"{data_path} changed since the workspace was saved; the saved sentences and "
                                "embeddings are shown as they were")
        if report.data_status != "missing":
            state.set_data(data if data is not None else
                           load_data(data_path, ws.data.get("kind", "auto"), ws.data.get("column"), ws.data.get("sheet")))
        else:
            state.set_data(None)  # a file open before is not the workspace's: its rows must not be laid on its sentences
    else:
        report.notes.append("data file not found; the saved sentences are shown without it")
        state.set_data(None)
    if ws.embeddings is not None:
        sentences = ws.sentences if ws.sentences is not None else [f"#{i}" for i in range(len(ws.embeddings))]
        model = ws.embeddings_info.get("model")
        state.set_embeddings(sentences, ws.embeddings, str(ws.embeddings_info.get("fingerprint", "")),
                             model if isinstance(model, dict) else None)
    if ws.labels is not None:
        exploration.set_clusters(_cluster_view(ws))
    if ws.coords is not None:
        params = dict(ws.projection.get("params") or {"method": ws.projection.get("method")})
        exploration.set_projection(Projection(ws.coords, params, float(ws.projection.get("seconds", 0.0))))
    _restore_pairs(window, ws, report)
    _restore_selection(window, ws)
    _restore_runs(window, ws)
    for title, page in _pages(window).items():
        hook = getattr(page, "restore_workspace_state", None)
        if callable(hook) and isinstance(ws.pages.get(title), dict):
            hook(ws.pages[title])
    if load_models:
        _load_models(window, ws, report)
    current = ws.pages.get("current")
    if current:
        window.show_page(current)
    return report


def _int_keys(d: dict | None) -> dict:
    return {int(k): v for k, v in (d or {}).items()}


def _cluster_view(ws: Workspace) -> ClusterView:
    from sbert_desktop.core.clustering import ClusterResult

    c = ws.clusters
    labels = np.asarray(ws.labels, dtype=np.int64)
    sizes = _int_keys(c.get("sizes")) or {int(k): int(v) for k, v in zip(*np.unique(labels, return_counts=True))}
    result = ClusterResult(
        labels=labels, n_clusters=int(c.get("n_clusters", len([k for k in sizes if k >= 0]))),
        noise_fraction=float(c.get("noise_fraction", 0.0)), sizes=sizes, silhouette=c.get("silhouette"),
        representatives=_int_keys(c.get("representatives")), params=dict(c.get("params") or {}),
        was_noise=ws.extras.get("cluster_was_noise"),
    )
    return ClusterView(result, keywords=_int_keys(c.get("keywords")), silhouettes=_int_keys(c.get("silhouettes")),
                       names=_int_keys(c.get("names")), seconds=float(c.get("seconds", 0.0)))


def _restore_pairs(window, ws: Workspace, report: RestoreReport) -> None:
    page = _pages(window).get(PAIRS_NAME)
    columns = ws.pairs.get("compare")
    if page is None or columns is None or not hasattr(page, "set_result"):
        return
    from sbert_desktop.core.similarity import PairTable
    from sbert_desktop.core.explore import PairResult

    info = (ws.pages.get(PAIRS_NAME) or {}).get("pairs") or {}
    sentences = ws.sentences if info.get("sentences", "workspace") == "workspace" else info["sentences"]
    table = PairTable(columns["first"], columns["second"], columns["bi"])
    if columns.get("cross") is not None and isinstance(ws.models.get("cross"), dict):
        # scored by the workspace's cross-encoder: its arrival (the models load after) keeps them
        page.scored_by = ModelSpec.from_dict({**ws.models["cross"], "encoder": "cross"})
    page.set_result(PairResult(table=table, sentences=list(sentences or []), bi=columns["bi"],
                               cross=columns.get("cross"), gold=columns.get("gold"), gold_names=info.get("gold_names"),
                               mode=info.get("mode", "top_k"), params=dict(info.get("params") or {}),
                               note=info.get("note", ""),
                               models=info["models"] if isinstance(info.get("models"), dict) else {}))


def _restore_selection(window, ws: Workspace) -> None:
    page = _pages(window).get("Map")
    rows = ws.selections.get("map")
    scatter = getattr(page, "scatter", None)
    if rows is not None and scatter is not None and hasattr(scatter, "select_rows"):
        scatter.select_rows(rows)


def _restore_runs(window, ws: Workspace) -> None:
    page = _pages(window).get("Train")
    run_list = getattr(page, "runs", None)
    if run_list is None or not hasattr(run_list, "add_run") or not ws.runs:
        return
    from sbert_desktop.gui.widgets.runs import RunRecord

    known = {str(r.out_dir) for r in getattr(run_list, "runs", [])}
    for saved in ws.runs:
        if str(saved.get("out_dir")) in known:
            continue
        run = RunRecord(name=str(saved.get("name", "run")), config=dict(saved.get("config") or {}),
                        out_dir=Path(str(saved.get("out_dir", ""))), status=str(saved.get("status", "finished")),
                        total_steps=int(saved.get("total_steps") or 0))
        metric = saved.get("metric_name") or "metric"
        for row in saved.get("history", []):
            if row.get("loss") is not None:
                run.add_loss(float(row["step"]), float(row["loss"]))
            if row.get(metric) is not None:
                run.add_metric(float(row["step"]), metric, float(row[metric]))
        run_list.add_run(run)


def _load_models(window, ws: Workspace, report: RestoreReport) -> None:
    page = _pages(window).get("Model")
    if page is None or not hasattr(page, "load"):
        return
    active = ws.models.get("active", "bi")
    specs = [ModelSpec.from_dict({**ws.models[kind], "encoder": kind})
             for kind in ("bi", "cross") if isinstance(ws.models.get(kind), dict)]
    if specs:  # one job for both: a second page.load() replaced the first, and the bi-encoder never came back
        report.jobs.append(page.restore(specs, active) if hasattr(page, "restore") else page.load(specs[-1]))
