"""How a personal number leaves the core: masked, unless the viewer may see it in full and
asked to (an administrator's 显示完整号码, logged by ops.accounts.log_unmask). Every read
the program and the command line show goes through a Masker, so the masking rule that
applies to what a user sees lives here and in the rules it calls."""

from __future__ import annotations

from dataclasses import dataclass

from registry.queries.access import may
from registry.rules.idnumber import mask_id_number
from registry.rules.permissions import Action
from registry.rules.phone import mask_phone


@dataclass(frozen=True)
class Masker:
    full: bool = False  # numbers shown whole: only for a viewer with the unmask right

    def id_number(self, number: str | None) -> str:
        if not number:
            return ""
        return number if self.full else mask_id_number(number)

    def phone(self, number: str | None) -> str:
        if not number:
            return ""
        return number if self.full else mask_phone(number)


MASKED = Masker()


def masker_for(actor: str, *, reveal: bool = False) -> Masker:
    """Masked for everyone; whole only when `reveal` was asked and the actor may unmask."""
    return Masker(full=True) if reveal and may(actor, Action.UNMASK) else MASKED
