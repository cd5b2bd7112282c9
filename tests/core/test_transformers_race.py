"""transformers 5 fills its namespace lazily, and two threads looking up its names for the first time at
once can fail (``cannot import name 'AutoModel'``; it broke a first start of the window, where two
model loads run together). In a fresh interpreter six threads look up Auto* names at the same moment
through :func:`sbert_desktop.core.models.hf.transformers_names`: none may fail. (The same race with
plain lookups failed in 2 of 5 such runs here.)"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import threading
from sbert_desktop.core.models.hf import transformers_names
barrier = threading.Barrier(6)
errors = []
names = [("AutoModel",), ("AutoTokenizer",), ("AutoConfig",), ("AutoModelForSequenceClassification",),
         ("AutoModel", "AutoTokenizer"), ("AutoConfig", "AutoTokenizer")]
def work(ns):
    barrier.wait()
    try:
        assert all(v is not None for v in transformers_names(*ns))
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=work, args=(n,)) for n in names]
for t in threads: t.start()
for t in threads: t.join()
print("errors", len(errors), errors[:1])
"""


def test_first_lookups_from_several_threads_at_once():
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
        assert "errors 0 []" in out.stdout, out.stdout
