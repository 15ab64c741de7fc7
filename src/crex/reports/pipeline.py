"""The processing pipeline that runs on every stored report.

A report is stored first (with its original), then processed: until `process_report`
has finished, ``processed_at`` is empty and the report counts as queued, so a crash
mid-way loses nothing and ``crex process --pending`` picks it up again. Every step is
idempotent: processing a report twice stores nothing twice.

Steps so far: find the observables written in the narrative and link them to the report;
enrich the report's observables not enriched yet (country, network, bank code); propose
an offence for a report that came without one (`crex.reports.classification`); link the
report to every report sharing one of its values and place it in a case
(`crex.correlation.services.correlate_report`); publish what may leave to the sharing
store (`crex.sharing.store`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from crex.core.observables import Normalised, extract
from crex.correlation.services import correlate_report
from crex.reports.classification import propose_offence
from crex.reports.enrichment import enrich_observables
from crex.reports.models import Observable, Report, ReportObservable
from crex.reports.services import attach_observables
from crex.sharing.store import republish

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Processed:
    """What processing one report found and how many new links it stored."""

    report: Report
    found: int
    linked: int
    report_links: int = 0


def observables_in_text(report: Report) -> list[Normalised]:
    """The distinct observables written in the report's narrative, in order of appearance."""
    seen: dict[tuple[str, str], Normalised] = {}
    for found in extract(
        report.narrative,
        default_region=report.victim_country or None,
        card_secret=settings.CREX_CARD_HASH_KEY.encode(),
    ):
        key = (found.type.value, found.value)
        if key not in seen:
            seen[key] = Normalised(found.type, found.value, found.display)
    return list(seen.values())


def process_report(report: Report) -> Processed:
    """Run every step on ``report`` and mark it processed.

    Observables already linked to the report in a role (from a typed field) keep that
    role; the others are linked as ``mentioned``.
    """
    found = observables_in_text(report)
    with transaction.atomic():
        known = set(report.observables.values_list("observable__type", "observable__value"))
        new = [item for item in found if (item.type.value, item.value) not in known]
        links = attach_observables(
            report, [(item, ReportObservable.Role.MENTIONED) for item in new]
        )
        enrich_observables(
            Observable.objects.filter(reports__report=report, enriched_at__isnull=True).distinct()
        )
        propose_offence(report)
        correlation = correlate_report(report)
        report.processed_at = timezone.now()
        Report.objects.filter(pk=report.pk).update(processed_at=report.processed_at)
    republish(report)
    return Processed(
        report=report, found=len(found), linked=len(links), report_links=correlation.links
    )


def process_after_commit(report_id: int) -> None:
    """Process a report once the transaction that stored it has committed.

    Runs in-process; a failure is logged and leaves the report queued for
    ``crex process --pending``, never losing it.
    """

    def run() -> None:
        report = Report.objects.filter(pk=report_id).first()
        if report is None:
            return
        try:
            process_report(report)
        except Exception:
            log.exception("processing report %s failed; it stays queued", report.reference)

    transaction.on_commit(run)


def pending_reports() -> QuerySet[Report]:
    """Reports stored but not (successfully) processed yet, oldest first."""
    return Report.objects.filter(processed_at__isnull=True).order_by("received_at", "pk")
