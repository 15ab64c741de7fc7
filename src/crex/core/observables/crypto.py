"""Checksums of cryptocurrency addresses: bitcoin, Ethereum (EIP-55) and Monero.

python-stdnum validates legacy and version-0 segwit bitcoin addresses but not bech32m
(taproot, BIP-350) and knows neither Ethereum nor Monero, so the checks it lacks are here;
Keccak-256 comes from pycryptodome. The base58 and bech32 decoding are done here too, on
Python integers: stdnum's work value by value and cost several times more, which counts
when every report's text is scanned (a test checks both agree).
"""

from __future__ import annotations

import hashlib
import re

from Crypto.Hash import keccak

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {c: i for i, c in enumerate(_BASE58)}
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {c: i for i, c in enumerate(_BECH32)}
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
# What the five bits shifted out of the checksum add back in, for each of their 32 values.
_BECH32_SHIFTED = tuple(
    _BECH32_GENERATOR[0] * (top & 1)
    ^ _BECH32_GENERATOR[1] * (top >> 1 & 1)
    ^ _BECH32_GENERATOR[2] * (top >> 2 & 1)
    ^ _BECH32_GENERATOR[3] * (top >> 3 & 1)
    ^ _BECH32_GENERATOR[4] * (top >> 4 & 1)
    for top in range(32)
)
_BC_PREFIX = (3, 3, 0, 2, 3)  # "bc" expanded as BIP-173 prescribes
_LEGACY = re.compile(r"[13][1-9A-HJ-NP-Za-km-z]{24,33}")
_ETHEREUM = re.compile(r"0x[0-9a-fA-F]{40}")
_MONERO = re.compile(r"[48][1-9A-HJ-NP-Za-km-z]{94}(?:[1-9A-HJ-NP-Za-km-z]{11})?")
# Monero base58 works in 8-byte blocks of 11 characters; a shorter last block of n
# characters stands for _MONERO_BLOCK[n] bytes.
_MONERO_BLOCK = {2: 1, 3: 2, 5: 3, 6: 4, 7: 5, 9: 6, 10: 7, 11: 8}
_MONERO_NETWORKS = {18, 19, 42}  # mainnet standard, integrated, subaddress


def keccak256(data: bytes) -> bytes:
    """Keccak-256 (the pre-standard SHA-3 used by Ethereum and Monero)."""
    return keccak.new(digest_bits=256, data=data).digest()


def base58_decode(value: str) -> bytes:
    """The bytes of a bitcoin base58 string (each leading ``1`` is a zero byte)."""
    number = 0
    for char in value:
        number = number * 58 + _BASE58_INDEX[char]
    zeros = len(value) - len(value.lstrip("1"))
    return b"\0" * zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")


def bech32_polymod(values: list[int]) -> int:
    """The BIP-173 checksum of 5-bit ``values`` (1 for bech32, 0x2BC830A3 for bech32m)."""
    checksum = 1
    for value in values:
        checksum = ((checksum & 0x1FFFFFF) << 5 ^ value) ^ _BECH32_SHIFTED[checksum >> 25]
    return checksum


def _regroup_to_bytes(values: list[int]) -> bytes | None:
    """5-bit ``values`` as bytes; None if more than 4 padding bits or they are not zero."""
    number = 0
    for value in values:
        number = number << 5 | value
    size, padding = divmod(5 * len(values), 8)
    if padding > 4 or number & ((1 << padding) - 1):
        return None
    return (number >> padding).to_bytes(size, "big")


def _bitcoin_legacy(address: str) -> bool:
    decoded = base58_decode(address)
    if len(decoded) != 25 or decoded[0] not in (0, 5):
        return False
    return hashlib.sha256(hashlib.sha256(decoded[:-4]).digest()).digest()[:4] == decoded[-4:]


def _bitcoin_segwit(address: str) -> bool:
    if not 14 <= len(address) <= 90:
        return False
    try:
        data = [_BECH32_INDEX[c] for c in address[3:]]
    except KeyError:
        return False
    if len(data) < 7:
        return False
    const = bech32_polymod([*_BC_PREFIX, *data])
    version = data[0]
    if const != (_BECH32_CONST if version == 0 else _BECH32M_CONST) or version > 16:
        return False
    program = _regroup_to_bytes(data[1:-6])
    if program is None:
        return False
    if version == 0:
        return len(program) in (20, 32)
    return 2 <= len(program) <= 40


def bitcoin_address(value: str) -> str | None:
    """The canonical form of a bitcoin address (segwit in lower case), or None if invalid.

    Legacy addresses (``1…``, ``3…``) are checked with base58check; segwit addresses
    (``bc1…``) with bech32 for version 0 and bech32m for later versions (BIP-173, BIP-350).
    A segwit address in mixed case is invalid.
    """
    if _LEGACY.fullmatch(value):
        return value if _bitcoin_legacy(value) else None
    lowered = value.lower()
    if lowered.startswith("bc1") and (value == lowered or value == value.upper()):
        return lowered if _bitcoin_segwit(lowered) else None
    return None


def eip55(hex_address: str) -> str:
    """The EIP-55 mixed-case checksum form of a 40-hex-digit Ethereum address."""
    lowered = hex_address.lower().removeprefix("0x")
    digest = keccak256(lowered.encode("ascii")).hex()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(lowered)
    )


# EIP-55 on whole strings: 1 where a hex digit is an upper-case letter, where it is a
# letter at all, and where a hash nibble is 8 or more (such letters must be upper case).
_UPPER_LETTER = str.maketrans("0123456789abcdefABCDEF", "0000000000000000111111")
_LETTER = str.maketrans("0123456789abcdef", "0000000000111111")
_HIGH_NIBBLE = str.maketrans("0123456789abcdef", "0000000011111111")


def eip55_holds(digits: str) -> bool:
    """Whether the 40 hex ``digits`` (no ``0x``) are in their EIP-55 checksum case.

    The same answer as comparing with `eip55`, without building the string letter by
    letter (a test checks both agree).
    """
    lowered = digits.lower()
    digest = keccak256(lowered.encode("ascii")).hex()[:40]
    upper = int(digits.translate(_UPPER_LETTER), 2)
    return upper == int(lowered.translate(_LETTER), 2) & int(digest.translate(_HIGH_NIBBLE), 2)


def ethereum_address(value: str) -> str | None:
    """The lower-case form of an Ethereum address, or None if invalid.

    All-lower and all-upper hex carry no checksum; mixed case must match EIP-55.
    """
    if not _ETHEREUM.fullmatch(value):
        return None
    digits = value[2:]
    if digits != digits.lower() and digits != digits.upper() and not eip55_holds(digits):
        return None
    return "0x" + digits.lower()


def _monero_b58decode(value: str) -> bytes | None:
    out = bytearray()
    for start in range(0, len(value), 11):
        block = value[start : start + 11]
        size = _MONERO_BLOCK.get(len(block))
        if size is None:
            return None
        number = 0
        for char in block:
            number = number * 58 + _BASE58_INDEX[char]
        if number >= 1 << (8 * size):
            return None
        out += number.to_bytes(size, "big")
    return bytes(out)


def monero_address(value: str) -> str | None:
    """A Monero address (standard, integrated or subaddress) if its checksum holds."""
    if not _MONERO.fullmatch(value):
        return None
    decoded = _monero_b58decode(value)
    if decoded is None or decoded[0] not in _MONERO_NETWORKS:
        return None
    if keccak256(decoded[:-4])[:4] != decoded[-4:]:
        return None
    return value
