"""``sbert-desktop cluster INPUT --out FILE``: cluster sentences and label each cluster with keywords."""

from __future__ import annotations

import argparse

from sbert_desktop.commands._inputs import (add_input_arguments, add_output_arguments, encoding_of, load_inputs,
                                            positive_int, shorten)


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "cluster",
        help="cluster sentences (HDBSCAN, k-means, agglomerative) and label clusters with keywords",
        description="Encode the sentences, cluster them (cosine), label each cluster with its c-TF-IDF "
                    "keywords (English and Korean) and write one row per sentence. HDBSCAN from 200 "
                    "sentences runs on a UMAP reduction (above 10,000 fed by the approximate neighbour index; "
                    "above 150,000 on a seeded sample of 100,000, the other sentences labelled by their nearest "
                    "sample sentences) unless --reduce says otherwise; noise points go to the cluster of their "
                    "nearest clustered neighbours unless --keep-noise. INPUT may be a .npy of embeddings.",
    )
    add_input_arguments(parser)
    parser.add_argument("--method", choices=("hdbscan", "kmeans", "agglomerative"), default="hdbscan",
                        help="(default: %(default)s)")
    parser.add_argument("--min-cluster-size", type=positive_int, default=10, help="HDBSCAN (default: %(default)s)")
    parser.add_argument("--min-samples", type=positive_int, help="HDBSCAN (default: the min cluster size)")
    parser.add_argument("--n-clusters", type=positive_int, default=8, help="k-means / agglomerative (default: %(default)s)")
    parser.add_argument("--metric", choices=("cosine", "euclidean"), default="cosine", help="(default: %(default)s)")
    parser.add_argument("--reduce", choices=("auto", "umap", "umap-knn", "pca", "none"), default="auto",
                        help="reduce dimensions before clustering; auto: none below 200 sentences, UMAP up to "
                             "10,000, UMAP on the neighbour index's k-NN graph above (default: %(default)s)")
    parser.add_argument("--reduce-dim", type=positive_int, default=5, help="(default: %(default)s)")
    parser.add_argument("--noise", choices=("knn", "centroid", "keep"), default="knn",
                        help="HDBSCAN's noise points: knn puts each into the cluster most of its nearest clustered "
                             "neighbours are in, centroid into the closest cluster centre, keep leaves them as "
                             "cluster -1 (default: %(default)s)")
    parser.add_argument("--keep-noise", dest="noise", action="store_const", const="keep",
                        help="the same as --noise keep")
    parser.add_argument("--assign-noise", dest="noise", action="store_const", const="knn",
                        help="the same as --noise knn (the default)")
    parser.add_argument("--merge", choices=("silhouette", "none"), default="silhouette",
                        help="HDBSCAN: merge its clusters up their average-linkage tree (cosine, original "
                             "embeddings) to the level of best silhouette, so a broad topic split into sub-topics "
                             "comes back whole; none keeps HDBSCAN's clusters (default: %(default)s)")
    parser.add_argument("--topics", type=int, default=0, metavar="N",
                        help="HDBSCAN: merge its clusters up the same tree to N topics instead of the best "
                             "silhouette, then move each sentence to its nearest topic centre (k-means steps), "
                             "when you know the topics are broad (like BERTopic's nr_topics; 0: automatic, the "
                             "default)")
    parser.add_argument("--no-topic-scan", action="store_true",
                        help="without --topics, HDBSCAN's clusters are also merged to coarser levels and the "
                             "numbers of topics where the silhouette peaks again are printed (a few seconds on "
                             "20,000 sentences); this skips that")
    parser.add_argument("--seed", type=int, default=42, help="(default: %(default)s)")
    parser.add_argument("--keywords", type=positive_int, default=3, help="keywords per cluster label (default: %(default)s)")
    parser.add_argument("--stop-words", metavar="FILE",
                        help="extra stop words, one per line (added to the English and Korean defaults)")
    parser.add_argument("--with-coords", action="store_true", help="add 2-D PCA coordinates (x, y) to the table")
    add_output_arguments(parser)
    return parser


#: the options each method reads; given to another method they change nothing, which is said
_HDBSCAN_ONLY = ("min_cluster_size", "min_samples", "noise", "merge", "topics", "no_topic_scan")
_K_ONLY = ("n_clusters",)


