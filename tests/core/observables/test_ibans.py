"""crex's IBAN check gives python-stdnum's answer, without its per-call registry lookup."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban

from crex.core.observables.ibans import iban_value


def stdnum_value(compact: str) -> str | None:
    """python-stdnum's verdict on an upper-case IBAN without spaces."""
    return compact if stdnum_iban.is_valid(compact) else None


@pytest.mark.parametrize(
    "value",
    [
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "NO9386011117947",  # the shortest
        "ES9121000418450200051332",  # Spain: national check digits too
        "BE71096123456769",  # Belgium: national check digits and bank code too
    ],
)
def test_valid_ibans(value: str) -> None:
    assert iban_value(value) == value == stdnum_value(value)


@pytest.mark.parametrize(
    "value",
    [
        "DE89370400440532013001",  # checksum
        "DE8937040044053201300",  # one digit short for Germany
        "XX89370400440532013000",  # no such country
        "ES9121000418450200051331",  # checksum
        "BE68539007547034",  # mod 97 holds, but no Belgian bank has the code 539
        "DE89 3704 0044 0532 0130 00",  # not compact
        "",
    ],
)
def test_invalid_ibans(value: str) -> None:
    assert iban_value(value) is None


def random_iban(rng: random.Random, mangle: bool) -> str:
    """A random IBAN-shaped string for a registered country, valid unless ``mangle``."""
    country = rng.choice(["AT", "BE", "DE", "ES", "FR", "GB", "IT", "NL", "NO", "PL", "PT"])
    length = {"AT": 16, "BE": 12, "DE": 18, "ES": 20, "FR": 23, "GB": 18, "IT": 23}.get(
        country, rng.randint(11, 24)
    )
    bban = "".join(rng.choice("0123456789") for _ in range(length))
    if country == "GB":
        bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + bban[4:]
    value = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
    if mangle:
        position = rng.randrange(len(value))
        value = value[:position] + rng.choice("0123456789AZ") + value[position + 1 :]
    return value


@settings(max_examples=300)
@given(st.randoms(use_true_random=False), st.booleans())
def test_agrees_with_python_stdnum(rng: random.Random, mangle: bool) -> None:
    value = random_iban(rng, mangle)
    assert iban_value(value) == stdnum_value(value)
