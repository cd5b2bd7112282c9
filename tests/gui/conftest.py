"""GUI test fixtures: an isolated AppState, the main window, small training files; every test
fails when it leaves a job thread running, or when Python's cyclic garbage collector ran off the
GUI thread during it."""

from __future__ import annotations

import csv
import gc
import threading
from pathlib import Path

import pytest

from sbert_desktop.gui.jobs import JobRunner


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As ``run_app`` does: no automatic cyclic collection, a GUI-thread timer collects instead.

    Left automatic, a collection starts in whichever thread allocates: a job thread reading a file
    could then destroy the Qt objects an earlier test left in a cycle, off the GUI thread, and Qt
    crashes (CI once died with SIGSEGV while a load job read pairs)."""
    from sbert_desktop.gui.gc_timer import GuiGarbageCollector

    collector = GuiGarbageCollector()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _no_collection_off_the_gui_thread(_collect_on_the_gui_thread):
    """Fails a test during which a collection started in another thread (automatic or a library's
    own ``gc.collect()``): the window would risk the same crash there."""
    off: list[str] = []

    def watch(phase, info):
        if phase == "start" and threading.current_thread() is not threading.main_thread():
            off.append(threading.current_thread().name)

    gc.callbacks.append(watch)
    yield
    gc.callbacks.remove(watch)
    assert not off, f"{len(off)} garbage collection(s) ran off the GUI thread, in {sorted(set(off))}"


@pytest.fixture(autouse=True)
def _no_leftover_threads(qapp):
    yield
    leftovers = JobRunner.running_threads()
    for thread in leftovers:  # give a finishing job a moment, then fail loudly
        thread.wait(5000)
    still = [t.objectName() for t in JobRunner.running_threads()]
    assert not still, f"job threads still running after the test: {still}"


@pytest.fixture(autouse=True)
def _no_first_run(monkeypatch):
    """run_app does not open the example or the guide by itself unless a test asks (first_run=True)."""
    monkeypatch.setenv("SBERT_DESKTOP_FIRST_RUN", "0")


@pytest.fixture
def state(qapp):
    from sbert_desktop.gui.state import AppState

    st = AppState()
    yield st
    st.jobs.shutdown(30)


@pytest.fixture
def window(qtbot, state):
    from sbert_desktop.gui.main_window import MainWindow

    win = MainWindow(state)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    state.jobs.shutdown(30)


@pytest.fixture
def wait_job(qtbot):
    """``wait_job(job)``: wait until the job ended (on the GUI thread); returns its status."""

    def wait(job, timeout=60_000):
        if job.running:
            with qtbot.waitSignal(job.ended, timeout=timeout):
                pass
        return job.status

    return wait


@pytest.fixture
def sts_tsv(tmp_path, data_dir) -> Path:
    """A small generic STS file (header sentence1, sentence2, score) from the real STS-B train split."""
    rows = []
    with open(data_dir / "stsb-en" / "sts-train.csv", encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\n").split("\t")
            rows.append((fields[5], fields[6], fields[4]))
            if len(rows) == 96:
                break
    path = tmp_path / "sts-small.tsv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["sentence1", "sentence2", "score"])
        writer.writerows(rows)
    return path


@pytest.fixture
def sts_dev_tsv(tmp_path, sts_tsv) -> Path:
    lines = sts_tsv.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "sts-small-dev.tsv"
    path.write_text("\n".join(lines[:33]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def tiny_loaded(qtbot, window, state, tiny_bi_encoder_dir, wait_job):
    """The window with the tiny bi-encoder loaded through the Model page."""
    page = window.page("Model")
    page.source.setCurrentIndex(page.source.findData("folder"))
    page.location.setText(str(tiny_bi_encoder_dir))
    job = page.load()
    assert wait_job(job) == "succeeded"
    return window
