"""What the demo contains, counted from the database: for the command's closing summary."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from crex.accounts.models import Organisation
from crex.core.taxonomy import OFFENCE_CODES
from crex.reports.models import Observable, Report


@dataclass(frozen=True, slots=True)
class RecurringIdentifier:
    """An identifier seen in several demo reports, and the victims' countries."""

    type: str
    value: str
    reports: int
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """Counts of the demo's reports by offence, language, country, channel and status."""

    organisations: list[Organisation]
    reports: int
    by_offence: dict[str, int]
    by_language: dict[str, int]
    by_country: dict[str, int]
    by_channel: dict[str, int]
    by_status: dict[str, int]
    recurring: list[RecurringIdentifier]


def _count(reports: QuerySet[Report], field: str) -> dict[str, int]:
    rows = reports.values(field).annotate(n=Count("id")).order_by("-n", field)
    return {row[field] or "—": row["n"] for row in rows}


def recurring_identifiers(
    report_ids: list[int], minimum: int = 3, limit: int = 15
) -> list[RecurringIdentifier]:
    """Identifiers linking at least ``minimum`` of the given reports, most linked first."""
    observables = (
        Observable.objects.filter(reports__report_id__in=report_ids)
        .annotate(n=Count("reports__report", distinct=True))
        .filter(n__gte=minimum)
        .order_by("-n", "type", "value")[:limit]
    )
    found = []
    for observable in observables:
        countries = (
            Report.objects.filter(pk__in=report_ids, observables__observable=observable)
            .exclude(victim_country="")
            .values_list("victim_country", flat=True)
            .distinct()
            .order_by("victim_country")
        )
        found.append(
            RecurringIdentifier(
                observable.type,
                observable.display or observable.value,
                observable.n,
                tuple(countries),
            )
        )
    return found


def summarise(report_ids: list[int]) -> DemoSummary:
    """Count what the demo load stored."""
    reports = Report.objects.filter(pk__in=report_ids)
    by_offence = _count(reports, "offence")
    ordered = {code: by_offence.get(code, 0) for code in OFFENCE_CODES}
    return DemoSummary(
        organisations=list(
            Organisation.objects.order_by("-is_operator", "kind", "country", "name")
        ),
        reports=reports.count(),
        by_offence=ordered,
        by_language=_count(reports, "language"),
        by_country=_count(reports, "victim_country"),
        by_channel=_count(reports, "channel"),
        by_status=_count(reports, "status"),
        recurring=recurring_identifiers(report_ids),
    )
