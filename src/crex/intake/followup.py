"""Following up on a report with its reference number and receipt code.

A reporter who kept the receipt code may see the public status of their report and add
information or files. Wrong codes reveal nothing (the same answer whether the reference
exists or not), codes are compared as hashes in constant time, and failed attempts are
rate-limited per reference and per client over the last hour. A correct code grants
access to that one report in the session for a limited time.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from crex.audit import services as audit
from crex.core.reference import normalise_reference
from crex.intake.models import FollowUpAttempt
from crex.intake.services import MAX_NARRATIVE
from crex.reports.models import Addition, Report
from crex.reports.visibility import report_for_receipt

ACCESS_TIME = timedelta(minutes=30)
ATTEMPT_WINDOW = timedelta(hours=1)
ADDITION_ACTION = "report.reporter_added_information"
_SESSION_KEY = "intake.followup"


class FollowUpLocked(Exception):
    """Too many failed attempts for this reference or from this client: try again later."""


class AdditionInvalid(ValueError):
    """An addition that cannot be accepted; ``field`` names the input at fault."""

    def __init__(self, field: str, message: Promise | str) -> None:
        super().__init__(str(message))
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class PublicStatus:
    """A report's status in the words shown to the reporter."""

    code: str
    label: Promise
    explanation: Promise


PUBLIC_STATUSES: dict[str, PublicStatus] = {
    Report.Status.NEW: PublicStatus(
        "received",
        _("Received"),
        _("We have received your report. It is waiting to be assessed by an analyst."),
    ),
    Report.Status.TRIAGED: PublicStatus(
        "assessed",
        _("Being assessed"),
        _("An analyst is assessing your report and comparing it with other reports."),
    ),
    Report.Status.IN_CASE: PublicStatus(
        "investigation",
        _("Linked to an investigation"),
        _(
            "Your report has been linked to an investigation together with other reports. "
            "We cannot share details of investigations."
        ),
    ),
    Report.Status.CLOSED: PublicStatus(
        "closed",
        _("Closed"),
        _(
            "We have finished handling your report. It stays in our records and still helps "
            "to link future reports."
        ),
    ),
}


def public_status(report: Report) -> PublicStatus:
    """The status of ``report`` as the reporter sees it."""
    return PUBLIC_STATUSES.get(report.status, PUBLIC_STATUSES[Report.Status.NEW])


def client_key(remote_addr: str) -> str:
    """The stored form of a client address: its SHA-256, never the address itself."""
    return hashlib.sha256(remote_addr.encode()).hexdigest()


def is_locked(reference: str, client: str) -> bool:
    """Whether failed attempts in the last hour reached the limit for the reference or client."""
    since = timezone.now() - ATTEMPT_WINDOW
    recent = FollowUpAttempt.objects.filter(created_at__gte=since)
    per_reference = settings.CREX_FOLLOWUP_MAX_FAILURES_PER_REFERENCE
    per_client = settings.CREX_FOLLOWUP_MAX_FAILURES_PER_CLIENT
    return (
        recent.filter(reference=normalise_reference(reference)).count() >= per_reference
        or recent.filter(client=client).count() >= per_client
    )


def _record_failure(reference: str, client: str) -> None:
    now = timezone.now()
    FollowUpAttempt.objects.filter(created_at__lt=now - 2 * ATTEMPT_WINDOW).delete()
    FollowUpAttempt.objects.create(
        reference=normalise_reference(reference)[:40], client=client, created_at=now
    )


def open_report(reference: str, code: str, client: str) -> Report | None:
    """The report whose reference and receipt code match, or None (a failure is recorded).

    Raises `FollowUpLocked` when too many attempts failed recently, before looking at the
    code at all: a locked reference stays locked even for the right code.
    """
    if is_locked(reference, client):
        raise FollowUpLocked
    report = report_for_receipt(reference, code)
    if report is None:
        _record_failure(reference, client)
    return report


def grant_access(session: SessionBase, reference: str) -> None:
    """Let this session see and add to the report ``reference`` for `ACCESS_TIME`."""
    granted: dict[str, Any] = dict(session.get(_SESSION_KEY, {}))
    granted[normalise_reference(reference)] = (timezone.now() + ACCESS_TIME).timestamp()
    session[_SESSION_KEY] = granted


def has_access(session: SessionBase, reference: str) -> bool:
    """Whether this session was granted access to ``reference`` and the grant is still valid."""
    expires = session.get(_SESSION_KEY, {}).get(normalise_reference(reference))
    return isinstance(expires, int | float) and expires > timezone.now().timestamp()


def revoke_access(session: SessionBase, reference: str) -> None:
    """End this session's access to ``reference``."""
    granted: dict[str, Any] = dict(session.get(_SESSION_KEY, {}))
    granted.pop(normalise_reference(reference), None)
    session[_SESSION_KEY] = granted


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def add_information(
    report: Report, *, text: str = "", upload: UploadedFile | None = None
) -> Addition:
    """Store text and/or a file the reporter added, and record it in the audit log.

    Raises `AdditionInvalid` when both are empty, the text is too long, or the file is
    empty or larger than ``CREX_MAX_UPLOAD_BYTES``. The file is stored under a random
    name; its original name, size, content type and SHA-256 are kept with it.
    """
    text = text.strip()
    if upload is not None:
        if not upload.size:
            raise AdditionInvalid("file", _("This file is empty."))
        if upload.size > settings.CREX_MAX_UPLOAD_BYTES:
            raise AdditionInvalid(
                "file",
                _("This file is too large. Files can be at most %(size)s MB.")
                % {"size": settings.CREX_MAX_UPLOAD_BYTES // (1024 * 1024)},
            )
    if len(text) > MAX_NARRATIVE:
        raise AdditionInvalid(
            "text", _("Please keep it under %(count)d characters.") % {"count": MAX_NARRATIVE}
        )
    if not text and upload is None:
        raise AdditionInvalid("text", _("Write something or choose a file to add."))
    addition = Addition(report=report, text=text)
    if upload is not None:
        addition.file_name = (upload.name or "")[:255]
        addition.file_size = upload.size
        addition.content_type = (upload.content_type or "application/octet-stream")[:100]
        addition.file_sha256 = _sha256(upload)
    with transaction.atomic():
        if upload is not None:
            addition.file.save(uuid.uuid4().hex, upload, save=False)
        addition.save()
        audit.record(
            ADDITION_ACTION,
            report,
            actor_label="reporter",
            organisation=report.organisation,
            changes={
                "addition": addition.pk,
                "text_length": len(text),
                "file_name": addition.file_name,
                "file_size": addition.file_size,
                "file_sha256": addition.file_sha256,
            },
        )
    return addition
