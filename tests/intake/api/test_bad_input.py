"""Bad report bodies get 4xx problem+json naming the field at fault, store nothing,
and never cause a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from crex.reports.models import Report
from tests.intake.api.client import ApiClient, problem_fields

IBAN = "NL91ABNA0417164300"


def report(**fields: Any) -> dict[str, Any]:
    """A valid body with ``fields`` replaced (a value of ... removes the field)."""
    body: dict[str, Any] = {"narrative": "Fake webshop took my money.", **fields}
    return {name: value for name, value in body.items() if value is not ...}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (report(narrative=...), "narrative"),
        (report(narrative=""), "narrative"),
        (report(narrative="   \n "), "narrative"),
        (report(narrative=["I was", "scammed"]), "narrative"),
        (report(narrative=12), "narrative"),
        (report(narrative=None), "narrative"),
        (report(narrative="x" * 20_001), "narrative"),
        (report(offence="not_a_crime"), "offence"),
        (report(offence=7), "offence"),
        (report(category="ransomware"), "category"),
        (report(category="traditional", offence="ransomware"), "category"),
        (report(loss="12"), "loss"),
        (report(loss=[12, "EUR"]), "loss"),
        (report(loss={"amount": "twelve", "currency": "EUR"}), "loss.amount"),
        (report(loss={"amount": "-5.00", "currency": "EUR"}), "loss.amount"),
        (report(loss={"amount": "12.345", "currency": "EUR"}), "loss.amount"),
        (report(loss={"amount": "1e12", "currency": "EUR"}), "loss.amount"),
        (report(loss={"amount": True, "currency": "EUR"}), "loss.amount"),
        (report(loss={"amount": "NaN", "currency": "EUR"}), "loss.amount"),
        (report(loss={"amount": "10"}), "loss.currency"),
        (report(loss={"amount": "10", "currency": "EURO"}), "loss.currency"),
        (report(loss={"amount": "10", "currency": "XYZ"}), "loss.currency"),
        (report(loss={"amount": "10", "currency": "EUR", "paid_by": "card"}), "loss.paid_by"),
        (report(victim_country="XX"), "victim_country"),
        (report(victim_country="Netherlands"), "victim_country"),
        (report(incident_time="2026-03-14T09:30:00"), "incident_time"),
        (report(incident_time="yesterday"), "incident_time"),
        (report(incident_time=1710405000), "incident_time"),
        (report(tlp="purple"), "tlp"),
        (report(tlp=3), "tlp"),
        (report(confidential="yes"), "confidential"),
        (report(reporter_kind="alien"), "reporter_kind"),
        (report(language="English language"), "language"),
        (report(observables=IBAN), "observables"),
        (report(observables=[IBAN]), "observables[0]"),
        (report(observables=[{"type": "iban", "value": "NL00 0000 0000"}]), "observables[0].value"),
        (report(observables=[{"type": "fax", "value": "123"}]), "observables[0].type"),
        (report(observables=[{"type": "iban"}]), "observables[0].value"),
        (report(observables=[{"value": IBAN}]), "observables[0].type"),
        (report(observables=[{"type": "iban", "value": ""}]), "observables[0].value"),
        (
            report(observables=[{"type": "iban", "value": IBAN, "role": "boss"}]),
            "observables[0].role",
        ),
        (
            report(observables=[{"type": "iban", "value": IBAN, "colour": "red"}]),
            "observables[0].colour",
        ),
        (
            report(observables=[{"type": "iban", "value": IBAN}, {"type": "url", "value": "x"}]),
            "observables[1].value",
        ),
        (report(shared_with=["NL CERT"]), "shared_with"),
        (report(channel="web"), "channel"),
        (report(reference="CR-2026-0000001-2"), "reference"),
        ([], "body"),
        ('"just a string"', "body"),
        (None, "body"),
    ],
)
def test_bad_field_is_named(api: ApiClient, bank_token: str, body: Any, field: str) -> None:
    response = api.post_report(bank_token, body)

    assert response.status_code == 422, response.content
    problem = response.json()
    assert problem["status"] == 422
    assert problem["title"] == "Unprocessable Content"
    assert problem["type"] == "about:blank"
    assert field in problem_fields(response)
    assert Report.objects.count() == 0


def test_every_bad_field_is_named_at_once(api: ApiClient, bank_token: str) -> None:
    body = report(narrative="", confidential="maybe", unknown=1, loss={"amount": "x"})
    fields = problem_fields(api.post_report(bank_token, body))

    assert {"narrative", "confidential", "unknown", "loss.amount", "loss.currency"} <= set(fields)


def test_service_errors_are_all_named_too(api: ApiClient, bank_token: str) -> None:
    body = report(offence="nope", victim_country="ZZ", loss={"amount": "-1", "currency": "ABC"})
    fields = problem_fields(api.post_report(bank_token, body))

    assert set(fields) == {"offence", "victim_country", "loss.amount", "loss.currency"}


def test_an_error_entry_has_field_pointer_and_detail(api: ApiClient, bank_token: str) -> None:
    body = report(observables=[{"type": "iban", "value": IBAN, "role": "boss"}])
    error = api.post_report(bank_token, body).json()["errors"][0]

    assert error["field"] == "observables[0].role"
    assert error["pointer"] == "#/observables/0/role"
    assert "payee_account" in error["detail"]


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b'{"narrative": "x",}', "not valid JSON"),
        (b'{"narrative": "unterminated', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b'{"narrative": "x", "loss": {"amount": NaN, "currency": "EUR"}}', "not valid JSON"),
    ],
)
def test_malformed_json_is_400(api: ApiClient, bank_token: str, data: bytes, detail: str) -> None:
    response = api.post_report(bank_token, data)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["detail"]
    assert Report.objects.count() == 0


def test_an_empty_body_names_the_body(api: ApiClient, bank_token: str) -> None:
    # (the test client leaves out Content-Type when there is no body; clients send it)
    response = api.post_report(bank_token, b"", **{"Content-Type": "application/json"})

    assert response.status_code == 422
    assert "body" in problem_fields(response)


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", ""],
)
def test_a_body_that_is_not_json_is_415(api: ApiClient, bank_token: str, content_type: str) -> None:
    response = api.post_report(bank_token, "narrative=x", content_type=content_type)

    assert response.status_code == 415
    assert response["Content-Type"] == "application/problem+json"
    assert response["Accept-Post"] == "application/json"
    assert Report.objects.count() == 0


@override_settings(CREX_API_MAX_BODY_BYTES=1000)
def test_an_oversize_body_is_413(api: ApiClient, bank_token: str) -> None:
    response = api.post_report(bank_token, report(narrative="x" * 2000))

    assert response.status_code == 413
    assert response.json()["title"] == "Content Too Large"
    assert Report.objects.count() == 0


@override_settings(CREX_API_MAX_BODY_BYTES=1000)
def test_a_body_just_under_the_limit_is_read(api: ApiClient, bank_token: str) -> None:
    body = '{"narrative": "' + "x" * 900 + '"}'
    assert api.post_report(bank_token, body).status_code == 201


def test_a_defanged_url_is_refanged(api: ApiClient, bank_token: str) -> None:
    body = report(observables=[{"type": "url", "value": "hxxps://evil-example[.]com/login"}])
    assert api.post_report(bank_token, body).status_code == 201


@pytest.mark.parametrize("value", ["http://a-example.com:99999/", "http://[::1"])
def test_an_unreadable_url_is_422_naming_the_field(
    api: ApiClient, bank_token: str, value: str
) -> None:
    response = api.post_report(bank_token, report(observables=[{"type": "url", "value": value}]))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "observables[0].value"
