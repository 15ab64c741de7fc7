"""Following up on a report with reference number and receipt code, through the portal."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from crex.accounts.models import Organisation
from crex.audit.models import AuditEvent
from crex.core.reference import format_reference
from crex.intake.followup import ADDITION_ACTION
from crex.intake.models import FollowUpAttempt
from crex.reports.models import Addition, Report
from tests.intake.portal import FOLLOW_UP, file_report

NO_MATCH = "The reference number and receipt code do not match a report."
LOCKED = "too many attempts"
UNKNOWN_REFERENCE = format_reference(2026, 999)


@pytest.fixture
def filed(client: Client, operator: Organisation) -> tuple[Report, str]:
    """A report filed through the portal and its receipt code."""
    return file_report(client, "persuaded_to_pay", answer="romance")


def status_url(report: Report) -> str:
    return reverse("intake:followup_status", args=[report.reference])


def open_report(client: Client, reference: str, code: str) -> object:
    return client.post(FOLLOW_UP, {"reference": reference, "code": code})


def text(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def test_the_follow_up_page_asks_for_reference_and_code(
    client: Client, operator: Organisation
) -> None:
    html = text(client.get(FOLLOW_UP, {"reference": "CR-2026-0000001-X"}))
    assert '<label for="id_reference">' in html
    assert '<label for="id_code">' in html
    assert 'value="CR-2026-0000001-X"' in html


def test_the_right_code_opens_the_status_page(filed: tuple[Report, str]) -> None:
    report, code = filed
    client = Client()
    response = open_report(client, report.reference.lower(), code.lower().replace("-", " "))
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == status_url(report)  # type: ignore[index]
    html = text(client.get(status_url(report)))
    assert report.reference in html
    assert "Received" in html
    assert "Romance fraud" in html
    assert 'enctype="multipart/form-data"' in html


@pytest.mark.parametrize(
    ("status", "public"),
    [
        (Report.Status.NEW, "Received"),
        (Report.Status.TRIAGED, "Being assessed"),
        (Report.Status.IN_CASE, "Linked to an investigation"),
        (Report.Status.CLOSED, "Closed"),
    ],
)
def test_the_status_is_shown_in_public_words(
    filed: tuple[Report, str], status: str, public: str
) -> None:
    report, code = filed
    Report.objects.filter(pk=report.pk).update(status=status)
    client = Client()
    open_report(client, report.reference, code)
    html = text(client.get(status_url(report)))
    assert f'<span class="status-label">{public}</span>' in html


def test_a_wrong_code_reveals_nothing(filed: tuple[Report, str]) -> None:
    report, code = filed
    client = Client()
    wrong = open_report(client, report.reference, "AAAA-BBBB-CCCC-DDDD-EEEE")
    unknown = open_report(client, UNKNOWN_REFERENCE, code)
    for response in (wrong, unknown):
        html = text(response)
        assert response.status_code == 200  # type: ignore[attr-defined]
        assert NO_MATCH in html
        assert "Romance" not in html
        assert "AAAA-BBBB" not in html
        assert code not in html
    assert client.get(status_url(report)).status_code == 302


def test_a_malformed_reference_is_explained(client: Client, operator: Organisation) -> None:
    html = text(open_report(client, "CR-2026-00001", "AAAA-BBBB-CCCC-DDDD-EEEE"))
    assert "This is not a valid reference number." in html
    assert 'value="CR-2026-00001"' in html
    assert not FollowUpAttempt.objects.exists()


def test_missing_fields_are_asked_for(client: Client, operator: Organisation) -> None:
    html = text(open_report(client, "", ""))
    assert "Enter the reference number of your report." in html
    assert "Enter your receipt code." in html
    assert 'href="#id_reference"' in html


def test_failed_attempts_are_stored_with_a_hashed_client(filed: tuple[Report, str]) -> None:
    report, _code = filed
    open_report(Client(REMOTE_ADDR="198.51.100.7"), report.reference, "WRONG")
    attempt = FollowUpAttempt.objects.get()
    assert attempt.reference == report.reference
    assert attempt.client == hashlib.sha256(b"198.51.100.7").hexdigest()


def test_a_reference_is_locked_after_too_many_failures(
    filed: tuple[Report, str], settings: Settings
) -> None:
    settings.CREX_FOLLOWUP_MAX_FAILURES_PER_REFERENCE = 3
    report, code = filed
    for number in range(3):
        attacker = Client(REMOTE_ADDR=f"203.0.113.{number}")
        assert NO_MATCH in text(open_report(attacker, report.reference, f"WRONG-{number}"))
    owner = Client(REMOTE_ADDR="192.0.2.50")
    response = open_report(owner, report.reference, code)
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert LOCKED in text(response)
    assert owner.get(status_url(report)).status_code == 302


def test_a_client_is_locked_after_too_many_failures(
    filed: tuple[Report, str], settings: Settings
) -> None:
    settings.CREX_FOLLOWUP_MAX_FAILURES_PER_CLIENT = 2
    report, code = filed
    client = Client(REMOTE_ADDR="203.0.113.9")
    open_report(client, format_reference(2026, 101), "WRONG")
    open_report(client, format_reference(2026, 102), "WRONG")
    response = open_report(client, report.reference, code)
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert LOCKED in text(response)
    assert open_report(Client(REMOTE_ADDR="192.0.2.1"), report.reference, code).status_code == 302  # type: ignore[attr-defined]


def test_access_to_another_report_is_not_granted(client: Client, operator: Organisation) -> None:
    first, first_code = file_report(client)
    second, _second_code = file_report(client)
    visitor = Client()
    open_report(visitor, first.reference, first_code)
    assert visitor.get(status_url(first)).status_code == 200
    assert visitor.get(status_url(second)).status_code == 302


def test_an_expired_grant_asks_for_the_code_again(filed: tuple[Report, str]) -> None:
    report, code = filed
    client = Client()
    open_report(client, report.reference, code)
    session = client.session
    session["intake.followup"] = {report.reference: 0}
    session.save()
    response = client.get(status_url(report))
    assert response.status_code == 302
    assert response["Location"] == f"{FOLLOW_UP}?reference={report.reference}"


def test_a_malformed_reference_in_the_address_is_not_found(
    client: Client, operator: Organisation
) -> None:
    assert client.get("/follow-up/not-a-reference/").status_code == 404


def test_signing_out_ends_access(filed: tuple[Report, str]) -> None:
    report, code = filed
    client = Client()
    open_report(client, report.reference, code)
    client.post(reverse("intake:followup_end", args=[report.reference]))
    assert client.get(status_url(report)).status_code == 302


# --- adding information ---------------------------------------------------------------------


@pytest.fixture
def reporter(filed: tuple[Report, str]) -> tuple[Client, Report]:
    """A browser that opened the filed report with its code."""
    report, code = filed
    client = Client()
    open_report(client, report.reference, code)
    return client, report


def test_adding_text(reporter: tuple[Client, Report]) -> None:
    client, report = reporter
    response = client.post(status_url(report), {"text": "He asked for money again today."})
    assert response.status_code == 302
    addition = Addition.objects.get(report=report)
    assert addition.text == "He asked for money again today."
    assert not addition.file
    event = AuditEvent.objects.get(action=ADDITION_ACTION)
    assert event.actor_label == "reporter"
    assert event.target_id == str(report.pk)
    assert "We have added this to your report." in text(client.get(status_url(report)))


def test_adding_a_file(reporter: tuple[Client, Report]) -> None:
    client, report = reporter
    content = b"From: lover@example.org\nSubject: Please send 500 EUR\n\nMy darling..."
    upload = SimpleUploadedFile("message.eml", content, content_type="message/rfc822")
    response = client.post(status_url(report), {"text": "", "file": upload})
    assert response.status_code == 302
    addition = Addition.objects.get(report=report)
    assert addition.file_name == "message.eml"
    assert addition.file_size == len(content)
    assert addition.content_type == "message/rfc822"
    assert addition.file_sha256 == hashlib.sha256(content).hexdigest()
    with addition.file.open("rb") as stored:
        assert stored.read() == content
    assert "message.eml" not in addition.file.name  # stored under a random name
    assert "message.eml" in text(client.get(status_url(report)))


def test_an_oversize_file_is_refused(reporter: tuple[Client, Report], settings: Settings) -> None:
    settings.CREX_MAX_UPLOAD_BYTES = 1024 * 1024
    client, report = reporter
    upload = SimpleUploadedFile("big.bin", b"x" * (1024 * 1024 + 1))
    response = client.post(status_url(report), {"text": "See file", "file": upload})
    assert response.status_code == 200
    assert "This file is too large. Files can be at most 1 MB." in text(response)
    assert "See file" in text(response)
    assert not Addition.objects.exists()


def test_an_empty_file_is_refused(reporter: tuple[Client, Report]) -> None:
    client, report = reporter
    response = client.post(status_url(report), {"file": SimpleUploadedFile("empty.txt", b"")})
    assert "This file is empty." in text(response)
    assert not Addition.objects.exists()


def test_an_empty_addition_is_refused(reporter: tuple[Client, Report]) -> None:
    client, report = reporter
    response = client.post(status_url(report), {"text": "   "})
    assert response.status_code == 200
    assert "Write something or choose a file to add." in text(response)
    assert not Addition.objects.exists()
    assert not AuditEvent.objects.filter(action=ADDITION_ACTION).exists()


def test_nothing_can_be_added_without_access(filed: tuple[Report, str]) -> None:
    report, _code = filed
    response = Client().post(status_url(report), {"text": "Injected"})
    assert response.status_code == 302
    assert not Addition.objects.exists()


def test_follow_up_works_in_german(filed: tuple[Report, str]) -> None:
    report, code = filed
    client = Client(headers={"accept-language": "de"})
    assert '<html lang="de">' in text(client.get(FOLLOW_UP))
    open_report(client, report.reference, code)
    response = client.get(status_url(report))
    assert response.status_code == 200
    assert '<html lang="de">' in text(response)
