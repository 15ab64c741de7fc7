"""Where candidates can start: a Hyperscan pre-scan, so that Python's regex engine only
looks at a few places instead of at every character.

Hyperscan (Intel's multi-pattern matcher) runs a handful of short "trigger" patterns over
the UTF-8 text in one pass at hundreds of MB/s and reports where each trigger starts.
Every candidate the combined pattern (`patterns.CANDIDATES`) can match starts at such a
place, so trying `CANDIDATES.match` only there gives exactly what `finditer` would give,
without paying the regex engine's cost at the millions of other positions. Where
Hyperscan is not installed (it has wheels for Linux and macOS on x86-64 and ARM64), or
the text is not valid Unicode, `candidate_starts` returns None and `extract` scans with
the regex engine alone; the results are the same, only slower.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

hyperscan: Any
try:
    import hyperscan
except ImportError:  # pragma: no cover - the fallback is tested by forcing it
    hyperscan = None

# The text is scanned as ASCII with every other character replaced by "?", so that byte
# offsets are character offsets. A "word" character for the triggers is then an ASCII
# letter or digit, _ + - or "?" (any non-ASCII character: a letter, or punctuation that
# is sorted out in Python, below).
_W = r"0-9A-Za-z_?"
_DEFANGED_SEPARATOR = r"\s?[\[({]\s?(?:\.|dot|@|at)\s?[\])}]\s?| dot "
# (pattern, where the candidate starts: 0 = at the trigger's start, 1 = one character
# after it, because the trigger begins with the character before the candidate)
_TRIGGERS: tuple[tuple[str, int], ...] = (
    # URL scheme, plain or defanged
    (r"(?i)(?:h(?:tt|xx|\*\*)ps?|f[tx]ps?)(?::|\[:)", 0),
    # a name, then a dot and a letter (a digit after a plain dot is a date or an amount,
    # or an IPv4 address: next trigger), or @, or a defanged dot or @: host, e-mail;
    # matched to the end of the name, so that a name is reported once, not at each dot
    (
        rf"(?i)[{_W}+.-]*[{_W}+-](?:\.[A-Za-z_?]|(?:@|{_DEFANGED_SEPARATOR})[{_W}])"
        rf"[{_W}+.-]*[^{_W}+.-]",
        0,
    ),
    (r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]", 0),  # IPv4
    (r"[0-9A-Fa-f]*:[0-9A-Fa-f]*:", 0),  # IPv6
    (r"[A-Z]{2}[0-9]{2}[ ?][0-9A-Z]{4}", 0),  # IBAN in groups (also no-break spaces)
    (r"[0-9]{4}[ -][0-9]{4}[ -][0-9]{4}", 0),  # card in groups of four
    (r"[0-9]{4}[ -][0-9]{6}[ -][0-9]{4}", 0),  # Amex, Diners
    (r"\+[1-9]", 0),  # international phone
    (r"[^0-9]00[1-9]", 1),
    (r"(?i)cve-[0-9]{4}-[0-9]{4}", 0),
    (r"AS(?:N:? ?| )?[0-9]", 0),
    (r"BIC|SWIFT|bic|swift", 0),
    (r"[0-9A-Za-z]{12,}[^0-9A-Za-z]", 0),  # hash, wallet, compact IBAN or card
)
_NATIONAL = (r"[^0-9(]\(?[0-9]", 1)  # national phone: only scanned for with a region
_HOST_TRIGGER = 1
# Inside a name that the host trigger reports, a candidate can also start right after a
# character that is neither a letter nor a digit ("„evil.com", "word—evil.com", "a?b.com").
_NON_WORD = re.compile(r"[^\w+.-]")
_LOCAL = threading.local()


@lru_cache(maxsize=2)
def _database(national: bool) -> Any:
    """The compiled Hyperscan database (with or without the national-phone trigger)."""
    triggers = [*_TRIGGERS, _NATIONAL] if national else list(_TRIGGERS)
    database = hyperscan.Database()
    database.compile(
        expressions=[pattern.encode() for pattern, _ in triggers],
        ids=list(range(len(triggers))),
        elements=len(triggers),
        flags=[hyperscan.HS_FLAG_SOM_LEFTMOST] * len(triggers),
    )
    return database


def _scratch(national: bool) -> Any:
    """Per-thread scratch space (a Hyperscan scan must not share it between threads)."""
    key = f"scratch_{national}"
    scratch = getattr(_LOCAL, key, None)
    if scratch is None:
        scratch = hyperscan.Scratch(_database(national))
        setattr(_LOCAL, key, scratch)
    return scratch


def available() -> bool:
    """Whether the Hyperscan pre-scan can be used on this machine."""
    return hyperscan is not None


def candidate_starts(text: str, *, national: bool) -> list[int] | None:
    """Sorted character offsets where a candidate may start, or None (no Hyperscan).

    ``national`` also reports digit runs (national phone numbers need a region).
    """
    if hyperscan is None:
        return None
    # one byte per character; the space and newline around give every trigger a
    # character before and after (offsets below are shifted back by the space)
    data = b" " + text.encode("ascii", "replace") + b"\n"
    reports: list[tuple[int, int, int]] = []
    append = reports.append

    def on_match(trigger: int, start: int, end: int, flags: int, context: object) -> None:
        append((start, end, trigger))

    triggers = (*_TRIGGERS, _NATIONAL) if national else _TRIGGERS
    _database(national).scan(data, match_event_handler=on_match, scratch=_scratch(national))
    starts = {start - 1 + triggers[trigger][1] for start, _, trigger in reports}
    if b"?" in data:
        for start, end, trigger in reports:
            # (the host trigger's last character is the one after the name)
            if trigger == _HOST_TRIGGER and b"?" in data[start : end - 1]:
                for found in _NON_WORD.finditer(text, start - 1, end - 2):
                    starts.add(found.end())
    return sorted(starts)
