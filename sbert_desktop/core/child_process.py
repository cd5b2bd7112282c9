"""Run a CPU-bound core function in a child process that Cancel stops at once (no Qt in here).

Library fits such as HDBSCAN, UMAP, t-SNE, k-means and agglomerative clustering hold the CPU for
seconds to minutes without a point where a :class:`~sbert_desktop.core.progress.CancelToken` could
be checked. :func:`run_in_child` runs such a function in a child interpreter
(``python -m sbert_desktop.core.child_process``; the parent's ``__main__`` is never re-imported).
A child that finished its task is kept (up to :data:`MAX_IDLE`) for the next one, so imports and
numba's compiled code stay warm; a cancelled one is killed, never reused.

* big arrays travel through temporary ``.npy`` files, never through the pipe; the other
  arguments and the result are pickled (length-prefixed) over the child's stdin/stdout;
* the child's ``progress`` events come back the same way and are passed to ``progress``;
* when ``cancel`` is set the child is terminated (then killed after :data:`KILL_AFTER`) and
  :class:`~sbert_desktop.core.progress.Cancelled` is raised: the CPU is free within a second;
* the parent keeps the child's stdin open; the child reads it on a watcher thread and exits at
  end-of-file, so a closed or crashed (even killed) parent never leaves a child behind.

``target`` must be a module-level function (the child imports it by name); it is called as
``target(**arrays, **kwargs, progress=callback)``. :func:`live_children` lists the children still
running and :func:`terminate_all` stops them (the window calls it when it closes).
"""

from __future__ import annotations

import os
import pickle
import queue
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any, BinaryIO, Callable

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Cancelled, Progress

POLL_SECONDS = 0.05  # how often the parent looks at the cancel token while waiting
KILL_AFTER = 0.5  # seconds between terminate and kill
MAX_IDLE = 2  # finished children kept for the next task (imports and compiled code stay warm)

_lock = threading.Lock()
_workers: set["_Worker"] = set()  # every child still known, busy or idle
_idle: list["_Worker"] = []


class BackgroundProcessError(SbertDesktopError):
    """The child process ended without a result (killed from outside, out of memory, crash)."""


class _Worker:
    """One child interpreter serving requests one at a time; its stdin is the parent's lifeline."""

    def __init__(self) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the sbert_desktop package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen([sys.executable, "-m", "sbert_desktop.core.child_process"], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None)
        self.messages: queue.Queue = queue.Queue()
        threading.Thread(target=_read_all, args=(self.proc.stdout, self.messages), daemon=True,
                         name=f"child-reader-{self.proc.pid}").start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        """Terminate the child if it still runs, reap it and close its pipes."""
        proc = self.proc
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(KILL_AFTER)
            except subprocess.TimeoutExpired:
                proc.kill()
        try:
            proc.wait(5.0)
        except subprocess.TimeoutExpired:  # pragma: no cover — a process that ignores SIGKILL
            pass
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        with _lock:
            _workers.discard(self)
            if self in _idle:
                _idle.remove(self)


def _take() -> _Worker:
    with _lock:
        while _idle:
            worker = _idle.pop()
            if worker.alive():
                return worker
            _workers.discard(worker)
        worker = _Worker()
        _workers.add(worker)
        return worker


def _give_back(worker: _Worker) -> None:
    with _lock:
        keep = worker.alive() and len(_idle) < MAX_IDLE and worker in _workers
        if keep:
            _idle.append(worker)
    if not keep:
        worker.stop()


