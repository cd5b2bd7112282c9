"""Render the exploration pages (Compare, Clusters, Map) to PNG, with real content.

    xvfb-run -s "-screen 0 1920x1080x24" python scripts/screenshots_explore.py [--out DIR] [--sizes 1280x800]

It loads the bundled model as the bi-encoder and ``--cross-encoder`` (a trained one, e.g. the
folder ``python bench/train.py --encoder cross --max-steps 0 --keep runs/stsb-ce`` writes; by
default the bundled weights with an untrained head, whose scores show the layout, not quality),
opens resources/example/sentences.csv (else the STS-B dev sentences), encodes it, clusters it
with HDBSCAN, draws a UMAP map, selects a region and clicks a point, mines pairs and runs a
search. Settings and caches go to a temporary folder.
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


def settle(app, n: int = 30) -> None:
    for _ in range(n):
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "explore"))
    parser.add_argument("--sizes", default="1280x800", help="comma-separated WxH (default: %(default)s)")
    parser.add_argument("--method", default="umap", choices=["umap", "tsne", "pca"])
    parser.add_argument("--cross-encoder", default="default", help="cross-encoder folder (default: %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SBERT_DESKTOP_HOME", tempfile.mkdtemp(prefix="sbert-shots-"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    import numpy as np

    from sbert_desktop.gui.app import create_application
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState, ModelSpec

    app = create_application()
    state = AppState()
    window = MainWindow(state)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    window.resize(*sizes[0])
    window.show()
    wait_for(app, lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), 30)

    model_page = window.page("Model")
    run_job(app, model_page.load(ModelSpec(encoder="cross", source=args.cross_encoder)), "loading the cross-encoder")
    run_job(app, model_page.load(ModelSpec(source="default")), "loading the bi-encoder")
    example = ROOT / "resources" / "example" / "sentences.csv"
    path = example if example.exists() else DATA / "stsb-en" / "sts-dev.csv"
    run_job(app, window.page("Data").open_path(str(path)), "opening the sentences")

    compare, clusters, map_page = window.page("Compare"), window.page("Clusters"), window.page("Map")
    run_job(app, compare.bar.encode(), "encoding")
    clusters.min_cluster_size.setValue(8)
    run_job(app, clusters.run(), "clustering")
    map_page.method.setCurrentIndex(map_page.method.findData(args.method))
    run_job(app, map_page.project(), "projecting", 900)

    # the map: select the biggest cluster's region, click one of its points
    labels = state.embeddings and map_page.exploration.labels()
    coords = map_page.scatter.coords
    members = np.flatnonzero(labels == 0) if labels is not None else np.arange(min(20, len(coords)))
    lo, hi = np.percentile(coords[members], 10, axis=0), np.percentile(coords[members], 90, axis=0)
    map_page.scatter.view.finish_selection([(lo[0], lo[1]), (hi[0], hi[1])])
    neighbours_done = []
    map_page.neighbours.finished.connect(neighbours_done.append)
    map_page.show_point(int(members[0]))
    wait_for(app, lambda: neighbours_done, 120, "the neighbours")

    compare.top_k.setValue(3)
    compare.max_pairs.setValue(1000)
    run_job(app, compare.find_pairs(), "mining pairs", 900)
    search_done = []
    compare.rerank.finished.connect(search_done.append)
    compare.query.setText("Will it rain tomorrow?")
    compare.search()
    wait_for(app, lambda: search_done, 120, "the search")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shots = [("Compare", "compare-pairs", lambda: compare.tabs.setCurrentIndex(0)),
             ("Compare", "compare-search", lambda: compare.tabs.setCurrentIndex(1)),
             ("Clusters", "clusters", lambda: None), ("Map", "map", lambda: None)]
    for width, height in sizes:
        window.resize(width, height)
        for title, name, prepare in shots:
            window.show_page(title)
            prepare()
            settle(app)
            target = out / f"{name}-{width}x{height}.png"
            window.grab().save(str(target))
            print(target)
    window.close()
    state.jobs.shutdown(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
