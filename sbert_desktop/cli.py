"""The ``sbert-desktop`` command line.

With no arguments it opens the window. Each subcommand lives in
``sbert_desktop/commands/<name>.py`` with ``add_parser(subparsers)`` and ``run(args) -> int``;
those modules import only the standard library at top level so that ``--help`` stays instant.
A user mistake (:class:`~sbert_desktop.core.errors.SbertDesktopError`) ends with one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from sbert_desktop import __version__

#: subcommand modules, in the order ``--help`` lists them
COMMANDS = [
    "inspect",
    "encode",
    "evaluate",
    "train",
    "extend_vocab",
    "mine_negatives",
    "silver_pairs",
    "pairs",
    "search",
    "cluster",
    "project",
    "cache",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sbert-desktop",
        description="Sentence-BERT workbench. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"sbert-desktop {__version__}")
    parser.add_argument("--lang", choices=("ko", "en"),
                        help="the window's language (default: View → Language, else the system locale)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("file", nargs="?", help="a sentence file or pair data set to open")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"sbert_desktop.commands.{name}")
        except ModuleNotFoundError as exc:  # listed but missing: a broken install, never skipped silently
            if exc.name != f"sbert_desktop.commands.{name}":
                raise
            raise ImportError(f"command {name!r} is listed in cli.py but sbert_desktop/commands/{name}.py "
                              "does not exist") from exc
        module.add_parser(sub)
    return parser


#: the arguments of the commands that name files they read
_INPUT_ARGS = ("input", "file", "sentences", "data", "corpus", "pairs", "gold", "train_file", "dev_file", "queries")


def _output_problem(args) -> str | None:
    """What is wrong with ``--out`` before the work starts: it names a file the command reads (encode
    same.csv --out same.csv replaced the sentences with their vectors), or its folder is a file (a
    traceback, after all the encoding)."""
    from pathlib import Path

    out = getattr(args, "out", None)
    if not isinstance(out, str) or not out:
        return None
    target = Path(out).expanduser().resolve()
    for name in _INPUT_ARGS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value and Path(value).expanduser().resolve() == target:
            shown = name.upper() if name in ("input", "file", "pairs", "gold") else "--" + name.replace("_", "-")
            return f"{out}: is the file this command reads ({shown}); name another file to write"
    parent = next((p for p in [target.parent, *target.parent.parents] if p.exists()), None)
    if parent is not None and not parent.is_dir():
        return f"{out}: {parent} is a file, not a folder to write in"
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from sbert_desktop.gui.app import run_app

        return run_app(getattr(args, "file", None), lang=args.lang)

    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.progress import Cancelled

    problem = _output_problem(args)
    if problem:  # before any model is loaded or anything encoded
        print(f"sbert-desktop {args.command}: error: {problem}", file=sys.stderr)
        return 2
    module = importlib.import_module(f"sbert_desktop.commands.{args.command.replace('-', '_')}")
    try:
        return int(module.run(args) or 0)
    except SbertDesktopError as exc:
        print(f"sbert-desktop {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `sbert-desktop search ... | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return 0
    except OSError as exc:
        from sbert_desktop.core.errors import disk_error

        line = disk_error(exc)
        if line is None:
            raise
        print(f"sbert-desktop {args.command}: error: {line}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, Cancelled):
        print(f"sbert-desktop {args.command}: cancelled", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
