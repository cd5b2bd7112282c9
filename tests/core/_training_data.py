"""Small synthetic pair files for the training tests (not collected by pytest)."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = ("cat dog bird horse runs sleeps eats jumps the a red blue big small house tree car road "
         "man woman child plays guitar piano sings").split()
LABELS = ("entailment", "neutral", "contradiction")


def _sentence(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(WORDS, k=k)).capitalize() + "."


def write_sts(path: Path, n: int = 40, seed: int = 0, constant: float | None = None) -> Path:
    rng = random.Random(seed)
    lines = ["sentence1\tsentence2\tscore"]
    for _ in range(n):
        score = constant if constant is not None else rng.uniform(0, 5)
        lines.append(f"{_sentence(rng, 5)}\t{_sentence(rng, 6)}\t{score:.2f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_nli(path: Path, premises: int = 14, seed: int = 1, labels=LABELS) -> Path:
    """Each premise with one hypothesis per label in ``labels`` (SNLI's layout)."""
    rng = random.Random(seed)
    lines = ["sentence1\tsentence2\tlabel"]
    for _ in range(premises):
        premise = _sentence(rng, 5)
        for label in labels:
            lines.append(f"{premise}\t{_sentence(rng, 4)}\t{label}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
