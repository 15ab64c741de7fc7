"""Undo the usual defanging of indicators (``hxxp``, ``[.]``, ``[at]``...)."""

from __future__ import annotations

import re

_REPLACEMENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^hxxp", re.IGNORECASE), "http"),
    (re.compile(r"\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\}", re.I), "."),
    (re.compile(r"\[\s*(?:@|at)\s*\]|\(\s*(?:@|at)\s*\)|\{\s*(?:@|at)\s*\}", re.I), "@"),
    (re.compile(r"\[:\]"), ":"),
    (re.compile(r"\[://\]"), "://"),
)


def refang(value: str) -> str:
    """``hxxps://evil[.]example/login`` → ``https://evil.example/login``."""
    for pattern, replacement in _REPLACEMENTS:
        value = pattern.sub(replacement, value)
    return value


def is_defanged(value: str) -> bool:
    """Whether `refang` would change ``value``."""
    return refang(value) != value
