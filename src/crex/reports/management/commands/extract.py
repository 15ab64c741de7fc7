"""``crex extract``: find the observables in text, as a table or as JSON lines.

Without ``--json`` the input is plain text and a table is printed. With ``--json`` every
input line is a JSON object ``{"text": "...", "region": "DE"}`` (region optional) and one
JSON line is written per input line, in order: ``{"observables": [...]}``, or
``{"error": "..."}`` for a line that is not such an object (the exit status is then 1).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from crex.core.observables import Observable, extract
from crex.reports.management.textinput import open_input, text_records


def as_json(found: Observable) -> dict[str, Any]:
    """One observable as written in the JSON lines output."""
    item: dict[str, Any] = {
        "type": found.type.value,
        "value": found.value,
        "display": found.display,
        "start": found.start,
        "end": found.end,
    }
    if found.flags:
        item["flags"] = sorted(flag.value for flag in found.flags)
    if found.registered_domain:
        item["registered_domain"] = found.registered_domain
    return item


class Command(BaseCommand):
    help = "Find URLs, domains, IPs, e-mail addresses, phones, IBANs, wallets, hashes... in text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="input file, or - for stdin")
        parser.add_argument("--json", action="store_true", help="JSON lines in and out")
        parser.add_argument("--region", default=None, help="default country for phone numbers")

    def handle(self, *args: Any, **options: Any) -> None:
        secret = settings.CREX_CARD_HASH_KEY.encode()
        source = open_input(options["file"])
        region = (options["region"] or "").upper() or None
        if not options["json"]:
            self._table(extract(source.read(), default_region=region, card_secret=secret))
            return
        failed = False
        for record, error in text_records(source, optional=("region",)):
            if record is None:
                failed = True
                self.stdout.write(json.dumps({"error": error}))
                continue
            line_region = record.get("region") or region
            found = extract(
                record["text"],
                default_region=line_region.upper() if line_region else None,
                card_secret=secret,
            )
            output = {"observables": [as_json(item) for item in found]}
            self.stdout.write(json.dumps(output, ensure_ascii=False))
        if failed:
            raise SystemExit(1)

    def _table(self, found: list[Observable]) -> None:
        rows = [
            (
                item.type.value,
                item.display,
                f"{item.start}-{item.end}",
                ",".join(sorted(flag.value for flag in item.flags)),
            )
            for item in found
        ]
        header = ("type", "value", "span", "flags")
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
        for row in [header, *rows]:
            self.stdout.write(
                "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
        self.stdout.write(f"{len(rows)} observables")
