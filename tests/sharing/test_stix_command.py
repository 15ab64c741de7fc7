"""``crex stix``: export a report, import it elsewhere, validate bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from crex.accounts.models import Organisation
from crex.reports.models import Report
from tests.sharing.conftest import Ingest


def test_export_import_and_validate(
    ingest: Ingest,
    foreign_contact_point: Organisation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = ingest("Wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq asked in a sextortion mail")
    out = tmp_path / "bundle.json"
    call_command("stix", "export", report.reference, "--output", str(out))
    assert json.loads(out.read_text())["type"] == "bundle"
    call_command("stix", "validate", str(out))
    assert "valid (" in capsys.readouterr().out
    call_command("stix", "import", str(out), "--organisation", foreign_contact_point.name)
    assert "1 new" in capsys.readouterr().out
    assert Report.objects.filter(organisation=foreign_contact_point).count() == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "CR-2026-9999999-9"], "no such report"),
        (["export", "--case", "999"], "no such case"),
        (["export"], "give a report reference"),
        (["import", "/nonexistent.json", "--organisation", "x"], "no such organisation"),
    ],
)
def test_bad_arguments_give_a_clear_error(argv: list[str], message: str, db: None) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("stix", *argv)


def test_validate_reports_errors(tmp_path: Path, db: None) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "bundle", "id": "bundle--1", "objects": [{"type": "url"}]}')
    with pytest.raises(CommandError, match="errors"):
        call_command("stix", "validate", str(bad))
    bad.write_text("not json")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("stix", "validate", str(bad))
