"""The Train page's Korean preset: Korean word pieces added to the vocabulary, distillation on the
English-Korean parallel set, then KorSTS fine-tuning (:mod:`sbert_desktop.core.training.korean_preset`),
shown with its estimated time on this machine before it starts; run as one background job by
:class:`PresetLauncher`.
"""

from __future__ import annotations

from pathlib import Path

from sbert_desktop.core.units import format_duration
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.preset_launcher import PresetLauncher, about


class KoreanPresetLauncher(PresetLauncher):
    object_name = "koreanPresetDialog"
    folder = "korean-preset"

    @property
    def title(self) -> str:
        return translate("KoreanPreset", "Korean preset")

    def plan(self, out):
        from sbert_desktop.core.training.korean_preset import plan

        return plan(out, model=self.source_model())

    def describe(self, preset) -> str:
        from sbert_desktop.core.training.korean_preset import estimate_seconds

        est = estimate_seconds(preset)
        p = preset.pairs
        model = Path(preset.model).name if preset.model != "default" else "all-MiniLM-L6-v2"
        return translate(
            "KoreanPreset", "Make {model} Korean-capable in three steps:<br>"
            "1. add Korean word pieces learnt from the training sentences to its vocabulary (Korean text then "
            "takes about a third of the tokens);<br>"
            "2. distillation on {pairs} English–Korean sentence pairs ({distill_steps} steps), the original model "
            "as teacher;<br>3. KorSTS fine-tuning on {korsts} pairs ({korsts_steps} steps).<br><br>"
            "<b>Estimated time on two CPU cores: {total}</b> ({distill_time} + {korsts_time}); "
            "faster with more cores or a GPU.").format(
                model=model, pairs=number(p['parallel_train']), distill_steps=number(int(est['distill_steps'])),
                korsts=number(p['korsts_train']), korsts_steps=number(int(est['korsts_steps'])),
                total=about(est['total']), distill_time=format_duration(est['distill'] + est['vocab']),
                korsts_time=format_duration(est['korsts']))

    def run(self, preset, progress, cancel):
        from sbert_desktop.core.training.korean_preset import run_preset

        return run_preset(preset, progress, cancel)
