"""Loading the program's translations (Simplified Chinese by default) and Qt's own."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from registry.texts import set_language as set_core_language

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


# Texts of Qt's own file dialog that Qt's Simplified Chinese (qtbase_zh_CN) lacks: the
# mnemonics changed in Qt 6, and the icon provider's file types were never translated.
QT_MISSING_ZH: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
}


class QtSupplement(QTranslator):
    """The few Qt texts qtbase_zh_CN leaves in English."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts = texts

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None is Qt's null string, "not here": the next translator is asked ("" would be
        # taken as the translation)
        return self.texts.get((context, source))

    def isEmpty(self) -> bool:
        return not self.texts


def prefer_local_dates(language: str = DEFAULT_LANGUAGE) -> None:
    """Before Qt first reads the system's locale: where the system has no language of its
    own (LANG=C, as on a bare Linux desktop), Qt's file dialogs would date files
    "1 12 2026 18:02"; they follow the system's locale, so give its dates the program's
    default language (2026/12/1, readable in English too). Windows keeps its own."""
    if sys.platform == "win32":
        return
    current = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG") or ""
    if current.split(".")[0] in ("", "C", "POSIX"):
        os.environ["LC_TIME"] = f"{language}.UTF-8"


def install_translations(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> bool:
    """Install the program's and Qt's translators for `language`; True when ours loaded."""
    set_core_language(language)  # one switch: the core's messages speak the same language
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
    if language == "zh_CN":  # installed last, so asked first: only what Qt's own lacks
        supplement = QtSupplement(QT_MISSING_ZH, app)
        app.installTranslator(supplement)
        _installed.append(supplement)
    return loaded
