"""The Train page's cross-encoder preset: NLI, then silver pairs scored by the bi-encoder, then STS-B in both orders
(:mod:`sbert_desktop.core.training.cross_preset`), shown with its estimated time before it starts."""

from __future__ import annotations

from pathlib import Path

from sbert_desktop.core.units import format_duration
from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.preset_launcher import PresetLauncher, about


class CrossPresetLauncher(PresetLauncher):
    object_name = "crossPresetDialog"
    folder = "cross-encoder-preset"

    @property
    def title(self) -> str:
        return translate("CrossPreset", "Cross-encoder preset")

    def plan(self, out):
        from sbert_desktop.core.training.cross_preset import plan

        return plan(out, model=self.source_model())

    def describe(self, preset) -> str:
        from sbert_desktop.core.training.cross_preset import estimate_seconds

        est = estimate_seconds(preset)
        p = preset.pairs
        model = Path(preset.nli.model).name if preset.nli.model != "default" else "all-MiniLM-L6-v2"
        return translate(
            "CrossPreset", "Train a cross-encoder from {model} that reads both sentences together, in three runs:<br>"
            "1. NLI: {nli} SNLI pairs, {nli_epochs} epoch, 3-way head ({nli_steps} steps);<br>"
            "2. silver: {silver} new pairs of STS-B training sentences scored by {model}, 1 epoch ({silver_steps} "
            "steps);<br>"
            "3. STS-B: {sts} pairs in both orders, {sts_epochs} epochs, learning rate {lr:g}, the best "
            "epoch on STS-B dev is kept ({sts_steps} steps).<br><br>"
            "<b>Estimated time on two CPU cores: {about}</b> ({nli_time} + {silver_time} + {sts_time}); faster "
            "with more cores or a GPU."
        ).format(model=model, nli=number(p["nli_train"]), nli_epochs=preset.nli.num_epochs,
                 nli_steps=number(int(est["nli_steps"])), silver=number(p["silver"]),
                 silver_steps=number(int(est["silver_steps"])), sts=number(p["sts_train"]),
                 sts_epochs=preset.sts.num_epochs, lr=preset.sts.lr, sts_steps=number(int(est["sts_steps"])),
                 about=about(est["total"]), nli_time=format_duration(est["nli"]),
                 silver_time=format_duration(est["silver"]), sts_time=format_duration(est["sts"]))

    def run(self, preset, progress, cancel):
        from sbert_desktop.core.training.cross_preset import run_preset

        return run_preset(preset, progress, cancel)
