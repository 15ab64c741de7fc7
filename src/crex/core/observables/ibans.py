"""IBANs: the ISO 13616 check, with python-stdnum's registry read once per country.

``stdnum.iban.validate`` looks the country up in its registry database and builds the
pattern of the national part (BBAN) on every call, which costs more than the rest of
the check; free text can hold many IBANs. Here the registry entry and the country
module of each country are read from python-stdnum once and kept, and the mod-97
checksum is computed on the number directly. The result is the same as
``stdnum.iban.validate`` (a test compares the two).
"""

from __future__ import annotations

import re
import string
from functools import cache

from stdnum import numdb
from stdnum.util import NumberValidationModule, get_cc_module

_REGISTRY = numdb.get("iban")
# Each letter stands for two digits in the mod-97 check: A = 10 ... Z = 35.
_AS_DIGITS = str.maketrans({c: str(i) for i, c in enumerate(string.ascii_uppercase, 10)})
_PART = re.compile(r"([1-9][0-9]*)!([nac])")
_CHARACTERS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Za-z0-9]"}


def _bban_pattern(structure: str) -> re.Pattern[str]:
    """A pattern for a registry structure such as ``8!n10!n`` (8 digits, 10 digits)."""
    return re.compile(_PART.sub(lambda part: f"{_CHARACTERS[part[2]]}{{{part[1]}}}", structure))


@cache
def _country(code: str) -> tuple[re.Pattern[str], NumberValidationModule | None] | None:
    """The BBAN pattern and national check module of a country, or None if it has no IBAN."""
    if not code.isalpha():
        return None
    entry = _REGISTRY.info(code)[0][1]
    if not entry.get("bban"):
        return None
    return _bban_pattern(entry["bban"]), get_cc_module(code.lower(), "iban")


def iban_value(compact: str) -> str | None:
    """``compact`` (upper case, no spaces) if it is a valid IBAN, else None.

    Checks the ISO 13616 mod-97 checksum, the country's registered BBAN structure and,
    for countries that have them, the national check digits.
    """
    if not 5 <= len(compact) <= 34 or not compact.isascii() or not compact.isalnum():
        return None
    country = _country(compact[:2])
    if country is None:
        return None
    pattern, module = country
    if pattern.fullmatch(compact, 4) is None:
        return None
    if int((compact[4:] + compact[:4]).translate(_AS_DIGITS)) % 97 != 1:
        return None
    if module is not None and not module.is_valid(compact):
        return None
    return compact
