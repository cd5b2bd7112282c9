"""How broad the topics are: coarser readings of the same clusters, scored, as a small curve.

The default clustering scores the merge tree of HDBSCAN's clusters cut at ~14 numbers of topics, each
cut refined by k-means steps (:func:`sbert_desktop.core.cluster_merge.scan_levels`): the modularity of
the sentences' neighbour graph (which picks the default's level when it is several times broader than
HDBSCAN's clusters) and the silhouette. This widget draws the modularity against the number of topics
(log axis), marks the number the clusters below have now, and puts a "Try N topics" button at each
silhouette peak the core offers (:func:`~sbert_desktop.core.cluster_merge.suggested_topics`); the levels
whose modularity is within 1% of the best (:func:`~sbert_desktop.core.cluster_merge.close_levels`) are
shaded and named, since the seed, or float noise in the vectors, can move the default among them; when
they differ by a quarter or more the widget says the number is left open
(:func:`~sbert_desktop.core.cluster_merge.loosely_set`). A click on
any point of the curve, or on a button, emits :attr:`TopicLevels.chosen` with that number: the page
fills its Topics box and clusters again. So a user who does not know how many topics there are sees
how the data reads at every level (SearchSnippets: 11 to 21 topics by default, 323 sub-topics one click away)
instead of guessing a number.
"""

from __future__ import annotations

import math

import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sbert_desktop.core.cluster_merge import CLOSE_TO_BEST, close_levels, loosely_set
from sbert_desktop.gui.i18n import number, translate

CURVE = "#0072B2"
PEAK = "#D55E00"
#: a click this many pixels (along the axis) from a level's point picks it
CLICK_PIXELS = 14


