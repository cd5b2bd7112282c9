"""Shared data for the Compare, Clusters and Map page tests: three clear topics of 20 sentences,
well-separated synthetic embeddings for them, and helpers to load models and data into a state."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

TOPICS = {
    "coffee": ["espresso", "latte", "barista", "beans", "roast"],
    "football": ["goal", "striker", "league", "penalty", "stadium"],
    "galaxy": ["telescope", "planet", "orbit", "nebula", "astronomer"],
}
TEMPLATES = ["The {a} and the {b} were the talk of the {t} club.", "Everyone discussed {t}, {a} and {b} today.",
             "My friend loves {t} because of the {a}.", "A new {t} story about the {b} and the {a}.",
             "Is the {a} better than the {b} in {t}?"]


def topic_sentences(per_topic: int = 20) -> tuple[list[str], np.ndarray]:
    """``per_topic`` sentences of each topic (unique) and their topic index."""
    sentences, topics = [], []
    for t, (topic, words) in enumerate(TOPICS.items()):
        for i in range(per_topic):
            a, b = words[i % 5], words[(i // 5 + i + 1) % 5]
            sentences.append(TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b, t=topic) + f" ({i + 1})")
            topics.append(t)
    return sentences, np.array(topics)


def topic_embeddings(topics: np.ndarray, dim: int = 16, seed: int = 0, spread: float = 0.15) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = np.eye(dim, dtype=np.float32)[: topics.max() + 1] * 3
    return (centers[topics] + rng.normal(scale=spread, size=(len(topics), dim))).astype(np.float32)


def set_models(state, bi=None, cross=None) -> None:
    from sbert_desktop.gui.state import ModelSpec

    if bi is not None:
        state.set_model(bi, ModelSpec(encoder="bi", source="tiny-bi"), remember=False)
    if cross is not None:
        state.set_model(cross, ModelSpec(encoder="cross", source="tiny-cross"), remember=False)


def open_sentences(state, tmp_path: Path, sentences: list[str]) -> Path:
    from sbert_desktop.gui.pages.data import load_data

    path = tmp_path / "sentences.txt"
    path.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    state.set_data(load_data(path, "sentences"))
    return path


def open_pairs(state, tmp_path: Path, rows: list[tuple[str, str, float]]) -> Path:
    from sbert_desktop.gui.pages.data import load_data

    path = tmp_path / "pairs.tsv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t")
        writer.writerow(["sentence1", "sentence2", "score"])
        writer.writerows(rows)
    state.set_data(load_data(path, "pairs"))
    return path


def read_table(path: Path):
    import pandas as pd

    path = Path(path)
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, encoding="utf-8-sig", sep="\t" if path.suffix == ".tsv" else ",")


def manifest(path: Path) -> dict:
    return json.loads(Path(str(path) + ".manifest.json").read_text(encoding="utf-8"))


def wait_export(qtbot, button, name: str, path: Path, encoding: str = "utf-8", timeout: int = 60_000) -> Path:
    """Export entry ``name`` to ``path`` and wait until it was written."""
    with qtbot.waitSignal(button.exported, timeout=timeout):
        out = button.export(name, path, encoding)
        assert out is not None, button.status.text() if button.status is not None else name
    return Path(path)
