"""Names from ``transformers``, looked up under one process-wide lock.

transformers 5 fills its top-level namespace lazily (``_LazyModule``): the first ``from transformers
import AutoModel`` imports the submodules behind it. Two threads doing that first lookup at the
same moment can see a half-filled module and fail with ``ImportError: cannot import name
'AutoModel'`` or ``AttributeError`` (a known race, e.g. vllm-project/vllm#40442). The window loads
models on worker threads, and at a first start two loads run at once (the bundled model and the last
one used): it happened here, and a fresh interpreter with six threads looking up Auto* names failed
in 2 of 5 runs. Every lookup in this package goes through :func:`transformers_names`.
"""

from __future__ import annotations

import threading
from typing import Any

_LOCK = threading.Lock()


def transformers_names(*names: str) -> tuple[Any, ...]:
    """``transformers.<name>`` for each of ``names``, in order (one lookup at a time per process)."""
    with _LOCK:
        import transformers

        return tuple(getattr(transformers, name) for name in names)
