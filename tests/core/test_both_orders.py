"""Cross-encoder STS training on both orders of each pair: the data and the configuration check."""

import numpy as np
import pytest

from sbert_desktop.core.data.pairs import read_pairs, with_both_orders
from sbert_desktop.core.training import TrainConfig
from sbert_desktop.core.training.config import TrainConfigError


def test_both_orders_appends_each_pair_swapped_with_its_score(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("sentence1\tsentence2\tscore\nA cat sits.\tA dog runs.\t1.5\nRain falls.\tIt rains.\t4.5\n",
                    encoding="utf-8")
    ds = read_pairs(path)
    both = with_both_orders(ds)
    assert both.sentence1 == ["A cat sits.", "Rain falls.", "A dog runs.", "It rains."]
    assert both.sentence2 == ["A dog runs.", "It rains.", "A cat sits.", "Rain falls."]
    np.testing.assert_array_equal(both.scores, [1.5, 4.5, 1.5, 4.5])
    assert both.line_numbers == ds.line_numbers * 2
    assert len(ds) == 2  # the original is untouched


def test_both_orders_is_refused_where_a_pair_is_not_symmetric():
    base = dict(train_file="t.tsv", out_dir="out", both_orders=True)
    TrainConfig(encoder="cross", task="sts", **base).validate()
    for encoder, task in (("cross", "nli"), ("bi", "sts")):
        with pytest.raises(TrainConfigError, match="both_orders"):
            TrainConfig(encoder=encoder, task=task, **base).validate()
