"""Render the Evaluate page (pooling, bi vs cross, retrieval tabs) to PNG with real results.

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots_evaluate.py --cross-encoder runs/ce-preset

Loads the bundled model as the bi-encoder and ``--cross-encoder`` (a trained one, e.g. the folder
``bench/cross_preset.py --keep DIR`` writes; without it only the bi-encoder's tables are drawn),
types STS-B dev into the page, clicks Run and waits, then saves one PNG per tab. Settings and
caches go to a temporary folder.
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
DATA = Path(os.environ.get("SBERT_DESKTOP_DATA", ROOT.parent / "shared" / "data"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--data", default=str(DATA / "stsb-en" / "sts-dev.csv"))
    parser.add_argument("--cross-encoder", help="trained cross-encoder folder")
    parser.add_argument("--rerank-k", default="10,50,100")
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
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    wait_for(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 30)
    model_page = window.page("Model")
    if args.cross_encoder:
        run_job(app, model_page.load(ModelSpec(encoder="cross", source=args.cross_encoder)), "loading the cross-encoder")
    run_job(app, model_page.load(ModelSpec(source="default")), "loading the bi-encoder")

    window.show_page("Evaluate")
    page = window.page("Evaluate")
    page.data_file.set_path(args.data, emit=False)
    page.rerank_k.setText(args.rerank_k)
    started = time.perf_counter()
    job = page.start()
    run_job(app, job, "evaluating", 3600)
    print(f"evaluated in {time.perf_counter() - started:.0f}s: {page.message.text()}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(("pooling", "cost", "retrieval")):
        page.tabs.setCurrentIndex(index)
        for _ in range(30):
            app.processEvents()
            time.sleep(0.01)
        target = out / f"evaluate-{name}-{width}x{height}.png"
        window.grab().save(str(target))
        print(target)
    import json

    results = ROOT / "bench" / "results" / f"evaluate-page-{Path(args.data).parent.name}-{Path(args.data).stem}.json"
    results.write_text(json.dumps(page.current, indent=2, default=float) + "\n", encoding="utf-8")
    print(results)
    window.close()
    state.jobs.shutdown(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
