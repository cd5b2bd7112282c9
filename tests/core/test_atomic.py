"""Atomic writes leave either the old or the new content, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from sbert_desktop.core.atomic import atomic_dir, atomic_file, atomic_write_text


def test_atomic_file_replaces_whole_or_not_at_all(tmp_path):
    target = tmp_path / "out.txt"
    atomic_write_text(target, "old")
    with pytest.raises(RuntimeError):
        with atomic_file(target) as fh:
            fh.write("half of the new")
            raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_saved_files_and_folders_get_umask_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "f.txt", "x")
        with atomic_dir(tmp_path / "d") as d:
            (d / "inner").write_text("y")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "f.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "d").stat().st_mode) == 0o755
