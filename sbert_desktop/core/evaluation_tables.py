"""The Evaluate tables as rows of plain values: one layout for the CLI's text, the window's tables
and the CSV exports (headers, rows of numbers/strings), from the results of ``pooling_ablation``,
``compare_encoders`` and ``evaluate_retrieval``.
"""

from __future__ import annotations

from typing import Any

from sbert_desktop.core.encoder_cost import format_seconds

Table = tuple[list[str], list[list[Any]]]


def _pct(x: Any) -> Any:
    return None if x is None else round(100 * float(x), 2)


def pooling_table(result: dict[str, Any]) -> Table:
    """``pooling | metric x 100 ...``; the model's own mode is marked with ``*``."""
    keys = ("pearson", "spearman") if result["task"] == "sts" else ("accuracy", "macro_f1")
    headers = ["pooling"] + [f"{k} x 100" for k in keys]
    rows = [[r["pooling"] + (" *" if r.get("own") else "")] + [_pct(r.get(k)) for k in keys] for r in result["rows"]]
    return headers, rows


def encoders_table(result: dict[str, Any]) -> Table:
    keys = result["metrics"]
    headers = ["encoder", "model"] + [f"{k} x 100" for k in keys] + ["sentences/s", "pairs/s", "seconds"]
    rows = []
    for r in result["rows"]:
        rows.append([r["encoder"], r.get("model", "")] + [_pct(r.get(k)) for k in keys]
                    + [round(r["sentences_per_s"], 1) if "sentences_per_s" in r else None,
                       round(r["pairs_per_s"], 1) if "pairs_per_s" in r else None, round(r["seconds"], 2)])
    return headers, rows


def cost_table(result: dict[str, Any]) -> Table:
    headers = ["n sentences", "pairs", "bi-encoder", "cross-encoder", "bi seconds", "cross seconds"]
    rows = [[c["label"] if c["label"] != "this data set" else f"{c['n']:,} (this data set)", c["pairs"],
             format_seconds(c["bi_seconds"]), format_seconds(c["cross_seconds"]),
             c["bi_seconds"], c["cross_seconds"]] for c in result["cost"]]
    return headers, rows


RETRIEVAL_METRICS = ("recall@1", "recall@10", "mrr@10", "ndcg@10")


def retrieval_table(result: dict[str, Any]) -> Table:
    headers = ["method", "k"] + [f"{m} x 100" for m in RETRIEVAL_METRICS] + ["ms/query"]
    rows = [[r["method"], r["k"] if r["k"] is not None else "-"] + [_pct(r[m]) for m in RETRIEVAL_METRICS]
            + [round(1000 * r["seconds_per_query"], 2)] for r in result["rows"]]
    return headers, rows


def format_text(table: Table, indent: str = "  ") -> str:
    """Right-aligned columns (left for text), numbers with two decimals."""
    headers, rows = table

    def cell(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, float):
            return f"{v:.2f}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    text_cols = [all(isinstance(r[i], str) for r in rows) if rows else True for i in range(len(headers))]

    def line(values: list[str]) -> str:
        return indent + "  ".join(v.ljust(w) if t else v.rjust(w) for v, w, t in zip(values, widths, text_cols))

    return "\n".join([line(headers)] + [line(r) for r in cells])


def export_table(path, table: Table, kind: str, provenance=None, summary: dict[str, Any] | None = None,
                 encoding: str = "utf-8"):
    """Write ``table`` as CSV/TSV/Parquet with its ``.manifest.json`` (``summary``: the raw result,
    every number unrounded). Numeric columns are floats (empty cells NaN), the others text."""
    import math

    from sbert_desktop.core.export import open_table, write_manifest

    headers, rows = table

    def numeric(i: int) -> bool:
        return all(r[i] is None or (isinstance(r[i], (int, float)) and not isinstance(r[i], bool)) for r in rows)

    kinds = ["float" if rows and numeric(i) else "str" for i in range(len(headers))]
    columns = {h: [(math.nan if r[i] is None else float(r[i])) if k == "float" else ("" if r[i] is None else str(r[i]))
                   for r in rows] for i, (h, k) in enumerate(zip(headers, kinds))}
    with open_table(path, list(zip(headers, kinds)), encoding=encoding) as writer:
        writer.write(columns)
    write_manifest(path, kind, writer.rows, writer.names, provenance, writer.fmt, encoding, summary)
    return path
