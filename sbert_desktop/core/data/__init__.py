"""Sentence files and sentence-pair data sets, read strictly: a bad row is a
:class:`~sbert_desktop.core.errors.DataError` naming file, line and reason, never a partial load.

Importing this package does not import pandas (only parquet/xlsx reading does), torch or Qt.
"""

from sbert_desktop.core.data.formats import PAIR_FORMAT_NAMES, detect_pair_format
from sbert_desktop.core.data.inspect import inspect_file
from sbert_desktop.core.data.pairs import NLI_LABELS, PairDataset, read_pairs
from sbert_desktop.core.data.sentences import SENTENCE_FORMATS, SentenceFile, read_sentences

__all__ = [
    "NLI_LABELS",
    "PAIR_FORMAT_NAMES",
    "SENTENCE_FORMATS",
    "PairDataset",
    "SentenceFile",
    "detect_pair_format",
    "inspect_file",
    "read_pairs",
    "read_sentences",
]
