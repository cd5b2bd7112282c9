"""Names given to clusters by hand survive re-clustering when a new cluster has (nearly) the same
members: each named old cluster is matched to the new cluster it overlaps most, by Jaccard index
of their member sets, and keeps its name when the overlap is at least ``MIN_OVERLAP``. What was kept,
moved to another number, or dropped is reported in words for the page to show."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

MIN_OVERLAP = 0.8  # Jaccard index of the member sets


@dataclass
class CarriedNames:
    names: dict[int, str] = field(default_factory=dict)  # new label -> name
    kept: list[str] = field(default_factory=list)  # sentences for the page, one per name
    dropped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        if self.kept:
            parts.append("Kept: " + "; ".join(self.kept) + ".")
        if self.dropped:
            parts.append("Dropped: " + "; ".join(self.dropped) + ".")
        return " ".join(parts)


def carry_names(old_labels: np.ndarray, names: dict[int, str], new_labels: np.ndarray,
                min_overlap: float = MIN_OVERLAP) -> CarriedNames:
    """The hand-given ``names`` of ``old_labels`` carried to ``new_labels`` (same rows)."""
    out = CarriedNames()
    old_labels, new_labels = np.asarray(old_labels), np.asarray(new_labels)
    if len(old_labels) != len(new_labels):
        out.dropped = [f"“{n}” (other sentences now)" for n in names.values()]
        return out
    for old, name in sorted(names.items()):
        members = old_labels == old
        if old < 0 or not members.any():
            continue
        candidates, counts = np.unique(new_labels[members], return_counts=True)
        best, best_j = None, 0.0
        for c, inter in zip(candidates, counts):
            if c < 0:
                continue
            union = int(np.sum(members | (new_labels == c)))
            j = inter / union if union else 0.0
            if j > best_j:
                best, best_j = int(c), j
        if best is not None and best_j >= min_overlap and best not in out.names:
            out.names[best] = name
            moved = f" (now cluster {best})" if best != old else ""
            same = "same members" if best_j >= 0.9999 else f"{best_j:.0%} same members"
            out.kept.append(f"“{name}”{moved}, {same}")
        else:
            share = f"best match {best_j:.0%}" if best is not None else "no cluster left"
            out.dropped.append(f"“{name}” ({share})")
    return out
