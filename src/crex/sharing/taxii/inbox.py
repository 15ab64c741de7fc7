"""Objects posted to an inbox collection (TAXII 2.1 "Add Objects").

`objects_of` reads the envelope of a POST (400 naming what is wrong). `add_objects`
checks each object, stores the good ones as rows of the inbox (one row per id and
version; a copy already there counts as a success without a second row) and records a
complete `TaxiiStatus` listing every success and failure. `hand_over` then passes the
status to the import of posted objects, when that is installed.

An object needs a STIX ``type`` and an ``id`` of that type, ``spec_version`` 2.1 (an
observable may leave it out), and a valid ``modified`` or ``created`` timestamp. An
observable has neither: its version is the time it was received, and the same
observable sent again unchanged is the same version.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from crex.accounts.models import Organisation
from crex.core.stix.ids import parse_timestamp
from crex.sharing.models import SharedObject, TaxiiCollection, TaxiiStatus
from crex.sharing.store import compact
from crex.sharing.taxii.errors import bad_request
from crex.sharing.taxii.render import stix_timestamp

log = logging.getLogger(__name__)

TYPE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$")
# STIX 2.1 domain, relationship and meta objects: they always carry `created`
VERSIONED_TYPES = frozenset(
    {
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident",
        "indicator", "infrastructure", "intrusion-set", "location", "malware",
        "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor",
        "tool", "vulnerability", "relationship", "sighting", "marking-definition",
        "language-content", "extension-definition",
    }
)  # fmt: skip
QUERY_CHUNK = 500


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def objects_of(data: bytes) -> list[Any]:
    """The ``objects`` of a posted envelope; raises 400 when the body is not one."""
    try:
        envelope = json.loads(data, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        raise bad_request(f"The body is not JSON: {exc}") from None
    if not isinstance(envelope, dict):
        raise bad_request(
            f'The body must be an envelope {{"objects": [...]}}, not a JSON '
            f"{type(envelope).__name__}."
        )
    if envelope.get("type") == "bundle":
        raise bad_request('A STIX bundle is not an envelope: send {"objects": [...]}.')
    objects = envelope.get("objects")
    if not isinstance(objects, list):
        raise bad_request('The envelope needs an "objects" list.')
    return objects


@dataclass(frozen=True)
class Candidate:
    """An object that passed the checks: its id, type, version (None for an observable
    without one) and stored text."""

    stix_id: str
    type: str
    version: datetime | None
    body: str


class Refused(ValueError):
    """An object that cannot be stored, with the reason."""


def _stamp(obj: dict[str, Any], name: str) -> datetime | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Refused(f"{name} must be a timestamp string.")
    try:
        return parse_timestamp(value)
    except ValueError:
        raise Refused(f"{name} is not a UTC timestamp: {value!r}.") from None


def check(obj: Any) -> Candidate:
    """``obj`` as a `Candidate`; raises `Refused` saying what is wrong with it."""
    if not isinstance(obj, dict):
        raise Refused("An object must be a JSON object.")
    kind, stix_id = obj.get("type"), obj.get("id")
    if not isinstance(kind, str) or not TYPE_PATTERN.match(kind) or "--" in kind:
        raise Refused("type must be a STIX type name (a-z, 0-9 and hyphens).")
    if kind == "bundle":
        raise Refused("A bundle cannot be stored: send its objects.")
    prefix = f"{kind}--"
    if not isinstance(stix_id, str) or not stix_id.startswith(prefix):
        raise Refused(f"id must be {prefix}<uuid>.")
    try:
        uuid.UUID(stix_id.removeprefix(prefix))
    except ValueError:
        raise Refused(f"id must be {prefix}<uuid>.") from None
    spec_version = obj.get("spec_version")
    versioned = kind in VERSIONED_TYPES or "created" in obj or "modified" in obj
    if spec_version != "2.1" and (versioned or spec_version is not None):
        raise Refused("Only STIX 2.1 objects are accepted: spec_version must be 2.1.")
    created, modified = _stamp(obj, "created"), _stamp(obj, "modified")
    if versioned and created is None:
        raise Refused("created is required.")
    return Candidate(stix_id, kind, modified or created, compact(obj))


def _failure(obj: Any, message: str) -> dict[str, str]:
    failure = {"id": "", "message": message}
    if isinstance(obj, dict):
        if isinstance(obj.get("id"), str):
            failure["id"] = obj["id"]
        version = obj.get("modified") or obj.get("created")
        if isinstance(version, str):
            failure["version"] = version
    return failure


def _stored_versions(inbox: TaxiiCollection, ids: set[str]) -> dict[str, dict[datetime, str]]:
    stored: dict[str, dict[datetime, str]] = defaultdict(dict)
    ordered = sorted(ids)
    for start in range(0, len(ordered), QUERY_CHUNK):
        rows = SharedObject.objects.filter(
            collection=inbox, stix_id__in=ordered[start : start + QUERY_CHUNK]
        ).values_list("stix_id", "version", "body")
        for stix_id, version, body in rows:
            stored[stix_id][version] = body
    return stored


def _version_for(candidate: Candidate, known: dict[datetime, str], now: datetime) -> datetime:
    """The version ``candidate`` is: its own, or for an observable without one the latest
    stored version with the same content, else the time of receipt."""
    if candidate.version is not None:
        return candidate.version
    if known:
        latest = max(known)
        if known[latest] == candidate.body:
            return latest
    version = now
    while version in known:  # the same observable twice, changed, in one request
        version += timedelta(microseconds=1)
    return version


def _store(
    inbox: TaxiiCollection, poster: Organisation, candidates: list[Candidate], now: datetime
) -> list[dict[str, str]]:
    stored = _stored_versions(inbox, {c.stix_id for c in candidates})
    before = {stix_id: max(versions) for stix_id, versions in stored.items() if versions}
    successes: list[dict[str, str]] = []
    new: list[tuple[Candidate, datetime]] = []
    for candidate in candidates:
        known = stored[candidate.stix_id]
        version = _version_for(candidate, known, now)
        if version not in known:
            known[version] = candidate.body
            new.append((candidate, version))
        successes.append({"id": candidate.stix_id, "version": stix_timestamp(version)})
    latest = {stix_id: max(versions) for stix_id, versions in stored.items() if versions}
    superseded = [s for s, v in before.items() if latest[s] > v]
    for start in range(0, len(superseded), QUERY_CHUNK):
        SharedObject.objects.filter(
            collection=inbox, stix_id__in=superseded[start : start + QUERY_CHUNK]
        ).update(is_latest=False)
    rows = [
        SharedObject(
            stix_id=candidate.stix_id,
            type=candidate.type,
            version=version,
            spec_version="2.1",
            body=candidate.body,
            date_added=now,
            is_latest=version == latest[candidate.stix_id],
            collection=inbox,
            posted_by=poster,
        )
        for candidate, version in new
    ]
    SharedObject.objects.bulk_create(rows, batch_size=QUERY_CHUNK, ignore_conflicts=True)
    return successes


def add_objects(
    inbox: TaxiiCollection,
    poster: Organisation,
    objects: list[Any],
    received_at: datetime | None = None,
) -> TaxiiStatus:
    """Store the good ``objects`` in ``inbox`` for ``poster`` and record the status."""
    now = received_at or timezone.now()
    candidates: list[Candidate] = []
    failures: list[dict[str, str]] = []
    for obj in objects:
        try:
            candidates.append(check(obj))
        except Refused as exc:
            failures.append(_failure(obj, str(exc)))
    with transaction.atomic():
        successes = _store(inbox, poster, candidates, now)
        return TaxiiStatus.objects.create(
            collection=inbox,
            organisation=poster,
            status="complete",
            request_timestamp=now,
            successes=successes,
            failures=failures,
            pendings=[],
        )


def hand_over(status: TaxiiStatus) -> None:
    """Pass what was stored to ``crex.sharing.imports.posted(status)`` if it exists; its
    failure is logged and never undoes the POST (the objects stay in the inbox)."""
    if not status.successes:
        return
    try:
        module = importlib.import_module("crex.sharing.imports")
    except ImportError:
        return
    posted = getattr(module, "posted", None)
    if not callable(posted):
        return
    try:
        posted(status)
    except Exception:
        log.exception("importing the objects of TAXII status %s failed", status.pk)
