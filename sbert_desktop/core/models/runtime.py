"""Precision and backend of inference: fp32 on torch (the default, exact), or ONNX Runtime fp32/int8.

``BiEncoder`` and ``CrossEncoder`` mix in :class:`InferenceRuntime`. Training and anything run
with gradients always use the torch weights; ``encode``/``predict`` (no gradients, eval mode) go
through the ONNX session when one is chosen. The session is built from a file exported once per
weights and cached on disk (see :mod:`onnx_export`); after training, :meth:`drop_engine` makes the
next inference export the new weights.

Measured on this machine (bench/results/encode.txt) before choosing: torch's dynamic int8
(``quantize_dynamic`` on the Linear layers) was no faster than fp32 here, ONNX Runtime was the
fastest in both precisions, so ONNX Runtime is the one runtime shipped besides torch
(bench/results/int8-variants.txt: OpenVINO fp32 and static int8, static QDQ int8, per-tensor and
unsigned weights measured against it).

Memory: once the ONNX session runs inference, the torch backbone's weights are released (each
parameter becomes a one-element NaN view of its shape) when the model was loaded from a folder;
the first torch use (a forward pass, ``state_dict``/save, training, fp32) reads them back from
that folder. So int8 encoding does not hold the fp32 weights as well (as tensors: measured here, the
process's resident memory does not drop when they are released; the allocator keeps the pages, and
a later load reuses them).

When the ONNX file of a folder's weights is cached already, ``load()`` does not build the torch
backbone at all (deferred.py): a ``DeferredBackbone`` holds its place, and the first torch use
(attribute access, parameters, state_dict, ``to``, training) builds the real one. That also skips
importing transformers' modelling code, which is what int8 encoding saves most memory on (measured
here: peak 428 MB against 544-551 MB for fp32 torch, bench/results/encode.txt).
"""

from __future__ import annotations

import queue
import shutil
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch
from torch import nn

from sbert_desktop.core.errors import ModelLoadError

PRECISIONS = ("fp32", "int8")
BACKENDS = ("torch", "onnx")
#: the file names sentence-transformers uses under ``DIR/onnx/`` for ``backend="onnx"``
ONNX_FILES = {"fp32": "model.onnx", "int8": "model_qint8_avx2.onnx"}
MISSING_ONNX = ("int8 and the ONNX backend need onnxruntime and onnx: "
                "pip install 'sbert-desktop[fast]' (or: pip install onnxruntime onnx)")


class MissingRuntimeError(ModelLoadError):
    """An optional inference runtime is not installed; the message says what to install."""