class TopicLevels(QWidget):
    """The topic scan of one clustering: a curve to click and buttons at its peaks."""

    chosen = Signal(int)  # a number of topics to cluster into

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("broaderTopics")
        self.levels: list[int] = []
        self.scores: list[float] = []
        self.current = 0
        self.buttons: dict[int, QPushButton] = {}
        self.title = QLabel()
        self.title.setWordWrap(True)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.title, 1)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("topicCurve")
        self.plot.setFixedHeight(120)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)  # a chooser, not a chart to pan: a click picks a level
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.setLogMode(x=True)
        item.showGrid(x=True, y=True, alpha=0.2)
        item.setLabel("bottom", translate("Clusters", "topics"))
        item.setLabel("left", translate("Clusters", "silhouette"))
        for axis in ("left", "bottom"):
            item.getAxis(axis).setPen("#888")
            item.getAxis(axis).setTextPen("#333")
            item.getAxis(axis).enableAutoSIPrefix(False)
        self._curve = self.plot.plot([], [], pen=pg.mkPen(CURVE, width=1.5), symbol="o", symbolSize=6,
                                     symbolBrush=CURVE, symbolPen=None)
        self._peaks = self.plot.plot([], [], pen=None, symbol="o", symbolSize=11, symbolBrush=PEAK, symbolPen=None)
        self._now = pg.InfiniteLine(angle=90, pen=pg.mkPen("#555", width=1, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self._now)
        # the levels as good as the best (close_levels), shaded behind the curve; clicks go through it
        self.near: list[int] = []
        self._close = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(0, 114, 178, 35), pen=pg.mkPen(None))
        self._close.setZValue(-10)
        self._close.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._close.setAcceptHoverEvents(False)
        self.plot.addItem(self._close)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_move)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._row)
        layout.addWidget(self.plot)
        self.hide()

    # -- showing -----------------------------------------------------------------------------
    def show_scan(self, scan: list | None, suggested: list | None, current: int, measure: str = "silhouette",
                  chosen: int = 0, fine: int = 0) -> None:
        """``scan``: [[topics, score], ...] (params["topic_modularity"], or "topic_scan" for the silhouette
        of results saved before it); ``measure``: which of the two; ``suggested``: the silhouette peaks
        offered, best first; ``current``: how many clusters are shown now; ``chosen``: the level the
        default took instead of HDBSCAN's ``fine`` clusters (0: none). Hidden when there is no scan."""
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        pairs = sorted((int(t), float(s)) for t, s in (scan or []))
        if len(pairs) < 2:
            self.levels, self.scores = [], []
            self.hide()
            return
        self.levels, self.scores = [t for t, _ in pairs], [s for _, s in pairs]
        self.current = int(current)
        offered = [int(t) for t in (suggested or []) if int(t) in self.levels][:3]
        self._curve.setData(self.levels, self.scores)
        self.plot.getPlotItem().getAxis("bottom").setTicks([_round_ticks(self.levels[0], self.levels[-1])])
        self._peaks.setData(offered, [self.scores[self.levels.index(t)] for t in offered])
        self._now.setValue(math.log10(max(self.current, 1)))
        self._now.setVisible(self.current > 0)
        self.plot.getPlotItem().setLabel("left", translate("Clusters", "modularity") if measure == "modularity"
                                         else translate("Clusters", "silhouette"))
        self.near = close_levels(dict(pairs)) if measure == "modularity" else []
        if len(self.near) > 1:
            self._close.setRegion((math.log10(self.near[0]), math.log10(self.near[-1])))
        self._close.setVisible(len(self.near) > 1)
        self.plot.getPlotItem().enableAutoRange()
        if measure == "modularity":
            what = translate("Clusters", "how well the sentences' neighbour graph splits into that many topics (modularity)")
        else:
            what = translate("Clusters", "the silhouette of the same clusters merged into fewer topics")
        if chosen:
            news = translate("Clusters", "The default took the best level, {n} topics, instead of HDBSCAN's {fine} "
                             "clusters.").format(n=number(chosen), fine=number(fine))
        elif offered:
            news = translate("Clusters", "The silhouette also peaks at a broader level:")
        else:
            news = translate("Clusters", "No broader level stands out.")
        if loosely_set(self.near):
            news += " " + translate("Clusters", "The levels from {low} to {high} topics (shaded) split it within {share} of "
                                    "the best: the data sets the number only loosely, compare them.").format(
                low=number(self.near[0]), high=number(self.near[-1]), share=f"{100 * CLOSE_TO_BEST:.0f}%")
        elif len(self.near) > 1:
            news += " " + translate("Clusters", "The levels from {low} to {high} topics (shaded) split it within {share} of "
                                    "the best.").format(
                low=number(self.near[0]), high=number(self.near[-1]), share=f"{100 * CLOSE_TO_BEST:.0f}%")
        self.title.setText(translate("Clusters", "<b>Topic levels</b>: {what}. {news} Click a point to cluster into "
                                     "that many topics.").format(what=what, news=news))
        for topics in offered:
            button = QPushButton(translate("Clusters", "Try {n} topics").format(n=number(topics)))
            button.setObjectName(f"broader{topics}")
            button.setToolTip(translate("Clusters", "Sets Topics to {n} and clusters again").format(n=number(topics)))
            button.clicked.connect(lambda _checked=False, n=topics: self.chosen.emit(n))
            self._row.addWidget(button)
            self.buttons[topics] = button
        self.show()

    # -- the mouse ---------------------------------------------------------------------------
    def level_pixel(self, topics: int) -> QPoint:
        """The plot viewport's pixel where the point of ``topics`` is drawn (data → scene → view)."""
        view = self.plot.getPlotItem().getViewBox()
        y = self.scores[self.levels.index(topics)]
        return self.plot.mapFromScene(view.mapViewToScene(QPointF(math.log10(topics), y)))

    def level_at(self, scene_pos: QPointF) -> int | None:
        """The level whose point is nearest ``scene_pos`` along the axis, within :data:`CLICK_PIXELS`."""
        if not self.levels:
            return None
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        xs = [view.mapViewToScene(QPointF(math.log10(t), 0.0)).x() for t in self.levels]
        best = min(range(len(xs)), key=lambda i: abs(xs[i] - scene_pos.x()))
        return self.levels[best] if abs(xs[best] - scene_pos.x()) <= CLICK_PIXELS else None

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        topics = self.level_at(event.scenePos())
        if topics is not None:
            event.accept()
            self.chosen.emit(topics)

    def _on_move(self, scene_pos: QPointF) -> None:
        topics = self.level_at(scene_pos)
        if topics is None:
            self.plot.setToolTip("")
            return
        self.plot.setToolTip(translate("Clusters", "{n} topics: {measure} {score}. Click to cluster into {n} topics.").format(
            n=number(topics), measure=self.plot.getPlotItem().getAxis("left").labelText,
            score=number(self.scores[self.levels.index(topics)], 3)))


def _round_ticks(low: int, high: int) -> list[tuple[float, str]]:
    """Axis labels at 1, 2 and 5 times a power of ten between ``low`` and ``high`` topics, placed on
    the log axis (pyqtgraph's own log ticks read "2·10¹" and crowd the minor ones together)."""
    values = [m * 10 ** e for e in range(0, 8) for m in (1, 2, 5) if low <= m * 10 ** e <= high]
    if len(values) < 2:
        values = sorted({low, high})
    return [(math.log10(v), f"{v:,}") for v in values]
