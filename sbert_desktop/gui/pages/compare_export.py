"""The Compare page's exports: the pair table, search results, the top-k similarity table, the
full similarity matrix (refused with the reason above the size limit) and the score scatter."""

from __future__ import annotations

import numpy as np

from sbert_desktop.gui.i18n import number, translate
from sbert_desktop.gui.exploration_state import provenance, source_rows
from sbert_desktop.gui.widgets.export_menu import write_plot_manifest


def add_compare_exports(page) -> None:
    from sbert_desktop.core import export as ex

    button = page.export_button

    def prov(**extra):
        return provenance(page.state, page.exploration, **extra)

    def need_pairs() -> str | None:
        return None if page.result is not None and len(page.result) else translate("CompareExport", "find pairs first")

    def need_embeddings() -> str | None:
        return None if page.state.embeddings is not None else translate("CompareExport", "encode the sentences first")

    def need_small_matrix() -> str | None:
        emb = page.state.embeddings
        if emb is None:
            return translate("CompareExport", "encode the sentences first")
        n = len(emb.sentences)
        if n * n > ex.DEFAULT_MAX_MATRIX_CELLS:
            from sbert_desktop.core.units import format_bytes

            return translate("CompareExport", "the matrix of {n} sentences has {cells} cells (about {size} as float32, "
                             "several times that as text); the limit is {limit} cells. Export the top-k similarity "
                             "table instead.").format(n=number(n), cells=number(n * n), size=format_bytes(n * n * 4),
                                                      limit=number(ex.DEFAULT_MAX_MATRIX_CELLS))
        return None

    def write_pairs(path, encoding, progress, cancel):
        r = page.result
        extra = {}
        if r.cross is not None:
            extra["cross_score"] = r.cross
        if r.gold is not None:
            extra["gold" if r.gold_names is None else "gold_label"] = r.gold
        delta = r.disagreement()
        if delta is not None:
            extra["rank_disagreement"] = delta.astype(np.float32)
        manifest = prov(**r.params, gold_labels=r.gold_names)
        if r.models:  # the models that scored these pairs, whatever is loaded now
            manifest.model = r.models.get("model") or manifest.model
            manifest.cross_encoder = r.models.get("cross_encoder") if r.cross is not None else None
        return ex.export_pairs(path, r.table, r.sentences, manifest,
                               encoding=encoding, extra_columns=extra, score_name="bi_cosine",
                               source_rows=source_rows(page.state.data, r.sentences))

    def write_search(path, encoding, progress, cancel):
        emb = page.state.embeddings
        return ex.export_search(path, list(page.rerank.history), prov(), encoding=encoding,
                                source_rows=source_rows(page.state.data, emb.sentences if emb is not None else []))

    def write_topk(path, encoding, progress, cancel):
        emb = page.state.embeddings
        cross = page.state.cross_encoder
        usable = cross is not None and getattr(cross, "num_labels", 1) <= 2  # an NLI model gives no relevance
        manifest = prov()
        if not usable:
            manifest.cross_encoder = None  # the manifest names only the models that made the table
        return ex.export_topk(path, emb.vectors, emb.sentences, top_k=page.top_k.value(), provenance=manifest,
                              encoding=encoding, progress=progress, cancel=cancel,
                              cross_encoder=cross if usable else None, score_name="bi_cosine",
                              source_rows=source_rows(page.state.data, emb.sentences))

    def write_matrix(path, encoding, progress, cancel):
        emb = page.state.embeddings
        return ex.export_matrix(path, emb.vectors, emb.sentences, provenance=prov(), encoding=encoding,
                                progress=progress, cancel=cancel)

    def scatter_manifest(path):
        x, y = page.axes.currentData()
        write_plot_manifest(path, prov(), len(page.scatter.coords),
                            {"x": x, "y": y, "correlation": page.correlation.text()})

    button.add_table("pairs", translate("CompareExport", "Pair table"), write_pairs, need_pairs)
    button.add_table("search", translate("CompareExport", "Search results"), write_search,
                     lambda: None if page.rerank.history else translate("CompareExport", "run a search first"))
    button.add_separator()
    button.add_table("topk", translate("CompareExport", "Top-k similarity table"), write_topk, need_embeddings)
    button.add_table("matrix", translate("CompareExport", "Full similarity matrix"), write_matrix, need_small_matrix,
                     formats=("csv", "csv-bom", "parquet", "npy"))
    button.add_separator()
    button.add_plot("scatter", translate("CompareExport", "Score scatter"), lambda: page.scatter.plot_item,
                    lambda: None if len(page.scatter.coords) else translate("CompareExport", "find pairs with two scores first"), scatter_manifest)
