"""Loading the user's language: our .qm translation plus Qt's own dialogs' strings."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from .assets import translation_path
from .domain.settings import LANGUAGES

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []

# Qt's own strings that its zh_CN translation (qtbase_zh_CN.qm) lacks: Qt 6 gave them a
# shortcut key and the translation still has them without. Declared here, they are in
# our .ts, and our translator (asked before Qt's) answers for Qt's dialogs.
QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)


def install_language(language: str) -> str:
    """Install the translators for *language* (``zh_CN`` or ``en``); returns the one used."""
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        log.warning("unknown language %r; using zh_CN", language)
        language = "zh_CN"
    # The locale first: removing a translator sends the language-change event, and
    # what redraws then (dates, a questionnaire's language) asks for the new locale.
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    _follow_locale(app)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return language  # the source strings are English
    # Qt's dialogs (file, print, message boxes, a field's context menu) in the same
    # language; installed first, so that ours, asked first, may answer for Qt too.
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    else:
        log.warning("no Qt translation for %s in %s", language, qt_dir)
    ours = QTranslator(app)
    if ours.load(str(translation_path(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.error("cannot load the %s translation from %s", language, translation_path(language))
    return language


def _follow_locale(app: QCoreApplication) -> None:
    """Give the open windows the new default locale: a widget takes its locale when it
    is made, so a date field's calendar would keep the old language's month names."""
    if not app.inherits("QApplication"):
        return  # the command line: no windows
    from PySide6.QtWidgets import QApplication

    for window in QApplication.topLevelWidgets():
        window.setLocale(QLocale())


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def domain_text(text: str) -> str:
    """A domain label (a tier, a purpose, a state: marked ``QT_TRANSLATE_NOOP("domain",
    …)`` where it is declared) in the user's language."""
    return QCoreApplication.translate("domain", text)
