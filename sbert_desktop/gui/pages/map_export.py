"""The Map page's exports: 2-D coordinates of every sentence (with its cluster), the selected
sentences, and the map itself as PNG or SVG."""

from __future__ import annotations

import numpy as np

from sbert_desktop.gui.i18n import translate
from sbert_desktop.gui.exploration_state import provenance, source_columns, source_rows
from sbert_desktop.gui.widgets.export_menu import write_plot_manifest


def write_selection(path, rows: np.ndarray, sentences, coords: np.ndarray, labels, names: dict | None,
                    prov, encoding: str = "utf-8", lines=None, other_columns: dict | None = None):
    """index, row (the source file's line of each, from ``lines``, when known), sentence, x, y
    (, cluster, cluster_label), then the file's ``other_columns``, of the selected rows; manifest beside it."""
    from sbert_desktop.core.export import SourceColumns, open_table, source_row_array, write_manifest

    lines = source_row_array(lines, len(sentences))
    columns = [("index", "int")] + ([("row", "int")] if lines is not None else []) + [
        ("sentence", "str"), ("x", "float"), ("y", "float")]
    if labels is not None:
        columns += [("cluster", "int"), ("cluster_label", "str")]
    extra = SourceColumns(other_columns, columns, len(sentences))
    columns += extra.specs()
    with open_table(path, columns, encoding) as w:
        chunk = {"index": rows, "sentence": [sentences[i] for i in rows], "x": coords[rows, 0], "y": coords[rows, 1]}
        if lines is not None:
            chunk["row"] = lines[rows]
        if labels is not None:
            chunk["cluster"] = np.asarray(labels)[rows]
            chunk["cluster_label"] = [(names or {}).get(int(c), "") for c in chunk["cluster"]]
        w.write(extra.add(chunk, rows))
    write_manifest(path, "selection", w.rows, w.names, prov, w.fmt, encoding, {"selected": int(len(rows))})
    return path


def add_map_exports(page) -> None:
    from sbert_desktop.core import export as ex

    button = page.export_button

    def need_map() -> str | None:
        return None if page.exploration.projection is not None and len(page.scatter.coords) else translate("MapExport", "project the map first")

    def write_coordinates(path, encoding, progress, cancel):
        emb, proj, view = page.state.embeddings, page.exploration.projection, page.exploration.clusters
        return ex.export_coordinates(path, proj.coords, emb.sentences, page.exploration.labels(),
                                     provenance(page.state, page.exploration), encoding=encoding,
                                     names=view.all_names() if view is not None else None,
                                     source_rows=source_rows(page.state.data, emb.sentences),
                                     source_columns=source_columns(page.state.data, emb.sentences))

    def write_selected(path, encoding, progress, cancel):
        emb, proj, view = page.state.embeddings, page.exploration.projection, page.exploration.clusters
        return write_selection(path, page.selected_rows.copy(), emb.sentences, np.asarray(proj.coords),
                               page.exploration.labels(), view.all_names() if view is not None else None,
                               provenance(page.state, page.exploration), encoding,
                               source_rows(page.state.data, emb.sentences), source_columns(page.state.data, emb.sentences))

    def map_manifest(path):
        scatter = page.scatter  # a big map is a density image of every point, or the dots in view
        write_plot_manifest(path, provenance(page.state, page.exploration), len(scatter.coords),
                            {"points_drawn": len(scatter.sample), "drawn_as": scatter.level,
                             "points_in_view": scatter.in_view})

    button.add_table("coordinates", translate("MapExport", "2-D coordinates"), write_coordinates, need_map)
    button.add_table("selection", translate("MapExport", "Selected sentences"), write_selected,
                     lambda: need_map() or (None if len(page.selected_rows) else "select points on the map first"))
    button.add_separator()
    button.add_plot("map", translate("MapExport", "Map"), lambda: page.scatter.plot_item, need_map, map_manifest)
