"""POST /api/v1/reports: a partner files a report; crex keeps the body as sent."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from crex.accounts.models import Organisation
from crex.reports.models import Report
from tests.intake.api.client import ApiClient

FULL_REPORT = {
    "narrative": "Customer paid a deposit for a flat advertised online; the landlord vanished.",
    "category": "traditional",
    "offence": "online_shopping_fraud",
    "observables": [
        {"type": "iban", "value": "nl91 abna 0417 1643 00", "role": "payee_account"},
        {"type": "url", "value": "hxxps://Flat-Rent.nl/offer/17", "role": "phishing_url"},
        {"type": "phone-number", "value": "06 12345678"},
        {"type": "email-addr", "value": "Landlord@Example.COM", "role": "sender"},
    ],
    "loss": {"amount": "1250.50", "currency": "EUR"},
    "victim_country": "NL",
    "language": "en",
    "incident_time": "2026-03-14T09:30:00+01:00",
    "reporter_kind": "citizen",
    "confidential": False,
    "tlp": "TLP:GREEN",
}


def test_a_bank_files_a_report_with_every_field(
    api: ApiClient, bank: Organisation, operator: Organisation, bank_token: str
) -> None:
    response = api.post_report(bank_token, FULL_REPORT)

    assert response.status_code == 201, response.content
    answer = response.json()
    assert set(answer) == {
        "reference",
        "status",
        "offence",
        "category",
        "rsit",
        "tlp",
        "received_at",
        "url",
    }
    assert answer["status"] == "new"
    assert answer["offence"] == "online_shopping_fraud"
    assert answer["category"] == "traditional"
    assert answer["rsit"] == "fraud/masquerade"
    assert answer["tlp"] == "green"
    assert answer["url"] == f"http://testserver/api/v1/reports/{answer['reference']}"
    assert response["Location"] == answer["url"]
    assert "Idempotent-Replayed" not in response

    report = Report.objects.get(reference=answer["reference"])
    assert report.channel == Report.Channel.API
    assert report.submitted_by == bank
    assert report.organisation == operator  # a bank is not a contact point
    assert report.loss_amount == Decimal("1250.50")
    assert report.loss_currency == "EUR"
    assert report.victim_country == "NL"
    assert report.reporter_kind == Report.ReporterKind.CITIZEN
    assert report.incident_at is not None
    assert report.incident_at.isoformat() == "2026-03-14T08:30:00+00:00"


def test_observables_are_stored_in_canonical_form(api: ApiClient, bank_token: str) -> None:
    reference = api.post_report(bank_token, FULL_REPORT).json()["reference"]

    stored = {
        (link.observable.type, link.observable.value, link.role)
        for link in Report.objects.get(reference=reference).observables.select_related("observable")
    }
    assert stored == {
        ("iban", "NL91ABNA0417164300", "payee_account"),
        ("url", "https://flat-rent.nl/offer/17", "phishing_url"),
        ("phone-number", "+31612345678", "mentioned"),
        ("email-addr", "landlord@example.com", "sender"),
    }


def test_the_original_body_is_kept_byte_for_byte(api: ApiClient, bank_token: str) -> None:
    body = '{"narrative":  "Spacing   and \\u00e9scapes kept",\n "offence": "phishing"}'
    response = api.post_report(
        bank_token, body.encode(), content_type="application/json; charset=utf-8"
    )

    report = Report.objects.get(reference=response.json()["reference"])
    assert bytes(report.original) == body.encode()
    assert report.original_sha256 == hashlib.sha256(body.encode()).hexdigest()
    assert report.original_content_type == "application/json; charset=utf-8"
    assert report.narrative == "Spacing   and éscapes kept"


def test_only_the_narrative_is_required(
    api: ApiClient, operator: Organisation, bank_token: str
) -> None:
    response = api.post_report(bank_token, {"narrative": "Strange e-mail asking for my PIN."})

    assert response.status_code == 201
    answer = response.json()
    assert answer["offence"] is None
    assert answer["category"] is None
    assert answer["tlp"] == "amber"
    report = Report.objects.get(reference=answer["reference"])
    assert report.reporter_kind == Report.ReporterKind.ORGANISATION
    assert report.confidential is False


def test_nulls_mean_not_given(api: ApiClient, bank_token: str) -> None:
    body = {
        "narrative": "x",
        "offence": None,
        "category": None,
        "loss": None,
        "victim_country": None,
        "language": None,
        "incident_time": None,
    }
    assert api.post_report(bank_token, body).status_code == 201


def test_a_contact_point_files_to_itself(
    api: ApiClient, foreign_contact_point: Organisation, foreign_token: str
) -> None:
    response = api.post_report(foreign_token, {"narrative": "Referred: CEO fraud against a firm."})

    report = Report.objects.get(reference=response.json()["reference"])
    assert report.organisation == foreign_contact_point
    assert report.submitted_by == foreign_contact_point


def test_loss_amount_as_a_json_number_is_exact(api: ApiClient, bank_token: str) -> None:
    body = '{"narrative": "x", "loss": {"amount": 1234.10, "currency": "usd"}}'
    reference = api.post_report(bank_token, body).json()["reference"]

    report = Report.objects.get(reference=reference)
    assert report.loss_amount == Decimal("1234.10")
    assert report.loss_currency == "USD"


def test_tlp_is_read_in_every_usual_spelling(api: ApiClient, bank_token: str) -> None:
    spellings = {"red": "red", "TLP:AMBER+STRICT": "amber+strict", "tlp:white": "clear"}
    for sent, stored in spellings.items():
        answer = api.post_report(bank_token, {"narrative": "x", "tlp": sent}).json()
        assert answer["tlp"] == stored


def test_a_category_without_offence_is_kept_as_offence_other(
    api: ApiClient, bank_token: str
) -> None:
    answer = api.post_report(bank_token, {"narrative": "x", "category": "illegal_content"}).json()

    assert answer["offence"] == "other"
    assert answer["category"] == "illegal_content"
    assert answer["rsit"] == "other/undetermined"


def test_a_crypto_wallet_of_unknown_kind_is_detected(api: ApiClient, bank_token: str) -> None:
    wallet = "0x52908400098527886E0F7030069857D2E4169EE7"
    body = {"narrative": "x", "observables": [{"type": "wallet", "value": wallet}]}
    reference = api.post_report(bank_token, body).json()["reference"]

    link = Report.objects.get(reference=reference).observables.get()
    assert link.observable.type == "ethereum"


def test_the_answer_is_json(api: ApiClient, bank_token: str) -> None:
    response = api.post_report(bank_token, {"narrative": "x"})

    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"] == "no-store"
    json.loads(response.content)
