"""What the window says about a model wherever it scores or reranks: its dev figure, the figure
before training (baseline) and the chance level, and a verdict a person can act on.

The rule (docs/GUI.md, "Quality cues"):

* a model trained here has ``best.json`` in its folder: its dev metric (Spearman ρ for STS,
  accuracy for NLI), and the untrained model's figure when the run recorded one (``baseline``);
* chance is ρ = 0 for STS and 1/3 for three-way NLI accuracy;
* **near chance**: within 0.05 of chance — the model has learned nothing usable;
* **worse than before training**: more than 0.01 below its baseline;
* **weak**: ρ < 0.6 (STS) or accuracy < 0.6 (NLI) — usable to look around, not to trust a ranking;
* otherwise **ok**. A model without ``best.json`` (the bundled one, a hub model) is "not evaluated
  here" and gets no verdict.

A reranking also gets a cue of its own (:func:`score_spread_cue`): when the cross-encoder's scores
for all candidates lie within 0.05 of each other it barely separates them, whatever its dev figure.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

#: chance level of each dev metric (STS: no correlation; NLI: three balanced classes)
CHANCE = {"spearman": 0.0, "pearson": 0.0, "accuracy": 1 / 3, "macro_f1": 1 / 3}
NEAR_CHANCE = 0.05
WEAK_BELOW = 0.6
NARROW_SPREAD = 0.05

METRIC_NAMES = {"spearman": "dev ρ", "pearson": "dev r", "accuracy": "dev accuracy", "macro_f1": "dev macro-F1"}


@dataclass(frozen=True)
class QualityCue:
    metric: str  # "spearman" | "accuracy" | ...
    value: float
    baseline: Optional[float]  # the untrained model's figure, when recorded
    chance: float
    level: str  # "ok" | "weak" | "worse" | "chance"

    @property
    def warning(self) -> bool:
        return self.level != "ok"

    @property
    def short(self) -> str:
        """A few words for the status bar: ``dev ρ 0.35 (weak)``."""
        verdict = {"ok": "", "weak": " (weak)", "worse": " (worse than untrained)", "chance": " (near chance)"}
        return f"{METRIC_NAMES.get(self.metric, self.metric)} {self.value:.2f}{verdict[self.level]}"

    @property
    def text(self) -> str:
        """One sentence for the pages that use the model."""
        name = METRIC_NAMES.get(self.metric, self.metric)
        base = f", {self.baseline:.2f} before training" if self.baseline is not None else ""
        head = f"{name} {self.value:.2f}{base}; chance is {self.chance:.2f}."
        tail = {"ok": "",
                "weak": " Weak: use it to look around, not to trust its ranking.",
                "worse": " It is worse than the model it was trained from.",
                "chance": " Near chance: it has learned nothing usable."}[self.level]
        return head + tail


def judge(metric: str, value: float, baseline: Optional[float] = None) -> QualityCue:
    chance = CHANCE.get(metric, 0.0)
    if value - chance < NEAR_CHANCE:
        level = "chance"
    elif baseline is not None and value < baseline - 0.01:
        level = "worse"
    elif value < WEAK_BELOW:
        level = "weak"
    else:
        level = "ok"
    return QualityCue(metric, float(value), None if baseline is None else float(baseline), chance, level)


def read_cue(folder: str | Path | None) -> Optional[QualityCue]:
    """The cue of a model folder with ``best.json`` (a run of this app), else None."""
    if not folder:
        return None
    path = Path(folder) / "best.json"
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    metric, value = info.get("metric_name"), info.get("metric")
    if not isinstance(metric, str) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    baseline = info.get("baseline")
    if isinstance(baseline, dict):
        baseline = baseline.get(metric)
    return judge(metric, value, baseline if isinstance(baseline, (int, float)) else None)


def model_cue(model: Any, source: Optional[str] = None) -> Optional[QualityCue]:
    """The cue of a loaded model: ``model.quality`` when set (a model just trained), else its folder's."""
    cue = getattr(model, "quality", None)
    if isinstance(cue, QualityCue):
        return cue
    return read_cue(source if source and source != "default" else None)


def score_spread_cue(scores: Sequence[float]) -> Optional[str]:
    """A warning when a reranking's scores barely differ (all within ``NARROW_SPREAD``)."""
    values = [float(s) for s in scores]
    if len(values) < 2:
        return None
    lo, hi = min(values), max(values)
    if hi - lo < NARROW_SPREAD:
        return (f"All {len(values)} scores lie between {lo:.2f} and {hi:.2f}: the cross-encoder barely separates "
                "these candidates, so its order says little.")
    return None
