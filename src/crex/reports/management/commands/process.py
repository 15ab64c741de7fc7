"""``crex process``: run the processing pipeline on queued or chosen reports."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.reports.models import Report
from crex.reports.pipeline import pending_reports, process_report


class Command(BaseCommand):
    help = (
        "Process reports: those still queued (--pending, the default), all of them (--all), "
        "or the given references. Processing is idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("references", nargs="*", help="reference numbers to process")
        parser.add_argument("--all", action="store_true", help="re-process every report")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["references"]:
            reports = Report.objects.filter(reference__in=options["references"])
            missing = set(options["references"]) - set(reports.values_list("reference", flat=True))
            if missing:
                raise CommandError(f"no such report: {', '.join(sorted(missing))}")
        elif options["all"]:
            reports = Report.objects.order_by("received_at", "pk")
        else:
            reports = pending_reports()
        count = linked = 0
        for report in reports.iterator(chunk_size=500):
            linked += process_report(report).linked
            count += 1
        self.stdout.write(
            self.style.SUCCESS(f"Processed {count} reports; {linked} new observable links.")
        )
