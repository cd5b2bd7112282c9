"""The pairs, search, cluster and project commands, end to end on a tiny random model."""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from sbert_desktop.cli import main

SENTENCES = [
    "I like coffee", "Coffee is great in the morning", "The cat sleeps", "A cat is sleeping on the sofa",
    "Football match today", "Our team won the football game", "커피는 맛있어요", "고양이가 잠을 자요",
]


@pytest.fixture
def sentence_file(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("\n".join(SENTENCES) + "\n\n", encoding="utf-8")
    return path


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def manifest(path) -> dict:
    return json.loads((path.parent / (path.name + ".manifest.json")).read_text(encoding="utf-8"))


def test_pairs_top_k_and_all(capsys, tmp_path, sentence_file, tiny_bi_encoder_dir):
    out = tmp_path / "pairs.csv"
    code, stdout, err = run_cli(capsys, "pairs", sentence_file, "--model", tiny_bi_encoder_dir, "--top-k", "2",
                                "--out", out, "--excel")
    assert code == 0, err
    assert "encode" in err and "100.0%" in err  # the progress bar on stderr
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) >= 8 and df["score"].is_monotonic_decreasing
    assert set(df["sentence1"]) <= set(SENTENCES)
    m = manifest(out)
    assert m["model"]["pooling"] == "mean" and m["extra"]["top_k"] == 2 and m["source_file"] == str(sentence_file)
    assert f"wrote {len(df)} pairs" in stdout

    code, stdout, err = run_cli(capsys, "pairs", sentence_file, "--model", tiny_bi_encoder_dir, "--all", "-q",
                                "--out", tmp_path / "all.parquet")
    assert code == 0 and err == ""
    assert len(pd.read_parquet(tmp_path / "all.parquet")) == 8 * 7 // 2


def test_pairs_distinct_leaves_repeated_sentences_out(capsys, tmp_path):
    """A .npy of 3 groups whose sentence file repeats ten texts: by default (and with --distinct) no pair
    of a text with its copy, the output says how many rows were left out and the manifest records the
    choice; --all-copies mines every row."""
    three_groups_npy(tmp_path)
    emb = np.load(tmp_path / "emb.npy")
    np.save(tmp_path / "emb.npy", np.vstack([emb, emb[:10]]))
    (tmp_path / "s.txt").write_text("".join(f"sentence {i % 90}\n" for i in range(100)), encoding="utf-8")
    for flags, repeated in (("--all-copies",), True), (("--distinct",), False), ((), False):
        out = tmp_path / "p.csv"
        code, stdout, err = run_cli(capsys, "pairs", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                    "--top-k", "3", *flags, "-q", "--out", out)
        assert code == 0, err
        df = pd.read_csv(out)
        assert (df["sentence1"] == df["sentence2"]).any() == repeated
        assert ("10 repeated sentences left out" in stdout) != repeated
        assert manifest(out)["extra"]["distinct"] != repeated
    assert df[["index1", "index2"]].max().max() < 90  # the first occurrences' rows


def test_search_lists_each_text_once(capsys, tmp_path, tiny_bi_encoder_dir):
    """A file that repeats every text three times: search shows each text once with its number of
    rows (the CSV has a copies column), and --all-copies lists every row as before."""
    path = tmp_path / "s.txt"
    path.write_text("\n".join(SENTENCES * 3) + "\n", encoding="utf-8")
    for flags, once in ((), True), (("--all-copies",), False):
        out = tmp_path / "hits.csv"
        code, stdout, err = run_cli(capsys, "search", path, "--model", tiny_bi_encoder_dir, "-Q", "cat",
                                    "--top-k", "5", *flags, "-q", "--out", out)
        assert code == 0, err
        df = pd.read_csv(out)
        assert len(df) == 5 and df["sentence"].is_unique == once
        assert set(df["copies"]) == ({3} if once else {1}) and ("(x3 rows)" in stdout) == once
        assert manifest(out)["extra"]["each_text_once"] == once


