"""``sbert-desktop cache info|clear|evict|limit|storage``: the embedding cache shared with the window.

``encode``, ``pairs``, ``search``, ``cluster`` and ``project`` read and write the same cache, so a
corpus embedded headless (on a GPU machine, with the same ``SBERT_DESKTOP_HOME``) opens at once in
the window later. Standard library only at import time.
"""

from __future__ import annotations

import argparse
import datetime
import json

from sbert_desktop.core import units as _units
from sbert_desktop.core.units import format_bytes

def parse_size(text: str) -> int:
    """``"2G"``, ``"500MB"``, ``"1.5GiB"``, ``"0"`` -> bytes, for argparse."""
    try:
        return _units.parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "cache", help="show, limit, store as float16 or clear the embedding cache",
        description="Embeddings are cached per model (a hash of its weight files, pooling, max length and "
                    "normalisation) and per sentence, so the same sentences are never embedded twice. "
                    "The least recently used models' embeddings are evicted beyond the size limit.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    info = actions.add_parser("info", help="location, size, limit and one line per cached model")
    info.add_argument("--json", action="store_true", help="print as JSON")
    actions.add_parser("clear", help="remove every cached embedding")
    evict = actions.add_parser("evict", help="remove least recently used models' embeddings down to a size")
    evict.add_argument("--max-size", type=parse_size, required=True, metavar="SIZE", help="e.g. 2G, 500M, 0")
    limit = actions.add_parser("limit", help="set the size limit kept after every encoding")
    limit.add_argument("size", help="e.g. 2G, 500M; 'default' goes back to the default (10 GB)")
    storage = actions.add_parser("storage", help="store new embeddings as float32 (default) or float16 (half the size)")
    storage.add_argument("dtype", choices=("float32", "float16"))
    return parser


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.core.cache import EmbeddingCache

    cache = EmbeddingCache()
    if args.action == "info":
        entries = cache.entries()
        info = {"root": str(cache.root), "bytes": cache.size_bytes(), "max_bytes": cache.max_bytes,
                "storage": cache.storage, "models": entries}
        if args.json:
            print(json.dumps(info, ensure_ascii=False, indent=2))
            return 0
        print(f"{info['root']}: {format_bytes(info['bytes'])} of {format_bytes(info['max_bytes'])} "
              f"({len(entries)} model{'s' if len(entries) != 1 else ''})")
        for e in entries:
            used = datetime.datetime.fromtimestamp(e["last_used"]).strftime("%Y-%m-%d %H:%M") if e["last_used"] else "-"
            print(f"  {e['name'] or '?':<28} {e['count']:>10,} sentences x {e['dimension']}  "
                  f"{format_bytes(e['bytes']):>9}  used {used}  {e['fingerprint']}")
        return 0
    if args.action == "clear":
        freed = cache.clear()
        print(f"cache cleared: {format_bytes(freed)} freed")
        return 0
    if args.action == "evict":
        before = cache.size_bytes()
        removed = cache.evict_to(args.max_size)
        print(f"{len(removed)} model{'s' if len(removed) != 1 else ''} evicted, "
              f"{format_bytes(before - cache.size_bytes())} freed; cache is {format_bytes(cache.size_bytes())}")
        return 0
    if args.action == "limit":
        if args.size.strip().lower() == "default":
            cache.set_max_bytes(None)
        else:
            try:
                cache.set_max_bytes(parse_size(args.size))
            except argparse.ArgumentTypeError as exc:
                from sbert_desktop.core.errors import SbertDesktopError

                raise SbertDesktopError(str(exc)) from None
        removed = cache.evict_to()
        print(f"cache limit: {format_bytes(cache.max_bytes)}" + (f" ({len(removed)} evicted)" if removed else ""))
        return 0
    if args.action == "storage":
        cache.set_storage(args.dtype)
        print(f"cache storage: {cache.storage} for embeddings encoded from now on (cached ones stay as they are)")
        return 0
    return 2  # pragma: no cover (argparse requires an action)
