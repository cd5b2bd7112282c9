"""Compare page: mined, all and data-set pairs scored by tiny bi- and cross-encoders; the table,
the scatter and their linked selection; search with rerank; every export read back."""

from __future__ import annotations

import numpy as np
import pytest
from _explore import manifest, open_pairs, open_sentences, read_table, set_models, topic_sentences, wait_export
from PySide6.QtCore import Qt

from sbert_desktop.gui.pages.compare import ComparePage
from sbert_desktop.gui.widgets.pair_table import BI, CROSS, DELTA, GOLD, PAIR_ROLE


@pytest.fixture
def page(qtbot, state, tmp_path, tiny_bi_encoder, tiny_cross_encoder, wait_job):
    """A Compare page on 60 encoded topic sentences, with both tiny models loaded."""
    set_models(state, tiny_bi_encoder, tiny_cross_encoder)
    sentences, _ = topic_sentences()
    open_sentences(state, tmp_path, sentences)
    p = ComparePage(state)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    p.show()
    assert p.bar.encode_button.isEnabled() and not p.find_button.isEnabled()
    with qtbot.waitSignal(state.embeddings_changed, timeout=60_000):
        p.bar.encode_button.click()
    assert state.embeddings.vectors.shape == (60, 32)
    assert "60 sentences" in p.bar.label.text()
    assert p.find_button.isEnabled()
    return p


def _find(qtbot, page, wait_job, mode="top_k", **values):
    page.mode.setCurrentIndex(page.mode.findData(mode))
    for name, value in values.items():
        getattr(page, name).setValue(value)
    job = page.find_pairs()
    status = wait_job(job)
    return job, status


