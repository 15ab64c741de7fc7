"""Encryption at rest for reporter contact details (Fernet from `cryptography`).

Keys come from ``CREX_ENCRYPTION_KEYS`` (newest first, to rotate) or a key generated into
the data directory. The database only ever holds ciphertext.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    """The configured keys; the first one encrypts, all of them decrypt."""
    return _fernet(tuple(settings.CREX_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    """Ciphertext (URL-safe base64) for ``text``."""
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    """Plain text for a ciphertext made by `encrypt` under any configured key."""
    return fernet().decrypt(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """A text field stored encrypted; reads give plain text, the column holds ciphertext.

    Encrypted values cannot be searched or compared in the database, by design.
    """

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value in (None, ""):
            return value
        return decrypt(value)
