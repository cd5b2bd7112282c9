import faulthandler, sys
from test_clusters_page import _cluster, page  # noqa
def test_dbg(qtbot, page, wait_job):
    for i in range(6):
        view = _cluster(page, wait_job, method="kmeans", n_clusters=3)
        page.stop_words.setPlainText("coffee, club")
        with qtbot.waitSignal(page.exploration.names_changed, timeout=8000, raising=False) as b:
            page.relabel_button.click()
        if not b.signal_triggered:
            print("TIMEOUT", [(j.name, j.status) for j in page.state.jobs.jobs()])
            faulthandler.dump_traceback(sys.stdout)
            break
        print("ok", i)
