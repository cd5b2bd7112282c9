"""Issue #12: the plots as a person uses them — real mouse events on the plot's viewport.

A click *on* a dot reaches the page (the scatter item used to swallow it), hover shows a label
that stays inside the plot and goes when the mouse leaves.
"""

from __future__ import annotations

import numpy as np
import pytest
from _explore import set_models, topic_embeddings, topic_sentences
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter


def point_pixel(scatter: EmbeddingScatter, row: int) -> QPoint:
    """The viewport pixel where ``row``'s dot is drawn (data → scene → view)."""
    x, y = scatter.coords[row]
    scene = scatter.view.mapViewToScene(QPointF(float(x), float(y)))
    return scatter.plot.mapFromScene(scene)


def click_dot(scatter: EmbeddingScatter, row: int) -> None:
    QTest.mouseClick(scatter.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point_pixel(scatter, row))


@pytest.fixture
def scatter(qtbot):
    w = EmbeddingScatter(axes=False)
    qtbot.addWidget(w)
    w.resize(500, 400)
    w.show()
    qtbot.waitExposed(w)
    rng = np.random.default_rng(1)
    coords = rng.normal(size=(40, 2))
    w.set_points(coords, None, [f"sentence number {i} " * 4 for i in range(40)])
    return w


def test_clicking_exactly_on_a_dot_selects_it(qtbot, scatter):
    for row in (3, 17, 31):
        with qtbot.waitSignal(scatter.point_clicked, timeout=2000) as blocker:
            click_dot(scatter, row)
        assert blocker.args == [row] and scatter.current == row
    # empty space far from every dot clears it
    with qtbot.waitSignal(scatter.point_clicked, timeout=2000) as blocker:
        QTest.mouseClick(scatter.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(2, 2))
    assert blocker.args == [-1]


def test_hover_label_stays_inside_the_plot_and_goes_on_leave(qtbot, scatter):
    coords = scatter.coords
    for row in (int(np.argmax(coords[:, 0])), int(np.argmax(coords[:, 1])), int(np.argmin(coords[:, 0]))):
        QTest.mouseMove(scatter.plot.viewport(), point_pixel(scatter, row))
        qtbot.waitUntil(lambda r=row: scatter._hovered == r, timeout=3000)
        label = scatter.hover_text
        assert label.isVisible()
        scatter.plot.viewport().repaint()  # the label places itself when painted
        rect = label.textItem.mapRectToScene(label.textItem.boundingRect())
        view_rect = scatter.view.sceneBoundingRect()
        assert view_rect.adjusted(-2, -2, 2, 2).contains(rect), (row, rect, view_rect)
    # leaving the plot hides the label
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(scatter.plot.viewport(), QEvent(QEvent.Type.Leave))
    assert not scatter.hover_text.isVisible() and scatter._hovered == -1


def test_click_a_dot_on_the_map_shows_its_neighbours(qtbot, state, tiny_bi_encoder, tiny_cross_encoder):
    from sbert_desktop.gui.pages.map import MapPage

    sentences, topics = topic_sentences()
    state.set_embeddings(sentences, topic_embeddings(topics))
    set_models(state, tiny_bi_encoder, tiny_cross_encoder)
    page = MapPage(state)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.method.setCurrentIndex(page.method.findData("pca"))
    with qtbot.waitSignal(page.exploration.projection_changed, timeout=120_000):
        page.show()
    qtbot.waitExposed(page)
    row = 40
    with qtbot.waitSignal(page.neighbours.finished, timeout=60_000) as blocker:
        click_dot(page.scatter, row)
    assert page.scatter.current == row and sentences[row] in page.text.toPlainText()
    result = blocker.args[0]
    assert len(result.bi_ranking) == 8 and all(h.index != row for h in result.bi_ranking)
    assert all(topics[h.index] == topics[row] for h in result.bi_ranking)


def test_click_a_dot_on_the_compare_scatter_selects_its_row(qtbot, state, wait_job, tiny_bi_encoder,
                                                             tiny_cross_encoder):
    from sbert_desktop.gui.pages.compare import ComparePage

    sentences, topics = topic_sentences()
    state.set_embeddings(sentences, topic_embeddings(topics))
    set_models(state, tiny_bi_encoder, tiny_cross_encoder)
    page = ComparePage(state)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.top_k.setValue(3)
    page.max_pairs.setValue(0)
    page.find_button.click()
    assert wait_job(page.job) == "succeeded"
    qtbot.wait(50)
    scatter = page.scatter
    # a pair whose dot is not hidden under another one
    coords = scatter.coords
    d = np.linalg.norm(coords[:, None] - coords[None], axis=-1) + np.eye(len(coords)) * 1e9
    pair = int(np.argmax(d.min(axis=1)))
    with qtbot.waitSignal(scatter.point_clicked, timeout=2000):
        click_dot(scatter, pair)
    assert scatter.current == pair and page.selected_pair() == pair
    a, _b = page.result.text(pair)
    assert page.proxy.index(page.table.currentIndex().row(), 0).data() == a