def _warn_unused(args: argparse.Namespace) -> None:
    import sys

    from sbert_desktop.commands._inputs import given_options

    given = given_options(args, add_parser)
    unused = [n for n in (_K_ONLY if args.method == "hdbscan" else _HDBSCAN_ONLY) if n in given]
    if unused:
        names = ", ".join("--" + n.replace("_", "-") for n in unused)
        hint = " (--topics N asks HDBSCAN's tree for N topics)" if args.method == "hdbscan" else ""
        print(f"sbert-desktop cluster: warning: {names} ignored by {args.method}{hint}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core import cluster_merge as CM
    from sbert_desktop.core.clustering import cluster
    from sbert_desktop.core.export import export_clusters, file_format
    from sbert_desktop.core.keywords import DEFAULT_STOP_WORDS, cluster_labels, label_text

    file_format(args.out)
    _warn_unused(args)
    stop = set(DEFAULT_STOP_WORDS)
    if args.stop_words:
        from sbert_desktop.core.data import read_sentences

        stop |= {w.strip().lower() for w in read_sentences(args.stop_words).sentences}
    with ProgressBar("cluster", enabled=not args.quiet) as bar:
        inputs = load_inputs(args, bar)
        result = cluster(inputs.embeddings, method=args.method, min_cluster_size=args.min_cluster_size,
                         min_samples=args.min_samples, metric=args.metric, n_clusters=args.n_clusters,
                         reduce=None if args.reduce == "none" else args.reduce, reduce_dim=args.reduce_dim,
                         seed=args.seed, assign_noise=args.noise, merge=args.merge, topics=args.topics,
                         scan_topics=not args.no_topic_scan, progress=bar)
        words = cluster_labels(inputs.sentences, result.labels, top_n=args.keywords, stop_words=stop)
        names = {c: label_text(w) for c, w in words.items()}
        coords = None
        prov = inputs.provenance
        prov.seeds["clustering"] = args.seed
        if args.with_coords:
            from sbert_desktop.core.projection import project, projection_params

            coords = project(inputs.embeddings, "pca", seed=args.seed, progress=bar)
            prov.projection = projection_params("pca", seed=args.seed)
        prov.extra["keywords"] = {"top_n": args.keywords, "stop_words_file": args.stop_words}
        export_clusters(args.out, inputs.sentences, result, names, coords, prov, encoding=encoding_of(args),
                        source_rows=inputs.rows, source_columns=inputs.columns)

    sil = "n/a" if result.silhouette is None else f"{result.silhouette:.3f}"
    noise = f"noise {100 * result.noise_fraction:.1f}%"
    if result.params.get("noise") not in (None, "keep") and result.noise_fraction > 0 and result.n_clusters:
        noise += f" (assigned: {result.params['noise']})"
    merged = result.params.get("merged") or {}
    if merged.get("clusters_after", 0) < merged.get("clusters_before", 0):
        noise += f", merged from {merged['clusters_before']} HDBSCAN clusters"
        if "refine_moved" in merged:
            noise += f", then {100 * merged['refine_moved']:.1f}% of sentences moved to a nearer topic centre"
    print(f"{result.n_clusters} clusters, {noise}, silhouette {sil} "
          f"({result.params['method']}, reduction: {result.params['reduce_used'] or 'none'}, "
          f"{result.timings.get('total', 0):.1f} s)")
    if args.topics and 0 < result.n_clusters < args.topics:
        print(f"asked for {args.topics} topics: HDBSCAN's tree holds {result.n_clusters} here (a number of topics can "
              "merge clusters, not split them)")
    if result.params["method"] == "hdbscan" and not result.n_clusters:
        print(f"HDBSCAN found no group of {args.min_cluster_size} or more close sentences among "
              f"{len(result.labels):,}: try a smaller --min-cluster-size, or --method kmeans")
    for c, size in list(result.sizes.items())[:20]:
        rep = result.representatives.get(c, [])
        example = shorten(inputs.sentences[rep[0]], 60) if rep else ""
        print(f"  {c:3d}  {size:6,}  {shorten(names.get(c, ''), 40):40s}  e.g. {example}")
    if result.n_clusters > 20:
        print(f"  ... {result.n_clusters - 20} more clusters")
    scan = result.params.get("topic_scan")
    if scan:  # the curve the Clusters page draws (modularity), with the silhouette; fewest topics first
        graph = dict(map(tuple, result.params.get("topic_modularity") or []))
        print("topic levels (topics modularity/silhouette): " + " · ".join(
            f"{t} {graph.get(t, float('nan')):.3f}/{sc:.3f}" for t, sc in sorted(scan)))
    broader = result.params.get("broader_topics")
    if broader:
        merged = result.params["merged"]
        print(f"took {broader} topics, the level where the neighbour graph splits best (modularity "
              f"{merged['modularity']:.3f}), instead of HDBSCAN's {merged['clusters_before']} clusters "
              f"(--no-topic-scan keeps the finer reading)")
    close = CM.close_levels(graph) if scan else []
    if len(close) > 1:
        loose = ("; the data sets the number only loosely here (compare them with --topics N)"
                 if CM.loosely_set(close) else "")
        print(f"levels within {100 * CM.CLOSE_TO_BEST:.0f}% of the best modularity: "
              f"{', '.join(map(str, close))} topics{loose}")
    if "start" in merged:
        print(f"topics: spherical k-means on the neighbour-smoothed vectors, the best of the tree's cut and "
              f"{CM.TOPIC_STARTS} k-means++ starts: {'the cut' if merged['start'] == 'tree' else merged['start']}")
    suggested = result.params.get("suggested_topics")
    if suggested:
        scores = dict(map(tuple, scan))
        print("broader topics: the silhouette also peaks at " + ", ".join(
            f"{t} topics ({scores[t]:.3f})" for t in suggested) + f"; try --topics {suggested[0]}")
    print(f"wrote {len(inputs.sentences):,} rows to {args.out}")
    return 0
