"""SBERT Desktop: a desktop workbench for Sentence-BERT bi- and cross-encoders."""

__version__ = "0.1.0"