def run_in_child(target: Callable[..., Any], *, arrays: dict[str, Any] | None = None,
                 kwargs: dict[str, Any] | None = None, progress: Callable[[Progress], None] | None = None,
                 cancel: CancelToken | None = None) -> Any:
    """``target(**arrays, **kwargs, progress=...)`` in a child process; see the module docstring."""
    import numpy as np

    if cancel is not None and cancel.cancelled:
        raise Cancelled()
    folder = tempfile.mkdtemp(prefix="sbert-task-")
    worker: _Worker | None = None
    healthy = False
    try:
        paths = {}
        for key, value in (arrays or {}).items():
            paths[key] = os.path.join(folder, f"{key}.npy")
            np.save(paths[key], np.ascontiguousarray(value), allow_pickle=False)
        request = pickle.dumps((target.__module__, target.__qualname__, paths, dict(kwargs or {})))
        worker = _take()
        try:
            _write(worker.proc.stdin, request)
        except OSError as exc:
            raise BackgroundProcessError(f"could not start the background process: {exc}") from exc
        outcome, payload = _wait(worker, progress, cancel)  # Cancelled / BackgroundProcessError: child gone
        healthy = True
        if outcome == "result":
            return payload
        error, text = payload
        if isinstance(error, BaseException):
            raise error
        raise RuntimeError(f"{error}\n--- in the background process ---\n{text}")
    finally:
        if worker is not None:
            _give_back(worker) if healthy else worker.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _wait(worker: _Worker, progress, cancel) -> tuple[str, Any]:
    while True:
        if cancel is not None and cancel.cancelled:
            worker.stop()
            raise Cancelled()
        try:
            kind, payload = worker.messages.get(timeout=POLL_SECONDS)
        except queue.Empty:
            continue
        if kind == "progress":
            if progress is not None:
                progress(payload)
        elif kind in ("result", "error"):
            return kind, payload
        else:  # "eof": the child's stdout closed without a result
            code = worker.proc.wait()
            raise BackgroundProcessError(f"the background process stopped without a result (exit code {code})")


def _read_all(stream: BinaryIO, messages: queue.Queue) -> None:
    try:
        while True:
            frame = _read_frame(stream)
            if frame is None:
                break
            messages.put(pickle.loads(frame))
    except Exception as exc:  # noqa: BLE001 — a message that does not unpickle is a failure, not a hang
        messages.put(("error", (f"{type(exc).__name__}: {exc}", "")))
    messages.put(("eof", None))


def _read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(4)
    if len(head) < 4:
        return None
    size = struct.unpack("<I", head)[0]
    body = stream.read(size)
    return body if len(body) == size else None


def _write(stream: BinaryIO, data: bytes) -> None:
    stream.write(struct.pack("<I", len(data)) + data)
    stream.flush()


def live_children() -> list[int]:
    """Process ids of the children still running, busy or idle."""
    with _lock:
        workers = list(_workers)
    return [w.pid for w in workers if w.alive()]


def terminate_all() -> None:
    """Stop every child process at once (window closing, test teardown)."""
    with _lock:
        workers = list(_workers)
    for worker in workers:
        if worker.alive():
            worker.proc.terminate()
    for worker in workers:
        worker.stop()


# --------------------------------------------------------------------------- in the child


def _portable(exc: BaseException) -> BaseException | str:
    """``exc`` if it survives pickling, else a plain error with its message (typed when expected)."""
    try:
        return pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 — e.g. an exception whose __init__ takes other arguments
        if isinstance(exc, SbertDesktopError):
            return SbertDesktopError(str(exc))
        return f"{type(exc).__name__}: {exc}"


def _child_main() -> None:
    import importlib

    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # whatever a library prints goes to stderr
    stdin = sys.stdin.buffer
    requests: queue.Queue = queue.Queue()

    def read_requests() -> None:
        while True:
            frame = _read_frame(stdin)
            if frame is None:
                os._exit(3)  # end of file: the parent closed the pipe, exited or died
            requests.put(frame)

    threading.Thread(target=read_requests, daemon=True, name="parent-watch").start()

    def send(kind: str, payload: Any) -> None:
        _write(channel, pickle.dumps((kind, payload)))

    while True:
        module, qualname, paths, kwargs = pickle.loads(requests.get())
        try:
            import numpy as np

            fn: Any = importlib.import_module(module)
            for part in qualname.split("."):
                fn = getattr(fn, part)
            arrays = {key: np.load(path, allow_pickle=False) for key, path in paths.items()}
            result = fn(**arrays, **kwargs, progress=lambda event: send("progress", event))
            del arrays
            send("result", result)
        except BaseException as exc:  # noqa: BLE001 — every failure goes back to the parent
            send("error", (_portable(exc), traceback.format_exc()))


if __name__ == "__main__":
    _child_main()
