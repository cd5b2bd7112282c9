"""``python -m sbert_desktop`` = ``sbert-desktop`` (what ``torchrun -m sbert_desktop train ...`` runs)."""

import sys

from sbert_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
