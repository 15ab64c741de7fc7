"""GET /api/v1/reports: the reports the caller may see, filtered, newest first, in pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from crex.accounts.models import Organisation, User
from crex.intake.services import ReportSubmission, submit
from crex.reports.models import Report
from crex.reports.services import set_status
from tests.intake.api.client import REPORTS_URL, ApiClient, problem_fields

START = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def _file(api: ApiClient, token: str, day: int, **fields: Any) -> Report:
    """File a report through the API and date it ``day`` days after START."""
    body = {"narrative": f"Report of day {day}", **fields}
    response = api.post_report(token, body)
    assert response.status_code == 201, response.content
    Report.objects.filter(reference=response.json()["reference"]).update(
        received_at=START + timedelta(days=day)
    )
    return Report.objects.get(reference=response.json()["reference"])


def _references(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["reference"] for item in response.json()["items"]]


def test_the_list_shows_what_the_caller_may_see_newest_first(
    api: ApiClient, operator: Organisation, bank_token: str, cert_token: str
) -> None:
    older = _file(api, bank_token, 1)
    newer = _file(api, bank_token, 2)
    _file(api, cert_token, 3)

    response = api.get(bank_token, REPORTS_URL)

    assert _references(response) == [newer.reference, older.reference]
    assert response.json()["count"] == 2
    assert response.json()["next"] is None


def test_items_have_the_same_shape_as_a_single_report(api: ApiClient, bank_token: str) -> None:
    report = _file(api, bank_token, 1, offence="phishing")

    item = api.get(bank_token, REPORTS_URL).json()["items"][0]
    single = api.get(bank_token, f"{REPORTS_URL}/{report.reference}").json()

    assert item == single


def test_filters_combine(
    api: ApiClient,
    operator: Organisation,
    police_analyst: User,
    bank_token: str,
) -> None:
    phishing_nl = _file(api, bank_token, 1, offence="phishing", victim_country="NL")
    phishing_be = _file(api, bank_token, 2, offence="phishing", victim_country="BE")
    ransomware = _file(api, bank_token, 3, offence="ransomware", victim_country="NL")
    set_status(phishing_be, police_analyst, "triaged")

    def listed(**params: Any) -> set[str]:
        return set(_references(api.get(bank_token, REPORTS_URL, **params)))

    assert listed(offence="phishing") == {phishing_nl.reference, phishing_be.reference}
    assert listed(offence="phishing", victim_country="nl") == {phishing_nl.reference}
    assert listed(category="attack_on_systems") == {ransomware.reference}
    assert listed(status="triaged") == {phishing_be.reference}
    assert listed(status="new", victim_country="NL") == {
        phishing_nl.reference,
        ransomware.reference,
    }
    assert listed(channel="api") == {
        phishing_nl.reference,
        phishing_be.reference,
        ransomware.reference,
    }
    assert listed(channel="email") == set()


def test_received_between(api: ApiClient, bank_token: str) -> None:
    reports = [_file(api, bank_token, day) for day in range(5)]

    after = (START + timedelta(days=1)).isoformat()
    before = (START + timedelta(days=3)).isoformat()
    listed = _references(
        api.get(bank_token, REPORTS_URL, received_after=after, received_before=before)
    )

    assert listed == [reports[2].reference, reports[1].reference]


def test_a_date_without_offset_is_utc(api: ApiClient, bank_token: str) -> None:
    _file(api, bank_token, 0)
    later = _file(api, bank_token, 1)

    listed = _references(api.get(bank_token, REPORTS_URL, received_after="2026-01-11"))

    assert listed == [later.reference]


def test_paging_with_next_visits_every_report_once(api: ApiClient, bank_token: str) -> None:
    filed = [_file(api, bank_token, day % 3) for day in range(7)]  # same days: ties on time
    expected = [
        r.reference for r in sorted(filed, key=lambda r: (r.received_at, r.pk), reverse=True)
    ]

    seen: list[str] = []
    page = api.get(bank_token, REPORTS_URL, limit=3).json()
    seen += [item["reference"] for item in page["items"]]
    while page["next"]:
        assert page["count"] == 7
        assert len(page["items"]) == 3
        page = api.client.get(page["next"], headers={"Authorization": f"Bearer {bank_token}"})
        page = page.json()
        seen += [item["reference"] for item in page["items"]]

    assert seen == expected


def test_next_keeps_the_filters(api: ApiClient, bank_token: str) -> None:
    for day in range(3):
        _file(api, bank_token, day, offence="phishing")
    _file(api, bank_token, 4, offence="malware")

    page = api.get(bank_token, REPORTS_URL, offence="phishing", limit=2).json()
    query = parse_qs(urlsplit(page["next"]).query)

    assert query["offence"] == ["phishing"]
    assert query["limit"] == ["2"]
    assert "cursor" in query


def test_new_reports_do_not_shift_the_next_page(api: ApiClient, bank_token: str) -> None:
    oldest = _file(api, bank_token, 1)
    _file(api, bank_token, 2)
    first = api.get(bank_token, REPORTS_URL, limit=1).json()

    _file(api, bank_token, 3)
    second = api.client.get(first["next"], headers={"Authorization": f"Bearer {bank_token}"})

    assert [item["reference"] for item in second.json()["items"]] == [oldest.reference]


def test_a_shared_report_is_listed_but_not_red_or_confidential_ones(
    api: ApiClient, cert: Organisation, bank_token: str, cert_token: str
) -> None:
    shared = _file(api, bank_token, 1)
    red = _file(api, bank_token, 2, tlp="red")
    confidential = _file(api, bank_token, 3, confidential=True)
    for report in (shared, red, confidential):
        report.shared_with.add(cert)

    assert _references(api.get(cert_token, REPORTS_URL)) == [shared.reference]


def test_a_partner_does_not_see_the_portal_queue(
    api: ApiClient, operator: Organisation, bank_token: str
) -> None:
    submit(
        ReportSubmission(channel="web", narrative="Portal report"),
        organisation=operator,
        original=b"",
        content_type="text/plain",
    )

    assert api.get(bank_token, REPORTS_URL).json() == {"count": 0, "next": None, "items": []}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"limit": 1000}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offence": "not_a_crime"}, "offence"),
        ({"category": "fraud"}, "category"),
        ({"status": "done"}, "status"),
        ({"channel": "fax"}, "channel"),
        ({"victim_country": "XX"}, "victim_country"),
        ({"received_after": "last tuesday"}, "received_after"),
        ({"received_before": "2026-13-45"}, "received_before"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "MjAyNi0wMS0xMHww"}, "cursor"),  # base64 of a naive time
    ],
)
def test_a_bad_query_parameter_is_named(
    api: ApiClient, bank_token: str, params: dict[str, Any], parameter: str
) -> None:
    response = api.get(bank_token, REPORTS_URL, **params)

    assert response.status_code == 422
    fields = problem_fields(response)
    assert parameter in fields
    assert response.json()["errors"][0]["parameter"] == parameter


@pytest.mark.parametrize("limit", [1, 200])
def test_the_limit_bounds_are_allowed(api: ApiClient, bank_token: str, limit: int) -> None:
    assert api.get(bank_token, REPORTS_URL, limit=limit).status_code == 200


def test_a_page_costs_the_same_queries_however_many_reports(
    api: ApiClient, bank_token: str, django_assert_max_num_queries: Any
) -> None:
    observables = [
        {"type": "iban", "value": "NL91ABNA0417164300"},
        {"type": "domain-name", "value": "fake-shop.com"},
    ]
    for day in range(8):
        _file(api, bank_token, day, observables=observables)

    # token lookup and its last-used update, the page, its observables, the count
    with django_assert_max_num_queries(5):
        response = api.get(bank_token, REPORTS_URL, limit=8)

    assert len(response.json()["items"]) == 8
    assert all(len(item["observables"]) == 2 for item in response.json()["items"])
