"""Korean cluster labels before (particle heuristic) and after (Kiwi nouns), as a Markdown table.

Groups are the gold topics of the example's Korean section (resources/example/sentences.csv,
lang == ko) and the source files of KorSTS dev (sentence1 column), so the table compares the two
labellers on the same clusters::

    python bench/korean_labels.py [--data ../shared/data] > bench/results/korean_labels.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sbert_desktop.core.keywords import cluster_labels, keyword_analyser  # noqa: E402


def groups_example() -> tuple[list[str], list[str]]:
    import pandas as pd

    d = pd.read_csv(ROOT / "resources/example/sentences.csv")
    d = d[d.lang == "ko"]
    return d.text.tolist(), d.topic.tolist()


def groups_korsts(data: Path) -> tuple[list[str], list[str]]:
    import pandas as pd

    d = pd.read_csv(data / "korsts/sts-dev.tsv", sep="\t", quoting=3, dtype=str)
    d = d.drop_duplicates("sentence1")
    return d.sentence1.tolist(), d.filename.tolist()


def table(name: str, sentences: list[str], groups: list[str], top_n: int) -> list[str]:
    names = sorted(set(groups))
    labels = np.array([names.index(g) for g in groups])
    before = cluster_labels(sentences, labels, top_n=top_n, analyser="heuristic")
    after = cluster_labels(sentences, labels, top_n=top_n, analyser="kiwi")
    rows = [f"**{name}**", "", "| group | sentences | particle heuristic | Kiwi nouns |", "|---|---|---|---|"]
    for i, g in enumerate(names):
        n = int((labels == i).sum())
        rows.append(f"| {g} | {n} | {' · '.join(before[i])} | {' · '.join(after[i])} |")
    return rows + [""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--top-n", type=int, default=4)
    args = parser.parse_args()
    if keyword_analyser("auto") != "kiwi":
        print("kiwipiepy is not installed: pip install sbert-desktop[korean]", file=sys.stderr)
        return 2
    from importlib.metadata import version

    print(f"kiwipiepy {version('kiwipiepy')}, top {args.top_n} c-TF-IDF words per group\n")
    lines = table("Example, Korean section (gold topics)", *groups_example(), args.top_n)
    if (args.data / "korsts/sts-dev.tsv").exists():
        lines += table("KorSTS dev, sentence1 by source file", *groups_korsts(args.data), args.top_n)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
