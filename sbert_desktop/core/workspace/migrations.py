"""Upgrades of ``workspace.json`` from older schema versions, one version at a time."""

from __future__ import annotations

from typing import Any, Callable

from sbert_desktop.core.errors import WorkspaceError
from sbert_desktop.core.workspace.model import SCHEMA_VERSION


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """v1 kept the model as a string (``model``, ``pooling``, ``cross_model``) and a bare
    ``checksums`` map; v2 keeps every model's settings under ``models`` and a ``files`` table."""
    doc = dict(doc)
    models: dict[str, Any] = {"active": "bi"}
    source = doc.pop("model", None)
    pooling = doc.pop("pooling", None)
    max_len = doc.pop("max_seq_length", None)
    cross = doc.pop("cross_model", None)
    if source is not None:
        if not isinstance(source, str):
            raise WorkspaceError("'model' must be a model path or id (schema 1)")
        fingerprint = (doc.get("embeddings") or {}).get("fingerprint") if isinstance(doc.get("embeddings"), dict) else None
        models["bi"] = {"source": source, "pooling": pooling, "max_seq_length": max_len, "normalize": None,
                        "fingerprint": fingerprint}
    if cross:
        models["cross"] = {"source": cross}
    doc["models"] = models
    checksums = doc.pop("checksums", {}) or {}
    if not isinstance(checksums, dict):
        raise WorkspaceError("'checksums' must map file names to sha256 (schema 1)")
    doc["files"] = {name: {"sha256": sha, "bytes": None} for name, sha in checksums.items()}
    doc["schema_version"] = 2
    return doc


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise WorkspaceError("workspace.json has no valid 'schema_version'")
    if version > SCHEMA_VERSION:
        raise WorkspaceError(f"schema_version {version} is newer than this version of SBERT Desktop reads "
                             f"(up to {SCHEMA_VERSION}); update the app to open it")
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise WorkspaceError(f"schema_version {version} is too old to migrate")
        doc = step(doc)
        version = doc["schema_version"]
    return doc
