"""Human reference numbers for reports: ``CR-2026-0000123-K``.

The check character is ISO 7064 MOD 37,36 over year and sequence (via python-stdnum),
so a mistyped digit or two swapped digits are caught before any lookup.
"""

from __future__ import annotations

import re

from stdnum.iso7064 import mod_37_36

PREFIX = "CR"
_PATTERN = re.compile(r"^CR-(\d{4})-(\d{7,})-([0-9A-Z])$")


def format_reference(year: int, sequence: int) -> str:
    """The reference for the ``sequence``-th report of ``year``."""
    if not 1000 <= year <= 9999 or sequence < 1:
        raise ValueError("year must have four digits and sequence be positive")
    body = f"{year:04d}{sequence:07d}"
    return f"{PREFIX}-{year:04d}-{sequence:07d}-{mod_37_36.calc_check_digit(body)}"


def normalise_reference(text: str) -> str:
    """Upper-case and trim a reference typed by a person (spaces removed)."""
    return re.sub(r"\s+", "", text).upper()


def is_valid_reference(text: str) -> bool:
    """Whether ``text`` is a well-formed reference with a correct check character."""
    match = _PATTERN.match(normalise_reference(text))
    if not match:
        return False
    year, sequence, check = match.groups()
    return mod_37_36.calc_check_digit(year + sequence) == check
