"""What an empty register shows instead of empty tables: what to do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.runtime.i18n import translate
from ui.runtime.icons import icon


class WelcomePage(QWidget):
    def __init__(self, on_import: Callable[[], object], on_volunteer: Callable[[], object],
                 on_organization: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(translate("Welcome", "The register is empty"))
        title.setStyleSheet("font-size: 20pt; color: #2c5d8f;")
        text = QLabel(translate(
            "Welcome", "Start by importing the rosters you already keep in Excel: volunteers, "
            "social workers, organizations, hours and training. Or enter the first record by hand."))
        text.setWordWrap(True)
        text.setMaximumWidth(640)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        for name, label, slot in (
                ("welcome_import", translate("Welcome", "Import existing rosters…"), on_import),
                ("welcome_volunteer", translate("Welcome", "Add the first volunteer…"), on_volunteer),
                ("welcome_organization", translate("Welcome", "Add the first organization…"),
                 on_organization)):
            b = QPushButton(icon("import" if name == "welcome_import" else "new"), label)
            b.setObjectName(name)
            b.setMinimumWidth(320)
            b.setMinimumHeight(40)
            b.clicked.connect(slot)
            layout.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
