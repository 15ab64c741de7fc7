"""Event and attribute tags: TLP 2.0, the RSIT taxonomy, and crex's own machine tags.

MISP's ``tlp`` taxonomy has the TLP 2.0 values (``tlp:clear`` ... ``tlp:amber+strict``);
TLP 1.0's ``tlp:white`` is read as CLEAR. The RSIT class and type become a tag of MISP's
``rsit`` taxonomy (``rsit:fraud="phishing"``). What neither taxonomy has (offence code,
category, victim country, language) goes in ``crex:`` machine tags, which MISP keeps as
free tags and crex reads back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from crex.core.handling import stricter_tlp
from crex.core.taxonomy import canonical_rsit
from crex.core.tlp import TLP, parse_tlp

CREX = "crex"
RSIT = "rsit"

_MACHINE_TAG = re.compile(r'^([a-z0-9_.-]+):([a-z0-9_.+-]+)(?:="?([^"]*)"?)?$', re.IGNORECASE)


def tlp_tag(tlp: TLP) -> str:
    """The MISP tag of a TLP 2.0 level, e.g. ``tlp:amber+strict``."""
    return f"tlp:{tlp.value}"


def tlp_from_tags(names: Iterable[str]) -> TLP | None:
    """The strictest TLP among ``names`` (``tlp:white`` is CLEAR); None if none is a TLP."""
    found: TLP | None = None
    for name in names:
        if not name.strip().lower().startswith("tlp:"):
            continue
        try:
            tlp = parse_tlp(name)
        except ValueError:  # e.g. tlp:ex:chr, or a misspelling
            continue
        found = tlp if found is None else stricter_tlp(found, tlp)
    return found


def machine_tag(namespace: str, predicate: str, value: str) -> str:
    """A triple tag as MISP writes them: ``namespace:predicate="value"``."""
    return f'{namespace}:{predicate}="{value}"'


def parse_machine_tag(name: str) -> tuple[str, str, str] | None:
    """(namespace, predicate, value) of a machine tag; value empty for ``ns:predicate``."""
    match = _MACHINE_TAG.match(name.strip())
    if match is None:
        return None
    namespace, predicate, value = match.groups()
    return namespace.lower(), predicate, value or ""


def rsit_tag(rsit: str) -> str | None:
    """The tag of an RSIT ``class/type`` (``rsit:fraud="phishing"``); None if incomplete."""
    rsit_class, slash, rsit_type = canonical_rsit(rsit).partition("/")
    return machine_tag(RSIT, rsit_class, rsit_type) if slash and rsit_class and rsit_type else None


@dataclass(frozen=True, slots=True)
class EventTags:
    """What crex reads from the tags of an event."""

    tlp: TLP | None = None
    rsit: str = ""
    offence: str = ""
    category: str = ""
    victim_countries: tuple[str, ...] = ()
    language: str = ""


def read_tags(names: Iterable[str]) -> EventTags:
    """The TLP, RSIT class and crex tags among the tag ``names`` of an event."""
    names = list(names)
    rsit = offence = category = language = ""
    countries: list[str] = []
    for name in names:
        parsed = parse_machine_tag(name)
        if parsed is None:
            continue
        namespace, predicate, value = parsed
        if namespace == RSIT and value and not rsit:
            rsit = canonical_rsit(f"{predicate}/{value}")
        elif namespace == CREX and predicate == "offence":
            offence = offence or value
        elif namespace == CREX and predicate == "category":
            category = category or value
        elif namespace == CREX and predicate == "victim-country" and value:
            countries.append(value.upper())
        elif namespace == CREX and predicate == "language":
            language = language or value.lower()
    return EventTags(
        tlp_from_tags(names), rsit, offence, category, tuple(dict.fromkeys(countries)), language
    )
