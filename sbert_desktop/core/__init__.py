"""Headless core of SBERT Desktop.

Nothing in this package imports Qt (PySide6, pyqtgraph) or the GUI layer; heavy libraries
(torch, transformers, scikit-learn, pandas) are imported inside the functions that need them so
that importing the core stays cheap. Long jobs report through a progress callback and stop on a
:class:`~sbert_desktop.core.progress.CancelToken`.
"""
