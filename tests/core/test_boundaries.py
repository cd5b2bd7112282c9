"""The core stays headless and cheap to import; the CLI's --help does not load torch."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import sbert_desktop.core as core

FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "superqt", "sbert_desktop.gui")


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_every_core_module_imports_without_qt():
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "sbert_desktop.core.")]
    assert len(names) > 5
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r} "
        "or m.startswith('sbert_desktop.gui'))))"
    )
    assert _run(code) == []


def test_cli_help_and_data_core_do_not_import_heavy_libraries():
    code = (
        "import json, sys, contextlib, io\n"
        "import sbert_desktop.core.data, sbert_desktop.core.progress, sbert_desktop.core.errors\n"
        "from sbert_desktop.cli import build_parser\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: build_parser().parse_args(['--help'])\n"
        "    except SystemExit: pass\n"
        "print(json.dumps(sorted(m for m in ('torch', 'transformers', 'sklearn', 'pandas', 'PySide6') "
        "if m in sys.modules)))"
    )
    assert _run(code) == []
