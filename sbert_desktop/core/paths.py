"""Where the app keeps its own files (logs, embedding cache, run folders, settings for tests).

``SBERT_DESKTOP_HOME`` overrides the location (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_home() -> Path:
    env = os.environ.get("SBERT_DESKTOP_HOME")
    if env:
        base = Path(env)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "SBERT Desktop"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "SBERT Desktop"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "sbert-desktop"
    base.mkdir(parents=True, exist_ok=True)
    return base


def cache_dir() -> Path:
    path = app_home() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def runs_dir() -> Path:
    path = app_home() / "runs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = app_home() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
