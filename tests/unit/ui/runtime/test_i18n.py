"""The shipped Simplified Chinese must be complete and the program's default (that it is
compiled and covers every string, pyside6-lupdate and lrelease in a real process, is
tests/integration/ui/runtime/test_i18n.py)."""

from __future__ import annotations

from helpers.translations import TRANSLATIONS, messages


def test_no_unfinished_simplified_chinese_entries() -> None:
    bad = [(ctx, src) for ctx, src, tr in messages(TRANSLATIONS / "street_registry_zh_CN.ts")
           if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
           or not (tr.text or "").strip()]
    assert bad == [], f"untranslated zh_CN entries: {bad}"


def test_chinese_is_the_default_and_english_selectable(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.runtime.i18n import install_translations

    try:
        assert install_translations(qapp, "en")  # type: ignore[arg-type]
        assert QCoreApplication.translate("Sections", "Volunteers") == "Volunteers"
    finally:
        install_translations(qapp, "zh_CN")  # type: ignore[arg-type]
    assert QCoreApplication.translate("Sections", "Volunteers") == "志愿者"
    assert QCoreApplication.translate("Stats", "Statistics") == "统计"
