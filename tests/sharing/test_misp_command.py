"""``crex misp``: a report out as a MISP event and in again elsewhere; a MISP feed
written for a partner and read back; bad input answered clearly."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from crex.accounts.models import Organisation, User
from crex.core.handling import Distribution
from crex.core.tlp import TLP
from crex.reports import services
from crex.reports.models import Report
from crex.sharing.handling import Handling
from crex.sharing.models import Provenance
from tests.sharing.conftest import Ingest

NARRATIVE = (
    "Investment platform asked me to send 2,000 EUR to LT12 1000 0111 0100 1000 "
    "via +44 20 7946 0958"
)


def test_a_report_goes_out_as_a_misp_event_and_comes_in_elsewhere(
    ingest: Ingest,
    foreign_contact_point: Organisation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = ingest(NARRATIVE, offence="investment_fraud", tlp="amber+strict")
    out = tmp_path / "event.json"
    call_command("misp", "export", report.reference, "--output", str(out))
    event = json.loads(out.read_text())["Event"]
    assert "tlp:amber+strict" in {tag["name"] for tag in event["Tag"]}
    call_command("misp", "import", str(out), "--organisation", foreign_contact_point.name)
    assert "1 new" in capsys.readouterr().out
    copy = Report.objects.get(organisation=foreign_contact_point)
    assert (copy.tlp, copy.offence) == ("amber+strict", "investment_fraud")
    assert copy.provenance.via == Provenance.Via.MISP
    assert "+442079460958" in set(copy.observables.values_list("observable__value", flat=True))


def test_a_misp_feed_of_what_reaches_a_partner(
    ingest: Ingest,
    police_analyst: User,
    cert: Organisation,
    foreign_contact_point: Organisation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shared = ingest(NARRATIVE, offence="investment_fraud")
    services.set_handling(shared, police_analyst, Handling(TLP.GREEN, Distribution.PARTNERS))
    ingest("Kept in: +44 20 7946 0000 called me")  # own organisation only
    call_command("misp", "export-feed", str(tmp_path), "--organisation", cert.name)
    assert "Wrote 1 events" in capsys.readouterr().out
    call_command("misp", "import-feed", str(tmp_path), "--organisation", foreign_contact_point.name)
    assert "1 new" in capsys.readouterr().out
    call_command("misp", "import-feed", str(tmp_path), "--organisation", foreign_contact_point.name)
    assert "1 unchanged" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "CR-2026-9999999-9"], "no such report"),
        (["import-feed", "/nonexistent", "--organisation", "NL CERT"], "not a feed directory"),
        (["import", "-", "--organisation", "Nobody"], "no such organisation"),
    ],
)
def test_bad_arguments_give_a_clear_error(
    argv: list[str], message: str, cert: Organisation
) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("misp", *argv)


def test_a_file_that_is_no_misp_event_is_refused(tmp_path: Path, cert: Organisation) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"Event": {"Attribute": "nope"}}')
    with pytest.raises(CommandError):
        call_command("misp", "import", str(bad), "--organisation", cert.name)
    assert not Report.objects.exists()


def test_a_misp_feed_is_read_over_http(
    ingest: Ingest,
    police_analyst: User,
    cert: Organisation,
    foreign_contact_point: Organisation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shared = ingest(NARRATIVE, offence="investment_fraud")
    services.set_handling(shared, police_analyst, Handling(TLP.GREEN, Distribution.PARTNERS))
    call_command("misp", "export-feed", str(tmp_path), "--organisation", cert.name)
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        call_command("misp", "import-feed", url, "--organisation", foreign_contact_point.name)
        assert "1 new" in capsys.readouterr().out
        with pytest.raises(CommandError, match="cannot fetch"):
            call_command(
                "misp",
                "import-feed",
                url + "missing/",
                "--organisation",
                foreign_contact_point.name,
            )
    finally:
        server.shutdown()
        server.server_close()
