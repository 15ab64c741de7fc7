"""The follow-up service: opening a report with its code, rate limits, public status,
and information the reporter adds later."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pytest_django.fixtures import Settings

from crex.accounts.models import Organisation
from crex.audit.services import events_for, verify_chain
from crex.core.reference import format_reference
from crex.intake import followup
from crex.intake.followup import AdditionInvalid, FollowUpLocked
from crex.intake.models import FollowUpAttempt
from crex.intake.services import FiledReport, ReportSubmission, submit
from crex.reports.models import Report

CLIENT = followup.client_key("192.0.2.10")


@pytest.fixture
def filed(operator: Organisation) -> FiledReport:
    """A report with a receipt code, as the portal files it."""
    return submit(
        ReportSubmission(
            channel="web", narrative="My e-mail account was taken over.", offence="account_takeover"
        ),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
        issue_receipt=True,
    )


def test_the_right_code_opens_the_report(filed: FiledReport) -> None:
    found = followup.open_report(filed.report.reference, filed.receipt_code, CLIENT)
    assert found == filed.report
    assert not FollowUpAttempt.objects.exists()


def test_codes_are_read_leniently(filed: FiledReport) -> None:
    typed = filed.receipt_code.lower().replace("-", " ")
    assert followup.open_report(filed.report.reference.lower(), typed, CLIENT) == filed.report


@pytest.mark.parametrize("reference", [format_reference(2026, 4242), "CR-nonsense", ""])
def test_unknown_references_and_wrong_codes_fail_alike(filed: FiledReport, reference: str) -> None:
    assert followup.open_report(reference, filed.receipt_code, CLIENT) is None
    assert followup.open_report(filed.report.reference, "WRONG", CLIENT) is None
    assert FollowUpAttempt.objects.count() == 2


def test_reports_without_a_receipt_code_cannot_be_opened(operator: Organisation) -> None:
    filed = submit(
        ReportSubmission(channel="api", offence="phishing"),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
    )
    assert filed.report.receipt_code_hash == ""
    assert followup.open_report(filed.report.reference, "", CLIENT) is None


def test_a_locked_reference_refuses_even_the_right_code(
    filed: FiledReport, settings: Settings
) -> None:
    settings.CREX_FOLLOWUP_MAX_FAILURES_PER_REFERENCE = 2
    for number in range(2):
        followup.open_report(filed.report.reference, "WRONG", followup.client_key(str(number)))
    assert followup.is_locked(filed.report.reference, CLIENT)
    with pytest.raises(FollowUpLocked):
        followup.open_report(filed.report.reference, filed.receipt_code, CLIENT)


def test_only_failures_of_the_last_hour_count(filed: FiledReport, settings: Settings) -> None:
    settings.CREX_FOLLOWUP_MAX_FAILURES_PER_REFERENCE = 2
    long_ago = timezone.now() - timedelta(hours=1, minutes=1)
    for _ in range(5):
        FollowUpAttempt.objects.create(
            reference=filed.report.reference, client=CLIENT, created_at=long_ago
        )
    assert not followup.is_locked(filed.report.reference, CLIENT)
    assert followup.open_report(filed.report.reference, filed.receipt_code, CLIENT) is not None


def test_client_keys_do_not_contain_the_address() -> None:
    key = followup.client_key("198.51.100.23")
    assert len(key) == 64
    assert "198.51" not in key


def test_access_is_granted_per_report_and_can_be_revoked() -> None:
    session = SessionStore()
    reference = format_reference(2026, 5)
    followup.grant_access(session, reference)
    assert followup.has_access(session, reference.lower())
    assert not followup.has_access(session, format_reference(2026, 6))
    followup.revoke_access(session, reference)
    assert not followup.has_access(session, reference)


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("new", "received"),
        ("triaged", "assessed"),
        ("in_case", "investigation"),
        ("closed", "closed"),
    ],
)
def test_every_status_has_public_words(filed: FiledReport, status: str, code: str) -> None:
    filed.report.status = status
    assert followup.public_status(filed.report).code == code
    assert set(followup.PUBLIC_STATUSES) == set(Report.Status.values)


def test_an_addition_is_stored_and_audited(filed: FiledReport) -> None:
    upload = SimpleUploadedFile("screenshot.png", b"\x89PNG fake", content_type="image/png")
    addition = followup.add_information(filed.report, text="  More details.  ", upload=upload)
    assert addition.text == "More details."
    assert addition.file_name == "screenshot.png"
    assert addition.file_size == 9
    event = events_for(filed.report).get()
    assert event.actor_label == "reporter"
    assert event.organisation == filed.report.organisation
    assert event.changes["file_sha256"] == addition.file_sha256
    assert "More details." not in str(event.changes)  # the audit log keeps no reporter text
    assert verify_chain() is None


@pytest.mark.parametrize(
    ("text", "upload", "field", "message"),
    [
        ("", None, "text", "Write something or choose a file to add."),
        ("x" * 20_001, None, "text", "Please keep it under 20000 characters."),
        ("", SimpleUploadedFile("a.txt", b""), "file", "This file is empty."),
        ("", SimpleUploadedFile("a.bin", b"x" * 2_000_000), "file", "This file is too large."),
    ],
)
def test_bad_additions_are_refused(
    filed: FiledReport,
    settings: Settings,
    text: str,
    upload: SimpleUploadedFile | None,
    field: str,
    message: str,
) -> None:
    settings.CREX_MAX_UPLOAD_BYTES = 1024 * 1024
    with pytest.raises(AdditionInvalid) as caught:
        followup.add_information(filed.report, text=text, upload=upload)
    assert caught.value.field == field
    assert str(caught.value.message).startswith(message)
    assert not filed.report.additions.exists()
