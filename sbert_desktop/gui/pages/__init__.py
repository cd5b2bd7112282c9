"""The window's pages and the registry the main window builds itself from.

A page is a ``QWidget`` subclass whose constructor takes ``(state: AppState, parent=None)`` and
that has a class attribute ``title``. To add one, write ``sbert_desktop/gui/pages/<name>.py`` and
list it in :data:`PAGES`; a listed module that does not exist yet is skipped (no placeholder is
shown), as ``cli.py`` does for commands. Pages talk to each other only through the
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
]


def page_class(entry: PageEntry):
    """The page's class, or None when its module is not written yet."""
    try:
        module = importlib.import_module(entry.module)
    except ModuleNotFoundError as exc:
        if exc.name != entry.module:
            raise
        return None
    return getattr(module, entry.class_name)


def available_pages() -> list[tuple[PageEntry, type]]:
    found = []
    for entry in PAGES:
        cls = page_class(entry)
        if cls is not None:
            found.append((entry, cls))
    return found
