"""``crex extract``: find the observables in text, as a table or as JSON lines.

Without ``--json`` the input is plain text and a table is printed. With ``--json`` every
input line is a JSON object ``{"text": "...", "region": "DE"}`` (region optional) and one
JSON line is written per input line, in order: ``{"observables": [...]}``, or
``{"error": "..."}`` for a line that is not such an object (the exit status is then 1).
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.core.observables import Observable, extract


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

    def _open(self, name: str) -> IO[str]:
        if name == "-":
            return sys.stdin
        try:
            return open(name, encoding="utf-8", errors="replace")
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc.strerror}") from exc

    def handle(self, *args: Any, **options: Any) -> None:
        secret = settings.CREX_CARD_HASH_KEY.encode()
        source = self._open(options["file"])
        region = (options["region"] or "").upper() or None
        if not options["json"]:
            self._table(extract(source.read(), default_region=region, card_secret=secret))
            return
        failed = False
        for number, line in enumerate(source, start=1):
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError('expected an object with a "text" string')
                line_region = record.get("region") or region
                if line_region is not None and not isinstance(line_region, str):
                    raise ValueError('"region" must be a string')
            except ValueError as exc:
                failed = True
                self.stdout.write(json.dumps({"error": f"line {number}: {exc}"}))
                continue
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
