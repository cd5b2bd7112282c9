"""Render what issue #12 fixed, on the example data with the bundled model, to PNG:

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots_window_use.py [--out DIR]

* ``data-all-columns``: the Data page previews every column (text first, then topic and lang);
* ``map-colour-by-topic``: the Map coloured by the file's ``topic`` column, the hover label of a
  point at the right edge opening inwards, the status bar naming both models;
* ``compare-missing-cross``: Compare says which model is missing and offers to load it.
Settings and caches go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _window import run_job, wait_for  # noqa: E402  (scripts/, beside this file)


def settle(app, n: int = 30) -> None:
    for _ in range(n):
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("SBERT_DESKTOP_HOME", tempfile.mkdtemp(prefix="sbert-shots-"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    import numpy as np
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    from sbert_desktop.core.example import example_files
    from sbert_desktop.gui.app import create_application
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState, ModelSpec

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    state = AppState()
    window = MainWindow(state)
    window.resize(1280, 800)
    window.show()
    wait_for(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 30)

    model_page = window.page("Model")
    run_job(app, model_page.load(ModelSpec()), "loading the bundled model")
    data_page = window.page("Data")
    window.show_page("Data")
    run_job(app, data_page.open_path(str(example_files().sentences)), "opening the example")
    settle(app)
    window.grab().save(str(out / "data-all-columns-1280x800.png"))

    run_job(app, data_page.encode(), "encoding")
    map_page = window.page("Map")
    map_page.method.setCurrentIndex(map_page.method.findData("pca"))
    window.show_page("Map")
    wait_for(app, lambda: map_page.exploration.projection is not None
             and state.jobs.current("project") is None, 300, "the map")
    map_page.colour_by.setCurrentIndex(map_page.colour_by.findData("topic"))
    settle(app)
    scatter = map_page.scatter
    row = int(np.argmax(scatter.coords[:, 0]))  # the right-most point: its label must open to the left
    x, y = scatter.coords[row]
    pos = scatter.plot.mapFromScene(scatter.view.mapViewToScene(QPointF(float(x), float(y))))
    QTest.mouseMove(scatter.plot.viewport(), pos)
    wait_for(app, lambda: scatter._hovered == row, 10, "the hover label")
    settle(app)
    window.grab().save(str(out / "map-colour-by-topic-1280x800.png"))

    window.show_page("Compare")
    settle(app)
    window.grab().save(str(out / "compare-missing-cross-1280x800.png"))
    print("\n".join(str(p) for p in sorted(out.glob("*-1280x800.png"))
                    if p.name.startswith(("data-all", "map-colour", "compare-missing"))))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
