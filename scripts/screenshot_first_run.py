"""A real first start, timed: empty settings, bundled model, the example walk to the map.

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/screenshot_first_run.py [--train] [--out docs/screenshots]

It starts the window as ``sbert-desktop`` does (a fresh ``SBERT_DESKTOP_HOME``), waits until the
example is on the map, prints how long each step took and saves ``first-run-1280x800.png``. With
``--train`` it then presses Start on the Train page (the example's STS pairs, the paper's
defaults), prints the dev Spearman before and after and the wall time, and saves
``first-run-train-1280x800.png``.
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


def settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--train", action="store_true", help="then train on the example's STS pairs")
    args = parser.parse_args(argv)
    os.environ["SBERT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="sbert-first-run-")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.pop("SBERT_DESKTOP_FIRST_RUN", None)

    t0 = time.monotonic()
    from sbert_desktop.gui import first_run
    from sbert_desktop.gui.app import create_application
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState

    app = create_application()
    state = AppState()
    window = MainWindow(state)
    window.show()
    wait_for(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 30)
    print(f"window shown         {time.monotonic() - t0:6.1f} s  ({window.width()}x{window.height()})")
    window.start_up(None)
    run = first_run.start(window)
    assert run is not None, "the example did not start on an empty settings folder"
    steps: dict[str, float] = {}
    run.step_changed.connect(lambda step: steps.setdefault(step, time.monotonic() - t0))
    wait_for(app, lambda: not run.running, 900)
    done = time.monotonic() - t0
    for step, at in steps.items():
        print(f"  step {step:<14} from {at:6.1f} s")
    clusters = window.page("Clusters").exploration.clusters
    print(f"example {run.status:<12} {done:6.1f} s after start; "
          f"{clusters.result.n_clusters if clusters else 0} clusters, "
          f"noise {int((clusters.labels < 0).sum()) if clusters else 0}")
    if clusters is not None:
        for label, name in clusters.all_names().items():
            print(f"    {label:>3} {clusters.result.sizes.get(label, int((clusters.labels < 0).sum())):>4}  {name}")
    if run.status != "done":
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    settle(app, 1.5)
    path = out / "first-run-1280x800.png"
    window.grab().save(str(path))
    print(f"saved {path}")

    if args.train:
        train = window.page("Train")
        window.show_page("Train")
        wait_for(app, lambda: "pairs" in train.form.train_file.info.text() and "pairs" in train.form.dev_file.info.text(), 60)
        start = time.monotonic()
        job = train.start()
        wait_for(app, lambda: not job.running, 1800)
        seconds = time.monotonic() - start
        run_record = train.runs.selected_run()
        result = job.result
        print(f"training {job.status} in {seconds:.1f} s wall ({getattr(result, 'train_seconds', float('nan')):.1f} s "
              f"training); steps {run_record.total_steps}")
        print(f"dev metric per evaluation: {list(zip(run_record.metric_steps, run_record.metrics))}")
        print(f"best dev {getattr(result, 'metric_name', '?')} {getattr(result, 'best_metric', float('nan')):.4f}")
        settle(app, 1.5)
        path = out / "first-run-train-1280x800.png"
        window.grab().save(str(path))
        print(f"saved {path}")
    window.close()
    state.jobs.shutdown(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