def test_mined_pairs_table_scatter_and_linked_selection(qtbot, page, wait_job):
    job, status = _find(qtbot, page, wait_job, top_k=3, max_pairs=0)
    assert status == "succeeded"
    result = page.result
    assert 60 * 3 / 2 <= len(result) <= 60 * 3 and result.cross is not None
    assert page.model.rowCount() == len(result) and page.proxy.rowCount() == len(result)
    # bi cosine is the table's score, highest first; the cross-encoder filled its column
    assert page.proxy.index(0, BI).data() == f"{result.bi[0]:.3f}"
    assert page.proxy.index(0, CROSS).data() == f"{result.cross[0]:.3f}"
    assert page.proxy.index(0, GOLD).data() == "–" and page.table.isColumnHidden(GOLD)
    assert "minus cross-encoder rank" in page.model.headerData(DELTA, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Pearson r =" in page.correlation.text() and "Spearman ρ =" in page.correlation.text()
    assert len(page.scatter.coords) == len(result)
    np.testing.assert_allclose(page.scatter.coords[:, 0], result.bi, rtol=1e-6)
    np.testing.assert_allclose(page.scatter.coords[:, 1], result.cross, rtol=1e-6)

    # clicking a point selects its row ...
    pair = 7
    page.scatter.view.autoRange()
    x, y = page.scatter.coords[pair]
    assert page.scatter.click_at(float(x), float(y)) >= 0
    clicked = page.scatter.current
    assert page.selected_pair() == clicked
    a, b = result.text(clicked)
    assert page.proxy.index(page.table.currentIndex().row(), 0).data() == a
    # ... and selecting a row rings its point
    page.table.selectRow(3)
    assert page.scatter.current == page.proxy.pair_at(3)

    # sort by disagreement (numpy in the model), descending, through the header
    page.table.sortByColumn(DELTA, Qt.SortOrder.DescendingOrder)
    deltas = [int(page.proxy.index(r, DELTA).data()) for r in range(page.proxy.rowCount())]
    assert deltas == sorted(deltas, reverse=True) and deltas[0] > 0
    # the selection follows its pair through the sort
    assert page.selected_pair() == page.proxy.pair_at(page.table.currentIndex().row())

    # filter by text and by disagreement
    page.filter.setText("espresso")
    assert 0 < page.proxy.rowCount() < len(result)
    for r in range(page.proxy.rowCount()):
        a, b = result.text(page.proxy.pair_at(r))
        assert "espresso" in (a + b).lower()
    assert "of" in page.count.text()
    page.filter.clear()
    page.min_delta.setValue(20)
    assert all(abs(int(page.proxy.index(r, DELTA).data())) >= 20 for r in range(page.proxy.rowCount()))
    page.min_delta.setValue(0)
    assert page.proxy.rowCount() == len(result)


def _encoded_with_repeats(qtbot, state, tmp_path, bi, cross):
    """A Compare page on the 60 topic sentences with the first ten again, encoded by a click."""
    set_models(state, bi, cross)
    sentences, _ = topic_sentences()
    open_sentences(state, tmp_path, sentences + sentences[:10])
    page = ComparePage(state)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    with qtbot.waitSignal(state.embeddings_changed, timeout=60_000):
        qtbot.mouseClick(page.bar.encode_button, Qt.MouseButton.LeftButton)
    return page, sentences


def test_skip_repeated_sentences(qtbot, state, tmp_path, tiny_bi_encoder, tiny_cross_encoder, wait_job):
    """A file where ten sentences come twice: "Skip repeated sentences" is on from the start, so a click on
    Find pairs gives no row that pairs a sentence with its copy and the message says how many were left
    out; a person unticks it and the copies' pairs (cosine 1) come back. The choice is saved with the
    workspace form."""
    page, _sentences = _encoded_with_repeats(qtbot, state, tmp_path, tiny_bi_encoder, tiny_cross_encoder)
    assert page.distinct.isChecked() and page.distinct.isEnabled()
    qtbot.mouseClick(page.distinct, Qt.MouseButton.LeftButton)
    assert not page.distinct.isChecked()
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    assert page.result.params["distinct"] is False and page.workspace_state()["distinct"] is False
    assert any(a == b for a, b in (page.result.text(i) for i in range(len(page.result))))
    qtbot.mouseClick(page.distinct, Qt.MouseButton.LeftButton)
    assert page.distinct.isChecked()
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    result = page.result
    assert result is not None and result.params["distinct"] is True and len(result) > 0
    assert all(a != b for a, b in (result.text(i) for i in range(len(result))))
    assert "10 repeated sentences left out" in page.message.text()
    assert page.workspace_state()["distinct"] is True


def test_search_shows_each_text_once(qtbot, state, tmp_path, tiny_bi_encoder, wait_job):
    """Ten sentences come twice: a person types a query and presses Enter; each text is one hit and a
    repeated one says "(×2)". Unticking "Each text once" by mouse and searching again lists every row;
    a double-click still finds neighbours of the bare sentence."""
    from PySide6.QtTest import QTest

    page, sentences = _encoded_with_repeats(qtbot, state, tmp_path, tiny_bi_encoder, None)
    page.tabs.setCurrentIndex(1)
    assert page.search_distinct.isChecked()
    shown = lambda: [page.rerank.bi_table.item(r, 2).text() for r in range(page.rerank.bi_table.rowCount())]  # noqa: E731

    def search_by_keys(text):
        page.query.clear()
        QTest.keyClicks(page.query, text)
        with qtbot.waitSignal(page.rerank.finished, timeout=60_000) as blocker:
            QTest.keyClick(page.query, Qt.Key.Key_Return)
        return blocker.args[0]

    once = search_by_keys(sentences[3])
    texts = [h.sentence for h in once.bi_ranking]
    assert len(texts) == 10 and len(set(texts)) == 10
    assert f"{sentences[3]}  (×2)" in shown() and once.bi_ranking[0].copies == 2
    qtbot.mouseClick(page.search_distinct, Qt.MouseButton.LeftButton)
    assert not page.search_distinct.isChecked() and page.workspace_state()["search_distinct"] is False
    every = search_by_keys(sentences[3])
    assert [h.sentence for h in every.bi_ranking[:2]] == [sentences[3]] * 2 and "(×2)" not in "".join(shown())

    qtbot.mouseClick(page.search_distinct, Qt.MouseButton.LeftButton)
    once = search_by_keys(sentences[3])
    rect = page.rerank.bi_table.visualItemRect(page.rerank.bi_table.item(0, 2))
    viewport = page.rerank.bi_table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    with qtbot.waitSignal(page.rerank.finished, timeout=60_000) as blocker:
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                          rect.center())
    assert page.query.text() == sentences[3]  # the sentence, not its "(×2)" label
    assert sentences[3] not in [h.sentence for h in blocker.args[0].bi_ranking]  # itself and its copy left out


