"""core.child_process: results, typed errors and progress come back; Cancel kills a running fit at
once (the child is gone and the CPU idle within 2 s); a killed parent never leaves a child behind."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from sbert_desktop.core.child_process import live_children, run_in_child, terminate_all
from sbert_desktop.core.clustering import cluster
from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Cancelled
from sbert_desktop.core.projection import project


@pytest.fixture(autouse=True)
def _stop_children():
    yield
    terminate_all()
    assert live_children() == []


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1].startswith("Z")  # a zombie uses no CPU
    except FileNotFoundError:
        return True


def test_result_progress_and_typed_error_come_back():
    x = np.random.default_rng(0).normal(size=(300, 8)).astype(np.float32)
    events = []
    coords = run_in_child(project, arrays={"emb": x}, kwargs={"method": "pca", "cache": False}, progress=events.append)
    np.testing.assert_allclose(coords, project(x, "pca", cache=False), atol=1e-5)
    assert [e.stage for e in events][-1] == "projection done"
    with pytest.raises(SbertDesktopError, match="unknown projection method"):
        run_in_child(project, arrays={"emb": x}, kwargs={"method": "nope", "cache": False})
    assert len(live_children()) == 1  # a finished child waits, warm, for the next task


def _blobs(n: int, dim: int = 16) -> np.ndarray:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(20, dim)) * 5
    return (centres[rng.integers(0, 20, n)] + rng.normal(size=(n, dim))).astype(np.float32)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cancel_hdbscan_on_20k_points_frees_the_cpu_within_2_s():
    token, fitting = CancelToken(), threading.Event()
    outcome = {}

    def on_progress(event):
        if "hdbscan" in event.stage.lower() or "cluster" in event.stage.lower():
            fitting.set()

    def work():
        try:
            outcome["result"] = run_in_child(cluster, arrays={"emb": _blobs(20_000)},
                                             kwargs={"method": "hdbscan", "reduce": None, "metric": "euclidean",
                                                     "min_cluster_size": 5}, progress=on_progress, cancel=token)
        except BaseException as exc:  # noqa: BLE001
            outcome["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    assert fitting.wait(120), "the fit never started"
    time.sleep(0.5)  # inside the library's fit now
    pids = live_children()
    assert pids
    token.cancel()
    t0 = time.monotonic()
    thread.join(2.0)
    assert not thread.is_alive() and isinstance(outcome.get("error"), Cancelled)
    assert all(_gone(pid) for pid in pids), "the child still runs"
    cpu0, wall0 = time.process_time(), time.monotonic()
    time.sleep(0.5)
    busy = (time.process_time() - cpu0) / (time.monotonic() - wall0)
    assert time.monotonic() - t0 < 2.5
    assert busy < 0.2, f"this process still uses {busy:.0%} of a core"
    assert live_children() == []


PARENT = """
import sys, threading, numpy as np
from sbert_desktop.core.child_process import run_in_child, live_children
from sbert_desktop.core.projection import project
threading.Thread(target=lambda: run_in_child(project, arrays={"emb": np.random.rand(30000, 16).astype("float32")},
                 kwargs={"method": "tsne", "cache": False}), daemon=True).start()
import time
while not live_children():
    time.sleep(0.05)
print(live_children()[0], flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_parent_leaves_no_child():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        time.sleep(1.0)
        assert not _gone(child)
        parent.kill()  # no clean-up code runs in the parent
        parent.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not _gone(child):
            time.sleep(0.05)
        assert _gone(child), "the child outlived its parent"
    finally:
        parent.kill()
        try:
            os.kill(child, 9)
        except (ProcessLookupError, UnboundLocalError):
            pass
