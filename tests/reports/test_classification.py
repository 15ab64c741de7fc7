"""Reports that arrive without an offence get one proposed from their text; low
confidence sends them to triage; an analyst's verdict is kept as training data."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings
from scripts.add_to_corpus import main as add_to_corpus

from crex.accounts.models import ApiToken, Organisation, User
from crex.audit.services import events_for
from crex.core.classify.corpus import load_corpus
from crex.reports import services
from crex.reports.models import ClassificationCorrection, Report
from crex.reports.pipeline import process_report
from tests.reports.conftest import FileReport

RANSOMWARE = (
    "All files on our office server were encrypted overnight and have the extension .lockbit. "
    "A ransom note asks for 2 bitcoin to get the decryption key."
)


@pytest.fixture
def proposed(file_report: FileReport) -> Report:
    """A report filed without an offence, then processed."""
    report = file_report(narrative=RANSOMWARE)
    process_report(report)
    report.refresh_from_db()
    return report


def test_an_offence_is_proposed_from_the_text(proposed: Report) -> None:
    assert proposed.offence == "ransomware"
    assert proposed.category == "attack_on_systems"
    assert proposed.offence_proposed
    assert 0 < proposed.proposal["confidence"] <= 1
    evidence = proposed.proposal["evidence"]
    assert evidence
    assert all(RANSOMWARE[e["start"] : e["end"]] == e["text"] for e in evidence)
    assert events_for(proposed).filter(action="report.offence_proposed").exists()


def test_a_given_offence_is_left_alone(file_report: FileReport) -> None:
    report = file_report(narrative=RANSOMWARE, offence="phishing")
    process_report(report)
    report.refresh_from_db()
    assert (report.offence, report.offence_proposed) == ("phishing", False)


def test_low_confidence_goes_to_triage(
    file_report: FileReport,
    settings: Settings,
    police_analyst: User,
    login: Callable[[User], Client],
) -> None:
    settings.CREX_CLASSIFY_THRESHOLD = 1.01  # nothing is that sure
    report = file_report(narrative="hello, something odd happened, not sure what")
    process_report(report)
    report.refresh_from_db()
    assert report.needs_triage
    client = login(police_analyst)
    queue = client.get(reverse("reports:queue"), {"classification": "needs_triage"})
    assert report.reference in queue.content.decode()
    confirmed = client.get(reverse("reports:queue"), {"classification": "confirmed"})
    assert report.reference not in confirmed.content.decode()


def test_an_analysts_verdict_is_kept_as_training_data(
    proposed: Report, police_analyst: User
) -> None:
    services.reclassify(proposed, police_analyst, "malware")
    proposed.refresh_from_db()
    assert (proposed.offence, proposed.offence_proposed, proposed.needs_triage) == (
        "malware",
        False,
        False,
    )
    correction = ClassificationCorrection.objects.get(report=proposed)
    assert (correction.proposed, correction.corrected) == ("ransomware", "malware")
    out = io.StringIO()
    call_command("classify", "--corrections", stdout=out)
    (row,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (row["offence"], row["proposed"], row["text"]) == ("malware", "ransomware", RANSOMWARE)
    assert row["id"] == f"malware-{row['language']}-{proposed.reference}"


def test_exported_verdicts_can_be_added_to_the_corpus(
    proposed: Report, police_analyst: User, tmp_path: Path
) -> None:
    services.reclassify(proposed, police_analyst, "malware")
    exported = tmp_path / "verdicts.jsonl"
    with exported.open("w", encoding="utf-8") as handle:
        call_command("classify", "--corrections", stdout=handle)
    corpus = tmp_path / "corpus"
    corpus.mkdir()

    assert add_to_corpus(["--corpus", str(corpus), str(exported)]) == 0
    (example,) = load_corpus(corpus)
    assert (example.offence, example.text) == ("malware", RANSOMWARE)
    assert example.split in ("train", "test")


def test_confirming_a_proposal_is_a_verdict_too(proposed: Report, police_analyst: User) -> None:
    services.reclassify(proposed, police_analyst, "ransomware")
    proposed.refresh_from_db()
    assert not proposed.offence_proposed
    correction = ClassificationCorrection.objects.get(report=proposed)
    assert correction.proposed == correction.corrected == "ransomware"


def test_the_detail_page_shows_the_proposal_and_its_evidence(
    proposed: Report, police_analyst: User, login: Callable[[User], Client]
) -> None:
    page = login(police_analyst).get(reverse("reports:detail", args=[proposed.reference]))
    text = page.content.decode()
    assert "proposed from the text" in text
    assert "<mark>" in text


def test_classify_command_json_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"text": RANSOMWARE}) + "\n" + "not json\n" + json.dumps({"text": ""}) + "\n"
    )
    out = io.StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command("classify", "--json", str(source), stdout=out)
    assert stopped.value.code == 1
    first, second, third = (json.loads(line) for line in out.getvalue().splitlines())
    assert (first["offence"], first["category"]) == ("ransomware", "attack_on_systems")
    assert "line 2" in second["error"]
    assert third["offence"] == "other"


def test_classify_command_plain_text(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(RANSOMWARE)
    out = io.StringIO()
    call_command("classify", str(source), stdout=out)
    assert "offence     ransomware" in out.getvalue()


def test_a_failing_classifier_leaves_the_report_unclassified_but_processed(
    file_report: FileReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr("crex.reports.classification.classify", broken)
    report = file_report(narrative=RANSOMWARE)
    process_report(report)
    report.refresh_from_db()
    assert (report.offence, report.offence_proposed) == ("", False)
    assert report.processed_at is not None


def test_the_api_says_an_offence_was_proposed(proposed: Report, operator: Organisation) -> None:
    _, raw = ApiToken.issue(operator, "test")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = client.get(reverse("api:get_report", args=[proposed.reference])).json()
    assert (body["offence"], body["offence_proposed"]) == ("ransomware", True)