def test_pairs_leave_when_the_data_changes(qtbot, page, wait_job, tmp_path):
    """Pairs found on one file are not shown, nor exported under the next file's name, once another
    file is opened."""
    _find(qtbot, page, wait_job, top_k=2, max_pairs=40)
    assert page.model.rowCount() == 40 and len(page.scatter.coords) == 40
    other = tmp_path / "other"
    other.mkdir()
    open_sentences(page.state, other, ["a b", "c d"])
    assert page.result is None and page.model.rowCount() == 0 and len(page.scatter.coords) == 0
    assert "find pairs again" in page.message.text()
    assert page.export_button.export("pairs", tmp_path / "p.csv", "utf-8") is None and not (tmp_path / "p.csv").exists()


def test_pair_table_exports_csv_with_bom_and_parquet(qtbot, page, wait_job, tmp_path):
    _find(qtbot, page, wait_job, top_k=2, max_pairs=40)
    assert len(page.result) == 40 and "best 40" in page.message.text()
    out = wait_export(qtbot, page.export_button, "pairs", tmp_path / "pairs.csv", "utf-8-sig")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    df = read_table(out)
    assert list(df.columns) == ["rank", "index1", "index2", "row1", "row2", "sentence1", "sentence2", "bi_cosine",
                                "cross_score", "rank_disagreement"]  # named as the window names them
    assert len(df) == 40
    sentences = page.state.embeddings.sentences
    assert df.sentence1[0] == sentences[df.index1[0]] and df.sentence2[0] == sentences[df.index2[0]]
    np.testing.assert_allclose(df.bi_cosine, page.result.bi, atol=1e-5)
    np.testing.assert_allclose(df.cross_score, page.result.cross, atol=1e-5)
    meta = manifest(out)
    assert meta["kind"] == "pairs" and meta["rows"] == 40 and meta["encoding"] == "utf-8-sig"
    assert meta["model"]["dimension"] == 32 and meta["cross_encoder"]["num_labels"] == 1
    assert meta["extra"]["mode"] == "top_k" and meta["extra"]["top_k"] == 2
    pq = read_table(wait_export(qtbot, page.export_button, "pairs", tmp_path / "pairs.parquet"))
    assert len(pq) == 40 and list(pq.sentence1) == list(df.sentence1)


def test_all_pairs_are_refused_politely_above_the_limit(qtbot, page, wait_job):
    page.all_pairs_limit = 1000
    job, status = _find(qtbot, page, wait_job, mode="all", max_pairs=0)
    assert status == "failed" and job.failure.expected
    text = page.message.text()
    assert "1,770 pairs" in text and "60 sentences" in text and "limit" in text
    page.all_pairs_limit = None
    page.use_cross.setChecked(False)
    job, status = _find(qtbot, page, wait_job, mode="all", max_pairs=0)
    assert status == "succeeded" and len(page.result) == 1770 and page.result.cross is None
    # without a second score there is nothing to plot against
    assert len(page.scatter.coords) == 0 and "cross-encoder" in page.correlation.text()


