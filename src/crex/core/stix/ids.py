"""Deterministic STIX identifiers and timestamps.

Every object crex writes gets the same id each time it is exported, so a recipient (or
a TAXII store) sees a new version of the same object when it changes rather than a new
object. SDO, SRO and bundle ids are derived like UUIDv5 (SHA-1 over a fixed crex
namespace and the object's natural key) and then stamped as version 4: STIX 2.1
(section 2.9) asks for UUIDv4 for everything but SCOs, and the OASIS validator warns on
anything else. SCO ids are not made here: the `stix2` library derives them from their
id-contributing properties (UUIDv5 under the STIX namespace), as the standard requires.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

# Fixed for ever: changing it changes every id crex has ever exported.
CREX_NAMESPACE = uuid.UUID("79999fd3-7d3b-49cb-a523-b0cc5cfee631")

# `created` of the objects crex publishes once (its identity, extension definitions) and of
# the source identities and locations, which carry no date of their own.
CREX_EPOCH = "2025-01-01T00:00:00.000Z"

_SEPARATOR = "\x1f"  # unit separator: cannot occur in names or references


def stable_id(object_type: str, *key: str) -> str:
    """``<object_type>--<uuid>``, the same for the same type and key parts, every time."""
    derived = uuid.uuid5(CREX_NAMESPACE, _SEPARATOR.join((object_type, *key)))
    return f"{object_type}--{uuid.UUID(bytes=derived.bytes, version=4)}"


def timestamp(moment: datetime) -> str:
    """A STIX timestamp in UTC with millisecond precision; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_timestamp(text: str) -> datetime:
    """A STIX timestamp (``2024-05-01T10:00:00Z``, any fraction) as an aware UTC datetime.

    Raises `ValueError` when the text is not an RFC 3339 timestamp.
    """
    value = text.strip()
    if not value or value[-1] not in "Zz":
        raise ValueError(f"not a UTC timestamp ending in Z: {text!r}")
    head, _, fraction = value[:-1].partition(".")
    if fraction and not fraction.isdigit():
        raise ValueError(f"bad fraction of a second: {text!r}")
    moment = datetime.strptime(head, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    return moment.replace(microsecond=int((fraction + "000000")[:6])) if fraction else moment
