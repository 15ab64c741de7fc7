"""Checksums of cryptocurrency addresses (BIP-173/350 vectors, EIP-55 vectors)."""

import random

import pytest
from stdnum import bitcoin

from crex.core.observables.crypto import (
    base58_decode,
    bech32_polymod,
    bitcoin_address,
    eip55,
    eip55_holds,
    ethereum_address,
    monero_address,
)

MONERO = (
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQB"
    "EP3A"
)


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        (
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ),
        (
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        ),
    ],
)
def test_valid_bitcoin_addresses(address: str, canonical: str) -> None:
    assert bitcoin_address(address) == canonical


@pytest.mark.parametrize(
    "address",
    [
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyX",  # base58check fails
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",  # bech32 checksum fails
        "bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",  # mixed case
        # version 1 with a bech32 (not bech32m) checksum, BIP-350 invalid vector
        "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
    ],
)
def test_invalid_bitcoin_addresses(address: str) -> None:
    assert bitcoin_address(address) is None


def test_eip55_checksum() -> None:
    assert eip55("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359") == (
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
    )
    assert ethereum_address("0xFB6916095CA1DF60BB79CE92CE3EA74C37C5D359") is not None
    assert ethereum_address("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d358") is None
    assert ethereum_address("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d35") is None


def test_monero_checksum() -> None:
    assert monero_address(MONERO) == MONERO
    assert monero_address(MONERO[:-1] + "B") is None
    assert monero_address("4" + "5" * 94) is None


def test_base58_and_bech32_agree_with_python_stdnum() -> None:
    """crex decodes on integers for speed; python-stdnum is the reference."""
    rng = random.Random(1)
    for _ in range(300):
        text = "".join(rng.choice(bitcoin._base58_alphabet) for _ in range(rng.randint(1, 40)))
        assert base58_decode(text) == bitcoin.b58decode(text)
        values = [rng.randrange(32) for _ in range(rng.randint(1, 90))]
        assert bech32_polymod(values) == bitcoin.bech32_checksum(values)


def test_the_eip55_check_agrees_with_the_checksum_form() -> None:
    rng = random.Random(2)
    for _ in range(200):
        digits = "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(40))
        assert eip55_holds(digits) == (eip55(digits) == "0x" + digits)
        right = eip55(digits)[2:]
        assert eip55_holds(right)
