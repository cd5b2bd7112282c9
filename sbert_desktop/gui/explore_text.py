"""core/explore.py's status lines (cache use, correlations) in the window's language."""

from __future__ import annotations

import numpy as np

from sbert_desktop.gui.i18n import number, translate


def cache_stats_text(stats: dict) -> str:
    """``12 from cache, 3 encoded``, then the cache's notes (core.explore.cache_stats_text)."""
    text = translate("ExploreText", "{hits} from cache, {encoded} encoded").format(
        hits=number(stats.get("hits", 0)), encoded=number(stats.get("encoded", 0)))
    return "; ".join([text, *stats.get("notes", [])])


def correlation_text(a: np.ndarray, b: np.ndarray) -> str:
    """``Pearson r = 0.812   Spearman ρ = 0.790   (1,500 pairs)`` (core.explore.correlation_text)."""
    from sbert_desktop.core.similarity import pearson, spearman

    r, rho = pearson(a, b), spearman(a, b)
    fmt = lambda v: "–" if v != v else number(v, 3)  # noqa: E731
    return translate("ExploreText", "Pearson r = {r}   Spearman ρ = {rho}   ({n} pairs)").format(
        r=fmt(r), rho=fmt(rho), n=number(len(a)))
