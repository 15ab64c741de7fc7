"""``crex export observables``: the same export from the command line, acting as an
organisation (the operator unless named), to a file or standard output, audited."""

from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from crex.accounts.models import Organisation
from crex.audit.models import AuditEvent
from crex.reports.models import Report
from crex.sharing.exports import COLUMNS
from tests.correlation.conftest import file_report, ingest
from tests.sharing.test_exports import INVESTMENT, MULE, NEVER_OUTSIDE, PHONE, VICTIM, world

__all__ = ["file_report", "ingest", "world"]


def export(*args: str) -> tuple[str, str]:
    """Run the command; its standard output and error."""
    out, err = StringIO(), StringIO()
    call_command("export", "observables", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_writes_the_operators_export_to_a_file(
    world: dict[str, Report], operator: Organisation, tmp_path: Path
) -> None:
    target = tmp_path / "observables.csv"
    _, err = export("--output", str(target))
    with target.open(encoding="utf-8", newline="") as file:
        assert file.read(len(COLUMNS[0]) + 1) == "type,"
        file.seek(0)
        rows = list(csv.DictReader(file))
    assert {MULE, VICTIM, INVESTMENT, *NEVER_OUTSIDE} <= {row["value"] for row in rows}
    assert f"Exported {len(rows)} observables seen by {operator.name} to {target}" in err


def test_the_command_acts_as_the_named_organisation(
    world: dict[str, Report], cert: Organisation
) -> None:
    out, err = export("--organisation", "nl cert", "--format", "jsonl", "--output", "-")
    exported = {json.loads(line)["value"] for line in out.splitlines()}
    assert {MULE, INVESTMENT, PHONE} <= exported
    assert not exported & {*NEVER_OUTSIDE, VICTIM}
    assert "seen by NL CERT to standard output" in err


def test_the_command_filters(world: dict[str, Report], tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    export(
        "--type", "iban", "phone-number", "--offence", "phishing", "--since", "2024-01-16",
        "--tlp", "amber", "--role", "payee_account", "--format", "jsonl", "--output", str(target),
    )  # fmt: skip
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [row["value"] for row in rows] == [MULE]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--organisation", "Nobody"], "no organisation called 'Nobody'"),
        (["--type", "fax"], "--type: Unknown observable type"),
        (["--offence", "burglary"], "--offence: Unknown offence code"),
        (["--since", "last week"], "--since: Give a date"),
        (["--tlp", "purple"], "--tlp: Unknown TLP level"),
    ],
)
def test_bad_arguments_are_refused(operator: Organisation, args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        export(*args)
    assert not AuditEvent.objects.filter(action="observables.exported").exists()


def test_the_command_is_audited(world: dict[str, Report], operator: Organisation) -> None:
    export("--type", "iban", "--output", "-")
    event = AuditEvent.objects.get(action="observables.exported")
    assert event.organisation == operator
    assert event.actor_label == "crex export (command line)"
    assert event.changes == {"filters": {"types": ["iban"]}, "format": "csv", "via": "command"}
