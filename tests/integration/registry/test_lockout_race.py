"""Lockout under a race: 24 wrong passwords from 24 processes at the same moment. Before, 40
such guesses were all checked and left 3 failures and no lock. Now the count is taken under
the write lock: every guess is counted and audited, the account is locked once, and at most
MAX_FAILED passwords were ever checked."""

from __future__ import annotations

import pytest
from helpers.lockout import prepare, race

from registry.rules.permissions import MAX_FAILED

GUESSES = 24


@pytest.mark.slow
def test_parallel_wrong_passwords_lock_the_account_after_max_failed_checks(target, tmp_path):
    prepare(target)
    result = race(target, tmp_path, GUESSES)
    assert result.crashed == 0 and result.got_in == 0
    assert result.failed_entries == GUESSES  # every guess counted and audited, none lost
    assert result.checked <= MAX_FAILED  # the rest refused before the expensive check
    assert result.locked and result.lock_entries == 1
    assert result.failed_attempts == MAX_FAILED
