"""Prompts ("query: ", "passage: ", an instruction) that a model expects before each text.

A sentence-transformers model lists them in ``config_sentence_transformers.json`` (``prompts``,
``default_prompt_name``). The text fed to the model is ``prompt + sentence``, exactly as
``SentenceTransformer.encode(prompt_name=...)`` builds it; with ``include_prompt = False`` in the
pooling configuration the prompt's tokens are left out of the pooled average.
"""

from __future__ import annotations

from typing import Mapping

from torch import Tensor

from sbert_desktop.core.errors import SbertDesktopError

#: a ``--prompt-name`` value meaning "no prompt, even where the model has a default one"
NO_PROMPT = "none"


class PromptError(SbertDesktopError):
    """A prompt name the model does not define (the message lists the ones it has)."""


def resolve_prompt(prompts: Mapping[str, str], default_name: str | None, model_name: str,
                   prompt_name: str | None = None, prompt: str | None = None) -> str | None:
    """The prompt text to use: ``prompt`` if given ("" for none), else the named one, else the
    model's default. ``prompt_name="none"`` (unless the model has a prompt of that name) means none."""
    if prompt is not None:
        return prompt or None
    if prompt_name is not None:
        if prompt_name in prompts:
            return prompts[prompt_name] or None
        if prompt_name.lower() == NO_PROMPT:
            return None
        have = ", ".join(sorted(prompts)) if prompts else "no prompts"
        raise PromptError(f"{model_name}: no prompt named {prompt_name!r} (the model has {have}; "
                          f"'{NO_PROMPT}' for no prompt)")
    if default_name:
        return prompts.get(default_name) or None
    return None


def prompt_length(tokenizer, prompt: str, lower: bool = False) -> int:
    """Tokens of ``prompt`` at the start of ``prompt + sentence``: its tokenization without the
    trailing special token (sentence-transformers' rule: [CLS] + the prompt's tokens for BERT)."""
    text = prompt.strip().lower() if lower else prompt.strip()
    ids = tokenizer([text], padding=False, truncation=False)["input_ids"][0]
    n = len(ids)
    if ids and ids[-1] in set(getattr(tokenizer, "all_special_ids", []) or []):
        n -= 1
    return n


def exclude_prompt(attention_mask: Tensor, length: int) -> Tensor:
    """A copy of ``attention_mask`` with the first ``length`` real tokens of every row masked out
    (right or left padding)."""
    mask = attention_mask.clone()
    pad = attention_mask.to("cpu").int().argmax(dim=1).to(mask.device)
    if int(pad.sum()) == 0:
        mask[:, :length] = 0
    else:
        import torch

        positions = torch.arange(mask.size(1), device=mask.device).unsqueeze(0)
        mask[positions < (pad + length).unsqueeze(1)] = 0
    return mask
