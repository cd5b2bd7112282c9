"""Cancel and exact resume; atomic checkpoints survive a crash in the middle of a save."""

from __future__ import annotations

import itertools
import json
import os

import pytest
import torch

from _training_data import write_nli, write_sts
from sbert_desktop.core.progress import CancelToken
from sbert_desktop.core.training import TrainConfig, train
from sbert_desktop.core.training import checkpoint as ckpt_mod
from sbert_desktop.core.training.checkpoint import find_checkpoint, load_checkpoint


def _weights(folder) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    out = {f"model.{k}": v for k, v in load_file(str(folder / "model.safetensors")).items()}
    head = folder / "nli_head" / "model.safetensors"
    if head.is_file():
        out.update({f"head.{k}": v for k, v in load_file(str(head)).items()})
    return out


def _assert_same_weights(a, b):
    wa, wb = _weights(a), _weights(b)
    assert wa.keys() == wb.keys()
    for key in wa:
        assert torch.allclose(wa[key], wb[key], atol=1e-6, rtol=0), key


def _cancel_at(step: int, token: CancelToken):
    def on_progress(event):
        if event.stage == "train" and event.done >= step:
            token.cancel()
    return on_progress


CASES = {
    # encoder, task, loss, data maker, dev?
    "bi-cosine-dev": ("bi", "sts", "cosine", write_sts, True),
    "bi-softmax": ("bi", "nli", "softmax", write_nli, False),
    "cross-bce": ("cross", "sts", "bce", write_sts, False),
    "bi-cosine-grouped": ("bi", "sts", "cosine", write_sts, "grouped"),  # length-grouped batches
}


@pytest.mark.parametrize("case", list(CASES))
def test_cancel_then_resume_gives_the_uninterrupted_weights(case, tiny_bi_encoder_dir, tiny_cross_encoder_dir,
                                                            tmp_path):
    encoder, task, loss, make, with_dev = CASES[case]
    data = make(tmp_path / "train.tsv")
    model = tiny_bi_encoder_dir if encoder == "bi" else tiny_cross_encoder_dir

    def cfg(out):
        return TrainConfig(encoder=encoder, task=task, loss=loss, model=str(model), train_file=str(data),
                           dev_file=str(data) if with_dev else None, out_dir=str(out), batch_size=4, epochs=2,
                           lr=1e-3, max_seq_length=32, seed=7, eval_steps=4 if with_dev else None,
                           length_grouped=with_dev == "grouped")

    a = train(cfg(tmp_path / "a"))
    assert a.status == "finished"

    token = CancelToken()
    b1 = train(cfg(tmp_path / "b"), progress=_cancel_at(7, token), cancel=token)  # mid-epoch 1 of 2
    # a progress event follows every step, so the cancel lands right after step 7
    assert b1.status == "cancelled" and 7 <= b1.step < a.step and b1.checkpoint_dir is not None
    assert load_checkpoint(tmp_path / "b").state["step"] == b1.step
    b2 = train(cfg(tmp_path / "b"), resume=True)
    assert b2.status == "finished" and b2.step == a.step
    assert not (tmp_path / "b" / "checkpoint").exists()
    if with_dev:
        # evaluations after the resume see the same weights as those of the uninterrupted run
        assert [r["spearman"] for r in b2.history] == pytest.approx([r["spearman"] for r in a.history], abs=1e-6)
        assert b2.best_step == a.best_step
    _assert_same_weights(tmp_path / "a", tmp_path / "b")  # the published (best or final) models


def test_resume_refuses_a_changed_configuration(tiny_bi_encoder_dir, tmp_path):
    data = write_sts(tmp_path / "train.tsv")
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      out_dir=str(tmp_path / "o"), batch_size=4, epochs=1, max_seq_length=32)
    token = CancelToken()
    assert train(cfg, progress=_cancel_at(2, token), cancel=token).status == "cancelled"
    with pytest.raises(Exception, match="different lr"):
        train(TrainConfig(**{**cfg.to_dict(), "lr": 1e-3}), resume=True)
    with pytest.raises(Exception, match="unfinished run"):
        train(cfg)
    assert TrainConfig.load(tmp_path / "o").lr == cfg.lr  # what the CLI's --resume reads