def test_exports_carry_the_sheet_row(capsys, tmp_path, tiny_bi_encoder_dir):
    """An xlsx with empty cells in its text column: cluster, project and search write each sentence's
    sheet row (header = row 1), so the results join back to the sheet; cluster and project also carry
    its other columns (here the id)."""
    cells = ["I like coffee", None, "The cat sleeps", "", "Coffee is great", "A cat naps", None, "Cats sleep a lot"]
    pd.DataFrame({"id": range(101, 109), "text": cells}).to_excel(tmp_path / "r.xlsx", index=False)
    sheet_row = {text: i + 2 for i, text in enumerate(cells) if text}
    for command, extra in (("cluster", ("--method", "kmeans", "--n-clusters", "2")), ("project", ()),
                           ("search", ("-Q", "cat", "--top-k", "5"))):
        out = tmp_path / f"{command}.csv"
        code, _, err = run_cli(capsys, command, tmp_path / "r.xlsx", "--model", tiny_bi_encoder_dir, *extra, "-q",
                               "--out", out)
        assert code == 0, err
        df = pd.read_csv(out)
        assert df["row"].tolist() == [sheet_row[s] for s in df["sentence"]] and len(df) == 5
        if command != "search":  # per-sentence tables carry the sheet's other columns
            assert df["id"].tolist() == [sheet_row[s] + 99 for s in df["sentence"]]


def test_pairs_with_cross_encoder(capsys, tmp_path, sentence_file, tiny_bi_encoder_dir, tiny_cross_encoder_dir):
    out = tmp_path / "pairs.parquet"
    code, stdout, err = run_cli(capsys, "pairs", sentence_file, "--model", tiny_bi_encoder_dir, "--top-k", "1",
                                "--cross-encoder", tiny_cross_encoder_dir, "--out", out, "-q")
    assert code == 0, err
    df = pd.read_parquet(out)
    assert df["cross_score"].between(0, 1).all()
    assert manifest(out)["cross_encoder"] is not None


def test_a_blank_query_is_refused(capsys, tmp_path, tiny_bi_encoder_dir):
    """-Q '' listed the whole corpus ranked by its likeness to nothing; now a usage error, nothing written."""
    path = tmp_path / "s.txt"
    path.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    out = tmp_path / "hits.csv"
    try:
        code = main(["search", str(path), "--model", str(tiny_bi_encoder_dir), "-Q", "cat", "-Q", "  ", "--out", str(out)])
    except SystemExit as exc:
        code = exc.code
    assert code == 2 and "argument --query/-Q: is blank" in capsys.readouterr().err and not out.exists()


def test_search_with_rerank(capsys, tmp_path, sentence_file, tiny_bi_encoder_dir, tiny_cross_encoder_dir):
    out = tmp_path / "hits.csv"
    code, stdout, err = run_cli(capsys, "search", sentence_file, "--model", tiny_bi_encoder_dir, "-Q", "sleeping cat",
                                "-Q", "coffee", "--cross-encoder", tiny_cross_encoder_dir, "--top-k", "3", "-q",
                                "--out", out)
    assert code == 0, err
    assert stdout.count("query:") == 2 and "rerank" in stdout
    df = pd.read_csv(out)
    assert set(df["query"]) == {"sleeping cat", "coffee"}
    assert {"bi_rank", "cross_rank", "move"} <= set(df.columns)
    code, stdout, _ = run_cli(capsys, "search", sentence_file, "--model", tiny_bi_encoder_dir, "-Q", "cat", "-q")
    assert code == 0 and stdout.count("  1. ") == 1


def test_cluster_and_project(capsys, tmp_path, sentence_file, tiny_bi_encoder_dir):
    out = tmp_path / "clusters.csv"
    code, stdout, err = run_cli(capsys, "cluster", sentence_file, "--model", tiny_bi_encoder_dir, "--method", "kmeans",
                                "--n-clusters", "3", "--with-coords", "-q", "--out", out)
    assert code == 0, err
    df = pd.read_csv(out)
    assert len(df) == len(SENTENCES) and df["cluster"].nunique() == 3 and {"x", "y"} <= set(df.columns)
    m = manifest(out)
    assert m["clustering"]["n_clusters"] == 3 and m["projection"]["method"] == "pca"
    assert "3 clusters" in stdout

    out = tmp_path / "xy.parquet"
    code, stdout, err = run_cli(capsys, "project", sentence_file, "--model", tiny_bi_encoder_dir, "-q", "--out", out)
    assert code == 0, err
    assert pd.read_parquet(out).columns.tolist() == ["index", "row", "sentence", "x", "y"]
    assert manifest(out)["projection"]["method"] == "pca"


