"""The pooling modes a bi-encoder can use, without importing torch (the window and ``--help``
list them; :mod:`sbert_desktop.core.models.pooling` implements them)."""

POOLING_MODES = ("mean", "cls", "max", "mean_sqrt_len_tokens", "weightedmean", "lasttoken")
