"""One module per ``sbert-desktop`` subcommand (see :mod:`sbert_desktop.cli`)."""
