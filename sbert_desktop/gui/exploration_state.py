"""What the Compare, Clusters and Map pages share beyond :class:`AppState`: the clustering (with
the names a person gave its clusters) and the 2-D projection.

There is one :class:`ExplorationState` per :class:`AppState`, created on first use as a child of
it (:func:`exploration_for`), so pages built by the window's registry — which only pass the
``AppState`` — still share it. When the embeddings change, clusters and projection are dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.state import AppState

log = logging.getLogger(__name__)


@dataclass
class ClusterView:
    """A :class:`~sbert_desktop.core.clustering.ClusterResult` plus what the pages show with it."""

    result: Any  # ClusterResult
    keywords: dict[int, list[str]] = field(default_factory=dict)  # c-TF-IDF words per label (-1: noise)
    silhouettes: dict[int, float] = field(default_factory=dict)  # mean silhouette per cluster
    names: dict[int, str] = field(default_factory=dict)  # names edited by hand
    seconds: float = 0.0

    @classmethod
    def from_report(cls, report) -> "ClusterView":
        """From a :class:`~sbert_desktop.core.explore.ClusterReport` (no names given yet)."""
        return cls(report.result, dict(report.keywords), dict(report.silhouettes), seconds=report.seconds)

    @property
    def labels(self):
        return self.result.labels

    def name(self, label: int) -> str:
        """The hand-given name, else the keyword label (``coffee · espresso · cafe``)."""
        if label in self.names:
            return self.names[label]
        words = self.keywords.get(label, [])
        text = " · ".join(words) if words else translate("ExplorationState", "(no keywords)")
        return translate("ExplorationState", "noise: {words}").format(words=text) if label < 0 else text

    def all_names(self) -> dict[int, str]:
        labels = set(self.result.sizes) | set(self.keywords)
        return {int(c): self.name(int(c)) for c in sorted(labels)}


@dataclass
class Projection:
    coords: Any  # numpy float32 [n, 2]
    params: dict[str, Any]
    seconds: float = 0.0


class ExplorationState(QObject):
    clusters_changed = Signal(object)  # ClusterView | None
    names_changed = Signal()  # a cluster was renamed or its keywords recomputed
    projection_changed = Signal(object)  # Projection | None

    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent if parent is not None else state)
        self.setObjectName("explorationState")
        self.state = state
        self.clusters: ClusterView | None = None
        self.projection: Projection | None = None
        self._projections: dict[tuple, Projection] = {}  # in-memory cache for the current embeddings
        self._lines: tuple | None = None  # (embeddings, their source_rows): see source_lines
        state.embeddings_changed.connect(self._on_embeddings_changed)

    # -- embeddings ---------------------------------------------------------------------------
    def embeddings(self):
        return self.state.embeddings

    def source_lines(self) -> list[int] | None:
        """:func:`source_rows` of the shared embeddings' sentences, worked out once per embeddings (a
        hover or a click on a cluster asks again and again)."""
        emb = self.state.embeddings
        if emb is None:
            return None
        if self._lines is None or self._lines[0] is not emb:
            self._lines = (emb, source_rows(self.state.data, emb.sentences))
        return self._lines[1]

    def _on_embeddings_changed(self, _emb) -> None:
        self._lines = None  # never holds on to embeddings that were replaced
        self._projections.clear()
        self.set_clusters(None)
        self.set_projection(None)

    def _fits(self, rows: int, what: str) -> bool:
        """``rows`` equals the number of embedded sentences; otherwise ``what`` is refused (logged)."""
        emb = self.state.embeddings
        if emb is not None and rows == len(emb.sentences):
            return True
        log.warning("%s of %d rows refused: the embeddings have %s rows", what, rows,
                    "no" if emb is None else len(emb.sentences))
        return False

    # -- clusters ------------------------------------------------------------------------------
    def set_clusters(self, view: ClusterView | None) -> bool:
        """Share ``view`` (None: clear); refused (False) unless it labels every embedded sentence."""
        if view is not None and not self._fits(len(view.labels), "a clustering"):
            return False
        self.clusters = view
        self.clusters_changed.emit(view)
        return True

    def rename(self, label: int, name: str) -> None:
        if self.clusters is None:
            return
        name = name.strip()
        if name:
            self.clusters.names[int(label)] = name
        else:
            self.clusters.names.pop(int(label), None)
        self.names_changed.emit()

    def set_keywords(self, keywords: dict[int, list[str]]) -> None:
        if self.clusters is not None:
            self.clusters.keywords = dict(keywords)
            self.names_changed.emit()

    def labels(self):
        """Cluster label of every sentence (numpy int64), or None."""
        return None if self.clusters is None else self.clusters.labels

    # -- projection ----------------------------------------------------------------------------
    def cached_projection(self, params: dict[str, Any]) -> Projection | None:
        return self._projections.get(_key(params))

    def set_projection(self, projection: Projection | None) -> bool:
        """Share ``projection`` (None: clear); refused (False) unless it places every embedded sentence."""
        if projection is not None and not self._fits(len(projection.coords), "a projection"):
            return False
        self.projection = projection
        if projection is not None:
            self._projections[_key(projection.params)] = projection
        self.projection_changed.emit(projection)
        return True


def _key(params: dict[str, Any]) -> tuple:
    return tuple(sorted((k, v) for k, v in params.items()))


def exploration_for(state: AppState) -> ExplorationState:
    """The one :class:`ExplorationState` of ``state`` (created on first call)."""
    found = state.findChild(ExplorationState, "explorationState")
    return found if found is not None else ExplorationState(state)


def current_sentences(state: AppState) -> list[str]:
    """The sentences of the open data (a pair data set: its distinct sentences), as the Data page encodes them."""
    data = state.data
    if data is None:
        return []
    if data.kind == "pairs":
        return list(dict.fromkeys(list(data.content.sentence1) + list(data.content.sentence2)))
    return list(data.content.sentences)


def data_matches(data, sentences: list[str]) -> bool:
    """Whether the open sentence file holds ``sentences``, row for row: only then may its per-row facts
    (lines, label columns) be laid on them. A workspace restored without its file, or with a changed
    file, holds its saved sentences while another file may be open."""
    if data is None or data.kind != "sentences":
        return False
    held = data.content.sentences
    return held is sentences or (len(held) == len(sentences) and list(held) == list(sentences))


def source_rows(data, sentences: list[str]) -> list[int] | None:
    """The source file's row of each of ``sentences`` (what the window encoded), for the exports' "row"
    columns: a sentence file's line / sheet row; for a pair file (whose distinct sentences the window
    encodes), the first data row (1-based) holding the sentence. None when they do not match the
    loaded data: no column is better than a shifted one."""
    if data is None or not sentences:
        return None
    content = data.content
    if data.kind == "sentences":
        lines = getattr(content, "line_numbers", None) or []  # the file's own list: read, never changed
        return lines if len(lines) == len(sentences) and data_matches(data, sentences) else None
    first: dict[str, int] = {}
    for row, (a, b) in enumerate(zip(content.sentence1, content.sentence2), start=1):
        first.setdefault(a, row)
        first.setdefault(b, row)
    rows = [first.get(s) for s in sentences]
    return None if any(r is None for r in rows) else rows


def source_columns(data, sentences: list[str]) -> dict[str, list] | None:
    """The open sentence table's other columns (ids, dates, ratings), one value per sentence, for the
    per-sentence exports; None unless the file holds ``sentences`` row for row."""
    return (data.content.other_columns() or None) if data_matches(data, sentences) else None


_MANIFEST_KEYS = ("name", "source", "architecture", "dimension", "pooling", "max_seq_length", "normalize", "num_labels")


def model_provenance(model) -> dict:
    """A model as manifests name it (name, source, pooling, …); {} for None."""
    try:
        info = model.info() if model is not None else {}
    except Exception:  # noqa: BLE001 — a manifest never fails an export
        info = {}
    return {k: v for k, v in info.items() if k in _MANIFEST_KEYS}


def provenance(state: AppState, exploration: ExplorationState | None = None, **extra: Any):
    """A :class:`~sbert_desktop.core.export.Provenance` of what is loaded now (for manifests). The
    bi-encoder named is the one that made the shared embeddings when they say so (another one may
    be loaded since); otherwise the loaded one."""
    from sbert_desktop.core.export import Provenance

    emb = state.embeddings
    model = dict(emb.model) if emb is not None and emb.model else model_provenance(state.bi_encoder)
    cross = model_provenance(state.cross_encoder) or None
    prov = Provenance(model=model, cross_encoder=cross,
                      source_file=str(state.data.path) if state.data is not None else None, extra=dict(extra))
    if exploration is not None:
        if exploration.clusters is not None:
            prov.clustering = dict(exploration.clusters.result.params)
            prov.seeds["clustering"] = int(exploration.clusters.result.params.get("seed", 0))
        if exploration.projection is not None:
            prov.projection = dict(exploration.projection.params)
            prov.seeds["projection"] = int(exploration.projection.params.get("seed", 0))
    return prov
