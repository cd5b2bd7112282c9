"""What the pages share: the active models, the open data, the job runner and the settings.

Every page takes one :class:`AppState` and listens to its signals instead of talking to other
pages, so a page can be built, tested and launched on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.quality_text import cue_short
from sbert_desktop.gui.jobs import JobRunner
from sbert_desktop.gui.settings import Settings


@dataclass
class ModelSpec:
    """How the active model was loaded; enough to load it again (settings, training)."""

    encoder: str = "bi"  # "bi" | "cross"
    source: str = "default"  # "default" | folder | hub id
    pooling: str | None = None
    max_seq_length: int | None = None
    normalize: bool | None = None
    device: str = "auto"
    precision: str = "fp32"  # "fp32" | "int8" (core/models/runtime.py)
    backend: str | None = None  # "torch" | "onnx" | None: torch for fp32, onnx for int8

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, raw: dict) -> "ModelSpec":
        known = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        return cls(**known)


@dataclass
class LoadedData:
    """A file opened on the Data page: a core ``SentenceFile`` or ``PairDataset`` and its stats."""

    path: Path
    kind: str  # "sentences" | "pairs"
    content: Any  # SentenceFile | PairDataset
    info: dict = field(default_factory=dict)  # inspect_file(...) output, when available


@dataclass
class Embeddings:
    """Vectors of ``sentences`` (row i embeds sentence i) from the model with ``fingerprint``."""

    sentences: list[str]
    vectors: Any  # numpy float32 [n, dim]
    fingerprint: str = ""
    model: dict = field(default_factory=dict)  # the encoding model as manifests name it (empty: not known)


class AppState(QObject):
    bi_encoder_changed = Signal(object)  # BiEncoder | None
    cross_encoder_changed = Signal(object)  # CrossEncoder | None
    active_changed = Signal()  # the active encoder kind or either model changed
    data_changed = Signal(object)  # LoadedData | None
    embeddings_changed = Signal(object)  # Embeddings | None
    devices_changed = Signal(list)  # device names present, after torch was imported
    open_file_requested = Signal(str)  # a path dropped on the window or picked in a menu
    page_requested = Signal(str)  # ask the window to show a page by name
    model_requested = Signal(str)  # "bi" | "cross": a page offers to load the missing model (Model page)

    def __init__(self, settings: Settings | None = None, jobs: JobRunner | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.jobs = jobs if jobs is not None else JobRunner(self)
        self.bi_encoder: Any = None
        self.cross_encoder: Any = None
        self.bi_spec: ModelSpec | None = None
        self.cross_spec: ModelSpec | None = None
        self.active_kind = "bi"
        self.data: LoadedData | None = None
        self.embeddings: Embeddings | None = None
        self.devices: list[str] = ["auto", "cpu"]
        self._embedding_cache: Any = None
        #: bumped on every change; a task records the ones it reads (``inputs``) and its result is
        #: only used while they are unchanged (see gui/jobs.py)
        self.versions: dict[str, int] = {"data": 0, "embeddings": 0, "bi-encoder": 0, "cross-encoder": 0}
        self.jobs.input_source = self.versions.get

    def inputs(self, *keys: str) -> dict[str, int]:
        """What a task reads, as ``{key: version}``: ``data``, ``embeddings``, ``bi-encoder``, ``cross-encoder``."""
        return {key: self.versions[key] for key in keys}

    def _bump(self, *keys: str) -> None:
        for key in keys:
            self.versions[key] += 1
        self.jobs.check_inputs(" and ".join(keys))

    @property
    def embedding_cache(self) -> Any:
        """The :class:`~sbert_desktop.core.cache.EmbeddingCache` every encode of the window goes
        through (created on first use, so ``SBERT_DESKTOP_HOME`` set before that decides where)."""
        if self._embedding_cache is None:
            from sbert_desktop.core.cache import EmbeddingCache

            self._embedding_cache = EmbeddingCache()
        return self._embedding_cache

    # -- models ------------------------------------------------------------------------------
    @property
    def active_model(self) -> Any:
        return self.bi_encoder if self.active_kind == "bi" else self.cross_encoder

    @property
    def active_spec(self) -> ModelSpec | None:
        return self.bi_spec if self.active_kind == "bi" else self.cross_spec

    def set_model(self, model: Any, spec: ModelSpec, remember: bool = True, activate: bool = True) -> None:
        """Make ``model`` the bi- or cross-encoder (``spec.encoder`` says which); the active one
        unless ``activate`` is False (a second model restored at start)."""
        if spec.encoder == "cross":
            self.cross_encoder, self.cross_spec = model, spec
            self._bump("cross-encoder")
            self.cross_encoder_changed.emit(model)
        else:
            self.bi_encoder, self.bi_spec = model, spec
            self._bump("bi-encoder")
            self.bi_encoder_changed.emit(model)
        if activate:
            self.active_kind = spec.encoder
        if remember:
            self.settings.set_last_model(spec.to_dict())
            self.settings.add_recent_model(spec.source)
        self.active_changed.emit()

    def model_summary(self) -> str:
        """One line for the status bar: both models (name, pooling, dimension, device, quality cue),
        the active one first, and which one is missing."""
        if self.bi_encoder is None and self.cross_encoder is None:
            return translate("State", "No model loaded")
        parts = {"bi": self.bi_summary(), "cross": self.cross_summary()}
        order = ["cross", "bi"] if self.active_kind == "cross" else ["bi", "cross"]
        return " | ".join(parts[k] for k in order)

    def bi_summary(self) -> str:
        model, spec = self.bi_encoder, self.bi_spec
        if model is None or spec is None:
            return translate("State", "Bi-encoder: none loaded")
        pooling = getattr(getattr(model, "pooling", None), "mode", spec.pooling or "?")
        dim = getattr(model, "dimension", "?")
        norm = translate("State", " · normalized") if getattr(model, "normalize", False) else ""
        cue = model_quality(model, spec)
        return (translate("State", "Bi-encoder: {name} · {pooling} pooling · {dim}-d").format(
                    name=_short_name(spec.source), pooling=pooling, dim=dim)
                + f"{norm} · {getattr(model, 'device', '?')}{' · ' + cue_short(cue) if cue else ''}")

    def cross_summary(self) -> str:
        model, spec = self.cross_encoder, self.cross_spec
        if model is None or spec is None:
            return translate("State", "Cross-encoder: none loaded")
        labels = getattr(model, "num_labels", "?")
        cue = model_quality(model, spec)
        return (translate("State", "Cross-encoder: {name} · {labels} label(s)").format(name=_short_name(spec.source), labels=labels)
                + f" · {getattr(model, 'device', '?')}{' · ' + cue_short(cue) if cue else ''}")

    # -- data --------------------------------------------------------------------------------
    def set_data(self, data: LoadedData | None) -> None:
        self.data = data
        self.embeddings = None
        self._bump("data", "embeddings")
        self.embeddings_changed.emit(None)
        if data is not None:
            self.settings.add_recent_file(data.path)
        self.data_changed.emit(data)

    def set_embeddings(self, sentences: list[str], vectors: Any, fingerprint: str = "",
                       model: dict | None = None) -> None:
        """Share embeddings; compute ``fingerprint`` (``model.fingerprint()``) on the worker thread.
        ``model``: the encoding model's manifest entry (``exploration_state.model_provenance``), so an
        export names the model that made them even after another one is loaded."""
        self.embeddings = Embeddings(list(sentences), vectors, fingerprint, dict(model or {}))
        self._bump("embeddings")
        self.embeddings_changed.emit(self.embeddings)

    def set_devices(self, devices: list[str]) -> None:
        self.devices = list(devices)
        self.devices_changed.emit(self.devices)


def model_quality(model: Any, spec: ModelSpec | None = None):
    """The model's :class:`~sbert_desktop.core.quality.QualityCue` (dev figure, baseline, chance), or None."""
    from sbert_desktop.core.quality import model_cue

    return model_cue(model, spec.source if spec is not None else None)


def _short_name(source: str) -> str:
    if source == "default":
        return translate("State", "all-MiniLM-L6-v2 (bundled)")
    path = Path(source)
    return path.name if path.name else source
