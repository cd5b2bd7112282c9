"""Render every page of the window in Korean to PNG at 1280x800 (docs/screenshots/ko/).

    python scripts/screenshots_ko.py [--out docs/screenshots/ko] [--lang ko] [--size 1280x800]
    (offscreen by default; or under xvfb-run -s "-screen 0 1920x1080x24" with QT_QPA_PLATFORM=xcb)

The window is built with the Korean translation (``--lang``; ``en`` renders the same series in
English), loads the bundled bi-encoder and opens the bundled example (resources/example: English
and Korean topic sentences) the way Help → Open example does: encoded, clustered with HDBSCAN,
drawn as a UMAP map, the Train page set to its STS pairs. Then it mines pairs on the Compare page,
selects a cluster and a point, runs the Evaluate page's pooling table on the example's STS dev
pairs and saves one PNG per page, plus the Korean preset dialog. Settings and caches go to a
temporary folder.
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


def settle(app, n: int = 40) -> None:
    for _ in range(n):
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "ko"))
    parser.add_argument("--lang", default="ko", choices=["ko", "en"])
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("SBERT_DESKTOP_HOME", tempfile.mkdtemp(prefix="sbert-shots-"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ["SBERT_DESKTOP_FIRST_RUN"] = "0"
    width, height = (int(v) for v in args.size.split("x"))

    from sbert_desktop.core.example import example_files
    from sbert_desktop.gui.app import create_application
    from sbert_desktop.gui.first_run import open_example
    from sbert_desktop.gui.i18n import install_translators
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState, ModelSpec

    app = create_application()
    print("translations:", install_translators(app, args.lang))
    state = AppState()
    window = MainWindow(state)
    window.resize(width, height)
    window.show()
    wait_for(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 30)

    run_job(app, window.page("Model").load(ModelSpec(source="default", pooling="mean")), "loading the model", 300)
    example = open_example(window)  # data -> encode -> HDBSCAN -> UMAP; the Train page gets the STS pairs
    wait_for(app, lambda: not example.running, 900, "the example")
    if example.status != "done":
        print(f"the example ended with {example.status}", file=sys.stderr)
        return 1

    compare = window.page("Compare")
    compare.top_k.setValue(3)
    run_job(app, compare.find_pairs(), "finding pairs", 300)
    clusters = window.page("Clusters")
    if clusters.table.rowCount() > 1:
        clusters.table.selectRow(1)
    map_page = window.page("Map")
    if len(map_page.scatter.coords):
        job = map_page.show_point(len(map_page.scatter.coords) - 1)  # a Korean sentence: the file ends with them
        if job is not None:
            run_job(app, job, "the point's neighbours", 120)
        settle(app, 100)
    evaluate = window.page("Evaluate")
    evaluate.data_file.set_path(str(example_files().sts_dev), emit=False)
    for key, box in evaluate.checks.items():
        box.setChecked(key == "pooling")
    run_job(app, evaluate.start(), "the pooling table", 900)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    window.resize(width, height)
    for row, title in enumerate(window.pages):
        window.sidebar.setCurrentRow(row)
        settle(app)
        path = out / f"{title.lower()}-{width}x{height}.png"
        window.grab().save(str(path))
        print(path)
    # a dialog: the Korean preset's plan with its estimated time
    window.show_page("Train")
    settle(app)
    train = window.page("Train")
    train.form.korean_preset_button.click()
    settle(app, 60)
    dialog = getattr(getattr(train.form, "korean_preset", None), "dialog", None)
    if dialog is not None:
        path = out / "train-korean-preset-dialog.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()
    window.close()
    state.jobs.shutdown(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