def test_pair_data_set_with_gold_scores(qtbot, state, page, wait_job, tmp_path):
    sentences, topics = topic_sentences(10)
    rows = [(sentences[i], sentences[j], 5.0 if topics[i] == topics[j] else 0.5)
            for i in range(0, 30, 3) for j in range(1, 30, 7)]
    open_pairs(state, tmp_path, rows)
    assert state.embeddings is None  # new data: old embeddings dropped
    job, status = _find(qtbot, page, wait_job, mode="dataset", max_pairs=0)
    assert status == "succeeded"
    r = page.result
    assert len(r) == len(rows) and r.gold is not None and r.cross is not None
    assert page.proxy.index(0, GOLD).data() == f"{rows[0][2]:.3f}"
    assert page.proxy.index(0, 0).data() == rows[0][0]
    # all three comparisons are available; bi vs gold is plotted on request
    page.axes.setCurrentIndex(1)
    np.testing.assert_allclose(page.scatter.coords[:, 1], r.gold)
    assert f"({len(rows)} pairs)" in page.correlation.text()
    out = wait_export(qtbot, page.export_button, "pairs", tmp_path / "gold.csv")
    df = read_table(out)
    assert "gold" in df.columns and list(df.gold) == [row[2] for row in rows]


def test_search_bi_then_cross_rerank_and_find_similar(qtbot, page, tmp_path):
    page.query.setText("espresso and latte")
    page.search_k.setValue(5)
    with qtbot.waitSignal(page.rerank.bi_ready, timeout=60_000):
        page.search_button.click()
    assert page.rerank.bi_table.rowCount() == 5
    assert "Bi-encoder" in page.rerank.bi_label.text() and "ms" in page.rerank.bi_label.text()
    with qtbot.waitSignal(page.rerank.finished, timeout=60_000) as blocker:
        pass
    result = blocker.args[0]
    assert len(result.bi_ranking) == 5 and len(result.cross_ranking) == 5
    assert "reranked 32 candidates" in page.rerank.cross_label.text() and "ms" in page.rerank.cross_label.text()
    assert page.rerank.cross_table.rowCount() == 5
    move = page.rerank.cross_table.item(0, 2).text()
    hit = result.cross_ranking[0]
    assert move == ("=" if hit.move == 0 else f"▲ {hit.move}" if hit.move > 0 else f"▼ {-hit.move}")

    # "find similar" from a corpus sentence: its stored vector, itself left out
    sentence = page.state.embeddings.sentences[25]
    with qtbot.waitSignal(page.rerank.finished, timeout=60_000) as blocker:
        page.find_similar(sentence)
    similar = blocker.args[0]
    assert page.tabs.currentIndex() == 1 and page.query.text() == sentence
    assert all(h.index != 25 for h in similar.bi_ranking) and similar.timings["encode"] == 0.0

    out = wait_export(qtbot, page.export_button, "search", tmp_path / "search.csv")
    df = read_table(out)
    assert list(df.columns) == ["query", "index", "row", "sentence", "copies", "bi_rank", "bi_score", "cross_rank",
                                "cross_score", "move"]
    assert set(df["query"]) == {"espresso and latte", sentence}
    assert manifest(out)["kind"] == "search"


