"""``crex misp``: MISP events and feeds on the command line.

crex misp export REFERENCE [--output FILE]         a report as a MISP event
crex misp export --case N [--output FILE]          a case as one MISP event
crex misp import FILE|- --organisation ORG         a MISP event (JSON) into ORG's reports
crex misp import-feed DIR|URL --organisation ORG [--since TIMESTAMP]
                                                   the events of a MISP feed
crex misp export-feed DIR --organisation ORG       what reaches ORG, as a MISP feed
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import requests
from django.core.management.base import BaseCommand, CommandError, CommandParser

from crex.cases.models import Case
from crex.core.misp import (
    MispError,
    case_to_event,
    event_json,
    events_newer_than,
    feed_json,
    parse_manifest,
    report_to_event,
)
from crex.reports.visibility import visible_reports
from crex.sharing.commands import (
    add_export_parser,
    add_import_parser,
    chosen_source,
    organisation_named,
    read_input,
    summary,
    write_output,
)
from crex.sharing.imports import ImportResult, import_misp_event, import_misp_feed
from crex.sharing.outgoing import outgoing_case, outgoing_report

FETCH_TIMEOUT = 30  # seconds per file of a remote feed


class Command(BaseCommand):
    help = "Export reports and cases as MISP events, import MISP events and feeds."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add_export_parser(actions, "a MISP event")
        add_import_parser(actions, "a MISP event")
        feed = actions.add_parser("import-feed", help="import the events of a MISP feed")
        feed.add_argument("source", help="feed directory, or its URL")
        feed.add_argument("--organisation", required=True, help="receiving organisation")
        feed.add_argument("--since", type=int, default=0, help="only events newer (Unix time)")
        out = actions.add_parser("export-feed", help="write a MISP feed of what reaches ORG")
        out.add_argument("directory")
        out.add_argument("--organisation", required=True, help="the feed's reader")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            if action == "export":
                write_output(json.dumps(self._export(options), indent=2), options["output"])
            elif action == "import":
                organisation = organisation_named(options["organisation"])
                self._said(
                    import_misp_event(read_input(options["file"]), organisation=organisation)
                )
            elif action == "import-feed":
                organisation = organisation_named(options["organisation"])
                files = self._feed_files(options["source"], options["since"])
                self._said(
                    import_misp_feed(
                        files, organisation=organisation, since_timestamp=options["since"]
                    )
                )
            else:
                self._export_feed(Path(options["directory"]), options["organisation"])
        except MispError as exc:
            raise CommandError(str(exc)) from None

    def _export(self, options: dict[str, Any]) -> dict[str, Any]:
        source = chosen_source(options)
        if isinstance(source, Case):
            return event_json(case_to_event(outgoing_case(source)))
        return event_json(report_to_event(outgoing_report(source)))

    def _feed_files(self, source: str, since: int) -> Path | dict[str, bytes]:
        """A feed directory as it is, or the files of a remote feed fetched over HTTP."""
        if not source.startswith(("http://", "https://")):
            path = Path(source)
            if not path.is_dir():
                raise CommandError(f"not a feed directory: {source}")
            return path
        base = source.rstrip("/") + "/"
        files = {"manifest.json": self._fetch(base + "manifest.json")}
        for uuid in events_newer_than(parse_manifest(files["manifest.json"]), since):
            files[f"{uuid}.json"] = self._fetch(f"{base}{uuid}.json")
        return files

    def _fetch(self, url: str) -> bytes:
        try:
            response = requests.get(url, timeout=FETCH_TIMEOUT)
            response.raise_for_status()
        except requests.RequestException as exc:
            raise CommandError(f"cannot fetch {url}: {exc}") from None
        return response.content

    def _export_feed(self, directory: Path, reader: str) -> None:
        organisation = organisation_named(reader)
        reports = visible_reports(organisation).exclude(organisation=organisation)
        events = [
            report_to_event(outgoing_report(r)) for r in reports.select_related("organisation")
        ]
        manifest, bodies, hashes = feed_json(events)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "manifest.json").write_text(json.dumps(manifest, indent=1))
        for uuid, body in bodies.items():
            (directory / f"{uuid}.json").write_text(json.dumps(body))
        (directory / "hashes.csv").write_text(hashes)
        self.stdout.write(f"Wrote {len(bodies)} events to {directory}.")

    def _said(self, result: ImportResult) -> None:
        self.stdout.write("\n".join(summary(result)))
