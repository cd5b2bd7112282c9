"""Time to a visible window, beside the time to import torch and transformers alone.

Each measurement runs in a fresh interpreter (nothing cached in-process) and counts from its
first statement; the median of ``--repeats`` runs is printed. The window must not wait for the
heavy libraries: it is shown first, and the model (with torch) loads afterwards on a worker thread.

    python bench/startup.py [--repeats 5]          # offscreen unless QT_QPA_PLATFORM/DISPLAY say otherwise
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WINDOW = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from sbert_desktop.gui.app import create_application
from sbert_desktop.gui.main_window import MainWindow
from sbert_desktop.gui.state import AppState
app = create_application()
window = MainWindow(AppState())
window.show()
while window.windowHandle() is None or not window.windowHandle().isExposed():
    app.processEvents()
app.processEvents()  # the first paint
shown = time.perf_counter() - t0
print(json.dumps({{"seconds": shown, "torch_loaded": "torch" in sys.modules,
                  "transformers_loaded": "transformers" in sys.modules}}))
window.close()
"""

HEAVY = r"""
import json, time
t0 = time.perf_counter()
import torch, transformers
from transformers import AutoModel, AutoTokenizer
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def run(code: str, env: dict) -> dict:
    # -X importtime is not used: it slows imports; wall time from inside the child is what we want
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(f"child failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="time to a visible window vs. importing torch + transformers")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    env.setdefault("SBERT_DESKTOP_HOME", tempfile.mkdtemp(prefix="sbert-startup-"))
    if "DISPLAY" not in env and "WAYLAND_DISPLAY" not in env:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    window_runs, heavy_runs = [], []
    for _ in range(args.repeats):  # alternate, so machine load hits both alike
        window_runs.append(run(WINDOW.format(root=str(ROOT)), env))
        heavy_runs.append(run(HEAVY, env))
    shown = statistics.median(r["seconds"] for r in window_runs)
    heavy = statistics.median(r["seconds"] for r in heavy_runs)
    loaded = any(r["torch_loaded"] or r["transformers_loaded"] for r in window_runs)
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'default')}, median of {args.repeats}")
    print(f"time to a visible window:          {shown:6.2f} s")
    print(f"import torch + transformers alone: {heavy:6.2f} s")
    print(f"torch or transformers imported before the window was shown: {'YES' if loaded else 'no'}")
    return 1 if loaded else 0


if __name__ == "__main__":
    sys.exit(main())
