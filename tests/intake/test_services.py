"""Filing a report: validate everything, store the original, contact details encrypted."""

import hashlib
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import translation

from crex.accounts.models import Organisation
from crex.core.receipt import hash_receipt_code
from crex.core.reference import is_valid_reference
from crex.intake.services import (
    FiledReport,
    Identifier,
    ReportSubmission,
    SubmissionInvalid,
    submit,
)
from crex.reports.models import Observable, ReporterContact


def file(organisation: Organisation, **fields: object) -> FiledReport:
    submission = ReportSubmission(channel="web", **fields)  # type: ignore[arg-type]
    return submit(
        submission,
        organisation=organisation,
        original=b'{"x": 1}',
        content_type="application/json",
        issue_receipt=True,
    )


def errors_of(organisation: Organisation, **fields: object) -> dict[str, str]:
    with pytest.raises(SubmissionInvalid) as caught:
        file(organisation, **fields)
    return {e.field: e.message for e in caught.value.errors}


def test_a_filed_report_has_reference_receipt_and_original(operator: Organisation) -> None:
    filed = file(
        operator,
        narrative="I paid for a bike that never came.",
        offence="online_shopping_fraud",
        victim_country="NL",
        loss_amount=Decimal("250.00"),
        loss_currency="EUR",
    )
    report = filed.report
    assert is_valid_reference(report.reference)
    assert report.category == "traditional"
    assert report.rsit == "fraud/masquerade"
    assert bytes(report.original) == b'{"x": 1}'
    assert report.original_sha256 == hashlib.sha256(b'{"x": 1}').hexdigest()
    assert report.receipt_code_hash == hash_receipt_code(filed.receipt_code)
    assert filed.receipt_code not in report.receipt_code_hash


def test_references_are_sequential_and_unique(operator: Organisation) -> None:
    refs = [file(operator, narrative="x").report.reference for _ in range(3)]
    assert len(set(refs)) == 3
    assert [int(r.split("-")[2]) for r in refs] == sorted(int(r.split("-")[2]) for r in refs)


def test_identifiers_are_normalised_and_shared(operator: Organisation) -> None:
    first = file(
        operator,
        identifiers=[
            Identifier("iban", "nl91 abna 0417 1643 00", "payee_account"),
            Identifier("wallet", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "wallet"),
        ],
    ).report
    second = file(
        operator,
        identifiers=[
            Identifier("iban", "NL91ABNA0417164300", "payee_account"),
        ],
    ).report
    iban = Observable.objects.get(type="iban")
    assert iban.value == "NL91ABNA0417164300"
    assert {link.report_id for link in iban.reports.all()} == {first.pk, second.pk}
    assert Observable.objects.filter(type="bitcoin").exists()


def test_contact_details_are_encrypted_at_rest(operator: Organisation) -> None:
    report = file(
        operator,
        contact_name="Jana Novak",
        contact_email="jana@example.org",
        contact_phone="+31612345678",
    ).report
    contact = ReporterContact.objects.get(report=report)
    assert contact.name == "Jana Novak"
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, phone FROM reports_reportercontact")
        raw = " ".join(str(v) for v in cursor.fetchone())
    for secret in ("Jana", "jana@example.org", "612345678"):
        assert secret not in raw


def test_every_problem_is_named(operator: Organisation) -> None:
    errors = errors_of(
        operator,
        offence="not_an_offence",
        victim_country="XX",
        loss_amount=Decimal("-5"),
        loss_currency="EURO",
        card_last4="4111111111111111",
        tlp="purple",
        incident_at=datetime(2026, 1, 1),  # no time zone: refused
        identifiers=[Identifier("iban", "NL91ABNA0417164301", "payee_account", "ibans[0]")],
    )
    assert set(errors) == {
        "offence",
        "victim_country",
        "loss.amount",
        "loss.currency",
        "card_last4",
        "tlp",
        "incident_at",
        "ibans[0]",
    }


def test_category_must_fit_the_offence(operator: Organisation) -> None:
    assert "category" in errors_of(operator, offence="phishing", category="illegal_content")
    report = file(operator, offence="other", category="attack_on_systems").report
    assert report.category == "attack_on_systems"


def test_amount_needs_a_currency(operator: Organisation) -> None:
    assert "loss.currency" in errors_of(operator, loss_amount=Decimal("10"))


def test_nothing_is_stored_when_invalid(operator: Organisation) -> None:
    errors_of(operator, victim_country="ZZ")
    assert not operator.reports.exists()


def test_incident_time_with_zone_is_kept(operator: Organisation) -> None:
    when = datetime(2026, 3, 1, 14, 30, tzinfo=UTC)
    assert file(operator, incident_at=when).report.incident_at == when


def test_a_report_received_earlier_keeps_its_year(operator: Organisation) -> None:
    when = datetime(2025, 12, 30, 23, 0, tzinfo=UTC)
    report = file(operator, narrative="late import").report
    earlier = submit(
        ReportSubmission(channel="feed"),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
        received_at=when,
    ).report
    assert earlier.received_at == when
    assert earlier.reference.startswith("CR-2025-0000001-")
    assert report.reference.startswith(f"CR-{report.received_at.year}-")


def test_messages_with_placeholders_are_translated(operator: Organisation) -> None:
    with translation.override("de"):
        errors = errors_of(operator, identifiers=[Identifier("sha256", "abc", "mentioned", "h")])
    assert "sha256" in errors["h"]
    assert errors["h"] != "This is not a valid sha256 hash."


def test_payment_and_contact_methods_use_the_vocabulary(operator: Organisation) -> None:
    errors = errors_of(operator, payment_method="barter", contact_method="pigeon")
    assert set(errors) == {"payment_method", "contact_method"}
    report = file(operator, payment_method="bank_transfer", contact_method="sms").report
    assert report.get_payment_method_display() == "Bank transfer"
