"""A short, dismissible guide to the six pages, docked above the page area.

One card per page in workflow order (Data → Model → Train → Compare → Clusters → Map): the
page's name (a button that shows it) and one line on what it does. The card of the page on screen
is highlighted. Closing it sets ``guide_dismissed`` in the settings, so it stays closed across
restarts; *Help → Show guide* brings it back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDockWidget, QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget,
)

DISMISSED_KEY = "guide_dismissed"

#: (page title, one line on it), in workflow order; the lines are translated when shown ("Guide")
STEPS = [
    ("Data", QT_TRANSLATE_NOOP("Guide", "Open sentences or pairs and see what is in them.")),
    ("Model", QT_TRANSLATE_NOOP("Guide", "Pick the model and pooling; the bundled one is loaded.")),
    ("Train", QT_TRANSLATE_NOOP("Guide", "Fine-tune on pairs; the example's are set: press Start.")),
    ("Compare", QT_TRANSLATE_NOOP("Guide", "Mine paraphrases and check scores against gold.")),
    ("Clusters", QT_TRANSLATE_NOOP("Guide", "Topics found by HDBSCAN, named by keywords.")),
    ("Map", QT_TRANSLATE_NOOP("Guide", "Sentences in 2-D: hover, click, lasso, search.")),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Guide", text)


def is_dismissed(settings) -> bool:
    return str(settings.value(DISMISSED_KEY, "false")).lower() in ("true", "1", "yes")


def set_dismissed(settings, dismissed: bool) -> None:
    settings.set_value(DISMISSED_KEY, bool(dismissed))
    settings.sync()


class GuidePanel(QFrame):
    """The strip of page cards; emits ``page_requested(title)`` and ``dismissed``."""

    page_requested = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guidePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#guidePanel { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 4px; }"
            " QFrame[guideStep=\"true\"] { border: 1px solid transparent; border-radius: 4px; }"
            " QFrame[guideStep=\"true\"][current=\"true\"] { border: 1px solid palette(highlight);"
            " background: palette(base); }")
        self.buttons: dict[str, QToolButton] = {}
        self.cards: dict[str, QFrame] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 4, 4)
        row.setSpacing(2)
        from sbert_desktop.gui.i18n import page_title

        for i, (title, line) in enumerate(STEPS):
            line, shown = _tr(line), page_title(title)
            if i:
                arrow = QLabel("→")
                arrow.setStyleSheet("color: palette(mid);")
                row.addWidget(arrow)
            card = QFrame()
            card.setProperty("guideStep", True)
            card.setProperty("current", False)
            cv = QVBoxLayout(card)
            cv.setContentsMargins(4, 1, 4, 2)
            cv.setSpacing(0)
            card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button = QToolButton()
            button.setObjectName(f"guide_{title}")
            button.setText(f"{i + 1}. {shown}")
            button.setAutoRaise(True)
            button.setToolTip(QCoreApplication.translate("Guide", "Show the %1 page").replace("%1", shown))
            button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(lambda _checked=False, t=title: self.page_requested.emit(t))
            text = QLabel(line)
            text.setWordWrap(True)
            text.setToolTip(line)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            text.setFixedHeight(2 * text.fontMetrics().lineSpacing() + 2)  # two lines, never more
            cv.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            cv.addWidget(text)
            row.addWidget(card, 1)
            self.buttons[title] = button
            self.cards[title] = card
        self.close_button = QToolButton()
        self.close_button.setObjectName("guideClose")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("Guide", "Hide the guide (Help → Show guide brings it back)"))
        self.close_button.clicked.connect(self.dismissed.emit)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_current(self, title: str) -> None:
        for name, card in self.cards.items():
            card.setProperty("current", name == title)
            card.style().unpolish(card)
            card.style().polish(card)


class GuideDock(QDockWidget):
    """The guide in a title-less dock at the top of the main window."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("Guide", "Guide"), parent if parent is not None else window)
        self.setObjectName("guideDock")
        self.window_ = window
        self.panel = GuidePanel()
        self.setWidget(self.panel)
        self.setTitleBarWidget(QWidget())  # no title bar: the panel has its own close button
        self.setMaximumHeight(self.panel.sizeHint().height() + 4)  # a strip, not a share of the window
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.setAllowedAreas(Qt.DockWidgetArea.TopDockWidgetArea)
        self.panel.page_requested.connect(window.show_page)
        self.panel.dismissed.connect(self.dismiss)
        window.sidebar.currentRowChanged.connect(lambda _row: self.panel.set_current(window.current_page_title()))
        self.panel.set_current(window.current_page_title())

    def dismiss(self) -> None:
        """Hide the guide and remember it (it stays hidden in later sessions)."""
        set_dismissed(self.window_.state.settings, True)
        self.hide()


def guide_dock(window, create: bool = True) -> GuideDock | None:
    """The window's guide dock (created on first use, when ``create``)."""
    dock = window.findChild(GuideDock, "guideDock")
    if dock is None and create:
        dock = GuideDock(window)
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock)
    return dock


def show_guide(window) -> GuideDock:
    """Show the guide (Help → Show guide); it shows at start again until it is closed."""
    set_dismissed(window.state.settings, False)
    dock = guide_dock(window)
    dock.show()
    dock.panel.set_current(window.current_page_title())
    return dock


def show_guide_unless_dismissed(window) -> GuideDock | None:
    """At start: show the guide unless the person closed it in an earlier session."""
    if is_dismissed(window.state.settings):
        return None
    dock = guide_dock(window)
    dock.show()
    return dock
