"""``Idempotency-Key``: a retried POST files its report once, also when retries race.

A key is bound to the organisation that sent it and to the SHA-256 of the exact body.
The same key with the same body returns the report filed the first time; with another
body it is refused. The unique constraint on (organisation, key) settles races: the
request that loses rolls its report back and returns the winner's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from crex.accounts.models import Organisation
from crex.intake.models import IdempotencyKey
from crex.reports.models import Report

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255


class InvalidIdempotencyKey(ValueError):
    """An ``Idempotency-Key`` header that cannot be used (empty, too long)."""


class IdempotencyKeyReused(ValueError):
    """The key was used before by this organisation with a different body."""


@dataclass(frozen=True, slots=True)
class Filed:
    """The report for a request and whether it was filed by an earlier request."""

    report: Report
    replayed: bool


def parse_key(header: str) -> str:
    """The key from an ``Idempotency-Key`` header (quoted as an RFC 8941 string, or not)."""
    key = header.strip()
    if len(key) >= 2 and key.startswith('"') and key.endswith('"'):
        key = key[1:-1]
    if not key:
        raise InvalidIdempotencyKey(_("The key is empty."))
    if len(key) > MAX_KEY_LENGTH:
        raise InvalidIdempotencyKey(
            _("The key has %(length)d characters; at most %(limit)d are allowed.")
            % {"length": len(key), "limit": MAX_KEY_LENGTH}
        )
    return key


def body_digest(body: bytes) -> str:
    """The SHA-256 (hex) a key is bound to."""
    return hashlib.sha256(body).hexdigest()


def _earlier(organisation: Organisation, key: str, digest: str) -> Report | None:
    found = (
        IdempotencyKey.objects.select_related("report")
        .filter(organisation=organisation, key=key)
        .first()
    )
    if found is None:
        return None
    if found.body_sha256 != digest:
        raise IdempotencyKeyReused(key)
    return found.report


def file_once(
    organisation: Organisation, key: str, body: bytes, file: Callable[[], Report]
) -> Filed:
    """Call ``file`` to store the report for ``body`` unless ``key`` already filed it.

    Raises `IdempotencyKeyReused` when the key came with another body before.
    """
    digest = body_digest(body)
    earlier = _earlier(organisation, key, digest)
    if earlier is not None:
        return Filed(earlier, replayed=True)
    try:
        with transaction.atomic():
            report = file()
            IdempotencyKey.objects.create(
                organisation=organisation, key=key, body_sha256=digest, report=report
            )
    except IntegrityError:
        # A concurrent request with the same key committed first; ours is rolled back.
        earlier = _earlier(organisation, key, digest)
        if earlier is None:
            raise
        return Filed(earlier, replayed=True)
    return Filed(report, replayed=False)
