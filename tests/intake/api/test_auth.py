"""Every API call needs an active token of an organisation; failures are 401 problems."""

from __future__ import annotations

import pytest
from django.http import HttpResponse

from crex.accounts.models import ApiToken, Organisation
from crex.reports.models import Report
from tests.intake.api.client import REPORTS_URL, ApiClient


def _assert_401(response: HttpResponse, challenge: str) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == challenge
    assert response.json()["title"] == "Unauthorized"


def test_without_a_token_the_answer_is_401(api: ApiClient, bank: Organisation) -> None:
    _assert_401(api.get(None, REPORTS_URL), 'Bearer realm="crex"')


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer crex_not-a-real-token",
        "Bearer ",
        "Bearer",
        "crex_no-scheme",
        "Basic YmVhOnNlY3JldA==",
        "Bearer " + "x" * 5000,
    ],
)
def test_an_unknown_token_is_401_invalid_token(
    api: ApiClient, bank_token: str, authorization: str
) -> None:
    response = api.client.get(REPORTS_URL, headers={"Authorization": authorization})

    _assert_401(response, 'Bearer realm="crex", error="invalid_token"')


def test_a_revoked_token_is_401(api: ApiClient, bank: Organisation) -> None:
    token, raw = ApiToken.issue(bank, "old system")
    token.revoke()

    _assert_401(api.get(raw, REPORTS_URL), 'Bearer realm="crex", error="invalid_token"')


def test_the_token_scheme_works_too(api: ApiClient, bank_token: str) -> None:
    response = api.client.get(REPORTS_URL, headers={"Authorization": f"Token {bank_token}"})

    assert response.status_code == 200


def test_the_scheme_is_case_insensitive(api: ApiClient, bank_token: str) -> None:
    response = api.client.get(REPORTS_URL, headers={"Authorization": f"bearer {bank_token}"})

    assert response.status_code == 200


def test_filing_without_a_token_stores_nothing(api: ApiClient, bank: Organisation) -> None:
    response = api.post_report(None, {"narrative": "x"})

    assert response.status_code == 401
    assert Report.objects.count() == 0


def test_a_used_token_records_when(api: ApiClient, bank: Organisation) -> None:
    token, raw = ApiToken.issue(bank, "fraud desk")
    assert token.last_used_at is None

    api.get(raw, REPORTS_URL)

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_reading_one_report_needs_a_token(api: ApiClient, bank_token: str) -> None:
    reference = api.post_report(bank_token, {"narrative": "x"}).json()["reference"]

    assert api.get(None, f"{REPORTS_URL}/{reference}").status_code == 401
