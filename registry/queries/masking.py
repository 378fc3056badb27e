"""How a personal number and a birth date leave the core: masked, unless the viewer may see
them in full and asked to (an administrator's 显示完整号码, logged by ops.accounts.log_unmask).
Every read the program and the command line show goes through a Masker, so the rule of
what a user may see (registry/rules/disclosure.py: no ID number narrowed below 1,000
candidates, no phone below 10,000, from all that is shown together) applies everywhere:
the numbers masked, and the birth date shown as its year only, since the whole date beside
the masked number would give most of it back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from registry.queries.access import may
from registry.rules.disclosure import birth_shown
from registry.rules.idnumber import mask_id_number
from registry.rules.permissions import Action
from registry.rules.phone import mask_phone


@dataclass(frozen=True)
class Masker:
    """Masks ID and phone numbers, unless the reader may see them whole."""

    full: bool = False  # numbers shown whole: only for a viewer with the unmask right

    def id_number(self, number: str | None) -> str:
        if not number:
            return ""
        return number if self.full else mask_id_number(number)

    def phone(self, number: str | None) -> str:
        if not number:
            return ""
        return number if self.full else mask_phone(number)

    def birth_date(self, born: dt.date | None) -> str:
        """"1993-04-05" whole, "1993年" masked, "" when unknown."""
        if born is None:
            return ""
        return born.isoformat() if self.full else birth_shown(born)


MASKED = Masker()


def masker_for(actor: str, *, reveal: bool = False) -> Masker:
    """Masked for everyone; whole only when `reveal` was asked and the actor may unmask."""
    return Masker(full=True) if reveal and may(actor, Action.UNMASK) else MASKED