def test_npy_input_with_sentences(capsys, tmp_path, sentence_file, tiny_bi_encoder):
    emb = tiny_bi_encoder.encode(SENTENCES)
    np.save(tmp_path / "emb.npy", emb)
    out = tmp_path / "xy.csv"
    code, stdout, err = run_cli(capsys, "project", tmp_path / "emb.npy", "--sentences", sentence_file, "-q",
                                "--out", out)
    assert code == 0, err
    df = pd.read_csv(out)
    assert df["sentence"].tolist() == SENTENCES
    assert manifest(out)["model"]["embeddings_file"].endswith("emb.npy")
    code, _, err = run_cli(capsys, "pairs", tmp_path / "emb.npy", "--top-k", "1", "-q", "--out", tmp_path / "p.csv")
    assert code == 0 and pd.read_csv(tmp_path / "p.csv")["sentence1"].str.startswith("#").all()


def test_user_mistakes_exit_2_with_one_line(capsys, tmp_path, sentence_file, tiny_bi_encoder):
    np.save(tmp_path / "emb.npy", np.zeros((3, 4), np.float32))
    code, _, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", sentence_file, "--out",
                           tmp_path / "c.csv")
    assert code == 2 and "3 embeddings" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "pairs", tmp_path / "emb.npy", "--out", tmp_path / "p.xlsx")
    assert code == 2 and ".xlsx" in err


def test_progress_bar_renders():
    from sbert_desktop.commands._progress import ProgressBar
    from sbert_desktop.core.progress import Progress

    stream = io.StringIO()
    bar = ProgressBar("encode", stream=stream, tty=True, rate=0)
    bar(Progress(0, 10, "batches", elapsed=0.0))
    bar(Progress(5, 10, "batches", elapsed=1.0))
    bar(Progress(10, 10, "batches", elapsed=2.0))
    text = stream.getvalue()
    assert "\r" in text and "50.0%" in text and "5/10" in text and "5.0/s" in text and "eta 00:01" in text
    assert text.endswith("\n") and text.rstrip().endswith("done")
    log = io.StringIO()
    plain = ProgressBar("x", stream=log, tty=False, log_interval=3600)
    for i in range(100):
        plain(Progress(i, 100, "s", elapsed=i))
    plain(Progress(100, 100, "s", elapsed=100))
    assert log.getvalue().count("\n") == 2  # first event and the end, nothing in between
    silent = io.StringIO()
    ProgressBar(stream=silent, enabled=False)(Progress(1, 1))
    assert silent.getvalue() == ""


def three_groups_npy(tmp_path) -> None:
    """emb.npy: 3 tight groups of 30 vectors (16-d); s.txt: their 90 sentences."""
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((3, 16))
    emb = (np.repeat(centres, 30, axis=0) + rng.standard_normal((90, 16)) * 0.05).astype(np.float32)
    np.save(tmp_path / "emb.npy", emb)
    (tmp_path / "s.txt").write_text("\n".join(f"sentence {i}" for i in range(90)) + "\n", encoding="utf-8")


def test_cluster_merge_flag_on_npy(capsys, tmp_path):
    """HDBSCAN from .npy embeddings: the silhouette merge is the default and recorded; --merge none turns it off."""
    three_groups_npy(tmp_path)
    for flag, expected in ((), "silhouette"), (("--merge", "none"), "none"):
        out = tmp_path / f"c-{expected}.csv"
        code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                    *flag, "--out", out)
        assert code == 0, err
        params = manifest(out)["clustering"]
        assert params["merge"] == expected and "3 clusters" in stdout
        assert (params["merged"] is None) == (expected == "none")


