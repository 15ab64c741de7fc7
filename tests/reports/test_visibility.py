"""Who sees which report: the role x object matrix, checked on `visible_reports` itself
and through the workspace pages (queue and detail).

Objects: a report the operator received and did not share, reports received by the CERT
and by the foreign contact point, one shared with the CERT, the bank and the foreign
contact point, the same shared but TLP:RED, the same shared but confidential, and one the
bank submitted to the operator.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.intake.services import ReportSubmission, submit
from crex.reports.models import Report
from crex.reports.visibility import (
    can_work_on,
    report_for_receipt,
    report_for_reporter_session,
    visible_reports,
)

PERSONAS = [
    "police_analyst",
    "police_supervisor",
    "cert_analyst",
    "bank_partner",
    "foreign_analyst",
]
OBJECTS = [
    "operator_report",
    "cert_report",
    "foreign_report",
    "shared",
    "shared_red",
    "shared_confidential",
    "bank_submitted",
]
POLICE = {"operator_report", "shared", "shared_red", "shared_confidential", "bank_submitted"}
SEES: dict[str, set[str]] = {
    "police_analyst": POLICE,
    "police_supervisor": POLICE,
    # others see their own reports and what was shared with them, never RED or confidential
    "cert_analyst": {"cert_report", "shared"},
    # a partner sees what its organisation submitted and what was shared with it
    "bank_partner": {"shared", "bank_submitted"},
    "foreign_analyst": {"foreign_report", "shared"},
}
WORKS_ON: dict[str, set[str]] = {
    "police_analyst": POLICE,
    "police_supervisor": POLICE,
    "cert_analyst": {"cert_report"},
    "bank_partner": set(),
    "foreign_analyst": {"foreign_report"},
}
MATRIX = [(persona, obj) for persona in PERSONAS for obj in OBJECTS]


@pytest.mark.parametrize(("persona", "obj"), MATRIX)
def test_visible_reports_follows_the_matrix(
    request: pytest.FixtureRequest, world: dict[str, Report], persona: str, obj: str
) -> None:
    user: User = request.getfixturevalue(persona)
    visible = visible_reports(user).filter(pk=world[obj].pk).exists()
    assert visible == (obj in SEES[persona])


@pytest.mark.parametrize(("persona", "obj"), MATRIX)
def test_only_the_receiving_analysts_work_on_a_report(
    request: pytest.FixtureRequest, world: dict[str, Report], persona: str, obj: str
) -> None:
    user: User = request.getfixturevalue(persona)
    assert can_work_on(user, world[obj]) == (obj in WORKS_ON[persona])


@pytest.mark.parametrize("persona", PERSONAS)
def test_queue_lists_exactly_the_visible_reports(
    request: pytest.FixtureRequest,
    world: dict[str, Report],
    login: Callable[[User], Client],
    persona: str,
) -> None:
    client = login(request.getfixturevalue(persona))
    page = client.get(reverse("reports:queue")).content.decode()
    listed = {name for name, report in world.items() if report.reference in page}
    assert listed == SEES[persona]


@pytest.mark.parametrize(("persona", "obj"), MATRIX)
def test_detail_page_is_404_for_what_the_user_may_not_see(
    request: pytest.FixtureRequest,
    world: dict[str, Report],
    login: Callable[[User], Client],
    persona: str,
    obj: str,
) -> None:
    client = login(request.getfixturevalue(persona))
    response = client.get(reverse("reports:detail", args=[world[obj].reference]))
    assert response.status_code == (200 if obj in SEES[persona] else 404)


def test_search_does_not_reach_invisible_reports(
    world: dict[str, Report], cert_analyst: User, login: Callable[[User], Client]
) -> None:
    page = login(cert_analyst).get(reverse("reports:queue"), {"q": "shared"}).content.decode()
    assert world["shared"].reference in page
    assert world["shared_red"].reference not in page
    assert world["shared_confidential"].reference not in page


def test_an_inactive_user_sees_nothing(world: dict[str, Report], police_analyst: User) -> None:
    police_analyst.is_active = False
    assert not visible_reports(police_analyst).exists()


def test_a_reporter_opens_only_their_report_with_its_receipt_code(operator: Organisation) -> None:
    mine = submit(
        ReportSubmission(channel="web"),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
        issue_receipt=True,
    )
    other = submit(
        ReportSubmission(channel="web"),
        organisation=operator,
        original=b"{}",
        content_type="application/json",
        issue_receipt=True,
    )
    reference = mine.report.reference
    assert report_for_receipt(reference, mine.receipt_code) == mine.report
    assert report_for_receipt(reference, other.receipt_code) is None
    assert report_for_receipt("CR-2026-9999999-0", mine.receipt_code) is None
    assert report_for_receipt("not a reference", mine.receipt_code) is None
    assert report_for_reporter_session(reference, granted=True) == mine.report
    assert report_for_reporter_session(reference, granted=False) is None
