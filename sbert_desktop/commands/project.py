"""``sbert-desktop project INPUT --out FILE``: 2-D coordinates of every sentence (PCA, t-SNE, UMAP)."""

from __future__ import annotations

import argparse

from sbert_desktop.commands._inputs import add_input_arguments, add_output_arguments, encoding_of, load_inputs, positive_int


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "project",
        help="map sentence embeddings to 2-D (PCA, t-SNE, UMAP) for plotting",
        description="Encode the sentences and project the embeddings (cosine) to 2-D coordinates, seeded and "
                    "cached: the same embeddings and parameters give the same map at once the next time.",
    )
    add_input_arguments(parser)
    parser.add_argument("--method", choices=("pca", "tsne", "umap"), default="pca", help="(default: %(default)s)")
    parser.add_argument("--dims", type=int, choices=(2, 3), default=2, help="(default: %(default)s)")
    parser.add_argument("--seed", type=int, default=42, help="(default: %(default)s)")
    parser.add_argument("--perplexity", type=float, default=30.0, help="t-SNE (default: %(default)s)")
    parser.add_argument("--n-neighbors", type=positive_int, default=15, help="UMAP (default: %(default)s)")
    parser.add_argument("--min-dist", type=float, default=0.1, help="UMAP (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="recompute even when a cached map exists")
    add_output_arguments(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    import time

    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.export import export_coordinates, file_format
    from sbert_desktop.core.projection import effective_params, project, projection_params

    file_format(args.out)
    with ProgressBar("project", enabled=not args.quiet) as bar:
        inputs = load_inputs(args, bar)
        start = time.perf_counter()
        coords = project(inputs.embeddings, args.method, n_components=args.dims, seed=args.seed,
                         perplexity=args.perplexity, n_neighbors=args.n_neighbors, min_dist=args.min_dist,
                         cache=not args.no_cache, progress=bar)
        took = time.perf_counter() - start
        prov = inputs.provenance
        # what ran: PCA for a handful of points, t-SNE's perplexity capped below 91 points
        prov.projection = effective_params(projection_params(args.method, args.dims, args.seed, perplexity=args.perplexity,
                                                             n_neighbors=args.n_neighbors, min_dist=args.min_dist),
                                           len(coords))
        prov.seeds["projection"] = args.seed
        export_coordinates(args.out, coords, inputs.sentences, provenance=prov, encoding=encoding_of(args),
                           source_rows=inputs.rows, source_columns=inputs.columns)
    used = prov.projection
    detail = (f" ({used['asked']} needs more points)" if used.get("asked")
              else f" (perplexity {used['perplexity']:.3g})" if "perplexity" in used else "")
    print(f"{used['method']} map of {len(coords):,} sentences{detail} in {took:.1f} s; wrote {args.out}")
    return 0