def test_topk_matrix_and_plot_exports(qtbot, page, wait_job, tmp_path, monkeypatch):
    _find(qtbot, page, wait_job, top_k=3, max_pairs=0)
    topk = read_table(wait_export(qtbot, page.export_button, "topk", tmp_path / "topk.parquet"))
    assert list(topk.columns) == ["index", "row", "sentence", "rank", "neighbor_index", "neighbor_row", "neighbor",
                                  "bi_cosine", "cross_score"]  # the manifest names a cross-encoder: its scores are here
    assert len(topk) == 60 * 3 and (topk["index"] != topk.neighbor_index).all()

    matrix = read_table(wait_export(qtbot, page.export_button, "matrix", tmp_path / "matrix.csv"))
    assert matrix.shape == (60, 61) and np.allclose(np.diag(matrix.iloc[:, 1:].to_numpy()), 1.0, atol=1e-4)
    assert manifest(tmp_path / "matrix.csv")["summary"]["shape"] == [60, 60]

    from sbert_desktop.core import export as ex

    monkeypatch.setattr(ex, "DEFAULT_MAX_MATRIX_CELLS", 1000)
    with qtbot.waitSignal(page.export_button.refused, timeout=5000) as blocker:
        assert page.export_button.export("matrix", tmp_path / "big.csv") is None
    assert "3,600 cells" in blocker.args[1] and "top-k" in blocker.args[1]
    assert "3,600 cells" in page.export_status.text() and not (tmp_path / "big.csv").exists()

    for suffix in ("png", "svg"):
        out = page.export_button.export(f"scatter-{suffix}", tmp_path / f"scatter.{suffix}")
        assert out.stat().st_size > 1000
        meta = manifest(out)
        assert meta["kind"] == "plot" and meta["format"] == suffix and meta["rows"] == len(page.result)
    assert (tmp_path / "scatter.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "scatter.svg").read_text(encoding="utf-8")[:500]


def test_cross_encoder_that_cannot_read_korean_is_said(qtbot, state, tmp_path, tiny_bi_encoder, tiny_cross_encoder):
    """Korean sentences, a bi-encoder whose vocabulary holds Korean pieces and a cross-encoder that spells
    Korean out: the Compare page says in red that the cross-encoder's scores and reranking of them mean
    little (the bi-encoder's cue stays hidden); English sentences opened next clear it."""
    from sbert_desktop.core.training.vocab import extend_vocabulary

    korean = ["고양이가 소파에서 잔다", "내일은 전국에 비가 온다", "주식 시장이 크게 하락했다", "커피를 마시고 싶어요"]
    extend_vocabulary(tiny_bi_encoder, korean * 20, new_tokens=300, min_frequency=2)
    set_models(state, tiny_bi_encoder, tiny_cross_encoder)
    open_sentences(state, tmp_path, korean)
    p = ComparePage(state)
    qtbot.addWidget(p)
    p.show()
    assert not p.bar.cue.isVisible() and p.bar.cross_cue.isVisible()
    assert "the cross-encoder spells Korean out" in p.bar.cross_cue.text()
    open_sentences(state, tmp_path, ["A cat sleeps.", "Rain tomorrow.", "Stocks fell."])
    assert not p.bar.cross_cue.isVisible()


def test_both_encoders_spell_korean_out(qtbot, state, tmp_path, tiny_bi_encoder, tiny_cross_encoder):
    """Neither model reads Korean: the bi-encoder's cue says it all, and the cross-encoder's line is one short
    sentence under it, not the whole advice again."""
    set_models(state, tiny_bi_encoder, tiny_cross_encoder)
    open_sentences(state, tmp_path, ["고양이가 소파에서 잔다", "내일은 전국에 비가 온다", "주식 시장이 크게 하락했다"])
    p = ComparePage(state)
    qtbot.addWidget(p)
    p.show()
    assert p.bar.cue.isVisible() and "this model spells Korean out" in p.bar.cue.text()
    assert p.bar.cross_cue.isVisible() and p.bar.cross_cue.text().startswith("The cross-encoder spells Korean out too")


def test_finding_pairs_never_widens_the_page(qtbot, page, wait_job):
    """While pairs were found, a progress bar and Cancel joined the full controls row and the window grew by
    their width (1,227 to 1,414 px) and never narrowed again. They sit on the message's row now."""
    before = page.minimumSizeHint().width()
    widths = []
    page.state.jobs.job_started.connect(lambda _job: widths.append(page.minimumSizeHint().width()))
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert wait_job(page.job) == "succeeded"
    page.progress.show()
    page.cancel_button.show()  # as they are while a job runs
    widths.append(page.minimumSizeHint().width())
    assert max(widths) <= before and page.progress.y() > page.find_button.y()
