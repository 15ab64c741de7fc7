"""Reading reports for the API, always through the one visibility function."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from crex.accounts.models import Organisation
from crex.core.reference import normalise_reference
from crex.intake.api.schemas import ReportFilters
from crex.reports.models import Report
from crex.reports.visibility import visible_observable_links, visible_reports


def _with_details(reports: QuerySet[Report], viewer: Organisation) -> QuerySet[Report]:
    """``reports`` with their organisation and the observables ``viewer`` may see."""
    links = visible_observable_links(viewer).select_related("observable").order_by("id")
    return reports.select_related("organisation").prefetch_related(
        Prefetch("observables", queryset=links)
    )


def find_report(viewer: Organisation, reference: str) -> Report | None:
    """The report with ``reference`` if ``viewer`` may see it, else None."""
    found = visible_reports(viewer).filter(reference=normalise_reference(reference))
    return _with_details(found, viewer).first()


def matching_reports(viewer: Organisation, filters: ReportFilters) -> QuerySet[Report]:
    """The reports ``viewer`` may see that match ``filters`` (paging is not applied)."""
    reports = visible_reports(viewer)
    exact = {
        "status": filters.status,
        "category": filters.category,
        "offence": filters.offence,
        "victim_country": filters.victim_country,
        "channel": filters.channel,
    }
    reports = reports.filter(**{name: value for name, value in exact.items() if value})
    if filters.received_after is not None:
        reports = reports.filter(received_at__gte=filters.received_after)
    if filters.received_before is not None:
        reports = reports.filter(received_at__lt=filters.received_before)
    return _with_details(reports, viewer)
