"""Data page: open real and generated files through the real widgets, pick a column, see errors."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sbert_desktop.gui.pages.data import DataPage
from sbert_desktop.gui.widgets.table import ColumnsTableModel


def _open(qtbot, page, path, wait_job):
    job = page.open_path(str(path))
    status = wait_job(job)
    return job, status


def test_open_stsb_train_shows_counts(qtbot, state, data_dir, wait_job):
    page = DataPage(state)
    qtbot.addWidget(page)
    path = data_dir / "stsb-en" / "sts-train.csv"
    with qtbot.waitSignal(state.data_changed, timeout=60_000):
        page.file.set_path(str(path))  # as if typed/browsed: emits path_chosen
    assert page.facts["rows"].text() == "5,749"
    assert page.facts["format"].text() == "stsb"
    assert page.facts["encoding"].text().lower().startswith("utf")
    assert page.facts["task"].text() == "sts"
    assert page.model.rowCount() == 5749
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers == ["score", "sentence1", "sentence2"]
    assert page.model.index(0, 1).data() == "A plane is taking off."
    assert page.model.index(0, 0).data() == "5"
    assert "stsb" in page.file.info.text() and page.file.error.isHidden()
    assert state.data.kind == "pairs" and len(state.data.content) == 5749
    assert str(path.resolve()) in state.settings.recent_files()


def test_sentence_csv_column_picker(qtbot, state, tmp_path, wait_job):
    path = tmp_path / "reviews.csv"
    path.write_text("id,title,review\n1,Great,I loved this film.\n2,Bad,It was far too long.\n"
                    "3,,\n4,Great,I loved this film.\n", encoding="utf-8")
    page = DataPage(state)
    qtbot.addWidget(page)
    _open(qtbot, page, path, wait_job)
    assert page.column.isEnabled()
    assert [page.column.itemText(i) for i in range(page.column.count())] == ["id", "title", "review"]
    guessed = page.column.currentText()
    assert guessed == "review"
    assert page.facts["blank"].text() == "1" and page.facts["duplicates"].text() == "1"
    # pick the other text column, as a user would
    page.column.setCurrentText("title")
    with qtbot.waitSignal(state.data_changed, timeout=30_000):
        page.column.activated.emit(page.column.currentIndex())
    assert state.data.content.column == "title"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "title"
    assert page.model.index(0, 0).data() == "Great"
    assert page.model.headerData(0, Qt.Orientation.Vertical) == "2"  # source line numbers


def test_load_error_is_shown_inline_with_line(qtbot, state, tmp_path, wait_job):
    path = tmp_path / "bad.tsv"
    path.write_text("sentence1\tsentence2\tscore\na\tb\t1.0\nc\td\tnot-a-number\n", encoding="utf-8")
    page = DataPage(state)
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("pairs"))
    job, status = _open(qtbot, page, path, wait_job)
    assert status == "failed" and job.failure.expected
    assert not page.file.error.isHidden()
    assert "line 3" in page.file.error.text() and "bad.tsv" in page.file.error.text()
    assert state.data is None


def test_preview_model_is_virtual_on_a_million_rows(qtbot):
    from PySide6.QtWidgets import QTableView

    from sbert_desktop.gui.widgets.table import configure_big_table

    rows = [f"sentence number {i}" for i in range(1_000_000)]
    model = ColumnsTableModel({"sentence": rows})
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    configure_big_table(view)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 1_000_000
    view.scrollToBottom()
    assert model.index(999_999, 0).data() == "sentence number 999999"


def test_encode_button_shares_embeddings(qtbot, state, tmp_path, tiny_bi_encoder, wait_job):
    from sbert_desktop.gui.state import ModelSpec

    path = tmp_path / "s.txt"
    path.write_text("one\ntwo\nthree\n", encoding="utf-8")
    page = DataPage(state)
    qtbot.addWidget(page)
    state.set_model(tiny_bi_encoder, ModelSpec(source="tiny"), remember=False)
    _open(qtbot, page, path, wait_job)
    assert page.encode_button.isEnabled()
    with qtbot.waitSignal(state.embeddings_changed, timeout=30_000):
        qtbot.mouseClick(page.encode_button, Qt.MouseButton.LeftButton)
    assert state.embeddings.vectors.shape == (3, 32)
    assert "3 embeddings" in page.encode_status.text()


def _data_and_clusters(qtbot, state, model):
    """The Data page and the Clusters page (its embeddings bar), shown, with ``model`` active."""
    from sbert_desktop.gui.pages.clusters import ClustersPage
    from sbert_desktop.gui.state import ModelSpec

    page = DataPage(state)
    qtbot.addWidget(page)
    clusters = ClustersPage(state)
    qtbot.addWidget(clusters)
    page.show()
    clusters.show()
    state.set_model(model, ModelSpec(source="tiny"), remember=False)
    return page, clusters


def test_korean_the_model_cannot_read_is_said_before_encoding(qtbot, state, tmp_path, tiny_bi_encoder, wait_job):
    """A Korean file with the bundled (English) vocabulary: the Data page and the exploration pages'
    bar say in red that the model spells Korean out letter by letter, before anything is encoded; an
    English file opened next clears it."""
    korean = tmp_path / "ko.txt"
    korean.write_text("고양이가 소파에서 잔다\n내일은 전국에 비가 온다\n주식 시장이 크게 하락했다\n", encoding="utf-8")
    page, clusters = _data_and_clusters(qtbot, state, tiny_bi_encoder)
    _open(qtbot, page, korean, wait_job)
    assert state.embeddings is None
    for label in (page.korean_cue, clusters.bar.cue):
        assert label.isVisible() and "100% of the sentences are Korean" in label.text()
        assert "letter by letter" in label.text() and "Korean preset" in label.text()
    english = tmp_path / "en.txt"
    english.write_text("A cat sleeps.\nRain tomorrow.\n", encoding="utf-8")
    _open(qtbot, page, english, wait_job)
    assert not page.korean_cue.isVisible() and not clusters.bar.cue.isVisible()


def test_format_fact_says_the_separator(qtbot, state, tmp_path):
    """Typed into the file field and Enter pressed, a semicolon CSV's Format reads "csv, fields separated by
    semicolons", so a user sees the split before trusting the columns; a plain comma CSV says commas."""
    from PySide6.QtTest import QTest

    page = DataPage(state)
    qtbot.addWidget(page)
    page.show()
    for name, text, expected in [("semi.csv", "id;text\n1;Hallo, Welt\n2;Guten Tag\n", "semicolons"),
                                 ("comma.csv", "id,text\n1,Hello\n2,Good day\n", "commas")]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        edit = page.file.edit
        edit.clear()
        QTest.keyClicks(edit, str(path))
        with qtbot.waitSignal(state.data_changed, timeout=30_000):
            QTest.keyClick(edit, Qt.Key.Key_Return)
        assert page.facts["format"].text() == f"csv, fields separated by {expected}"
        assert page.column.currentText() == "text"


