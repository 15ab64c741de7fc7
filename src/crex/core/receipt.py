"""Receipt codes: the secret a reporter keeps to come back to their report.

A code has 20 characters from an alphabet without look-alikes (about 98 bits); only its
SHA-256 is stored, and comparing is done in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L: easy to copy by hand
_NO_CODE = "0" * 64  # compared against when there is nothing to compare, to take equal time


def new_receipt_code() -> str:
    """A random receipt code like ``K7QM-4XR2-PW9D-HT3C-8NVB`` (shown once, never stored)."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 4] for i in range(0, 20, 4))


def hash_receipt_code(code: str) -> str:
    """The stored form of a receipt code; dashes, spaces and case do not matter."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(cleaned.encode()).hexdigest()


def receipt_matches(code: str, stored_hash: str) -> bool:
    """Whether ``code`` is the one whose hash is stored (False when nothing is stored)."""
    matches = hmac.compare_digest(hash_receipt_code(code), stored_hash or _NO_CODE)
    return matches and bool(stored_hash)
