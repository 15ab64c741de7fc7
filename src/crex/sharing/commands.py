"""Small helpers shared by the ``crex stix``, ``crex misp`` and ``crex feeds`` commands."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import CommandError

from crex.accounts.models import Organisation
from crex.cases.models import Case
from crex.reports.models import Report
from crex.sharing.imports import ImportResult


def organisation_named(name: str) -> Organisation:
    """The organisation called ``name``; a `CommandError` when there is none."""
    organisation = Organisation.objects.filter(name=name).first()
    if organisation is None:
        raise CommandError(f"no such organisation: {name}")
    return organisation


def read_input(path: str) -> bytes:
    """The bytes of ``path``, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None


def write_output(text: str, path: str) -> None:
    """Write ``text`` to ``path``, or to standard output for ``-``."""
    if path == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror}") from None


def add_export_parser(actions: Any, what: str) -> None:
    """The ``export`` action: a report reference, or ``--case N``, and ``--output``."""
    export = actions.add_parser("export", help=f"write a report or case as {what}")
    export.add_argument("reference", nargs="?", help="the report's reference")
    export.add_argument("--case", type=int, help="a case number instead of a report")
    export.add_argument("--output", default="-", help="file to write (default: stdout)")


def add_import_parser(actions: Any, what: str) -> None:
    """The ``import`` action: a file (``-`` for stdin) and the receiving organisation."""
    imported = actions.add_parser("import", help=f"import {what}")
    imported.add_argument("file", help=f"{what} file, or - for stdin")
    imported.add_argument("--organisation", required=True, help="receiving organisation")


def chosen_source(options: dict[str, Any]) -> Report | Case:
    """The report (by reference) or the case (``--case N``) an export names."""
    if options["case"] is not None:
        case = Case.objects.filter(pk=options["case"]).first()
        if case is None:
            raise CommandError(f"no such case: {options['case']}")
        return case
    if not options["reference"]:
        raise CommandError("give a report reference or --case N")
    report = Report.objects.filter(reference=options["reference"]).first()
    if report is None:
        raise CommandError(f"no such report: {options['reference']}")
    return report


def summary(result: ImportResult) -> list[str]:
    """What an import did, as lines to print."""
    lines = [
        f"{len(result.created)} new, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged, {len(result.skipped)} skipped"
    ]
    return lines + [f"  skipped {reason}" for reason in result.skipped]
