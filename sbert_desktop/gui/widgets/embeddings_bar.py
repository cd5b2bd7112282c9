"""A one-line bar the exploration pages share: what is encoded, and an "Encode sentences" button
that encodes the open sentences with the active bi-encoder as a job (progress, cancel) and
publishes them with ``AppState.set_embeddings`` — the same result as the Data page's button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.exploration_state import current_sentences
from sbert_desktop.gui.jobs import Job
from sbert_desktop.gui.state import AppState
from sbert_desktop.gui.widgets.layout import warning_label


def setting_words(settings: dict, other: dict) -> str:
    """The settings of ``settings`` that differ from ``other``'s, in words: "cls pooling, max length 128"."""
    words = []
    for key in ("pooling", "max_seq_length", "normalize", "dimensions", "prompt", "precision"):
        if settings.get(key) == other.get(key):
            continue
        value = settings.get(key)
        words.append({"pooling": f"{value} pooling", "max_seq_length": f"max length {value}",
                      "normalize": "normalized" if value else "not normalized",
                      "dimensions": f"{value or 'all'} dimensions", "prompt": f"prompt {value!r}" if value else "no prompt",
                      "precision": str(value)}[key])
    return ", ".join(words)


class EmbeddingsBar(QWidget):
    encoded = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None, cross_cue: bool = False):
        """``cross_cue``: also say when the cross-encoder cannot read the open Korean (the Compare page)."""
        super().__init__(parent)
        self.state = state
        self.job: Job | None = None
        self.last_stats: dict | None = None  # the embedding cache's stats of the last encode
        self.label = QLabel()
        self.label.setObjectName("embeddingsInfo")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.encode_button = QPushButton(translate("EmbeddingsBar", "Encode sentences"))
        self.encode_button.setToolTip(translate("EmbeddingsBar", "Embed the open sentences with the active bi-encoder (in the background)"))
        self.encode_button.clicked.connect(self.encode)
        self.cancel_button = QPushButton(translate("EmbeddingsBar", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cue = warning_label("koreanCue")  # Korean text this model cannot read, texts longer than it reads
        self.cross_cue = warning_label("crossKoreanCue") if cross_cue else None  # ... nor the cross-encoder
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.progress)
        row.addWidget(self.encode_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.cue)
        signals = [state.embeddings_changed, state.data_changed, state.bi_encoder_changed]
        if self.cross_cue is not None:
            layout.addWidget(self.cross_cue)
            signals.append(state.cross_encoder_changed)
        for signal in signals:
            signal.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self, keep_message: bool = False, force: bool = False) -> None:
        """Say what is encoded; ``keep_message`` leaves the last job's message (failed, cancelled,
        cache use); ``force`` says it even while this bar's encode is still finishing."""
        emb, data = self.state.embeddings, self.state.data
        running = self._running()
        if (running or keep_message) and not force:
            pass
        elif emb is not None:
            dim = emb.vectors.shape[1] if getattr(emb.vectors, "ndim", 0) == 2 else "?"
            if data is not None:
                text = translate("EmbeddingsBar", "{n} sentences from {file} encoded ({dim}-d)")
            else:
                text = translate("EmbeddingsBar", "{n} sentences encoded ({dim}-d)")
            text = text.format(n=number(len(emb.sentences)), file=data.path.name if data else "", dim=dim)
            self.label.setText(text + self._other_model_note(emb))
        elif data is None:
            self.label.setText(translate("EmbeddingsBar", "No sentences yet: open a sentence file on the Data page, then encode it."))
        elif self.state.bi_encoder is None:
            self.label.setText(translate("EmbeddingsBar", "{n} sentences open; load a bi-encoder on the Model page to "
                                         "encode them.").format(n=number(len(current_sentences(self.state)))))
        else:
            self.label.setText(translate("EmbeddingsBar", "{n} sentences open, not encoded yet.").format(
                n=number(len(current_sentences(self.state)))))
        from sbert_desktop.gui.quality_text import data_cues_text, korean_cue_text

        for label, encoder in ((self.cue, "bi"), (self.cross_cue, "cross")):
            if label is not None:
                cue = data_cues_text(self.state) if encoder == "bi" else korean_cue_text(self.state, encoder)
                label.setText(cue)
                label.setVisible(bool(cue))
        can = data is not None and self.state.bi_encoder is not None and not running
        self.encode_button.setEnabled(can)
        self.encode_button.setText(translate("EmbeddingsBar", "Encode again") if emb is not None
                                   else translate("EmbeddingsBar", "Encode sentences"))

    def _other_model_note(self, emb) -> str:
        """The note " · encoded with X, not the loaded bi-encoder: …" when the shared embeddings say
        another model made them (pages then cluster and map that model's vectors, and exports name it)."""
        from sbert_desktop.gui.exploration_state import model_provenance

        loaded = self.state.bi_encoder
        now = model_provenance(loaded) if loaded is not None else None
        if not emb.model or now is None or emb.model == now:
            return ""
        name = str(emb.model.get("name") or emb.model.get("source") or "?")
        if (emb.model.get("name"), emb.model.get("source")) == (now.get("name"), now.get("source")):
            # the same model loaded otherwise (pooling, length ...): say what differs, not its name twice
            made, loaded_as = setting_words(emb.model, now), setting_words(now, emb.model)
            if made and loaded_as:
                return translate("EmbeddingsBar", " · encoded with {name} ({made}), loaded now with {now}: encode again "
                                                  "to use it").format(name=name, made=made, now=loaded_as)
        return translate("EmbeddingsBar", " · encoded with {name}, not the loaded bi-encoder: encode again to use it").format(
            name=name)

    def _running(self) -> bool:
        return self.job is not None and self.state.jobs.current("encode") is self.job

    def encode(self) -> Job | None:
        from sbert_desktop.core.explore import encode_sentences

        model, sentences = self.state.bi_encoder, current_sentences(self.state)
        if model is None or not sentences or self._running():
            return None
        cache = self.state.embedding_cache
        # replaces any running encode; stopped and dropped if the data or the bi-encoder change meanwhile
        job = self.state.jobs.start(
            translate("EmbeddingsBar", "Encode {n} sentences").format(n=number(len(sentences))),
            lambda progress, cancel: encode_sentences(model, sentences, cache, progress=progress, cancel=cancel),
            kind="encode", inputs=self.state.inputs("data", "bi-encoder"))
        self.job = job
        self.label.setText(translate("EmbeddingsBar", "Encoding {n} sentences…").format(n=number(len(sentences))))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        job.progress.connect(self._on_progress)
        job.succeeded.connect(lambda out: self._on_encoded(sentences, *out))
        job.failed.connect(lambda f: self.label.setText(translate("EmbeddingsBar", "Encoding failed: {message}").format(message=f.message)))
        job.cancelled.connect(lambda: self.label.setText(translate("EmbeddingsBar", "Encoding cancelled; nothing was changed.")))
        job.ended.connect(self._on_ended)
        self.refresh()
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, event) -> None:
        if event.total > 0:
            self.progress.setRange(0, event.total)
            self.progress.setValue(min(event.done, event.total))

    def _on_encoded(self, sentences: list[str], vectors, fingerprint: str, stats: dict) -> None:
        from sbert_desktop.gui.explore_text import cache_stats_text

        self.last_stats = stats
        from sbert_desktop.gui.exploration_state import model_provenance

        # the encode job is dropped when the bi-encoder changes while it runs: the loaded one made these
        self.state.set_embeddings(sentences, vectors, fingerprint, model_provenance(self.state.bi_encoder))
        self.refresh(force=True)  # what is encoded now, never the message from before the encode
        self.label.setText(f"{self.label.text()} · {cache_stats_text(stats)}")
        self.encoded.emit()

    def _on_ended(self, status: str = "") -> None:
        if self._running():
            return  # a newer encode of this bar runs
        self.progress.hide()
        self.cancel_button.hide()
        self.job = None
        self.refresh(keep_message=status in ("succeeded", "failed", "cancelled"))