def test_texts_longer_than_the_model_reads_are_said_before_encoding(qtbot, state, tmp_path, tiny_bi_encoder):
    """Reviews of ~400 word pieces with a model that reads 64 tokens: the Data page and the exploration
    bar say how many are cut and where to raise the length, before anything is encoded; a file of short
    sentences opened next clears it."""
    long = tmp_path / "reviews.txt"
    long.write_text("\n".join([f"Short note {i}." for i in range(15)]
                              + ["This review goes on and on about the product " * 40 + str(i) for i in range(5)]) + "\n",
                    encoding="utf-8")
    from PySide6.QtTest import QTest

    page, clusters = _data_and_clusters(qtbot, state, tiny_bi_encoder)

    def type_path(path) -> None:  # typed into the file field, Enter pressed
        page.file.edit.clear()
        QTest.keyClicks(page.file.edit, str(path))
        with qtbot.waitSignal(state.data_changed, timeout=30_000):
            QTest.keyClick(page.file.edit, Qt.Key.Key_Return)

    type_path(long)
    assert state.embeddings is None
    for label in (page.korean_cue, clusters.bar.cue):
        assert label.isVisible() and label.text().startswith("25% of the sentences are longer than this model reads (64 tokens")
        assert "raise Max sequence length on the Model page (this model reads up to 128)" in label.text()
        assert "Korean" not in label.text()
    short = tmp_path / "short.txt"
    short.write_text("A cat sleeps.\nRain tomorrow.\n", encoding="utf-8")
    type_path(short)
    assert not page.korean_cue.isVisible() and not clusters.bar.cue.isVisible()


