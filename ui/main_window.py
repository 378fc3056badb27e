"""The main window: navigation, sections, the search box, the status bar, shortcuts."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from registry.ops import Changes, Table
from registry.queries.about import Versions, versions
from registry.queries.areas import office_street_label
from registry.queries.lists import register_is_empty
from registry.queries.lookups import audit_actors, communities, open_organizations
from ui.runtime import settings
from ui.runtime.backups import AutoBackup
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate
from ui.runtime.icons import icon
from ui.runtime.permissions import load_permissions, role_label
from ui.sections.base import ListSection, Section
from ui.sections.catalog import BY_KEY, SECTION_KEYS, SECTIONS
from ui.widgets.search import SearchBox

if TYPE_CHECKING:
    from ui.sections.welcome import WelcomePage

PREFERRED_SIZE = (1366, 768)  # on a bigger screen; a smaller one is filled
RECORD_SECTIONS = {"organization": "organizations", "social_worker": "social_workers",
                   "volunteer": "volunteers", "training": "trainings", "certificate": "certificates"}
LOOKUP_TABLES = frozenset({Table.COMMUNITY, Table.STREET, Table.ORGANIZATION,
                           Table.AUDIT_ENTRY})  # the choices and the audit log's actors
EXPORT_FOR = {"volunteers": "volunteers", "social_workers": "social-workers",
              "organizations": "organizations", "hours": "hours", "trainings": "training-stats",
              "certificates": "certificates", "audit": "audit"}


class Sections(Mapping[str, Section]):
    """The window's sections by key, all of them, in the navigation's order; each is
    imported and built when first asked for (`window.sections[key]`), which showing it does.
    `built()`: the ones built so far, which alone have anything to refresh or save."""

    def __init__(self, build: Callable[[str], Section]) -> None:
        self._build = build
        self._built: dict[str, Section] = {}

    def __getitem__(self, key: str) -> Section:
        section = self._built.get(key)
        if section is None:
            if key not in BY_KEY:
                raise KeyError(key)
            section = self._built[key] = self._build(key)
        return section

    def __contains__(self, key: object) -> bool:
        return key in BY_KEY

    def __iter__(self) -> Iterator[str]:
        return iter(SECTION_KEYS)

    def __len__(self) -> int:
        return len(SECTION_KEYS)

    def built(self) -> list[Section]:
        return list(self._built.values())


def load_lookups() -> dict[str, Any]:
    """On the worker: the filter boxes' choices, and whether the register is still empty."""
    return {"communities": communities(), "organizations": open_organizations(),
            "actors": audit_actors(), "empty": register_is_empty()}


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, empty: bool = False, *, auto_backup: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.empty = empty
        self.backups = AutoBackup(ctx, self, enabled=auto_backup)
        self._show_office("")
        self.reload_office()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(220)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self.sections = Sections(self._build_section)
        for entry in SECTIONS:
            item = QListWidgetItem(icon(entry.key), entry.title())
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.nav.addItem(item)
        self._welcome: WelcomePage | None = None  # built when an empty register first shows it
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.search = SearchBox(ctx.worker, self, actor=lambda: self.ctx.actor,
                                may_unmask=lambda: self.ctx.may("unmask"))
        self.search.person_chosen.connect(self.open_person)
        refresh = QPushButton(icon("refresh"), translate("Main", "Refresh (F5)"))
        refresh.setObjectName("refresh")
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.search)
        top.addStretch(1)
        top.addWidget(self._admin_button())
        top.addWidget(refresh)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1100])
        settings.restore_splitter("main", self.splitter)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_text")
        self.statusBar().addWidget(self.status_label, 1)
        self.where = QLabel()
        self.where.setObjectName("where")
        self.statusBar().addPermanentWidget(self.where)
        self._show_user()

        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self.new_record)
        QShortcut(QKeySequence("Ctrl+E"), self).activated.connect(self.export_current)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.search.results.hide)
        ctx.hub.changed.connect(self.on_changes)
        ctx.hub.open_person.connect(self.open_person)
        ctx.hub.open_record.connect(self.open_record)
        ctx.hub.permissions_changed.connect(self._permissions_changed)
        ctx.hub.lookups_changed.connect(self._nothing)
        if not settings.restore_geometry("main", self):
            settings.size_for_screen(self, QSize(*PREFERRED_SIZE))
        self._fitted = False
        # an empty register opens on what to do first, whichever section was used last
        start = "volunteers" if empty else str(settings.settings().value("main/section", "volunteers"))
        self.show_section(start if start in self.sections else "volunteers")

    def _nothing(self) -> None:
        pass

    def _build_section(self, key: str) -> Section:
        entry = BY_KEY[key]
        cls: type[Section] = getattr(importlib.import_module(f"ui.sections.{entry.module}"), entry.class_name)
        section = cls(self.ctx)
        self.stack.addWidget(section)
        section.status_changed.connect(self._update_status)
        return section

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the window manager's frame is known once the window is up
            self._fitted = True
            for delay in (0, 300):
                QTimer.singleShot(delay, self, lambda: settings.fit_on_screen(self))

    # --- the administration menu, who is working ------------------------------------------

    def _menu_action(self, name: str, icon_name: str, text: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.admin_menu.addAction(action)
        return action

    def _admin_button(self) -> QToolButton:
        self.admin_menu = QMenu(self)
        self.backup_action = self._menu_action("backup_action", "save",
                                               translate("Main", "Backup and restore…"), self.manage_backups)
        self.accounts_action = self._menu_action("accounts_action", "users-cog",
                                                 translate("Main", "Accounts…"), self.manage_accounts)
        self.settings_action = self._menu_action("settings_action", "cog", translate("Main", "Register settings…"),
                                                 self.register_settings)
        self.areas_action = self._menu_action("areas_action", "cog", translate("Main", "Area settings…"),
                                              self.area_settings)
        self.admin_menu.addSeparator()  # below: for anyone logged in, about themselves
        self.password_action = self._menu_action("password_action", "key", translate("Main", "Change my password…"),
                                                 self.change_password)
        self.switch_user_action = self._menu_action("switch_user_action", "switch_user",
                                                    translate("Main", "Switch user…"), self.switch_user)
        self.admin_menu.addSeparator()  # below: for everyone, and for support staff on the phone
        self.about_action = self._menu_action("about_action", "about", translate("Main", "About…"), self.about)
        b = QToolButton()
        b.setObjectName("admin_menu")
        b.setText(translate("Main", "System"))
        b.setIcon(icon("cog"))
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        b.setMenu(self.admin_menu)
        self._permissions_changed()
        return b

    def _permissions_changed(self) -> None:
        self.accounts_action.setVisible(self.ctx.may("user_add"))
        self.settings_action.setVisible(self.ctx.may("set_preset"))
        self.areas_action.setVisible(self.ctx.may("areas"))
        for action in (self.password_action, self.switch_user_action):  # only with accounts
            action.setVisible(self.ctx.role is not None)
        if self._welcome is not None:
            self._welcome_permissions(self._welcome)
        if hasattr(self, "where"):
            self._show_user()

    def _welcome_permissions(self, page: QWidget) -> None:
        for name, needed in (("welcome_import", "import"), ("welcome_volunteer", "create"),
                             ("welcome_organization", "create")):
            found = page.findChild(QPushButton, name)
            if found is not None:
                found.setEnabled(self.ctx.may(needed))

    @property
    def welcome(self) -> WelcomePage:
        """What an empty register shows instead of its lists: built when first shown."""
        if self._welcome is None:
            from ui.sections.welcome import WelcomePage

            self._welcome = WelcomePage(lambda: self.show_section("import"), self._first_volunteer,
                                        self._first_organization)
            self.stack.addWidget(self._welcome)
            self._welcome_permissions(self._welcome)
        return self._welcome

    def showing_welcome(self) -> bool:
        return self._welcome is not None and self.stack.currentWidget() is self._welcome

    def _show_user(self) -> None:
        user = (translate("Main", "{actor} ({role})").format(actor=self.ctx.actor, role=role_label(self.ctx.role))
                if self.ctx.role else self.ctx.actor)
        self.where.setText(translate("Main", "User: {actor}    Register: {db}").format(
            actor=user, db=self.ctx.database_label))

    def manage_accounts(self) -> None:
        if self.ctx.may("user_add"):
            from ui.dialogs.accounts import AccountsDialog

            AccountsDialog(self.ctx, self).exec()

    @Slot()
    def change_password(self) -> None:
        if self.ctx.role is not None:
            from ui.dialogs.accounts import change_my_password

            change_my_password(self.ctx, self)

    @Slot()
    def switch_user(self) -> None:
        """Hand the program to another account (a colleague at the same desk) without
        closing it. Cancelled: the current account stays."""
        if self.ctx.role is None:
            return
        from ui.dialogs.login import ask_login

        result = ask_login(self.ctx.worker, self, note=translate(
            "Main", "Log in as another account. The current one ({actor}) stays logged in if you "
                    "cancel.").format(actor=self.ctx.actor))
        if result is None:
            return
        self.ctx.actor, self.ctx.role = result
        self.reload_permissions()

    @Slot()
    def about(self) -> None:
        """The versions support staff ask for first: the program's, the register's schema's,
        the database library's."""
        self.ctx.worker.call(versions, on_done=self._show_about)

    def _show_about(self, found: Versions) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, translate("Main", "About Street Office Registry"),
                          "\n".join(found.lines()), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("about_box")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to read out or copy
        box.exec()

    def register_settings(self) -> None:
        if self.ctx.may("set_preset"):
            from ui.dialogs.register_settings import RegisterSettingsDialog

            RegisterSettingsDialog(self.ctx, self).exec()

    @Slot()
    def area_settings(self) -> None:
        if self.ctx.may("areas"):
            from ui.dialogs.areas import AreasDialog

            AreasDialog(self.ctx, self).exec()

    def reload_office(self) -> None:
        self.ctx.worker.call(office_street_label, on_done=self._show_office)

    def _show_office(self, office: str) -> None:
        """The title names the street this office works for, as chosen at set-up."""
        title = translate("Main", "Street Office Registry")
        self.setWindowTitle(f"{title} — {office}" if office else title)

    def manage_backups(self) -> None:
        from ui.dialogs.backups import BackupDialog

        BackupDialog(self.ctx, self.backups, self).exec()

    def reload_permissions(self) -> None:
        def done(found: dict[str, Any]) -> None:
            self.ctx.role, self.ctx.permissions = found["role"], found["permissions"]
            self.ctx.hub.permissions_changed.emit()
        actor = self.ctx.actor
        self.ctx.worker.call(load_permissions, actor, on_done=done)

    # --- navigation ---------------------------------------------------------------------

    def current_section(self) -> Section:
        key = self.nav.currentItem().data(Qt.ItemDataRole.UserRole) if self.nav.currentItem() else "volunteers"
        return self.sections[key]

    def show_section(self, key: str) -> Section:
        row = SECTION_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self._nav_changed(row)
        return self.sections[key]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        section = self.sections[SECTION_KEYS[row]]
        if self.empty and isinstance(section, ListSection) and section.key != "audit":
            self.stack.setCurrentWidget(self.welcome)
        else:
            self.stack.setCurrentWidget(section)
        section.activate()
        self._update_status()

    def _update_status(self) -> None:
        section = self.current_section()
        if self.showing_welcome():
            self.status_label.setText(translate("Main", "The register is empty"))
        else:
            self.status_label.setText(f"{section.title()}：{section.status_text()}")

    # --- actions ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_record(self) -> None:
        if not self.ctx.may("create"):
            return
        section = self.current_section()
        if self.showing_welcome():
            self._first_volunteer()
        else:
            section.new_record()

    def export_current(self) -> None:
        from ui.sections.export import ExportSection

        section = self.current_section()
        export = self.sections["export"]
        assert isinstance(export, ExportSection)
        roster = EXPORT_FOR.get(section.key)
        community = section.filters().get("community") if isinstance(section, ListSection) else None
        self.show_section("export")
        if roster:
            export.select_roster(roster, community)

    def refresh(self) -> None:
        self.reload_lookups()
        section = self.current_section()
        if section.activated_once:
            section.refresh()

    def _first_volunteer(self) -> None:
        from ui.dialogs.volunteer import VolunteerDialog

        VolunteerDialog(self.ctx, None, self).exec()

    def _first_organization(self) -> None:
        from ui.dialogs.organization import OrganizationDialog

        OrganizationDialog(self.ctx, None, self).exec()

    def reload_lookups(self) -> None:
        def done(values: dict[str, Any]) -> None:
            was_empty = self.empty
            self.empty = bool(values.pop("empty"))
            self.ctx.lookups.update(values)
            self.ctx.hub.lookups_changed.emit()
            if was_empty != self.empty:
                self._nav_changed(self.nav.currentRow())
        self.ctx.worker.call(load_lookups, on_done=done)

    def on_changes(self, changes: Changes) -> None:
        if changes.nothing_changed:
            return
        for section in self.sections.built():
            section.on_changes(changes)
        if self.empty or changes.touches(LOOKUP_TABLES):
            self.reload_lookups()
        if changes.touches({Table.SETTING, Table.STREET, Table.DISTRICT}):
            self.reload_office()
        if changes.touches({Table.ACCOUNT}):
            self.reload_permissions()

    def open_record(self, table: str, record_id: int) -> None:
        """Show one record in its section (from the deadlines, for instance)."""
        key = RECORD_SECTIONS.get(table)
        if key is None:
            return
        section = self.show_section(key)
        if isinstance(section, ListSection):
            section.show_record(record_id)

    def open_person(self, person_id: int) -> None:
        from registry.queries.search import PersonRoles, roles_of

        def done(roles: PersonRoles) -> None:
            volunteer, worker = roles.volunteer, roles.social_worker
            if volunteer is not None:
                section = self.show_section("volunteers")
            elif worker is not None:
                section = self.show_section("social_workers")
            else:
                QMessageBox.information(self, translate("Main", "Person"),
                                        translate("Main", "This person holds no volunteer or social "
                                                  "worker role yet."))
                return
            assert isinstance(section, ListSection)
            section.view.setFocus()  # first: taking the focus may make the first row current
            section.show_record(volunteer if volunteer is not None else worker)
        self.ctx.worker.call(roles_of, person_id, on_done=done)

    # --- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.backups.at_close()
        settings.save_geometry("main", self)
        settings.save_splitter("main", self.splitter)
        settings.settings().setValue("main/section", self.current_section().key)
        for section in self.sections.built():
            section.save_state()
        super().closeEvent(event)
