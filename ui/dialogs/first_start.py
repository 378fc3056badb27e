"""The first start: a short set-up before the window opens, for a register that does not
exist yet or that nobody has set up. Four pages: the district (the installer's district file
or one the program carries), this office's street, the first administrator (or working
without accounts) and where the register lives. Nothing is written until 完成; 取消 leaves
no register behind.

first_start() is the whole step, for the program's start and for a journey test."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from registry.ops.district import DistrictConfig, check_district, district_files
from registry.rules.permissions import check_password_strength
from ui.runtime.i18n import translate
from ui.runtime.settings import REGISTER_SETTING  # where the register chosen here is remembered
from ui.runtime.worker import Worker

ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class SetupChoices:
    target: str  # where the register lives
    district_file: Path | None
    config: DistrictConfig | None
    street_code: str
    admin_name: str  # "" : work without accounts
    admin_display_name: str
    admin_password: str


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class DistrictPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Setup", "Your district"))
        self.setSubTitle(translate("Setup", "The district file lists the district's streets and communities "
                                   "with their populations, and the rules the district uses."))
        self.files = QComboBox()
        self.files.setObjectName("setup_district")
        self.configs: list[tuple[Path, DistrictConfig | None, list[str]]] = []
        for path in district_files():
            self._add_file(path)
        choose = QPushButton(translate("Setup", "Another district file…"))
        choose.setObjectName("setup_district_file")
        choose.clicked.connect(self.choose_file)
        self.summary = _label("", "setup_district_summary")
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.files.currentIndexChanged.connect(self._chosen)
        self._chosen()

    def _add_file(self, path: Path) -> None:
        config, problems = check_district(path)
        label = (f"{config.full_name}（{path.name}）" if config is not None
                 else translate("Setup", "{file} (has problems)").format(file=path.name))
        self.configs.append((path, config, problems))
        self.files.addItem(label)

    @Slot()
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, translate("Setup", "Choose the district file"), "",
                                              translate("Setup", "District files (*.toml)"))
        if name:
            self.add_and_choose(Path(name))

    def add_and_choose(self, path: Path) -> None:
        self._add_file(path)
        self.files.setCurrentIndex(self.files.count() - 1)

    def chosen(self) -> tuple[Path | None, DistrictConfig | None]:
        index = self.files.currentIndex()
        if index < 0:
            return None, None
        path, config, _ = self.configs[index]
        return path, config

    def _chosen(self) -> None:
        index = self.files.currentIndex()
        if index < 0:
            self.summary.setText(translate(
                "Setup", "No district file came with the program. You can go on and add the streets and "
                         "communities later in System → Area settings."))
        else:
            _path, config, problems = self.configs[index]
            if config is None:
                self.summary.setText(translate("Setup", "This file cannot be used:") + "\n" + "\n".join(problems))
                self.summary.setStyleSheet(ERROR_STYLE)
            else:
                communities = sum(len(s.communities) for s in config.streets)
                self.summary.setStyleSheet("")
                text = translate("Setup", "{district}: {streets} streets, {communities} communities.").format(
                    district=config.full_name, streets=len(config.streets), communities=communities)
                if config.warnings:  # worth saying, not wrong: a rule the file chooses not yet in force
                    text += "\n" + "\n".join("⚠ " + w for w in config.warnings)
                self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        index = self.files.currentIndex()
        return index < 0 or self.configs[index][1] is not None


class StreetPage(QWizardPage):
    def __init__(self, district: DistrictPage) -> None:
        super().__init__()
        self.district = district
        self.setTitle(translate("Setup", "This office's street"))
        self.setSubTitle(translate("Setup", "One installer serves the whole district: choose the street this "
                                   "office works for. It issues the certificates and heads the window."))
        self.streets = QComboBox()
        self.streets.setObjectName("setup_street")
        self.issuer = _label("", "setup_issuer")
        form = QFormLayout(self)
        form.addRow(translate("Setup", "Street"), self.streets)
        form.addRow(translate("Setup", "Certificates are issued by"), self.issuer)
        self.streets.currentIndexChanged.connect(self._show_issuer)

    def initializePage(self) -> None:
        _path, config = self.district.chosen()
        self.streets.clear()
        if config is None:
            return
        for street in config.streets:
            self.streets.addItem(f"{street.name}（{street.code}）", street.code)
        self.streets.setCurrentIndex(max(0, self.streets.findData(config.default_street)))
        self._show_issuer()

    def _show_issuer(self) -> None:
        _path, config = self.district.chosen()
        street = next((s for s in config.streets if s.code == self.streets.currentData()), None) if config else None
        self.issuer.setText(f"{config.full_name}{street.name}办事处" if config and street else "")

    def street_code(self) -> str:
        return str(self.streets.currentData() or "")


class AccountPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(translate("Setup", "Who uses the program"))
        self.setSubTitle(translate("Setup", "The administrator adds the clerks' accounts later (System → "
                                   "Accounts). Each account's name is printed as the handler on certificates."))
        self.with_accounts = QRadioButton(translate("Setup", "Set up an administrator account (recommended)"))
        self.with_accounts.setObjectName("setup_with_accounts")
        self.without = QRadioButton(translate("Setup", "Work without accounts: everyone at this computer may do "
                                              "everything, and the handler on a certificate is typed each time"))
        self.without.setObjectName("setup_without_accounts")
        group = QButtonGroup(self)
        for button in (self.with_accounts, self.without):
            group.addButton(button)
        self.with_accounts.setChecked(True)
        self.name = QLineEdit()
        self.name.setObjectName("setup_admin_name")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("setup_admin_display_name")
        self.display_name.setPlaceholderText(translate("Setup", "e.g. 王芳"))
        self.password = QLineEdit()
        self.password.setObjectName("setup_admin_password")
        self.again = QLineEdit()
        self.again.setObjectName("setup_admin_password_again")
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = _label("", "setup_account_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.addRow(translate("Setup", "User name"), self.name)
        form.addRow(translate("Setup", "Your name (printed as handler)"), self.display_name)
        form.addRow(translate("Setup", "Password"), self.password)
        form.addRow(translate("Setup", "Password again"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.with_accounts)
        layout.addWidget(self.fields)
        layout.addWidget(self.without)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for edit in (self.name, self.display_name, self.password, self.again):
            edit.textChanged.connect(self._check)
        self.with_accounts.toggled.connect(self._check)
        self._check()

    def problem(self) -> str:
        if not self.with_accounts.isChecked():
            return ""
        if not self.name.text().strip():
            return translate("Setup", "Enter a user name for the administrator.")
        if not self.display_name.text().strip():
            return translate("Setup", "Enter the administrator's own name: it is printed as the handler.")
        weak = check_password_strength(self.password.text())
        if weak:
            return translate("Setup", "The password needs at least 8 characters.")
        if self.password.text() != self.again.text():
            return translate("Setup", "The two passwords differ.")
        return ""

    def _check(self) -> None:
        self.fields.setEnabled(self.with_accounts.isChecked())
        typed = any(e.text() for e in (self.name, self.display_name, self.password))
        self.message.setText(self.problem() if typed else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problem()


class LocationPage(QWizardPage):
    def __init__(self, target: str, exists: bool) -> None:
        super().__init__()
        self.exists = exists
        self.setTitle(translate("Setup", "Where the register lives"))
        self.setSubTitle(translate("Setup", "Finish creates the register here and opens the program."))
        self.path = QLineEdit(target)
        self.path.setObjectName("setup_location")
        self.path.setReadOnly(True)
        self.change = QPushButton(translate("Setup", "Change…"))
        self.change.setObjectName("setup_change_location")
        self.change.clicked.connect(self.choose)
        self.change.setVisible(not exists)
        note = (translate("Setup", "The register is already in this file; it stays there.") if exists else
                translate("Setup", "The register is one file on this computer. Choose a folder that is backed up "
                                   "and that only this office's staff can read. The program remembers it."))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.change)
        self.message = _label("", "setup_location_message")
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(_label(note))
        layout.addWidget(self.message)
        layout.addStretch(1)

    @Slot()
    def choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("Setup", "Where to keep the register"),
                                              self.path.text(), translate("Setup", "Registers (*.sqlite3)"))
        if name:
            self.set_location(name)

    def set_location(self, name: str) -> None:
        path = Path(name)
        if path.suffix.lower() not in (".sqlite3", ".sqlite", ".db"):
            path = path.with_name(path.name + ".sqlite3")
        self.path.setText(str(path))
        self.completeChanged.emit()

    def problem(self) -> str:
        if self.exists:
            return ""
        path = Path(self.path.text())
        if path.exists():
            return translate("Setup", "A file of this name is already there. Choose another name, or open that "
                                      "register with the --db option.")
        folder = next((p for p in (path.parent, *path.parent.parents) if p.exists()), None)
        if folder is None or not os.access(folder, os.W_OK):
            return translate("Setup", "The program may not write in this folder. Choose another one.")
        return ""

    def isComplete(self) -> bool:
        self.message.setText(self.problem())
        return not self.problem()


class SetupWizard(QWizard):
    """The set-up's pages; choices() holds what was chosen once it is accepted."""

    def __init__(self, target: str, *, exists: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_start")
        self.setWindowTitle(translate("Setup", "Setting up the Street Office Registry"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 420)
        self.district = DistrictPage()
        self.street = StreetPage(self.district)
        self.account = AccountPage()
        self.location = LocationPage(target, exists)
        for page in (self.district, self.street, self.account, self.location):
            self.addPage(page)
        for button, text in ((QWizard.WizardButton.BackButton, translate("Setup", "< Back")),
                             (QWizard.WizardButton.NextButton, translate("Setup", "Next >")),
                             (QWizard.WizardButton.FinishButton, translate("Setup", "Finish")),
                             (QWizard.WizardButton.CancelButton, translate("Setup", "Cancel"))):
            self.setButtonText(button, text)

    def choices(self) -> SetupChoices:
        path, config = self.district.chosen()
        with_accounts = self.account.with_accounts.isChecked()
        return SetupChoices(
            target=self.location.path.text(), district_file=path, config=config,
            street_code=self.street.street_code() if config is not None else "",
            admin_name=self.account.name.text().strip() if with_accounts else "",
            admin_display_name=self.account.display_name.text().strip() if with_accounts else "",
            admin_password=self.account.password.text() if with_accounts else "")


def apply_choices(choices: SetupChoices, installer: str) -> tuple[str, str | None]:
    """On the worker, with the register open: carry out the set-up; (actor, role)."""
    from registry.ops.setup import Administrator, set_up_register

    admin = (Administrator(choices.admin_name, choices.admin_display_name, choices.admin_password)
             if choices.admin_name else None)
    actor, role, _changes = set_up_register(installer, choices.config,
                                            choices.district_file.name if choices.district_file else "",
                                            choices.street_code, admin)
    return actor, role


def needs_setup_now() -> bool:
    from registry.queries.areas import needs_setup

    return needs_setup()


def first_start(worker: Worker, target: str, installer: str, *, opened: bool,
                wizard: Any = None) -> tuple[str, tuple[str, str | None] | None] | None:
    """The set-up, when the register at `target` is new (`opened` False: no file yet) or
    open and never set up. Returns (the register's target, the session (actor, role) it
    made, or None when no set-up was needed); None when the clerk cancelled. `wizard`: a
    callable taking the SetupWizard and returning whether it was accepted (a test's or a
    journey's driver; by default the clerk answers it)."""
    from ui.runtime import settings

    if opened and not worker.run_sync(needs_setup_now):
        return target, None
    dialog = SetupWizard(target, exists=opened)
    accepted = wizard(dialog) if wizard is not None else dialog.exec() == QWizard.DialogCode.Accepted
    if not accepted:
        return None
    choices = dialog.choices()
    if not opened:
        from registry.storage.lifecycle import open_database

        Path(choices.target).parent.mkdir(parents=True, exist_ok=True)
        worker.run_sync(lambda: open_database(choices.target))
        settings.settings().setValue(REGISTER_SETTING, choices.target)
    session = worker.run_sync(lambda: apply_choices(choices, installer))
    return choices.target, session