def test_a_workbook_is_read_on_the_sheet_it_opens_on_and_says_so(qtbot, state, tmp_path):
    """A workbook left open on its second sheet: that sheet is read (was the first), the line under the
    file says which (was 'xlsx · None · 1 rows') and Notes name the other sheet."""
    import openpyxl
    from PySide6.QtTest import QTest

    book = openpyxl.Workbook()
    book.active.title = "Old"
    book.active.append(["text"])
    book.active.append(["an old sentence."])
    new = book.create_sheet("New")
    for row in (["text"], ["a new sentence."], ["another new one."]):
        new.append(row)
    book.active = 1
    path = tmp_path / "book.xlsx"
    book.save(path)
    page = _page_opened_by_typing(qtbot, state, path)
    assert page.file.info.text() == "xlsx · New · 2 rows"
    assert state.data.content.sentences == ["a new sentence.", "another new one."]
    assert ("read sheet 'New', the one the workbook opens on; its other sheets: 'Old' (to read one: Sheet on the Data "
            "page, --sheet)") in page.facts["problems"].text()
    # the Sheet box reads another sheet: chosen with the keyboard as a user would
    assert page.sheet.isVisible() and page.sheet.currentText() == "New"
    page.sheet.setFocus()
    with qtbot.waitSignal(state.data_changed, timeout=30_000):
        QTest.keyClick(page.sheet, Qt.Key.Key_Up)
    assert state.data.content.sentences == ["an old sentence."] and page.file.info.text() == "xlsx · Old · 1 rows"
    assert page.sheet.currentText() == "Old"
    # kept by a workspace: reopened on that sheet
    from sbert_desktop.core.workspace import load_workspace, save_workspace
    from sbert_desktop.gui.main_window import MainWindow
    from sbert_desktop.gui.state import AppState
    from sbert_desktop.gui.workspace_io import collect_workspace, restore_workspace

    window = MainWindow(state)
    qtbot.addWidget(window)
    saved = save_workspace(tmp_path / "w.sbertws", collect_workspace(window))
    fresh = MainWindow(AppState())
    qtbot.addWidget(fresh)
    restore_workspace(fresh, load_workspace(saved), data_path=path, load_models=False)
    assert fresh.state.data.content.sheet == "Old" and fresh.state.data.content.sentences == ["an old sentence."]


def test_tab_leaves_the_preview_table(qtbot, state, tmp_path):
    """On the Data page Tab walked the preview table's cells and never reached the encode button."""
    from PySide6.QtTest import QTest

    path = tmp_path / "s.csv"
    path.write_text("id,text\n1,first sentence\n2,second sentence\n3,third one\n", encoding="utf-8")
    page = _page_opened_by_typing(qtbot, state, path)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()


def _page_opened_by_typing(qtbot, state, path) -> DataPage:
    """A shown Data page with ``path`` typed into its file field and Enter pressed, once the data is read."""
    from PySide6.QtTest import QTest

    page = DataPage(state)
    qtbot.addWidget(page)
    page.show()
    QTest.keyClicks(page.file.edit, str(path))
    with qtbot.waitSignal(state.data_changed, timeout=30_000):
        QTest.keyClick(page.file.edit, Qt.Key.Key_Return)
    return page
