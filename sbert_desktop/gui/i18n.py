"""The window's language: English or Korean, through Qt's translation system.

The language is, in order: ``sbert-desktop --lang ko|en``, ``$SBERT_DESKTOP_LANG``, the choice made
in View → Language (kept in the settings; applied at the next start), else the system locale
(Korean for a ``ko`` locale, English otherwise). For Korean, two translators are installed: the
project's own (``resources/i18n/sbert_desktop_ko.qm``, built from ``sbert_desktop_ko.ts`` by
``pyside6-lrelease``; ``scripts/setup.sh`` rebuilds it) and Qt's ``qtbase_ko.qm`` for standard
dialogs and buttons; ``QLocale.setDefault`` makes numbers and dates follow the language.

Every visible string of the window goes through ``translate(context, text)`` (an alias of
``QCoreApplication.translate`` that ``pyside6-lupdate`` recognises); texts with values use named
slots, ``translate("DataPage", "{n} rows").format(n=number(rows))``. ``number`` formats with the
locale. ``scripts/i18n_ko.py`` holds the Korean texts and rebuilds the ``.ts``/``.qm``;
``sbert_desktop/gui/visible_text.py`` finds strings left in English (tests/gui/test_i18n.py).
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator, QT_TRANSLATE_NOOP

LANGUAGES = {"en": "English", "ko": "한국어"}
SETTINGS_KEY = "language"
QM_NAME = "sbert_desktop_{lang}.qm"

#: page titles are keys in the code; only their display goes through this context
PAGE_TITLES = [
    QT_TRANSLATE_NOOP("Pages", "Data"), QT_TRANSLATE_NOOP("Pages", "Model"), QT_TRANSLATE_NOOP("Pages", "Train"),
    QT_TRANSLATE_NOOP("Pages", "Evaluate"), QT_TRANSLATE_NOOP("Pages", "Compare"),
    QT_TRANSLATE_NOOP("Pages", "Clusters"), QT_TRANSLATE_NOOP("Pages", "Map"),
]

translate = QCoreApplication.translate


def number(value, decimals: int | None = None) -> str:
    """``value`` as the window's locale writes it (grouping, decimal sign): 12,345 / 0.87."""
    locale = _locale()
    if decimals is None and float(value) == int(value):
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 2 if decimals is None else decimals)


def _locale() -> QLocale:
    """The default locale; the C locale (no grouping: ``12345``) reads as US English (``12,345``)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def date_time(timestamp: float) -> str:
    """A POSIX time as the window's locale writes a short date and time (2026. 12. 1. 오후 3:04)."""
    from PySide6.QtCore import QDateTime

    return _locale().toString(QDateTime.fromSecsSinceEpoch(int(timestamp)), QLocale.FormatType.ShortFormat)


_installed: list[QTranslator] = []
_current: list[str] = []  # the language installed in this process, once install_translators ran


def page_title(title: str) -> str:
    """A page's name as shown (translated); ``title`` stays the key everywhere else."""
    return QCoreApplication.translate("Pages", title)


def i18n_dirs() -> list[Path]:
    here = Path(__file__).resolve()
    return [here.parents[2] / "resources" / "i18n",                        # checkout / editable install
            Path(sys.prefix) / "share" / "sbert-desktop" / "i18n",          # wheel data files
            Path(site.getuserbase()) / "share" / "sbert-desktop" / "i18n"]  # pip install --user


def system_language() -> str:
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def choose_language(cli_lang: str | None = None, settings=None) -> str:
    for value in (cli_lang, os.environ.get("SBERT_DESKTOP_LANG"),
                  settings.value(SETTINGS_KEY, None) if settings is not None else None):
        if value and str(value) in LANGUAGES:
            return str(value)
    return system_language()


def install_translators(app, lang: str) -> list[str]:
    """Install the translators for ``lang`` on ``app`` (replacing earlier ones); returns the files loaded."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use {', '.join(LANGUAGES)}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[:] = [lang]
    if lang == "en":
        system = QLocale.system()
        english = system.language() in (QLocale.Language.English, QLocale.Language.C)
        QLocale.setDefault(system if english else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", [qt_dir])] + [(QM_NAME.format(lang=lang)[:-3], [str(d) for d in i18n_dirs()])]
    for name, dirs in candidates:
        for folder in dirs:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(str(Path(folder) / f"{name}.qm"))
                break
    return loaded


def current_language() -> str:
    """The language installed by :func:`install_translators` ("en" before any)."""
    return _current[0] if _current else "en"


def add_language_menu(window) -> None:
    """View → Language: English / 한국어 (checkable); the choice is saved and applies at the next start."""
    from PySide6.QtGui import QActionGroup
    from PySide6.QtWidgets import QMessageBox

    settings = window.state.settings
    current = _current[0] if _current else "en"  # what this window was built with
    window.view_menu.addSeparator()
    menu = window.view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    window.language_actions = {}
    for code, name in LANGUAGES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        window.language_actions[code] = action

    def chosen(action) -> None:
        code = action.data()
        settings.set_value(SETTINGS_KEY, code)
        settings.sync()
        if code != current:
            box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Language"),
                              QCoreApplication.translate("MainWindow", "Restart SBERT Desktop to switch the language."),
                              QMessageBox.StandardButton.Ok, window)
            box.setObjectName("languageRestart")
            box.open()
            window.language_notice = box

    group.triggered.connect(chosen)
