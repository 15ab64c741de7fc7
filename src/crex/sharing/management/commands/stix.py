"""``crex stix``: STIX 2.1 bundles on the command line.

crex stix export REFERENCE [--output FILE]     a report as it leaves the organisation
crex stix export --case N [--output FILE]      a case with the reports that go with it
crex stix import FILE|- --organisation ORG     a partner's bundle into ORG's reports
crex stix validate FILE|-                      check a bundle with the OASIS validator
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.cases.models import Case
from crex.core.stix import StixError, case_bundle, report_bundle, validate_bundle
from crex.sharing.commands import (
    add_export_parser,
    add_import_parser,
    chosen_source,
    organisation_named,
    read_input,
    summary,
    write_output,
)
from crex.sharing.imports import import_bundle
from crex.sharing.outgoing import outgoing_case, outgoing_report


class Command(BaseCommand):
    help = "Export reports and cases as STIX 2.1 bundles, import and validate bundles."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add_export_parser(actions, "a bundle")
        add_import_parser(actions, "a partner's bundle")
        validate = actions.add_parser("validate", help="validate a bundle (offline)")
        validate.add_argument("file", help="bundle file, or - for stdin")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "export":
            write_output(json.dumps(self._export(options), indent=2), options["output"])
        elif action == "import":
            organisation = organisation_named(options["organisation"])
            try:
                result = import_bundle(read_input(options["file"]), organisation=organisation)
            except StixError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write("\n".join(summary(result)))
        else:
            self._validate(read_input(options["file"]))

    def _export(self, options: dict[str, Any]) -> dict[str, Any]:
        source = chosen_source(options)
        if isinstance(source, Case):
            return case_bundle(outgoing_case(source))
        return report_bundle(outgoing_report(source))

    def _validate(self, data: bytes) -> None:
        try:
            bundle = json.loads(data)
        except ValueError as exc:
            raise CommandError(f"not JSON: {exc}") from None
        if not isinstance(bundle, dict):
            raise CommandError("not a STIX bundle (a JSON object is expected)")
        result = validate_bundle(bundle)
        for warning in result.warnings:
            self.stdout.write(f"warning: {warning}")
        for error in result.errors:
            self.stdout.write(f"error: {error}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} errors")
        self.stdout.write(self.style.SUCCESS(f"valid ({len(result.warnings)} warnings)"))
