"""Checks run while typing: pure functions of registry/ (no database)."""

from __future__ import annotations

from collections.abc import Callable

from registry.rules.fields import clean_date, clean_decimal, clean_int
from registry.rules.problems import Problem
from registry.rules.uscc import check_uscc


def date_check(key: str, label: str) -> Callable[[str], list[Problem]]:
    return lambda text: clean_date(text, key, label)[1]


def decimal_check(key: str, label: str) -> Callable[[str], list[Problem]]:
    return lambda text: clean_decimal(text, key, label)[1]


def int_check(key: str, label: str) -> Callable[[str], list[Problem]]:
    return lambda text: clean_int(text, key, label)[1]


def uscc_check(text: str) -> list[Problem]:
    return check_uscc(text, "uscc")[1]
