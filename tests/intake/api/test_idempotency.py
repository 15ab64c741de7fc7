"""Idempotency-Key: a retried POST never files a second report."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from crex.accounts.models import Organisation
from crex.intake.models import IdempotencyKey
from crex.reports.models import Report
from tests.intake.api.client import ApiClient, problem_fields, token_for

BODY = json.dumps({"narrative": "Phishing SMS pretending to be the bank.", "offence": "phishing"})
KEY = "5f0c8a0e-7d3b-4f6e-9a51-2b8c1d4e7f90"


def test_a_retry_returns_the_report_filed_the_first_time(api: ApiClient, bank_token: str) -> None:
    first = api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})
    again = api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})

    assert first.status_code == again.status_code == 201
    assert "Idempotent-Replayed" not in first
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again["Location"] == first["Location"]
    assert Report.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(api: ApiClient, bank_token: str) -> None:
    api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})
    other = api.post_report(bank_token, {"narrative": "Something else"}, **{"Idempotency-Key": KEY})

    assert other.status_code == 422
    error = other.json()["errors"][0]
    assert error["field"] == "Idempotency-Key"
    assert error["header"] == "Idempotency-Key"
    assert Report.objects.count() == 1


def test_the_body_is_compared_byte_for_byte(api: ApiClient, bank_token: str) -> None:
    api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})
    reformatted = json.dumps(json.loads(BODY), indent=2)

    assert api.post_report(bank_token, reformatted, **{"Idempotency-Key": KEY}).status_code == 422


def test_keys_of_different_organisations_are_independent(
    api: ApiClient, bank_token: str, cert_token: str
) -> None:
    from_bank = api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})
    from_cert = api.post_report(cert_token, BODY, **{"Idempotency-Key": KEY})

    assert from_bank.status_code == from_cert.status_code == 201
    assert "Idempotent-Replayed" not in from_cert
    assert from_bank.json()["reference"] != from_cert.json()["reference"]
    assert Report.objects.count() == 2


def test_two_tokens_of_one_organisation_share_its_keys(
    api: ApiClient, bank: Organisation, bank_token: str
) -> None:
    first = api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})
    again = api.post_report(token_for(bank), BODY, **{"Idempotency-Key": KEY})

    assert again.json()["reference"] == first.json()["reference"]


def test_a_rejected_body_does_not_use_up_its_key(api: ApiClient, bank_token: str) -> None:
    bad = api.post_report(bank_token, {"narrative": ""}, **{"Idempotency-Key": KEY})
    fixed = api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})

    assert bad.status_code == 422
    assert fixed.status_code == 201
    assert "Idempotent-Replayed" not in fixed


def test_a_quoted_key_is_the_same_key(api: ApiClient, bank_token: str) -> None:
    first = api.post_report(bank_token, BODY, **{"Idempotency-Key": KEY})
    again = api.post_report(bank_token, BODY, **{"Idempotency-Key": f'"{KEY}"'})

    assert again["Idempotent-Replayed"] == "true"
    assert again.json()["reference"] == first.json()["reference"]


def test_a_key_of_255_characters_is_accepted(api: ApiClient, bank_token: str) -> None:
    response = api.post_report(bank_token, BODY, **{"Idempotency-Key": "k" * 255})

    assert response.status_code == 201
    assert IdempotencyKey.objects.get().key == "k" * 255


@pytest.mark.parametrize("key", ["k" * 256, "", '""', "   "])
def test_an_unusable_key_is_400(api: ApiClient, bank_token: str, key: str) -> None:
    response = api.post_report(bank_token, BODY, **{"Idempotency-Key": key})

    assert response.status_code == 400
    assert "Idempotency-Key" in problem_fields(response)
    assert Report.objects.count() == 0


def test_without_a_key_each_post_is_a_new_report(api: ApiClient, bank_token: str) -> None:
    api.post_report(bank_token, BODY)
    api.post_report(bank_token, BODY)

    assert Report.objects.count() == 2
    assert IdempotencyKey.objects.count() == 0


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database cannot take concurrent writers",
)
@pytest.mark.django_db(transaction=True)
def test_racing_retries_file_one_report(bank: Organisation, operator: Organisation) -> None:
    token = token_for(bank)
    racers = 6
    start = threading.Barrier(racers)

    def send(_: int) -> tuple[int, str]:
        try:
            start.wait()
            response = ApiClient().post_report(token, BODY, **{"Idempotency-Key": KEY})
            return response.status_code, response.json()["reference"]
        finally:
            connection.close()

    with ThreadPoolExecutor(racers) as pool:
        answers = list(pool.map(send, range(racers)))

    assert {status for status, _ in answers} == {201}
    assert len({reference for _, reference in answers}) == 1
    assert Report.objects.count() == 1
