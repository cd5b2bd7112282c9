"""Damaged models and checkpoints are refused with one line (exit 2), never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from _training_data import write_nli
from sbert_desktop.cli import main


def _one_line_error(argv, capsys, command: str) -> str:
    rc = main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2, err
    assert len(err) == 1 and err[0].startswith(f"sbert-desktop {command}: error:"), err
    return err[0]


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00garbage\xff" * 10)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.fixture
def sentences(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("one sentence\nanother one\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("damage", [_garbage, _truncate, _empty])
def test_damaged_weights_are_one_line(damage, tiny_bi_encoder_dir, sentences, tmp_path, capsys):
    damage(tiny_bi_encoder_dir / "model.safetensors")
    line = _one_line_error(["encode", str(sentences), "--model", str(tiny_bi_encoder_dir), "--out",
                            str(tmp_path / "e.npy"), "--quiet"], capsys, "encode")
    assert "cannot load the model" in line


@pytest.mark.parametrize("modules", ['{"0": {"type": "Transformer"}}', "{not json", '"text"'])
def test_modules_json_that_is_not_a_list_is_one_line(modules, tiny_bi_encoder_dir, sentences, tmp_path, capsys):
    (tiny_bi_encoder_dir / "modules.json").write_text(modules, encoding="utf-8")
    line = _one_line_error(["encode", str(sentences), "--model", str(tiny_bi_encoder_dir), "--out",
                            str(tmp_path / "e.npy"), "--quiet"], capsys, "encode")
    assert "modules.json" in line


def test_garbage_cross_encoder_config_is_a_model_error(tiny_cross_encoder_dir):
    from sbert_desktop.core.errors import ModelLoadError
    from sbert_desktop.core.models import CrossEncoder

    _garbage(tiny_cross_encoder_dir / "config.json")
    with pytest.raises(ModelLoadError, match="config.json"):
        CrossEncoder.load(str(tiny_cross_encoder_dir))


# ----------------------------------------------------------------------------- checkpoints and heads


@pytest.fixture(scope="module")
def checkpointed(tmp_path_factory, bundled_model_path):
    """A cancelled bi-encoder/softmax run: a checkpoint with model, NLI head and trainer state."""
    import torch
    from transformers import BertConfig

    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.progress import CancelToken
    from sbert_desktop.core.training import TrainConfig, train

    root = tmp_path_factory.mktemp("ckpt")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)  # tests/conftest.py's tiny BERT
    BiEncoder.from_config(config, bundled_model_path, max_seq_length=32).save(root / "model")
    data = write_nli(root / "nli.tsv", premises=4)
    token = CancelToken()
    cfg = TrainConfig(encoder="bi", task="nli", loss="softmax", model=str(root / "model"), train_file=str(data),
                      dev_file=str(data), out_dir=str(root / "run"), batch_size=4, epochs=1, eval_steps=1,
                      device="cpu", max_seq_length=32)
    result = train(cfg, progress=lambda e: e.stage == "eval" and token.cancel(), cancel=token)
    assert result.status == "cancelled" and (root / "run" / "checkpoint" / "nli_head").is_dir()
    return root / "run"


CHECKPOINT_DAMAGE = {
    "trainer_state garbage": ("trainer_state.pt", _garbage),
    "trainer_state truncated": ("trainer_state.pt", _truncate),
    "trainer_state empty": ("trainer_state.pt", _empty),
    "trainer_state missing": ("trainer_state.pt", Path.unlink),
    "state.json garbage": ("state.json", _garbage),
    "state.json a list": ("state.json", lambda p: p.write_text("[1, 2]")),
    "state.json without step": ("state.json", lambda p: p.write_text(json.dumps(
        {k: v for k, v in json.loads(p.read_text()).items() if k != "step"}))),
    "train_config garbage": ("train_config.json", _garbage),
    "weights truncated": ("model/model.safetensors", _truncate),
    "model config garbage": ("model/config.json", _garbage),
    "head weights garbage": ("nli_head/model.safetensors", _garbage),
    "head config garbage": ("nli_head/config.json", _garbage),
}


@pytest.mark.parametrize("case", list(CHECKPOINT_DAMAGE))
def test_damaged_checkpoint_is_one_line(case, checkpointed, tmp_path, capsys):
    out = tmp_path / "run"
    shutil.copytree(checkpointed, out)
    name, damage = CHECKPOINT_DAMAGE[case]
    damage(out / "checkpoint" / name)
    _one_line_error(["train", "--resume", str(out), "--quiet"], capsys, "train")


def test_damaged_published_head_is_one_line(checkpointed, tmp_path):
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.training.predict import load_nli_head

    out = tmp_path / "run"
    shutil.copytree(checkpointed, out)
    _garbage(out / "nli_head" / "model.safetensors")
    with pytest.raises(SbertDesktopError) as info:
        load_nli_head(out)
    assert "\n" not in str(info.value)
