"""The example set that ships with SBERT Desktop (``resources/example``): where its files are.

415 topic sentences (English and Korean), 300 STS pairs and 300 NLI pairs, written for the
project (see ``resources/example/README.md``). The window opens on it at first start; the CLI
and the tests read it like any other file.

The folder sits at the top of the repository, outside the package. It is found, in order:

1. ``SBERT_DESKTOP_EXAMPLE`` (a folder holding the files);
2. a checkout or editable install: ``<repo>/resources/example``;
3. inside the package, ``sbert_desktop/resources/example`` (if a build copies it there);
4. an installed wheel's data files: ``<sys.prefix>/share/sbert-desktop/example`` (or under the
   user base for ``pip install --user``).
"""

from __future__ import annotations

import os
import site
import sys
from dataclasses import dataclass
from pathlib import Path

from sbert_desktop.core.errors import SbertDesktopError

ENV_VAR = "SBERT_DESKTOP_EXAMPLE"
SENTENCES = "sentences.csv"
TEXT_COLUMN = "text"
STS_TRAIN, STS_DEV = "sts-train.tsv", "sts-dev.tsv"
NLI_TRAIN, NLI_DEV = "nli-train.tsv", "nli-dev.tsv"
FILES = (SENTENCES, STS_TRAIN, STS_DEV, NLI_TRAIN, NLI_DEV)


class ExampleNotFound(SbertDesktopError):
    """The example folder is not where a checkout or an install puts it."""


@dataclass(frozen=True)
class ExampleFiles:
    folder: Path

    @property
    def sentences(self) -> Path:
        return self.folder / SENTENCES

    @property
    def sts_train(self) -> Path:
        return self.folder / STS_TRAIN

    @property
    def sts_dev(self) -> Path:
        return self.folder / STS_DEV

    @property
    def nli_train(self) -> Path:
        return self.folder / NLI_TRAIN

    @property
    def nli_dev(self) -> Path:
        return self.folder / NLI_DEV


def candidate_dirs() -> list[Path]:
    """Every place the example folder is looked for, in order."""
    here = Path(__file__).resolve()
    found = []
    if os.environ.get(ENV_VAR):
        found.append(Path(os.environ[ENV_VAR]))
    found += [
        here.parents[2] / "resources" / "example",  # checkout / editable install
        here.parents[1] / "resources" / "example",  # copied into the package
        Path(sys.prefix) / "share" / "sbert-desktop" / "example",  # wheel data files
        Path(site.getuserbase()) / "share" / "sbert-desktop" / "example",  # pip install --user
    ]
    return found


def _complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in FILES)


def example_dir() -> Path:
    """The folder holding the example files; :class:`ExampleNotFound` when there is none."""
    for folder in candidate_dirs():
        if _complete(folder):
            return folder
    tried = ", ".join(str(p) for p in candidate_dirs())
    raise ExampleNotFound(f"the example files were not found (looked in {tried}); "
                          f"set {ENV_VAR} to a folder holding {', '.join(FILES)}")


def example_files() -> ExampleFiles:
    return ExampleFiles(example_dir())
