"""Storing reports: reference numbers, observables, and the analyst's changes (audited)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from crex.accounts.models import User
from crex.audit import services as audit
from crex.core.handling import Distribution
from crex.core.observables import Normalised
from crex.core.reference import format_reference
from crex.core.taxonomy import offence as offence_for
from crex.core.tlp import TLP
from crex.reports.classification import record_verdict
from crex.reports.models import (
    SHARE_FIELDS,
    Addition,
    Note,
    Observable,
    ReferenceCounter,
    Report,
    ReporterContact,
    ReportObservable,
)
from crex.reports.visibility import can_work_on
from crex.sharing.handling import Handling, apply_handling
from crex.sharing.store import republish

#: Audit actions that record someone looking at a report rather than changing it.
VIEWED = "report.viewed"
CONTACT_VIEWED = "report.contact_viewed"
ORIGINAL_DOWNLOADED = "report.original_downloaded"
ADDITION_DOWNLOADED = "report.addition_downloaded"
ACCESS_ACTIONS = frozenset({VIEWED, CONTACT_VIEWED, ORIGINAL_DOWNLOADED, ADDITION_DOWNLOADED})


def next_reference(now: datetime | None = None) -> str:
    """Issue the next reference number of the year (``CR-2026-0000123-K``).

    The counter row is locked while issuing, so concurrent submissions never share one.
    """
    year = (now or timezone.now()).year
    with transaction.atomic():
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
    return format_reference(year, counter.last)


def attach_observables(
    report: Report, found: Iterable[tuple[Normalised, str]]
) -> list[ReportObservable]:
    """Store each (observable, role) for ``report``, reusing known observables.

    Idempotent: attaching the same observable in the same role twice stores it once.
    """
    links = []
    for item, role in found:
        observable, _ = Observable.objects.get_or_create(
            type=item.type.value, value=item.value, defaults={"display": item.display}
        )
        link, _ = ReportObservable.objects.get_or_create(
            report=report, observable=observable, role=role
        )
        links.append(link)
    return links


def classify_fields(offence_code: str) -> dict[str, str]:
    """The category, offence and RSIT fields that go with an offence code."""
    found = offence_for(offence_code)
    return {
        "offence": found.code,
        "category": found.category.value if found.category else "",
        "rsit": found.rsit,
    }


def _change(report: Report, actor: User, action: str, fields: dict[str, object]) -> Report:
    before = {name: getattr(report, name) for name in fields}
    changed = {
        name: [before[name], value] for name, value in fields.items() if before[name] != value
    }
    if not changed:
        return report
    with transaction.atomic():
        for name, value in fields.items():
            setattr(report, name, value)
        report.save(update_fields=[*fields, "updated_at"])
        audit.record(action, report, actor=actor, changes=changed)
    republish(report)
    return report


def reclassify(
    report: Report, actor: User, offence_code: str, category: str | None = None
) -> Report:
    """Set the offence (and with it category and RSIT); `other` takes an explicit category.

    On an offence crex proposed, this is the analyst's verdict (the same offence confirms
    it): it is kept as training data and takes the report out of the triage queue.
    """
    fields: dict[str, object] = dict(classify_fields(offence_code))
    if offence_code == "other" and category:
        fields["category"] = category
    if report.offence_proposed:
        record_verdict(report, actor, offence_code)
        fields |= {"offence_proposed": False, "needs_triage": False}
    return _change(report, actor, "report.reclassified", fields)


def set_status(report: Report, actor: User, status: str) -> Report:
    """Move the report to ``status`` (new, triaged, in_case, closed)."""
    return _change(report, actor, "report.status_changed", {"status": Report.Status(status)})


def assign(report: Report, actor: User, assignee: User | None) -> Report:
    """Assign the report to a user who may work on it (or to nobody).

    Raises ``ValueError`` for an assignee outside the receiving organisation, inactive,
    or without a role that works on reports.
    """
    if assignee is not None and not can_work_on(assignee, report):
        raise ValueError("reports are assigned to analysts of the receiving organisation")
    before = report.assigned_to.get_username() if report.assigned_to else None
    after = assignee.get_username() if assignee else None
    if before == after:
        return report
    with transaction.atomic():
        report.assigned_to = assignee
        report.save(update_fields=["assigned_to", "updated_at"])
        audit.record(
            "report.assigned", report, actor=actor, changes={"assigned_to": [before, after]}
        )
    return report


def set_handling(
    report: Report, actor: User, handling: Handling, shareable: dict[str, bool] | None = None
) -> Report:
    """Change the report's TLP marking, distribution and sharing group, and which of the
    victim's personal data may go with it (``share_*`` flags); raises `HandlingError`
    for a combination the handling rules refuse (e.g. TLP:RED to all partners)."""
    extra = {name: bool(on) for name, on in (shareable or {}).items()}
    unknown = extra.keys() - set(SHARE_FIELDS.values())
    if unknown:
        raise ValueError(f"not a share flag: {sorted(unknown)}")
    if apply_handling(report, actor, "report.handling_changed", handling, dict(extra)):
        republish(report)
    return report


def set_observable_handling(
    link: ReportObservable, actor: User, tlp: str, keep_inside: bool
) -> ReportObservable:
    """Give one observable of a report its own marking (``""``: as the report) and keep it
    inside the organisation or not; what it reaches is never looser than its report."""
    if tlp:
        TLP(tlp)  # ValueError for an unknown level
    distribution = Distribution.ORGANISATION.value if keep_inside else ""
    before = {"tlp": link.tlp, "distribution": link.distribution}
    after = {"tlp": tlp, "distribution": distribution}
    changed = {k: [before[k], v] for k, v in after.items() if before[k] != v}
    if not changed:
        return link
    with transaction.atomic():
        link.tlp, link.distribution = tlp, distribution
        link.save(update_fields=["tlp", "distribution"])
        audit.record(
            "report.observable_handling_changed",
            link.report,
            actor=actor,
            changes={"observable": str(link.observable), **changed},
        )
    republish(link.report)
    return link


def add_note(report: Report, actor: User, text: str) -> Note:
    """Add an internal note to the report; raises ``ValueError`` for a blank note."""
    text = text.strip()
    if not text:
        raise ValueError("a note needs some text")
    with transaction.atomic():
        note = Note.objects.create(report=report, author=actor, text=text)
        audit.record("report.note_added", report, actor=actor, changes={"note": text})
    return note


def record_view(report: Report, viewer: User) -> None:
    """Record that ``viewer`` opened ``report`` (every view of a report is audited)."""
    audit.record(VIEWED, report, actor=viewer)


def may_see_contact(user: User, report: Report) -> bool:
    """Whether ``user`` may read the reporter's contact details: only analysts,
    supervisors and admins of the receiving organisation."""
    return can_work_on(user, report)


def reveal_contact(report: Report, viewer: User) -> ReporterContact | None:
    """The reporter's decrypted contact details, recording that ``viewer`` saw them.

    Raises ``PermissionDenied`` for anyone but the receiving organisation's analysts,
    supervisors and admins. Returns None (and records nothing) when there are none.
    """
    if not may_see_contact(viewer, report):
        raise PermissionDenied("contact details are for the receiving organisation only")
    contact = ReporterContact.objects.filter(report=report).first()
    if contact is not None:
        audit.record(CONTACT_VIEWED, report, actor=viewer)
    return contact


def record_original_download(report: Report, viewer: User) -> None:
    """Record that ``viewer`` downloaded the original submission of ``report``."""
    audit.record(ORIGINAL_DOWNLOADED, report, actor=viewer)


def record_addition_download(addition: Addition, viewer: User) -> None:
    """Record that ``viewer`` downloaded the file of a reporter's addition."""
    audit.record(
        ADDITION_DOWNLOADED,
        addition.report,
        actor=viewer,
        changes={"addition": addition.pk, "file_name": addition.file_name},
    )
