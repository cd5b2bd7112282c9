"""Start SBERT Desktop: ``python main.py [FILE]`` opens the window (same as ``sbert-desktop``)."""

import sys

from sbert_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
