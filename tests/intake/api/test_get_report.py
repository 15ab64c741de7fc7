"""GET /api/v1/reports/{reference}: the report if the caller's organisation may see it,
otherwise the same 404 as for a reference that does not exist."""

from __future__ import annotations

from crex.accounts.models import Organisation
from crex.intake.services import ReportSubmission, submit
from crex.reports.models import Report
from tests.intake.api.client import REPORTS_URL, ApiClient

BODY = {
    "narrative": "Account takeover: someone changed the customer's e-banking password.",
    "offence": "account_takeover",
    "observables": [{"type": "ipv4-addr", "value": "203.0.113.7", "role": "attacker_ip"}],
    "loss": {"amount": 990, "currency": "EUR"},
    "victim_country": "nl",
    "incident_time": "2026-02-01T22:15:00Z",
    "tlp": "amber",
}


def _file(api: ApiClient, token: str, **changes: object) -> Report:
    response = api.post_report(token, {**BODY, **changes})
    assert response.status_code == 201, response.content
    return Report.objects.get(reference=response.json()["reference"])


def test_the_submitting_bank_reads_its_report(
    api: ApiClient, operator: Organisation, bank_token: str
) -> None:
    report = _file(api, bank_token)

    response = api.get(bank_token, f"{REPORTS_URL}/{report.reference}")

    assert response.status_code == 200
    answer = response.json()
    assert answer["reference"] == report.reference
    assert answer["url"] == f"http://testserver/api/v1/reports/{report.reference}"
    assert answer["status"] == "new"
    assert answer["channel"] == "api"
    assert answer["offence"] == "account_takeover"
    assert answer["category"] == "attack_on_systems"
    assert answer["rsit"] == "intrusions/unprivileged-account-compromise"
    assert answer["tlp"] == "amber"
    assert answer["loss"] == {"amount": "990.00", "currency": "EUR"}
    assert answer["victim_country"] == "NL"
    assert answer["incident_time"] == "2026-02-01T22:15:00Z"
    assert answer["observables"] == [
        {
            "type": "ipv4-addr",
            "value": "203.0.113.7",
            "display": "203.0.113.7",
            "role": "attacker_ip",
        }
    ]
    assert answer["receiving_organisation"] == "National Cybercrime Reporting Point"
    assert {"received_at", "updated_at", "narrative", "reporter_kind", "confidential"} <= set(
        answer
    )


def test_the_receiving_contact_point_reads_it(
    api: ApiClient, bank_token: str, operator_token: str
) -> None:
    report = _file(api, bank_token)

    assert api.get(operator_token, f"{REPORTS_URL}/{report.reference}").status_code == 200


def test_a_reference_is_found_however_it_is_typed(api: ApiClient, bank_token: str) -> None:
    report = _file(api, bank_token)

    typed = report.reference.lower()
    assert api.get(bank_token, f"{REPORTS_URL}/{typed}").json()["reference"] == report.reference


def test_another_organisation_gets_the_404_of_a_missing_report(
    api: ApiClient, bank_token: str, cert_token: str, foreign_token: str
) -> None:
    report = _file(api, bank_token)

    hidden = api.get(cert_token, f"{REPORTS_URL}/{report.reference}")
    foreign = api.get(foreign_token, f"{REPORTS_URL}/{report.reference}")
    missing = api.get(cert_token, f"{REPORTS_URL}/CR-2026-9999999-X")

    assert hidden.status_code == foreign.status_code == missing.status_code == 404
    assert hidden["Content-Type"] == "application/problem+json"
    assert hidden.content == foreign.content == missing.content


def test_a_report_shared_with_the_cert_is_visible_to_it(
    api: ApiClient, cert: Organisation, bank_token: str, cert_token: str
) -> None:
    report = _file(api, bank_token)
    report.shared_with.add(cert)

    assert api.get(cert_token, f"{REPORTS_URL}/{report.reference}").status_code == 200


def test_tlp_red_stays_hidden_even_when_shared(
    api: ApiClient, cert: Organisation, bank_token: str, cert_token: str
) -> None:
    report = _file(api, bank_token, tlp="TLP:RED")
    report.shared_with.add(cert)

    assert api.get(cert_token, f"{REPORTS_URL}/{report.reference}").status_code == 404
    assert api.get(bank_token, f"{REPORTS_URL}/{report.reference}").status_code == 200


def test_a_confidential_report_stays_hidden_even_when_shared(
    api: ApiClient, cert: Organisation, bank_token: str, cert_token: str
) -> None:
    report = _file(api, bank_token, confidential=True)
    report.shared_with.add(cert)

    assert api.get(cert_token, f"{REPORTS_URL}/{report.reference}").status_code == 404
    assert api.get(bank_token, f"{REPORTS_URL}/{report.reference}").json()["confidential"]


def test_a_portal_report_is_not_visible_to_a_partner(
    api: ApiClient, operator: Organisation, bank_token: str, operator_token: str
) -> None:
    filed = submit(
        ReportSubmission(channel="web", narrative="My card was charged twice."),
        organisation=operator,
        original=b"narrative=...",
        content_type="application/x-www-form-urlencoded",
    )

    path = f"{REPORTS_URL}/{filed.report.reference}"
    assert api.get(bank_token, path).status_code == 404
    assert api.get(operator_token, path).status_code == 200


def test_reporter_contact_and_receipt_never_leave(
    api: ApiClient, operator: Organisation, operator_token: str
) -> None:
    filed = submit(
        ReportSubmission(
            channel="web",
            narrative="Sextortion e-mail.",
            contact_name="Jan Jansen",
            contact_email="jan@example.nl",
            contact_phone="+31612345678",
        ),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
        issue_receipt=True,
    )

    response = api.get(operator_token, f"{REPORTS_URL}/{filed.report.reference}")

    text = response.content.decode()
    for secret in ("Jan Jansen", "jan@example.nl", "+31612345678", filed.report.receipt_code_hash):
        assert secret not in text
    assert not {"contact", "receipt_code_hash", "original", "assigned_to"} & set(response.json())
