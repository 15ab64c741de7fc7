"""Undo the usual defanging of indicators (``hxxp``, ``[.]``, ``[at]``...)."""

from __future__ import annotations

import re

# One pass: each alternative is one defanging style, replaced by what it stands for.
_DEFANGED = re.compile(
    r"(?P<scheme>\b(?:h(?:xx|\*\*)p|fxp)(?P<s>s?)(?=\[?:))"
    r"|(?P<slashes>\[://\]|\[:\]//|\[:/\]/)"
    r"|(?P<colon>\[:\])"
    r"|(?P<dot>\s?[\[({]\s?(?:\.|dot)\s?[\])}]\s?|(?<=\w) dot (?=\w))"
    r"|(?P<at>\s?[\[({]\s?(?:@|at)\s?[\])}]\s?)",
    re.IGNORECASE,
)
_PLAIN = {"slashes": "://", "colon": ":", "dot": ".", "at": "@"}
# Anything `refang` could change contains one of these; most values contain none.
_HINT = re.compile(r"[\[({]|[xX*]{2}[pP]|[fF][xX][pP]| [dD][oO][tT] ")


def _plain(match: re.Match[str]) -> str:
    kind = match.lastgroup or ""
    if kind == "s":
        kind = "scheme"
    if kind == "scheme":
        head = "ftp" if match.group()[:1] in "fF" else "http"
        return head + match["s"].lower()
    return _PLAIN[kind]


def may_be_defanged(value: str) -> bool:
    """False when `refang` would surely leave ``value`` as it is (a cheap test)."""
    return _HINT.search(value) is not None


def refang(value: str) -> str:
    """``hxxps://evil[.]example[.]com/login`` → ``https://evil.example.com/login``.

    Handles ``hxxp(s)``, ``[.]``, ``(.)``, ``{.}``, ``[dot]``, `` dot ``, ``[at]``,
    ``(at)``, ``[@]``, ``[:]`` and ``[://]``.
    """
    if _HINT.search(value) is None:
        return value
    return _DEFANGED.sub(_plain, value)


def is_defanged(value: str) -> bool:
    """Whether `refang` would change ``value``."""
    return refang(value) != value
