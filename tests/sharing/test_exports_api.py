"""Exports over HTTP: the workspace page and its downloads, and the REST API endpoint.

Both stream the file, answer bad filters with the field at fault (a form error, 400, in
the workspace; problem+json in the API), and write every export to the audit log.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crex.accounts.models import ApiToken, Organisation, User
from crex.audit.models import AuditEvent
from crex.reports.models import Report
from crex.sharing.exports import COLUMNS
from tests.correlation.conftest import file_report, ingest, login
from tests.sharing.test_exports import (
    INVESTMENT,
    MULE,
    NEVER_OUTSIDE,
    PHONE,
    RED,
    VICTIM,
    world,
)

__all__ = ["file_report", "ingest", "login", "world"]

Login = Callable[[User], Client]
API_URL = "/api/v1/observables/export"


def body(response: StreamingHttpResponse) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_rows(response: StreamingHttpResponse) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response), newline="")))


def json_rows(response: StreamingHttpResponse) -> list[dict[str, object]]:
    return [json.loads(line) for line in body(response).splitlines()]


def exported_values(response: StreamingHttpResponse) -> set[str]:
    return {str(row["value"]) for row in json_rows(response)}


# -- the workspace ------------------------------------------------------------------------


def test_the_export_page_shows_the_filters(login: Login, police_analyst: User) -> None:
    response = login(police_analyst).get(reverse("sharing:exports"))
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("type", "offence", "since", "tlp", "role", "format"):
        assert f'name="{name}"' in page
    assert reverse("sharing:observables") in page
    assert 'aria-current="page">Exports<' in page


def test_partner_users_may_export_too(login: Login, bank_partner: User) -> None:
    assert login(bank_partner).get(reverse("sharing:exports")).status_code == 200


def test_exports_need_a_login(client: Client, world: dict[str, Report]) -> None:
    for name in ("sharing:exports", "sharing:observables_csv"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_csv_download_is_streamed_as_an_attachment(
    login: Login, world: dict[str, Report], cert_analyst: User
) -> None:
    response = login(cert_analyst).get(reverse("sharing:observables_csv"), {"type": "iban"})
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="crex-observables-{today}.csv"'
    )
    rows = csv_rows(response)
    assert list(rows[0]) == list(COLUMNS)
    assert {row["value"] for row in rows} == {MULE, INVESTMENT}


def test_the_format_comes_from_the_extension_or_the_query(
    login: Login, world: dict[str, Report], cert_analyst: User
) -> None:
    client = login(cert_analyst)
    by_extension = client.get(reverse("sharing:observables_jsonl"))
    by_query = client.get(reverse("sharing:observables"), {"format": "jsonl"})
    for response in (by_extension, by_query):
        assert response["Content-Type"].startswith("application/jsonl")
        assert response["Content-Disposition"].endswith('.jsonl"')
        assert {MULE, INVESTMENT, PHONE} <= exported_values(response)
    default = client.get(reverse("sharing:observables"))
    assert default["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize("persona", ["cert_analyst", "bank_partner", "foreign_analyst"])
def test_a_download_holds_only_what_reaches_the_user(
    login: Login, world: dict[str, Report], persona: str, request: pytest.FixtureRequest
) -> None:
    client = login(request.getfixturevalue(persona))
    exported = exported_values(client.get(reverse("sharing:observables_jsonl")))
    assert MULE in exported
    assert not exported & {*NEVER_OUTSIDE, VICTIM}


def test_the_operators_analysts_download_everything(
    login: Login, world: dict[str, Report], police_analyst: User
) -> None:
    exported = exported_values(login(police_analyst).get(reverse("sharing:observables_jsonl")))
    assert {*NEVER_OUTSIDE, VICTIM, MULE} <= exported


def test_filters_in_the_query_narrow_the_download(
    login: Login, world: dict[str, Report], police_analyst: User
) -> None:
    response = login(police_analyst).get(
        reverse("sharing:observables_jsonl"),
        {"type": ["iban", "phone-number"], "offence": "phishing", "tlp": "amber"},
    )
    rows = json_rows(response)
    assert {row["value"] for row in rows} == {MULE, VICTIM, PHONE}
    assert {row["tlp"] for row in rows} == {"green"}
    since = login(police_analyst).get(
        reverse("sharing:observables_jsonl"), {"since": "2024-01-16", "type": "iban"}
    )
    assert INVESTMENT not in exported_values(since)


def test_bad_filters_redisplay_the_form_with_errors(
    login: Login, world: dict[str, Report], police_analyst: User
) -> None:
    response = login(police_analyst).get(
        reverse("sharing:observables_csv"),
        {"type": "fax", "offence": "burglary", "since": "2025-13-01", "tlp": "purple"},
    )
    assert response.status_code == 400
    assert not response.streaming
    assert set(response.context["form"].errors) == {"type", "offence", "since", "tlp"}
    assert "Some filters are invalid" in response.content.decode()
    assert not AuditEvent.objects.filter(action="observables.exported").exists()


def test_the_page_checks_filters_it_is_given(login: Login, police_analyst: User) -> None:
    response = login(police_analyst).get(reverse("sharing:exports"), {"format": "xlsx"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"format"}


def test_a_workspace_export_is_audited(
    login: Login, world: dict[str, Report], cert_analyst: User
) -> None:
    login(cert_analyst).get(reverse("sharing:observables_csv"), {"type": "iban", "tlp": "green"})
    event = AuditEvent.objects.get(action="observables.exported")
    assert event.actor == cert_analyst
    assert event.organisation == cert_analyst.organisation
    assert event.changes == {
        "filters": {"types": ["iban"], "tlp": "green"},
        "format": "csv",
        "via": "workspace",
    }


# -- the API ----------------------------------------------------------------------------


@pytest.fixture
def cert_token(cert: Organisation) -> str:
    """An API token of the national CERT."""
    _, raw = ApiToken.issue(cert, "export script")
    return raw


def api_get(client: Client, token: str, **params: object) -> StreamingHttpResponse:
    return client.get(API_URL, params, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_the_api_streams_what_reaches_the_caller(
    client: Client, world: dict[str, Report], cert_token: str
) -> None:
    response = api_get(client, cert_token, format="jsonl")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].endswith('.jsonl"')
    rows = json_rows(response)
    assert set(rows[0]) == set(COLUMNS)
    exported = {row["value"] for row in rows}
    assert {MULE, INVESTMENT, PHONE} <= exported
    assert not exported & {*NEVER_OUTSIDE, VICTIM}


def test_the_api_answers_csv_by_default(
    client: Client, world: dict[str, Report], cert_token: str
) -> None:
    response = api_get(client, cert_token, type=["iban", "url"])
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert {row["type"] for row in rows} == {"iban", "url"}
    assert {row["value"] for row in rows if row["type"] == "iban"} == {MULE, INVESTMENT}


def test_the_api_filters_narrow_the_export(
    client: Client, world: dict[str, Report], cert_token: str
) -> None:
    response = api_get(
        client, cert_token, format="jsonl", offence="investment_fraud", tlp="TLP:AMBER"
    )
    assert exported_values(response) == {INVESTMENT}
    recent = exported_values(
        api_get(client, cert_token, format="jsonl", since="2024-01-16T00:00:00Z")
    )
    assert INVESTMENT not in recent
    assert MULE in recent
    payees = api_get(client, cert_token, format="jsonl", role="payee_account")
    assert exported_values(payees) == {MULE}


def test_the_operators_token_exports_its_red_reports(
    client: Client, world: dict[str, Report], operator: Organisation
) -> None:
    _, raw = ApiToken.issue(operator, "internal")
    assert RED in exported_values(api_get(client, raw, format="jsonl"))


def test_bad_parameters_get_problem_json_naming_each(client: Client, cert_token: str) -> None:
    response = client.get(
        f"{API_URL}?type=iban&type=fax&offence=burglary&since=yesterday&tlp=purple"
        "&role=boss&format=xlsx",
        HTTP_AUTHORIZATION=f"Bearer {cert_token}",
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    named = {error["parameter"]: error["detail"] for error in problem["errors"]}
    assert set(named) == {"type", "offence", "since", "tlp", "role", "format"}
    assert "fax" in named["type"]
    assert "purple" in named["tlp"]
    assert not AuditEvent.objects.filter(action="observables.exported").exists()


def test_the_api_needs_a_token(client: Client) -> None:
    response = client.get(API_URL)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_an_api_export_is_audited(
    client: Client, world: dict[str, Report], cert_token: str, cert: Organisation
) -> None:
    body(api_get(client, cert_token, type="iban"))
    event = AuditEvent.objects.get(action="observables.exported")
    assert event.organisation == cert
    assert event.actor is None
    assert event.actor_label.startswith("API token export script")
    assert event.changes == {"filters": {"types": ["iban"]}, "format": "csv", "via": "api"}


def test_the_api_document_describes_the_export(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"][API_URL]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"type", "since", "tlp", "format"}
    assert "text/csv; charset=utf-8; header=present" in operation["responses"]["200"]["content"]
