"""The query parameters of the TAXII object endpoints and the ``next`` token.

`parse_filters` reads ``added_after``, ``limit``, ``next`` and the ``match[type]``,
``match[id]``, ``match[version]`` and ``match[spec_version]`` filters (comma-separated
lists) of one request into `Filters`; a bad value raises a 400 `TaxiiError` that names it.
Parameters an endpoint does not support are ignored, as TAXII 2.1 allows.

``next`` is opaque to clients: a signed token holding where the previous page ended (its
last ``date_added`` and row id, for keyset pagination) and a fingerprint of the resource
and filters it was made for. Sent with another resource or other filters, or altered, it
is refused. ``limit`` is not part of the fingerprint: a client may change its page size.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.http import QueryDict

from crex.core.stix.ids import parse_timestamp
from crex.sharing.taxii.errors import bad_request

NEXT_SALT = "crex.sharing.taxii.next"
TYPE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,248}$")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,248}--[0-9a-fA-F-]{36}$")
SPEC_VERSION_PATTERN = re.compile(r"^\d\.\d$")
VERSION_KEYWORDS = frozenset({"first", "last", "all"})

# Which filters each endpoint takes (TAXII 2.1, section 3.4.2)
OBJECTS_FILTERS = frozenset({"type", "id", "version", "spec_version"})
OBJECT_FILTERS = frozenset({"version", "spec_version"})
VERSIONS_FILTERS = frozenset({"spec_version"})


@dataclass(frozen=True)
class Versions:
    """``match[version]``: the first, the last, all, and/or versions at given times."""

    first: bool = False
    last: bool = True
    all: bool = False
    at: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class Position:
    """Where a page ended: the ``date_added`` and row id of its last object."""

    date_added: datetime
    row: int


@dataclass(frozen=True)
class Filters:
    """The filters and paging of one request to an object endpoint."""

    limit: int
    scope: str = ""
    added_after: datetime | None = None
    types: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    versions: Versions = field(default_factory=Versions)
    spec_versions: tuple[str, ...] = ()
    after: Position | None = None

    def fingerprint(self) -> str:
        """A digest of the resource and filters (not the page size or position)."""
        versions = self.versions
        canonical = json.dumps(
            [
                self.scope,
                self.added_after.isoformat() if self.added_after else None,
                sorted(self.types),
                sorted(self.ids),
                [versions.first, versions.last, versions.all],
                sorted(moment.isoformat() for moment in versions.at),
                sorted(self.spec_versions),
            ]
        )
        return hashlib.sha256(canonical.encode()).hexdigest()[:32]

    def next_token(self, end: Position) -> str:
        """The ``next`` value for the page after one that ended at ``end``."""
        payload = [end.date_added.isoformat(), end.row, self.fingerprint()]
        return signing.dumps(payload, salt=NEXT_SALT, compress=False)


def _listed(query: QueryDict, name: str) -> list[str]:
    values = ",".join(query.getlist(name))
    return [value.strip() for value in values.split(",") if value.strip()]


def _timestamp(value: str, name: str) -> datetime:
    try:
        return parse_timestamp(value)
    except ValueError:
        raise bad_request(
            f"{name} must be a UTC timestamp such as 2024-05-01T10:00:00.000Z, not {value!r}."
        ) from None


def _limit(query: QueryDict) -> int:
    value = query.get("limit")
    if value is None or value == "":
        return int(settings.CREX_TAXII_PAGE_SIZE)
    try:
        limit = int(value)
    except ValueError:
        raise bad_request(f"limit must be a whole number, not {value!r}.") from None
    if limit < 1:
        raise bad_request(f"limit must be at least 1, not {limit}.")
    return min(limit, int(settings.CREX_TAXII_MAX_PAGE_SIZE))


def _matching(values: list[str], pattern: re.Pattern[str], name: str) -> tuple[str, ...]:
    for value in values:
        if not pattern.match(value):
            raise bad_request(f"match[{name}] has a value that cannot match: {value!r}.")
    return tuple(values)


def _versions(values: list[str]) -> Versions:
    if not values:
        return Versions()
    keywords = {value for value in values if value in VERSION_KEYWORDS}
    at = tuple(
        _timestamp(value, "match[version]") for value in values if value not in VERSION_KEYWORDS
    )
    return Versions(
        first="first" in keywords, last="last" in keywords, all="all" in keywords, at=at
    )


def _position(token: str, expected: str) -> Position:
    try:
        stamp, row, fingerprint = signing.loads(token, salt=NEXT_SALT)
        position = Position(datetime.fromisoformat(stamp), int(row))
    except (signing.BadSignature, ValueError, TypeError):
        raise bad_request("next is not a token this server gave out.") from None
    if fingerprint != expected:
        raise bad_request("next belongs to another request: send it with the same filters.")
    return position


def parse_filters(query: QueryDict, scope: str, supported: frozenset[str]) -> Filters:
    """The filters of a request to the resource ``scope`` (e.g. a collection's objects),
    reading only the ``match[...]`` filters in ``supported``."""
    added_after = query.get("added_after")
    filters = Filters(
        limit=_limit(query),
        scope=scope,
        added_after=_timestamp(added_after, "added_after") if added_after else None,
        types=_matching(_listed(query, "match[type]"), TYPE_PATTERN, "type")
        if "type" in supported
        else (),
        ids=_matching(_listed(query, "match[id]"), ID_PATTERN, "id") if "id" in supported else (),
        versions=_versions(_listed(query, "match[version]"))
        if "version" in supported
        else Versions(last=False, all=True),
        spec_versions=_matching(
            _listed(query, "match[spec_version]"), SPEC_VERSION_PATTERN, "spec_version"
        )
        if "spec_version" in supported
        else (),
    )
    token = query.get("next")
    if not token:
        return filters
    return replace(filters, after=_position(token, filters.fingerprint()))
