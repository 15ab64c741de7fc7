"""Reports as the API shows them: what partners may read, never the reporter's contact
details, the receipt code hash or the stored original."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from crex.accounts.models import Organisation
from crex.core.disclosure import PersonalData
from crex.core.handling import Distribution
from crex.core.taxonomy import Category
from crex.core.tlp import TLP
from crex.intake.api.schemas import LossOut, ObservableOut, ReportCreated, ReportOut
from crex.reports.models import Report
from crex.reports.visibility import disclosed_to


def report_url(request: HttpRequest, report: Report) -> str:
    """The absolute URL of ``report`` in the API."""
    path = reverse("api:get_report", kwargs={"reference": report.reference})
    return request.build_absolute_uri(path)


def created(request: HttpRequest, report: Report) -> ReportCreated:
    """The answer to a filed report."""
    return ReportCreated(
        reference=report.reference,
        status=Report.Status(report.status),
        offence=report.offence or None,
        category=Category(report.category) if report.category else None,
        rsit=report.rsit or None,
        tlp=TLP(report.tlp),
        received_at=report.received_at,
        url=report_url(request, report),
    )


def detail(request: HttpRequest, report: Report, viewer: Organisation) -> ReportOut:
    """A report as far as the API shows it to ``viewer``: the victim's narrative only
    where ``viewer`` may see it (see `crex.reports.visibility.disclosed_to`).

    Expects ``organisation`` and the observables ``viewer`` may see
    (``observables__observable``) to be fetched along.
    """
    loss = None
    if report.loss_amount is not None:
        loss = LossOut(amount=report.loss_amount, currency=report.loss_currency)
    shown = disclosed_to(viewer, report)
    observables = [
        ObservableOut(
            type=link.observable.type,
            value=link.observable.value,
            display=link.observable.display or link.observable.value,
            role=link.role,
        )
        for link in report.observables.all()
    ]
    return ReportOut(
        **created(request, report).model_dump(),
        channel=Report.Channel(report.channel),
        reporter_kind=Report.ReporterKind(report.reporter_kind),
        confidential=report.confidential,
        distribution=Distribution(report.distribution),
        offence_proposed=report.offence_proposed,
        narrative=report.narrative if PersonalData.NARRATIVE in shown else "",
        language=report.language or None,
        victim_country=report.victim_country or None,
        incident_time=report.incident_at,
        loss=loss,
        observables=observables,
        receiving_organisation=report.organisation.name,
        updated_at=report.updated_at,
    )
