"""Tokenized training/encoding data is held as compact ragged arrays, not Python lists of ints."""

import numpy as np
import torch

from sbert_desktop.core.models.base import collate, pretokenize
from sbert_desktop.core.models.ragged import Ragged


def test_ragged_rows_and_concat():
    rows = [[101, 7592, 102], [101, 102], [], [101, 2023, 2003, 102]]
    r = Ragged.from_lists(rows, np.int32)
    assert len(r) == 4 and r.lengths().tolist() == [3, 2, 0, 4] and r.values.dtype == np.int32
    assert [x.tolist() for x in r] == rows
    both = Ragged.concat([Ragged.from_lists(rows[:2], np.int32), Ragged.from_lists(rows[2:], np.int32)])
    assert [x.tolist() for x in both] == rows
    assert Ragged.from_lists([[1, 1, 0], [1]]).values.dtype == np.uint8  # masks take one byte a token


def test_pretokenize_is_compact_and_batches_equal_the_lists(tiny_bi_encoder, monkeypatch):
    from sbert_desktop.core.models import base

    monkeypatch.setattr(base, "TOKENIZE_CHUNK", 7)  # several chunks joined
    tok = tiny_bi_encoder.tokenizer
    texts = [f"sentence {i} " + "word " * (i % 9) for i in range(30)]
    enc = pretokenize(tok, texts, None, 16)
    lists = dict(tok(texts, None, padding=False, truncation="longest_first", max_length=16))
    assert set(enc) == set(lists)
    tokens = int(enc["input_ids"].lengths().sum())
    assert sum(v.nbytes for v in enc.values()) <= 8 * tokens + 8 * 4 * (len(texts) + 1)
    for key in lists:
        assert [r.tolist() for r in enc[key]] == lists[key]
    idx = np.array([3, 17, 29, 0])
    got = collate(enc, idx, tok.pad_token_id or 0)
    want = collate(lists, idx, tok.pad_token_id or 0)
    for key in want:
        assert torch.equal(got[key], want[key])
