"""Handling rules (TLP 2.0 + distribution) decide who outside the receiving organisation
sees a report, a case and the observables in them, and personal data of the victim stays
in unless marked shareable.

The world: the operator received one report per distribution (own organisation, a group
with the CERT and the foreign contact point, all partners, public), the same to all
partners but TLP:RED, and the same but from a confidential reporter.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from crex.accounts.models import Organisation, User
from crex.cases.models import Case
from crex.core.disclosure import PersonalData
from crex.reports.models import Report, ReportObservable
from crex.reports.pipeline import process_report
from crex.reports.visibility import (
    disclosed_to,
    visible_cases,
    visible_observable_links,
    visible_reports,
)
from crex.sharing.models import SharingGroup
from tests.reports.conftest import FileReport

NARRATIVE = (
    "I paid 450 EUR to NL91ABNA0417164300 after a call from +31 20 794 5000; "
    "the shop was fake-shop.example.com. My own account is NL39RABO0300065264."
)

OUTSIDERS = ["cert_analyst", "bank_partner", "foreign_analyst"]
# who, outside the operator, sees each report
REACHES: dict[str, set[str]] = {
    "organisation": set(),
    "group": {"cert_analyst", "foreign_analyst"},
    "partners": set(OUTSIDERS),
    "public": set(OUTSIDERS),
    "partners_red": set(),
    "partners_confidential": set(),
}


@pytest.fixture
def group(cert: Organisation, foreign_contact_point: Organisation) -> SharingGroup:
    """A sharing group with the CERT and the foreign contact point (not the bank)."""
    group = SharingGroup.objects.create(name="Contact points and CERTs")
    group.members.add(cert, foreign_contact_point)
    return group


@pytest.fixture
def world(file_report: FileReport, group: SharingGroup) -> dict[str, Report]:
    """One processed report per handling rule (see the module docstring)."""
    rules = {
        "organisation": {},
        "group": {"distribution": "group", "sharing_group": group},
        "partners": {"distribution": "partners"},
        "public": {"distribution": "public", "tlp": "clear"},
        "partners_red": {"distribution": "partners", "tlp": "red"},
        "partners_confidential": {"distribution": "partners", "confidential": True},
    }
    reports = {}
    for name, fields in rules.items():
        report = file_report(narrative=NARRATIVE)
        Report.objects.filter(pk=report.pk).update(**fields)
        process_report(report)
        report.refresh_from_db()
        reports[name] = report
    return reports


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("name", list(REACHES))
def test_the_handling_rules_decide_who_outside_sees_a_report(
    request: pytest.FixtureRequest,
    world: dict[str, Report],
    login: Callable[[User], Client],
    persona: str,
    name: str,
) -> None:
    user: User = request.getfixturevalue(persona)
    expected = persona in REACHES[name]
    assert visible_reports(user).filter(pk=world[name].pk).exists() == expected
    assert visible_reports(user.organisation).filter(pk=world[name].pk).exists() == expected
    response = login(user).get(reverse("reports:detail", args=[world[name].reference]))
    assert response.status_code == (200 if expected else 404)


def test_the_receiving_organisation_sees_all_of_them(
    world: dict[str, Report], police_analyst: User
) -> None:
    assert set(visible_reports(police_analyst)) == set(world.values())


def test_leaving_a_group_stops_what_reaches_through_it(
    world: dict[str, Report], group: SharingGroup, cert: Organisation, cert_analyst: User
) -> None:
    assert visible_reports(cert_analyst).filter(pk=world["group"].pk).exists()
    group.members.remove(cert)
    assert not visible_reports(cert_analyst).filter(pk=world["group"].pk).exists()


def test_outsiders_get_no_personal_data_of_the_victim_until_marked_shareable(
    world: dict[str, Report], cert_analyst: User, police_analyst: User
) -> None:
    report = world["partners"]
    assert disclosed_to(police_analyst, report) == frozenset(PersonalData)
    assert disclosed_to(cert_analyst, report) == frozenset()
    report.share_narrative = True
    assert disclosed_to(cert_analyst, report) == {PersonalData.NARRATIVE}


def test_the_detail_page_hides_the_narrative_from_outsiders(
    world: dict[str, Report], cert_analyst: User, login: Callable[[User], Client]
) -> None:
    url = reverse("reports:detail", args=[world["partners"].reference])
    page = login(cert_analyst).get(url).content.decode()
    assert "fake-shop.example.com" in page  # the offender's site is shared
    assert "after a call from" not in page  # the victim's own words are not
    assert "stays with the receiving organisation" in page
    Report.objects.filter(pk=world["partners"].pk).update(share_narrative=True)
    page = login(cert_analyst).get(url).content.decode()
    assert "after a call from" in page


def _values(user: User, report: Report) -> set[str]:
    links = visible_observable_links(user).filter(report=report).select_related("observable")
    return {link.observable.value for link in links}


def test_observables_follow_their_report_and_their_own_marking(
    world: dict[str, Report], cert_analyst: User, police_analyst: User, file_report: FileReport
) -> None:
    report = world["partners"]
    everything = _values(police_analyst, report)
    assert {"NL91ABNA0417164300", "+31207945000", "fake-shop.example.com"} <= everything
    assert _values(cert_analyst, report) == everything
    # one observable marked more strictly than its report stays in
    link = report.observables.get(observable__value="+31207945000")
    link.tlp = "red"
    link.save()
    assert "+31207945000" not in _values(cert_analyst, report)
    ReportObservable.objects.filter(pk=link.pk).update(tlp="", distribution="organisation")
    assert "+31207945000" not in _values(cert_analyst, report)
    assert "+31207945000" in _values(police_analyst, report)
    # nothing of a report that does not reach them
    assert _values(cert_analyst, world["partners_red"]) == set()


def test_the_victims_own_identifiers_stay_in_unless_marked_shareable(
    world: dict[str, Report], cert_analyst: User
) -> None:
    report = world["partners"]
    ReportObservable.objects.filter(report=report, observable__value="NL39RABO0300065264").update(
        role=ReportObservable.Role.VICTIM_ASSET
    )
    assert "NL39RABO0300065264" not in _values(cert_analyst, report)
    Report.objects.filter(pk=report.pk).update(share_victim_identifiers=True)
    assert "NL39RABO0300065264" in _values(cert_analyst, report)


def test_a_case_reaches_outsiders_by_its_own_handling_rules(
    operator: Organisation, group: SharingGroup, cert_analyst: User, bank_partner: User
) -> None:
    case = Case.objects.create(title="Fake shops", organisation=operator)
    assert not visible_cases(cert_analyst).filter(pk=case.pk).exists()
    Case.objects.filter(pk=case.pk).update(distribution="group", sharing_group=group)
    assert visible_cases(cert_analyst).filter(pk=case.pk).exists()
    assert not visible_cases(bank_partner).filter(pk=case.pk).exists()
    Case.objects.filter(pk=case.pk).update(distribution="partners", sharing_group=None, tlp="red")
    assert not visible_cases(cert_analyst).filter(pk=case.pk).exists()
