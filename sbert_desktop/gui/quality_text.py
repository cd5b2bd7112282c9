"""The quality cue of a model (core/quality.py) in the window's language: core writes English for
the CLI; the window says the same from the cue's fields through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sbert_desktop.gui.i18n import number, translate

METRIC_NAMES = {"spearman": QT_TRANSLATE_NOOP("Quality", "dev ρ"), "pearson": QT_TRANSLATE_NOOP("Quality", "dev r"),
                "accuracy": QT_TRANSLATE_NOOP("Quality", "dev accuracy"), "macro_f1": QT_TRANSLATE_NOOP("Quality", "dev macro-F1")}
SHORT = {"ok": "", "weak": QT_TRANSLATE_NOOP("Quality", " (weak)"),
         "worse": QT_TRANSLATE_NOOP("Quality", " (worse than untrained)"), "chance": QT_TRANSLATE_NOOP("Quality", " (near chance)")}
TAIL = {"ok": "", "weak": QT_TRANSLATE_NOOP("Quality", " Weak: use it to look around, not to trust its ranking."),
        "worse": QT_TRANSLATE_NOOP("Quality", " It is worse than the model it was trained from."),
        "chance": QT_TRANSLATE_NOOP("Quality", " Near chance: it has learned nothing usable.")}


def _name(metric: str) -> str:
    return translate("Quality", METRIC_NAMES[metric]) if metric in METRIC_NAMES else metric


def _t(text: str) -> str:
    return translate("Quality", text) if text else ""


def cue_short(cue) -> str:
    """``dev ρ 0.35 (weak)``, translated (QualityCue.short)."""
    return f"{_name(cue.metric)} {number(cue.value, 2)}{_t(SHORT.get(cue.level, ''))}"


def cue_text(cue) -> str:
    """One sentence for the pages that use the model (QualityCue.text), translated."""
    if cue.baseline is not None:
        head = translate("Quality", "{name} {value}, {baseline} before training; chance is {chance}.").format(
            name=_name(cue.metric), value=number(cue.value, 2), baseline=number(cue.baseline, 2), chance=number(cue.chance, 2))
    else:
        head = translate("Quality", "{name} {value}; chance is {chance}.").format(
            name=_name(cue.metric), value=number(cue.value, 2), chance=number(cue.chance, 2))
    return head + _t(TAIL.get(cue.level, ""))


_KOREAN_MEMO: dict = {}  # encoder -> (weakref to the data, weakref to the model, cue): the last judgement


def korean_cue_text(state, encoder: str = "bi") -> str:
    """The Korean cue (core/language.py) for the open sentences and the active bi-encoder (or, with
    ``encoder="cross"``, the cross-encoder), in the window's language; "" when it does not apply.
    Judged once per (sentences, model)."""
    from sbert_desktop.core.language import unread_korean
    from sbert_desktop.gui.exploration_state import current_sentences

    model = state.cross_encoder if encoder == "cross" else state.bi_encoder
    data = state.data
    if model is None or data is None:
        return ""
    memo = _KOREAN_MEMO.get(encoder)
    if not (memo and memo[0]() is data and memo[1]() is model):
        import weakref

        memo = (weakref.ref(data), weakref.ref(model), unread_korean(model, current_sentences(state)))
        _KOREAN_MEMO[encoder] = memo  # weak: a closed file is not kept
    cue = memo[2]
    if cue is None:
        return ""
    if encoder == "cross" and korean_cue_text(state, "bi"):  # the bi-encoder's cue above says the rest
        return translate("Quality", "The cross-encoder spells Korean out too ({tokens} tokens per syllable): its scores "
                                    "and reranking of Korean sentences mean as little.").format(
            tokens=number(cue.tokens_per_syllable, 1))
    if encoder == "cross":
        text = translate("Quality", "{share} of the sentences are Korean, and the cross-encoder spells Korean out letter by "
                                    "letter ({tokens} tokens per syllable): unless it was trained on Korean, its scores and "
                                    "reranking of Korean sentences mean little. Load a Korean-capable cross-encoder on the "
                                    "Model page, or train one on Korean pairs such as KorSTS on the Train page.")
    else:
        text = translate("Quality", "{share} of the sentences are Korean, and this model spells Korean out letter by letter "
                                    "({tokens} tokens per syllable): unless it was trained on Korean, similarities, clusters "
                                    "and maps of Korean sentences mean little. Load a Korean-capable model on the Model page, "
                                    "or make this one Korean-capable (Train → Korean preset…).")
    return text.format(share=f"{cue.korean_share:.0%}", tokens=number(cue.tokens_per_syllable, 1))


_LENGTH_MEMO: list = []  # [(weakref to the data, weakref to the model, max tokens, cue)]: the last judgement


def length_cue_text(state) -> str:
    """The length cue (core/length_cue.py) for the open sentences and the active bi-encoder, in the
    window's language; "" when fewer than 2% are longer than it reads. Judged once per (sentences,
    model, maximum length)."""
    from sbert_desktop.core.length_cue import model_length_cue
    from sbert_desktop.gui.exploration_state import current_sentences

    model, data = state.bi_encoder, state.data
    if model is None or data is None:
        return ""
    limit = getattr(model, "max_seq_length", 0)
    memo = _LENGTH_MEMO[0] if _LENGTH_MEMO else None
    if not (memo and memo[0]() is data and memo[1]() is model and memo[2] == limit):
        import weakref

        memo = (weakref.ref(data), weakref.ref(model), limit, model_length_cue(model, current_sentences(state)))
        _LENGTH_MEMO[:] = [memo]
    cue = memo[3]
    if cue is None:
        return ""
    share = f"{cue.share:.0%}"
    if cue.sampled < cue.total:
        share = translate("Quality", "about {share}").format(share=share)
    text = translate("Quality", "{share} of the sentences are longer than this model reads ({max} tokens; the longest "
                                "sampled has {longest}): only their first {max} tokens count in their embeddings, "
                                "neighbours and clusters.").format(share=share, max=number(cue.max_tokens),
                                                                   longest=number(cue.longest))
    if cue.limit and cue.limit > cue.max_tokens:
        return text + " " + translate("Quality", "Split long texts into passages, or raise Max sequence length on the "
                                                 "Model page (this model reads up to {limit}).").format(limit=number(cue.limit))
    return text + " " + translate("Quality", "Split long texts into passages: this model reads no more.")


def data_cues_text(state) -> str:
    """What the open sentences and the active bi-encoder make of each other, one cue a line: Korean it
    cannot read, texts longer than it reads. "" when neither applies."""
    return "\n".join(text for text in (korean_cue_text(state), length_cue_text(state)) if text)
