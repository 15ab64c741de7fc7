"""Made-up identifiers that pass crex's validation: IBANs, phones, wallets, IPs, hashes.

Every value comes from a seeded `random.Random`, so the demo is the same on every run.
Nothing here points at a real person or service on purpose: IP addresses are from the
documentation ranges (RFC 5737, RFC 3849), bank accounts and wallets are random numbers
with correct check digits, and domains are invented by the callers.
"""

from __future__ import annotations

import hashlib
import ipaddress
import random
import re
import string

import phonenumbers
from stdnum import bitcoin, iban, numdb
from stdnum.es import ccc

from crex.core.observables.crypto import keccak256

_BBAN_PART = re.compile(r"(\d+)!([nac])")
_BBAN_CHARS = {
    "n": string.digits,
    "a": string.ascii_uppercase,
    "c": string.ascii_uppercase + string.digits,
}
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}
#: Documentation address blocks: syntactically real, routed nowhere.
IPV4_DOCUMENTATION = (
    ipaddress.IPv4Network("192.0.2.0/24"),
    ipaddress.IPv4Network("198.51.100.0/24"),
    ipaddress.IPv4Network("203.0.113.0/24"),
)
IPV6_DOCUMENTATION = ipaddress.IPv6Network("2001:db8::/32")
_MAX_TRIES = 10_000


def _belgian_bban(bban: str) -> str:
    # Belgian account numbers end in the first ten digits modulo 97 (97 for 0).
    return bban[:10] + f"{int(bban[:10]) % 97 or 97:02d}"


def _spanish_bban(bban: str) -> str:
    return bban[:8] + ccc.calc_check_digits(bban) + bban[10:]


#: BBANs with national check digits of their own: set them instead of guessing.
_NATIONAL_CHECK = {"BE": _belgian_bban, "ES": _spanish_bban}


def random_iban(rng: random.Random, country: str) -> str:
    """A random IBAN of ``country`` with valid check digits (and national check, if any).

    The BBAN follows the country's registered structure, with national check digits set
    where the country has them; candidates are retried until python-stdnum accepts one
    (Belgium, for one, also wants a bank code that exists).
    """
    country = country.upper()
    info = numdb.get("iban").info(country)[0][1]
    structure = info.get("bban")
    if not structure:
        raise ValueError(f"{country} has no IBAN")
    for _ in range(_MAX_TRIES):
        bban = "".join(
            rng.choice(_BBAN_CHARS[kind])
            for length, kind in _BBAN_PART.findall(structure)
            for _ in range(int(length))
        )
        bban = _NATIONAL_CHECK.get(country, str)(bban)
        number = f"{country}{iban.calc_check_digits(country + '00' + bban)}{bban}"
        if iban.is_valid(number):
            return number
    raise ValueError(f"no valid IBAN found for {country}")  # pragma: no cover


def random_phone(rng: random.Random, country: str, *, mobile: bool = True) -> str:
    """A random phone number valid for ``country`` in E.164, mobile unless told otherwise.

    Starts from libphonenumber's example number and randomises all but its leading digits,
    keeping only candidates that libphonenumber calls valid (and mobile, if asked).
    """
    kind = (
        phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    )
    example = phonenumbers.example_number_for_type(country.upper(), kind)
    if example is None:
        raise ValueError(f"no example phone number for {country}")
    national = phonenumbers.national_significant_number(example)
    keep = 3 if len(national) > 8 else 2
    for _ in range(_MAX_TRIES):
        digits = national[:keep] + "".join(
            rng.choice(string.digits) for _ in range(len(national) - keep)
        )
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if not phonenumbers.is_valid_number(number):
            continue
        found = phonenumbers.number_type(number)
        if (found in _MOBILE_TYPES) if mobile else (found not in _MOBILE_TYPES):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ValueError(f"no valid phone number found for {country}")  # pragma: no cover


def _base58check(payload: bytes) -> str:
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    value = int.from_bytes(data, "big")
    encoded = ""
    while value:
        value, digit = divmod(value, 58)
        encoded = _BASE58[digit] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


def _to_5bit(data: bytes) -> list[int]:
    value = int.from_bytes(data, "big")
    bits = len(data) * 8
    padded = bits + (-bits) % 5
    value <<= padded - bits
    return [(value >> shift) & 31 for shift in range(padded - 5, -1, -5)]


def _bech32(hrp: str, words: list[int]) -> str:
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    polymod = bitcoin.bech32_checksum(expanded + words + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[w] for w in words + checksum)


def random_bitcoin(rng: random.Random, kind: str = "p2wpkh") -> str:
    """A bitcoin address for a random 20-byte hash: ``p2pkh`` (1…), ``p2sh`` (3…) or
    ``p2wpkh`` (bc1q…). Nobody holds the key to it."""
    payload = rng.randbytes(20)
    if kind == "p2pkh":
        return _base58check(b"\x00" + payload)
    if kind == "p2sh":
        return _base58check(b"\x05" + payload)
    if kind == "p2wpkh":
        return _bech32("bc", [0, *_to_5bit(payload)])
    raise ValueError(f"unknown bitcoin address kind {kind!r}")


def random_ethereum(rng: random.Random) -> str:
    """An Ethereum address (``0x`` + 40 hex digits) for a random 20-byte value."""
    return "0x" + rng.randbytes(20).hex()


def random_monero(rng: random.Random) -> str:
    """A standard Monero address (95 base58 characters, leading 4) for random keys, with a
    valid Keccak checksum. Nobody holds the keys to it."""
    payload = bytes([18]) + rng.randbytes(64)
    data = payload + keccak256(payload)[:4]
    encoded = ""
    for start in range(0, len(data), 8):  # Monero's base58 works in blocks of 8 bytes
        block = data[start : start + 8]
        number = int.from_bytes(block, "big")
        chunk = ""
        while number:
            number, digit = divmod(number, 58)
            chunk = _BASE58[digit] + chunk
        encoded += chunk.rjust(11 if len(block) == 8 else 7, "1")
    return encoded


def random_ipv4(rng: random.Random) -> str:
    """An IPv4 address from one of the three documentation blocks."""
    network = rng.choice(IPV4_DOCUMENTATION)
    return str(network[rng.randint(1, 254)])


def random_ipv6(rng: random.Random) -> str:
    """An IPv6 address from the documentation prefix 2001:db8::/32."""
    return str(IPV6_DOCUMENTATION[rng.getrandbits(96)])


def random_sha256(rng: random.Random) -> str:
    """A SHA-256 hex digest of random bytes (stands for a malware sample)."""
    return hashlib.sha256(rng.randbytes(32)).hexdigest()


def random_onion(rng: random.Random) -> str:
    """A host name shaped like a Tor v3 onion service (56 base32 characters)."""
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(56)) + ".onion"


def random_digits(rng: random.Random, count: int) -> str:
    """``count`` random decimal digits (order numbers, ticket numbers, last four digits)."""
    return "".join(rng.choice(string.digits) for _ in range(count))


class Unique:
    """Hands out values that were not handed out before, so singletons never link by chance."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def claim(self, value: str) -> bool:
        """Mark ``value`` as used; False when it was used already."""
        key = value.lower()
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def reserve(self, *values: str) -> None:
        """Mark values (e.g. a campaign's) as used without checking."""
        self._seen.update(v.lower() for v in values)