def test_resume_refuses_changed_data(tiny_bi_encoder_dir, tmp_path):
    """A training file edited between cancel and resume: the epoch's order and the saved position
    would no longer match, so the resume is refused with the file's name; put back, it resumes."""
    data = write_sts(tmp_path / "train.tsv")
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      out_dir=str(tmp_path / "o"), batch_size=4, epochs=1, max_seq_length=32)
    token = CancelToken()
    assert train(cfg, progress=_cancel_at(2, token), cancel=token).status == "cancelled"
    assert set(load_checkpoint(tmp_path / "o").state["data"]) == {"train_file"}
    original = data.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    data.write_text(lines[0] + "".join(reversed(lines[1:])), encoding="utf-8")  # the same rows, another order
    with pytest.raises(Exception, match=f"{data.name} changed since the checkpoint was written"):
        train(cfg, resume=True)
    data.write_bytes(original)
    assert train(cfg, resume=True).status == "finished"


def test_crash_during_checkpoint_save_keeps_the_previous_one(tiny_bi_encoder_dir, tmp_path, monkeypatch):
    data = write_sts(tmp_path / "train.tsv")
    out = tmp_path / "o"

    def cfg(o):
        return TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                           out_dir=str(o), batch_size=4, epochs=1, lr=1e-3, max_seq_length=32, checkpoint_steps=3)

    token = CancelToken()
    assert train(cfg(out), progress=_cancel_at(4, token), cancel=token).status == "cancelled"
    before = load_checkpoint(out)
    assert before.state["step"] == 4
    files_before = sorted(p.name for p in before.path.iterdir())

    # the next save (at step 6) dies half-way through writing the optimizer state
    real_save = torch.save

    def dying_save(obj, fh, *a, **k):
        fh.write(b"half a file")
        raise OSError("disk unplugged")

    monkeypatch.setattr(ckpt_mod.torch, "save", dying_save)
    with pytest.raises(OSError, match="disk unplugged"):
        train(cfg(out), resume=True)
    monkeypatch.setattr(ckpt_mod.torch, "save", real_save)

    after = load_checkpoint(out)
    assert after.state["step"] == 4 and sorted(p.name for p in after.path.iterdir()) == files_before
    assert not [p for p in out.iterdir() if p.name.startswith(".checkpoint.") and p.name.endswith(".tmp")]
    # and it still resumes to the uninterrupted result
    done = train(cfg(out), resume=True)
    assert done.status == "finished"
    ref = train(cfg(tmp_path / "ref"))
    _assert_same_weights(out, tmp_path / "ref")
    assert done.step == ref.step


def test_kill_between_the_renames_of_a_checkpoint_swap(tiny_bi_encoder_dir, tmp_path):
    """atomic_dir renames the old folder aside, then the new one in: a kill in between leaves the backup."""
    data = write_sts(tmp_path / "train.tsv")
    out = tmp_path / "o"
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      out_dir=str(out), batch_size=4, epochs=1, lr=1e-3, max_seq_length=32)
    token = CancelToken()
    train(cfg, progress=_cancel_at(3, token), cancel=token)
    os.replace(out / "checkpoint", out / f".checkpoint.old-{os.getpid()}")
    assert find_checkpoint(out) is not None
    result = train(cfg, resume=True)
    assert result.status == "finished" and result.step == 10


def test_crash_while_publishing_keeps_the_previous_best_model(tiny_bi_encoder_dir, tmp_path, monkeypatch):
    from sbert_desktop.core.models import BiEncoder

    data = write_sts(tmp_path / "train.tsv")
    out = tmp_path / "o"
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      dev_file=str(data), out_dir=str(out), batch_size=4, epochs=1, lr=1e-3, max_seq_length=32,
                      eval_steps=2)
    calls = {"n": 0}
    real = ckpt_mod.publish_model

    def publish_then_die(out_dir, *, model, head, info):
        calls["n"] += 1
        if calls["n"] == 1:
            return real(out_dir, model=model, head=head, info=info)
        real_save = model.save

        def half_save(path, *a, **k):
            real_save(path)
            (path / "model.safetensors").write_bytes(b"truncated")
            raise OSError("killed")

        model.save = half_save
        try:
            real(out_dir, model=model, head=head, info=info)
        finally:
            del model.save

    monkeypatch.setattr("sbert_desktop.core.training.trainer.publish_model", publish_then_die)
    # force every evaluation to be "the best" so a second publish happens
    flip = itertools.cycle([1.0, 0.0])  # _finite(new) > _finite(best), every time
    monkeypatch.setattr("sbert_desktop.core.training.trainer._finite", lambda x: next(flip))
    with pytest.raises(OSError, match="killed"):
        train(cfg)
    first = json.loads((out / "best.json").read_text())
    assert first["step"] == 2
    BiEncoder.load(out, device="cpu").encode(["still loads"])
    assert not [p for p in out.iterdir() if p.name.startswith(".publish.")]
