"""Atomic writes: a crash or kill at any moment leaves either the old file/folder or the new one."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from sbert_desktop.core import faults


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_file(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator:
    """Open a temporary file beside ``path``; on success fsync and rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a saved file gets the usual permissions
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        faults.boundary("atomic.file")
        os.replace(tmp, path)
    except BaseException as exc:
        if not faults.is_kill(exc):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    with atomic_file(path, "w") as fh:
        fh.write(text)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_file(path, "wb") as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_dir(path: str | Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``path``; on success it replaces ``path`` whole.

    An existing ``path`` is first renamed aside and removed only after the new folder is in place,
    so at every moment one complete folder exists under ``path`` or its backup name.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    recover_dir(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        yield tmp
        follow_umask(tmp)
        faults.boundary("atomic.dir")
        backup = None
        if path.exists():
            backup = path.with_name(f".{path.name}.old-{os.getpid()}")
            if backup.exists():
                shutil.rmtree(backup)
            os.replace(path, backup)
            faults.boundary("atomic.dir.swap")
        os.replace(tmp, path)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException as exc:
        if not faults.is_kill(exc):
            shutil.rmtree(tmp, ignore_errors=True)
        raise


def follow_umask(folder: str | Path) -> None:
    """Give every file and folder under ``folder`` the permissions the umask gives new ones (libraries
    such as safetensors write 0600 temporary files that would otherwise keep that mode)."""
    mask = _umask()
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(root, name), 0o777 & ~mask)
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full):
                with contextlib.suppress(OSError):
                    os.chmod(full, 0o666 & ~mask)


def recover_dir(path: str | Path) -> bool:
    """After a kill between :func:`atomic_dir`'s two renames ``path`` is missing and the previous
    folder waits under its backup name: put it back. Returns True when it did."""
    path = Path(path)
    if os.path.lexists(path):
        return False
    try:
        backups = sorted(path.parent.glob(f".{glob_escape(path.name)}.old-*"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return False
    for backup in reversed(backups):
        if backup.is_dir():
            os.replace(backup, path)
            return True
    return False


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)
