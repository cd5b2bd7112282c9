"""JobRunner: results, progress, cancellation, failures and shutdown, with plain functions."""

from __future__ import annotations

import threading
import time

from sbert_desktop.core.progress import Cancelled, Progress, ProgressReporter, check


def test_result_and_progress_arrive_on_gui_thread(qtbot, state, wait_job):
    seen = []

    def work(progress, cancel):
        report = ProgressReporter(progress, total=50, stage="count", rate=1000)
        for i in range(1, 51):
            report(i)
        return threading.current_thread().name

    job = state.jobs.start("count", work)
    # a lambda receiver must run on the GUI thread, never on the worker
    job.progress.connect(lambda p: seen.append((p.done, threading.current_thread() is threading.main_thread())))
    assert wait_job(job) == "succeeded"
    assert job.result != threading.main_thread().name
    assert seen and all(on_gui for _, on_gui in seen)
    assert seen[-1][0] == 50  # the last event always goes through the throttle
    assert len(seen) < 50  # ... and the rest are throttled
    qtbot.waitUntil(lambda: not state.jobs.jobs())


def test_the_job_function_and_what_it_holds_are_released_on_the_gui_thread(qtbot, state, wait_job):
    """A job function often holds a page (a widget): were the worker to drop the last reference to it,
    the widget would be destroyed off the GUI thread, which crashes Qt. The runner drops it on the GUI
    thread once the thread has finished."""
    released = []

    class Held:  # stands for the widget the lambda closes over
        def __del__(self):
            released.append(threading.current_thread() is threading.main_thread())

    held = Held()
    job = state.jobs.start("hold", lambda progress, cancel, held=held: threading.current_thread().name)
    del held  # the job function now holds the only reference, as when a page is closed while its task runs
    assert wait_job(job) == "succeeded"
    qtbot.waitUntil(lambda: not state.jobs.jobs())
    assert released == [True]


def test_cancel_stops_at_the_next_check(qtbot, state, wait_job):
    started = threading.Event()

    def work(progress, cancel):
        for i in range(10_000):
            progress(Progress(i, 10_000, "spin"))
            started.set()
            check(cancel)
            time.sleep(0.001)
        return "too late"

    job = state.jobs.start("spin", work)
    with qtbot.waitSignal(job.progress, timeout=5000):
        pass
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    assert job.status == "cancelled" and job.result is None


def test_failure_carries_traceback_and_is_logged(qtbot, state, wait_job):
    from sbert_desktop.core.errors import DataError
    from sbert_desktop.gui.errors import log_file, open_error_dialogs, show_failure

    def broken(progress, cancel):
        raise ZeroDivisionError("boom in worker")

    job = state.jobs.start("broken", broken)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    failure = blocker.args[0]
    assert not failure.expected
    assert "ZeroDivisionError" in failure.traceback and "broken" in failure.traceback
    box = show_failure(None, failure)
    assert box.detailedText() == failure.traceback  # behind the "Show Details..." button
    assert "boom in worker" in log_file().read_text(encoding="utf-8")
    assert box in open_error_dialogs()
    box.close()

    expected = state.jobs.start("bad file", lambda p, c: (_ for _ in ()).throw(DataError("x.tsv", "no score", line=3)))
    with qtbot.waitSignal(expected.failed, timeout=5000) as blocker:
        pass
    assert blocker.args[0].expected and "line 3" in blocker.args[0].message


def test_shutdown_cancels_and_waits(qtbot, state, wait_job):
    def forever(progress, cancel):
        while True:
            check(cancel)
            time.sleep(0.005)

    jobs = [state.jobs.start(f"loop {i}", forever) for i in range(3)]
    assert state.jobs.busy()
    assert state.jobs.shutdown(timeout=5)
    for job in jobs:
        wait_job(job)
        assert job.status == "cancelled"
    qtbot.waitUntil(lambda: not state.jobs.jobs())


def test_cancelled_exception_from_core_is_a_cancel(qtbot, state, wait_job):
    def work(progress, cancel):
        raise Cancelled()

    job = state.jobs.start("x", work)
    assert wait_job(job) == "cancelled"
