"""The topic-levels curve under the cluster summary, driven by the mouse as a user does: a click on
a point (or near it, along the axis) asks for that many topics; a click between far-apart points or
outside the plot asks for nothing; the buttons sit at the offered peaks only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from sbert_desktop.gui.widgets.topic_levels import TopicLevels

SCAN = [[323, 0.132], [230, 0.130], [164, 0.118], [117, 0.104], [83, 0.094], [59, 0.087], [42, 0.079],
        [30, 0.070], [21, 0.073], [15, 0.079], [11, 0.075], [7, 0.069], [5, 0.056], [4, 0.051]]  # SearchSnippets


@pytest.fixture
def levels(qtbot):
    w = TopicLevels()
    qtbot.addWidget(w)
    w.resize(700, 200)
    w.show_scan(SCAN, [15], 311)
    qtbot.waitExposed(w)
    return w


def _click(w: TopicLevels, pos: QPoint) -> None:
    QTest.mouseClick(w.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def test_a_click_on_each_point_asks_for_its_number_of_topics(qtbot, levels):
    assert levels.levels == sorted(t for t, _ in SCAN) and levels.current == 311
    for topics in (4, 15, 42, 323):
        with qtbot.waitSignal(levels.chosen, timeout=2000) as got:
            _click(levels, levels.level_pixel(topics))
        assert got.args == [topics]
    # a few pixels off along the axis still picks the point; the y of the click does not matter
    pos = levels.level_pixel(59)
    with qtbot.waitSignal(levels.chosen, timeout=2000) as got:
        _click(levels, QPoint(pos.x() + 4, 8 + levels.plot.viewport().height() // 2))
    assert got.args == [59]


def test_a_click_away_from_every_point_asks_for_nothing(qtbot, levels):
    between = (levels.level_pixel(164).x() + levels.level_pixel(230).x()) // 2  # ~25 px from each
    assert min(abs(between - levels.level_pixel(t).x()) for t in levels.levels) > 14
    chosen = []
    levels.chosen.connect(chosen.append)
    _click(levels, QPoint(between, levels.level_pixel(164).y()))
    _click(levels, QPoint(2, 2))  # the axis corner, outside the view box
    assert chosen == []


def test_buttons_only_at_offered_peaks_and_hidden_without_a_scan(qtbot, levels):
    buttons = levels.findChildren(QPushButton)
    assert [b.objectName() for b in buttons] == ["broader15"] and buttons[0].text() == "Try 15 topics"
    with qtbot.waitSignal(levels.chosen, timeout=2000) as got:
        QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert got.args == [15]
    assert "silhouette also peaks at a broader level" in levels.title.text()
    levels.show_scan(SCAN[:5], [], 323)  # a scan with no peak: the curve, no button, another title
    qtbot.waitUntil(lambda: not levels.findChildren(QPushButton))
    assert levels.isVisible() and "No broader level stands out" in levels.title.text()
    levels.show_scan(None, None, 0)
    assert not levels.isVisible() and levels.levels == []


def test_the_modularity_curve_says_which_level_the_default_took(qtbot, levels):
    graph = [[323, 0.625], [230, 0.659], [164, 0.672], [42, 0.652], [15, 0.682], [11, 0.673], [4, 0.545]]
    levels.show_scan(graph, [], 15, "modularity", chosen=15, fine=323)
    axis = levels.plot.getPlotItem().getAxis("left")
    assert axis.labelText == "modularity" and levels.current == 15
    assert "took the best level, 15 topics, instead of HDBSCAN's 323 clusters" in levels.title.text()
    qtbot.wait(100)  # the new title's height and the new range laid out, as a person sees them before clicking
    with qtbot.waitSignal(levels.chosen, timeout=2000) as got:  # the finer reading, one click away
        _click(levels, levels.level_pixel(323))
    assert got.args == [323]


def test_levels_as_good_as_the_best_are_shaded_named_and_still_clickable(qtbot, levels):
    # SearchSnippets at seed 42: 11, 15, 21 and 42 topics within 1% of the best modularity
    graph = [[323, 0.635], [230, 0.677], [164, 0.699], [117, 0.715], [83, 0.722], [59, 0.728], [42, 0.739],
             [30, 0.731], [21, 0.736], [15, 0.733], [11, 0.739], [7, 0.691], [5, 0.651], [4, 0.598]]
    levels.show_scan(graph, [], 11, "modularity", chosen=11, fine=323)
    assert levels.near == [11, 15, 21, 42]
    assert "levels from 11 to 42 topics (shaded) split it within 1% of the best" in levels.title.text()
    qtbot.wait(100)
    band = levels._close
    assert band.isVisible()
    low, high = (levels.plot.mapFromScene(band.mapToScene(band.boundingRect()).boundingRect().topLeft()).x(),
                 levels.plot.mapFromScene(band.mapToScene(band.boundingRect()).boundingRect().topRight()).x())
    for topics in (11, 42):  # the band spans the close levels' points
        assert abs(levels.level_pixel(topics).x() - (low if topics == 11 else high)) <= 2
    for topics in (15, 21):  # a click on a point inside the band picks it as anywhere else
        with qtbot.waitSignal(levels.chosen, timeout=2000) as got:
            _click(levels, levels.level_pixel(topics))
        assert got.args == [topics]
    assert "the data sets the number only loosely" in levels.title.text()
    small = [[9, 0.700], [8, 0.696], [7, 0.680], [6, 0.660], [5, 0.640], [4, 0.520]]  # the example: 8 and 9 close
    levels.show_scan(small, [], 9, "modularity")
    assert levels.near == [8, 9] and levels._close.isVisible()
    assert "levels from 8 to 9 topics (shaded) split it within 1% of the best." in levels.title.text()
    assert "loosely" not in levels.title.text()  # neighbouring levels of a fine grid leave nothing open
    levels.show_scan(graph[:3], [], 323, "modularity")  # one clear best: no band, no sentence
    assert levels.near == [164] and not levels._close.isVisible() and "shaded" not in levels.title.text()
