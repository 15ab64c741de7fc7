"""ISO 3166-1 alpha-2 countries and ISO 4217 currencies, from pycountry."""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def country_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-2 codes."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


@cache
def currency_codes() -> frozenset[str]:
    """All ISO 4217 alphabetic currency codes."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (upper case)."""
    return code in country_codes()


def is_currency(code: str) -> bool:
    """Whether ``code`` is an ISO 4217 alphabetic code (upper case)."""
    return code in currency_codes()


def country_name(code: str) -> str:
    """The English short name of a country, or the code itself when unknown."""
    found = pycountry.countries.get(alpha_2=code)
    return found.name if found else code


@cache
def country_choices() -> tuple[tuple[str, str], ...]:
    """(code, English name) pairs sorted by name, for forms."""
    return tuple(sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda p: p[1]))


#: Currencies offered first in forms; any ISO 4217 code is accepted.
COMMON_CURRENCIES = (
    "EUR",
    "USD",
    "GBP",
    "CHF",
    "PLN",
    "CZK",
    "SEK",
    "DKK",
    "NOK",
    "HUF",
    "RON",
    "BGN",
)