def test_cluster_says_what_to_do_when_hdbscan_finds_no_group(capsys, tmp_path):
    """Seven groups of five near-identical vectors: no group reaches the default minimum size of 10.
    The output says so and what to change, and does not claim that noise was assigned (there is
    nothing to assign it to); the rows are all written, as noise."""
    rng = np.random.default_rng(0)
    emb = (np.repeat(np.eye(16), 5, axis=0)[:35] + rng.normal(scale=0.05, size=(35, 16))).astype(np.float32)
    np.save(tmp_path / "emb.npy", emb)
    (tmp_path / "s.txt").write_text("".join(f"sentence {i // 5}\n" for i in range(35)), encoding="utf-8")
    out = tmp_path / "c.csv"
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--reduce", "none", "-q", "--out", out)
    assert code == 0, err
    assert "0 clusters, noise 100.0%, silhouette n/a" in stdout and "assigned" not in stdout
    assert ("HDBSCAN found no group of 10 or more close sentences among 35: try a smaller --min-cluster-size, "
            "or --method kmeans") in stdout
    assert (pd.read_csv(out)["cluster"] == -1).sum() == 35
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--reduce", "none", "--min-cluster-size", "4", "-q", "--out", out)
    assert code == 0, err
    assert "7 clusters" in stdout and "found no group" not in stdout


def test_cluster_topics_flag_on_npy(capsys, tmp_path):
    """--topics 2 merges HDBSCAN's 3 clusters of 3 clear groups to 2, says so and records it."""
    three_groups_npy(tmp_path)
    out = tmp_path / "c.csv"
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--topics", "2", "--out", out)
    assert code == 0, err
    params = manifest(out)["clustering"]
    assert params["topics"] == 2 and params["merged"]["clusters_before"] == 3
    assert "2 clusters" in stdout and "merged from 3 HDBSCAN clusters" in stdout
    assert "of sentences moved to a nearer topic centre" in stdout and "refine_steps" in params["merged"]
    assert pd.read_csv(out)["cluster"].nunique() == 2


def test_cluster_prints_broader_topics_to_try(capsys, tmp_path):
    """Four subjects of six tight sub-topics: the default writes the 24 sub-topics and names --topics 4
    as the broader reading to try; --no-topic-scan leaves that line (and the scan) out."""
    rng = np.random.default_rng(0)
    subjects = np.eye(32, dtype=np.float32)[:4] * 3
    centres = (subjects[:, None, :] + rng.normal(scale=2.4 / np.sqrt(32), size=(4, 6, 32))).reshape(-1, 32)
    fine = np.repeat(np.arange(24), 25)
    np.save(tmp_path / "emb.npy", (centres[fine] + rng.normal(scale=0.15, size=(fine.size, 32))).astype(np.float32))
    (tmp_path / "s.txt").write_text("".join(f"sentence {i}\n" for i in range(fine.size)), encoding="utf-8")
    args = ("cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt", "--reduce", "none",
            "--min-cluster-size", "5", "-q", "--out", tmp_path / "c.csv")
    code, stdout, err = run_cli(capsys, *args)
    assert code == 0, err
    assert "24 clusters" in stdout and "broader topics: the silhouette also peaks at 4 topics" in stdout
    assert stdout.splitlines()[-2].endswith("try --topics 4")
    curve = next(line for line in stdout.splitlines() if line.startswith("topic levels"))
    levels = [int(part.split()[0]) for part in curve.split(": ", 1)[1].split(" · ")]
    assert levels[0] == 4 and levels[-1] == 24 and levels == sorted(levels)  # the whole curve, 4 to all 24
    assert "levels within 1% of the best modularity" not in stdout  # 24 best, 20 already 1.8% below
    code, stdout, err = run_cli(capsys, *args, "--no-topic-scan")
    assert code == 0 and "24 clusters" in stdout and "broader topics" not in stdout and "topic levels" not in stdout


