"""Made-up identifiers pass crex's own validation, so the demo files them like real ones."""

from __future__ import annotations

import ipaddress
import random

import phonenumbers
import pytest

from crex.core.observables import ObservableType, detect_wallet, normalise
from crex.demo import values

COUNTRIES = ["NL", "DE", "FR", "BE", "ES", "IT", "PL", "AT", "LT", "IE", "GB", "CH", "LU", "CY"]


@pytest.mark.parametrize("country", COUNTRIES)
def test_ibans_have_valid_check_digits_for_their_country(country: str) -> None:
    rng = random.Random(country)
    for _ in range(25):
        number = values.random_iban(rng, country)
        assert number.startswith(country)
        assert normalise("iban", number).value == number


def test_a_country_without_iban_is_refused() -> None:
    with pytest.raises(ValueError, match="US"):
        values.random_iban(random.Random(1), "US")


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("mobile", [True, False])
def test_phone_numbers_are_valid_for_their_country(country: str, mobile: bool) -> None:
    rng = random.Random(f"{country}{mobile}")
    for _ in range(10):
        number = values.random_phone(rng, country, mobile=mobile)
        parsed = phonenumbers.parse(number)
        assert phonenumbers.is_valid_number(parsed)
        assert phonenumbers.region_code_for_number(parsed) == country
        is_mobile = phonenumbers.number_type(parsed) in {
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        }
        assert is_mobile == mobile
        assert normalise("phone-number", number).value == number


@pytest.mark.parametrize("kind", ["p2pkh", "p2sh", "p2wpkh"])
def test_bitcoin_addresses_have_correct_checksums(kind: str) -> None:
    rng = random.Random(kind)
    prefix = {"p2pkh": "1", "p2sh": "3", "p2wpkh": "bc1q"}[kind]
    for _ in range(50):
        address = values.random_bitcoin(rng, kind)
        assert address.startswith(prefix)
        assert detect_wallet(address).type is ObservableType.BITCOIN


def test_a_bitcoin_address_with_one_character_changed_is_rejected() -> None:
    address = values.random_bitcoin(random.Random(7), "p2pkh")
    changed = address[:-1] + ("2" if address[-1] != "2" else "3")
    with pytest.raises(ValueError):
        normalise("bitcoin", changed)


def test_unknown_bitcoin_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="taproot"):
        values.random_bitcoin(random.Random(1), "taproot")


def test_ethereum_and_monero_addresses_are_recognised() -> None:
    rng = random.Random(3)
    assert detect_wallet(values.random_ethereum(rng)).type is ObservableType.ETHEREUM
    assert detect_wallet(values.random_monero(rng)).type is ObservableType.MONERO


def test_ip_addresses_come_from_documentation_ranges() -> None:
    rng = random.Random(4)
    for _ in range(200):
        address = ipaddress.ip_address(values.random_ipv4(rng))
        assert any(address in net for net in values.IPV4_DOCUMENTATION)
    assert ipaddress.ip_address(values.random_ipv6(rng)) in values.IPV6_DOCUMENTATION


def test_hashes_and_onion_hosts_have_the_right_shape() -> None:
    rng = random.Random(5)
    assert normalise("sha256", values.random_sha256(rng)).type is ObservableType.SHA256
    onion = values.random_onion(rng)
    assert onion.endswith(".onion")
    assert normalise("url", f"http://{onion}/x").value == f"http://{onion}/x"


def test_the_same_seed_gives_the_same_values() -> None:
    def draw(seed: int) -> list[str]:
        rng = random.Random(seed)
        return [
            values.random_iban(rng, "BE"),
            values.random_phone(rng, "IT"),
            values.random_bitcoin(rng),
            values.random_ipv4(rng),
        ]

    assert draw(42) == draw(42)
    assert draw(42) != draw(43)


def test_unique_hands_out_each_value_once_ignoring_case() -> None:
    unique = values.Unique()
    unique.reserve("Reserved.example")
    assert not unique.claim("reserved.EXAMPLE")
    assert unique.claim("fresh.example")
    assert not unique.claim("Fresh.example")
