"""Korean content words with the Kiwi morphological analyser (``kiwipiepy``), when it is installed.

Topic words for Korean (as KoBERTopic-style tools do) come from nouns and other content morphemes
rather than from whole eojeol (space-separated words): 커피를 마셨어요 gives 커피, and
김치찌개에는 gives 김치찌개. Kiwi is an optional extra (``pip install sbert-desktop[korean]``;
``scripts/setup.sh`` installs it); without it :mod:`sbert_desktop.core.keywords` falls back to its
particle-stripping heuristic. :func:`analyser` says which one is in use.

Latin, Hanja and other non-Hangul material in a sentence is left to the caller's own tokenizer, so
mixed English/Korean corpora keep their English words as before.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import threading
from typing import Sequence

#: Kiwi tags kept as topic words: common and proper nouns and roots (XR: 깨끗 of 깨끗하다);
#: dependent nouns (NNB: 것, 수) are left out. Verbs and adjectives (VV, VA) are left out: as topic words they are
#: mostly 하다/있다/되다, and their stems (먹, 좋) read badly alone.
CONTENT_TAGS = frozenset({"NNG", "NNP", "XR"})

KIWI = "kiwi"
HEURISTIC = "heuristic"

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
_lock = threading.Lock()
_kiwi = None
_import_failed = False


def _load():
    """The shared Kiwi instance (loading its model takes about a second), or None without kiwipiepy."""
    global _kiwi, _import_failed
    if _kiwi is not None or _import_failed:
        return _kiwi
    with _lock:
        if _kiwi is None and not _import_failed:
            try:
                module = importlib.import_module("kiwipiepy")
                _kiwi = module.Kiwi()
            except Exception:  # not installed, or its model package missing/broken
                _import_failed = True
    return _kiwi


def kiwi_available() -> bool:
    """True when ``kiwipiepy`` imports (does not load the model)."""
    if _kiwi is not None:
        return True
    if _import_failed:
        return False
    return importlib.util.find_spec("kiwipiepy") is not None


def analyser() -> str:
    """``"kiwi"`` when Korean topic words come from Kiwi, ``"heuristic"`` otherwise."""
    return KIWI if kiwi_available() else HEURISTIC


def analyser_description() -> str:
    """One line for the window, e.g. ``"Korean words: Kiwi 0.24.1 (nouns)"``."""
    if not kiwi_available():
        return "Korean words: particle heuristic (install kiwipiepy for morphological analysis)"
    try:
        from importlib.metadata import version

        v = " " + version("kiwipiepy")
    except Exception:
        v = ""
    return f"Korean words: Kiwi{v} (nouns)"


def reset() -> None:
    """Forget the loaded analyser (tests switch kiwipiepy on and off)."""
    global _kiwi, _import_failed
    with _lock:
        _kiwi, _import_failed = None, False


def content_words(sentences: Sequence[str]) -> list[list[str]] | None:
    """Kiwi's content morphemes of the Hangul in each sentence (input order), or None without Kiwi.

    Only the Hangul runs of a sentence are analysed (joined by spaces, so 커피 and 마셨어요 stay
    separate words); everything else is the caller's to tokenize.
    """
    kiwi = _load()
    if kiwi is None:
        return None
    texts = [" ".join(_HANGUL_RUN.findall(s)) for s in sentences]
    out: list[list[str]] = [[] for _ in texts]
    todo = [i for i, t in enumerate(texts) if t]
    if not todo:
        return out
    for i, tokens in zip(todo, kiwi.tokenize([texts[i] for i in todo])):
        out[i] = [t.form for t in tokens if t.tag in CONTENT_TAGS]
    return out


def non_hangul(text: str) -> str:
    """``text`` with its Hangul runs blanked out (what the caller tokenizes itself)."""
    return _HANGUL_RUN.sub(" ", text)
