"""Payment cards: issuer ranges, the Luhn check and what is kept of a number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from crex.core.observables.cards import card_brand, card_value, luhn_holds


@pytest.mark.parametrize(
    ("number", "brand"),
    [
        ("4111111111111111", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard"),
        ("378282246310005", "amex"),
        ("6011111111111117", "discover"),
        ("3530111333300000", "jcb"),
        ("4111111111111112", None),  # Luhn fails
        ("9111111111111111", None),  # no issuer starts with 9
        ("41111111111111111", None),  # Visa has no 17-digit numbers
        ("٤١١١١١١١١١١١١١١١", None),  # digits, but not ASCII ones
    ],
)
def test_card_brand(number: str, brand: str | None) -> None:
    assert card_brand(number) == brand


@given(st.from_regex(r"[0-9]{1,19}", fullmatch=True))
def test_luhn_agrees_with_python_stdnum(digits: str) -> None:
    assert luhn_holds(digits) == luhn.is_valid(digits)


def test_only_bin_last_four_and_a_keyed_hash_are_kept() -> None:
    value, display = card_value("4111111111111111", b"key")
    assert value.startswith("411111:1111:")
    assert len(value) == 32
    assert display == "411111…1111"
    assert "4111111111111111" not in value + display
    assert card_value("4111111111111111", b"other key")[0] != value
