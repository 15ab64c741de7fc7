"""Storing reports: reference numbers, observables, and the analyst's changes (audited)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from crex.accounts.models import User
from crex.audit import services as audit
from crex.core.observables import Normalised
from crex.core.reference import format_reference
from crex.core.taxonomy import offence as offence_for
from crex.core.tlp import TLP
from crex.reports.models import Note, Observable, ReferenceCounter, Report, ReportObservable


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
    return report


def reclassify(
    report: Report, actor: User, offence_code: str, category: str | None = None
) -> Report:
    """Set the offence (and with it category and RSIT); `other` takes an explicit category."""
    fields: dict[str, object] = dict(classify_fields(offence_code))
    if offence_code == "other" and category:
        fields["category"] = category
    return _change(report, actor, "report.reclassified", fields)


def set_status(report: Report, actor: User, status: str) -> Report:
    """Move the report to ``status`` (new, triaged, in_case, closed)."""
    return _change(report, actor, "report.status_changed", {"status": Report.Status(status)})


def assign(report: Report, actor: User, assignee: User | None) -> Report:
    """Assign the report to a user of its receiving organisation (or to nobody)."""
    if assignee is not None and assignee.organisation_id != report.organisation_id:
        raise ValueError("reports are assigned within the receiving organisation")
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


def set_tlp(report: Report, actor: User, tlp: str) -> Report:
    """Change the report's TLP marking."""
    return _change(report, actor, "report.tlp_changed", {"tlp": TLP(tlp).value})


def add_note(report: Report, actor: User, text: str) -> Note:
    """Add an internal note to the report."""
    with transaction.atomic():
        note = Note.objects.create(report=report, author=actor, text=text)
        audit.record("report.note_added", report, actor=actor, changes={"note": text})
    return note
