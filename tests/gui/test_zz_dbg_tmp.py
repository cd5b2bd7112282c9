from test_clusters_page import _cluster, page  # noqa
def test_dbg(qtbot, page, wait_job):
    started = []
    page.state.jobs.job_started.connect(lambda j: started.append(j))
    for i in range(20):
        view = _cluster(page, wait_job, method="kmeans", n_clusters=3)
        page.stop_words.setPlainText("coffee, club")
        en = page.relabel_button.isEnabled()
        n = len(started)
        with qtbot.waitSignal(page.exploration.names_changed, timeout=8000, raising=False) as b:
            page.relabel_button.click()
        if not b.signal_triggered:
            new = started[n:]
            print("TIMEOUT", i, "enabled", en, [(j.name, j.status, j.result is not None) for j in new], page.exploration.clusters is view)
            break
