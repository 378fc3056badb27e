"""What an empty register shows instead of empty tables: what to do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.runtime.i18n import translate
from ui.runtime.icons import icon

COLUMN_WIDTH = 640


class WelcomePage(QWidget):
    def __init__(self, on_import: Callable[[], object], on_volunteer: Callable[[], object],
                 on_organization: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(translate("Welcome", "The register is empty"))
        title.setObjectName("welcome_title")
        title.setStyleSheet("font-size: 20pt; color: #2c5d8f;")
        title.setWordWrap(True)
        text = QLabel(translate(
            "Welcome", "Start by importing the rosters you already keep in Excel: volunteers, "
            "social workers, organizations, hours and training. Or enter the first record by hand."))
        text.setObjectName("welcome_text")
        text.setWordWrap(True)
        # The texts fill a column of their own (no alignment flag in the layout): a wrapped
        # label given only its preferred size by an aligning layout loses lines top and bottom.
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(text)
        for name, label, slot in (
                ("welcome_import", translate("Welcome", "Import existing rosters…"), on_import),
                ("welcome_volunteer", translate("Welcome", "Add the first volunteer…"), on_volunteer),
                ("welcome_organization", translate("Welcome", "Add the first organization…"),
                 on_organization)):
            b = QPushButton(icon("import" if name == "welcome_import" else "new"), label)
            b.setObjectName(name)
            b.setMinimumHeight(40)
            b.clicked.connect(slot)
            inner.addWidget(b)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
