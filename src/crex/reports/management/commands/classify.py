"""``crex classify``: propose offence, category and RSIT class for text, as ``crex extract``
finds observables.

Without ``--json`` the input is one text and the proposal is printed with its evidence.
With ``--json`` every input line is ``{"text": "...", "language": "de"}`` (language
optional) and one JSON line is written per input line, in order:
``{"offence", "category", "rsit", "confidence", "language", "alternatives", "evidence"}``,
or ``{"error": "..."}`` for a line that is not such an object (the exit status is then 1).
``--corrections`` writes the analysts' verdicts on proposed offences as JSON lines of
training data: lines of the classification corpus (id, text, language, offence chosen)
with the offence proposed, ready for ``scripts/add_to_corpus.py``.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from crex.core.classify import Classification, classify
from crex.reports.classification import corrections_as_training_data, proposal_of
from crex.reports.management.textinput import open_input, text_records


def as_json(result: Classification) -> dict[str, Any]:
    """One classification as written in the JSON lines output."""
    proposal = proposal_of(result)
    return {
        "offence": result.offence,
        "category": result.category,
        "rsit": result.rsit,
        "confidence": proposal["confidence"],
        "language": result.language,
        "alternatives": proposal["alternatives"],
        "evidence": proposal["evidence"],
    }


class Command(BaseCommand):
    help = "Propose offence, category and RSIT class for free text (one text, or JSON lines)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="input file, or - for stdin")
        parser.add_argument("--json", action="store_true", help="JSON lines in and out")
        parser.add_argument(
            "--corrections",
            action="store_true",
            help="write the analysts' verdicts on proposed offences (training data)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["corrections"]:
            for row in corrections_as_training_data():
                self.stdout.write(json.dumps(row, ensure_ascii=False))
            return
        source = open_input(options["file"])
        if not options["json"]:
            self._show(classify(source.read()))
            return
        failed = False
        for record, error in text_records(source, optional=("language",)):
            if record is None:
                failed = True
                self.stdout.write(json.dumps({"error": error}))
                continue
            result = classify(record["text"], language=record.get("language") or None)
            self.stdout.write(json.dumps(as_json(result), ensure_ascii=False))
        if failed:
            raise SystemExit(1)

    def _show(self, result: Classification) -> None:
        self.stdout.write(f"offence     {result.offence}")
        self.stdout.write(f"category    {result.category}")
        self.stdout.write(f"rsit        {result.rsit}")
        self.stdout.write(f"confidence  {result.confidence:.2f}")
        self.stdout.write(f"language    {result.language or '-'}")
        for code, probability in result.alternatives:
            self.stdout.write(f"  or        {code} ({probability:.2f})")
        for item in result.evidence:
            self.stdout.write(f"  because   {item.text!r} at {item.start}-{item.end}")