def test_cluster_names_the_levels_as_good_as_the_best(capsys, tmp_path, monkeypatch):
    """A flat modularity curve (scan stubbed with SearchSnippets' at seed 42): the output lists the levels
    within 1% of the best, the ones the seed alone can move the default among."""
    from sbert_desktop.core import clustering as C

    flat = {323: 0.635, 117: 0.715, 42: 0.739, 30: 0.731, 21: 0.736, 15: 0.733, 11: 0.739, 7: 0.691, 4: 0.598}
    monkeypatch.setattr(C.CM, "scan_levels", lambda *a, **k: ({lv: 0.05 for lv in flat}, dict(flat)))
    rng = np.random.default_rng(0)
    emb = (np.eye(16)[np.repeat(np.arange(4), 50)] * 3 + rng.normal(scale=0.5, size=(200, 16))).astype(np.float32)
    np.save(tmp_path / "emb.npy", emb)
    (tmp_path / "s.txt").write_text("".join(f"sentence {i}\n" for i in range(200)), encoding="utf-8")
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--reduce", "none", "--min-cluster-size", "5", "-q", "--out", tmp_path / "c.csv")
    assert code == 0, err
    assert ("levels within 1% of the best modularity: 11, 15, 21, 42 topics; the data sets the number only "
            "loosely here (compare them with --topics N)") in stdout
    tight = {9: 0.700, 8: 0.696, 6: 0.660, 4: 0.520}  # neighbouring levels: named, not said to be open
    monkeypatch.setattr(C.CM, "scan_levels", lambda *a, **k: ({lv: 0.05 for lv in tight}, dict(tight)))
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--reduce", "none", "--min-cluster-size", "5", "-q", "--out", tmp_path / "c.csv")
    assert code == 0, err
    assert "levels within 1% of the best modularity: 8, 9 topics\n" in stdout and "loosely" not in stdout


def test_cluster_says_when_it_took_a_broader_level(capsys, tmp_path, monkeypatch):
    """Four topics that HDBSCAN (here: stubbed) cut into 32 random pieces, and a silhouette merge that
    keeps the pieces (as on SearchSnippets): the neighbour graph's best level is the 4 topics, the
    default takes it, and the output says so and how to keep the finer reading."""
    from sklearn.metrics import adjusted_rand_score

    from sbert_desktop.core import cluster_merge as CM
    from sbert_desktop.core import clustering as C

    rng = np.random.default_rng(4)
    truth = np.repeat(np.arange(4), 80)
    emb = (np.eye(16)[truth] * 3 + rng.normal(scale=0.6, size=(truth.size, 16))).astype(np.float32)
    pieces = truth * 8 + rng.integers(0, 8, truth.size)
    monkeypatch.setattr(C, "_fit", lambda *a, **k: pieces.copy())
    merge = CM.merge_by_silhouette

    def keep(unit, labels, seed=42, cancel=None, topics=0):
        if topics:
            return merge(unit, labels, seed, cancel, topics=topics)
        return labels, {"clusters_before": 32, "clusters_after": 32, "topics": 0}

    monkeypatch.setattr(C.CM, "merge_by_silhouette", keep)
    np.save(tmp_path / "emb.npy", emb)
    (tmp_path / "s.txt").write_text("\n".join(f"sentence {i}" for i in range(truth.size)), encoding="utf-8")
    out = tmp_path / "c.csv"
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--reduce", "none", "-q", "--out", out)
    assert code == 0, err
    assert "4 clusters" in stdout and "took 4 topics, the level where the neighbour graph splits best" in stdout
    assert "instead of HDBSCAN's 32 clusters (--no-topic-scan keeps the finer reading)" in stdout
    assert "topics: spherical k-means on the neighbour-smoothed vectors, the best of the tree's cut and 10" in stdout
    assert "levels within 1% of the best modularity" not in stdout  # 4 topics, clearly best
    # one of the 320 rows lies on the border of two topics (cosine 0.374 to its own centre, 0.375 to the other's;
    # 7 of its 15 neighbours in its topic, 8 in the other): it may go either way
    assert adjusted_rand_score(truth, pd.read_csv(out)["cluster"]) >= 0.99
    code, stdout, err = run_cli(capsys, "cluster", tmp_path / "emb.npy", "--sentences", tmp_path / "s.txt",
                                "--reduce", "none", "-q", "--no-topic-scan", "--out", out)
    assert code == 0 and "32 clusters" in stdout and "took 4 topics" not in stdout


