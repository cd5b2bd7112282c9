"""What a workspace from a stranger may and may not do: every value read from it is checked here
before it becomes a file name, a path, a size to allocate or a model to load.

Trust model: a workspace is untrusted input. Its member names must be plain relative names inside
the workspace (no ``..``, no absolute or drive paths, no backslashes, no links); the data checksum
must be 64 hex digits before it names a cache folder; the embedded copy is ``data/<plain name>``;
sizes come from the archive's directory and are checked against the file table and the archive's
own length before a byte is read; compressed members may not expand beyond :data:`MAX_RATIO`.
``workspace.json`` carries ``manifest_sha256`` over its own canonical form, so a damaged or
hand-edited manifest is refused like any other damaged file (it is a checksum, not a signature:
the checks above are what keeps a crafted workspace harmless). A model named by a workspace is
only a suggestion: a hub id that is not already on this computer is never downloaded without the
caller's explicit ``allow_download`` (the window asks the user).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sbert_desktop.core.errors import WorkspaceError

MAX_RATIO = 100                   # a compressed member may expand at most this much ...
RATIO_SLACK = 1 << 20             # ... beyond 1 MiB
MAX_MANIFEST_BYTES = 64 << 20     # workspace.json larger than this is refused unread
TABLE_SLACK = 64 << 20            # estimated in-memory size of a table: 100x its bytes + 64 MiB
STRING_ROW_BYTES = 64             # estimated memory of one string cell once read
CHECKSUM_FIELD = "manifest_sha256"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PART = re.compile(r"^[^\x00-\x1f/\\:*?\"<>|]+$")


def member_name(name: Any, what: str = "file name") -> str:
    """A workspace member name (``arrays/x.npy``) that cannot leave the workspace, or WorkspaceError."""
    if not isinstance(name, str) or not name or len(name) > 255:
        raise WorkspaceError(f"invalid {what} in workspace.json: {name!r}")
    parts = name.split("/")
    for part in parts:
        if part in ("", ".", "..") or not _PART.match(part) or part != part.strip():
            raise WorkspaceError(f"invalid {what} in workspace.json: {name!r} (a workspace refers only to its "
                                 "own files, by plain relative names)")
    return name


def plain_name(name: Any, what: str) -> str:
    """One path component (no folders, no ``..``, not hidden), or WorkspaceError."""
    if not isinstance(name, str) or "/" in name or name.startswith("."):
        raise WorkspaceError(f"invalid {what} in workspace.json: {name!r}")
    return member_name(name, what)


def sha256_hex(value: Any, what: str = "data.sha256") -> str:
    if not isinstance(value, str) or not _SHA256.match(value):
        raise WorkspaceError(f"invalid {what} in workspace.json: {value!r} (expected 64 hex digits)")
    return value


def embedded_copy_name(value: Any) -> str:
    """``data/<plain name>``: the only place a data copy lives inside a workspace."""
    name = member_name(value, "data.embedded_copy")
    folder, _, base = name.partition("/")
    if folder != "data" or not base or "/" in base:
        raise WorkspaceError(f"invalid data.embedded_copy in workspace.json: {value!r} (expected data/<name>)")
    plain_name(base, "data.embedded_copy")
    return name


def safe_copy_name(basename: str) -> str:
    """A data file's name as it is stored in ``data/`` (one that :func:`plain_name` accepts)."""
    name = re.sub(r"[\x00-\x1f/\\:*?\"<>|]", "_", basename).strip().lstrip(".") or "data"
    return name[:200]


# ----------------------------------------------------------------------------- the manifest's checksum


def manifest_checksum(doc: dict[str, Any]) -> str:
    """sha256 of the manifest's canonical JSON, without the checksum field itself."""
    body = {k: v for k, v in doc.items() if k != CHECKSUM_FIELD}
    text = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def check_manifest_checksum(doc: dict[str, Any]) -> None:
    """Refuse a manifest whose recorded checksum does not match (absent: saved before it existed)."""
    recorded = doc.get(CHECKSUM_FIELD)
    if recorded is None:
        return
    if recorded != manifest_checksum(doc):
        raise WorkspaceError("workspace.json does not match its checksum (the file was changed or damaged)")


