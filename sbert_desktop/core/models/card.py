"""The model card: ``README.md`` in every saved model folder, saying how the model was made.

Like the cards sentence-transformers writes: YAML front matter (library, base model, tags,
pipeline), the architecture (modules, pooling, dimension, prompts), and for a trained model the
data sets with their sizes, the loss, the hyperparameters, the training time and hardware and the
dev metrics before and after, then a usage snippet for sentence-transformers and this app. It is
plain Markdown: nothing reads it back, so it cannot break loading.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

CARD_FILE = "README.md"


def hardware() -> str:
    """A short description of the machine a model was trained on."""
    import torch

    cpu = platform.processor() or platform.machine() or "CPU"
    text = f"{cpu}, {os.cpu_count() or '?'} logical cores, torch {torch.__version__} ({torch.get_num_threads()} threads)"
    if torch.cuda.is_available():
        text += f"; GPU {torch.cuda.get_device_name(0)}"
    return text


def training_card(run: Any) -> dict[str, Any]:
    """What a training run (``core.training.trainer._Run``) contributes to its model's card."""
    cfg = run.cfg
    data = [{"role": "train", "path": str(cfg.train_file), "rows": len(run.train_ds),
             "examples": len(run.examples), "format": getattr(run.train_ds, "format", None)}]
    if getattr(run, "dev", None) is not None:
        data.append({"role": "dev", "path": str(cfg.dev_file), "rows": len(run.dev),
                     "format": getattr(run.dev, "format", None)})
    after = run.history[-1] if run.history else None
    best = next((r for r in run.history if r.get("step") == run.best_step), None) if run.best_step else None
    keys = ("pearson", "spearman", "accuracy", "macro_f1")
    return {
        "name": Path(cfg.out_dir).name, "base": cfg.model, "task": cfg.task, "loss": cfg.loss_name, "data": data,
        "hyperparameters": {k: getattr(cfg, k) for k in (
            "epochs", "batch_size", "lr", "warmup_ratio", "weight_decay", "max_grad_norm", "max_seq_length",
            "seed", "max_steps", "scale") if getattr(cfg, k, None) is not None}
        | ({"mini_batch_size": cfg.mini_batch_size} if cfg.loss_name == "cached_mnrl" else {}),
        "steps": run.step, "total_steps": run.total_steps, "train_seconds": round(run.train_seconds, 1),
        "hardware": hardware(), "device": str(run.device),
        "dev_before": getattr(run, "baseline", None),  # the dev figures before the first step
        "dev_after": {k: (best or after)[k] for k in keys if (best or after) and k in (best or after)} or None,
        "dev_metric": run.metric_name, "best_step": run.best_step,
    }


def _table(rows: list[tuple[str, Any]]) -> str:
    lines = ["| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows if v not in (None, "", [], {})]
    return "\n".join(lines)


def _metrics(before: dict | None, after: dict | None) -> str:
    keys = [k for k in ("spearman", "pearson", "accuracy", "macro_f1") if k in (after or {}) or k in (before or {})]
    if not keys:
        return ""
    fmt = lambda d, k: f"{d[k]:.4f}" if d and isinstance(d.get(k), (int, float)) else "not measured"  # noqa: E731
    lines = ["| dev metric | before training | after training |", "|---|---|---|"]
    lines += [f"| {k} | {fmt(before, k)} | {fmt(after, k)} |" for k in keys]
    return "\n".join(lines)


def render_card(info: dict[str, Any], training: dict[str, Any] | None, folder_name: str, kind: str) -> str:
    """The Markdown text of a card (``info``: ``BiEncoder.info()`` / ``CrossEncoder.info()``)."""
    from sbert_desktop import __version__

    base = (training or {}).get("base") or info.get("source") or info.get("name") or ""
    tags = ["sentence-transformers", "sbert-desktop"] + (["sentence-similarity", "feature-extraction"]
                                                         if kind == "bi-encoder" else ["cross-encoder"])
    front = ["---", "library_name: sentence-transformers",
             f"pipeline_tag: {'sentence-similarity' if kind == 'bi-encoder' else 'text-ranking'}",
             "tags:"] + [f"- {t}" for t in tags]
    if base and base not in ("random",) and not os.path.isabs(base):
        front.append(f"base_model: {base}")
    front.append("---")
    title = f"# {folder_name}\n\nA {kind} saved by SBERT Desktop {__version__}"
    title += f", from `{base}`." if base else "."
    arch = [("architecture", info.get("architecture")), ("modules", " → ".join(info.get("modules") or [])),
            ("pooling", info.get("pooling")), ("output dimension", info.get("full_dimension", info.get("dimension"))),
            ("labels", info.get("num_labels")), ("max sequence length", info.get("max_seq_length")),
            ("normalised", info.get("normalize")), ("parameters", f"{info.get('parameters', 0):,}"),
            ("prompts", ", ".join(f"{k}: `{v}`" for k, v in (info.get("prompts") or {}).items()) or None)]
    parts = ["\n".join(front), title, "## Model\n\n" + _table(arch)]
    if training:
        data = "\n".join(f"- {d['role']}: `{Path(d['path']).name}` ({d['rows']:,} rows"
                         + (f", {d['examples']:,} training examples" if d.get("examples") not in (None, d["rows"])
                            else "") + (f", {d['format']}" if d.get("format") else "") + ")"
                         for d in training["data"])
        hyper = ", ".join(f"{k} {v}" for k, v in training["hyperparameters"].items())
        minutes = training["train_seconds"] / 60
        lines = [f"## Training\n\nTask **{training['task']}**, loss **{training['loss']}**.\n",
                 f"Data:\n{data}\n", f"Hyperparameters: {hyper}.\n",
                 f"{training['steps']:,} of {training['total_steps']:,} steps in {minutes:.1f} min of training "
                 f"on {training['device']} ({training['hardware']})."]
        metrics = _metrics(training.get("dev_before"), training.get("dev_after"))
        if metrics:
            best = f" (the model is the one of step {training['best_step']})" if training.get("best_step") else ""
            lines.append(f"\n{metrics}\n\nAfter training: the best dev {training.get('dev_metric')}{best}.")
        parts.append("\n".join(lines))
    if kind == "bi-encoder":
        usage = ("```python\nfrom sentence_transformers import SentenceTransformer\n\n"
                 f"model = SentenceTransformer(\"path/to/{folder_name}\")\n"
                 "embeddings = model.encode([\"The first sentence\", \"The second one\"])\n```\n\n"
                 f"```bash\nsbert-desktop encode sentences.txt --model path/to/{folder_name} --out embeddings.npy\n```")
    else:
        usage = ("```python\nfrom sentence_transformers import CrossEncoder\n\n"
                 f"model = CrossEncoder(\"path/to/{folder_name}\")\n"
                 "scores = model.predict([(\"A question\", \"A candidate answer\")])\n```")
    parts.append("## Usage\n\n" + usage)
    return "\n\n".join(parts) + "\n"


def write_card(folder: Path, model: Any, kind: str, name: str | None = None) -> None:
    """Write ``README.md`` for ``model`` (its ``card_data``, when a training run set it) into ``folder``."""
    try:
        info = model.info()
    except Exception:  # a card must never stop a save
        info = {"name": getattr(model, "name", "")}
    training = getattr(model, "card_data", None)
    text = render_card(info, training, (training or {}).get("name") or name or Path(folder).name, kind)
    (Path(folder) / CARD_FILE).write_text(text, encoding="utf-8")
