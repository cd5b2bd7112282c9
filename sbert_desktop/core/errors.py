"""Typed errors for problems a user can act on.

Every expected problem (a malformed file, a missing column, an unknown model while offline) is an
:class:`SbertDesktopError`. The CLI prints ``str(error)`` on one line and exits non-zero; the GUI
shows it next to the control that caused it. Anything else is a bug and gets a traceback.
"""

from __future__ import annotations

from pathlib import Path


class SbertDesktopError(Exception):
    """Base class of every error a user can act on."""


class DataError(SbertDesktopError):
    """A data file cannot be read as asked: names the file, the line (1-based) and the reason."""

    def __init__(self, path: str | Path | None, reason: str, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = reason
        where = self.path or "<input>"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {reason}")


class ModelLoadError(SbertDesktopError):
    """A model source cannot be resolved or loaded."""


class TrainingDataError(SbertDesktopError):
    """Training data does not fit the chosen task or loss; raised before the first step."""


class ExportError(SbertDesktopError):
    """An export was refused (too large, wrong format) or could not be written."""


class WorkspaceError(SbertDesktopError):
    """A workspace or cache entry is missing, corrupt or from an unknown version."""


#: errors of the disk rather than of the program: a full disk or quota, a read-only or forbidden place
_DISK_ERRNOS = ("ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EFBIG", "EIO")


def disk_error(exc: BaseException) -> str | None:
    """One line for an :class:`OSError` the user can act on (disk full, no permission), else None."""
    import errno

    if not isinstance(exc, OSError):
        return None
    codes = {getattr(errno, name) for name in _DISK_ERRNOS if hasattr(errno, name)}
    if exc.errno not in codes:
        return None
    where = exc.filename or ""
    hint = " (free some space and run it again; nothing half-written was left)" \
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG) else ""
    return f"{where + ': ' if where else ''}{exc.strerror or exc}{hint}"
