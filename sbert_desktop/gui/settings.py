"""UI-only state that survives a restart: window geometry, recent files, recent and last model.

Stored with :class:`QSettings` in an INI file under :func:`sbert_desktop.core.paths.app_home`,
so ``SBERT_DESKTOP_HOME`` (set per test by ``tests/conftest.py``) isolates it completely.
Results (models, hyperparameters) are not settings; they live in the run folders as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from sbert_desktop.core.paths import app_home

MAX_RECENT = 10


class Settings:
    """A thin typed wrapper around one INI-format :class:`QSettings`."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else app_home() / "settings.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- generic -----------------------------------------------------------------------------
    def value(self, key: str, default: Any = None) -> Any:
        return self._qs.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    def _list(self, key: str) -> list[str]:
        raw = self._qs.value(key, "[]")
        try:
            items = json.loads(raw) if isinstance(raw, str) else list(raw or [])
        except (ValueError, TypeError):
            items = []
        return [str(x) for x in items if x]

    def _push(self, key: str, item: str) -> list[str]:
        items = [item] + [x for x in self._list(key) if x != item]
        items = items[:MAX_RECENT]
        self._qs.setValue(key, json.dumps(items))
        return items

    # -- window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)

    def last_page(self) -> str:
        return str(self._qs.value("window/page", "Data"))

    def set_last_page(self, name: str) -> None:
        self._qs.setValue("window/page", name)

    # -- recent files ------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return self._list("recent/files")

    def add_recent_file(self, path: str | Path) -> list[str]:
        return self._push("recent/files", str(Path(path).resolve()))

    def clear_recent_files(self) -> None:
        self._qs.setValue("recent/files", "[]")

    # -- models ------------------------------------------------------------------------------
    def recent_models(self) -> list[str]:
        return self._list("recent/models")

    def add_recent_model(self, source: str) -> list[str]:
        return self._push("recent/models", source)

    def last_model(self) -> dict | None:
        """The model to load at start: ``{"encoder", "source", "pooling", ...}`` or None."""
        raw = self._qs.value("model/last")
        if not raw:
            return None
        try:
            spec = json.loads(raw)
        except (ValueError, TypeError):
            return None
        return spec if isinstance(spec, dict) and spec.get("source") else None

    def set_last_model(self, spec: dict) -> None:
        """Remember ``spec`` as the active model and as the last model of its kind (bi or cross)."""
        self._qs.setValue("model/last", json.dumps(spec))
        kind = "cross" if spec.get("encoder") == "cross" else "bi"
        self._qs.setValue(f"model/{kind}", json.dumps(spec))
        self._qs.setValue("model/active", kind)

    def set_active_kind(self, kind: str) -> None:
        """Which kept model (``"bi"`` or ``"cross"``) is active at the next start."""
        self._qs.setValue("model/active", kind)

    def last_models(self) -> tuple[dict[str, dict], str]:
        """The models to load at start, one per kind (``{"bi": spec, "cross": spec}``, either may be
        missing), and which kind was active. Settings written before both were kept hold only
        ``model/last``: it counts as its own kind."""
        models: dict[str, dict] = {}
        for kind in ("bi", "cross"):
            raw = self._qs.value(f"model/{kind}")
            try:
                spec = json.loads(raw) if raw else None
            except (ValueError, TypeError):
                spec = None
            if isinstance(spec, dict) and spec.get("source"):
                models[kind] = spec
        last = self.last_model()
        active = str(self._qs.value("model/active", "") or "")
        if last is not None:
            kind = "cross" if last.get("encoder") == "cross" else "bi"
            models.setdefault(kind, last)
            active = active or kind
        return models, active if active in models else ("bi" if "bi" in models else next(iter(models), "bi"))
