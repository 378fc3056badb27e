"""Loading the program's translations (Simplified Chinese by default) and Qt's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

translate = QCoreApplication.translate

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"  # ui/runtime/ → the top
_installed: list[QTranslator] = []


def tr_noop(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it yet: a typed
    QT_TRANSLATE_NOOP (whose stub returns object). Translate it where it is shown,
    with translate(context, text). pyside6-lupdate finds these texts because
    resources/translations/update_translations.py names tr_noop as an alias."""
    return text


def install_translations(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> bool:
    """Install the program's and Qt's translators for `language`; True when ours loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    loaded = ours.load(str(TRANSLATIONS_DIR / f"street_registry_{language}.qm"))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    if language != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    return loaded
