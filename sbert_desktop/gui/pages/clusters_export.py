"""The Clusters page's exports: one row per sentence with its cluster and name (plus the map's
x, y when a projection exists), and the embeddings themselves."""

from __future__ import annotations

import numpy as np

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.exploration_state import provenance, source_columns, source_rows


def add_cluster_exports(page) -> None:
    from sbert_desktop.core import export as ex

    button = page.export_button

    def write_clusters(path, encoding, progress, cancel):
        view, emb, proj = page.exploration.clusters, page.state.embeddings, page.exploration.projection
        coords = None if proj is None or len(proj.coords) != len(emb.sentences) else np.asarray(proj.coords)
        prov = provenance(page.state, page.exploration, keywords={str(k): v for k, v in view.keywords.items()},
                          renamed={str(k): v for k, v in view.names.items()})
        return ex.export_clusters(path, emb.sentences, view.result, label_names=view.all_names(), coords=coords,
                                  provenance=prov, encoding=encoding, source_rows=source_rows(page.state.data, emb.sentences),
                                  source_columns=source_columns(page.state.data, emb.sentences))

    def write_embeddings(path, encoding, progress, cancel):
        emb = page.state.embeddings
        return ex.export_embeddings(path, emb.vectors, emb.sentences, provenance(page.state), encoding=encoding,
                                    source_rows=source_rows(page.state.data, emb.sentences))

    button.add_table("clusters", translate("ClustersExport", "Clusters (one row per sentence)"), write_clusters,
                     lambda: None if page.exploration.clusters is not None and page.state.embeddings is not None
                     else translate("ClustersExport", "cluster the sentences first"))
    button.add_table("embeddings", translate("ClustersExport", "Embeddings"), write_embeddings,
                     lambda: None if page.state.embeddings is not None else "encode the sentences first",
                     formats=("csv", "csv-bom", "parquet", "npy"))
