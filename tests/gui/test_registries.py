"""Registries fail loudly; one NLI label list; the window reads pooling modes and losses from core
without importing torch at start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_a_missing_page_module_or_class_is_an_error(monkeypatch):
    from sbert_desktop.gui import pages

    monkeypatch.setattr(pages, "PAGES", pages.PAGES + [pages.PageEntry("Ghost", "sbert_desktop.gui.pages.ghost", "GhostPage")])
    with pytest.raises(ImportError, match="Ghost.*ghost does not exist"):
        pages.available_pages()
    monkeypatch.setattr(pages, "PAGES", [pages.PageEntry("Data", "sbert_desktop.gui.pages.data", "NoSuchPage")])
    with pytest.raises(ImportError, match="no class NoSuchPage"):
        pages.available_pages()


def test_a_missing_command_module_is_an_error(monkeypatch):
    from sbert_desktop import cli

    monkeypatch.setattr(cli, "COMMANDS", cli.COMMANDS + ["ghost"])
    with pytest.raises(ImportError, match="command 'ghost'.*commands/ghost.py does not exist"):
        cli.build_parser()


def test_one_definition_of_the_nli_labels():
    from sbert_desktop.core import evaluation
    from sbert_desktop.core.data import NLI_LABELS
    from sbert_desktop.core.training import batches, losses

    assert NLI_LABELS == ("entailment", "neutral", "contradiction")
    assert evaluation.NLI_LABELS is batches.NLI_LABELS is losses.NLI_LABELS is NLI_LABELS


def test_the_window_takes_pooling_modes_and_losses_from_core_without_torch():
    code = ("import sys\n"
            "from sbert_desktop.gui.main_window import MainWindow\n"
            "from sbert_desktop.gui.pages import available_pages\n"
            "available_pages()\n"
            "from sbert_desktop.gui.pages.model import POOLING_CHOICES\n"
            "from sbert_desktop.gui.pages.training_form import LOSSES\n"
            "assert 'torch' not in sys.modules, 'torch was imported'\n"
            "from sbert_desktop.core.models import POOLING_MODES\n"
            "from sbert_desktop.core.training.config import LOSSES as CORE\n"
            "assert [v for _l, v in POOLING_CHOICES[1:]] == list(POOLING_MODES)\n"
            "assert {k: [v for v, _l in vs] for k, vs in LOSSES.items()} == {k: list(v) for k, v in CORE.items()}\n"
            "assert 'torch' not in sys.modules\n"
            "from sbert_desktop.core.models.pooling import POOLING_MODES as P\n"
            "assert P is POOLING_MODES\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
