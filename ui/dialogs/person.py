"""The person part of volunteer and social-worker forms: the document number is checked by
its type (证件类型) as it is typed, birth date, sex and region are filled in from it where
the type carries them, and a document already in the register is noticed at once. Until
the clerk picks a type, a number whose form shows its type (810000…, 9…, H/M…) picks it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QPushButton

from registry.queries.editing import KnownPerson, person_holding
from registry.rules.documents import (
    DEFAULT_TYPE,
    DOC_TYPES,
    FORMAT_HINTS,
    NATIONALITY_TYPES,
    DocFacts,
    check_document,
    recognize,
)
from registry.rules.phone import check_phone
from registry.rules.problems import Problem
from registry.rules.vocab import EDUCATION_LEVELS, POLITICAL_STATUSES
from registry.texts import shown
from ui.dialogs.form import Form, choices
from ui.runtime.i18n import translate
from ui.runtime.worker import Worker

PERSON_KEYS = ("id_type", "id_number", "name", "phone", "ethnicity", "political_status", "education",
               "address", "nationality")


def id_problems(text: str, id_type: str = DEFAULT_TYPE, nationality: str = "") -> list[Problem]:
    return check_document(id_type, text, nationality=nationality)[1]


def _facts(id_type: str, text: str, nationality: str = "") -> DocFacts | None:
    return check_document(id_type, text, nationality=nationality)[0] if text.strip() else None


def phone_problems(text: str) -> list[Problem]:
    return check_phone(text, "phone")[1]


class PersonFields(QObject):
    """Adds the person fields to `form` and watches the ID number; `on_existing(person,
    open)` hears of a person already holding it (`open`: the clerk asked to open them)."""

    def __init__(self, form: Form, worker: Worker, actor: str,
                 on_existing: Callable[[KnownPerson, bool], None] | None = None) -> None:
        super().__init__(form)
        self.form, self.worker, self.actor, self.on_existing = form, worker, actor, on_existing
        self.existing: KnownPerson | None = None
        self.shown: dict[str, str] = {}  # the stored numbers as the form showed them: masked
        self.type_combo = form.add_choice("id_type", translate("Forms", "Document type"),
                                          [(t, shown(t)) for t in DOC_TYPES], empty=None)
        self.type_chosen = False  # once the clerk picks a type, the number no longer picks it
        self.type_combo.activated.connect(self._type_picked)  # the clerk's choice only
        self.type_combo.currentIndexChanged.connect(self._follow_type)  # any change, a stored record's too
        self.id_edit = form.add_text("id_number", translate("Forms", "Document number"), self._id_problems,
                                     shown(FORMAT_HINTS[DEFAULT_TYPE]))
        self.facts = form.add_info("id_facts", translate("Forms", "From the document number"))
        form.add_text("name", translate("Forms", "Name"))
        form.add_text("phone", translate("Forms", "Phone"), self._phone_problems)
        form.add_text("ethnicity", translate("Forms", "Ethnicity"))
        form.add_choice("political_status", translate("Forms", "Political status"),
                        choices(POLITICAL_STATUSES))
        form.add_choice("education", translate("Forms", "Education"), choices(EDUCATION_LEVELS))
        form.add_text("address", translate("Forms", "Address"))
        self.nationality_edit = form.add_text("nationality", translate("Forms", "Nationality"))
        self.nationality_edit.textChanged.connect(self._nationality_changed)
        self.open_button = QPushButton(translate("Forms", "Open the existing record"))
        self.open_button.setObjectName("open_existing")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_existing)
        form.layout_.addRow("", self.open_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._lookup)
        self.id_edit.textChanged.connect(self._id_changed)
        self.watch_duplicates = True
        self._asked = ""

    def show_stored(self, values: dict[str, str]) -> None:
        """Remember the numbers a stored record's form shows (masked), so leaving one as
        shown is no error: it keeps the stored number; a new one must be typed whole."""
        self.shown = {k: values[k] for k in ("id_number", "phone") if values.get(k)}
        self.type_chosen = True  # a stored record's type is the clerk's, not a guess

    def id_type(self) -> str:
        return str(self.type_combo.currentData() or DEFAULT_TYPE)

    def nationality(self) -> str:
        return self.nationality_edit.text().strip()

    def _type_picked(self, _index: int) -> None:
        self.type_chosen = True
        self.form.recheck("id_number")
        self._id_changed(self.id_edit.text())

    @Slot()
    def _follow_type(self) -> None:
        """The number's placeholder says the chosen type's form; the nationality asks to be
        filled for the types that need it."""
        id_type = self.id_type()
        self.id_edit.setPlaceholderText(shown(FORMAT_HINTS.get(id_type, "")))
        self.nationality_edit.setPlaceholderText(
            translate("Forms", "Required for this document") if id_type in NATIONALITY_TYPES else "")

    @Slot(str)
    def _nationality_changed(self, _text: str) -> None:
        if self.id_type() in NATIONALITY_TYPES and self.id_edit.text().strip():
            self.form.recheck("id_number")

    def _id_problems(self, text: str) -> list[Problem]:
        if text == self.shown.get("id_number"):
            return []
        return id_problems(text, self.id_type(), self.nationality())

    def _phone_problems(self, text: str) -> list[Problem]:
        return [] if text == self.shown.get("phone") else phone_problems(text)

    def _id_changed(self, text: str) -> None:
        if not self.type_chosen and text.strip():
            recognized = recognize(text).doc_type
            if recognized is not None and recognized != self.id_type():
                self.type_combo.setCurrentIndex(self.type_combo.findData(recognized))
                self.form.recheck("id_number")
        facts = _facts(self.id_type(), text, self.nationality())
        if facts is None:
            self.facts.setText("")
            self.open_button.hide()
            self.existing = None
            return
        self.facts.setText(_describe(facts))
        if facts.nationality and not self.nationality():
            self.nationality_edit.setText(facts.nationality)  # a 2017 foreign card says it
        if self.watch_duplicates:
            self._timer.start()

    def _lookup(self) -> None:
        id_type = self.id_type()
        facts = _facts(id_type, self.id_edit.text(), self.nationality())
        if facts is None:
            return
        number = facts.number
        self._asked = number
        self.worker.call(person_holding, number, self.actor, id_type,
                         on_done=lambda found: self._found(id_type, number, found))

    def _found(self, id_type: str, number: str, found: KnownPerson | None) -> None:
        facts = _facts(self.id_type(), self.id_edit.text(), self.nationality())
        if facts is None or (facts.doc_type, facts.number) != (id_type, number):
            return  # the clerk typed on meanwhile
        self.existing = found
        if found is None:
            self.open_button.hide()
            return
        self.form.set_problems("id_number", [Problem(
            "id.registered", "id_number", _info_severity(),
            translate("Forms", "Already in the register: {name}").format(name=found.name))])
        self.open_button.show()
        if self.on_existing is not None:
            self.on_existing(found, False)

    def _open_existing(self) -> None:
        if self.existing is not None and self.on_existing is not None:
            self.on_existing(self.existing, True)

    def values(self) -> dict[str, Any]:
        return self.form.values(PERSON_KEYS)


def _describe(facts: DocFacts) -> str:
    """What the number says, in the form's words: birth date and sex where the type carries
    them, the region (or the nationality) otherwise."""
    place = shown(facts.region_name) if facts.region_name else facts.nationality
    if facts.birth_date is None:
        return place
    return translate("Forms", "Born {date}, {sex}, {region}").format(
        date=facts.birth_date.isoformat(), sex=shown(facts.sex) if facts.sex else "",
        region=place or translate("Forms", "unknown region"))


def _info_severity() -> Any:
    from registry.rules.problems import Severity

    return Severity.WARNING
