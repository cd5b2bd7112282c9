"""The window's pages and the registry the main window builds itself from.

A page is a ``QWidget`` subclass whose constructor takes ``(state: AppState, parent=None)`` and
that has a class attribute ``title``. To add one, write ``sbert_desktop/gui/pages/<name>.py`` and
list it in :data:`PAGES`. A listed page whose module or class is missing is an error (raised when
the window is built), never silently dropped; ``cli.py`` does the same for commands. Pages talk
to each other only through the
:class:`~sbert_desktop.gui.state.AppState` signals.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    title: str
    module: str
    class_name: str
    icon: str = ""  # a QStyle.StandardPixmap name, e.g. "SP_DirOpenIcon"


#: in sidebar order; Ctrl+1..Ctrl+9 follow it
PAGES: list[PageEntry] = [
    PageEntry("Data", "sbert_desktop.gui.pages.data", "DataPage", "SP_DirOpenIcon"),
    PageEntry("Model", "sbert_desktop.gui.pages.model", "ModelPage", "SP_ComputerIcon"),
    PageEntry("Train", "sbert_desktop.gui.pages.training", "TrainingPage", "SP_MediaPlay"),
    PageEntry("Compare", "sbert_desktop.gui.pages.compare", "ComparePage", "SP_FileDialogDetailedView"),
    PageEntry("Clusters", "sbert_desktop.gui.pages.clusters", "ClustersPage", "SP_FileDialogListView"),
    PageEntry("Map", "sbert_desktop.gui.pages.map", "MapPage", "SP_DesktopIcon"),
    PageEntry("Evaluate", "sbert_desktop.gui.pages.evaluate", "EvaluatePage", "SP_FileDialogContentsView"),
]


def page_class(entry: PageEntry):
    """The page's class; ImportError naming the page when its module or class is missing."""
    try:
        module = importlib.import_module(entry.module)
    except ModuleNotFoundError as exc:
        if exc.name != entry.module:
            raise
        raise ImportError(f"page {entry.title!r} is listed in gui/pages/__init__.py but {entry.module} does not exist") from exc
    cls = getattr(module, entry.class_name, None)
    if cls is None:
        raise ImportError(f"page {entry.title!r}: {entry.module} has no class {entry.class_name}")
    return cls


def available_pages() -> list[tuple[PageEntry, type]]:
    """Every listed page with its class, in sidebar order (raises when one is missing)."""
    return [(entry, page_class(entry)) for entry in PAGES]
