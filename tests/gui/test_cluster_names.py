"""Issue #12, items 9 and 12: renaming a cluster in the table (a real double-click, typing, Enter)
makes no Qt warning, and the name survives re-clustering when a cluster keeps its members; the page
says what was kept and what was dropped."""

from __future__ import annotations

import numpy as np
from _explore import topic_embeddings, topic_sentences
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sbert_desktop.core.cluster_names import carry_names
from sbert_desktop.gui.pages.clusters import NAME_COL, ClustersPage


def test_carry_names_by_members():
    old = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2, 2])
    new = np.array([2, 2, 2, 0, 0, 0, 1, 1, 1, 0])  # renumbered; cluster 2 lost one member to 0
    out = carry_names(old, {0: "coffee", 1: "football", 2: "galaxy"}, new)
    assert out.names == {2: "coffee"} and "“coffee” (now cluster 2), same members" in out.kept[0]
    assert any("football" in d for d in out.dropped)  # 0 now has 4 members: 75% < 80%
    assert any("galaxy" in d for d in out.dropped)


def _cluster(page, wait_job, n):
    page.method.setCurrentIndex(page.method.findData("kmeans"))
    page.n_clusters.setValue(n)
    job = page.run()
    assert wait_job(job) == "succeeded"
    qtbot_wait = QApplication.processEvents
    qtbot_wait()


def test_rename_in_the_table_then_recluster_keeps_the_name(qtbot, qtlog, state, wait_job):
    sentences, topics = topic_sentences()
    state.set_embeddings(sentences, topic_embeddings(topics))
    page = ClustersPage(state)
    qtbot.addWidget(page)
    page.resize(1240, 760)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # focus moves as on a desktop: the editor loses it when it closes
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    _cluster(page, wait_job, 3)
    row = 0
    label = int(page.table.item(row, NAME_COL).data(Qt.ItemDataRole.UserRole))
    members = set(np.flatnonzero(page.exploration.clusters.labels == label))
    rect = page.table.visualItemRect(page.table.item(row, NAME_COL))
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not page.table
    editor.selectAll()
    QTest.keyClicks(editor, "My topic")
    with qtbot.waitSignal(page.exploration.names_changed, timeout=5000):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.item(row, NAME_COL) is not None
                    and page.table.item(row, NAME_COL).text() == "My topic", timeout=5000)
    assert page.exploration.clusters.name(label) == "My topic"
    assert not [r for r in qtlog.records if "commitData" in r.message], [r.message for r in qtlog.records]

    page.seed.setValue(page.seed.value() + 1)  # another k-means run: numbers may change, members do not
    _cluster(page, wait_job, 3)
    view = page.exploration.clusters
    renamed = [c for c, name in view.names.items() if name == "My topic"]
    assert len(renamed) == 1 and set(np.flatnonzero(view.labels == renamed[0])) == members
    assert "Kept: “My topic”" in page.summary.text()

    _cluster(page, wait_job, 1)  # everything in one cluster: the name cannot follow
    assert "My topic" not in page.exploration.clusters.names.values()
    assert "Dropped: “My topic”" in page.summary.text()
