"""Problems found while checking input: the one vocabulary of the rules, the operations,
the importer and the forms."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # blocks saving: it would corrupt the register
    WARNING = "warning"  # shown, never blocks: real data breaks these checks


@dataclass(frozen=True)
class Problem:
    """Something wrong (or doubtful) with a field, said in plain Chinese."""

    code: str  # stable identifier, e.g. "id.checksum"
    field: str  # the field the problem belongs to, e.g. "id_number"
    severity: Severity
    message: str  # plain Simplified Chinese, for the clerk

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(code: str, field: str, message: str) -> Problem:
    return Problem(code, field, Severity.ERROR, message)


def warning(code: str, field: str, message: str) -> Problem:
    return Problem(code, field, Severity.WARNING, message)


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    return any(p.is_error for p in problems)


class RegistryError(Exception):
    """A failure the clerk can act on; str() is a plain Chinese sentence."""


class ValidationError(RegistryError):
    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("；".join(p.message for p in self.problems if p.is_error))


class NotFoundError(RegistryError):
    pass


class NotAllowedError(RegistryError):
    """The actor's role does not allow the action."""
