"""Workspaces: a whole analysis saved as one folder (``NAME.sbertws``) or one archive (``NAME.sbert``).

::

    NAME.sbertws/
        workspace.json        schema_version, app_version, created, data, models, embeddings, clusters,
                              projection, pairs, selections, extras, runs, pages,
                              files (sha256 and size of every other file)
        sentences.parquet     the sentences the arrays describe, row for row
        arrays/embeddings.npy float32 [n, dim]      arrays/labels.npy   int64 [n]
        arrays/coords.npy     float32 [n, k]        selections/<i>.npy  int64 row indices
        arrays/extra-<i>.npy  any numeric array a page keeps (named in workspace.json)
        pairs/<i>.parquet     one table per pair list (columns of equal length)
        runs/<i>.csv          each training run's history (its curves)
        data/<name>           an embedded copy of the data file (optional)

A ``.sbert`` archive is the same tree in an uncompressed zip. Saving is atomic: a folder is built
beside the target and renamed over it; an archive is written to a temporary file and renamed.
Loading checks everything before returning (JSON, schema version, types, every file against its
checksum, array shapes against each other) and raises :class:`WorkspaceError` saying what is wrong;
it never returns a half-read workspace. Older schema versions are upgraded by ``MIGRATIONS``.
This module knows nothing about Qt: the window maps its pages to and from :class:`Workspace`.
"""

from __future__ import annotations

from sbert_desktop.core.workspace.load import embedded_data_path, is_workspace, load_workspace
from sbert_desktop.core.workspace.migrations import MIGRATIONS, migrate
from sbert_desktop.core.workspace.model import (
    ARCHIVE_SUFFIX, FOLDER_SUFFIX, MANIFEST, SCHEMA_VERSION, Workspace, check_data, describe_data, file_sha256,
    locate_data, validate,
)
from sbert_desktop.core.workspace.save import save_workspace

__all__ = [
    "ARCHIVE_SUFFIX", "FOLDER_SUFFIX", "MANIFEST", "MIGRATIONS", "SCHEMA_VERSION", "Workspace", "check_data",
    "describe_data", "embedded_data_path", "file_sha256", "is_workspace", "load_workspace", "locate_data",
    "migrate", "save_workspace", "validate",
]
