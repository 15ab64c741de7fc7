"""Checksums of cryptocurrency addresses: bitcoin, Ethereum (EIP-55) and Monero.

python-stdnum validates legacy and version-0 segwit bitcoin addresses but not bech32m
(taproot, BIP-350) and knows neither Ethereum nor Monero, so the checks it lacks are here;
Keccak-256 comes from pycryptodome.
"""

from __future__ import annotations

import hashlib
import re

from Crypto.Hash import keccak
from stdnum.bitcoin import b32decode, b58decode, bech32_checksum
from stdnum.exceptions import ValidationError

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {c: i for i, c in enumerate(_BASE58)}
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {c: i for i, c in enumerate(_BECH32)}
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3
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


def _bitcoin_legacy(address: str) -> bool:
    try:
        decoded = b58decode(address)
    except ValueError:  # pragma: no cover - the pattern admits base58 characters only
        return False
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
    const = bech32_checksum([3, 3, 0, 2, 3, *data])
    version = data[0]
    if const != (_BECH32_CONST if version == 0 else _BECH32M_CONST) or version > 16:
        return False
    try:
        program = b32decode(data[1:-6])
    except ValidationError:
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


def ethereum_address(value: str) -> str | None:
    """The lower-case form of an Ethereum address, or None if invalid.

    All-lower and all-upper hex carry no checksum; mixed case must match EIP-55.
    """
    if not _ETHEREUM.fullmatch(value):
        return None
    digits = value[2:]
    if digits != digits.lower() and digits != digits.upper() and eip55(digits) != value:
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
