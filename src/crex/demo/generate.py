"""Loading the demo: organisations, users and reports, filed through the real intake path.

Each planned report is validated and stored by `crex.intake.services.submit`, exactly as
one arriving by the portal, API, e-mail or feed; afterwards its receipt time, status and
assignee are set so the reports spread over a year and through the workflow. Analyst
notes go through `crex.reports.services.add_note` (and so into the audit log).
Everything happens in one transaction: the demo is loaded entirely or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from crex.accounts.models import User
from crex.demo.organisations import (
    DemoOrganisations,
    DemoUsers,
    ensure_organisations,
    ensure_users,
    is_loaded,
)
from crex.demo.plan import DEFAULT_REPORTS, SEED, PlannedReport, plan_reports
from crex.demo.sharing import distribute, ensure_sharing
from crex.intake.services import submit
from crex.reports.models import Note, Observable, Report
from crex.reports.services import add_note


@dataclass(slots=True)
class LoadedDemo:
    """What a demo load created."""

    organisations: DemoOrganisations
    users: DemoUsers
    report_ids: list[int]


def _file(plans: list[PlannedReport], organisations: DemoOrganisations) -> list[Report]:
    reports = []
    for plan in plans:
        submitter = organisations.by_key(plan.submitted_by) if plan.submitted_by else None
        filed = submit(
            plan.submission,
            organisation=organisations.operator,
            original=plan.original,
            content_type=plan.content_type,
            submitted_by=submitter,
            received_at=plan.received_at,
        )
        reports.append(filed.report)
    return reports


def _spread(reports: list[Report], plans: list[PlannedReport], analysts: list[User]) -> None:
    """Move each report to its planned time, status and assignee."""
    for report, plan in zip(reports, plans, strict=True):
        report.received_at = plan.received_at
        report.updated_at = plan.updated_at
        report.status = plan.status
        report.assigned_to = (
            analysts[plan.assignee % len(analysts)]
            if plan.assignee is not None and analysts
            else None
        )
    Report.objects.bulk_update(
        reports, ["received_at", "updated_at", "status", "assigned_to"], batch_size=200
    )


def _annotate(reports: list[Report], plans: list[PlannedReport], analysts: list[User]) -> None:
    """Add the planned notes, dated between receipt and the last change."""
    if not analysts:
        return
    dated = []
    for report, plan in zip(reports, plans, strict=True):
        if not plan.note:
            continue
        note = add_note(report, report.assigned_to or analysts[0], plan.note)
        note.created_at = plan.received_at + (plan.updated_at - plan.received_at) / 2
        dated.append(note)
    Note.objects.bulk_update(dated, ["created_at"], batch_size=200)


def _share(reports: list[Report], plans: list[PlannedReport], orgs: DemoOrganisations) -> None:
    """Share campaign reports with the contact points of the victims' countries."""
    through = Report.shared_with.through
    links = [
        through(report_id=report.pk, organisation_id=orgs.by_key(key).pk)
        for report, plan in zip(reports, plans, strict=True)
        for key in plan.share_with
        if key == "hub" or key[3:] in orgs.contact_points
    ]
    through.objects.bulk_create(links, ignore_conflicts=True)


def _date_observables(reports: list[Report]) -> None:
    """Give observables the time of the first report they appear in, not the load time."""
    observables = Observable.objects.filter(reports__report__in=reports).distinct()
    firsts = observables.annotate(first=Min("reports__report__received_at"))
    changed = []
    for observable in firsts:
        if observable.first and observable.first < observable.first_seen:
            observable.first_seen = observable.first
            changed.append(observable)
    Observable.objects.bulk_update(changed, ["first_seen"], batch_size=500)


def load_demo(
    total: int = DEFAULT_REPORTS, *, seed: int = SEED, now: datetime | None = None
) -> LoadedDemo | None:
    """Load the demo data; None (and nothing changed) when it is loaded already.

    Raises `crex.demo.plan.PlanError` when ``total`` is too small to cover every offence.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if is_loaded():
            return None
        organisations = ensure_organisations()
        users = ensure_users(organisations)
        plans = plan_reports(
            total,
            now=now - timedelta(minutes=1),
            home=organisations.home_country,
            contact_points=set(organisations.foreign_contact_points),
            seed=seed,
        )
        # Filed oldest first, so reference numbers run in the order of receipt.
        plans.sort(key=lambda plan: plan.received_at)
        team = users.analysts_of(organisations.operator)
        analysts = [u for u in team if u.role != User.Role.ADMIN] or team
        reports = _file(plans, organisations)
        _spread(reports, plans, analysts)
        _annotate(reports, plans, analysts)
        _share(reports, plans, organisations)
        distribute(reports, ensure_sharing(organisations))
        _date_observables(reports)
    return LoadedDemo(organisations, users, [r.pk for r in reports])
