"""Loading the user's language: our .qm translation plus Qt's own dialogs' strings."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .assets import translation_path
from .domain.settings import LANGUAGES

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def install_language(language: str) -> str:
    """Install the translators for *language* (``zh_CN`` or ``en``); returns the one used."""
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        log.warning("unknown language %r; using zh_CN", language)
        language = "zh_CN"
    # The locale first: removing a translator sends the language-change event, and
    # what redraws then (dates, a questionnaire's language) asks for the new locale.
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return language  # the source strings are English
    ours = QTranslator(app)
    if ours.load(str(translation_path(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.error("cannot load the %s translation from %s", language, translation_path(language))
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return language


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