def test_a_npy_is_used_as_it_was_made(capsys, tmp_path, tiny_bi_encoder_dir):
    """A .npy encoded with CLS pooling was searched with mean-pooled queries (the command line's default);
    --sentences in another order labelled every hit with another sentence, checked only by count; model
    options given to cluster on a .npy were dropped silently. Its manifest now says how it was made."""
    texts = tmp_path / "s.txt"
    texts.write_text("A man is playing a guitar.\nA woman is dancing.\nA cat sleeps on the sofa.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "encode", texts, "--model", tiny_bi_encoder_dir, "--pooling", "cls", "-q",
                           "--no-cache", "--out", tmp_path / "e.npy")
    assert code == 0, err
    code, stdout, err = run_cli(capsys, "search", tmp_path / "e.npy", "--sentences", texts, "-Q", "a dancer", "-q",
                                "--out", tmp_path / "hits.csv")
    assert code == 0, err
    assert manifest(tmp_path / "hits.csv")["model"]["pooling"] == "cls"  # the queries were encoded as the .npy
    code, _, err = run_cli(capsys, "search", tmp_path / "e.npy", "--sentences", texts, "-Q", "a dancer", "-q",
                           "--pooling", "mean")
    assert code == 0 and "--pooling mean (it was cls); their scores compare different vectors" in err
    reordered = tmp_path / "r.txt"
    reordered.write_text("\n".join(reversed(texts.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "search", tmp_path / "e.npy", "--sentences", reordered, "-Q", "a dancer", "-q")
    assert code == 2 and "these are not the sentences" in err and f"it was encoded from {texts}" in err
    code, _, err = run_cli(capsys, "project", tmp_path / "e.npy", "--model", "other", "-q", "--out", tmp_path / "m.csv")
    assert code == 0 and "--model ignored:" in err and "holds its vectors already" in err


def test_project_names_what_ran(capsys, tmp_path, tiny_bi_encoder_dir):
    """Two sentences 'mapped with t-SNE' were PCA, and six with perplexity 30 ran at 1.67; the message and
    the manifest named what was asked for."""
    few = tmp_path / "few.txt"
    few.write_text("a cat\na dog\n", encoding="utf-8")
    code, stdout, err = run_cli(capsys, "project", few, "--model", tiny_bi_encoder_dir, "--method", "tsne", "-q",
                                "--no-cache", "--out", tmp_path / "two.csv")
    assert code == 0, err
    assert stdout.startswith("pca map of 2 sentences (tsne needs more points)")
    assert manifest(tmp_path / "two.csv")["projection"]["method"] == "pca"
    six = tmp_path / "six.txt"
    six.write_text("a cat\na dog\na bird\na fish\na cow\na hen\n", encoding="utf-8")
    code, stdout, err = run_cli(capsys, "project", six, "--model", tiny_bi_encoder_dir, "--method", "tsne", "-q",
                                "--no-cache", "--out", tmp_path / "six.csv")
    assert code == 0 and "tsne map of 6 sentences (perplexity 1.67)" in stdout
    assert abs(manifest(tmp_path / "six.csv")["projection"]["perplexity"] - 5 / 3) < 1e-6


def test_cluster_says_which_options_its_method_ignores(capsys, tmp_path, tiny_bi_encoder_dir):
    """HDBSCAN (the default) dropped --n-clusters 3 and k-means --min-cluster-size without a word."""
    texts = tmp_path / "s.txt"
    texts.write_text("a cat\na dog\na bird\na fish\na cow\na hen\n", encoding="utf-8")
    base = ["cluster", texts, "--model", tiny_bi_encoder_dir, "-q", "--out", tmp_path / "c.csv"]
    code, _, err = run_cli(capsys, *base, "--n-clusters", "3")
    assert code == 0 and "--n-clusters ignored by hdbscan (--topics N asks HDBSCAN's tree for N topics)" in err
    code, _, err = run_cli(capsys, *base, "--method", "kmeans", "--n-clusters", "2", "--min-cluster-size", "3")
    assert code == 0 and "--min-cluster-size ignored by kmeans" in err
    code, _, err = run_cli(capsys, *base, "--method", "kmeans", "--n-clusters", "2")
    assert code == 0 and "ignored" not in err
