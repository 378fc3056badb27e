"""What the volunteer and social-worker dialogs share: a person plus a role record.

Typing an ID number already in the register either opens the existing record (the person
already holds this role) or fills the person's known fields in (saving adds the role to
the same person); editing sends only the fields that changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from registry.queries.editing import KnownPerson, Seen, SocialWorkerValues, VolunteerValues
from ui.dialogs.dialog import RecordDialog
from ui.dialogs.form import INFO_STYLE
from ui.dialogs.person import PERSON_KEYS, PersonFields
from ui.runtime.context import AppContext
from ui.runtime.i18n import translate


class RoleDialog(RecordDialog):
    role_flag = ""  # the field of a KnownPerson holding their record of this role, if any
    role_keys: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, title: str, record_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.record_id = record_id
        self.person = PersonFields(self.form, ctx.worker, ctx.actor, self._existing)
        self.original: dict[str, Any] = {}
        self.seen: Seen | None = None  # the versions the form was filled from: a stale save is refused

    def add_community(self) -> QComboBox:
        """所在社区: one of the register's communities, required when it has any (the core
        refuses a person without one); with none, the form says where they are added."""
        known = self.ctx.lookups.get("communities", [])
        combo = self.form.add_choice("community", translate("Forms", "Community *") if known
                                     else translate("Forms", "Community"), known,
                                     translate("Forms", "(choose the community)") if known else "")
        # a community chosen after the core refused the form answers that refusal
        combo.currentIndexChanged.connect(lambda _index: self.form.set_problems("community", []))
        if not known:
            combo.setEnabled(False)
            note = self.form.fields["community"].message
            note.setText(translate("Forms", "The register has no communities yet. An administrator adds them "
                                   "in System → Area settings; until then a person is saved without one."))
            note.setStyleSheet(INFO_STYLE)
            note.show()
        return combo

    def load(self, loader: Callable[[int, str], VolunteerValues | SocialWorkerValues]) -> None:
        """Fill the form from the stored record (call after adding the role's fields)."""
        if self.record_id is not None:
            self.person.watch_duplicates = False
            self.ctx.worker.call(loader, self.record_id, self.ctx.actor, on_done=self._loaded)

    def _loaded(self, stored: VolunteerValues | SocialWorkerValues) -> None:
        self.seen = stored.seen
        role = asdict(stored)
        del role["seen"]
        values = {**role.pop("person"), **role}  # the form's keys: the person's, then the role's
        self.original = {k: ("" if v is None else v) for k, v in values.items()}
        self.person.show_stored(self.original)
        self.form.set_values(values)
        self.person.watch_duplicates = True

    def already_holds_role(self, name: str) -> str:
        raise NotImplementedError

    def adds_role(self, name: str) -> str:
        raise NotImplementedError

    def _existing(self, found: KnownPerson, open_it: bool) -> None:
        if self.record_id is not None:
            return
        if getattr(found, self.role_flag) is not None:
            self.show_banner(self.already_holds_role(found.name))
            if open_it:
                self.duplicate_person(found.id, "")
            return
        self.show_banner(self.adds_role(found.name), "color: #2c5d8f;")
        for key, value in asdict(found.values).items():
            # the numbers come masked: the ID is the one typed, the phone stays as stored
            if key not in ("id_type", "id_number", "phone") and value and not self.form.value(key):
                self.form.set_value(key, value)

    def entered(self) -> dict[str, Any]:
        """All fields for a new record; for an edit, only those that changed."""
        data = self.form.values((*PERSON_KEYS, *self.role_keys))
        if self.record_id is None:
            return data
        return {k: v for k, v in data.items() if str(self.original.get(k, "")) != str(v or "")}
