"""Cancel latency of a clustering fit: ours (HDBSCAN in a child process, core.child_process) against
the previous way, the same fit on a worker thread, which a cancel token cannot interrupt.

Data: ``n`` float32 16-d points around 20 seeded centres. For each repeat:

* ours: start ``run_in_child(cluster, ...)`` on a thread, wait for the "clustering (hdbscan)"
  progress event plus ``--into`` seconds, cancel, and time until the child process is gone
  (its CPU is free) and the call returned;
* previous: the same ``cluster(...)`` on a thread with a cancel token set at the same point; the
  thread (and its CPU) is only free when the library fit ends, so that time is the cancel latency.

    python bench/cancel.py [--n 20000] [--repeats 3] [--into 1.0]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from sbert_desktop.core.child_process import live_children, run_in_child, terminate_all  # noqa: E402
from sbert_desktop.core.clustering import cluster  # noqa: E402
from sbert_desktop.core.progress import CancelToken  # noqa: E402

PARAMS = {"method": "hdbscan", "reduce": None, "metric": "euclidean", "min_cluster_size": 5}


def blobs(n: int) -> np.ndarray:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(20, 16)) * 5
    return (centres[rng.integers(0, 20, n)] + rng.normal(size=(n, 16))).astype(np.float32)


def gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1].startswith("Z")
    except FileNotFoundError:
        return True


def run(x: np.ndarray, into: float, child: bool) -> float:
    token, fitting, done = CancelToken(), threading.Event(), threading.Event()

    def progress(event) -> None:
        if "clustering" in event.stage:
            fitting.set()

    def work() -> None:
        try:
            if child:
                run_in_child(cluster, arrays={"emb": x}, kwargs=PARAMS, progress=progress, cancel=token)
            else:
                cluster(x, progress=progress, cancel=token, **PARAMS)
        except BaseException:  # noqa: BLE001 — Cancelled is the expected end
            pass
        done.set()

    threading.Thread(target=work, daemon=True).start()
    fitting.wait()
    time.sleep(into)
    pids = live_children()
    token.cancel()
    t0 = time.perf_counter()
    done.wait()
    while child and not all(gone(p) for p in pids):
        time.sleep(0.005)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--into", type=float, default=1.0)
    args = ap.parse_args()
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"HDBSCAN on {args.n:,} x 16 points, cancelled {args.into} s into the fit; {os.cpu_count()} CPUs")
    x = blobs(args.n)
    cluster(x[:500], **PARAMS)  # imports and compiled code warm in this process too
    run_in_child(cluster, arrays={"emb": x[:500]}, kwargs=PARAMS)  # a warm child, as in the window
    ours = [run(x, args.into, child=True) for _ in range(args.repeats)]
    theirs = [run(x, args.into, child=False) for _ in range(args.repeats)]
    terminate_all()
    o, t = float(np.median(ours)), float(np.median(theirs))
    print(f"ours (child process, killed):   median {o * 1000:.0f} ms  runs {[round(v * 1000) for v in ours]}")
    print(f"previous (thread, fit runs on): median {t * 1000:.0f} ms  runs {[round(v * 1000) for v in theirs]}")
    print(f"ratio previous / ours: {t / o:.0f}x")
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
