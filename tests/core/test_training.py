"""Training engine on tiny random models: configuration, losses, data order, refusals, outputs."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch

from _training_data import write_nli, write_sts
from sbert_desktop.core.errors import DataError, SbertDesktopError, TrainingDataError
from sbert_desktop.core.training import LOSSES, TrainConfig, TrainConfigError, predict_nli, train
from sbert_desktop.core.training import losses as L
from sbert_desktop.core.training.batches import Examples, build_examples, epoch_batches, epoch_order, lr_at


# --------------------------------------------------------------------- configuration
def test_config_json_round_trip_and_defaults(tmp_path):
    cfg = TrainConfig(encoder="bi", task="nli", train_file="t.tsv", out_dir=str(tmp_path / "o"), eval_steps=5)
    again = TrainConfig.from_json(cfg.to_json())
    assert again == cfg
    assert json.loads(cfg.to_json())["schema_version"] == 1
    r = cfg.resolved()
    assert (r.loss, r.epochs, r.batch_size, r.lr, r.warmup_ratio) == ("softmax", 1, 16, 2e-5, 0.1)
    assert TrainConfig(task="sts", train_file="t", out_dir="o").resolved().epochs == 4
    cfg.save(tmp_path / "c.json")
    assert TrainConfig.load(tmp_path / "c.json") == cfg
    assert {("bi", "nli"), ("bi", "sts"), ("cross", "nli"), ("cross", "sts")} <= set(LOSSES)  # + distill, pairs, ...


@pytest.mark.parametrize("change, message", [
    ({"loss": "cosine", "task": "nli"}, "does not fit"),
    ({"loss": "softmax", "encoder": "cross", "task": "nli"}, "does not fit"),
    ({"encoder": "tri"}, "encoder"),
    ({"batch_size": 0}, "batch_size"),
    ({"lr": -1.0}, "lr"),
    ({"warmup_ratio": 1.5}, "warmup"),
    ({"train_file": ""}, "train_file"),
    ({"loss": "mnrl", "task": "nli", "batch_size": 1}, "mnrl"),
    ({"encoder": "cross", "pooling": "cls"}, "pooling"),
])
def test_config_validation(change, message):
    base = dict(encoder="bi", task="sts", train_file="t.tsv", out_dir="o")
    with pytest.raises(TrainConfigError, match=message):
        TrainConfig(**{**base, **change}).validate()


def test_config_rejects_unknown_fields_and_versions():
    with pytest.raises(TrainConfigError, match="unknown"):
        TrainConfig.from_dict({"encoder": "bi", "colour": "red"})
    with pytest.raises(TrainConfigError, match="schema_version"):
        TrainConfig.from_dict({"schema_version": 99})


# --------------------------------------------------------------------- losses
def test_losses_match_their_definitions():
    torch.manual_seed(0)
    u, v = torch.randn(6, 8), torch.randn(6, 8)
    y = torch.rand(6)
    cos = torch.nn.functional.cosine_similarity(u, v)
    assert torch.allclose(L.cosine_loss(u, v, y), ((cos - y) ** 2).mean())
    # CoSENT by brute force
    terms = [0.0] + [float(20 * (cos[j] - cos[i])) for i in range(6) for j in range(6) if y[i] > y[j]]
    assert math.isclose(float(L.cosent_loss(u, v, y)), math.log(sum(math.exp(t) for t in terms)), rel_tol=1e-5)
    # MNRL: anchors pick their own positive among positives and negatives
    n = torch.randn(3, 8)
    cand = torch.nn.functional.normalize(torch.cat([v, n]), dim=-1)
    scores = torch.nn.functional.normalize(u, dim=-1) @ cand.T * 20
    assert torch.allclose(L.mnrl_loss(u, v, n), torch.nn.functional.cross_entropy(scores, torch.arange(6)))
    # BCE on score / 5
    logits = torch.randn(6, 1)
    assert torch.allclose(L.bce_loss(logits, y), torch.nn.functional.binary_cross_entropy(torch.sigmoid(logits[:, 0]), y),
                          atol=1e-6)


def test_cosent_matches_reference():
    st_losses = pytest.importorskip("sentence_transformers.sentence_transformer.losses")
    torch.manual_seed(1)
    u, v, y = torch.randn(5, 4), torch.randn(5, 4), torch.rand(5)

    class Fake(torch.nn.Module):
        def forward(self, features):
            return {"sentence_embedding": features["e"]}

    ref = st_losses.CoSENTLoss(Fake())
    expected = ref([{"e": u}, {"e": v}], y)
    assert torch.allclose(L.cosent_loss(u, v, y), expected, atol=1e-5)


def test_softmax_head_save_load(tmp_path):
    torch.manual_seed(0)
    head = L.SoftmaxHead(8, concat_product=True)
    u, v = torch.randn(3, 8), torch.randn(3, 8)
    head.save(tmp_path / "nli_head", extra={"step": 7})
    again = L.SoftmaxHead.load(tmp_path)
    assert again.concat_product and again.saved_config["step"] == 7
    assert torch.equal(head(u, v), again(u, v))
    with pytest.raises(SbertDesktopError, match="no NLI classifier head"):
        L.SoftmaxHead.load(tmp_path / "nowhere")


# --------------------------------------------------------------------- data order and schedule
def test_epoch_order_is_a_pure_function_of_seed_and_epoch():
    assert np.array_equal(epoch_order(50, 42, 3), epoch_order(50, 42, 3))
    assert not np.array_equal(epoch_order(50, 42, 0), epoch_order(50, 42, 1))
    assert not np.array_equal(epoch_order(50, 1, 0), epoch_order(50, 2, 0))
    ex = Examples([str(i) for i in range(10)], [str(i) for i in range(10)], np.zeros(10, np.float32))
    batches = epoch_batches(ex, 4, 0, 0)
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches).tolist()) == list(range(10))


def test_length_grouped_batches_hold_the_same_examples_with_less_padding():
    rng = np.random.default_rng(0)
    n, bs = 1000, 16
    lengths = rng.integers(5, 80, size=n)
    ex = Examples([str(i) for i in range(n)], [str(i) for i in range(n)], np.zeros(n, np.float32))
    plain = epoch_batches(ex, bs, 3, 1)
    grouped = epoch_batches(ex, bs, 3, 1, lengths)
    assert len(grouped) == len(plain) == math.ceil(n / bs)
    assert sorted(np.concatenate(grouped).tolist()) == list(range(n))
    assert sorted(len(b) for b in grouped) == sorted(len(b) for b in plain)

    def padded(batches):
        return sum(len(b) * lengths[b].max() for b in batches)

    assert padded(grouped) < 0.75 * padded(plain) and padded(grouped) < 1.1 * lengths.sum()
    # a pure function of (data, seed, epoch): a resumed run sees the same batches; epochs differ
    again = epoch_batches(ex, bs, 3, 1, lengths)
    assert all(np.array_equal(a, b) for a, b in zip(grouped, again))
    other = epoch_batches(ex, bs, 3, 2, lengths)
    assert not all(np.array_equal(a, b) for a, b in zip(grouped, other))
    # the batch order is shuffled, not longest-first
    widths = [lengths[b].max() for b in grouped]
    assert widths != sorted(widths, reverse=True)


def test_length_grouped_batches_are_refused_with_in_batch_negatives():
    with pytest.raises(TrainConfigError, match="in-batch negatives"):
        TrainConfig(encoder="bi", task="nli", loss="mnrl", train_file="t", out_dir="o", length_grouped=True).validate()


def test_the_optimizer_is_fused_adamw_on_cpu():
    from sbert_desktop.core.training.run_setup import _adamw

    params = [torch.nn.Parameter(torch.ones(3, 3))]
    opt = _adamw([{"params": params, "weight_decay": 0.01}], 1e-3, torch.device("cpu"))
    assert isinstance(opt, torch.optim.AdamW) and opt.defaults["fused"] is True
    params[0].grad = torch.ones(3, 3)
    opt.step()
    assert torch.all(params[0] < 1)


def test_mnrl_triples_and_batches_without_duplicates(tmp_path):
    from sbert_desktop.core.data import read_pairs

    ds = read_pairs(write_nli(tmp_path / "nli.tsv", premises=12))
    ex = build_examples(ds, "bi", "nli", "mnrl")
    assert len(ex) == 12  # one entailment per premise
    assert all(neg is not None for neg in ex.negative)
    for i in range(len(ex)):  # the hard negative is a contradiction of the same premise
        rows = [k for k in range(len(ds)) if ds.sentence1[k] == ex.first[i] and ds.sentence2[k] == ex.negative[i]]
        assert rows and ds.labels[rows[0]] == 2
    # duplicated anchors never share a batch
    dup = Examples(ex.first * 2, ex.second * 2, None, ex.negative * 2)
    batches = epoch_batches(dup, 8, 0, 0)
    seen = np.concatenate(batches).tolist()
    assert len(seen) == len(set(seen)) >= 23  # a last batch of one (no in-batch negatives) is dropped
    for b in batches:
        assert len({dup.first[i] for i in b}) == len(b)


def test_linear_warmup_schedule():
    lrs = [lr_at(s, 1.0, 10, 100) for s in range(101)]
    assert lrs[0] == 0.0 and lrs[5] == 0.5 and lrs[10] == 1.0 and lrs[100] == 0.0
    assert math.isclose(lrs[55], 0.5)


# --------------------------------------------------------------------- refusals before the first step
@pytest.fixture
def sts_file(tmp_path):
    return write_sts(tmp_path / "sts.tsv")


@pytest.fixture
def nli_file(tmp_path):
    return write_nli(tmp_path / "nli.tsv")


def _cfg(model_dir, train_file, out, **kw):
    base = dict(model=str(model_dir), train_file=str(train_file), out_dir=str(out), batch_size=4, epochs=1,
                lr=1e-3, max_seq_length=32)
    return TrainConfig(**{**base, **kw})


def _no_step(monkeypatch):
    from sbert_desktop.core.training import trainer

    def boom(*a, **k):
        raise AssertionError("a training step ran")

    monkeypatch.setattr(trainer._Run, "train_step", boom)


def test_refuses_nli_data_for_sts_loss(tiny_bi_encoder_dir, nli_file, tmp_path, monkeypatch):
    _no_step(monkeypatch)
    with pytest.raises(TrainingDataError, match="NLI pairs.*cosine loss"):
        train(_cfg(tiny_bi_encoder_dir, nli_file, tmp_path / "o", encoder="bi", task="sts"))
    with pytest.raises(TrainingDataError, match="STS pairs"):
        train(_cfg(tiny_bi_encoder_dir, write_sts(tmp_path / "s.tsv"), tmp_path / "o2", encoder="bi", task="nli"))


def test_refuses_one_class_only(tiny_bi_encoder_dir, tmp_path, monkeypatch):
    _no_step(monkeypatch)
    one = write_nli(tmp_path / "one.tsv", labels=("neutral",))
    with pytest.raises(TrainingDataError, match="every pair is labelled neutral"):
        train(_cfg(tiny_bi_encoder_dir, one, tmp_path / "o", encoder="bi", task="nli"))
    with pytest.raises(TrainingDataError, match="mnrl loss needs at least two entailment"):
        train(_cfg(tiny_bi_encoder_dir, one, tmp_path / "o", encoder="bi", task="nli", loss="mnrl"))
    same = write_sts(tmp_path / "same.tsv", constant=3.0)
    with pytest.raises(TrainingDataError, match="same score"):
        train(_cfg(tiny_bi_encoder_dir, same, tmp_path / "o", encoder="bi", task="sts"))


def test_refuses_empty_and_bad_labels(tiny_bi_encoder_dir, tmp_path, monkeypatch):
    _no_step(monkeypatch)
    empty = tmp_path / "empty.tsv"
    empty.write_text("sentence1\tsentence2\tscore\n", encoding="utf-8")
    with pytest.raises(SbertDesktopError, match="no data rows|empty"):
        train(_cfg(tiny_bi_encoder_dir, empty, tmp_path / "o", encoder="bi", task="sts"))
    bad = tmp_path / "bad.tsv"
    bad.write_text("sentence1\tsentence2\tlabel\na\tb\tentailment\nc\td\tmaybe\n", encoding="utf-8")
    with pytest.raises(DataError, match="line"):
        train(_cfg(tiny_bi_encoder_dir, bad, tmp_path / "o", encoder="bi", task="nli"))
    # a bi-encoder without a head cannot be evaluated on an NLI-only dev set
    with pytest.raises(TrainingDataError, match="softmax head"):
        train(_cfg(tiny_bi_encoder_dir, write_sts(tmp_path / "s.tsv"), tmp_path / "o", encoder="bi", task="sts",
                   dev_file=str(write_nli(tmp_path / "d.tsv"))))


def test_refuses_a_used_output_folder(tiny_bi_encoder_dir, sts_file, tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "something.txt").write_text("x")
    with pytest.raises(TrainConfigError, match="not empty"):
        train(_cfg(tiny_bi_encoder_dir, sts_file, out, encoder="bi", task="sts"))


# --------------------------------------------------------------------- runs and their outputs
@pytest.mark.parametrize("loss", ["cosine", "cosent"])
def test_bi_sts_run_writes_a_loadable_model(tiny_bi_encoder_dir, sts_file, tmp_path, loss):
    events = []
    out = tmp_path / "out"
    result = train(_cfg(tiny_bi_encoder_dir, sts_file, out, encoder="bi", task="sts", loss=loss, epochs=2,
                        dev_file=str(sts_file), eval_steps=4), progress=events.append)
    assert result.status == "finished" and result.step == result.total_steps == 20
    assert result.metric_name == "spearman" and result.model_dir == out
    assert not (out / "checkpoint").exists()
    history = (out / "history.csv").read_text().splitlines()
    assert history[0].startswith("step,epoch,train_loss,lr") and len(history) == 1 + 6  # steps 4, 8, 10 (epoch end), 12, 16, 20
    assert TrainConfig.load(out / "train_config.json").loss == loss
    best = json.loads((out / "best.json").read_text())
    assert best["step"] == result.best_step and math.isclose(best["metric"], result.best_metric)
    train_events = [e for e in events if e.stage == "train"]
    assert {"epoch", "loss", "lr", "eta"} <= set(train_events[-1].info) and train_events[-1].done == 20
    evals = [e for e in events if e.stage == "eval"]
    assert len(evals) == 6 and "spearman" in evals[0].info["dev"]
    # the published model is the best one, and sentence-transformers loads it
    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.evaluation import evaluate_sts_bi
    from sbert_desktop.core.models import BiEncoder

    bi = BiEncoder.load(out, device="cpu")
    assert math.isclose(evaluate_sts_bi(bi, read_pairs(sts_file))["spearman"], result.best_metric, abs_tol=1e-6)
    st = pytest.importorskip("sentence_transformers")
    ref = st.SentenceTransformer(str(out), device="cpu")
    assert np.allclose(ref.encode(["a red car."]), bi.encode(["a red car."]), atol=1e-5)


def test_softmax_head_reload_reproduces_accuracy(tiny_bi_encoder_dir, nli_file, tmp_path):
    from sbert_desktop.core.data import read_pairs

    out = tmp_path / "out"
    result = train(_cfg(tiny_bi_encoder_dir, nli_file, out, encoder="bi", task="nli", epochs=1,
                        dev_file=str(nli_file), eval_steps=4))
    assert result.metric_name == "accuracy" and (out / "nli_head" / "model.safetensors").is_file()
    dev = read_pairs(nli_file)
    pred = predict_nli(out, dev.pairs(), device="cpu")
    accuracy = float(np.mean(pred["label_ids"] == dev.labels))
    assert accuracy == pytest.approx(result.best_metric, abs=1e-9)
    assert set(pred["labels"]) <= {"entailment", "neutral", "contradiction"}
    assert pred["probabilities"].shape == (len(dev), 3)


def test_mnrl_run_with_sts_dev(tiny_bi_encoder_dir, nli_file, tmp_path):
    result = train(_cfg(tiny_bi_encoder_dir, nli_file, tmp_path / "out", encoder="bi", task="nli", loss="mnrl",
                        dev_file=str(write_sts(tmp_path / "dev.tsv"))))
    assert result.status == "finished" and result.metric_name == "spearman" and result.step == 4


@pytest.mark.parametrize("task", ["sts", "nli"])
def test_cross_encoder_runs(tiny_cross_encoder_dir, sts_file, nli_file, tmp_path, task):
    data = sts_file if task == "sts" else nli_file
    out = tmp_path / "out"
    result = train(_cfg(tiny_cross_encoder_dir, data, out, encoder="cross", task=task, dev_file=str(data)))
    assert result.status == "finished"
    assert result.metric_name == ("spearman" if task == "sts" else "accuracy")
    from sbert_desktop.core.models import CrossEncoder

    ce = CrossEncoder.load(out, device="cpu")
    assert ce.num_labels == (1 if task == "sts" else 3)
    st = pytest.importorskip("sentence_transformers")
    ref = st.CrossEncoder(str(out), device="cpu")
    pairs = [("a red car.", "a blue car.")]
    expected = np.asarray(ref.predict(pairs), dtype=np.float32)
    if task == "nli":  # the reference returns logits for a classifier
        expected = torch.softmax(torch.from_numpy(expected), dim=-1).numpy()
    assert np.allclose(expected.reshape(-1), ce.predict(pairs).reshape(-1), atol=1e-5)
