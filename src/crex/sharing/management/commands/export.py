"""``crex export``: observables as an organisation sees them, to a file or standard output.

    crex export observables [--organisation NAME] [--type T ...] [--offence O]
                            [--since YYYY-MM-DD] [--tlp LEVEL] [--role ROLE]
                            [--format csv|jsonl] [--output FILE|-]

The export acts as the named organisation (default: the operator of this instance) and
holds exactly what the visibility rules give it. Every export is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.accounts.models import Organisation
from crex.accounts.services import operator_organisation
from crex.core.observables import OBSERVABLE_TYPES
from crex.sharing.exports import (
    ExportFormat,
    ExportRow,
    InvalidFilters,
    export_rows,
    in_chunks,
    parse_filters,
    record_export,
)

ACTOR = "crex export (command line)"


def _organisation(name: str | None) -> Organisation:
    if not name:
        return operator_organisation()
    try:
        return Organisation.objects.get(name__iexact=name.strip())
    except Organisation.DoesNotExist:
        known = ", ".join(Organisation.objects.values_list("name", flat=True)) or "none yet"
        raise CommandError(f"no organisation called {name!r} (known: {known})") from None


class _Counted:
    """Rows passed through, counted."""

    def __init__(self, rows: Iterable[ExportRow]) -> None:
        self.rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[ExportRow]:
        for row in self.rows:
            self.count += 1
            yield row


class Command(BaseCommand):
    help = "Export observables as an organisation sees them (CSV or JSON lines)."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="WHAT")
        observables = kinds.add_parser("observables", help="observables in reports, by role")
        observables.add_argument(
            "--organisation", help="act as this organisation (default: the operator)"
        )
        observables.add_argument(
            "--type",
            dest="types",
            nargs="+",
            action="extend",
            default=[],
            metavar="TYPE",
            help=f"observable types ({', '.join(OBSERVABLE_TYPES)})",
        )
        observables.add_argument("--offence", default="", help="the report's offence code")
        observables.add_argument(
            "--since", default="", help="reports received since (YYYY-MM-DD or ISO 8601)"
        )
        observables.add_argument(
            "--tlp",
            default="",
            help="strictest marking to include (amber: clear, green, amber)",
        )
        observables.add_argument("--role", default="", help="the observable's role")
        observables.add_argument(
            "--format", choices=[f.value for f in ExportFormat], default=ExportFormat.CSV.value
        )
        observables.add_argument(
            "--output", default="-", metavar="FILE", help="where to write ('-': standard output)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = _organisation(options["organisation"])
        try:
            filters = parse_filters(
                types=options["types"],
                offence=options["offence"],
                since=options["since"],
                tlp=options["tlp"],
                role=options["role"],
            )
        except InvalidFilters as exc:
            problems = "; ".join(f"--{field}: {message}" for field, message in exc.errors.items())
            raise CommandError(problems) from None
        file_format = ExportFormat(options["format"])
        record_export(organisation, filters, file_format, via="command", actor_label=ACTOR)
        rows = _Counted(export_rows(organisation, filters))
        output = options["output"]
        if output == "-":
            for piece in in_chunks(file_format.write(rows)):
                self.stdout.write(piece, ending="")
            self.stdout.flush()
        else:
            # newline="": the CSV writer already ends lines with CRLF, as RFC 4180 asks.
            with open(output, "w", encoding="utf-8", newline="") as file:
                file.writelines(in_chunks(file_format.write(rows)))
        where = "standard output" if output == "-" else output
        self.stderr.write(
            f"Exported {rows.count} observables seen by {organisation.name} to {where}."
        )
