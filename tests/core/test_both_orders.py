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


def test_a_symmetric_cross_encoder_scores_both_orders_and_keeps_it_when_saved(tiny_cross_encoder, tmp_path):
    from sbert_desktop.core.models import CrossEncoder

    ce = tiny_cross_encoder
    pairs = [("A cat sits on the mat.", "A dog runs in the park."), ("Rain falls.", "It is raining today.")]
    swapped = [(b, a) for a, b in pairs]
    one_order, other_order = ce.predict(pairs), ce.predict(swapped)
    assert not np.allclose(one_order, other_order)  # a random model is not symmetric by itself
    plain = ce.fingerprint()
    ce.symmetric = True
    np.testing.assert_allclose(ce.predict(pairs), (one_order + other_order) / 2, atol=1e-6)
    np.testing.assert_allclose(ce.predict(swapped), ce.predict(pairs), atol=1e-6)
    assert ce.fingerprint() != plain  # cached scores of the two ways never mix
    back = CrossEncoder.load(ce.save(tmp_path / "sym"), device="cpu")
    assert back.symmetric and back.info()["pair_order"] == "both orders, averaged"
    np.testing.assert_allclose(back.predict(pairs), ce.predict(pairs), atol=1e-5)
    ce.symmetric = False
    assert not CrossEncoder.load(ce.save(tmp_path / "plain"), device="cpu").symmetric


def test_training_on_both_orders_saves_a_symmetric_model(tiny_cross_encoder_dir, tmp_path):
    from sbert_desktop.core.models import CrossEncoder
    from sbert_desktop.core.training import train

    data = tmp_path / "sts.tsv"
    data.write_text("sentence1\tsentence2\tscore\n" + "".join(
        f"A {w} sleeps.\tThe {w} is asleep.\t{s}\n" for w, s in (("cat", 4.5), ("dog", 1.0), ("bird", 3.0), ("cow", 2.0))),
        encoding="utf-8")
    cfg = TrainConfig(encoder="cross", task="sts", model=str(tiny_cross_encoder_dir), train_file=str(data),
                      dev_file=str(data), out_dir=str(tmp_path / "run"), epochs=1, batch_size=4, device="cpu",
                      both_orders=True)
    result = train(cfg)
    assert result.status == "finished"
    assert CrossEncoder.load(result.model_dir, device="cpu").symmetric
