"""The shipped Simplified Chinese must be complete and the program's default (that it is
compiled and covers every string, pyside6-lupdate and lrelease in a real process, is
tests/integration/ui/runtime/test_i18n.py)."""

from __future__ import annotations

from typing import Any

import pytest
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


def test_qt_file_dialog_speaks_chinese(qtbot: Any) -> None:
    """Qt's own file dialog (what 导出 and 导入 open): no English label, no English file type."""
    import re

    from helpers import ROOT
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView

    dialog = QFileDialog(None, "选择文件", str(ROOT / "resources"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    try:
        dialog.show()
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and not [t for t in labels if re.search(r"[A-Za-z]{3,}", t)], labels
        tree = dialog.findChild(QTreeView, "treeView")
        model = tree.model()
        qtbot.waitUntil(lambda: model.rowCount(tree.rootIndex()) > 0)
        kinds = {model.index(r, 2, tree.rootIndex()).data() for r in range(model.rowCount(tree.rootIndex()))}
        assert "文件夹" in kinds and "Folder" not in kinds
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers == ["名称", "体积", "类型", "修改日期"]
    finally:
        dialog.close()


def test_a_system_without_a_language_gets_the_programs_dates(monkeypatch: object) -> None:
    import os
    import sys

    from ui.runtime.i18n import prefer_local_dates

    mp: pytest.MonkeyPatch = monkeypatch  # type: ignore[assignment]
    mp.setattr(sys, "platform", "linux")
    for name in ("LC_ALL", "LC_TIME"):
        mp.delenv(name, raising=False)
    mp.setenv("LANG", "C.UTF-8")
    prefer_local_dates()
    assert os.environ["LC_TIME"] == "zh_CN.UTF-8"
    mp.delenv("LC_TIME")
    mp.setenv("LANG", "de_DE.UTF-8")  # a system with a language keeps it
    prefer_local_dates()
    assert "LC_TIME" not in os.environ


def test_dates_in_the_running_program_are_not_in_the_c_locale(qapp: object) -> None:
    """The test process imported ui first, as the program does: the system locale's dates."""
    import datetime as dt
    import os

    from PySide6.QtCore import QDateTime, QLocale

    if os.environ.get("LANG", "C").split(".")[0] not in ("", "C", "POSIX"):
        pytest.skip("the system has a language of its own")
    shown = QLocale.system().toString(QDateTime(dt.datetime(2026, 12, 1, 18, 2)), QLocale.FormatType.ShortFormat)
    assert shown == "2026/12/1 18:02"