def resolve_choice(precision: str | None, backend: str | None) -> tuple[str, str]:
    """Validate a (precision, backend) pair; ``backend=None`` picks onnx for int8, torch for fp32."""
    precision = (precision or "fp32").lower()
    if precision not in PRECISIONS:
        raise ModelLoadError(f"unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
    if backend in (None, "", "auto"):
        backend = "torch" if precision == "fp32" else "onnx"
    backend = backend.lower()
    if backend not in BACKENDS:
        raise ModelLoadError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "torch" and precision != "fp32":
        raise ModelLoadError(f"precision {precision} runs on the onnx backend (--backend onnx), not on torch")
    return precision, backend


def require_onnxruntime() -> Any:
    try:
        import onnx  # noqa: F401  (the exporter and the quantiser need it)
        import onnxruntime
    except ImportError:
        raise MissingRuntimeError(MISSING_ONNX) from None
    return onnxruntime


#: above this size (bytes) of the ONNX file, one session uses all threads instead of one session per
#: thread (each session holds its own copy of the weights)
PARALLEL_SESSIONS_MAX_BYTES = 600 * 2**20


def default_workers(path: Path, threads: int) -> int:
    """Sessions run side by side: one per thread (each single-threaded) unless the model is large.

    Measured here (bench/results/encode.txt, 07:40 run): two single-threaded sessions on different
    batches encoded STS-B dev in int8 at 634 sentences/s against 491 for one two-threaded session
    (1.29x): layer norms, GELU, activation quantisation and the per-operator thread hand-offs no
    longer wait on each other. Each session holds its own copy of the weights, hence the size limit."""
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    return threads if threads > 1 and size * threads <= PARALLEL_SESSIONS_MAX_BYTES else 1


class OnnxEngine:
    """ONNX Runtime sessions over the exported backbone: ``engine(inputs) -> first output``.

    ``workers`` sessions (default :func:`default_workers`) share ``threads`` intra-op threads; each
    call takes a free session, so callers that run batches from ``workers`` threads
    (``base.run_batched``) keep all of them busy. A batch's result does not depend on which session
    ran it (each session runs the same file with the same kernels and thread count)."""

    def __init__(self, path: Path, threads: int | None = None, workers: int | None = None):
        ort = require_onnxruntime()
        threads = max(1, int(threads or torch.get_num_threads()))
        workers = max(1, min(threads, int(workers if workers is not None else default_workers(path, threads))))
        self.path = path
        self.sessions = [self._session(ort, path, threads // workers) for _ in range(workers)]
        self.session = self.sessions[0]
        self.workers = workers
        self._free: queue.SimpleQueue = queue.SimpleQueue()
        for session in self.sessions:
            self._free.put(session)
        self.inputs = {i.name for i in self.session.get_inputs()}

    @staticmethod
    def _session(ort: Any, path: Path, threads: int) -> Any:
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # idle worker threads sleep instead of spinning: with the default spinning, int8 ran at 0.6x
        # of this speed on a loaded 2-core machine (bench/results/int8-variants.txt)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        # memory patterns pay off for repeated identical shapes; every length-sorted batch has its own
        # (a probe here: ~10 MB lower peak for int8 encoding of STS-B dev, same speed)
        options.enable_mem_pattern = False
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, inputs: dict[str, torch.Tensor]) -> torch.Tensor:
        device = inputs["input_ids"].device
        feed = {k: np.ascontiguousarray(v.detach().cpu().numpy(), dtype=np.int64)
                for k, v in inputs.items() if k in self.inputs}
        session = self._free.get()
        try:
            out = session.run(None, feed)[0]
        finally:
            self._free.put(session)
        return torch.from_numpy(out).to(device)


class InferenceRuntime:
    """Mixin: ``precision``/``backend`` of a model and the engine that runs its inference.

    A host class sets ``_runtime_kind`` ("bi"/"cross"), ``_runtime_output`` (the backbone's output
    field) and has ``backbone()``, ``tokenizer`` and ``weights_fingerprint()``.
    """

    precision: str = "fp32"
    backend: str = "torch"
    _engine: OnnxEngine | None = None
    _runtime_kind = "bi"
    _runtime_output = "last_hidden_state"
    #: the attribute that holds the backbone (``backbone()`` returns it)
    _backbone_attr = "transformer"
    #: set by ``load()``: reads the backbone from its folder again (so its weights can be released)
    _weights_loader: Callable[[], nn.Module] | None = None

    # -- a deferred backbone (deferred.py): built on the first torch use ----------------------

    def defer_backbone(self, loader: Callable[[], nn.Module], parameters: int) -> None:
        """The backbone slot holds a ``DeferredBackbone``; ``loader()`` builds the real one when a
        torch use (forward, parameters, state_dict, ``to``, training) first needs it."""
        from sbert_desktop.core.models.deferred import Deferred

        self.__dict__["_deferred"] = Deferred(loader, int(parameters))

    def is_deferred(self) -> bool:
        deferred = self.__dict__.get("_deferred")
        return deferred is not None and deferred.pending

    def materialize(self) -> None:
        """Build the real backbone now if it is deferred (no-op otherwise)."""
        deferred = self.__dict__.get("_deferred")
        if deferred is None or not deferred.pending:
            return
        real = deferred.loader()
        real.train(self.training)
        self._modules[self._backbone_attr] = real  # same slot: parameter and state_dict order unchanged
        deferred.pending = False

    def __getattr__(self, name: str) -> Any:
        if name == type(self)._backbone_attr and self.is_deferred():
            self.materialize()
        return super().__getattr__(name)

    def named_parameters(self, *args: Any, **kwargs: Any):
        self.materialize()
        return super().named_parameters(*args, **kwargs)

    def named_buffers(self, *args: Any, **kwargs: Any):
        self.materialize()
        return super().named_buffers(*args, **kwargs)

    def state_dict(self, *args: Any, **kwargs: Any):
        self.materialize()
        return super().state_dict(*args, **kwargs)

    def load_state_dict(self, *args: Any, **kwargs: Any):
        self.materialize()
        return super().load_state_dict(*args, **kwargs)

    def _apply(self, *args: Any, **kwargs: Any):
        self.materialize()
        return super()._apply(*args, **kwargs)

    def backbone_config(self) -> Any:
        """The backbone's transformers config (without building a deferred backbone)."""
        return self._modules[self._backbone_attr].config

    def parameter_count(self) -> int:
        """Parameters of the whole model (a deferred backbone counts what its full load counted)."""
        deferred = self.__dict__.get("_deferred")
        if deferred is not None and deferred.pending:
            rest = sum(p.numel() for k, m in self._modules.items() if k != self._backbone_attr
                       for p in m.parameters())
            return deferred.parameters + rest
        return sum(p.numel() for p in self.parameters())

    def runtime_device(self) -> torch.device:
        """Where the model's tensors live (CPU while the backbone is deferred)."""
        return torch.device("cpu") if self.is_deferred() else next(self.parameters()).device

    def set_precision(self, precision: str | None = "fp32", backend: str | None = None) -> "InferenceRuntime":
        """Choose how inference runs; exports (or reads the cached export) now, so errors show here."""
        precision, backend = resolve_choice(precision, backend)
        engine = None
        if backend == "onnx":
            path = self.runtime_file(precision)
            self.release_weights()  # before the session, so the two never both sit in memory
            engine = OnnxEngine(path)
        self.precision, self.backend, self._engine = precision, backend, engine
        return self

    def release_weights(self) -> bool:
        """Free the torch backbone's weights while the ONNX engine does inference; they are read
        back from the model's folder on the first torch use. Only for models loaded from a folder
        and not trained since (``train()`` forgets the folder)."""
        if self._weights_loader is None or self.is_deferred():
            return False
        return release_backbone(self.backbone(), self._weights_loader)

    def weights_released(self) -> bool:
        """The torch weights are not in memory (released, or the backbone is deferred)."""
        return self.is_deferred() or getattr(self.backbone(), "_sbert_reload", None) is not None

    def train(self, mode: bool = True):
        if mode:  # weights about to change: bring them back, and never release them again
            restore_backbone(self.backbone())
            self._weights_loader = None
        return super().train(mode)

    def runtime_file(self, precision: str) -> Path:
        """The cached ONNX file of the current weights in ``precision`` (exported if missing)."""
        require_onnxruntime()
        from sbert_desktop.core.models.onnx_export import cached_onnx, ensure_onnx

        cached = cached_onnx(self._runtime_kind, self.weights_fingerprint(), precision)
        if cached is not None:  # no backbone needed (a deferred one stays deferred)
            return cached
        return ensure_onnx(self._runtime_kind, self.backbone(), self.tokenizer, self._runtime_output,
                           self.weights_fingerprint(), precision)

    def inference_engine(self) -> OnnxEngine | None:
        """The engine for this call, or None for torch (also whenever gradients or training are on)."""
        if self.backend == "torch" or self.training or torch.is_grad_enabled():
            return None
        if self._engine is None:  # weights changed since the last export
            self._engine = OnnxEngine(self.runtime_file(self.precision))
        return self._engine

    def inference_workers(self) -> int:
        """How many batches inference can run at once (the engine's sessions; 1 on torch)."""
        with torch.inference_mode():
            engine = self.inference_engine()
        return engine.workers if engine is not None else 1

    def drop_engine(self) -> None:
        """The weights changed: the next inference exports them again, and the folder no longer
        holds them (so they are never released again)."""
        restore_backbone(self.backbone())
        self._weights_loader = None
        self._engine = None

    def runtime_tag(self) -> str:
        """Suffix of the model fingerprint: empty for fp32 torch (old cache entries stay valid)."""
        return "" if self.backend == "torch" else f"-{self.precision}-{self.backend}"

    def runtime_info(self) -> dict[str, str]:
        return {"precision": self.precision, "backend": self.backend}


def release_backbone(backbone: nn.Module, loader: Callable[[], nn.Module]) -> bool:
    """Replace each parameter's data by a one-element NaN view of its shape (same Parameter
    objects, dtype and device; ~no memory) until a forward pass, ``state_dict`` or
    ``load_state_dict`` restores them
    with ``loader()``. A NaN result, never silently wrong numbers, if something bypassed both."""
    if getattr(backbone, "_sbert_reload", None) is not None:
        return False
    for param in backbone.parameters():
        param.data = torch.full((1,), float("nan"), dtype=param.dtype, device=param.device).expand(param.shape)
    backbone._sbert_reload = loader
    if not getattr(backbone, "_sbert_hooks", None):
        backbone._sbert_hooks = (backbone.register_forward_pre_hook(_restore_hook),
                                 backbone.register_state_dict_pre_hook(_restore_hook),
                                 backbone.register_load_state_dict_pre_hook(_restore_hook))
    return True


def restore_backbone(backbone: nn.Module) -> None:
    """Read released weights back (no-op when they are in memory)."""
    loader = getattr(backbone, "_sbert_reload", None)
    if loader is None:
        return
    fresh = dict(loader().named_parameters())
    for name, param in backbone.named_parameters():
        param.data = fresh[name].data.to(param.device)
    backbone._sbert_reload = None


def _restore_hook(module: nn.Module, *_: Any) -> None:
    restore_backbone(module)


def save_runtime_files(model: InferenceRuntime, folder: str | Path,
                       precisions: tuple[str, ...] = PRECISIONS) -> list[Path]:
    """Copy the ONNX exports of ``model`` into ``folder/onnx/`` under sentence-transformers' names
    (``model.onnx``, ``model_qint8_avx2.onnx``), each file written atomically."""
    from sbert_desktop.core.atomic import atomic_file

    target = Path(folder) / "onnx"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for precision in precisions:
        source = model.runtime_file(resolve_choice(precision, "onnx")[0])
        out = target / ONNX_FILES[precision]
        with atomic_file(out, "wb", encoding=None) as fh, open(source, "rb") as src:
            shutil.copyfileobj(src, fh)
        written.append(out)
    return written


def add_runtime_files(folder: str | Path, encoder: str = "bi") -> list[Path]:
    """Load the saved model in ``folder`` (``encoder``: "bi" or "cross") and write its ONNX fp32 and
    int8 files beside it (e.g. after training), for ``SentenceTransformer(folder, backend="onnx")``."""
    require_onnxruntime()
    if encoder == "cross":
        from sbert_desktop.core.models.cross_encoder import CrossEncoder as cls
    else:
        from sbert_desktop.core.models.bi_encoder import BiEncoder as cls
    return save_runtime_files(cls.load(folder, device="cpu"), folder)
