"""Tokenized text as compact ragged arrays instead of Python lists of ints.

A tokenizer returns one Python list per text and key (``input_ids``, ``attention_mask``,
``token_type_ids``): about 36 bytes per token for the ids (an 8-byte pointer plus a 28-byte int
object above 256) and 8 per token for each 0/1 key — 1M sentences of 30 tokens held 2 GB before a
batch was run. :class:`Ragged` keeps one flat array per key (int32 ids, uint8 masks: 6 bytes a
token in all) and the row offsets; ``ragged[i]`` is row i as a numpy view, so code written for the
lists (``len(row)``, ``arr[:len(row)] = row``, iteration) works unchanged.
"""

from __future__ import annotations

import itertools
from typing import Iterator, Sequence

import numpy as np


class Ragged:
    """Rows of different lengths: ``values`` [total] and ``offsets`` [n + 1] (row i is
    ``values[offsets[i]:offsets[i + 1]]``)."""

    def __init__(self, values: np.ndarray, offsets: np.ndarray):
        self.values, self.offsets = values, offsets

    @classmethod
    def from_lists(cls, rows: Sequence[Sequence[int]], dtype=None) -> "Ragged":
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        offsets = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=int(offsets[-1]))
        if dtype is None:
            small = flat.size == 0 or (flat.min() >= 0 and flat.max() <= 255)
            dtype = np.uint8 if small else np.int32
        return cls(flat.astype(dtype), offsets)

    @classmethod
    def concat(cls, parts: Sequence["Ragged"]) -> "Ragged":
        if len(parts) == 1:
            return parts[0]
        dtype = np.result_type(*[p.values.dtype for p in parts])
        values = np.concatenate([p.values.astype(dtype, copy=False) for p in parts])
        starts = np.cumsum([0] + [int(p.offsets[-1]) for p in parts[:-1]])
        offsets = np.concatenate([parts[0].offsets[:1]] + [p.offsets[1:] + s for p, s in zip(parts, starts)])
        return cls(values, offsets)

    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> np.ndarray:
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def __iter__(self) -> Iterator[np.ndarray]:
        return (self[i] for i in range(len(self)))

    @property
    def nbytes(self) -> int:
        return int(self.values.nbytes + self.offsets.nbytes)


def compact(encoded: dict[str, list]) -> dict[str, Ragged]:
    """A tokenizer's output (lists of lists) as :class:`Ragged` arrays: ids int32, 0/1 keys uint8."""
    return {key: Ragged.from_lists(rows, np.int32 if key == "input_ids" else None) for key, rows in encoded.items()}
