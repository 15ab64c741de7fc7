"""The report queue: login required, filters in the query string, ordering, pagination,
clear messages for filters that do not parse, and the htmx fragment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from crex.accounts.models import User
from crex.reports import services
from crex.reports.models import Report
from tests.conftest import PASSWORD
from tests.reports.conftest import FileReport

QUEUE = reverse("reports:queue")


def listed(client: Client, **params: str) -> list[str]:
    """The references the queue lists for ``params``, in order."""
    response = client.get(QUEUE, params)
    assert response.status_code == 200
    return [report.reference for report in response.context["page"].object_list]


def received(report: Report, days_ago: int) -> Report:
    """Backdate ``report`` (as if it came in ``days_ago`` days ago)."""
    Report.objects.filter(pk=report.pk).update(
        received_at=timezone.now() - timedelta(days=days_ago)
    )
    report.refresh_from_db()
    return report


def test_anonymous_user_is_sent_to_login(client: Client) -> None:
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={QUEUE}"


def test_logging_in_leads_to_the_queue(client: Client, police_analyst: User) -> None:
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert b"Log in to the workspace" in page.content
    response = client.post(
        reverse("login"), {"username": "anna.analyst", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == QUEUE
    assert b"Report queue" in response.content
    assert b"Log out" in response.content


def test_a_wrong_password_is_refused_with_a_message(client: Client, police_analyst: User) -> None:
    response = client.post(reverse("login"), {"username": "anna.analyst", "password": "nope"})
    assert response.status_code == 200
    assert b"You could not be logged in" in response.content
    assert b'value="anna.analyst"' in response.content  # the username is kept


def test_logout_is_a_post_form(police_analyst: User, login: Callable[[User], Client]) -> None:
    client = login(police_analyst)
    page = client.get(QUEUE).content.decode()
    assert f'method="post" action="{reverse("logout")}"' in page
    client.post(reverse("logout"))
    assert client.get(QUEUE).status_code == 302


def test_queue_shows_the_columns_and_a_count(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    report = file_report(
        offence="phishing",
        victim_country="NL",
        loss_amount=Decimal("1250.50"),
        loss_currency="EUR",
        tlp="red",
        confidential=True,
    )
    services.assign(report, police_analyst, police_analyst)
    page = login(police_analyst).get(QUEUE).content.decode()
    for text in (report.reference, "Phishing", "Traditional", "NL", "Web form", "EUR"):
        assert text in page
    assert "1,250.50" in page
    assert "TLP:RED" in page
    assert "CONF" in page
    assert "1 report" in page
    assert "National Cybercrime Reporting Point" in page  # the user's organisation


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "triaged"}, {"triaged_phishing"}),
        ({"category": "attack_on_systems"}, {"ransomware_be"}),
        ({"offence": "phishing"}, {"triaged_phishing", "phishing_api"}),
        ({"victim_country": "BE"}, {"ransomware_be"}),
        ({"channel": "api"}, {"phishing_api"}),
        ({"assigned": "me"}, {"ransomware_be"}),
        ({"assigned": "none"}, {"triaged_phishing", "phishing_api"}),
        ({"q": "wallet"}, {"ransomware_be"}),
        ({"offence": "phishing", "channel": "web"}, {"triaged_phishing"}),
    ],
)
def test_filters(
    file_report: FileReport,
    police_analyst: User,
    login: Callable[[User], Client],
    params: dict[str, str],
    expected: set[str],
) -> None:
    reports = {
        "triaged_phishing": file_report(offence="phishing", victim_country="NL"),
        "phishing_api": file_report(offence="phishing", channel="api", victim_country="NL"),
        "ransomware_be": file_report(
            offence="ransomware", victim_country="BE", narrative="pay to this wallet"
        ),
    }
    services.set_status(reports["triaged_phishing"], police_analyst, "triaged")
    services.assign(reports["ransomware_be"], police_analyst, police_analyst)
    found = set(listed(login(police_analyst), **params))
    assert found == {reports[name].reference for name in expected}


def test_search_finds_a_reference(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    wanted, other = file_report(), file_report()
    assert listed(login(police_analyst), q=wanted.reference.lower()) == [wanted.reference]
    assert other.reference != wanted.reference


def test_received_date_range_and_order(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    old = received(file_report(), days_ago=30)
    middle = received(file_report(), days_ago=10)
    new = received(file_report(), days_ago=1)
    client = login(police_analyst)
    assert listed(client) == [new.reference, middle.reference, old.reference]
    assert listed(client, sort="received") == [old.reference, middle.reference, new.reference]
    start = (timezone.localdate() - timedelta(days=15)).isoformat()
    end = (timezone.localdate() - timedelta(days=5)).isoformat()
    assert listed(client, received_from=start, received_to=end) == [middle.reference]
    assert listed(client, received_to=middle.received_at.date().isoformat()) == [
        middle.reference,
        old.reference,
    ]


def test_pagination_keeps_the_filters(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    for _ in range(51):
        file_report(offence="phishing")
    file_report(offence="ransomware")
    client = login(police_analyst)
    first = client.get(QUEUE, {"offence": "phishing"})
    assert len(first.context["page"].object_list) == 50
    assert "51 reports" in first.content.decode()
    assert "?offence=phishing&amp;page=2" in first.content.decode()
    second = client.get(QUEUE, {"offence": "phishing", "page": "2"})
    assert len(second.context["page"].object_list) == 1
    assert "Page 2 of 2" in second.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"offence": "not-an-offence"},
        {"victim_country": "XX"},
        {"received_from": "2026-13-45"},
        {"received_from": "2026-02-01", "received_to": "2026-01-01"},
        {"assigned": "everyone"},
        {"sort": "narrative"},
        {"q": "x" * 300},
    ],
)
def test_filters_that_do_not_parse_get_a_message(
    file_report: FileReport,
    police_analyst: User,
    login: Callable[[User], Client],
    params: dict[str, str],
) -> None:
    report = file_report()
    response = login(police_analyst).get(QUEUE, params)
    assert response.status_code == 200
    assert b"Some filters were not understood" in response.content
    assert report.reference in response.content.decode()  # the other filters still apply


def test_a_page_number_that_does_not_parse_shows_a_page(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    report = file_report()
    for page in ("abc", "999", "-1"):
        assert listed(login(police_analyst), page=page) == [report.reference]


def test_htmx_gets_only_the_results(
    file_report: FileReport, police_analyst: User, login: Callable[[User], Client]
) -> None:
    report = file_report()
    response = login(police_analyst).get(QUEUE, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert report.reference in page
    assert "<html" not in page
    assert "ws-filters" not in page
    assert "HX-Request" in response["Vary"]
    full = login(police_analyst).get(QUEUE).content.decode()
    assert "<html" in full
    assert 'hx-get="/workspace/"' in full


def test_htmx_history_restore_gets_the_full_page(
    police_analyst: User, login: Callable[[User], Client]
) -> None:
    response = login(police_analyst).get(
        QUEUE, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert b"<html" in response.content


def test_empty_queue_says_so(police_analyst: User, login: Callable[[User], Client]) -> None:
    page = login(police_analyst).get(QUEUE).content.decode()
    assert "No reports yet." in page
    assert "0 reports" in page
