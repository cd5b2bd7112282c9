"""What the Train page says about a run while it trains: a loss stuck at chance, and the dev figure
against the untrained model's and chance (the quality rule of ``core.quality`` / docs/GUI.md)."""

from __future__ import annotations

import math
from typing import Sequence

from sbert_desktop.gui.i18n import translate
from sbert_desktop.core.quality import judge

#: the loss of a classifier that has learned nothing: ln(number of classes)
CHANCE_LOSS = {"nli": math.log(3)}
STUCK_TOLERANCE = 0.03
MIN_STEPS = 20  # judge the loss only once there are this many steps and a fifth of the run


def loss_at_chance(task: str, encoder: str, loss_name: str | None, steps: Sequence[float], losses: Sequence[float],
                   total_steps: int) -> str | None:
    """A warning when a three-way NLI classifier's loss stays at ln 3 (chance), else None.

    Judged on the mean of the last quarter of the losses so far, once ``MIN_STEPS`` steps and a
    fifth of the run are done. MNRL (a ranking loss) has no such level and is not judged.
    """
    if task != "nli" or (loss_name or "") == "mnrl" or not losses:
        return None
    n = len(losses)
    if n < MIN_STEPS or (total_steps and steps[-1] < total_steps / 5):
        return None
    recent = list(losses)[-max(5, n // 4):]
    mean = sum(recent) / len(recent)
    chance = CHANCE_LOSS["nli"]
    if abs(mean - chance) < STUCK_TOLERANCE:
        return translate("TrainingCues", "The loss stays at {mean} ≈ ln 3 = {chance}, the loss of guessing among three labels: "
                         "the model is not learning. Try a higher learning rate, more steps or check the labels.").format(
            mean=f"{mean:.3f}", chance=f"{chance:.3f}")
    return None


def dev_cue(metric: str, values: Sequence[float], baseline: float | None) -> tuple[str, bool] | None:
    """The newest dev figure judged by the quality rule: ``(text, is_warning)``, or None."""
    if not values or not metric:
        return None
    cue = judge(metric.removeprefix("dev ").strip(), float(values[-1]), baseline)
    from sbert_desktop.gui.quality_text import cue_text

    return cue_text(cue), cue.warning


def cut_cue(cut: dict, encoder: str) -> str:
    """What the trainer's ``cut`` figures mean (run_setup._cut_info): the share of training texts (pairs
    for a cross-encoder) that lose their end to the maximum sequence length, and what to do."""
    n, limit = int(cut["max_seq_length"]), cut.get("limit")
    if encoder == "bi":
        text = translate("TrainingCues", "{share} of the training texts reach Max sequence length ({n} tokens) and lose "
                                         "their end to it.")
    else:
        text = translate("TrainingCues", "{share} of the training pairs (both sentences together) reach Max sequence "
                                         "length ({n} tokens) and lose their end to it.")
    text = text.format(share=f"{float(cut['cut']):.0%}", n=n)
    if limit and limit > n:
        return text + " " + translate("TrainingCues", "This model reads up to {limit}: raise it to train on more of "
                                                      "them.").format(limit=limit)
    return text + " " + translate("TrainingCues", "Split long texts into passages to train on all of them.")
