"""This engine and sentence-transformers' training loop (``old_fit``, the SBERT paper's trainer) on
identical batches, from identical weights, for a few steps: per-step losses and final weights agree.

Both sides get the same tiny BERT (dropout off, so nothing random happens inside a step), the same
STS pairs in the same batches (this engine's epoch order, handed to sentence-transformers as a batch
sampler), cosine loss (MSE of cosine against score / 5), AdamW with weight decay 0.01 except biases
and LayerNorm, linear warm-up over 10% then linear decay, gradient clipping at 1.0.

Tolerance: losses within 1e-5 absolute, every weight within 1e-5 absolute after the last step. The
only intended difference is padding: this engine encodes both sides of a batch in one forward pass
(padded to the longest of both), sentence-transformers each side on its own; padded positions are
masked, so they change float rounding only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from _training_data import write_sts  # noqa: E402

st = pytest.importorskip("sentence_transformers")

STEPS, BATCH, LR, SEED = 6, 4, 2e-3, 42
LOSS_ATOL = WEIGHT_ATOL = 1e-5


@pytest.fixture
def start_dir(bundled_model_path, tmp_path):
    import torch
    from transformers import BertConfig

    from sbert_desktop.core.models import BiEncoder

    torch.manual_seed(0)
    config = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128, hidden_dropout_prob=0.0,
                        attention_probs_dropout_prob=0.0)
    model = BiEncoder.from_config(config, bundled_model_path, pooling="mean", max_seq_length=64)
    model.save(tmp_path / "start")
    return tmp_path / "start"


def test_same_losses_and_weights_as_sentence_transformers(start_dir, tmp_path):
    import torch
    from torch.utils.data import DataLoader

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.training import TrainConfig, train
    from sbert_desktop.core.training.batches import build_examples, epoch_batches

    sts = write_sts(tmp_path / "sts.tsv", n=STEPS * BATCH)
    cfg = TrainConfig(encoder="bi", task="sts", model=str(start_dir), train_file=str(sts),
                      out_dir=str(tmp_path / "ours"), epochs=1, batch_size=BATCH, lr=LR, warmup_ratio=0.1,
                      weight_decay=0.01, max_grad_norm=1.0, seed=SEED, device="cpu")
    ours_losses: list[float] = []
    result = train(cfg, progress=lambda e: ours_losses.append(e.info["loss"]) if e.stage == "train" else None)
    assert result.step == STEPS and len(ours_losses) == STEPS

    # sentence-transformers on the same batches
    from sentence_transformers import InputExample, SentenceTransformer
    from sentence_transformers.sentence_transformer.losses import CosineSimilarityLoss

    data = read_pairs(sts)
    examples = build_examples(data, "bi", "sts", "cosine")
    batches = [b.tolist() for b in epoch_batches(examples, BATCH, SEED, 0)]
    targets = data.normalized_scores()
    items = [InputExample(texts=[a, b], label=float(y)) for a, b, y in zip(data.sentence1, data.sentence2, targets)]
    model = SentenceTransformer(str(start_dir), device="cpu")
    loader = DataLoader(items, batch_sampler=batches)
    loss = CosineSimilarityLoss(model)
    ref_losses: list[float] = []
    forward = loss.forward
    loss.forward = lambda *a, **k: (lambda out: (ref_losses.append(float(out.detach())), out)[1])(forward(*a, **k))
    model.old_fit(train_objectives=[(loader, loss)], epochs=1, warmup_steps=int(np.ceil(0.1 * STEPS)),
                  optimizer_params={"lr": LR}, weight_decay=0.01, max_grad_norm=1.0, show_progress_bar=False)

    assert len(ref_losses) == STEPS
    np.testing.assert_allclose(ours_losses, ref_losses, rtol=0, atol=LOSS_ATOL)
    assert ours_losses[0] != ours_losses[-1]  # the weights really moved

    from safetensors.torch import load_file

    ours_state = load_file(str(result.out_dir / "model.safetensors"))
    ref_state = {k: v.detach().cpu() for k, v in model[0].auto_model.state_dict().items()}
    common = [k for k in ours_state if k in ref_state]
    assert len(common) >= 30
    start_state = load_file(str(start_dir / "model.safetensors"))
    moved = max(float((ours_state[k] - start_state[k]).abs().max()) for k in common)
    worst = max(float((ours_state[k] - ref_state[k]).abs().max()) for k in common)
    assert moved > 100 * WEIGHT_ATOL, moved  # the weights moved far more than the tolerance
    print(f"largest weight change {moved:.2e}, largest difference to sentence-transformers {worst:.2e}")
    assert worst <= WEIGHT_ATOL, worst
