"""Render the main pages to PNG at 1280x800 and 1920x1080 (for the README and a visual check).

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots.py [--out docs/screenshots] [--steps 60]

It loads the bundled model, opens STS-B train from ../shared/data on the Data page and fine-tunes
the bundled model for a few steps on the Train page, so every page shows real content. Settings
and runs go to a temporary folder, never to the user's own.
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

from _window import wait_for  # noqa: E402  (scripts/, beside this file)
DATA = Path(os.environ.get("SBERT_DESKTOP_DATA", ROOT.parent / "shared" / "data"))
SIZES = [(1280, 800), (1920, 1080)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--steps", type=int, default=60, help="training steps to run for the curves")
    parser.add_argument("--pages", default="Data,Model,Train",
                        help="comma-separated page titles to render, or 'all' (default: the workflow pages)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SBERT_DESKTOP_HOME", tempfile.mkdtemp(prefix="sbert-shots-"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    from sbert_desktop.gui.app import create_application
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState, ModelSpec

    app = create_application()
    state = AppState()
    window = MainWindow(state)
    window.resize(*SIZES[0])
    window.show()
    wait_for(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 30)

    # the bundled model, STS-B on the Data page, a short fine-tuning run on the Train page
    model_job = window.page("Model").load(ModelSpec(source="default", pooling="mean"))
    wait_for(app, lambda: not model_job.running, 300)
    data_job = window.page("Data").open_path(str(DATA / "stsb-en" / "sts-train.csv"))
    wait_for(app, lambda: not data_job.running, 120)
    train = window.page("Train")
    train.form.train_file.set_path(str(DATA / "stsb-en" / "sts-train.csv"))
    train.form.dev_file.set_path(str(DATA / "stsb-en" / "sts-dev.csv"))
    wait_for(app, lambda: "pairs" in train.form.dev_file.info.text() and "pairs" in train.form.train_file.info.text(), 120)
    train.form.max_steps.setValue(args.steps)
    train.form.eval_steps.setValue(max(1, args.steps // 3))
    train_job = train.start()
    wait_for(app, lambda: not train_job.running, 1800)
    if train_job.status != "succeeded":
        print(f"training ended with {train_job.status}: {train_job.failure}", file=sys.stderr)
        return 1

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        window.resize(width, height)
        titles = list(window.pages) if args.pages == "all" else [t for t in args.pages.split(",") if t in window.pages]
        for title in titles:
            window.show_page(title)
            for _ in range(20):
                app.processEvents()
                time.sleep(0.01)
            path = out / f"{title.lower()}-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
    window.close()
    state.jobs.shutdown(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
