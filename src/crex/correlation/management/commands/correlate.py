"""``crex correlate``: link reports through shared observables, or rebuild all links."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.correlation.rebuild import rebuild
from crex.correlation.services import correlate_report
from crex.reports.models import Report


class Command(BaseCommand):
    help = (
        "Correlate the given reports with every other report, or (--rebuild) recompute all "
        "links and proposed cases from the observable index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("references", nargs="*", help="reference numbers to correlate")
        parser.add_argument(
            "--rebuild", action="store_true", help="recompute every link and proposed case"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        references: list[str] = options["references"]
        if options["rebuild"] == bool(references):
            raise CommandError("give reference numbers, or --rebuild")
        started = time.perf_counter()
        if options["rebuild"]:
            result = rebuild(progress=lambda message: self.stdout.write(f"  {message}"))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Rebuilt in {time.perf_counter() - started:.1f} s: {result.links} links, "
                    f"{result.held} values held for review, {result.suppressed} on the "
                    f"warninglist, {result.cases_proposed} cases proposed, "
                    f"{result.reports_in_cases} reports placed in cases."
                )
            )
            return
        reports = Report.objects.filter(reference__in=references)
        missing = set(references) - set(reports.values_list("reference", flat=True))
        if missing:
            raise CommandError(f"no such report: {', '.join(sorted(missing))}")
        for report in reports:
            found = correlate_report(report)
            case = f"case {found.case.pk}" if found.case else "no case"
            self.stdout.write(f"{report.reference}: {found.links} links, {case}")