# ----------------------------------------------------------------------------- sizes before reading


def check_member_size(name: str, declared: int, compressed: int, stored: bool, archive_bytes: int,
                      expected: int | None) -> None:
    """Refuse a member from the archive's directory alone, before reading it."""
    if expected is not None and declared != expected:
        raise WorkspaceError(f"{name} has {declared:,} bytes, {expected:,} expected (truncated or changed)")
    if compressed > archive_bytes:
        raise WorkspaceError(f"{name}: the archive's directory claims {compressed:,} bytes, more than the whole "
                             f"archive ({archive_bytes:,}); the archive is damaged or crafted")
    if stored and declared != compressed:
        raise WorkspaceError(f"{name}: stored with {compressed:,} bytes but claims {declared:,}; the archive is "
                             "damaged or crafted")
    if not stored and declared > MAX_RATIO * compressed + RATIO_SLACK:
        raise WorkspaceError(f"{name} would expand from {compressed:,} to {declared:,} bytes (more than "
                             f"{MAX_RATIO}x); refused as a likely archive bomb")


def check_table_size(name: str, metadata: Any, nbytes: int) -> None:
    """Refuse a Parquet table whose decoded size is out of proportion to its bytes (a bomb)."""
    import pyarrow as pa

    rows = int(metadata.num_rows)
    uncompressed = sum(int(metadata.row_group(i).total_byte_size) for i in range(metadata.num_row_groups))
    def row_bytes(kind: Any) -> int:
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        textual = pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind)
        return STRING_ROW_BYTES if textual else 8

    per_row = sum(row_bytes(f.type) for f in metadata.schema.to_arrow_schema())
    estimate = max(uncompressed, rows * per_row)
    if estimate > MAX_RATIO * nbytes + TABLE_SLACK:
        raise WorkspaceError(f"{name}: {rows:,} rows would take about {estimate:,} bytes from {nbytes:,} "
                             "(refused as a likely decompression bomb)")


# ----------------------------------------------------------------------------- models


def model_entries(models: Any) -> dict[str, dict[str, Any]]:
    """The ``models`` section, checked: each entry an object whose ``source`` is a string."""
    if not isinstance(models, dict):
        raise WorkspaceError("workspace.json: 'models' must be an object")
    out: dict[str, dict[str, Any]] = {}
    for kind, spec in models.items():
        if kind == "active":
            if spec not in ("bi", "cross", None):
                raise WorkspaceError(f"workspace.json: models.active must be 'bi' or 'cross', got {spec!r}")
            continue
        if not isinstance(spec, dict):
            raise WorkspaceError(f"workspace.json: models.{kind} must be an object")
        source = spec.get("source")
        if source is not None and (not isinstance(source, str) or "\x00" in source or len(source) > 4096):
            raise WorkspaceError(f"workspace.json: models.{kind}.source must be a model folder or id")
        out[kind] = spec
    return out


def models_to_download(models: dict[str, Any]) -> dict[str, str]:
    """``{kind: hub id}`` of the workspace's models that are neither local folders, the bundled
    model, nor already in the local Hugging Face cache: opening them would download."""
    from sbert_desktop.core.models.sources import needs_download

    return {kind: spec["source"] for kind, spec in model_entries(models).items()
            if spec.get("source") and needs_download(spec["source"])}


def check_model_downloads(models: dict[str, Any], allow_download: bool = False) -> None:
    """Refuse a workspace whose models would be downloaded, unless the user agreed (``allow_download``)."""
    pending = models_to_download(models)
    if pending and not allow_download:
        names = ", ".join(f"{kind}: {source}" for kind, source in sorted(pending.items()))
        raise WorkspaceError(f"the workspace names model(s) that are not on this computer ({names}); they are "
                             "downloaded only when you agree (allow_download=True / answer Yes)")
